//! The audit trail: `audit log`, `export events`, `audit verify` (and the
//! tampering it must name), and `backup`.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::TestLedger;
use rusqlite::Connection;
use serde_json::Value;
use sha2::{Digest, Sha256};

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A ledger with a few changes in it: 5 events.
fn busy_ledger() -> TestLedger {
    let t = TestLedger::new();
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
        "--on",
        "2015-06-30",
    ]);
    t.ok(&[
        "reseller",
        "register",
        "--id",
        "blabaer",
        "--name",
        "Blåbær «Data» AS",
        "--email",
        "post@blabaer.no",
    ]);
    t.ok(&[
        "reseller",
        "update",
        "nordic-it",
        "--email",
        "finance@nordic-it.no",
    ]);
    t.ok(&[
        "reseller",
        "enroll",
        "blabaer",
        "--program",
        "MRI",
        "--from",
        "2015-01-01",
        "--to",
        "2015-12-31",
    ]);
    t.add_example_offer();
    t
}

fn events(t: &TestLedger) -> Vec<Value> {
    t.json(&["audit", "log"]).as_array().unwrap().clone()
}

fn actions(t: &TestLedger, args: &[&str]) -> Vec<String> {
    let mut all = vec!["audit", "log"];
    all.extend(args);
    t.json(&all)
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .collect()
}

fn open(t: &TestLedger) -> Connection {
    Connection::open(&t.path).unwrap()
}

fn stored_hash(conn: &Connection, seq: i64) -> String {
    conn.query_row("SELECT hash FROM events WHERE seq = ?1", [seq], |r| {
        r.get(0)
    })
    .unwrap()
}

/// The `audit.chain` refusal's detail (verify changes nothing).
fn chain_break(t: &TestLedger, args: &[&str]) -> String {
    let mut all = vec!["audit", "verify"];
    all.extend(args);
    let error = t.refused_by_rule("audit.chain", &all);
    assert_eq!(error["exit"], 1);
    error["rules"][0]["detail"].as_str().unwrap().to_string()
}

/// A JSON string as `json.dumps(..., ensure_ascii=False)` writes it, for the
/// characters these tests use.
fn json_string(text: &str) -> String {
    assert!(!text.chars().any(char::is_control));
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

#[test]
fn commands_append_their_events_in_order() {
    let t = busy_ledger();
    // Refused and no-op commands append nothing.
    t.refused_by_rule(
        "reseller.exists",
        &[
            "reseller", "register", "--id", "blabaer", "--name", "B", "--email", "a@b.no",
        ],
    );
    t.ok(&[
        "reseller",
        "update",
        "nordic-it",
        "--email",
        "finance@nordic-it.no",
    ]);
    let offer = t.write_file("offer.toml", common::OFFER_TOML);
    t.ok(&["offer", "add", offer.to_str().unwrap(), "--replace"]);
    let replaced = common::OFFER_TOML.replace("rate = \"10\"", "rate = \"12.5\"");
    let replaced = t.write_file("offer2.toml", &replaced);
    t.ok(&[
        "--actor",
        "auditor-ann",
        "offer",
        "add",
        replaced.to_str().unwrap(),
        "--replace",
    ]);

    let log = events(&t);
    let got: Vec<(i64, &str, &str, &str, &str)> = log
        .iter()
        .map(|e| {
            (
                e["seq"].as_i64().unwrap(),
                e["action"].as_str().unwrap(),
                e["entity"].as_str().unwrap(),
                e["business_date"].as_str().unwrap(),
                e["actor"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                1,
                "reseller.register",
                "reseller:nordic-it",
                "2015-06-30",
                "tester"
            ),
            (
                2,
                "reseller.register",
                "reseller:blabaer",
                "2015-07-01",
                "tester"
            ),
            (
                3,
                "reseller.update",
                "reseller:nordic-it",
                "2015-07-01",
                "tester"
            ),
            (
                4,
                "reseller.enroll",
                "reseller:blabaer",
                "2015-07-01",
                "tester"
            ),
            (
                5,
                "offer.add",
                "offer:10at5-cloud-open",
                "2015-07-01",
                "tester"
            ),
            (
                6,
                "offer.replace",
                "offer:10at5-cloud-open",
                "2015-07-01",
                "auditor-ann"
            ),
        ]
    );
    // The real time is kept beside the business date: UTC, RFC 3339.
    for event in &log {
        let at = event["at"].as_str().unwrap();
        assert!(at.ends_with('Z') && at.contains('T'), "{at}");
        assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok(), "{at}");
        assert_eq!(event["hash"].as_str().unwrap().len(), 64);
    }
    // JSON gives details as an object; corrections keep the old values.
    assert_eq!(log[2]["details"]["old"]["email"], "post@nordic-it.no");
    assert_eq!(log[2]["details"]["new"]["email"], "finance@nordic-it.no");
    assert_eq!(log[5]["details"]["old"]["incentive"]["rate"], "10");
    assert_eq!(log[5]["details"]["offer"]["incentive"]["rate"], "12.5");
    assert_eq!(log[1]["details"]["name"], "Blåbær «Data» AS");

    // Filters.
    assert_eq!(
        actions(&t, &["--entity", "reseller:nordic-it"]),
        ["reseller.register", "reseller.update"]
    );
    assert_eq!(
        actions(&t, &["--entity", "offer"]),
        ["offer.add", "offer.replace"]
    );
    assert_eq!(
        actions(&t, &["--action", "reseller.re"]),
        ["reseller.register"; 2]
    );
    assert_eq!(
        actions(&t, &["--since", "2015-07-01", "--action", "reseller."]).len(),
        3
    );
    assert!(actions(&t, &["--since", "2015-07-02"]).is_empty());
    assert!(actions(&t, &["--entity", "claim:1"]).is_empty());
    t.fails(2, &["audit", "log", "--since", "2015-13-01"]);
    assert_eq!(
        t.ok(&["audit", "log", "--entity", "claim:1"]).trim(),
        "(none)"
    );
}

#[test]
fn log_and_export_in_csv_keep_the_stored_text() {
    let t = busy_ledger();
    let conn = open(&t);
    let stored: Vec<(i64, String, String)> = conn
        .prepare("SELECT seq, details, hash FROM events ORDER BY seq")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let columns = "seq,at,business_date,actor,action,entity,details,hash";
    for args in [
        vec!["audit", "log", "--format", "csv"],
        vec!["export", "events"],
        vec!["export", "events", "--format", "csv"],
    ] {
        let text = t.ok(&args);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(
            reader
                .headers()
                .unwrap()
                .iter()
                .collect::<Vec<_>>()
                .join(","),
            columns
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), stored.len(), "{args:?}");
        for (row, (seq, details, hash)) in rows.iter().zip(&stored) {
            assert_eq!(row[0], seq.to_string());
            assert_eq!(&row[6], details, "{args:?}");
            assert_eq!(&row[7], hash);
        }
    }
    // The JSON export keeps details as the stored text too.
    let exported = t.json(&["export", "events"]);
    let exported = exported.as_array().unwrap();
    assert_eq!(exported.len(), stored.len());
    for (event, (_, details, _)) in exported.iter().zip(&stored) {
        assert_eq!(event["details"].as_str().unwrap(), details);
    }
    // The table shows every event.
    let table = t.ok(&["audit", "log"]);
    assert!(table.contains("reseller.enroll") && table.contains(&stored[4].2));
}

#[test]
fn verify_prints_the_head() {
    let t = TestLedger::new();
    let empty = t.json(&["audit", "verify"]);
    assert_eq!(empty["intact"], true);
    assert_eq!(empty["events"], 0);
    assert_eq!(empty["head"], Value::Null);

    let t = busy_ledger();
    let log = events(&t);
    let last = log.last().unwrap();
    let report = t.json(&["audit", "verify"]);
    assert_eq!(report["intact"], true);
    assert_eq!(report["events"], 5);
    assert_eq!(report["head"]["seq"], 5);
    assert_eq!(report["head"]["hash"], last["hash"]);
    let table = t.ok(&["audit", "verify"]);
    assert!(table.contains(last["hash"].as_str().unwrap()), "{table}");
    let csv = t.ok(&["audit", "verify", "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("intact,events,head.seq,head.hash"));
    assert_eq!(
        lines.next().map(str::to_string),
        Some(format!("true,5,5,{}", last["hash"].as_str().unwrap()))
    );
}

#[test]
fn an_edited_event_is_named() {
    let t = busy_ledger();
    open(&t)
        .execute(
            "UPDATE events SET details = replace(details, 'finance@', 'thief@') WHERE seq = 3",
            [],
        )
        .unwrap();
    let detail = chain_break(&t, &[]);
    assert!(
        detail.starts_with("event 3 (reseller.update of reseller:nordic-it"),
        "{detail}"
    );
    assert!(detail.contains("was edited outside cashback"), "{detail}");
    assert!(detail.contains("no longer matches its hash"), "{detail}");
    // Plain text names it as well.
    let stderr = t.fails(1, &["audit", "verify"]);
    assert!(
        stderr.contains("audit.chain") && stderr.contains("event 3"),
        "{stderr}"
    );
}

#[test]
fn an_edited_latest_event_is_named() {
    let t = busy_ledger();
    open(&t)
        .execute(
            "UPDATE events SET business_date = '2015-06-01' WHERE seq = 5",
            [],
        )
        .unwrap();
    let detail = chain_break(&t, &[]);
    assert!(detail.starts_with("event 5 (offer.add"), "{detail}");
    assert!(
        detail.contains("the latest, does not match its hash"),
        "{detail}"
    );
}

#[test]
fn a_deleted_event_is_named() {
    let t = busy_ledger();
    open(&t)
        .execute("DELETE FROM events WHERE seq = 2", [])
        .unwrap();
    let detail = chain_break(&t, &[]);
    assert!(detail.starts_with("event 2 is missing"), "{detail}");
    assert!(detail.contains("jumps from event 1 to event 3"), "{detail}");
    assert!(detail.contains("deleted"), "{detail}");
}

#[test]
fn an_inserted_event_is_named() {
    let t = busy_ledger();
    let conn = open(&t);
    // Make room at 3 and slip in a forged event with a made-up hash.
    conn.execute_batch(
        "UPDATE events SET seq = -seq WHERE seq >= 3;
         UPDATE events SET seq = 1 - seq WHERE seq < 0;
         INSERT INTO events VALUES (3, '2026-01-01T00:00:00.000000Z', '2015-07-01', 'eve',
             'reseller.update', 'reseller:blabaer', '{}', 'ab12');",
    )
    .unwrap();
    let detail = chain_break(&t, &[]);
    assert!(
        detail.starts_with("event 3 (reseller.update of reseller:blabaer"),
        "{detail}"
    );
    assert!(detail.contains("was inserted outside cashback"), "{detail}");

    // A forger who links the hash properly is caught at the displaced event.
    let forged = {
        let text = format!(
            "[\"{}\",3,\"2026-01-01T00:00:00.000000Z\",\"2015-07-01\",\"eve\",\"reseller.update\",\"reseller:blabaer\",\"{{}}\"]",
            stored_hash(&conn, 2)
        );
        hex(&Sha256::digest(text.as_bytes()))
    };
    conn.execute("UPDATE events SET hash = ?1 WHERE seq = 3", [&forged])
        .unwrap();
    let detail = chain_break(&t, &[]);
    assert!(
        detail.starts_with("event 4 (reseller.update of reseller:nordic-it"),
        "{detail}"
    );
    assert!(detail.contains("out of place"), "{detail}");
    assert!(
        detail.contains("recorded as event 3, right after the event now stored as 2"),
        "{detail}"
    );
}

#[test]
fn reordered_events_are_named() {
    let t = busy_ledger();
    open(&t)
        .execute_batch(
            "UPDATE events SET seq = 100 WHERE seq = 2;
             UPDATE events SET seq = 2 WHERE seq = 3;
             UPDATE events SET seq = 3 WHERE seq = 100;",
        )
        .unwrap();
    let detail = chain_break(&t, &[]);
    assert!(
        detail.starts_with("event 2 (reseller.update of reseller:nordic-it"),
        "{detail}"
    );
    assert!(detail.contains("out of place"), "{detail}");
    assert!(detail.contains("recorded as event 3"), "{detail}");
}

#[test]
fn expect_needs_the_hash_in_the_chain() {
    let mut t = busy_ledger();
    let old_head = t.json(&["audit", "verify"])["head"]["hash"]
        .as_str()
        .unwrap()
        .to_string();
    t.set_today("2015-07-02");
    t.ok(&[
        "reseller",
        "register",
        "--id",
        "later",
        "--name",
        "Later AS",
        "--email",
        "a@later.no",
    ]);
    let report = t.json(&["audit", "verify", "--expect", &old_head]);
    assert_eq!(report["intact"], true);
    assert_eq!(report["head"]["seq"], 6);
    assert_eq!(report["expected"]["seq"], 5);
    assert_eq!(report["expected"]["hash"], old_head.as_str());
    // Upper case is the same hash.
    t.json(&["audit", "verify", "--expect", &old_head.to_uppercase()]);

    let foreign = hex(&Sha256::digest(b"some other ledger"));
    let detail = chain_break(&t, &["--expect", &foreign]);
    assert!(
        detail.contains(&foreign) && detail.contains("is not in the chain"),
        "{detail}"
    );
    let genesis = chain_break(&t, &["--expect", GENESIS]);
    assert!(genesis.contains("is not in the chain"), "{genesis}");
    for malformed in ["abc", "", &format!("{}g", &foreign[1..])] {
        t.refused(2, &["audit", "verify", "--expect", malformed]);
    }

    // Removing the latest events leaves an intact but shorter chain: only
    // the kept head shows it.
    open(&t)
        .execute("DELETE FROM events WHERE seq >= 5", [])
        .unwrap();
    assert_eq!(t.json(&["audit", "verify"])["head"]["seq"], 4);
    let detail = chain_break(&t, &["--expect", &old_head]);
    assert!(detail.contains("head seq 4"), "{detail}");
}

#[test]
fn the_documented_hash_recipe_matches() {
    let t = busy_ledger();
    let exported = t.json(&["export", "events"]);
    let mut prev = GENESIS.to_string();
    for event in exported.as_array().unwrap() {
        let field = |name: &str| json_string(event[name].as_str().unwrap());
        // [prev_hash, seq, at, business_date, actor, action, entity, details],
        // compact, non-ASCII as itself, details as the stored text.
        let text = format!(
            "[{},{},{},{},{},{},{},{}]",
            json_string(&prev),
            event["seq"].as_i64().unwrap(),
            field("at"),
            field("business_date"),
            field("actor"),
            field("action"),
            field("entity"),
            field("details"),
        );
        assert_eq!(
            hex(&Sha256::digest(text.as_bytes())),
            event["hash"].as_str().unwrap()
        );
        prev = event["hash"].as_str().unwrap().to_string();
    }
    assert!(
        exported[1]["details"]
            .as_str()
            .unwrap()
            .contains("Blåbær «Data» AS")
    );

    // The README's python3 one-liner, where python3 is installed.
    let script = r#"
import json, sys, hashlib
prev = "0" * 64
for e in json.load(sys.stdin):
    text = json.dumps([prev, e["seq"], e["at"], e["business_date"], e["actor"],
                       e["action"], e["entity"], e["details"]],
                      separators=(",", ":"), ensure_ascii=False)
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == e["hash"], e["seq"]
    prev = e["hash"]
print("ok")
"#;
    let export = t.ok(&["export", "events", "--format", "json"]);
    match std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    {
        Ok(mut child) => {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(export.as_bytes())
                .unwrap();
            let output = child.wait_with_output().unwrap();
            assert!(output.status.success());
            assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "ok");
        }
        Err(_) => eprintln!("python3 not installed: recipe checked in Rust only"),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Runs a command with --format json on another ledger file (a backup),
/// with the fixture's settings otherwise.
fn on_copy(t: &TestLedger, copy: &Path, args: &[&str]) -> Value {
    let output = assert_cmd::Command::cargo_bin("cashback")
        .unwrap()
        .env("CASHBACK_CONFIG", "/dev/null")
        .env_remove("CASHBACK_DB")
        .env_remove("CASHBACK_FORMAT")
        .args(["--db", copy.to_str().unwrap(), "--today", &t.today])
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?} on {}: {}",
        copy.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn backup_is_a_private_copy_that_verifies() {
    let t = busy_ledger();
    let copy = t.dir.path().join("backups").join("ledger-copy.sqlite3");
    std::fs::create_dir(copy.parent().unwrap()).unwrap();
    let before = t.dump();
    let record = t.json(&["backup", copy.to_str().unwrap()]);
    assert_eq!(t.dump(), before);
    assert_eq!(record["events"], 5);
    assert_eq!(record["file"], copy.to_str().unwrap());
    assert_eq!(mode(&copy), 0o600);
    // One self-contained file: nothing else was left beside it.
    let names: Vec<String> = std::fs::read_dir(copy.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["ledger-copy.sqlite3"]);
    assert_eq!(common::dump(&copy), before);

    let verified = on_copy(&t, &copy, &["audit", "verify"]);
    assert_eq!(verified["head"], record["head"]);
    assert_eq!(verified["head"], t.json(&["audit", "verify"])["head"]);
    let resellers = on_copy(&t, &copy, &["reseller", "list"]);
    assert_eq!(resellers, t.json(&["reseller", "list"]));

    // Never overwrites: the existing file stays as it was.
    let bytes = std::fs::read(&copy).unwrap();
    let stderr = t.refused(4, &["backup", copy.to_str().unwrap()]);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(std::fs::read(&copy).unwrap(), bytes);
    let other = t.write_file("notes.txt", "keep me");
    t.refused(4, &["backup", other.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "keep me");
    let nowhere = t.dir.path().join("no-such-folder").join("copy.sqlite3");
    t.refused(4, &["backup", nowhere.to_str().unwrap()]);
    // No ledger, no backup.
    let missing = TestLedger::uninitialised();
    let target = missing.dir.path().join("copy.sqlite3");
    missing.fails(5, &["backup", target.to_str().unwrap()]);
    assert!(!target.exists());
}

#[test]
fn backup_while_a_writer_holds_the_ledger() {
    let t = busy_ledger();
    let writer = open(&t);
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    writer
        .execute(
            "INSERT INTO resellers (id, name, email, country, registered_on)
             VALUES ('uncommitted', 'U AS', 'u@u.no', NULL, '2015-07-01')",
            [],
        )
        .unwrap();
    let copy = t.dir.path().join("during-write.sqlite3");
    t.json(&["backup", copy.to_str().unwrap()]);
    writer.execute_batch("COMMIT").unwrap();
    let ids: Vec<Value> = on_copy(&t, &copy, &["reseller", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, ["blabaer", "nordic-it"]);
    assert_eq!(on_copy(&t, &copy, &["audit", "verify"])["events"], 5);
}

#[test]
fn backups_taken_while_another_process_registers_are_consistent() {
    let t = TestLedger::new();
    let registrations = 24;
    std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            for i in 0..registrations {
                let id = format!("r{i:02}");
                let email = format!("post@{id}.no");
                t.ok(&[
                    "reseller", "register", "--id", &id, "--name", "R AS", "--email", &email,
                ]);
            }
        });
        let mut copies = 0;
        while !writer.is_finished() || copies < 2 {
            let copy = t.dir.path().join(format!("copy-{copies}.sqlite3"));
            t.ok(&["-q", "backup", copy.to_str().unwrap()]);
            let resellers = on_copy(&t, &copy, &["reseller", "list"]);
            let verified = on_copy(&t, &copy, &["audit", "verify"]);
            // Every registration is a reseller and its event, or neither.
            assert_eq!(verified["events"], resellers.as_array().unwrap().len());
            copies += 1;
        }
        writer.join().unwrap();
    });
    let last = t.dir.path().join("final.sqlite3");
    t.ok(&["backup", last.to_str().unwrap()]);
    assert_eq!(
        on_copy(&t, &last, &["audit", "verify"])["events"],
        registrations
    );
}
