//! Shipping: completions kept equal to the binary's output, the man page,
//! the demo, the examples script and the terminal prompts.

mod common;

use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;
use common::TestLedger;

const SHELLS: [(&str, &str); 5] = [
    ("bash", "cashback.bash"),
    ("zsh", "_cashback"),
    ("fish", "cashback.fish"),
    ("elvish", "cashback.elv"),
    ("powershell", "_cashback.ps1"),
];

fn cashback() -> Command {
    let mut cmd = Command::cargo_bin("cashback").unwrap();
    for (key, _) in std::env::vars() {
        if key.starts_with("CASHBACK_") {
            cmd.env_remove(key);
        }
    }
    cmd
}

#[test]
fn completion_files_match_the_binary() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in SHELLS {
        let output = cashback().args(["completions", shell]).output().unwrap();
        assert!(output.status.success());
        let committed = std::fs::read(folder.join(file)).unwrap_or_default();
        assert!(
            committed == output.stdout,
            "completions/{file} differs from `cashback completions {shell}`; regenerate with: cashback completions {shell} > completions/{file}"
        );
    }
}

#[test]
fn man_page_renders() {
    let output = cashback().arg("man").output().unwrap();
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.starts_with(".ie") || page.contains(".TH cashback 1"));
    assert!(page.contains(".TH cashback 1"));
    assert!(page.contains("CASHBACK CLAIM SUBMIT"));
    assert!(page.contains("accept\\-terms"));
}

#[test]
fn every_command_help_has_an_example() {
    use clap::CommandFactory;
    fn walk(command: &clap::Command, path: &str) {
        for sub in command.get_subcommands() {
            let name = format!("{path} {}", sub.get_name());
            if sub.has_subcommands() {
                walk(sub, &name);
                continue;
            }
            let help = sub
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            assert!(
                help.starts_with("Example: cashback"),
                "`{name} --help` has no example"
            );
        }
    }
    walk(&cashback::cli::Cli::command(), "cashback");
}

fn run_demo(folder: &Path, extra: &[&str]) -> std::process::Output {
    cashback()
        .current_dir(folder)
        .env("CASHBACK_DB", folder.join("must-not-be-touched.sqlite3"))
        .env("CASHBACK_CONFIG", folder.join("broken.toml"))
        .arg("demo")
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn demo_runs_twice_in_the_same_folder() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("broken.toml"), "not = [toml").unwrap();
    for _ in 0..2 {
        let output = run_demo(folder.path(), &[]);
        assert!(
            output.status.success(),
            "demo failed\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("payout schedule"));
        assert!(
            stdout.contains("cashback --db"),
            "ends with the commands to explore the ledger"
        );
    }
    assert!(!folder.path().join("must-not-be-touched.sqlite3").exists());
    let ledger = folder.path().join("cashback-demo.sqlite3");
    let conn = rusqlite::Connection::open(&ledger).unwrap();
    let mut stmt = conn.prepare("SELECT DISTINCT status FROM claims").unwrap();
    let states: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(states.len() >= 4, "claims in only {states:?}");
}

#[test]
fn demo_refuses_existing_files() {
    let folder = tempfile::tempdir().unwrap();
    let other = folder.path().join("mine.sqlite3");
    std::fs::write(&other, b"precious").unwrap();
    let output = run_demo(folder.path(), &["--db", other.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(4));
    assert_eq!(std::fs::read(&other).unwrap(), b"precious");

    // The default path is replaced only when it holds an earlier demo ledger.
    let real = TestLedger::new();
    real.ok(&[
        "reseller",
        "register",
        "--id",
        "a",
        "--name",
        "A AS",
        "--email",
        "a@a-firm.no",
    ]);
    let default = folder.path().join("cashback-demo.sqlite3");
    std::fs::copy(&real.path, &default).unwrap();
    let before = std::fs::read(&default).unwrap();
    let output = run_demo(folder.path(), &[]);
    assert_eq!(output.status.code(), Some(4));
    assert_eq!(std::fs::read(&default).unwrap(), before);
}

#[test]
fn examples_script_runs_a_full_cycle() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cycle.sh");
    let output = Process::new("bash")
        .arg(&script)
        .env("CASHBACK", env!("CARGO_BIN_EXE_cashback"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "examples/cycle.sh failed\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("cycle complete"));
}

/// Runs `cashback ARGS` under a pseudo-terminal (util-linux `script`),
/// typing `input`. Returns the exit code and what the terminal showed.
fn under_terminal(ledger: &TestLedger, args: &[&str], input: &str) -> (i32, String) {
    let mut words = vec![
        env!("CARGO_BIN_EXE_cashback").to_string(),
        "--db".into(),
        ledger.path.display().to_string(),
        "--today".into(),
        ledger.today.clone(),
    ];
    words.extend(args.iter().map(|a| a.to_string()));
    let line = words
        .iter()
        .map(|w| format!("'{}'", w.replace('\'', "'\\''")))
        .collect::<Vec<_>>()
        .join(" ");
    let mut child = Process::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env("CASHBACK_CONFIG", "/dev/null")
        .env("TERM", "dumb")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("util-linux `script` runs the command under a pseudo-terminal");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        // Give the prompt a moment to appear before typing, as a person would.
        std::thread::sleep(std::time::Duration::from_millis(300));
        stdin.write_all(input.as_bytes()).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

fn ledger_with_sales() -> TestLedger {
    let mut ledger = TestLedger::new();
    ledger.add_example_offer();
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
    let csv = format!(
        "{}\nV1000001,1,nordic-it,C1,Kunde AS,commercial,NO,2015-08-01,Office 365 E3,cloud-open,10,1000.00,NOK,\n",
        common::CSV_HEADER
    );
    let file = ledger.write_file("sales.csv", &csv);
    ledger.ok(&["agreement", "import", file.to_str().unwrap()]);
    ledger.set_today("2015-09-01");
    ledger
}

#[test]
fn terms_are_accepted_at_the_prompt() {
    let ledger = ledger_with_sales();
    let submit = [
        "claim",
        "submit",
        "--offer",
        "10at5-cloud-open",
        "--reseller",
        "nordic-it",
        "--agreement",
        "V1000001",
    ];
    // Without a terminal, the terms cannot be accepted: refused.
    ledger.refused_by_rule("submission.terms_accepted", &submit);
    // --yes never accepts terms.
    let mut with_yes = submit.to_vec();
    with_yes.push("--yes");
    ledger.refused_by_rule("submission.terms_accepted", &with_yes);
    // At a terminal, a yes records the claim.
    let (code, screen) = under_terminal(&ledger, &submit, "y\n");
    assert_eq!(code, 0, "terminal showed:\n{screen}");
    assert!(
        screen.contains("2015-07"),
        "the prompt names the terms version:\n{screen}"
    );
    let claims = ledger.json(&["claim", "list"]);
    assert_eq!(claims.as_array().unwrap().len(), 1);
    assert_eq!(claims[0]["terms_version"], "2015-07");
}

#[test]
fn registration_asks_for_missing_values_at_a_terminal() {
    let ledger = TestLedger::new();
    ledger.refused(2, &["reseller", "register", "--id", "nordic-it"]);
    let (code, screen) = under_terminal(
        &ledger,
        &["reseller", "register", "--id", "nordic-it"],
        "Nordic IT AS\npost@nordic-it.no\n",
    );
    assert_eq!(code, 0, "terminal showed:\n{screen}");
    let reseller = ledger.json(&["reseller", "show", "nordic-it"]);
    assert_eq!(reseller["name"], "Nordic IT AS");
    assert_eq!(reseller["email"], "post@nordic-it.no");
}

#[test]
fn destructive_steps_ask_for_confirmation() {
    let ledger = ledger_with_sales();
    ledger.ok(&[
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
    let before = ledger.dump();
    let (code, screen) = under_terminal(
        &ledger,
        &["claim", "reject", "1", "--reason", "test"],
        "n\n",
    );
    assert_eq!(code, 1, "terminal showed:\n{screen}");
    assert!(screen.contains("confirmation.declined"), "{screen}");
    assert_eq!(before, ledger.dump());
    let (code, screen) = under_terminal(
        &ledger,
        &["claim", "reject", "1", "--reason", "test"],
        "y\n",
    );
    assert_eq!(code, 0, "terminal showed:\n{screen}");
    assert_eq!(ledger.json(&["claim", "show", "1"])["status"], "rejected");
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let ledger = TestLedger::new();
    let mut csv = String::from(common::CSV_HEADER);
    for n in 0..3000 {
        csv.push_str(&format!(
            "\nV{:07},1,r1,C{n},\"Kunde {n}, Avd. Øst\",commercial,NO,2015-08-01,Office 365 E3,cloud-open,1,100.00,NOK,",
            1_000_000 + n
        ));
    }
    let file = ledger.write_file("big.csv", &csv);
    ledger.ok(&["agreement", "import", file.to_str().unwrap()]);
    for format in ["csv", "json"] {
        let mut child = Process::new(env!("CARGO_BIN_EXE_cashback"))
            .arg("--db")
            .arg(&ledger.path)
            .args(["export", "agreements", "--format", format])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Read one line, then hang up, as `| head -1` does.
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 16];
        std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
        drop(stdout);
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{format}");
        assert!(
            output.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn a_missing_reason_is_asked_at_a_terminal() {
    let ledger = ledger_with_sales();
    ledger.ok(&[
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
    // Without a terminal a missing reason is a usage error.
    ledger.refused(2, &["claim", "reject", "1"]);
    let (code, screen) = under_terminal(&ledger, &["claim", "reject", "1"], "entered twice\ny\n");
    assert_eq!(code, 0, "terminal showed:\n{screen}");
    let claim = ledger.json(&["claim", "show", "1"]);
    assert_eq!(claim["status"], "rejected");
    assert_eq!(claim["reason"], "entered twice");
}

#[test]
fn output_that_cannot_be_written_is_exit_4() {
    let ledger = TestLedger::new();
    ledger.add_example_offer();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = Process::new(env!("CARGO_BIN_EXE_cashback"))
        .arg("--db")
        .arg(&ledger.path)
        .args(["export", "offers"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("No space left"));
}
