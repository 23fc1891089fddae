//! Hostile input: a table of malformed inputs over every input channel
//! (offer TOML, config TOML, command arguments, ledger files). Each row
//! names the exit code and the words the message must contain; every row
//! must also leave the ledger (or the foreign file) exactly as it was and
//! never panic.

mod common;

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{CSV_HEADER, OFFER_TOML, TestLedger};
use serde_json::Value;

/// One malformed input: the command to run, the exit code it must end with
/// and the words its message must contain.
struct Case {
    name: &'static str,
    args: Vec<OsString>,
    code: i32,
    needles: Vec<String>,
}

fn case(name: &'static str, args: &[&str], code: i32, needles: &[&str]) -> Case {
    Case {
        name,
        args: args.iter().map(OsString::from).collect(),
        code,
        needles: needles.iter().map(|n| n.to_string()).collect(),
    }
}

fn os(path: &Path) -> String {
    path.to_str().expect("UTF-8 temp path").to_string()
}

/// Runs every case on `ledger`, plain and with `--format json`, and reports
/// every row that misbehaved at once.
fn run_matrix(ledger: &TestLedger, cases: &[Case]) {
    let mut problems = Vec::new();
    for case in cases {
        let before = ledger.dump();
        let output = command(ledger, &case.args).output().expect("run");
        problems.extend(judge(case, &output, false));
        if !case.args.iter().any(|a| a == "--format") {
            // With --format json every error, usage errors included, is one
            // JSON object on stderr.
            let output = command(ledger, &case.args)
                .args(["--format", "json"])
                .output()
                .expect("run");
            problems.extend(judge(case, &output, true));
        }
        if ledger.dump() != before {
            problems.push(format!("{}: the ledger changed", case.name));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The fixture's command; where the case gives its own `--today`, the same
/// command without the fixture's (clap refuses a flag given twice).
fn command(ledger: &TestLedger, args: &[OsString]) -> assert_cmd::Command {
    let mut cmd = ledger.cmd(&[]);
    if args.iter().any(|a| a == "--today") {
        cmd = assert_cmd::Command::cargo_bin("cashback").expect("binary");
        for (key, _) in std::env::vars() {
            if key.starts_with("CASHBACK_") {
                cmd.env_remove(key);
            }
        }
        cmd.env("CASHBACK_CONFIG", "/dev/null")
            .env("USER", "tester")
            .arg("--db")
            .arg(&ledger.path);
    }
    cmd.args(args);
    cmd
}

fn judge(case: &Case, output: &Output, json: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let label = format!("{}{}", case.name, if json { " (json)" } else { "" });
    if output.status.code() != Some(case.code) {
        problems.push(format!(
            "{label}: exit {:?}, expected {}; stderr: {stderr}",
            output.status.code(),
            case.code
        ));
    }
    if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
        problems.push(format!("{label}: panicked: {stderr}"));
    }
    let message = if json {
        match serde_json::from_str::<Value>(stderr.trim()) {
            Ok(error) => {
                if error["exit"] != case.code {
                    problems.push(format!("{label}: JSON error with exit {}", error["exit"]));
                }
                error["message"].as_str().unwrap_or_default().to_string()
            }
            Err(_) => {
                problems.push(format!("{label}: stderr is not one JSON object: {stderr}"));
                String::new()
            }
        }
    } else {
        stderr.to_string()
    };
    for needle in &case.needles {
        if !message.contains(needle.as_str()) {
            problems.push(format!(
                "{label}: message does not mention `{needle}`: {message}"
            ));
        }
    }
    if !output.stdout.is_empty() {
        problems.push(format!(
            "{label}: printed data on stdout although it failed: {}",
            String::from_utf8_lossy(&output.stdout)
        ));
    }
    problems
}

/// A ledger with an offer and a reseller, so that refusals have something
/// to leave alone.
fn populated() -> TestLedger {
    let ledger = TestLedger::new();
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
        "--country",
        "NO",
    ]);
    ledger
}

fn write_bytes(ledger: &TestLedger, name: &str, bytes: &[u8]) -> String {
    let path = ledger.dir.path().join(name);
    std::fs::write(&path, bytes).expect("write test file");
    os(&path)
}

/// The example offer with one line replaced (the line must exist).
fn offer_with(from: &str, to: &str) -> String {
    assert!(OFFER_TOML.contains(from), "example offer has no `{from}`");
    OFFER_TOML
        .replace(from, to)
        .replace("10at5-cloud-open", "hostile-offer")
}

#[test]
fn malformed_offer_files_are_refused_naming_the_key() {
    let ledger = populated();
    let min_quantity_line = format!(
        "line {}",
        1 + common::OFFER_TOML
            .lines()
            .position(|l| l.starts_with("min_quantity"))
            .unwrap()
    );
    let file = |name: &str, text: &str| write_bytes(&ledger, name, text.as_bytes());
    let add = |path: String| vec!["offer".to_string(), "add".to_string(), path];
    let row = |name: &'static str, path: String, needles: &[&str]| {
        let args = add(path);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        case(name, &args, 4, needles)
    };
    let mut nul = offer_with(
        "name = \"10@5 Cloud Open Promotion\"",
        "name = \"10@5\0Cloud\"",
    )
    .into_bytes();
    nul.push(0);
    let mut latin1 = offer_with("10@5 Cloud Open Promotion", "Bl\u{e5}b\u{e6}r").into_bytes();
    // Latin-1 å and æ instead of their UTF-8 forms.
    let pos = latin1
        .windows(2)
        .position(|w| w == "å".as_bytes())
        .expect("å in the text");
    latin1.splice(pos..pos + 2, [0xE5]);
    let cases = vec![
        row(
            "offer: not TOML at all",
            file("garbage.toml", "this is { not toml"),
            &["garbage.toml", "TOML", "line 1"],
        ),
        row(
            "offer: empty file",
            file("empty.toml", ""),
            &["empty.toml", "dates"],
        ),
        row(
            "offer: TOML float for a rate",
            file("float.toml", &offer_with("rate = \"10\"", "rate = 7.5")),
            &["float.toml", "incentive.rate", "floats"],
        ),
        row(
            "offer: TOML float for a count",
            file(
                "float-count.toml",
                &offer_with("min_quantity = 5", "min_quantity = 5.0"),
            ),
            &["criteria.min_quantity", "whole number"],
        ),
        row(
            "offer: unknown top-level key",
            file(
                "unknown.toml",
                &offer_with(
                    "terms_version = \"2015-07\"",
                    "terms_version = \"2015-07\"\ncolour = \"red\"",
                ),
            ),
            &["colour", "unknown key"],
        ),
        row(
            "offer: misspelt key gets a suggestion",
            file(
                "typo.toml",
                &offer_with("submit_before =", "submit_befor ="),
            ),
            &["dates.submit_befor", "did you mean `submit_before`"],
        ),
        row(
            "offer: unknown table",
            file(
                "table.toml",
                &format!("{}\n[bonus]\nx = 1\n", offer_with("", "")),
            ),
            &["bonus", "unknown key"],
        ),
        row(
            "offer: number where a string is needed",
            file(
                "type.toml",
                &offer_with("currency = \"NOK\"", "currency = 578"),
            ),
            &["currency", "expected a string"],
        ),
        row(
            "offer: string where a list is needed",
            file(
                "list.toml",
                &offer_with("regions = [\"NO\"]", "regions = \"NO\""),
            ),
            &["regions", "list of strings"],
        ),
        row(
            "offer: impossible date 2015-02-30",
            file(
                "feb30.toml",
                &offer_with("opens_on = 2015-07-01", "opens_on = 2015-02-30"),
            ),
            &["feb30.toml", "opens_on", "2015-02-30"],
        ),
        row(
            "offer: impossible date as a string",
            file(
                "feb30s.toml",
                &offer_with("opens_on = 2015-07-01", "opens_on = \"2015-02-30\""),
            ),
            &["dates.opens_on", "2015-02-30"],
        ),
        row(
            "offer: a date-time where a date is needed",
            file(
                "datetime.toml",
                &offer_with("opens_on = 2015-07-01", "opens_on = 2015-07-01T10:00:00Z"),
            ),
            &["dates.opens_on", "date"],
        ),
        row(
            "offer: negative quantity",
            file(
                "negative.toml",
                &offer_with("min_quantity = 5", "min_quantity = -5"),
            ),
            &["criteria.min_quantity", "negative"],
        ),
        row(
            "offer: negative rate as a string",
            file(
                "negrate.toml",
                &offer_with("rate = \"10\"", "rate = \"-10\""),
            ),
            &["incentive.rate", "negative"],
        ),
        row(
            "offer: integer beyond 64 bits",
            file(
                "huge.toml",
                &offer_with("min_quantity = 5", "min_quantity = 99999999999999999999999"),
            ),
            &["huge.toml", &min_quantity_line, "min_quantity"],
        ),
        row(
            "offer: decimal beyond 96 bits",
            file(
                "hugecap.toml",
                &offer_with(
                    "cap = \"100000.00\"",
                    "cap = \"999999999999999999999999999999999999999\"",
                ),
            ),
            &["incentive.cap", "too large"],
        ),
        row(
            "offer: amount with an exponent",
            file(
                "exp.toml",
                &offer_with("cap = \"100000.00\"", "cap = \"1e5\""),
            ),
            &["incentive.cap", "not a decimal"],
        ),
        row(
            "offer: more decimals than the currency has",
            file(
                "decimals.toml",
                &offer_with("cap = \"100000.00\"", "cap = \"100000.001\""),
            ),
            &["incentive.cap", "decimals"],
        ),
        row(
            "offer: days beyond a century",
            file(
                "days.toml",
                &offer_with("payout_within_days = 60", "payout_within_days = 4000000000"),
            ),
            &["dates.payout_within_days", "36500"],
        ),
        row(
            "offer: NUL bytes",
            write_bytes(&ledger, "nul.toml", &nul),
            &["nul.toml", "TOML"],
        ),
        row(
            "offer: not UTF-8",
            write_bytes(&ledger, "latin1.toml", &latin1),
            &["latin1.toml", "UTF-8"],
        ),
        row(
            "offer: dates out of order",
            file(
                "order.toml",
                &offer_with(
                    "calculation_date = 2016-01-31",
                    "calculation_date = 2015-12-30",
                ),
            ),
            &["dates.calculation_date", "before sales_to"],
        ),
        row(
            "offer: code full of SQL",
            file(
                "sqlcode.toml",
                &OFFER_TOML.replace(
                    "code = \"10at5-cloud-open\"",
                    "code = \"x'); DROP TABLE offers;--\"",
                ),
            ),
            &["code", "a-z"],
        ),
        row(
            "offer: unknown currency",
            file(
                "cur.toml",
                &offer_with("currency = \"NOK\"", "currency = \"nok\""),
            ),
            &["currency", "ISO 4217"],
        ),
        row(
            "offer: file is a directory",
            os(ledger.dir.path()),
            &["cannot read"],
        ),
        row(
            "offer: file is missing",
            os(&ledger.dir.path().join("absent.toml")),
            &["absent.toml", "cannot read"],
        ),
    ];
    run_matrix(&ledger, &cases);
}

#[test]
fn malformed_config_files_are_refused_naming_the_key() {
    let ledger = populated();
    let config = |name: &str, bytes: &[u8], needles: &[&str]| -> (String, Vec<String>) {
        (
            write_bytes(&ledger, name, bytes),
            needles.iter().map(|n| n.to_string()).collect(),
        )
    };
    let rows: Vec<(&'static str, (String, Vec<String>))> = vec![
        (
            "config: unknown key",
            config(
                "unknown.toml",
                b"[ledger]\nbusy_timeout = 3\n",
                &["unknown.toml", "busy_timeout"],
            ),
        ),
        (
            "config: unknown section",
            config("section.toml", b"[ledgr]\n", &["ledgr"]),
        ),
        (
            "config: bad regular expression",
            config(
                "regex.toml",
                b"[agreements]\nnumber_pattern = \"^V[0-9\"\n",
                &["regex.toml", "number_pattern", "regular expression"],
            ),
        ),
        (
            "config: string where a number is needed",
            config(
                "type.toml",
                b"[ledger]\nbusy_timeout_seconds = \"30\"\n",
                &["busy_timeout_seconds"],
            ),
        ),
        (
            "config: negative timeout",
            config(
                "negative.toml",
                b"[ledger]\nbusy_timeout_seconds = -1\n",
                &["busy_timeout_seconds"],
            ),
        ),
        (
            "config: float timeout",
            config(
                "float.toml",
                b"[ledger]\nbusy_timeout_seconds = 1.5\n",
                &["busy_timeout_seconds"],
            ),
        ),
        (
            "config: absurd timeout",
            config(
                "absurd.toml",
                b"[ledger]\nbusy_timeout_seconds = 99999999999\n",
                &["busy_timeout_seconds", "86400"],
            ),
        ),
        (
            "config: a string where a list is needed",
            config(
                "list.toml",
                b"[registration]\npersonal_email_domains = \"online.no\"\n",
                &["personal_email_domains"],
            ),
        ),
        (
            "config: not TOML",
            config(
                "garbage.toml",
                b"[registration\n",
                &["garbage.toml", "line 1"],
            ),
        ),
        (
            "config: not UTF-8",
            config(
                "latin1.toml",
                b"# bl\xe5b\xe6r\n",
                &["latin1.toml", "UTF-8"],
            ),
        ),
        (
            "config: NUL bytes",
            config("nul.toml", b"[ledger]\0\n", &["nul.toml"]),
        ),
        (
            "config: a directory",
            (os(ledger.dir.path()), vec!["cannot read".to_string()]),
        ),
        (
            "config: named but missing",
            (
                os(&ledger.dir.path().join("absent.toml")),
                vec!["absent.toml".to_string(), "cannot read".to_string()],
            ),
        ),
    ];
    let cases: Vec<Case> = rows
        .into_iter()
        .map(|(name, (path, needles))| {
            let mut row = case(name, &["--config", &path, "reseller", "list"], 4, &[]);
            row.needles = needles;
            row
        })
        .collect();
    run_matrix(&ledger, &cases);
}

#[test]
fn malformed_arguments_are_refused() {
    let ledger = populated();
    let dir = os(ledger.dir.path());
    let missing_dir_out = os(&ledger.dir.path().join("no-such-folder/out.csv"));
    let existing = write_bytes(&ledger, "exists.csv", b"keep me\n");
    let register = |id: &str, name: &str, email: &str| -> Vec<String> {
        [
            "reseller", "register", "--id", id, "--name", name, "--email", email,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let as_case = |name: &'static str, args: Vec<String>, code: i32, needles: &[&str]| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        case(name, &args, code, needles)
    };
    let mut cases = vec![
        case(
            "args: impossible --today",
            &["--today", "2016-13-45", "reseller", "list"],
            2,
            &["2016-13-45", "YYYY-MM-DD"],
        ),
        case(
            "args: --today without dashes",
            &["--today", "20150701", "reseller", "list"],
            2,
            &["20150701"],
        ),
        case(
            "args: impossible --on",
            &[
                "reseller",
                "register",
                "--id",
                "x",
                "--name",
                "X AS",
                "--email",
                "a@x.no",
                "--on",
                "2015-02-30",
            ],
            2,
            &["2015-02-30"],
        ),
        case(
            "args: --on after today",
            &[
                "reseller",
                "register",
                "--id",
                "x",
                "--name",
                "X AS",
                "--email",
                "a@x.no",
                "--on",
                "2015-07-02",
            ],
            4,
            &["--on 2015-07-02", "after today"],
        ),
        as_case(
            "args: reseller id with spaces and quotes",
            register("x'; DROP TABLE resellers;--", "X AS", "a@x.no"),
            4,
            &["--id", "A-Za-z0-9"],
        ),
        as_case(
            "args: reseller id too long",
            register(&"a".repeat(33), "X AS", "a@x.no"),
            4,
            &["--id"],
        ),
        as_case(
            "args: reseller id starting with a dash",
            register("-x", "X AS", "a@x.no"),
            2,
            &["-x"],
        ),
        as_case(
            "args: empty company name",
            register("x", "   ", "a@x.no"),
            4,
            &["--name", "empty"],
        ),
        as_case(
            "args: malformed e-mail",
            register("x", "X AS", "not-an-address"),
            4,
            &["--email", "not-an-address"],
        ),
        case(
            "args: unknown country",
            &[
                "reseller",
                "register",
                "--id",
                "x",
                "--name",
                "X AS",
                "--email",
                "a@x.no",
                "--country",
                "XX",
            ],
            4,
            &["--country", "XX"],
        ),
        case(
            "args: enrolment ending before it starts",
            &[
                "reseller",
                "enroll",
                "nordic-it",
                "--program",
                "MRI",
                "--from",
                "2015-12-31",
                "--to",
                "2015-01-01",
            ],
            4,
            &["--to 2015-01-01", "before --from"],
        ),
        case(
            "args: enrolment of an unknown reseller",
            &[
                "reseller",
                "enroll",
                "ghost",
                "--program",
                "MRI",
                "--from",
                "2015-01-01",
                "--to",
                "2015-12-31",
            ],
            3,
            &["ghost"],
        ),
        case(
            "args: unknown reseller",
            &["reseller", "show", "x'); DROP TABLE resellers;--"],
            3,
            &["no reseller"],
        ),
        case(
            "args: unknown offer",
            &["offer", "show", "O'Brien \"Data\""],
            3,
            &["no offer", "O'Brien"],
        ),
        case(
            "args: non-numeric claim id",
            &["claim", "show", "abc"],
            2,
            &["abc", "<CLAIM>"],
        ),
        case(
            "args: negative claim id",
            &["claim", "show", "-5"],
            2,
            &["-5"],
        ),
        case(
            "args: claim id beyond 64 bits",
            &["claim", "show", "99999999999999999999"],
            2,
            &["99999999999999999999"],
        ),
        case(
            "args: unknown output format",
            &["reseller", "list", "--format", "xml"],
            2,
            &["xml"],
        ),
        case(
            "args: unknown export table",
            &["export", "sqlite_master"],
            2,
            &["sqlite_master", "resellers"],
        ),
        case(
            "args: export over an existing file",
            &["export", "resellers", "--output", &existing],
            4,
            &["exists.csv", "already exists"],
        ),
        case(
            "args: export onto a directory",
            &["export", "resellers", "--output", &dir],
            4,
            &["already exists"],
        ),
        case(
            "args: export into a missing folder",
            &["export", "resellers", "--output", &missing_dir_out],
            4,
            &["out.csv", "cannot write"],
        ),
    ];
    // Arguments that are not UTF-8 at all.
    let mut latin1 = case("args: name that is not UTF-8", &[], 2, &["UTF-8"]);
    latin1.args = vec![
        "reseller".into(),
        "register".into(),
        "--id".into(),
        "x".into(),
        "--name".into(),
        OsString::from_vec(b"Bl\xe5b\xe6r AS".to_vec()),
        "--email".into(),
        "a@x.no".into(),
    ];
    cases.push(latin1);
    run_matrix(&ledger, &cases);
    assert_eq!(
        std::fs::read(ledger.dir.path().join("exists.csv")).unwrap(),
        b"keep me\n"
    );
    assert!(!ledger.dir.path().join("no-such-folder").exists());
}

/// A valid agreement row; `field` replaced by `value` where given.
fn agreement_row(line: u32, field: &str, value: &str) -> String {
    let mut fields: Vec<String> = [
        "V1000001",
        &line.to_string(),
        "nordic-it",
        "C1",
        "\"Kunde 1, AS\"",
        "commercial",
        "NO",
        "2015-08-14",
        "Office 365 E3",
        "cloud-open",
        "10",
        "1234.50",
        "NOK",
        "",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    if let Some(index) = CSV_HEADER.split(',').position(|c| c == field) {
        fields[index] = value.to_string();
    }
    fields.join(",")
}

/// The header, a good first row and a second row with `field` = `value`
/// (so the problem is on line 3).
fn agreements_with(field: &str, value: &str) -> String {
    format!(
        "{CSV_HEADER}\n{}\n{}\n",
        agreement_row(1, "", ""),
        agreement_row(2, field, value)
    )
}

#[test]
fn malformed_agreement_files_are_refused_naming_line_and_field() {
    let ledger = populated();
    // Something already imported, which a refused import must leave alone.
    let first = write_bytes(
        &ledger,
        "first.csv",
        format!("{CSV_HEADER}\n{}\n", agreement_row(1, "", "")).as_bytes(),
    );
    ledger.ok(&["agreement", "import", &first]);
    let row = |name: &'static str, file: &str, bytes: &[u8], needles: &[&str]| {
        let path = write_bytes(&ledger, file, bytes);
        case(name, &["agreement", "import", &path], 4, needles)
    };
    let field = |name: &'static str, file: &str, column: &str, value: &str, needles: &[&str]| {
        let mut all = vec![format!("{file}:3"), column.to_string()];
        all.extend(needles.iter().map(|n| n.to_string()));
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        row(name, file, agreements_with(column, value).as_bytes(), &all)
    };
    let mut latin1 = agreements_with("customer_name", "Bl\u{e5}b\u{e6}r AS").into_bytes();
    let pos = latin1
        .windows(2)
        .position(|w| w == "å".as_bytes())
        .expect("å in the text");
    latin1.splice(pos..pos + 2, [0xE5]);
    let mut overlong = format!("{CSV_HEADER}\n{}\n", agreement_row(1, "", "")).into_bytes();
    overlong.extend(agreement_row(2, "customer_name", &"x".repeat(1024 * 1024 + 16)).bytes());
    overlong.push(b'\n');
    let mut endless = format!("{CSV_HEADER}\n\"").into_bytes();
    endless.extend(std::iter::repeat_n(b'a', 2 * 1024 * 1024));
    let cases = vec![
        row(
            "csv: not UTF-8",
            "latin1.csv",
            &latin1,
            &["latin1.csv:3", "customer_name", "not UTF-8"],
        ),
        field(
            "csv: NUL byte in a name",
            "nul.csv",
            "customer_name",
            "Kunde\u{0}1 AS",
            &["control character"],
        ),
        field(
            "csv: NUL byte in an amount",
            "nul-amount.csv",
            "net_amount",
            "12\u{0}.50",
            &["not a decimal"],
        ),
        row(
            "csv: a record over 1 MiB",
            "overlong.csv",
            &overlong,
            &["overlong.csv:3", "longer than 1 MiB"],
        ),
        row(
            "csv: a quote that never closes, over 1 MiB",
            "endless.csv",
            &endless,
            &["endless.csv:2", "longer than 1 MiB"],
        ),
        row(
            "csv: a quote that never closes",
            "quotes.csv",
            agreements_with("customer_name", "\"Kunde 1 AS").as_bytes(),
            &["quotes.csv:3", "fields"],
        ),
        field(
            "csv: amount with an exponent",
            "exp.csv",
            "net_amount",
            "1.2345e3",
            &["1.2345e3", "not a decimal"],
        ),
        field(
            "csv: amount with extra decimals",
            "decimals.csv",
            "net_amount",
            "1234.505",
            &["1234.505", "decimal digits of NOK"],
        ),
        field(
            "csv: negative amount",
            "negative.csv",
            "net_amount",
            "-5.00",
            &["negative"],
        ),
        field(
            "csv: amount beyond 64 bits",
            "huge-amount.csv",
            "net_amount",
            "99999999999999999999.00",
            &["too large"],
        ),
        field(
            "csv: amount with a thousands separator",
            "thousands.csv",
            "net_amount",
            "\"1,234.50\"",
            &["not a decimal"],
        ),
        field(
            "csv: impossible sale date",
            "feb30.csv",
            "sale_date",
            "2015-02-30",
            &["2015-02-30", "YYYY-MM-DD"],
        ),
        field(
            "csv: impossible return date",
            "month13.csv",
            "returned_on",
            "2016-13-45",
            &["2016-13-45"],
        ),
        field(
            "csv: returned before it was sold",
            "early.csv",
            "returned_on",
            "2015-08-01",
            &["before the sale_date"],
        ),
        field(
            "csv: zero quantity",
            "zero.csv",
            "quantity",
            "0",
            &["positive whole number"],
        ),
        field(
            "csv: fractional quantity",
            "fraction.csv",
            "quantity",
            "2.5",
            &["positive whole number"],
        ),
        field(
            "csv: negative quantity",
            "negqty.csv",
            "quantity",
            "-3",
            &["positive whole number"],
        ),
        field(
            "csv: quantity beyond 64 bits",
            "hugeqty.csv",
            "quantity",
            "99999999999999999999",
            &["too large"],
        ),
        field(
            "csv: zero line number",
            "line0.csv",
            "line",
            "0",
            &["positive whole number"],
        ),
        field(
            "csv: unknown currency",
            "currency.csv",
            "currency",
            "XYZ",
            &["ISO 4217"],
        ),
        field(
            "csv: unknown segment",
            "segment.csv",
            "segment",
            "'; DROP TABLE agreement_lines;--",
            &["DROP TABLE", "commercial"],
        ),
        field(
            "csv: reseller id full of SQL",
            "sqlid.csv",
            "reseller_id",
            "x'); DELETE FROM claims;--",
            &["A-Za-z0-9"],
        ),
        field(
            "csv: agreement number off the pattern",
            "number.csv",
            "agreement_number",
            "v-1",
            &["v-1", "pattern"],
        ),
        row(
            "csv: a key twice in one file",
            "twice.csv",
            format!(
                "{CSV_HEADER}\n{}\n{}\n",
                agreement_row(2, "", ""),
                agreement_row(2, "", "")
            )
            .as_bytes(),
            &["twice.csv:3"],
        ),
        row(
            "csv: lines of one agreement disagree",
            "disagree.csv",
            agreements_with("reseller_id", "fjord-data").as_bytes(),
            &["disagree.csv:3", "reseller_id"],
        ),
        case(
            "csv: --skip-invalid without --rejects",
            &["agreement", "import", &first, "--skip-invalid"],
            2,
            &["--rejects"],
        ),
        case(
            "csv: rejects file that exists",
            &[
                "agreement",
                "import",
                &first,
                "--skip-invalid",
                "--rejects",
                &first,
            ],
            4,
            &["first.csv", "already exists"],
        ),
        case(
            "csv: rejects file in a missing folder",
            &[
                "agreement",
                "import",
                &first,
                "--skip-invalid",
                "--rejects",
                &os(&ledger.dir.path().join("no-such-folder/rejects.csv")),
            ],
            4,
            &["rejects.csv", "cannot write"],
        ),
        row(
            "csv: a row with too few fields",
            "short.csv",
            format!("{CSV_HEADER}\nV1000002,1,nordic-it\n").as_bytes(),
            &["short.csv:2", "3 fields", "14"],
        ),
        row(
            "csv: missing column",
            "missing.csv",
            format!("{}\n", CSV_HEADER.trim_end_matches(",returned_on")).as_bytes(),
            &["missing.csv:1", "missing column returned_on"],
        ),
        row(
            "csv: duplicate column",
            "dup.csv",
            format!("{CSV_HEADER},quantity\n").as_bytes(),
            &["dup.csv:1", "quantity", "twice"],
        ),
        row(
            "csv: unknown column",
            "colour.csv",
            format!("{CSV_HEADER},colour\n").as_bytes(),
            &["colour.csv:1", "unknown column `colour`"],
        ),
        row(
            "csv: empty file",
            "empty.csv",
            b"",
            &["empty.csv", "header"],
        ),
        row(
            "csv: not a CSV at all",
            "binary.csv",
            &[0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00, 0x00, 0x0a],
            &["binary.csv"],
        ),
        case(
            "csv: a directory",
            &["agreement", "import", &os(ledger.dir.path())],
            4,
            &["cannot read"],
        ),
        case(
            "csv: a missing file",
            &[
                "agreement",
                "import",
                &os(&ledger.dir.path().join("absent.csv")),
            ],
            4,
            &["absent.csv", "cannot read"],
        ),
    ];
    let first_text = std::fs::read(&first).unwrap();
    run_matrix(&ledger, &cases);
    assert_eq!(std::fs::read(&first).unwrap(), first_text);
    assert!(!ledger.dir.path().join("no-such-folder").exists());
}

/// `populated()` with an agreement and claim 1 approved on 2015-07-02;
/// today 2015-07-03.
fn with_an_approved_claim() -> TestLedger {
    let mut ledger = populated();
    let sales = write_bytes(
        &ledger,
        "claim-sales.csv",
        format!("{CSV_HEADER}\n{}\n", agreement_row(1, "", "")).as_bytes(),
    );
    ledger.ok(&["agreement", "import", &sales]);
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
    ledger.set_today("2015-07-02");
    ledger.ok(&["claim", "validate", "1"]);
    ledger.set_today("2015-07-03");
    ledger
}

fn bank_submit(iban: &str, bic: &str, currency: &str, address: &str) -> Vec<String> {
    [
        "bank",
        "submit",
        "1",
        "--holder",
        "Nordic IT AS",
        "--holder-type",
        "business",
        "--iban",
        iban,
        "--bic",
        bic,
        "--currency",
        currency,
        "--address",
        address,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn malformed_claim_bank_and_payout_arguments_are_refused() {
    let ledger = with_an_approved_claim();
    let existing = write_bytes(&ledger, "exists.sqlite3", b"keep me\n");
    let dir = os(ledger.dir.path());
    let as_case = |name: &'static str, args: Vec<String>, code: i32, needles: &[&str]| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        case(name, &args, code, needles)
    };
    let cases = vec![
        case(
            "claims: unknown claim",
            &["claim", "show", "999"],
            3,
            &["no claim 999"],
        ),
        case(
            "claims: validating an unknown claim",
            &["claim", "validate", "999"],
            3,
            &["999"],
        ),
        case(
            "claims: unknown offer in a what-if",
            &[
                "check",
                "--offer",
                "x'; DROP TABLE claims;--",
                "--reseller",
                "nordic-it",
            ],
            3,
            &["no offer"],
        ),
        case(
            "claims: unknown status",
            &["claim", "list", "--status", "bogus"],
            2,
            &["--status", "bogus"],
        ),
        case(
            "claims: empty reason",
            &["--yes", "claim", "reject", "1", "--reason", " "],
            2,
            &["--reason"],
        ),
        case(
            "claims: --on before the claim's last event",
            &[
                "--yes",
                "claim",
                "reject",
                "1",
                "--reason",
                "typo",
                "--on",
                "2015-07-01",
            ],
            4,
            &["--on 2015-07-01", "before the last recorded event"],
        ),
        case(
            "notices: unknown claim",
            &["notice", "send", "999"],
            3,
            &["999"],
        ),
        as_case(
            "bank: IBAN with a wrong check digit",
            bank_submit("NO9386011117948", "DNBANOKK", "NOK", "Oslo"),
            4,
            &["--iban", "NO93 **** **** 948", "check digits"],
        ),
        as_case(
            "bank: IBAN too short for its country",
            bank_submit("NO93860111179", "DNBANOKK", "NOK", "Oslo"),
            4,
            &["--iban"],
        ),
        as_case(
            "bank: not an IBAN at all",
            bank_submit("'); DROP TABLE bank_details;--", "DNBANOKK", "NOK", "Oslo"),
            4,
            &["--iban", "not an IBAN"],
        ),
        as_case(
            "bank: malformed BIC, unknown currency, empty address",
            bank_submit("NO9386011117947", "DNBA", "XYZ", "  "),
            4,
            &["--bic", "--currency", "XYZ", "--address"],
        ),
        case(
            "bank: unknown holder type",
            &[
                "bank",
                "submit",
                "1",
                "--holder",
                "Nordic IT AS",
                "--holder-type",
                "company",
                "--iban",
                "NO9386011117947",
                "--bic",
                "DNBANOKK",
                "--currency",
                "NOK",
                "--address",
                "Oslo",
            ],
            2,
            &["company"],
        ),
        case(
            "payouts: empty reference",
            &["payout", "record", "1", "--reference", ""],
            4,
            &["--reference"],
        ),
        case(
            "payouts: unknown schedule status",
            &["payout", "schedule", "--status", "bogus"],
            2,
            &["bogus"],
        ),
        case(
            "deadlines: negative window",
            &["deadlines", "--within", "-1"],
            2,
            &["-1"],
        ),
        case(
            "deadlines: window that is not a number",
            &["deadlines", "--within", "a week"],
            2,
            &["a week"],
        ),
        case(
            "audit: impossible --since",
            &["audit", "log", "--since", "2015-02-30"],
            2,
            &["2015-02-30"],
        ),
        case(
            "audit: --expect that is not a hash",
            &["audit", "verify", "--expect", "' OR 1=1"],
            2,
            &["--expect"],
        ),
        case(
            "backup: over an existing file",
            &["backup", &existing],
            4,
            &["exists.sqlite3", "already exists"],
        ),
        case(
            "backup: onto a directory",
            &["backup", &dir],
            4,
            &["already exists"],
        ),
    ];
    run_matrix(&ledger, &cases);
    assert_eq!(std::fs::read(&existing).unwrap(), b"keep me\n");
}

/// `calendar --output` replaces whatever file is at the path, to keep a
/// shared calendar feed current; pointed at the ledger by mistake it
/// replaces the ledger itself.
#[test]
fn calendar_output_never_replaces_the_ledger() {
    let ledger = with_an_approved_claim();
    let before = std::fs::read(&ledger.path).unwrap();
    let stderr = ledger.fails(4, &["calendar", "--output", &os(&ledger.path)]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(std::fs::read(&ledger.path).unwrap(), before);
}

/// A file standing where a ledger should be, that must stay byte-for-byte
/// as it was, with no journal files beside it.
struct LedgerFileCase {
    name: &'static str,
    make: fn(&Path),
    needles: &'static [&'static str],
}

fn foreign_sqlite(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');")
        .unwrap();
}

fn newer_ledger(path: &Path) {
    let ledger = TestLedger::uninitialised();
    ledger.ok(&["init"]);
    let conn = rusqlite::Connection::open(&ledger.path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    std::fs::copy(&ledger.path, path).unwrap();
}

fn truncated_ledger(path: &Path) {
    let ledger = TestLedger::uninitialised();
    ledger.ok(&["init"]);
    let conn = rusqlite::Connection::open(&ledger.path).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    let bytes = std::fs::read(&ledger.path).unwrap();
    // The header survives; the pages it promises do not.
    std::fs::write(path, &bytes[..bytes.len() / 3]).unwrap();
}

fn scrambled_ledger(path: &Path) {
    let ledger = TestLedger::uninitialised();
    ledger.ok(&["init"]);
    let conn = rusqlite::Connection::open(&ledger.path).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    let mut bytes = std::fs::read(&ledger.path).unwrap();
    // Keep the 100-byte header, overwrite the schema page.
    for (i, byte) in bytes.iter_mut().enumerate().skip(100).take(3900) {
        *byte = (i * 7 % 251) as u8;
    }
    std::fs::write(path, &bytes).unwrap();
}

const LEDGER_FILES: &[LedgerFileCase] = &[
    LedgerFileCase {
        name: "ledger: a text file",
        make: |p| std::fs::write(p, "claims, 2015\n").unwrap(),
        needles: &["not a cashback ledger", "left untouched"],
    },
    LedgerFileCase {
        name: "ledger: a zero-length file",
        make: |p| std::fs::write(p, "").unwrap(),
        needles: &["not a cashback ledger"],
    },
    LedgerFileCase {
        name: "ledger: another program's SQLite file",
        make: foreign_sqlite,
        needles: &["not a cashback ledger", "left untouched"],
    },
    LedgerFileCase {
        name: "ledger: written by a newer version",
        make: newer_ledger,
        needles: &["newer version", "schema 99"],
    },
    LedgerFileCase {
        name: "ledger: truncated",
        make: truncated_ledger,
        needles: &["ledger"],
    },
    LedgerFileCase {
        name: "ledger: pages overwritten",
        make: scrambled_ledger,
        needles: &["ledger"],
    },
];

/// The sibling files SQLite would create next to a database it opened.
fn sidecars(path: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        })
        .filter(|p| p.exists())
        .collect()
}

#[test]
fn files_that_are_not_our_ledger_are_refused_untouched() {
    let commands: &[&[&str]] = &[
        &["reseller", "list"],
        &["init"],
        &[
            "reseller", "register", "--id", "x", "--name", "X AS", "--email", "a@x.no",
        ],
        &["export", "resellers"],
    ];
    let mut problems = Vec::new();
    for file in LEDGER_FILES {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite3");
        (file.make)(&path);
        let before = std::fs::read(&path).unwrap();
        for args in commands {
            let mut ledger = TestLedger::uninitialised();
            ledger.path = path.clone();
            let case = Case {
                name: file.name,
                args: args.iter().map(OsString::from).collect(),
                code: 5,
                needles: file.needles.iter().map(|n| n.to_string()).collect(),
            };
            let output = ledger.run(args);
            problems.extend(
                judge(&case, &output, false)
                    .into_iter()
                    .map(|p| format!("{args:?}: {p}")),
            );
            if std::fs::read(&path).unwrap() != before {
                problems.push(format!("{} {args:?}: the file changed", file.name));
            }
            let left = sidecars(&path);
            if !left.is_empty() {
                problems.push(format!("{} {args:?}: left {left:?}", file.name));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_missing_or_unusable_ledger_path_is_refused_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = TestLedger::uninitialised();
    let mut problems = Vec::new();
    let targets: Vec<(&str, PathBuf, &[&str])> = vec![
        (
            "ledger: missing",
            dir.path().join("ledger.sqlite3"),
            &["run `cashback init`"],
        ),
        (
            "ledger: in a missing folder",
            dir.path().join("nowhere/ledger.sqlite3"),
            &["run `cashback init`"],
        ),
        (
            "ledger: a directory",
            dir.path().to_path_buf(),
            &["is a directory"],
        ),
    ];
    for (name, path, needles) in targets {
        ledger.path = path.clone();
        for args in [
            &["reseller", "list"][..],
            &[
                "reseller", "register", "--id", "x", "--name", "X AS", "--email", "a@x.no",
            ][..],
        ] {
            let case = case(name, args, 5, needles);
            problems.extend(judge(&case, &ledger.run(args), false));
            problems.extend(judge(
                &case,
                &ledger
                    .cmd(args)
                    .args(["--format", "json"])
                    .output()
                    .unwrap(),
                true,
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "created {left:?}");
    // `init` on a directory is refused too, and creates nothing inside it.
    ledger.path = dir.path().to_path_buf();
    let stderr = ledger.fails(5, &["init"]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// Found by the agreements CSV fuzz target: with CR LF line ends (files
/// saved on Windows, spreadsheet exports) an invalid row is reported one
/// line too early, because the CSV reader stops between CR and LF.
#[test]
fn crlf_files_report_physical_lines() {
    let ledger = TestLedger::new();
    let text = format!(
        "{CSV_HEADER}\r\n{}\r\n{}\r\n",
        agreement_row(1, "", ""),
        agreement_row(2, "quantity", "0")
    );
    let path = write_bytes(&ledger, "windows.csv", text.as_bytes());
    let stderr = ledger.refused(4, &["agreement", "import", &path]);
    assert!(stderr.contains("windows.csv:3: quantity"), "{stderr}");
}
