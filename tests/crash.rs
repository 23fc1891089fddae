//! Crash safety: an agreement import killed with SIGKILL part-way leaves a
//! ledger that passes SQLite's integrity check, holds all or none of the
//! import's lines and its event, and takes the same import afterwards.
//!
//! The kill points are chosen by what the process has done, not by time:
//! - while it reads: the test feeds the CSV through a pipe, stops after a
//!   given number of lines and kills once the process waits for more
//!   (seen in /proc), so it has staged every line fed so far;
//! - while it writes: the test kills once the ledger's write-ahead log
//!   first grows past a given size, i.e. part-way through writing the lines
//!   into the ledger, before the commit.

#[path = "support/chain.rs"]
mod chain;
mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use common::{CSV_HEADER, TestLedger};
use rusqlite::Connection;

/// Lines in the generated import: enough that writing them takes many WAL
/// frames (about 7 MB), few enough that the test stays short.
const LINES: usize = 50_000;

fn generated_csv(dir: &Path) -> PathBuf {
    let path = dir.join("sales-2015.csv");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(out, "{CSV_HEADER}").unwrap();
    for i in 0..LINES {
        let agreement = i / 2;
        writeln!(
            out,
            "V{agreement:07},{},r{},C{},\"Customer {}, AS\",commercial,NO,2015-08-{:02},Office 365 E3,cloud-open,{},{}.50,NOK,",
            i % 2 + 1,
            agreement % 50,
            agreement % 997,
            agreement % 997,
            1 + agreement % 28,
            1 + i % 9,
            100 + i % 1000,
        )
        .unwrap();
    }
    out.flush().unwrap();
    path
}

fn command(ledger: &TestLedger, args: &[&str]) -> Command {
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
        .arg("2015-12-01")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// The first field of /proc/PID/syscall: the system call the process is
/// blocked in, with its arguments.
fn syscall(child: &Child) -> Option<Vec<String>> {
    std::fs::read_to_string(format!("/proc/{}/syscall", child.id()))
        .ok()
        .map(|text| text.split_whitespace().map(str::to_string).collect())
}

#[cfg(target_arch = "x86_64")]
const READ_CALL: &str = "0";
#[cfg(target_arch = "aarch64")]
const READ_CALL: &str = "63";

/// Waits until the process is blocked reading its standard input.
fn wait_until_reading_stdin(child: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the import ended ({status}) while it should wait for input");
        }
        if let Some(call) = syscall(child)
            && call.first().map(String::as_str) == Some(READ_CALL)
            && call.get(1).map(String::as_str) == Some("0x0")
        {
            return;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    panic!("the import never waited for more input");
}

/// Waits until the ledger's WAL holds at least `bytes`; `false` if the
/// process ended first.
fn wait_for_wal(ledger: &TestLedger, child: &mut Child, bytes: u64) -> bool {
    let mut wal = ledger.path.as_os_str().to_owned();
    wal.push("-wal");
    loop {
        if std::fs::metadata(&wal).is_ok_and(|m| m.len() >= bytes) {
            return true;
        }
        if let Ok(Some(_)) = child.try_wait() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn kill(child: &mut Child) -> ExitStatus {
    // `Child::kill` sends SIGKILL on Unix: no handler, no clean-up.
    child.kill().unwrap();
    child.wait().unwrap()
}

/// What the killed import left: lines and import events.
fn state(ledger: &TestLedger) -> (i64, i64) {
    let conn = Connection::open(&ledger.path).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "integrity check after the kill");
    let foreign: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(foreign, 0);
    let lines = conn
        .query_row("SELECT count(*) FROM agreement_lines", [], |r| r.get(0))
        .unwrap();
    let events = conn
        .query_row(
            "SELECT count(*) FROM events WHERE action = 'agreement.import'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (lines, events)
}

/// After a kill: the ledger is sound, all or nothing of the import is in
/// it, and the same import then goes through. Returns whether the kill left
/// nothing.
fn after_the_kill(ledger: &TestLedger, csv: &Path, point: &str) -> bool {
    let (lines, events) = state(ledger);
    let none = (lines, events) == (0, 0);
    let all = (lines, events) == (LINES as i64, 1);
    assert!(
        none || all,
        "{point}: {lines} lines and {events} import events after the kill"
    );
    // The earlier events (init has none; the registration below) still chain.
    chain::verify_chain(&ledger.path);
    let output = command(
        ledger,
        &[
            "agreement",
            "import",
            csv.to_str().unwrap(),
            "--format",
            "json",
        ],
    )
    .stdout(Stdio::piped())
    .output()
    .unwrap();
    assert!(
        output.status.success(),
        "{point}: the import after the kill failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let expected_new = if none { LINES } else { 0 };
    assert_eq!(summary["new"], expected_new, "{point}: {summary}");
    assert_eq!(state(ledger), (LINES as i64, 1), "{point}");
    chain::verify_chain(&ledger.path);
    none
}

fn ledger_with_a_reseller() -> TestLedger {
    let ledger = TestLedger::new();
    ledger.ok(&[
        "reseller",
        "register",
        "--id",
        "r1",
        "--name",
        "R1 AS",
        "--email",
        "post@r1-firm.no",
    ]);
    ledger
}

#[test]
fn an_import_killed_while_reading_leaves_nothing_and_can_be_repeated() {
    let dir = tempfile::tempdir().unwrap();
    let csv = generated_csv(dir.path());
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // After the header alone, and after most of the file.
    for fed in [1, LINES * 4 / 5] {
        let ledger = ledger_with_a_reseller();
        let before = ledger.dump();
        let mut child = command(&ledger, &["agreement", "import", "-"])
            .stdin(Stdio::piped())
            .spawn()
            .unwrap();
        {
            let mut stdin = child.stdin.take().unwrap();
            stdin.write_all(lines[..fed].concat().as_bytes()).unwrap();
            stdin.flush().unwrap();
            wait_until_reading_stdin(&mut child);
            let status = kill(&mut child);
            assert!(!status.success());
        }
        assert_eq!(ledger.dump(), before, "killed after {fed} lines");
        assert!(after_the_kill(&ledger, &csv, &format!("after {fed} lines")));
    }
}

#[test]
fn an_import_killed_while_writing_leaves_all_or_nothing_and_can_be_repeated() {
    let dir = tempfile::tempdir().unwrap();
    let csv = generated_csv(dir.path());
    let mut left_nothing = 0;
    for wal_bytes in [64 * 1024, 1024 * 1024, 3 * 1024 * 1024] {
        let ledger = ledger_with_a_reseller();
        let mut child = command(&ledger, &["agreement", "import", csv.to_str().unwrap()])
            .spawn()
            .unwrap();
        let reached = wait_for_wal(&ledger, &mut child, wal_bytes);
        assert!(
            reached,
            "the import ended before its WAL reached {wal_bytes} bytes: {:?}",
            child.wait_with_output().unwrap()
        );
        kill(&mut child);
        if after_the_kill(&ledger, &csv, &format!("WAL at {wal_bytes} bytes")) {
            left_nothing += 1;
        }
    }
    // The WAL grows while the lines are written, before the commit: at least
    // one of the kills must have caught the import part-way.
    assert!(left_nothing > 0, "every kill came after the commit");
}

#[test]
fn a_killed_import_releases_the_ledger_to_a_waiting_writer() {
    let dir = tempfile::tempdir().unwrap();
    let csv = generated_csv(dir.path());
    let text = std::fs::read_to_string(&csv).unwrap();
    let ledger = ledger_with_a_reseller();
    let mut import = command(&ledger, &["agreement", "import", "-"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = import.stdin.take().unwrap();
    let head: String = text.split_inclusive('\n').take(100).collect();
    stdin.write_all(head.as_bytes()).unwrap();
    stdin.flush().unwrap();
    wait_until_reading_stdin(&mut import);
    // The import holds the write lock; a registration queues behind it.
    let mut register = command(
        &ledger,
        &[
            "reseller",
            "register",
            "--id",
            "r2",
            "--name",
            "R2 AS",
            "--email",
            "post@r2-firm.no",
        ],
    )
    .spawn()
    .unwrap();
    wait_until_sleeping(&mut register);
    kill(&mut import);
    drop(stdin);
    let output = register.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(state(&ledger), (0, 0));
    assert_eq!(chain::verify_chain(&ledger.path), 2);
}

/// Waits until the process sleeps (SQLite's busy handler waiting for the lock).
fn wait_until_sleeping(child: &mut Child) {
    #[cfg(target_arch = "x86_64")]
    const SLEEPS: &[&str] = &["35", "230"];
    #[cfg(target_arch = "aarch64")]
    const SLEEPS: &[&str] = &["101", "115"];
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the writer ended ({status}) instead of waiting for the lock");
        }
        if let Some(call) = syscall(child)
            && SLEEPS.contains(&call[0].as_str())
        {
            return;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    panic!("the writer never waited for the lock");
}
