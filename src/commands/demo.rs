//! `cashback demo`: walks a whole program cycle on a built-in example (the
//! "10@5 Cloud Open" promotion), running the real commands against a fresh
//! demo ledger with the business date moving forward, and printing what an
//! administrator would see.

use std::io::Write;
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use rusqlite::OpenFlags;

use crate::error::Failure;

const OFFER_FILE: &str = "10at5-cloud-open.toml";
const OFFER_TOML: &str = include_str!("../../examples/10at5-cloud-open.toml");
const SALES_FILE: &str = "agreements.csv";
const SALES_CSV: &str = include_str!("../../examples/agreements.csv");
/// Every event of a demo ledger carries this actor: that is how an earlier
/// demo ledger is told from a real one.
const DEMO_ACTOR: &str = "cashback-demo";
const DEFAULT_PATH: &str = "cashback-demo.sqlite3";

/// One step of the walk-through.
struct Step {
    today: &'static str,
    /// What an administrator is doing, printed above the command.
    title: &'static str,
    /// The command line after `cashback`, as printed; "..." groups words.
    command: &'static str,
    /// The exit code the step must end with (refusals are part of the story).
    exit: i32,
}

#[rustfmt::skip]
const STEPS: &[Step] = &[
    Step { today: "2015-07-01", title: "Create the ledger", command: r#"init"#, exit: 0 },
    Step { today: "2015-07-01", title: "Define the offer", command: r#"offer add 10at5-cloud-open.toml"#, exit: 0 },
    Step { today: "2015-07-01", title: "Register resellers", command: r#"reseller register --id nordic-it --name "Nordic IT AS" --email post@nordic-it.no --country NO"#, exit: 0 },
    Step { today: "2015-07-01", title: "Register resellers", command: r#"reseller register --id fjord-data --name "Fjord Data AS" --email salg@fjord-data.no --country NO"#, exit: 0 },
    Step { today: "2015-07-01", title: "Register resellers", command: r#"reseller register --id bergen-soft --name "Bergen Software AS" --email kontor@bergen-soft.no --country NO"#, exit: 0 },
    Step { today: "2015-07-01", title: "Register resellers", command: r#"reseller register --id tromso-cloud --name "Tromsø Cloud AS" --email hei@tromso-cloud.no --country NO"#, exit: 0 },
    Step { today: "2015-07-01", title: "A registration with a personal e-mail is refused", command: r#"reseller register --id vest-it --name "Vest IT" --email vest.it@hotmail.no --country NO"#, exit: 1 },
    Step { today: "2015-07-01", title: "Fjord Data is enrolled in the MRI program, which this offer excludes", command: r#"reseller enroll fjord-data --program MRI --from 2015-01-01 --to 2015-12-31"#, exit: 0 },
    Step { today: "2015-07-02", title: "Vest IT registers again with its business address", command: r#"reseller register --id vest-it --name "Vest IT AS" --email post@vest-it.no --country NO"#, exit: 0 },
    Step { today: "2015-07-02", title: "The resellers", command: r#"reseller list"#, exit: 0 },
    Step { today: "2015-12-01", title: "Import the sales (Open agreements) reported so far", command: r#"agreement import agreements.csv"#, exit: 0 },
    Step { today: "2015-12-01", title: "What would Nordic IT get? (a what-if check, no claim needed)", command: r#"check --offer 10at5-cloud-open --reseller nordic-it"#, exit: 0 },
    Step { today: "2015-12-01", title: "Every reseller with sales in the offer", command: r#"check --offer 10at5-cloud-open --all"#, exit: 0 },
    Step { today: "2015-12-01", title: "Submissions arrive", command: r#"claim submit --offer 10at5-cloud-open --reseller nordic-it --agreement V1529323 --accept-terms"#, exit: 0 },
    Step { today: "2015-12-01", title: "Submissions arrive", command: r#"claim submit --offer 10at5-cloud-open --reseller fjord-data --agreement V1189021 --accept-terms"#, exit: 0 },
    Step { today: "2015-12-01", title: "Submissions arrive", command: r#"claim submit --offer 10at5-cloud-open --reseller bergen-soft --agreement V1637196 --accept-terms"#, exit: 0 },
    Step { today: "2015-12-01", title: "Submissions arrive", command: r#"claim submit --offer 10at5-cloud-open --reseller tromso-cloud --agreement V1834047 --accept-terms"#, exit: 0 },
    Step { today: "2015-12-01", title: "Submissions arrive", command: r#"claim submit --offer 10at5-cloud-open --reseller vest-it --agreement V1120835 --accept-terms"#, exit: 0 },
    Step { today: "2015-12-01", title: "A second request for the same offer is refused", command: r#"claim submit --offer 10at5-cloud-open --reseller nordic-it --agreement V1529323 --accept-terms"#, exit: 1 },
    Step { today: "2015-12-01", title: "Check a claim rule by rule", command: r#"check --claim 1"#, exit: 0 },
    Step { today: "2015-12-01", title: "Fjord Data's claim fails the MRI exclusion", command: r#"check --claim 2"#, exit: 1 },
    Step { today: "2015-12-02", title: "Validate: every rule passes, the claim is approved", command: r#"claim validate 1"#, exit: 0 },
    Step { today: "2015-12-02", title: "Validate: a failing rule rejects the claim", command: r#"claim validate 2"#, exit: 1 },
    Step { today: "2015-12-02", title: "Validate", command: r#"claim validate 3"#, exit: 0 },
    Step { today: "2015-12-02", title: "Validate", command: r#"claim validate 4"#, exit: 0 },
    Step { today: "2015-12-02", title: "Validate", command: r#"claim validate 5"#, exit: 0 },
    Step { today: "2015-12-02", title: "The daily cron job sends the notices that are due", command: r#"notice due --send"#, exit: 0 },
    Step { today: "2015-12-04", title: "Nordic IT sends its bank details: the claim becomes payable", command: r#"bank submit 1 --holder "Nordic IT AS" --holder-type business --iban "NO93 8601 1117 947" --bic DNBANOKK --currency NOK --address "Storgata 1, 0155 Oslo""#, exit: 0 },
    Step { today: "2015-12-04", title: "Bergen Software's payee name does not match its registration: the claim is rejected", command: r#"bank submit 3 --holder "Bergen Soft" --holder-type business --iban NO8330001234567 --bic DNBANOKK --currency NOK --address "Bryggen 5, 5003 Bergen""#, exit: 1 },
    Step { today: "2015-12-04", title: "Vest IT's details are accepted too", command: r#"bank submit 5 --holder "VEST IT AS" --holder-type business --iban NO5015032299921 --bic NDEANOKK --currency EUR --address "Strandkaien 2, 4005 Stavanger""#, exit: 0 },
    Step { today: "2015-12-05", title: "It was a typing error: reopen the claim (a fresh notice cycle starts)", command: r#"claim reopen 3 --reason "payee name typed wrong by the reseller""#, exit: 0 },
    Step { today: "2015-12-05", title: "The corrected details are accepted", command: r#"bank submit 3 --holder "Bergen Software AS" --holder-type business --iban NO8330001234567 --bic DNBANOKK --currency NOK --address "Bryggen 5, 5003 Bergen""#, exit: 0 },
    Step { today: "2015-12-08", title: "Tromsø Cloud has not answered: the cron job sends the second notice", command: r#"notice due --send"#, exit: 0 },
    Step { today: "2015-12-14", title: "... and the third, the last one the offer allows", command: r#"notice due --send"#, exit: 0 },
    Step { today: "2015-12-14", title: "What falls due soon", command: r#"deadlines"#, exit: 0 },
    Step { today: "2015-12-20", title: "The last notice expired unanswered: the nightly sweep forfeits the claim", command: r#"sweep"#, exit: 0 },
    Step { today: "2016-01-31", title: "Calculation date: the amounts are fixed", command: r#"calculate --offer 10at5-cloud-open"#, exit: 0 },
    Step { today: "2016-01-31", title: "The claims", command: r#"claim list"#, exit: 0 },
    Step { today: "2016-02-15", title: "Pay Nordic IT", command: r#"payout record 1 --reference TRF-2016-0042"#, exit: 0 },
    Step { today: "2016-02-15", title: "Pay Bergen Software", command: r#"payout record 3 --reference TRF-2016-0043"#, exit: 0 },
    Step { today: "2016-02-15", title: "A second payment of the same claim is refused", command: r#"payout record 1 --reference TRF-2016-0044"#, exit: 1 },
    Step { today: "2016-02-15", title: "The payout schedule", command: r#"payout schedule"#, exit: 0 },
    Step { today: "2016-02-15", title: "The audit trail is intact", command: r#"audit verify"#, exit: 0 },
];

/// Runs the demo. `db` is the path given with `--db` on the command line
/// (never `CASHBACK_DB`).
pub fn run(db: Option<&Path>, quiet: bool) -> anyhow::Result<()> {
    let cwd = std::env::current_dir()?;
    let path = match db {
        Some(path) => {
            if path.exists() {
                return Err(Failure::Invalid(format!(
                    "{}: the file already exists; the demo only writes a new ledger",
                    path.display()
                ))
                .into());
            }
            cwd.join(path)
        }
        None => {
            let path = cwd.join(DEFAULT_PATH);
            if path.exists() {
                if !is_demo_ledger(&path) {
                    return Err(Failure::Invalid(format!(
                        "{}: the file exists and is not a demo ledger; it was left untouched",
                        path.display()
                    ))
                    .into());
                }
                remove_ledger(&path)?;
            }
            path
        }
    };
    let files = std::env::temp_dir().join(format!("cashback-demo-{}", std::process::id()));
    std::fs::create_dir_all(&files)?;
    let outcome = walk(&path, &files, quiet);
    let _ = std::fs::remove_dir_all(&files);
    outcome?;
    print_epilogue(&path);
    Ok(())
}

fn walk(ledger: &Path, files: &Path, quiet: bool) -> anyhow::Result<()> {
    std::fs::write(files.join(OFFER_FILE), OFFER_TOML)?;
    std::fs::write(files.join(SALES_FILE), SALES_CSV)?;
    let exe = std::env::current_exe()?;
    let mut out = std::io::stdout();
    let mut last_date = "";
    for step in STEPS {
        if step.today != last_date {
            writeln!(out, "\n════ {} ════", step.today)?;
            last_date = step.today;
        }
        writeln!(out, "\n▶ {}", step.title)?;
        writeln!(out, "$ cashback --today {} {}", step.today, step.command)?;
        out.flush()?;
        let mut command = Command::new(&exe);
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("CASHBACK_") {
                command.env_remove(key);
            }
        }
        command
            .current_dir(files)
            .arg("--db")
            .arg(ledger)
            .args([
                "--today",
                step.today,
                "--actor",
                DEMO_ACTOR,
                "--config",
                "/dev/null",
                "--yes",
            ])
            .args(words(step.command))
            .stdin(Stdio::null())
            // Messages and refusals belong to the story: keep them in order
            // with the data, on the demo's stdout.
            .stderr(Stdio::from(std::io::stdout().as_fd().try_clone_to_owned()?));
        if quiet {
            command.arg("--quiet");
        }
        let status = command.status()?;
        let code = status.code().unwrap_or(-1);
        if code != step.exit {
            return Err(Failure::Ledger(format!(
                "the demo stopped: `cashback {}` ended with exit {code}, expected {}",
                step.command, step.exit
            ))
            .into());
        }
        if code != 0 {
            writeln!(out, "(exit {code}: refused, as expected)")?;
        }
    }
    Ok(())
}

/// The words of a step's command line: split at spaces, "..." kept together.
fn words(command: &str) -> Vec<&str> {
    command
        .split('"')
        .enumerate()
        .flat_map(|(i, part)| {
            if i % 2 == 1 {
                vec![part]
            } else {
                part.split_whitespace().collect()
            }
        })
        .collect()
}

fn print_epilogue(ledger: &Path) {
    let db = ledger.display();
    println!(
        "\nThe demo ledger is at {db}. Explore it:\n\
         \n  cashback --db {db} claim list\
         \n  cashback --db {db} claim show 1\
         \n  cashback --db {db} --today 2016-02-15 payout schedule\
         \n  cashback --db {db} notice list\
         \n  cashback --db {db} audit log --entity claim:4\
         \n  cashback --db {db} export claims --format json\
         \n  cashback --db {db} audit verify\n"
    );
}

/// A cashback ledger whose every event (if any) was written by the demo.
fn is_demo_ledger(path: &Path) -> bool {
    let Ok(conn) = rusqlite::Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
    else {
        return false;
    };
    let app_id: rusqlite::Result<i32> =
        conn.pragma_query_value(None, "application_id", |r| r.get(0));
    if app_id.ok() != Some(crate::ledger::schema::APPLICATION_ID) {
        return false;
    }
    conn.query_row(
        "SELECT count(*) FROM events WHERE actor <> ?1",
        [DEMO_ACTOR],
        |r| r.get::<_, i64>(0),
    )
    .map(|others| others == 0)
    .unwrap_or(false)
}

fn remove_ledger(path: &Path) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        match std::fs::remove_file(&file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_lines_split_into_words() {
        assert_eq!(
            words(r#"bank submit 3 --holder "Bergen Soft" --iban NO8330001234567"#),
            [
                "bank",
                "submit",
                "3",
                "--holder",
                "Bergen Soft",
                "--iban",
                "NO8330001234567"
            ]
        );
        assert_eq!(words("init"), ["init"]);
    }

    #[test]
    fn every_step_names_a_command() {
        use clap::CommandFactory;
        for step in STEPS {
            let mut args = vec!["cashback"];
            args.extend(words(step.command));
            crate::cli::Cli::command()
                .try_get_matches_from(&args)
                .unwrap_or_else(|e| panic!("{}: {e}", step.command));
        }
    }
}
