//! The foundation: global flags and environment, the ledger file and its
//! refusals, resellers, offers, config, JSON errors and the audit hash.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use assert_cmd::Command;
use common::{OFFER_TOML, TestLedger};
use serde_json::Value;
use sha2::{Digest, Sha256};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The binary with no --db and no --today: only what the test sets.
fn bare() -> Command {
    let mut cmd = Command::cargo_bin("cashback").unwrap();
    for (key, _) in std::env::vars() {
        if key.starts_with("CASHBACK_") {
            cmd.env_remove(key);
        }
    }
    cmd.env("CASHBACK_CONFIG", "/dev/null")
        .env("USER", "tester");
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn register<'a>(id: &'a str, email: &'a str) -> Vec<&'a str> {
    vec![
        "reseller",
        "register",
        "--id",
        id,
        "--name",
        "Nordic IT AS",
        "--email",
        email,
    ]
}

fn nordic(t: &TestLedger) {
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
}

/// The JSON error object of a failing command (exit `code`, ledger unchanged).
fn json_error(t: &TestLedger, code: i32, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let output = t.run(&all);
    assert_eq!(output.status.code(), Some(code), "{args:?}");
    assert!(output.stdout.is_empty(), "errors never go to stdout");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr.trim().lines().count(),
        1,
        "one JSON object: {stderr}"
    );
    let error: Value = serde_json::from_str(stderr.trim()).expect("JSON error");
    let keys: Vec<&str> = error
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["exit", "message", "rules", "recorded"]);
    assert_eq!(error["exit"], code);
    error
}

// ---- the ledger file ----

#[test]
fn init_creates_a_private_ledger_and_is_idempotent() {
    let t = TestLedger::uninitialised();
    let nested = t
        .dir
        .path()
        .join("data")
        .join("cashback")
        .join("ledger.sqlite3");
    let stderr = t.run(&["init"]);
    assert!(stderr.status.success());
    assert!(String::from_utf8_lossy(&stderr.stderr).contains("created the ledger"));
    assert_eq!(mode(&t.path), 0o600);
    let before = t.dump();
    assert!(before.contains("application_id=1129531458"), "{before}");
    let again = t.run(&["init"]);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("nothing changed"));
    assert_eq!(t.dump(), before);

    // Folders we create are 0700.
    stdout_of(bare().args(["--db", nested.to_str().unwrap(), "init"]));
    assert_eq!(mode(&nested), 0o600);
    assert_eq!(mode(nested.parent().unwrap()), 0o700);
    assert_eq!(mode(nested.parent().unwrap().parent().unwrap()), 0o700);
}

#[test]
fn a_missing_ledger_is_refused_and_not_created() {
    let t = TestLedger::uninitialised();
    for args in [
        vec!["reseller", "list"],
        register("nordic-it", "post@nordic-it.no"),
        vec!["offer", "list"],
        vec!["audit", "verify"],
        vec!["export", "resellers"],
    ] {
        let stderr = t.fails(5, &args);
        assert!(stderr.contains("cashback init"), "{args:?}: {stderr}");
        assert!(!t.path.exists(), "{args:?} created the ledger");
    }
    let deeper = t.dir.path().join("typo").join("ledger.sqlite3");
    let output = bare()
        .args(["--db", deeper.to_str().unwrap(), "reseller", "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(5));
    assert!(!deeper.parent().unwrap().exists());
    let error = json_error(&t, 5, &["reseller", "list"]);
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("run `cashback init`")
    );
}

/// Runs `args` on `file` and asserts exit 5 with the file byte-for-byte kept.
fn refused_untouched(file: &Path, args: &[&str], expect: &str) {
    let before = std::fs::read(file).unwrap();
    let mut all = vec!["--db", file.to_str().unwrap()];
    all.extend(args);
    let output = bare().args(&all).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(5),
        "{args:?} on {}",
        file.display()
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(expect), "{stderr}");
    assert_eq!(
        std::fs::read(file).unwrap(),
        before,
        "{} changed",
        file.display()
    );
}

#[test]
fn foreign_newer_and_garbage_files_are_refused_untouched() {
    let t = TestLedger::new();
    nordic(&t);
    let newer = t.dir.path().join("newer.sqlite3");
    std::fs::copy(&t.path, &newer).unwrap();
    {
        let conn = rusqlite::Connection::open(&newer).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let foreign = t.dir.path().join("foreign.sqlite3");
    {
        let conn = rusqlite::Connection::open(&foreign).unwrap();
        conn.execute_batch("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine');")
            .unwrap();
    }
    let garbage = t.write_file("garbage.sqlite3", &"not a database\n".repeat(500));
    let empty = t.write_file("empty.sqlite3", "");
    let cases = [
        (&newer, "newer version"),
        (&foreign, "not a cashback ledger"),
        (&garbage, "not a cashback ledger"),
        (&empty, "not a cashback ledger"),
    ];
    for (file, expect) in cases {
        for args in [
            vec!["init"],
            vec!["reseller", "list"],
            register("fjord-data", "post@fjord.no"),
        ] {
            refused_untouched(file, &args, expect);
        }
    }
    // SQLite left nothing beside them either.
    let names: Vec<String> = std::fs::read_dir(t.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("-wal") || n.contains("-shm") || n.contains("-journal"))
        .filter(|n| !n.starts_with("ledger.sqlite3"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn a_directory_is_not_a_ledger() {
    let t = TestLedger::new();
    let folder = t.dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    for args in [vec!["init"], vec!["reseller", "list"]] {
        let mut all = vec!["--db", folder.to_str().unwrap()];
        all.extend(&args);
        let output = bare().args(&all).output().unwrap();
        assert_eq!(output.status.code(), Some(5), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("is a directory"));
    }
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
}

// ---- global flags and environment ----

#[test]
fn environment_and_flags_are_honoured() {
    let t = TestLedger::uninitialised();
    let db = t.path.to_str().unwrap();
    stdout_of(bare().env("CASHBACK_DB", db).arg("init"));
    assert!(t.path.exists());
    // CASHBACK_TODAY is the business date; --today wins over it.
    let record: Value = serde_json::from_str(&stdout_of(
        bare()
            .env("CASHBACK_DB", db)
            .env("CASHBACK_TODAY", "2015-08-01")
            .env("CASHBACK_FORMAT", "json")
            .args(register("a1", "post@a1.no")),
    ))
    .unwrap();
    assert_eq!(record["registered_on"], "2015-08-01");
    let record: Value = serde_json::from_str(&stdout_of(
        bare()
            .env("CASHBACK_DB", db)
            .env("CASHBACK_TODAY", "2015-08-01")
            .args(["--today", "2015-09-01", "--format", "json"])
            .args(register("a2", "post@a2.no")),
    ))
    .unwrap();
    assert_eq!(record["registered_on"], "2015-09-01");
    // CASHBACK_FORMAT=csv, overridden by --format.
    let csv = stdout_of(
        bare()
            .env("CASHBACK_DB", db)
            .env("CASHBACK_FORMAT", "csv")
            .args(["reseller", "list"]),
    );
    assert!(
        csv.starts_with("id,name,email,country,registered_on\n"),
        "{csv}"
    );
    let json = stdout_of(
        bare()
            .env("CASHBACK_DB", db)
            .env("CASHBACK_FORMAT", "csv")
            .args(["reseller", "list", "--format", "json"]),
    );
    assert_eq!(
        serde_json::from_str::<Value>(&json)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // A bad CASHBACK_TODAY is a usage error.
    let output = bare()
        .env("CASHBACK_DB", db)
        .env("CASHBACK_TODAY", "2015-02-30")
        .args(["reseller", "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));

    // The actor: --actor, CASHBACK_ACTOR, $USER, $LOGNAME, the OS account.
    let t = TestLedger::new();
    let actor_of = |cmd: &mut Command, id: &str| -> String {
        stdout_of(
            cmd.args(["--db", t.path.to_str().unwrap(), "--today", "2015-07-01"])
                .args(register(id, &format!("post@{id}.no"))),
        );
        let log = t.json(&["audit", "log", "--entity", &format!("reseller:{id}")]);
        log[0]["actor"].as_str().unwrap().to_string()
    };
    assert_eq!(actor_of(bare().args(["--actor", "ann"]), "b1"), "ann");
    assert_eq!(actor_of(bare().env("CASHBACK_ACTOR", "bob"), "b2"), "bob");
    assert_eq!(actor_of(&mut bare(), "b3"), "tester");
    assert_eq!(
        actor_of(bare().env_remove("USER").env("LOGNAME", "carl"), "b4"),
        "carl"
    );
    let fallback = actor_of(bare().env_remove("USER").env_remove("LOGNAME"), "b5");
    assert!(!fallback.trim().is_empty());
    assert_eq!(actor_of(bare().args(["--actor", " "]), "b6"), "tester");
}

#[test]
fn on_dates_the_event_and_cannot_be_after_today() {
    let t = TestLedger::new();
    let mut args = register("nordic-it", "post@nordic-it.no");
    args.extend(["--on", "2015-06-28"]);
    let record = t.json(&args);
    assert_eq!(record["registered_on"], "2015-06-28");
    let log = t.json(&["audit", "log"]);
    assert_eq!(log[0]["business_date"], "2015-06-28");

    let mut late = register("later", "post@later.no");
    late.extend(["--on", "2015-07-02"]);
    let stderr = t.refused(4, &late);
    assert!(stderr.contains("after today"), "{stderr}");
    // Not a date at all is a usage error, not invalid input.
    let mut bad = register("later", "post@later.no");
    bad.extend(["--on", "2016-13-45"]);
    let error = json_error(&t, 2, &bad);
    assert!(error["message"].as_str().unwrap().contains("2016-13-45"));
}

#[test]
fn global_flags_stand_before_or_after_the_subcommand() {
    let t = TestLedger::new();
    nordic(&t);
    let expected = t.json(&["reseller", "list"]);
    for args in [
        vec!["--format", "json", "reseller", "list"],
        vec!["reseller", "--format", "json", "list"],
        vec!["reseller", "list", "--format", "json"],
        vec!["reseller", "list", "--format=json", "-q"],
        vec![
            "-q",
            "reseller",
            "list",
            "--format",
            "json",
            "--today",
            "2015-07-01",
        ],
    ] {
        let out: Value = serde_json::from_str(&t.ok(&args)).unwrap();
        assert_eq!(out, expected, "{args:?}");
    }
}

#[test]
fn quiet_keeps_the_data_and_drops_the_messages() {
    let t = TestLedger::new();
    let mut args = vec!["-q", "--format", "json"];
    args.extend(register("nordic-it", "post@nordic-it.no"));
    let output = t.run(&args);
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let record: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(record["id"], "nordic-it");
    let loud = t.run(&register("other", "post@other.no"));
    assert!(String::from_utf8_lossy(&loud.stderr).contains("registered reseller other"));
}

#[test]
fn json_errors_are_one_object_on_stderr() {
    let t = TestLedger::new();
    nordic(&t);
    let rule = json_error(&t, 1, &register("nordic-it", "post@gmail.com"));
    assert_eq!(rule["recorded"], false);
    let ids: Vec<&str> = rule["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["reseller.exists", "registration.business_email"]);
    assert!(
        rule["rules"][1]["detail"]
            .as_str()
            .unwrap()
            .contains("gmail.com")
    );
    let not_found = json_error(&t, 3, &["reseller", "show", "nobody"]);
    assert_eq!(not_found["rules"], serde_json::json!([]));
    json_error(&t, 4, &register("x1", "not-an-address"));
    json_error(&t, 2, &["reseller", "list", "--no-such-flag"]);
    // Even an argument that is not UTF-8.
    let output = bare()
        .args([
            "--db",
            t.path.to_str().unwrap(),
            "--format",
            "json",
            "reseller",
            "show",
        ])
        .arg(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(b"\xff"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let error: Value = serde_json::from_slice(&output.stderr).unwrap();
    assert_eq!(error["exit"], 2);
    // Plain text otherwise.
    let stderr = t.fails(3, &["reseller", "show", "nobody"]);
    assert!(
        stderr.starts_with("error: no reseller with id nobody"),
        "{stderr}"
    );
}

// ---- resellers ----

#[test]
fn registration_is_recorded() {
    let t = TestLedger::new();
    let record = t.json(&[
        "reseller",
        "register",
        "--id",
        "nordic-it",
        "--name",
        "Nordic IT AS",
        "--email",
        "Post@Nordic-IT.no",
        "--country",
        "NO",
    ]);
    assert_eq!(
        record,
        serde_json::json!({"id": "nordic-it", "name": "Nordic IT AS", "email": "Post@Nordic-IT.no",
                           "country": "NO", "registered_on": "2015-07-01"})
    );
    let log = t.json(&["audit", "log"]);
    assert_eq!(log.as_array().unwrap().len(), 1);
    assert_eq!(log[0]["action"], "reseller.register");
    assert_eq!(log[0]["entity"], "reseller:nordic-it");
    assert_eq!(log[0]["details"]["email"], "Post@Nordic-IT.no");
}

#[test]
fn personal_domains_are_refused() {
    let t = TestLedger::new();
    let list = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/free-email-domains.txt"),
    )
    .unwrap();
    let sample = list.lines().step_by(997).map(str::to_string);
    let families = [
        "hotmail.no",
        "yahoo.co.uk",
        "outlook.com",
        "live.se",
        "gmx.de",
        "yandex.ru",
        "hotmail.com.br",
        "HOTMAIL.NO",
        "gmail.com",
        "online.no",
    ]
    .map(str::to_string);
    let mut checked = 0;
    for domain in families.into_iter().chain(sample) {
        let email = format!("someone@{domain}");
        let error = t.refused_by_rule("registration.business_email", &register("x1", &email));
        let detail = error["rules"][0]["detail"].as_str().unwrap();
        assert!(detail.contains(&domain.to_ascii_lowercase()), "{detail}");
        checked += 1;
    }
    assert!(checked > 20);
    // Business domains, including look-alikes of the families, pass.
    for (i, email) in [
        "post@nordic-it.no",
        "a@hotmail.nordic-it.no",
        "a@livestock.no",
    ]
    .iter()
    .enumerate()
    {
        t.ok(&register(&format!("ok{i}"), email));
    }
}

#[test]
fn config_adds_and_allows_domains() {
    let t = TestLedger::new();
    let config = t.write_file(
        "config.toml",
        "[registration]\npersonal_email_domains = [\"Example-ISP.no\"]\nbusiness_email_domains = [\"gmail.com\"]\n",
    );
    let config_path = config.to_str().unwrap();
    let with = |args: Vec<&'static str>| {
        let mut all = vec!["--config", config_path];
        all.extend(args);
        all
    };
    t.refused_by_rule(
        "registration.business_email",
        &with(register("isp", "a@example-isp.no")),
    );
    t.ok(&register("isp", "a@example-isp.no"));
    t.ok(&with(register("firm", "billing@gmail.com")));
    t.refused_by_rule(
        "registration.business_email",
        &register("firm2", "billing@gmail.com"),
    );
    // CASHBACK_CONFIG too.
    let mut cmd = t.cmd(&register("firm3", "billing@gmail.com"));
    cmd.env("CASHBACK_CONFIG", &config);
    assert!(cmd.output().unwrap().status.success());

    // A bad config file is invalid input naming the key; a named file must exist.
    let bad = t.write_file("bad.toml", "[registration]\npersonal_domains = []\n");
    let stderr = t.refused(4, &["--config", bad.to_str().unwrap(), "reseller", "list"]);
    assert!(stderr.contains("personal_domains"), "{stderr}");
    let missing = t.dir.path().join("missing.toml");
    t.refused(
        4,
        &["--config", missing.to_str().unwrap(), "reseller", "list"],
    );
}

#[test]
fn a_second_registration_of_an_id_is_refused() {
    let t = TestLedger::new();
    nordic(&t);
    let error = t.refused_by_rule("reseller.exists", &register("nordic-it", "other@other.no"));
    assert!(
        error["rules"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("nordic-it")
    );
}

#[test]
fn update_keeps_the_old_values_in_the_audit_log() {
    let t = TestLedger::new();
    nordic(&t);
    let record = t.json(&[
        "reseller",
        "update",
        "nordic-it",
        "--email",
        "finance@nordic-it.no",
        "--country",
        "SE",
    ]);
    assert_eq!(record["email"], "finance@nordic-it.no");
    assert_eq!(record["name"], "Nordic IT AS");
    let log = t.json(&["audit", "log", "--action", "reseller.update"]);
    assert_eq!(
        log[0]["details"],
        serde_json::json!({"old": {"email": "post@nordic-it.no", "country": "NO"},
                           "new": {"email": "finance@nordic-it.no", "country": "SE"}})
    );
    // A new e-mail passes the same rule; malformed values are invalid.
    t.refused_by_rule(
        "registration.business_email",
        &[
            "reseller",
            "update",
            "nordic-it",
            "--email",
            "nordic@hotmail.no",
        ],
    );
    t.refused(4, &["reseller", "update", "nordic-it", "--email", "nordic"]);
    t.refused(4, &["reseller", "update", "nordic-it", "--country", "XX"]);
    t.refused(4, &["reseller", "update", "nordic-it", "--name", " "]);
    t.refused(3, &["reseller", "update", "nobody", "--name", "X"]);
    t.refused(2, &["reseller", "update", "nordic-it"]);
    // The same values again change nothing.
    let before = t.dump();
    t.ok(&["reseller", "update", "nordic-it", "--country", "SE"]);
    assert_eq!(t.dump(), before);

    // A personal address on file (allowed by an earlier config) does not
    // block correcting the name.
    let config = t.write_file(
        "c.toml",
        "[registration]\nbusiness_email_domains = [\"gmail.com\"]\n",
    );
    t.ok(&[
        "--config",
        config.to_str().unwrap(),
        "reseller",
        "register",
        "--id",
        "g",
        "--name",
        "G AS",
        "--email",
        "g@gmail.com",
    ]);
    let record = t.json(&["reseller", "update", "g", "--name", "G Consulting AS"]);
    assert_eq!(record["name"], "G Consulting AS");
}

#[test]
fn malformed_ids_and_addresses_are_invalid() {
    let t = TestLedger::new();
    let long = "a".repeat(33);
    for id in ["_x", "a b", long.as_str(), "blåbær", ".x"] {
        let stderr = t.refused(4, &register(id, "post@nordic-it.no"));
        assert!(stderr.contains("--id"), "{stderr}");
    }
    t.refused(
        4,
        &[
            "reseller",
            "register",
            "--id=-x",
            "--name",
            "X AS",
            "--email",
            "post@x.no",
        ],
    );
    t.ok(&register(&"a".repeat(32), "post@nordic-it.no"));
    for email in [
        "not-an-address",
        "a@localhost",
        "a@@b.no",
        "a@b_c.no",
        "@nordic-it.no",
    ] {
        let stderr = t.refused(4, &register("x1", email));
        assert!(stderr.contains("--email"), "{email}: {stderr}");
    }
    let mut bad_country = register("x1", "post@x1.no");
    bad_country.extend(["--country", "Norway"]);
    t.refused(4, &bad_country);
    t.refused(
        4,
        &[
            "reseller",
            "register",
            "--id",
            "x1",
            "--name",
            "",
            "--email",
            "post@x1.no",
        ],
    );
    // Without a terminal a missing value is a usage error.
    t.refused(
        2,
        &["reseller", "register", "--id", "x1", "--name", "X1 AS"],
    );
}

#[test]
fn resellers_list_and_show_in_every_format() {
    let t = TestLedger::new();
    nordic(&t);
    t.ok(&[
        "reseller",
        "register",
        "--id",
        "fjord-data",
        "--name",
        "Fjord \"Data\", AS",
        "--email",
        "post@fjord-data.no",
    ]);
    t.ok(&[
        "reseller",
        "enroll",
        "fjord-data",
        "--program",
        "MRI",
        "--from",
        "2015-01-01",
        "--to",
        "2015-12-31",
    ]);

    let list = t.json(&["reseller", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["id"], "fjord-data");
    assert_eq!(list[0]["country"], Value::Null);
    let keys: Vec<&str> = list[1]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["id", "name", "email", "country", "registered_on"]);

    let csv = t.ok(&["reseller", "list", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["id", "name", "email", "country", "registered_on"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][1], "Fjord \"Data\", AS");
    assert_eq!(&rows[0][3], "");
    assert_eq!(&rows[1][3], "NO");

    let table = t.ok(&["reseller", "list"]);
    assert!(
        table.contains("nordic-it") && table.contains("Fjord \"Data\", AS"),
        "{table}"
    );

    let show = t.json(&["reseller", "show", "fjord-data"]);
    assert_eq!(show["name"], "Fjord \"Data\", AS");
    assert_eq!(
        show["enrollments"],
        serde_json::json!([{"program": "MRI", "from": "2015-01-01", "to": "2015-12-31"}])
    );
    let csv = t.ok(&["reseller", "show", "nordic-it", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "id",
            "name",
            "email",
            "country",
            "registered_on",
            "enrollments"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], "nordic-it");
    assert_eq!(&rows[0][2], "post@nordic-it.no");
    let table = t.ok(&["reseller", "show", "nordic-it"]);
    assert!(
        table.contains("registered_on") && table.contains("2015-07-01"),
        "{table}"
    );

    for format in ["table", "json", "csv"] {
        t.refused(3, &["reseller", "show", "nobody", "--format", format]);
    }
    t.refused(
        3,
        &[
            "reseller",
            "enroll",
            "nobody",
            "--program",
            "MRI",
            "--from",
            "2015-01-01",
            "--to",
            "2015-12-31",
        ],
    );
    t.refused(
        4,
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
    );
}

#[test]
fn an_empty_list_is_still_well_formed() {
    let t = TestLedger::new();
    assert_eq!(t.json(&["reseller", "list"]), serde_json::json!([]));
    assert_eq!(
        t.ok(&["reseller", "list", "--format", "csv"]),
        "id,name,email,country,registered_on\n"
    );
    assert_eq!(t.ok(&["offer", "list"]).trim(), "(none)");
}

// ---- offers ----

fn offer_file(t: &TestLedger, name: &str, text: &str) -> String {
    t.write_file(name, text).to_str().unwrap().to_string()
}

#[test]
fn offers_are_added_shown_and_replaced() {
    let t = TestLedger::new();
    let path = offer_file(&t, "offer.toml", OFFER_TOML);
    let added = t.json(&["offer", "add", &path]);
    assert_eq!(added["code"], "10at5-cloud-open");
    let show = t.json(&["offer", "show", "10at5-cloud-open"]);
    assert_eq!(show, added);
    assert_eq!(show["currency"], "NOK");
    assert_eq!(show["regions"], serde_json::json!(["NO"]));
    assert_eq!(show["submit_before"], "2015-12-15");
    assert_eq!(show["payout_within_days"], 60);
    assert_eq!(show["criteria"]["min_quantity"], 5);
    assert_eq!(show["exclusion"]["program"], "MRI");
    assert_eq!(show["incentive"]["kind"], "percent");
    assert_eq!(show["incentive"]["rate"], "10");
    assert_eq!(show["incentive"]["cap"], "100000.00");
    assert_eq!(show["notices"]["max_notices"], 3);
    assert_eq!(show["returns"]["return_days"], 30);

    let csv = t.ok(&["offer", "show", "10at5-cloud-open", "--format", "csv"]);
    assert!(
        csv.starts_with("key,value\ncode,10at5-cloud-open\n"),
        "{csv}"
    );
    assert!(csv.contains("incentive.rate,10\n"), "{csv}");
    assert!(csv.contains("criteria.products,Office 365 E3;Office 365 Business Premium\n"));
    let list = t.ok(&["offer", "list", "--format", "csv"]);
    assert!(list.starts_with("code,name,currency,regions,terms_version,opens_on,submit_before,sales_from,sales_to,calculation_date,payout_within_days\n"), "{list}");
    assert_eq!(t.json(&["offer", "list"]).as_array().unwrap().len(), 1);
    assert!(
        t.ok(&["offer", "show", "10at5-cloud-open"])
            .contains("10@5 Cloud Open Promotion")
    );
    t.refused(3, &["offer", "show", "no-such-offer"]);

    // The same code again: refused unless --replace.
    let error = t.refused_by_rule("offer.exists", &["offer", "add", &path]);
    assert!(
        error["rules"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("--replace")
    );
    let before = t.dump();
    t.ok(&["offer", "add", &path, "--replace"]);
    assert_eq!(t.dump(), before, "an identical replacement changes nothing");
    let changed = offer_file(
        &t,
        "offer2.toml",
        &OFFER_TOML.replace("max_notices = 3", "max_notices = 4"),
    );
    assert_eq!(
        t.json(&["offer", "add", &changed, "--replace"])["notices"]["max_notices"],
        4
    );
    let log = t.json(&["audit", "log", "--entity", "offer:10at5-cloud-open"]);
    assert_eq!(log[1]["action"], "offer.replace");
    assert_eq!(log[1]["details"]["old"]["notices"]["max_notices"], 3);
    assert_eq!(log[0]["details"]["sha256"].as_str().unwrap().len(), 64);
    // --replace of a new code adds it.
    let other = offer_file(
        &t,
        "o3.toml",
        &OFFER_TOML.replace("10at5-cloud-open", "other"),
    );
    t.ok(&["offer", "add", &other, "--replace"]);
    assert_eq!(t.json(&["offer", "list"]).as_array().unwrap().len(), 2);
}

#[test]
fn an_offer_with_claims_cannot_be_replaced() {
    let t = TestLedger::new();
    nordic(&t);
    t.add_example_offer();
    rusqlite::Connection::open(&t.path)
        .unwrap()
        .execute(
            "INSERT INTO claims (offer_code, reseller_id, agreement_number, status, submitted_on, terms_version)
             VALUES ('10at5-cloud-open', 'nordic-it', 'V1000001', 'submitted', '2015-07-01', '2015-07')",
            [],
        )
        .unwrap();
    let changed = offer_file(
        &t,
        "o.toml",
        &OFFER_TOML.replace("rate = \"10\"", "rate = \"20\""),
    );
    t.refused_by_rule("offer.has_claims", &["offer", "add", &changed, "--replace"]);
}

#[test]
fn invalid_offers_are_refused_naming_the_problem() {
    let t = TestLedger::new();
    let cases: Vec<(String, &str)> = vec![
        (
            OFFER_TOML.replace("submit_before", "submit_befor"),
            "did you mean `submit_before`",
        ),
        (
            OFFER_TOML.replace("[returns]", "[returns]\nreturn_dayz = 1"),
            "returns.return_dayz",
        ),
        (
            OFFER_TOML.replace("opens_on = 2015-07-01", "opens_on = 2015-12-20"),
            "dates.submit_before",
        ),
        (
            OFFER_TOML.replace("sales_to = 2015-12-31", "sales_to = 2015-06-01"),
            "dates.sales_to",
        ),
        (
            OFFER_TOML.replace(
                "calculation_date = 2016-01-31",
                "calculation_date = 2015-11-30",
            ),
            "dates.calculation_date",
        ),
        (
            OFFER_TOML.replace("return_days = 30", "return_days = 120"),
            "returns.return_days",
        ),
        (OFFER_TOML.replace("\"NOK\"", "\"NOKK\""), "currency"),
        (
            OFFER_TOML.replace("rate = \"10\"", "rate = 7.5"),
            "incentive.rate",
        ),
        (
            OFFER_TOML.replace("cap = \"100000.00\"", "cap = 1e5"),
            "floats",
        ),
        (
            OFFER_TOML.replace("rate = \"10\"", "rate = \"ten\""),
            "incentive.rate",
        ),
        (
            OFFER_TOML.replace("kind = \"percent\"", "kind = \"bonus\""),
            "incentive.kind",
        ),
        (
            OFFER_TOML.replace("terms_version = \"2015-07\"\n", ""),
            "terms_version",
        ),
        (
            OFFER_TOML.replace("regions = [\"NO\"]", "regions = [\"XX\"]"),
            "regions",
        ),
        (
            OFFER_TOML.replace("sales_to = 2015-12-31", "sales_to = 2015-02-30"),
            "2015-02-30",
        ),
        ("code = [".to_string(), "TOML"),
    ];
    for (i, (text, expect)) in cases.iter().enumerate() {
        let path = offer_file(&t, &format!("bad{i}.toml"), text);
        let stderr = t.refused(4, &["offer", "add", &path]);
        assert!(stderr.contains(&path), "case {i}: names the file: {stderr}");
        assert!(
            stderr.contains(expect),
            "case {i}: expected `{expect}` in {stderr}"
        );
    }
    let missing = t.dir.path().join("missing.toml");
    t.refused(4, &["offer", "add", missing.to_str().unwrap()]);
    t.refused(4, &["offer", "add", t.dir.path().to_str().unwrap()]);
    // Integers are exact and fine for amounts.
    let integer = offer_file(
        &t,
        "int.toml",
        &OFFER_TOML.replace("rate = \"10\"", "rate = 10"),
    );
    assert_eq!(
        t.json(&["offer", "add", &integer])["incentive"]["rate"],
        "10"
    );
}

// ---- the audit hash ----

#[test]
fn an_event_hash_is_the_sha256_of_the_documented_array() {
    let t = TestLedger::new();
    t.ok(&[
        "--actor",
        "Åse",
        "reseller",
        "register",
        "--id",
        "blabaer",
        "--name",
        "Blåbær \"AS\"",
        "--email",
        "post@blabaer.no",
    ]);
    nordic(&t);
    let conn = rusqlite::Connection::open(&t.path).unwrap();
    // Each row as text, seq included (it goes into the array as a number).
    let rows: Vec<[String; 8]> = conn
        .prepare(
            "SELECT seq, at, business_date, actor, action, entity, details, hash
             FROM events ORDER BY seq",
        )
        .unwrap()
        .query_map([], |r| {
            let seq: i64 = r.get(0)?;
            let mut row: [String; 8] = Default::default();
            row[0] = seq.to_string();
            for (i, cell) in row.iter_mut().enumerate().skip(1) {
                *cell = r.get(i)?;
            }
            Ok(row)
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 2);
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut prev = "0".repeat(64);
    for [seq, at, date, actor, action, entity, details, hash] in &rows {
        let text = format!(
            "[{},{seq},{},{},{},{},{},{}]",
            quote(&prev),
            quote(at),
            quote(date),
            quote(actor),
            quote(action),
            quote(entity),
            quote(details)
        );
        let digest: String = Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(&digest, hash, "event {seq}: {text}");
        prev = hash.clone();
    }
    // Details: compact, sorted keys, non-ASCII as itself.
    assert_eq!(
        rows[0][6],
        r#"{"country":null,"email":"post@blabaer.no","id":"blabaer","name":"Blåbær \"AS\"","registered_on":"2015-07-01"}"#
    );
    assert_eq!(rows[0][3], "Åse");
}
