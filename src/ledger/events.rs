//! The audit trail's hash chain (SPEC section 8): every change appends an
//! event in the same transaction, hashed as the SHA-256 of the compact JSON
//! array `[prev_hash, seq, at, business_date, actor, action, entity, details]`.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The first event's `prev_hash`.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who is acting and when (real time), the same for every event of a command.
#[derive(Debug, Clone)]
pub struct EventContext {
    pub actor: String,
    /// UTC, RFC 3339, as stored.
    pub at: String,
}

/// One stored event.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Event {
    pub seq: i64,
    pub at: String,
    pub business_date: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub details: String,
    pub hash: String,
}

impl Event {
    /// The hash this event should carry after `prev_hash`.
    pub fn expected_hash(&self, prev_hash: &str) -> String {
        chain_hash(
            prev_hash,
            self.seq,
            &self.at,
            &self.business_date,
            &self.actor,
            &self.action,
            &self.entity,
            &self.details,
        )
    }
}

/// Lower-case hex SHA-256 of the compact JSON array of the event's fields.
#[allow(clippy::too_many_arguments)]
pub fn chain_hash(
    prev_hash: &str,
    seq: i64,
    at: &str,
    business_date: &str,
    actor: &str,
    action: &str,
    entity: &str,
    details: &str,
) -> String {
    let array = serde_json::json!([
        prev_hash,
        seq,
        at,
        business_date,
        actor,
        action,
        entity,
        details
    ]);
    let text =
        serde_json::to_string(&array).expect("a JSON array of strings and a number serialises");
    hex(&Sha256::digest(text.as_bytes()))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compact JSON with keys sorted at every level; non-ASCII written as itself.
pub fn canonical_json(value: &Value) -> String {
    serde_json::to_string(&sorted(value)).expect("JSON values serialise")
}

fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            Value::Object(
                keys.into_iter()
                    .map(|k| (k.clone(), sorted(&map[k])))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

/// Appends events for one command inside its transaction.
pub struct EventSink<'c> {
    context: &'c EventContext,
    head: Option<(i64, String)>,
    recorded: usize,
}

impl<'c> EventSink<'c> {
    pub fn new(context: &'c EventContext) -> Self {
        EventSink {
            context,
            head: None,
            recorded: 0,
        }
    }

    /// Appends one event; `details` is stored as canonical JSON.
    pub fn record(
        &mut self,
        tx: &Transaction<'_>,
        business_date: NaiveDate,
        action: &str,
        entity: &str,
        details: Value,
    ) -> rusqlite::Result<i64> {
        let (prev_seq, prev_hash) = match self.head.take() {
            Some(head) => head,
            None => tx
                .query_row(
                    "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1",
                    [],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?
                .unwrap_or((0, GENESIS.to_string())),
        };
        let details = match details {
            Value::Null => "{}".to_string(),
            other => canonical_json(&other),
        };
        let seq = prev_seq + 1;
        let business_date = business_date.format("%Y-%m-%d").to_string();
        let hash = chain_hash(
            &prev_hash,
            seq,
            &self.context.at,
            &business_date,
            &self.context.actor,
            action,
            entity,
            &details,
        );
        tx.execute(
            "INSERT INTO events (seq, at, business_date, actor, action, entity, details, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                seq,
                self.context.at,
                business_date,
                self.context.actor,
                action,
                entity,
                details,
                hash
            ],
        )?;
        self.head = Some((seq, hash));
        self.recorded += 1;
        Ok(seq)
    }

    /// How many events this command appended.
    pub fn recorded(&self) -> usize {
        self.recorded
    }
}

/// The latest business date recorded for an entity (`claim:12`), for the
/// `--on` rule.
pub fn last_business_date(
    conn: &rusqlite::Connection,
    entity: &str,
) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = conn.query_row(
        "SELECT max(business_date) FROM events WHERE entity = ?1",
        [entity],
        |row| row.get(0),
    )?;
    Ok(text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_are_canonical() {
        let value = serde_json::json!({"b": 1, "a": {"z": "blåbær", "y": [2, 1]}});
        assert_eq!(
            canonical_json(&value),
            r#"{"a":{"y":[2,1],"z":"blåbær"},"b":1}"#
        );
    }

    #[test]
    fn hash_is_over_the_documented_array() {
        let hash = chain_hash(
            GENESIS,
            1,
            "2026-01-01T00:00:00Z",
            "2015-07-01",
            "ann",
            "reseller.register",
            "reseller:x",
            "{}",
        );
        let text = format!(
            r#"["{GENESIS}",1,"2026-01-01T00:00:00Z","2015-07-01","ann","reseller.register","reseller:x","{{}}"]"#
        );
        assert_eq!(hash, hex(&Sha256::digest(text.as_bytes())));
        assert_eq!(hash.len(), 64);
    }
}
