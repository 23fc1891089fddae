//! The failures that end a command, each knowing its exit code: the one place
//! where SPEC section 1's exit-code table lives.

use serde::Serialize;

/// A program rule that did not pass, named by its rule id (SPEC section 12).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleFailure {
    pub id: String,
    pub detail: String,
}

impl RuleFailure {
    pub fn new(id: &str, detail: impl Into<String>) -> Self {
        RuleFailure {
            id: id.to_string(),
            detail: detail.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// Exit 1: a program rule refused the operation.
    #[error("{message}")]
    Rules {
        message: String,
        rules: Vec<RuleFailure>,
        /// True where the refusal itself was recorded in the ledger.
        recorded: bool,
    },
    /// Exit 2: a usage error that clap could not see (a value missing without a terminal).
    #[error("{0}")]
    Usage(String),
    /// Exit 3: an offer, claim, agreement or reseller named by the command is unknown.
    #[error("{0}")]
    NotFound(String),
    /// Exit 4: a well-formed value that is not valid, or a malformed file.
    #[error("{0}")]
    Invalid(String),
    /// Exit 5: the ledger is missing, unreadable, busy, foreign, corrupt or too new.
    #[error("{0}")]
    Ledger(String),
}

impl Failure {
    pub fn exit_code(&self) -> i32 {
        match self {
            Failure::Rules { .. } => 1,
            Failure::Usage(_) => 2,
            Failure::NotFound(_) => 3,
            Failure::Invalid(_) => 4,
            Failure::Ledger(_) => 5,
        }
    }

    /// A refusal by one or more rules; nothing recorded.
    pub fn rules(message: impl Into<String>, rules: Vec<RuleFailure>) -> Self {
        Failure::Rules {
            message: message.into(),
            rules,
            recorded: false,
        }
    }

    /// A refusal by a single rule; nothing recorded.
    pub fn rule(id: &str, detail: impl Into<String>) -> Self {
        let detail = detail.into();
        Failure::rules(
            format!("{id}: {detail}"),
            vec![RuleFailure::new(id, detail)],
        )
    }

    pub fn rules_list(&self) -> &[RuleFailure] {
        match self {
            Failure::Rules { rules, .. } => rules,
            _ => &[],
        }
    }

    pub fn recorded(&self) -> bool {
        matches!(self, Failure::Rules { recorded: true, .. })
    }
}

/// Turns any error that reached `main` into the failure it stands for: our own
/// `Failure`s as they are, SQLite trouble as a ledger error, unreadable files as
/// invalid input.
pub fn classify(error: &anyhow::Error) -> (i32, String, Vec<RuleFailure>, bool) {
    for cause in error.chain() {
        if let Some(failure) = cause.downcast_ref::<Failure>() {
            let message = if std::ptr::eq(cause, error.root_cause()) && error.chain().count() == 1 {
                failure.to_string()
            } else {
                format!("{error:#}")
            };
            return (
                failure.exit_code(),
                message,
                failure.rules_list().to_vec(),
                failure.recorded(),
            );
        }
    }
    for cause in error.chain() {
        if let Some(sqlite) = cause.downcast_ref::<rusqlite::Error>() {
            return (5, ledger_message(sqlite, error), Vec::new(), false);
        }
    }
    // A file that cannot be read or written (also inside a CSV or JSON
    // writer's error) is the user's input or output, not the ledger.
    let code = if io_error_kind(error).is_some() { 4 } else { 5 };
    (code, format!("{error:#}"), Vec::new(), false)
}

/// The kind of the first I/O error in the chain, also one wrapped in a CSV
/// or JSON writer's error.
pub fn io_error_kind(error: &anyhow::Error) -> Option<std::io::ErrorKind> {
    error.chain().find_map(|cause| {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            Some(io.kind())
        } else if let Some(csv) = cause.downcast_ref::<csv::Error>() {
            match csv.kind() {
                csv::ErrorKind::Io(io) => Some(io.kind()),
                _ => None,
            }
        } else {
            cause.downcast_ref::<serde_json::Error>()?.io_error_kind()
        }
    })
}

fn ledger_message(sqlite: &rusqlite::Error, error: &anyhow::Error) -> String {
    use rusqlite::ErrorCode;
    match sqlite.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            "the ledger is busy: another cashback command is writing to it; try again when it has finished (config [ledger] busy_timeout_seconds sets how long to wait)".to_string()
        }
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
            format!("the ledger is corrupt or not a cashback ledger: {error:#}")
        }
        _ => format!("ledger error: {error:#}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_failure_has_its_exit_code() {
        assert_eq!(Failure::rule("reseller.exists", "x").exit_code(), 1);
        assert_eq!(Failure::Usage("x".into()).exit_code(), 2);
        assert_eq!(Failure::NotFound("x".into()).exit_code(), 3);
        assert_eq!(Failure::Invalid("x".into()).exit_code(), 4);
        assert_eq!(Failure::Ledger("x".into()).exit_code(), 5);
    }

    #[test]
    fn context_keeps_the_exit_code() {
        let error =
            anyhow::Error::new(Failure::NotFound("no claim 7".into())).context("claim show");
        let (code, message, _, _) = classify(&error);
        assert_eq!(code, 3);
        assert!(message.contains("no claim 7"));
    }
}
