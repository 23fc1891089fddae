//! The fixture every integration test uses: a fresh ledger in a temporary
//! folder, the real binary, a fixed business date, and a dump of the ledger
//! to show that a refused command changed nothing.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The spec's example offer (10@5 Cloud Open).
pub const OFFER_TOML: &str = r#"code = "10at5-cloud-open"
name = "10@5 Cloud Open Promotion"
currency = "NOK"
regions = ["NO"]
terms_version = "2015-07"

[dates]
opens_on = 2015-07-01
submit_before = 2015-12-15
sales_from = 2015-07-01
sales_to = 2015-12-31
calculation_date = 2016-01-31
payout_within_days = 60

[criteria]
products = ["Office 365 E3", "Office 365 Business Premium"]
license_types = ["cloud-open"]
segments = ["commercial"]
min_quantity = 5
min_new_customers = 0

[exclusion]
program = "MRI"
from = 2015-07-01
to = 2015-12-31

[incentive]
kind = "percent"
rate = "10"
cap = "100000.00"

[notices]
response_days = 5
max_notices = 3

[returns]
return_days = 30
"#;

/// The agreements CSV header of SPEC section 5.
pub const CSV_HEADER: &str = "agreement_number,line,reseller_id,customer_id,customer_name,segment,country,sale_date,product,license_type,quantity,net_amount,currency,returned_on";

pub struct TestLedger {
    pub dir: TempDir,
    pub path: PathBuf,
    pub today: String,
}

impl TestLedger {
    /// A new, initialised ledger with business date 2015-07-01.
    pub fn new() -> TestLedger {
        let ledger = TestLedger::uninitialised();
        ledger.ok(&["init"]);
        ledger
    }

    /// A folder with no ledger in it yet.
    pub fn uninitialised() -> TestLedger {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ledger.sqlite3");
        TestLedger {
            dir,
            path,
            today: "2015-07-01".to_string(),
        }
    }

    pub fn set_today(&mut self, today: &str) {
        self.today = today.to_string();
    }

    /// The binary with --db and --today set and no CASHBACK_* from outside.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("cashback").expect("binary");
        for (key, _) in std::env::vars() {
            if key.starts_with("CASHBACK_") {
                cmd.env_remove(key);
            }
        }
        cmd.env("CASHBACK_CONFIG", "/dev/null")
            .env("USER", "tester")
            .env_remove("NO_COLOR")
            .arg("--db")
            .arg(&self.path)
            .arg("--today")
            .arg(&self.today)
            .args(args);
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("run cashback")
    }

    /// Runs a command that must succeed; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "cashback {args:?} failed with {:?}\nstdout: {}\nstderr: {}",
            output.status.code(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("UTF-8 stdout")
    }

    /// Runs a command with --format json that must succeed; parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        serde_json::from_str(&self.ok(&all)).expect("JSON on stdout")
    }

    /// Runs a command that must fail with `code`; returns stderr.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(
            output.status.code(),
            Some(code),
            "cashback {args:?}\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stderr).expect("UTF-8 stderr")
    }

    /// Runs a command that must fail with `code` and leave the ledger exactly
    /// as it was; returns stderr.
    pub fn refused(&self, code: i32, args: &[&str]) -> String {
        let before = self.dump();
        let stderr = self.fails(code, args);
        assert_eq!(before, self.dump(), "cashback {args:?} changed the ledger");
        stderr
    }

    /// Runs a command with --format json that must fail with exit 1 naming
    /// `rule` in its JSON error, leaving the ledger unchanged.
    pub fn refused_by_rule(&self, rule: &str, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let stderr = self.refused(1, &all);
        let error: Value =
            serde_json::from_str(stderr.trim()).expect("one JSON error object on stderr");
        let ids: Vec<&str> = error["rules"]
            .as_array()
            .expect("rules array")
            .iter()
            .filter_map(|r| r["id"].as_str())
            .collect();
        assert!(ids.contains(&rule), "expected rule {rule} in {error}");
        error
    }

    pub fn write_file(&self, name: &str, content: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, content).expect("write test file");
        path
    }

    /// Adds the spec's example offer.
    pub fn add_example_offer(&self) {
        let path = self.write_file("offer.toml", OFFER_TOML);
        self.ok(&["offer", "add", path.to_str().unwrap()]);
    }

    /// Every row of every table, the schema version and application id, as
    /// text: equal dumps mean an unchanged ledger.
    pub fn dump(&self) -> String {
        dump(&self.path)
    }
}

pub fn dump(path: &Path) -> String {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open ledger for dump");
    let mut text = String::new();
    for pragma in ["user_version", "application_id"] {
        let value: i64 = conn.pragma_query_value(None, pragma, |r| r.get(0)).unwrap();
        text.push_str(&format!("{pragma}={value}\n"));
    }
    let mut tables = conn
        .prepare(
            "SELECT name, sql FROM sqlite_master WHERE type IN ('table','index') ORDER BY name",
        )
        .unwrap();
    let names: Vec<(String, Option<String>)> = tables
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (name, sql) in names {
        text.push_str(&format!("{}\n", sql.unwrap_or_default()));
        if name.starts_with("sqlite_") || name.contains("_autoindex_") {
            continue;
        }
        let is_table: bool = conn
            .query_row(
                "SELECT type = 'table' FROM sqlite_master WHERE name = ?1",
                [&name],
                |r| r.get(0),
            )
            .unwrap();
        if !is_table {
            continue;
        }
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{name}\" ORDER BY 1, 2"))
            .unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |row| {
                let mut cells = Vec::new();
                for i in 0..columns {
                    let value: rusqlite::types::Value = row.get(i)?;
                    cells.push(format!("{value:?}"));
                }
                Ok(cells.join("|"))
            })
            .unwrap();
        for row in rows {
            text.push_str(&format!("{name}: {}\n", row.unwrap()));
        }
    }
    text
}
