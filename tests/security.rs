//! Security: who may read the ledger and the files holding bank details,
//! SQL that stays data, and files that replace user data written atomically.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::{OFFER_TOML, TestLedger};
use serde_json::Value;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn init_makes_the_ledger_and_the_folders_it_creates_private() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = TestLedger::uninitialised();
    ledger.path = dir.path().join("programs/2015/ledger.sqlite3");
    ledger.ok(&["init"]);
    assert_eq!(mode(&ledger.path), 0o600);
    assert_eq!(mode(&dir.path().join("programs/2015")), 0o700);
    assert_eq!(mode(&dir.path().join("programs")), 0o700);
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
        let side = dir
            .path()
            .join(format!("programs/2015/ledger.sqlite3{suffix}"));
        assert_eq!(mode(&side), 0o600, "{}", side.display());
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
