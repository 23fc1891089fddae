//! The context every command gets: where the ledger is, the checked config,
//! the business date, the output format, the actor, and how to talk to the
//! person at the terminal (if there is one).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use chrono::{NaiveDate, SecondsFormat, Utc};
use clap::ArgMatches;
use clap::parser::ValueSource;
use serde_json::Value;

use crate::cli::{Format, GlobalArgs};
use crate::error::Failure;
use crate::io::config::Config;
use crate::ledger::Ledger;
use crate::ledger::events::{EventContext, last_business_date};
use crate::render;

pub struct App {
    pub db_path: PathBuf,
    /// True when --db was given on the command line (not from CASHBACK_DB).
    pub db_from_flag: bool,
    pub config: Config,
    pub today: NaiveDate,
    pub format: Format,
    /// True when --format was given on the command line.
    pub format_from_flag: bool,
    /// `--actor` / CASHBACK_ACTOR as given; resolved by `actor()` only when
    /// a command records an event, so that reading commands never look up
    /// the OS account name.
    actor_flag: Option<String>,
    actor: std::cell::OnceCell<String>,
    pub yes: bool,
    pub quiet: bool,
    /// stdin and stdout are terminals: prompts and progress bars are allowed.
    pub terminal: bool,
}

impl App {
    /// Resolves the global flags (already parsed) into checked settings. The
    /// clock is read here and nowhere else.
    pub fn from_args(global: &GlobalArgs, matches: &ArgMatches) -> Result<App, Failure> {
        let from_flag = |id: &str| find_source(matches, id) == Some(ValueSource::CommandLine);
        let dirs = directories::ProjectDirs::from("", "", "cashback");
        let db_path = match &global.db {
            Some(path) => path.clone(),
            None => dirs
                .as_ref()
                .map(|d| d.data_dir().join("ledger.sqlite3"))
                .ok_or_else(|| {
                    Failure::Ledger(
                        "cannot find a data folder for the ledger; pass --db PATH".into(),
                    )
                })?,
        };
        let config = match &global.config {
            Some(path) => Config::load(path, true)?,
            None => match &dirs {
                Some(d) => Config::load(&d.config_dir().join("config.toml"), false)?,
                None => Config::default(),
            },
        };
        Ok(App {
            db_path,
            db_from_flag: from_flag("db"),
            config,
            today: global
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            format: global.format.unwrap_or(Format::Table),
            format_from_flag: from_flag("format"),
            actor_flag: global.actor.clone(),
            actor: std::cell::OnceCell::new(),
            yes: global.yes,
            quiet: global.quiet,
            terminal: std::io::stdin().is_terminal() && std::io::stdout().is_terminal(),
        })
    }

    pub fn busy_timeout(&self) -> Duration {
        Duration::from_secs(self.config.busy_timeout_seconds)
    }

    /// Opens the existing ledger (exit 5 when missing, foreign or too new).
    pub fn ledger(&self) -> Result<Ledger, Failure> {
        Ledger::open(&self.db_path, self.busy_timeout())
    }

    /// Who is recorded in the audit log: `--actor`, else `$USER`, else
    /// `$LOGNAME`, else the OS account name, else `unknown` (never empty).
    pub fn actor(&self) -> &str {
        self.actor.get_or_init(|| {
            self.actor_flag
                .clone()
                .filter(|a| !a.trim().is_empty())
                .or_else(|| std::env::var("USER").ok().filter(|a| !a.trim().is_empty()))
                .or_else(|| {
                    std::env::var("LOGNAME")
                        .ok()
                        .filter(|a| !a.trim().is_empty())
                })
                .or_else(os_account_name)
                .unwrap_or_else(|| "unknown".to_string())
        })
    }

    /// The actor and real time stamped on this command's events.
    pub fn event_context(&self) -> EventContext {
        EventContext {
            actor: self.actor().to_string(),
            at: Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true),
        }
    }

    /// The business date of an event: `--on` or today. A date after today,
    /// or before the entity's last recorded event, is refused (exit 4).
    pub fn event_date(
        &self,
        ledger: &Ledger,
        on: Option<NaiveDate>,
        entity: Option<&str>,
    ) -> anyhow::Result<NaiveDate> {
        let date = on.unwrap_or(self.today);
        if date > self.today {
            return Err(
                Failure::Invalid(format!("--on {date} is after today ({})", self.today)).into(),
            );
        }
        if let Some(entity) = entity
            && let Some(last) = last_business_date(&ledger.conn, entity)?
            && date < last
        {
            return Err(Failure::Invalid(format!(
                "--on {date} is before the last recorded event of {entity} ({last})"
            ))
            .into());
        }
        Ok(date)
    }

    /// Prompts are allowed: both ends are a terminal and --yes was not given.
    pub fn can_prompt(&self) -> bool {
        self.terminal && !self.yes
    }

    /// Asks to confirm a destructive step. `--yes` or no terminal goes ahead
    /// without asking; a "no" at the prompt is `confirmation.declined`.
    pub fn confirm(&self, question: &str) -> anyhow::Result<()> {
        if !self.can_prompt() {
            return Ok(());
        }
        let yes = dialoguer::Confirm::new()
            .with_prompt(question)
            .default(false)
            .interact()?;
        if yes {
            Ok(())
        } else {
            Err(Failure::rule(
                "confirmation.declined",
                "declined at the prompt; nothing was done",
            )
            .into())
        }
    }

    /// A value the command needs: the flag's, else asked at a terminal, else
    /// a usage error (exit 2).
    pub fn required_value(
        &self,
        value: Option<String>,
        flag: &str,
        prompt: &str,
    ) -> anyhow::Result<String> {
        if let Some(value) = value {
            return Ok(value);
        }
        if self.can_prompt() {
            let answer: String = dialoguer::Input::new()
                .with_prompt(prompt)
                .interact_text()?;
            return Ok(answer);
        }
        Err(Failure::Usage(format!(
            "the argument {flag} is required (no terminal to ask at)"
        ))
        .into())
    }

    /// An informational line on stderr, unless --quiet.
    pub fn info(&self, message: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", message.as_ref());
        }
    }

    pub fn print_list(&self, columns: &[&str], rows: &[Value]) -> anyhow::Result<()> {
        let mut out = std::io::stdout().lock();
        render::list(&mut out, self.format, columns, rows)?;
        out.flush()?;
        Ok(())
    }

    pub fn print_record(&self, value: &Value) -> anyhow::Result<()> {
        let mut out = std::io::stdout().lock();
        render::record(&mut out, self.format, value)?;
        out.flush()?;
        Ok(())
    }

    /// One wide record (an offer): `key,value` rows in CSV.
    pub fn print_key_values(&self, value: &Value) -> anyhow::Result<()> {
        let mut out = std::io::stdout().lock();
        render::key_values(&mut out, self.format, value)?;
        out.flush()?;
        Ok(())
    }
}

/// Whether a global argument was given on the command line (not taken from
/// its environment variable or default).
pub fn from_command_line(matches: &ArgMatches, id: &str) -> bool {
    find_source(matches, id) == Some(ValueSource::CommandLine)
}

/// Where a global argument's value came from, looking through subcommands.
fn find_source(matches: &ArgMatches, id: &str) -> Option<ValueSource> {
    let mut current = Some(matches);
    let mut best = None;
    while let Some(m) = current {
        if let Ok(Some(source)) = m.try_get_raw(id).map(|_| m.value_source(id)) {
            if source == ValueSource::CommandLine {
                return Some(source);
            }
            best = Some(source);
        }
        current = m.subcommand().map(|(_, sub)| sub);
    }
    best
}

fn os_account_name() -> Option<String> {
    // Last resort when neither USER nor LOGNAME is set (some cron setups).
    std::process::Command::new("id")
        .arg("-un")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}
