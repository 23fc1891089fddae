//! Security: who may read the ledger and the files holding bank details,
//! SQL that stays data, and files that replace user data written atomically.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::{CSV_HEADER, OFFER_TOML, TestLedger};
use serde_json::Value;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// The ledger's own mode and the folders `init` creates are tested with
/// `init` (tests/foundation.rs); here, the files beside it.
#[test]
fn the_write_ahead_log_is_as_private_as_the_ledger() {
    let ledger = TestLedger::new();
    // The WAL and its index hold the same data: SQLite gives them the
    // ledger's mode. A reader held open keeps them while a command writes.
    let reader = rusqlite::Connection::open(&ledger.path).unwrap();
    let _: i64 = reader
        .query_row("SELECT count(*) FROM resellers", [], |r| r.get(0))
        .unwrap();
    ledger.ok(&[
        "reseller",
        "register",
        "--id",
        "a",
        "--name",
        "A AS",
        "--email",
        "a@a-firm.no",
    ]);
    for suffix in ["-wal", "-shm"] {
        let mut side = ledger.path.as_os_str().to_owned();
        side.push(suffix);
        assert_eq!(mode(Path::new(&side)), 0o600, "{side:?}");
    }
    drop(reader);
}

#[test]
fn init_leaves_an_existing_folder_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut ledger = TestLedger::uninitialised();
    ledger.path = folder.join("ledger.sqlite3");
    ledger.ok(&["init"]);
    assert_eq!(mode(&folder), 0o755);
    assert_eq!(mode(&ledger.path), 0o600);
}

#[test]
fn revealed_exports_are_private_and_written_whole() {
    let ledger = TestLedger::new();
    ledger.ok(&[
        "reseller",
        "register",
        "--id",
        "a",
        "--name",
        "A AS",
        "--email",
        "a@a-firm.no",
    ]);
    let out = ledger.dir.path().join("exports");
    std::fs::create_dir(&out).unwrap();
    let revealed = out.join("resellers-revealed.csv");
    ledger.ok(&[
        "export",
        "resellers",
        "--reveal",
        "--output",
        revealed.to_str().unwrap(),
    ]);
    assert_eq!(mode(&revealed), 0o600);
    let plain = out.join("resellers.csv");
    ledger.ok(&["export", "resellers", "--output", plain.to_str().unwrap()]);
    // Only the two finished files: no temporary file is left behind.
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["resellers-revealed.csv", "resellers.csv"]);
    assert_eq!(
        std::fs::read_to_string(&plain).unwrap(),
        ledger.ok(&["export", "resellers"])
    );
}

#[test]
fn a_failed_export_leaves_no_file_and_keeps_the_old_one() {
    let ledger = TestLedger::new();
    let target = ledger.write_file("resellers.csv", "an earlier export\n");
    // Refused: the file exists.
    ledger.refused(
        4,
        &["export", "resellers", "--output", target.to_str().unwrap()],
    );
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "an earlier export\n"
    );
    // Refused before anything is written: the ledger is missing.
    let mut missing = TestLedger::uninitialised();
    missing.path = ledger.dir.path().join("absent.sqlite3");
    let out = ledger.dir.path().join("new.csv");
    missing.fails(
        5,
        &["export", "resellers", "--output", out.to_str().unwrap()],
    );
    let names: Vec<String> = std::fs::read_dir(ledger.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("ledger.sqlite3"))
        .collect();
    assert_eq!(names, ["resellers.csv"]);
}

/// Names an attacker might hope reach SQL as code.
const HOSTILE_NAMES: &[&str] = &[
    "x'); DROP TABLE claims;--",
    "O'Brien \"Data\" AS",
    "Robert'); DELETE FROM resellers WHERE ('1'='1",
    "1 OR 1=1; --",
    "\" OR \"\"=\"",
    "100% _Discount_ [AS] \\",
    "Line\nbreak, \"comma\" AS",
    "Blåbær Data AS ✓",
];

#[test]
fn reseller_names_full_of_sql_and_quotes_round_trip() {
    let ledger = TestLedger::new();
    let before_tables = tables(&ledger);
    for (i, name) in HOSTILE_NAMES.iter().enumerate() {
        let id = format!("r{i}");
        ledger.ok(&[
            "reseller",
            "register",
            "--id",
            &id,
            "--name",
            name,
            "--email",
            "o'brien@obrien-data.no",
        ]);
        let shown = ledger.json(&["reseller", "show", &id]);
        assert_eq!(shown["name"], *name);
        assert_eq!(shown["email"], "o'brien@obrien-data.no");
    }
    // Corrected to another hostile name, the old one kept in the audit log.
    ledger.ok(&[
        "reseller",
        "update",
        "r0",
        "--name",
        "'; UPDATE resellers SET name='pwned';--",
    ]);
    assert_eq!(
        ledger.json(&["reseller", "show", "r0"])["name"],
        "'; UPDATE resellers SET name='pwned';--"
    );
    let listed = ledger.json(&["reseller", "list"]);
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    let mut expected: Vec<&str> = HOSTILE_NAMES.to_vec();
    expected[0] = "'; UPDATE resellers SET name='pwned';--";
    assert_eq!(names, expected);
    // The CSV export reads back to the same names.
    let csv_text = ledger.ok(&["export", "resellers"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let exported: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[1].to_string())
        .collect();
    assert_eq!(exported, expected);
    assert_eq!(tables(&ledger), before_tables);
    // Lookups by hostile text find nothing rather than everything.
    ledger.refused(3, &["reseller", "show", "' OR '1'='1"]);
}

#[test]
fn offer_texts_full_of_sql_and_quotes_round_trip() {
    let ledger = TestLedger::new();
    let before_tables = tables(&ledger);
    let name = "O'Brien \"Data\" Promo'); DROP TABLE offers;--";
    let products = [
        "Office 365 E3'; DELETE FROM offers;--",
        "\"quoted\" \\ back",
    ];
    let text = OFFER_TOML
        .replace(
            "name = \"10@5 Cloud Open Promotion\"",
            &format!("name = {}", toml_string(name)),
        )
        .replace(
            "terms_version = \"2015-07\"",
            "terms_version = \"2015-07'--\"",
        )
        .replace(
            "products = [\"Office 365 E3\", \"Office 365 Business Premium\"]",
            &format!(
                "products = [{}, {}]",
                toml_string(products[0]),
                toml_string(products[1])
            ),
        );
    let path = ledger.write_file("hostile-offer.toml", &text);
    ledger.ok(&["offer", "add", path.to_str().unwrap()]);
    let shown = ledger.json(&["offer", "show", "10at5-cloud-open"]);
    assert_eq!(shown["name"], name);
    assert_eq!(shown["terms_version"], "2015-07'--");
    assert_eq!(shown["criteria"]["products"], serde_json::json!(products));
    let listed = ledger.json(&["offer", "list"]);
    assert_eq!(listed[0]["name"], name);
    assert_eq!(tables(&ledger), before_tables);
}

fn toml_string(text: &str) -> String {
    Value::String(text.to_string()).to_string()
}

/// The names of the ledger's tables: a dropped table would show here.
fn tables(ledger: &TestLedger) -> Vec<String> {
    let conn = rusqlite::Connection::open(&ledger.path).unwrap();
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

const IBAN: &str = "NO9386011117947";
const IBAN_MASKED: &str = "NO93 **** **** 947";

/// Fragments of the IBAN that must never appear: the whole, spaced, and
/// the hidden middle.
const CLEAR: &[&str] = &[IBAN, "NO93 8601 1117 947", "86011117", "8601 1117", "no93"];

fn assert_masked(what: &str, text: &str) {
    for clear in CLEAR {
        assert!(
            !text.contains(clear),
            "{what}: clear IBAN `{clear}` in:\n{text}"
        );
    }
}

/// A claim paid to bank details, with one refused set of details kept for
/// the audit; today is the payment day.
fn paid_claim() -> TestLedger {
    let mut t = TestLedger::new();
    t.add_example_offer();
    t.ok(&[
        "reseller",
        "register",
        "--id",
        "nordic-it",
        "--name",
        "Nordic IT AS",
        "--email",
        "post@nordic-it.no",
        "--country",
        "NO",
    ]);
    let sales = t.write_file(
        "sales.csv",
        &format!(
            "{CSV_HEADER}\nV1000001,1,nordic-it,C1,Kunde AS,commercial,NO,2015-07-01,Office 365 E3,cloud-open,10,10000.00,NOK,\n"
        ),
    );
    t.ok(&["agreement", "import", sales.to_str().unwrap()]);
    t.ok(&[
        "claim",
        "submit",
        "--offer",
        "10at5-cloud-open",
        "--reseller",
        "nordic-it",
        "--agreement",
        "V1000001",
        "--accept-terms",
    ]);
    t.set_today("2015-07-02");
    t.ok(&["claim", "validate", "1"]);
    t.ok(&["notice", "send", "1"]);
    let bank = |holder: &str| {
        vec![
            "bank",
            "submit",
            "1",
            "--holder",
            holder,
            "--holder-type",
            "business",
            "--iban",
            "no93 8601 1117 947",
            "--bic",
            "DNBANOKK",
            "--currency",
            "NOK",
            "--address",
            "Storgata 1, Oslo",
        ]
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>()
    };
    let args = bank("Nordic IT AS");
    t.ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
    t.set_today("2016-02-01");
    t.ok(&["calculate", "--offer", "10at5-cloud-open"]);
    t.ok(&["payout", "record", "1", "--reference", "TRF-1"]);
    t
}

#[test]
fn payouts_claims_audit_and_calendars_never_show_the_iban() {
    let t = paid_claim();
    let mut outputs: Vec<(String, String)> = Vec::new();
    let mut run = |args: Vec<&str>| {
        let output = t.run(&args);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        outputs.push((format!("{args:?}"), text));
    };
    for format in ["table", "json", "csv"] {
        run(vec!["payout", "schedule", "--format", format]);
        run(vec!["claim", "show", "1", "--format", format]);
        run(vec!["claim", "list", "--format", format]);
        run(vec!["check", "--claim", "1", "--format", format]);
        run(vec!["audit", "log", "--format", format]);
        run(vec!["bank", "show", "nordic-it", "--format", format]);
        // Refused: already paid; the message names the claim, not the account.
        run(vec![
            "payout",
            "record",
            "1",
            "--reference",
            "TRF-2",
            "--format",
            format,
        ]);
    }
    for table in ["payouts", "claims", "events", "bank_details"] {
        for format in ["csv", "json"] {
            run(vec!["export", table, "--format", format]);
        }
    }
    run(vec!["calendar", "--within", "400"]);
    run(vec!["deadlines", "--within", "400", "--format", "json"]);
    run(vec![
        "payout",
        "fail",
        "1",
        "--reason",
        "account closed",
        "--format",
        "json",
    ]);
    run(vec!["payout", "schedule", "--format", "json"]);
    for (what, text) in &outputs {
        assert_masked(what, text);
    }
    assert!(outputs.iter().any(|(_, text)| text.contains(IBAN_MASKED)));
    // The events table holds no clear IBAN in any column.
    let conn = rusqlite::Connection::open(&t.path).unwrap();
    let mut stmt = conn
        .prepare("SELECT at || business_date || actor || action || entity || details FROM events")
        .unwrap();
    let events: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_masked("events table", &events.join("\n"));
    // Revealed on request only.
    let revealed = t.ok(&["bank", "show", "nordic-it", "--reveal"]);
    assert!(revealed.contains(IBAN), "{revealed}");
}

/// An IBAN typed into the BIC field (arguments swapped) is echoed in the
/// refusal in clear.
#[test]
fn an_iban_typed_as_the_bic_is_not_echoed() {
    let t = paid_claim();
    let stderr = t.fails(
        4,
        &[
            "bank",
            "submit",
            "1",
            "--holder",
            "Nordic IT AS",
            "--holder-type",
            "business",
            "--iban",
            "DNBANOKK",
            "--bic",
            IBAN,
            "--currency",
            "NOK",
            "--address",
            "Oslo",
        ],
    );
    assert_masked("refusal", &stderr);
}
