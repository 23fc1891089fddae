//! Concurrency: several processes writing at once all succeed and lose
//! nothing; a writer never blocks readers; a writer that cannot get the
//! ledger within the busy timeout exits 5 and changes nothing.
//!
//! Events are ordered explicitly: the test holds the write lock on its own
//! connection, starts the commands, waits until each one is waiting for
//! that lock (seen in /proc), and only then lets them go. Whatever order
//! they then win the lock in, the assertions must hold.

#[path = "support/chain.rs"]
mod chain;
mod common;

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{CSV_HEADER, OFFER_TOML, TestLedger};
use rusqlite::Connection;
use serde_json::Value;

/// The binary with the fixture's environment, started in the background.
fn spawn(ledger: &TestLedger, args: &[&str]) -> Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cashback"));
    for (key, _) in std::env::vars() {
        if key.starts_with("CASHBACK_") {
            cmd.env_remove(key);
        }
    }
    cmd.env("CASHBACK_CONFIG", "/dev/null")
        .env("USER", "tester")
        .arg("--db")
        .arg(&ledger.path)
        .arg("--today")
        .arg(&ledger.today)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd.spawn().expect("start cashback")
}

/// The test's own connection holding the write lock (`BEGIN IMMEDIATE`).
fn hold_write_lock(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    conn
}

/// Sleep system calls: SQLite's busy handler waits in them between tries.
#[cfg(target_arch = "x86_64")]
const SLEEP_CALLS: &[&str] = &["35", "230"];
#[cfg(target_arch = "aarch64")]
const SLEEP_CALLS: &[&str] = &["101", "115"];
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
const SLEEP_CALLS: &[&str] = &[];

/// Waits until the process sleeps in SQLite's busy handler, i.e. it has done
/// everything it does before asking for the write lock. Where /proc cannot
/// tell (not Linux), returns at once: the assertions still hold, they only
/// lose the guarantee that every process was queued on the lock.
fn wait_until_waiting_for_lock(child: &mut Child) {
    let path = format!("/proc/{}/syscall", child.id());
    if SLEEP_CALLS.is_empty() || std::fs::read_to_string(&path).is_err() {
        return;
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the command ended ({status}) instead of waiting for the lock");
        }
        if let Ok(text) = std::fs::read_to_string(&path) {
            let call = text.split_whitespace().next().unwrap_or("");
            if SLEEP_CALLS.contains(&call) {
                return;
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("the command never waited for the write lock");
}

/// Starts every command while the lock is held, waits until all are queued
/// on it, releases it, and returns their outputs.
fn race(ledger: &TestLedger, commands: &[Vec<String>]) -> Vec<Output> {
    let lock = hold_write_lock(&ledger.path);
    let mut children: Vec<Child> = commands
        .iter()
        .map(|args| {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            spawn(ledger, &args)
        })
        .collect();
    for child in &mut children {
        wait_until_waiting_for_lock(child);
    }
    lock.execute_batch("ROLLBACK").unwrap();
    drop(lock);
    children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect()
}

fn describe(output: &Output) -> String {
    format!(
        "exit {:?}\nstdout: {}\nstderr: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

fn count(ledger: &TestLedger, sql: &str) -> i64 {
    let conn = Connection::open(&ledger.path).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn verify_chain(ledger: &TestLedger) -> i64 {
    chain::verify_chain(&ledger.path)
}

fn register_args(id: &str) -> Vec<String> {
    strings(&[
        "reseller",
        "register",
        "--id",
        id,
        "--name",
        &format!("{id} AS"),
        "--email",
        &format!("post@{id}.no"),
    ])
}

#[test]
fn simultaneous_registrations_all_succeed_and_chain() {
    let ledger = TestLedger::new();
    let ids: Vec<String> = (1..=6).map(|i| format!("reseller-{i}")).collect();
    let commands: Vec<Vec<String>> = ids.iter().map(|id| register_args(id)).collect();
    for output in race(&ledger, &commands) {
        assert!(output.status.success(), "{}", describe(&output));
    }
    let listed = ledger.json(&["reseller", "list"]);
    let mut names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ids);
    assert_eq!(verify_chain(&ledger), 6);
    assert_eq!(
        count(
            &ledger,
            "SELECT count(DISTINCT entity) FROM events WHERE action = 'reseller.register'"
        ),
        6
    );
}

#[test]
fn simultaneous_registrations_of_one_id_end_as_one_success_and_refusals() {
    let ledger = TestLedger::new();
    let commands: Vec<Vec<String>> = (0..4)
        .map(|i| {
            let mut args = register_args("same-id");
            args[5] = format!("Same Id {i} AS");
            args.extend(["--format".to_string(), "json".to_string()]);
            args
        })
        .collect();
    let outputs = race(&ledger, &commands);
    let winners = outputs.iter().filter(|o| o.status.success()).count();
    assert_eq!(
        winners,
        1,
        "{:#?}",
        outputs.iter().map(describe).collect::<Vec<_>>()
    );
    for output in outputs.iter().filter(|o| !o.status.success()) {
        assert_eq!(output.status.code(), Some(1), "{}", describe(output));
        let error: Value = serde_json::from_slice(&output.stderr).unwrap();
        assert_eq!(error["rules"][0]["id"], "reseller.exists", "{error}");
    }
    assert_eq!(count(&ledger, "SELECT count(*) FROM resellers"), 1);
    assert_eq!(verify_chain(&ledger), 1);
}

#[test]
fn simultaneous_adds_of_one_offer_add_it_once() {
    let ledger = TestLedger::new();
    let mut commands = Vec::new();
    for i in 0..3 {
        let text = OFFER_TOML.replace(
            "name = \"10@5 Cloud Open Promotion\"",
            &format!("name = \"Variant {i}\""),
        );
        let path = ledger.write_file(&format!("offer-{i}.toml"), &text);
        commands.push(strings(&[
            "offer",
            "add",
            path.to_str().unwrap(),
            "--format",
            "json",
        ]));
    }
    let outputs = race(&ledger, &commands);
    let winners: Vec<&Output> = outputs.iter().filter(|o| o.status.success()).collect();
    assert_eq!(
        winners.len(),
        1,
        "{:#?}",
        outputs.iter().map(describe).collect::<Vec<_>>()
    );
    for output in outputs.iter().filter(|o| !o.status.success()) {
        assert_eq!(output.status.code(), Some(1), "{}", describe(output));
        let error: Value = serde_json::from_slice(&output.stderr).unwrap();
        assert_eq!(error["rules"][0]["id"], "offer.exists", "{error}");
    }
    // The stored offer is the winner's, added once.
    let winner: Value = serde_json::from_slice(&winners[0].stdout).unwrap();
    let stored = ledger.json(&["offer", "show", "10at5-cloud-open"]);
    assert_eq!(stored["name"], winner["name"]);
    assert_eq!(verify_chain(&ledger), 1);
}

#[test]
fn readers_go_on_while_a_writer_holds_the_ledger() {
    let ledger = program_with_sales(1);
    ledger.ok(&submit_args(1)
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>());
    let lock = hold_write_lock(&ledger.path);
    // The writer's change is not committed: readers see the ledger as it was.
    lock.execute(
        "INSERT INTO resellers (id, name, email, registered_on) VALUES ('pending', 'P', 'p@p.no', '2015-07-01')",
        [],
    )
    .unwrap();
    let listed = ledger.json(&["reseller", "list"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(
        ledger.json(&["reseller", "show", "r1"])["name"],
        "Reseller 1 AS"
    );
    assert_eq!(ledger.json(&["offer", "list"]).as_array().unwrap().len(), 1);
    assert_eq!(ledger.json(&["claim", "show", "1"])["status"], "submitted");
    assert_eq!(ledger.json(&["claim", "list"]).as_array().unwrap().len(), 1);
    assert_eq!(
        ledger
            .json(&["agreement", "list"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(ledger.json(&["check", "--claim", "1"])["eligible"], true);
    for read in [
        &["offer", "show", "10at5-cloud-open"][..],
        &["agreement", "show", "V1000001"],
        &["notice", "list"],
        &["payout", "schedule"],
        &["deadlines"],
        &["audit", "log"],
        &["audit", "verify"],
    ] {
        ledger.ok(read);
    }
    let exported = ledger.ok(&["export", "resellers"]);
    assert_eq!(exported.lines().count(), 2, "{exported}");
    let out = ledger.dir.path().join("claims.csv");
    ledger.ok(&["export", "claims", "--output", out.to_str().unwrap()]);
    assert!(out.exists());
    let backup = ledger.dir.path().join("backup.sqlite3");
    ledger.ok(&["backup", backup.to_str().unwrap()]);
    assert!(!common::dump(&backup).contains("pending"));
    lock.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn a_writer_gives_up_after_the_busy_timeout_with_exit_5_changing_nothing() {
    let ledger = TestLedger::new();
    let config = ledger.write_file("busy.toml", "[ledger]\nbusy_timeout_seconds = 1\n");
    let config = config.to_str().unwrap();
    ledger.ok(&[
        "reseller",
        "register",
        "--id",
        "nordic-it",
        "--name",
        "Nordic IT AS",
        "--email",
        "post@nordic-it.no",
    ]);
    let offer = ledger.write_file("offer.toml", OFFER_TOML);
    let sales = ledger.write_file(
        "sales.csv",
        &format!(
            "{CSV_HEADER}\nV1000001,1,nordic-it,C1,Kunde AS,commercial,NO,2015-07-01,Office 365 E3,cloud-open,10,10.00,NOK,\n"
        ),
    );
    let before = ledger.dump();
    let lock = hold_write_lock(&ledger.path);
    let writers: &[&[&str]] = &[
        &[
            "reseller",
            "register",
            "--id",
            "fjord-data",
            "--name",
            "Fjord Data AS",
            "--email",
            "post@fjord-data.no",
        ],
        &["reseller", "update", "nordic-it", "--name", "Nordic IT ASA"],
        &["offer", "add", offer.to_str().unwrap()],
        &["agreement", "import", sales.to_str().unwrap()],
    ];
    // All at once, so the test waits one timeout rather than six.
    let children: Vec<(bool, Child)> = writers
        .iter()
        .flat_map(|args| [false, true].map(|json| (json, args)))
        .map(|(json, args)| {
            let mut all = vec!["--config", config];
            all.extend_from_slice(args);
            if json {
                all.extend(["--format", "json"]);
            }
            (json, spawn(&ledger, &all))
        })
        .collect();
    for (json, child) in children {
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(5), "{}", describe(&output));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        let message = if json {
            let error: Value = serde_json::from_str(stderr.trim()).unwrap();
            assert_eq!(error["exit"], 5);
            error["message"].as_str().unwrap().to_string()
        } else {
            stderr.to_string()
        };
        assert!(message.contains("ledger is busy"), "{message}");
    }
    lock.execute_batch("ROLLBACK").unwrap();
    drop(lock);
    assert_eq!(ledger.dump(), before);
    // With the lock released the same commands go through.
    ledger.ok(&["--config", config, "offer", "add", offer.to_str().unwrap()]);
    ledger.ok(&[
        "--config",
        config,
        "agreement",
        "import",
        sales.to_str().unwrap(),
    ]);
}

#[test]
fn a_writer_waits_for_the_lock_within_the_busy_timeout() {
    let ledger = TestLedger::new();
    let outputs = race(&ledger, &[register_args("patient")]);
    assert!(outputs[0].status.success(), "{}", describe(&outputs[0]));
    assert_eq!(count(&ledger, "SELECT count(*) FROM resellers"), 1);
}

/// The example offer, `n` registered resellers `r1`... with one qualifying
/// agreement each (`V1000001`...), today 2015-07-01.
fn program_with_sales(n: usize) -> TestLedger {
    let ledger = TestLedger::new();
    ledger.add_example_offer();
    let mut csv = format!("{CSV_HEADER}\n");
    for i in 1..=n {
        ledger.ok(&[
            "reseller",
            "register",
            "--id",
            &format!("r{i}"),
            "--name",
            &format!("Reseller {i} AS"),
            "--email",
            &format!("post@r{i}-firm.no"),
            "--country",
            "NO",
        ]);
        csv.push_str(&format!(
            "V{:07},1,r{i},C{i},Kunde {i} AS,commercial,NO,2015-07-01,Office 365 E3,cloud-open,10,10000.00,NOK,\n",
            1_000_000 + i
        ));
    }
    let file = ledger.write_file("sales.csv", &csv);
    ledger.ok(&["agreement", "import", file.to_str().unwrap()]);
    ledger
}

fn submit_args(i: usize) -> Vec<String> {
    strings(&[
        "claim",
        "submit",
        "--offer",
        "10at5-cloud-open",
        "--reseller",
        &format!("r{i}"),
        "--agreement",
        &format!("V{:07}", 1_000_000 + i),
        "--accept-terms",
        "--format",
        "json",
    ])
}

fn all_succeed(outputs: &[Output]) -> Vec<Value> {
    outputs
        .iter()
        .map(|o| {
            assert!(o.status.success(), "{}", describe(o));
            serde_json::from_slice(&o.stdout).unwrap()
        })
        .collect()
}

#[test]
fn simultaneous_submissions_notices_and_bank_details_all_go_through() {
    let mut ledger = program_with_sales(4);
    let submitted = all_succeed(&race(
        &ledger,
        &(1..=4).map(submit_args).collect::<Vec<_>>(),
    ));
    // Claim ids follow the order the submissions won the lock in.
    let mut claims: Vec<(i64, String)> = submitted
        .iter()
        .map(|c| {
            let reseller = c["reseller_id"].as_str().unwrap();
            (
                c["id"].as_i64().unwrap(),
                format!("Reseller {} AS", &reseller[1..]),
            )
        })
        .collect();
    claims.sort();
    let ids: Vec<i64> = claims.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, [1, 2, 3, 4]);
    ledger.set_today("2015-07-02");
    for id in &ids {
        ledger.ok(&["claim", "validate", &id.to_string()]);
    }
    let notices = all_succeed(&race(
        &ledger,
        &ids.iter()
            .map(|id| strings(&["notice", "send", &id.to_string(), "--format", "json"]))
            .collect::<Vec<_>>(),
    ));
    assert!(notices.iter().all(|n| n["number"] == 1), "{notices:?}");
    ledger.set_today("2015-07-03");
    let details: Vec<Vec<String>> = claims
        .iter()
        .map(|(id, holder)| {
            strings(&[
                "bank",
                "submit",
                &id.to_string(),
                "--holder",
                holder,
                "--holder-type",
                "business",
                "--iban",
                "NO9386011117947",
                "--bic",
                "DNBANOKK",
                "--currency",
                "NOK",
                "--address",
                "Storgata 1, Oslo",
                "--format",
                "json",
            ])
        })
        .collect();
    all_succeed(&race(&ledger, &details));
    assert_eq!(
        count(
            &ledger,
            "SELECT count(*) FROM claims WHERE status = 'payable'"
        ),
        4
    );
    assert_eq!(
        count(
            &ledger,
            "SELECT count(*) FROM notices WHERE answered_on IS NOT NULL"
        ),
        4
    );
    // Nothing lost, nothing doubled, and the chain holds.
    for action in ["claim.submit", "notice.send"] {
        let n = count(
            &ledger,
            &format!("SELECT count(*) FROM events WHERE action = '{action}'"),
        );
        assert_eq!(n, 4, "{action}");
    }
    verify_chain(&ledger);
    ledger.ok(&["audit", "verify"]);
}

#[test]
fn simultaneous_submissions_by_one_reseller_record_one_claim() {
    let ledger = program_with_sales(1);
    let outputs = race(&ledger, &[submit_args(1), submit_args(1), submit_args(1)]);
    let winners = outputs.iter().filter(|o| o.status.success()).count();
    assert_eq!(
        winners,
        1,
        "{:#?}",
        outputs.iter().map(describe).collect::<Vec<_>>()
    );
    for output in outputs.iter().filter(|o| !o.status.success()) {
        assert_eq!(output.status.code(), Some(1), "{}", describe(output));
        let error: Value = serde_json::from_slice(&output.stderr).unwrap();
        let ids: Vec<&str> = error["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["submission.one_per_offer"], "{error}");
    }
    assert_eq!(count(&ledger, "SELECT count(*) FROM claims"), 1);
    ledger.ok(&["audit", "verify"]);
}

/// Two `claim validate` of one claim at once: the second sees the claim
/// approved and is refused (`claim.state`), as when run after the first.
#[test]
fn simultaneous_validations_of_one_claim_decide_it_once() {
    let mut ledger = program_with_sales(1);
    ledger.ok(&submit_args(1)
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>());
    ledger.set_today("2015-07-02");
    let validate = strings(&["claim", "validate", "1", "--format", "json"]);
    let outputs = race(&ledger, &[validate.clone(), validate]);
    let winners = outputs.iter().filter(|o| o.status.success()).count();
    assert_eq!(
        winners,
        1,
        "{:#?}",
        outputs.iter().map(describe).collect::<Vec<_>>()
    );
    for output in outputs.iter().filter(|o| !o.status.success()) {
        assert_eq!(output.status.code(), Some(1), "{}", describe(output));
        let error: Value = serde_json::from_slice(&output.stderr).unwrap();
        assert_eq!(error["rules"][0]["id"], "claim.state", "{error}");
    }
    assert_eq!(
        count(
            &ledger,
            "SELECT count(*) FROM events WHERE action = 'claim.approve'"
        ),
        1
    );
    assert_eq!(count(&ledger, "SELECT cycle FROM claims WHERE id = 1"), 1);
    ledger.ok(&["audit", "verify"]);
}

#[test]
fn simultaneous_inits_make_one_ledger() {
    for _ in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = TestLedger::uninitialised();
        ledger.path = dir.path().join("programs/ledger.sqlite3");
        let children: Vec<Child> = (0..6).map(|_| spawn(&ledger, &["init"])).collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert!(output.status.success(), "{}", describe(&output));
        }
        // One complete ledger and nothing else beside it.
        ledger.ok(&["reseller", "list"]);
        let names: Vec<String> = std::fs::read_dir(dir.path().join("programs"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["ledger.sqlite3"]);
    }
}

/// A ledger whose schema is older than the binary (here: none yet, as
/// `init` leaves it for an instant) is brought up to date by whichever
/// command opens it first; others opening it at the same time wait and
/// find it done.
#[test]
fn simultaneous_commands_on_an_older_ledger_migrate_it_once() {
    let ledger = TestLedger::uninitialised();
    {
        let conn = Connection::open(&ledger.path).unwrap();
        conn.pragma_update(
            None,
            "application_id",
            cashback::ledger::schema::APPLICATION_ID,
        )
        .unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    }
    let commands: Vec<Vec<String>> = (0..4).map(|_| strings(&["reseller", "list"])).collect();
    for output in race(&ledger, &commands) {
        assert!(output.status.success(), "{}", describe(&output));
    }
    let version: i64 = Connection::open(&ledger.path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, cashback::ledger::schema::latest_version());
}
