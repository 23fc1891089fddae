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
const OFFER: &str = "10at5-cloud-open";
/// Every event of a demo ledger carries this actor: that is how an earlier
/// demo ledger is told from a real one.
const DEMO_ACTOR: &str = "cashback-demo";
const DEFAULT_PATH: &str = "cashback-demo.sqlite3";

/// One step of the walk-through.
struct Step {
    today: &'static str,
    /// What an administrator is doing, printed above the command.
    title: &'static str,
    args: &'static [&'static str],
    /// The exit code the step must end with (refusals are part of the story).
    exit: i32,
}

const fn step(
    today: &'static str,
    title: &'static str,
    args: &'static [&'static str],
    exit: i32,
) -> Step {
    Step {
        today,
        title,
        args,
        exit,
    }
}

const STEPS: &[Step] = &[
    step("2015-07-01", "Create the ledger", &["init"], 0),
    step(
        "2015-07-01",
        "Define the offer",
        &["offer", "add", OFFER_FILE],
        0,
    ),
    step(
        "2015-07-01",
        "Register resellers",
        &[
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
        ],
        0,
    ),
    step(
        "2015-07-01",
        "Register resellers",
        &[
            "reseller",
            "register",
            "--id",
            "fjord-data",
            "--name",
            "Fjord Data AS",
            "--email",
            "salg@fjord-data.no",
            "--country",
            "NO",
        ],
        0,
    ),
    step(
        "2015-07-01",
        "Register resellers",
        &[
            "reseller",
            "register",
            "--id",
            "bergen-soft",
            "--name",
            "Bergen Software AS",
            "--email",
            "kontor@bergen-soft.no",
            "--country",
            "NO",
        ],
        0,
    ),
    step(
        "2015-07-01",
        "Register resellers",
        &[
            "reseller",
            "register",
            "--id",
            "tromso-cloud",
            "--name",
            "Tromsø Cloud AS",
            "--email",
            "hei@tromso-cloud.no",
            "--country",
            "NO",
        ],
        0,
    ),
    step(
        "2015-07-01",
        "A registration with a personal e-mail is refused",
        &[
            "reseller",
            "register",
            "--id",
            "vest-it",
            "--name",
            "Vest IT",
            "--email",
            "vest.it@hotmail.no",
            "--country",
            "NO",
        ],
        1,
    ),
    step(
        "2015-07-01",
        "Fjord Data is enrolled in the MRI program, which this offer excludes",
        &[
            "reseller",
            "enroll",
            "fjord-data",
            "--program",
            "MRI",
            "--from",
            "2015-01-01",
            "--to",
            "2015-12-31",
        ],
        0,
    ),
    step(
        "2015-07-02",
        "Vest IT registers again with its business address",
        &[
            "reseller",
            "register",
            "--id",
            "vest-it",
            "--name",
            "Vest IT AS",
            "--email",
            "post@vest-it.no",
            "--country",
            "NO",
        ],
        0,
    ),
    step("2015-07-02", "The resellers", &["reseller", "list"], 0),
    step(
        "2015-12-01",
        "Import the sales (Open agreements) reported so far",
        &["agreement", "import", SALES_FILE],
        0,
    ),
    step(
        "2015-12-01",
        "What would Nordic IT get? (a what-if check, no claim needed)",
        &["check", "--offer", OFFER, "--reseller", "nordic-it"],
        0,
    ),
    step(
        "2015-12-01",
        "Every reseller with sales in the offer",
        &["check", "--offer", OFFER, "--all"],
        0,
    ),
    step(
        "2015-12-01",
        "Submissions arrive",
        &[
            "claim",
            "submit",
            "--offer",
            OFFER,
            "--reseller",
            "nordic-it",
            "--agreement",
            "V1529323",
            "--accept-terms",
        ],
        0,
    ),
    step(
        "2015-12-01",
        "Submissions arrive",
        &[
            "claim",
            "submit",
            "--offer",
            OFFER,
            "--reseller",
            "fjord-data",
            "--agreement",
            FJORD_AGREEMENT,
            "--accept-terms",
        ],
        0,
    ),
    step(
        "2015-12-01",
        "Submissions arrive",
        &[
            "claim",
            "submit",
            "--offer",
            OFFER,
            "--reseller",
            "bergen-soft",
            "--agreement",
            BERGEN_AGREEMENT,
            "--accept-terms",
        ],
        0,
    ),
    step(
        "2015-12-01",
        "Submissions arrive",
        &[
            "claim",
            "submit",
            "--offer",
            OFFER,
            "--reseller",
            "tromso-cloud",
            "--agreement",
            TROMSO_AGREEMENT,
            "--accept-terms",
        ],
        0,
    ),
    step(
        "2015-12-01",
        "Submissions arrive",
        &[
            "claim",
            "submit",
            "--offer",
            OFFER,
            "--reseller",
            "vest-it",
            "--agreement",
            VEST_AGREEMENT,
            "--accept-terms",
        ],
        0,
    ),
    step(
        "2015-12-01",
        "A second request for the same offer is refused",
        &[
            "claim",
            "submit",
            "--offer",
            OFFER,
            "--reseller",
            "nordic-it",
            "--agreement",
            "V1529323",
            "--accept-terms",
        ],
        1,
    ),
    step(
        "2015-12-01",
        "Check a claim rule by rule",
        &["check", "--claim", "1"],
        0,
    ),
    step(
        "2015-12-01",
        "Fjord Data's claim fails the MRI exclusion",
        &["check", "--claim", "2"],
        1,
    ),
    step(
        "2015-12-02",
        "Validate: every rule passes, the claim is approved",
        &["claim", "validate", "1"],
        0,
    ),
    step(
        "2015-12-02",
        "Validate: a failing rule rejects the claim",
        &["claim", "validate", "2"],
        1,
    ),
    step("2015-12-02", "Validate", &["claim", "validate", "3"], 0),
    step("2015-12-02", "Validate", &["claim", "validate", "4"], 0),
    step("2015-12-02", "Validate", &["claim", "validate", "5"], 0),
    step(
        "2015-12-02",
        "The daily cron job sends the notices that are due",
        &["notice", "due", "--send"],
        0,
    ),
    step(
        "2015-12-04",
        "Nordic IT sends its bank details: the claim becomes payable",
        &[
            "bank",
            "submit",
            "1",
            "--holder",
            "Nordic IT AS",
            "--holder-type",
            "business",
            "--iban",
            "NO93 8601 1117 947",
            "--bic",
            "DNBANOKK",
            "--currency",
            "NOK",
            "--address",
            "Storgata 1, 0155 Oslo",
        ],
        0,
    ),
    step(
        "2015-12-04",
        "Bergen Software's payee name does not match its registration: the claim is rejected",
        &[
            "bank",
            "submit",
            "3",
            "--holder",
            "Bergen Soft",
            "--holder-type",
            "business",
            "--iban",
            "NO8330001234567",
            "--bic",
            "DNBANOKK",
            "--currency",
            "NOK",
            "--address",
            "Bryggen 5, 5003 Bergen",
        ],
        1,
    ),
    step(
        "2015-12-04",
        "Vest IT's details are accepted too",
        &[
            "bank",
            "submit",
            "5",
            "--holder",
            "VEST IT AS",
            "--holder-type",
            "business",
            "--iban",
            "NO5015032299921",
            "--bic",
            "NDEANOKK",
            "--currency",
            "EUR",
            "--address",
            "Strandkaien 2, 4005 Stavanger",
        ],
        0,
    ),
    step(
        "2015-12-05",
        "It was a typing error: reopen the claim (a fresh notice cycle starts)",
        &[
            "claim",
            "reopen",
            "3",
            "--reason",
            "payee name typed wrong by the reseller",
        ],
        0,
    ),
    step(
        "2015-12-05",
        "The corrected details are accepted",
        &[
            "bank",
            "submit",
            "3",
            "--holder",
            "Bergen Software AS",
            "--holder-type",
            "business",
            "--iban",
            "NO8330001234567",
            "--bic",
            "DNBANOKK",
            "--currency",
            "NOK",
            "--address",
            "Bryggen 5, 5003 Bergen",
        ],
        0,
    ),
    step(
        "2015-12-08",
        "Tromsø Cloud has not answered: the cron job sends the second notice",
        &["notice", "due", "--send"],
        0,
    ),
    step(
        "2015-12-14",
        "... and the third, the last one the offer allows",
        &["notice", "due", "--send"],
        0,
    ),
    step("2015-12-14", "What falls due soon", &["deadlines"], 0),
    step(
        "2015-12-20",
        "The last notice expired unanswered: the nightly sweep forfeits the claim",
        &["sweep"],
        0,
    ),
    step(
        "2016-01-31",
        "Calculation date: the amounts are fixed",
        &["calculate", "--offer", OFFER],
        0,
    ),
    step("2016-01-31", "The claims", &["claim", "list"], 0),
    step(
        "2016-02-15",
        "Pay Nordic IT",
        &["payout", "record", "1", "--reference", "TRF-2016-0042"],
        0,
    ),
    step(
        "2016-02-15",
        "Pay Bergen Software",
        &["payout", "record", "3", "--reference", "TRF-2016-0043"],
        0,
    ),
    step(
        "2016-02-15",
        "A second payment of the same claim is refused",
        &["payout", "record", "1", "--reference", "TRF-2016-0044"],
        1,
    ),
    step(
        "2016-02-15",
        "The payout schedule",
        &["payout", "schedule"],
        0,
    ),
    step(
        "2016-02-15",
        "The audit trail is intact",
        &["audit", "verify"],
        0,
    ),
];

/// The agreements each demo reseller names (from the built-in sales file).
const FJORD_AGREEMENT: &str = "V1189021";
const BERGEN_AGREEMENT: &str = "V1637196";
const TROMSO_AGREEMENT: &str = "V1834047";
const VEST_AGREEMENT: &str = "V1120835";

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
        writeln!(
            out,
            "$ cashback --today {} {}",
            step.today,
            shell_words(step.args)
        )?;
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
            .args(step.args)
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
                step.args.join(" "),
                step.exit
            ))
            .into());
        }
        if code != 0 {
            writeln!(
                out,
                "(exit {code}: refused as expected; nothing was recorded unless the spec says so)"
            )?;
        }
    }
    Ok(())
}

fn shell_words(args: &[&str]) -> String {
    args.iter()
        .map(|a| {
            if a.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_./@:".contains(c))
            {
                a.to_string()
            } else {
                format!("\"{a}\"")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
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
