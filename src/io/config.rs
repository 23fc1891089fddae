//! The optional settings file (SPEC section 9). Unknown keys are refused so a
//! typo never silently falls back to a default.

use std::path::Path;

use regex::Regex;
use serde::Deserialize;

use crate::domain::email::DomainPolicy;
use crate::error::Failure;

pub const DEFAULT_NUMBER_PATTERN: &str = "^[A-Z0-9][A-Z0-9-]{3,19}$";
pub const DEFAULT_BUSY_TIMEOUT_SECONDS: u64 = 30;

#[derive(Debug, Clone)]
pub struct Config {
    pub domains: DomainPolicy,
    pub number_pattern: Regex,
    pub busy_timeout_seconds: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            domains: DomainPolicy::default(),
            number_pattern: Regex::new(DEFAULT_NUMBER_PATTERN)
                .expect("the default pattern is valid"),
            busy_timeout_seconds: DEFAULT_BUSY_TIMEOUT_SECONDS,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    registration: Registration,
    #[serde(default)]
    agreements: Agreements,
    #[serde(default)]
    ledger: LedgerSettings,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Registration {
    #[serde(default)]
    personal_email_domains: Vec<String>,
    #[serde(default)]
    business_email_domains: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Agreements {
    number_pattern: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LedgerSettings {
    busy_timeout_seconds: Option<u64>,
}

impl Config {
    /// Reads the settings file. A missing file is fine at the default
    /// location and an error where the user named it.
    pub fn load(path: &Path, named_by_user: bool) -> Result<Config, Failure> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named_by_user => {
                return Ok(Config::default());
            }
            Err(e) => {
                return Err(Failure::Invalid(format!(
                    "config file {}: cannot read it: {e}",
                    path.display()
                )));
            }
        };
        Config::parse(&text).map_err(|problem| {
            Failure::Invalid(format!("config file {}: {problem}", path.display()))
        })
    }

    pub fn parse(text: &str) -> Result<Config, String> {
        let file: ConfigFile =
            toml::from_str(text).map_err(|e| e.to_string().trim().replace('\n', " "))?;
        let lower = |domains: Vec<String>| -> Vec<String> {
            domains
                .into_iter()
                .map(|d| d.trim().to_ascii_lowercase())
                .collect()
        };
        let number_pattern = match file.agreements.number_pattern {
            None => Config::default().number_pattern,
            Some(pattern) => Regex::new(&pattern).map_err(|e| {
                format!("[agreements] number_pattern: not a valid regular expression: {e}")
            })?,
        };
        let busy_timeout_seconds = file
            .ledger
            .busy_timeout_seconds
            .unwrap_or(DEFAULT_BUSY_TIMEOUT_SECONDS);
        if busy_timeout_seconds > 86_400 {
            return Err("[ledger] busy_timeout_seconds: more than a day (86400)".into());
        }
        Ok(Config {
            domains: DomainPolicy {
                personal: lower(file.registration.personal_email_domains),
                business: lower(file.registration.business_email_domains),
            },
            number_pattern,
            busy_timeout_seconds,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_spec_example() {
        let config = Config::parse(
            r#"
[registration]
personal_email_domains = ["Online.no"]
business_email_domains = ["example-firm.no"]
[agreements]
number_pattern = "^V[0-9]{7}$"
[ledger]
busy_timeout_seconds = 30
"#,
        )
        .unwrap();
        assert_eq!(config.domains.personal, vec!["online.no"]);
        assert!(config.number_pattern.is_match("V1234567"));
        assert_eq!(config.busy_timeout_seconds, 30);
    }

    #[test]
    fn unknown_keys_are_named() {
        let err = Config::parse("[ledger]\nbusy_timeout = 3\n").unwrap_err();
        assert!(err.contains("busy_timeout"), "{err}");
        let err = Config::parse("[ledgr]\n").unwrap_err();
        assert!(err.contains("ledgr"), "{err}");
    }

    #[test]
    fn bad_pattern() {
        assert!(Config::parse("[agreements]\nnumber_pattern = \"(\"\n").is_err());
    }
}
