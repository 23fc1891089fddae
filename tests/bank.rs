//! Bank details end to end: malformed input (exit 4, nothing stored), the
//! payee rules (exit 1, the refusal recorded), acceptance and replacement,
//! late details, `bank confirm`, `bank show`, exports, and the IBAN masked
//! in every output, message and audit event.

mod bank_support;
mod common;

use std::os::unix::fs::PermissionsExt;

use bank_support::*;
use common::TestLedger;
use serde_json::Value;

/// A claim of nordic-it approved on 2015-08-03 with notice 1 sent that day;
/// today 2015-08-05.
fn waiting_for_details() -> (TestLedger, i64) {
    let mut t = program();
    let claim = approved_claim(&mut t, "nordic-it", "Nordic IT AS", "2015-08-03");
    t.ok(&["notice", "send", &claim.to_string()]);
    t.set_today("2015-08-05");
    (t, claim)
}

fn bank_rows(t: &TestLedger, reseller: &str) -> Vec<Value> {
    t.json(&["bank", "show", reseller])
        .as_array()
        .unwrap()
        .clone()
}

/// Runs a command with --format json that must fail with exit 1 and a
/// recorded refusal; returns the JSON error.
fn recorded_refusal(t: &TestLedger, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let error = json_error(&t.fails(1, &all));
    assert_eq!(error["exit"], 1);
    assert_eq!(error["recorded"], true, "{error}");
    error
}

#[test]
fn accepted_details_make_the_claim_payable() {
    let (t, claim) = waiting_for_details();
    let id = claim.to_string();
    let seq = last_seq(&t);
    // Spaces and lower case are accepted.
    let record = t.json(&bank_args(
        &id,
        "Nordic IT AS",
        "business",
        "no93 8601 1117 947",
    ));
    assert_eq!(record["reseller_id"], "nordic-it");
    assert_eq!(record["version"], 1);
    assert_eq!(record["holder"], "Nordic IT AS");
    assert_eq!(record["holder_type"], "business");
    assert_eq!(record["iban"], IBAN_MASKED);
    assert_eq!(record["bic"], "DNBANOKK");
    assert_eq!(record["currency"], "NOK");
    assert_eq!(record["address"], "Storgata 1, 0155 Oslo");
    assert_eq!(record["submitted_on"], "2015-08-05");
    assert_eq!(record["status"], "accepted");
    assert_eq!(actions_after(&t, seq), ["bank.submit", "claim.payable"]);

    let stored = claim_json(&t, claim);
    assert_eq!(stored["status"], "payable");
    assert!(stored["bank_details_id"].is_i64());
    let notices = t.json(&["notice", "list", "--claim", &id]);
    assert_eq!(notices[0]["answered_on"], "2015-08-05");
    assert_eq!(notices[0]["overdue"], false);

    // Stored without spaces in upper case.
    let revealed = t.json(&["bank", "show", "nordic-it", "--reveal"]);
    assert_eq!(revealed[0]["iban"], IBAN);
}

#[test]
fn each_malformed_input_is_refused_and_nothing_stored() {
    let (t, claim) = waiting_for_details();
    let id = claim.to_string();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            bank_args(&id, "Nordic IT AS", "business", "NO9386011117948"),
            "--iban",
        ),
        (
            bank_args(&id, "Nordic IT AS", "business", "NO93860111179470"),
            "--iban",
        ),
        (
            bank_args(&id, "Nordic IT AS", "business", "NO93-8601-1117-947"),
            "--iban",
        ),
        (bank_args(&id, "Nordic IT AS", "business", ""), "--iban"),
    ];
    for (args, field) in &cases {
        let stderr = t.refused(4, args);
        assert!(stderr.contains(field), "{stderr}");
        assert!(!stderr.contains("86011117"), "clear IBAN in {stderr}");
    }
    let replace = |flag: &str, value: &'static str| {
        let mut args = bank_args(&id, "Nordic IT AS", "business", IBAN);
        let at = args.iter().position(|a| *a == flag).unwrap();
        args[at + 1] = value;
        args
    };
    for (flag, value) in [
        ("--bic", "DNBANOK"),
        ("--bic", "DNBANOKKXX"),
        ("--bic", "DNB1NOKK"),
        ("--currency", "XYZ"),
        ("--currency", "kroner"),
        ("--address", ""),
        ("--address", "   "),
        ("--holder", " "),
    ] {
        let stderr = t.refused(4, &replace(flag, value));
        assert!(stderr.contains(flag), "{flag} {value}: {stderr}");
        assert!(!stderr.contains(IBAN), "clear IBAN in {stderr}");
    }
    // Several problems are reported together, the IBAN masked.
    let mut args = replace("--bic", "X");
    let at = args.iter().position(|a| *a == "--iban").unwrap();
    args[at + 1] = "NO9386011117948";
    let stderr = t.refused(4, &args);
    assert!(
        stderr.contains("--iban") && stderr.contains("--bic"),
        "{stderr}"
    );
    assert!(stderr.contains("NO93 **** **** 948"), "{stderr}");
    // With --format json the error is one object.
    let mut json_args = replace("--currency", "XYZ");
    json_args.extend(["--format", "json"]);
    let error = json_error(&t.refused(4, &json_args));
    assert_eq!(error["exit"], 4);
    assert_eq!(error["recorded"], false);
    // A missing flag is a usage error; an unknown claim is not found.
    t.refused(2, &["bank", "submit", &id, "--holder", "Nordic IT AS"]);
    t.refused(3, &bank_args("99", "Nordic IT AS", "business", IBAN));
    assert_eq!(status(&t, claim), "approved");
}

#[test]
fn a_personal_account_rejects_an_approved_claim_and_is_kept() {
    let (t, claim) = waiting_for_details();
    let id = claim.to_string();
    let seq = last_seq(&t);
    let before = t.dump();
    let error = recorded_refusal(&t, &bank_args(&id, "Nordic IT AS", "personal", IBAN));
    assert_eq!(rule_ids(&error), ["bank.business_payee"]);
    assert_eq!(
        changed_tables(&before, &t.dump()),
        ["bank_details", "claims", "events"]
            .map(String::from)
            .into()
    );
    assert!(
        error["message"].as_str().unwrap().contains("rejected"),
        "{error}"
    );
    assert!(!error.to_string().contains(IBAN));

    assert_eq!(actions_after(&t, seq), ["bank.refuse", "claim.reject"]);
    let stored = claim_json(&t, claim);
    assert_eq!(stored["status"], "rejected");
    assert_eq!(stored["reason"], "bank.business_payee");
    assert_eq!(stored["reopen_to"], "approved");
    assert_eq!(stored["bank_details_id"], Value::Null);
    let rows = bank_rows(&t, "nordic-it");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["status"], "refused");
    assert_eq!(rows[0]["holder_type"], "personal");
    assert_eq!(rows[0]["refused_by"], "bank.business_payee");
    assert_eq!(rows[0]["iban"], IBAN_MASKED);
    // The refusal does not answer the notice.
    let notices = t.json(&["notice", "list", "--claim", &id]);
    assert_eq!(notices[0]["answered_on"], Value::Null);
    // A rejected claim takes no more details.
    t.refused_by_rule(
        "claim.state",
        &bank_args(&id, "Nordic IT AS", "business", IBAN),
    );
}

#[test]
fn a_mismatched_payee_rejects_and_both_rules_are_named() {
    let (t, claim) = waiting_for_details();
    let id = claim.to_string();
    let error = recorded_refusal(&t, &bank_args(&id, "Nordic IT ASA", "business", IBAN));
    assert_eq!(rule_ids(&error), ["bank.payee_name_matches"]);
    assert_eq!(claim_json(&t, claim)["reason"], "bank.payee_name_matches");

    let mut t2 = program();
    let other = approved_claim(&mut t2, "nordic-it", "Nordic IT AS", "2015-08-03");
    let error = recorded_refusal(
        &t2,
        &bank_args(&other.to_string(), "Ola Nordmann", "personal", IBAN),
    );
    assert_eq!(
        rule_ids(&error),
        ["bank.business_payee", "bank.payee_name_matches"]
    );
    let stored = claim_json(&t2, other);
    assert_eq!(
        stored["reason"],
        "bank.business_payee,bank.payee_name_matches"
    );
    // Plain-text errors name every rule too.
    let mut t3 = program();
    let third = approved_claim(&mut t3, "nordic-it", "Nordic IT AS", "2015-08-03");
    let stderr = t3.fails(
        1,
        &bank_args(&third.to_string(), "Nordic IT", "business", IBAN),
    );
    assert!(stderr.contains("bank.payee_name_matches"), "{stderr}");
}

#[test]
fn names_equal_after_normalisation_are_accepted() {
    let (t, claim) = waiting_for_details();
    let record = t.json(&bank_args(
        &claim.to_string(),
        "  nordic  IT a.s. ",
        "business",
        IBAN,
    ));
    assert_eq!(record["status"], "accepted");
    assert_eq!(record["holder"], "nordic  IT a.s.");
    assert_eq!(status(&t, claim), "payable");
}

#[test]
fn a_rejection_by_payee_can_be_reopened_and_corrected() {
    let (mut t, claim) = waiting_for_details();
    let id = claim.to_string();
    recorded_refusal(&t, &bank_args(&id, "Nordic IT AS", "personal", IBAN));
    reopen(&mut t, claim, "2015-08-06");
    assert_eq!(status(&t, claim), "approved");
    let record = t.json(&bank_args(&id, "Nordic IT AS", "business", IBAN));
    assert_eq!(record["version"], 2);
    assert_eq!(status(&t, claim), "payable");
}

#[test]
fn details_on_a_payable_claim_replace_the_accepted_ones() {
    let (mut t, claim) = waiting_for_details();
    let id = claim.to_string();
    t.ok(&bank_args(&id, "Nordic IT AS", "business", IBAN));
    let first = claim_json(&t, claim)["bank_details_id"].clone();
    t.set_today("2015-09-01");
    let seq = last_seq(&t);
    let record = t.json(&bank_args(&id, "Nordic IT AS", "business", IBAN2));
    assert_eq!(record["version"], 2);
    assert_eq!(record["iban"], IBAN2_MASKED);
    assert_eq!(actions_after(&t, seq), ["bank.submit", "claim.payable"]);
    let stored = claim_json(&t, claim);
    assert_eq!(stored["status"], "payable");
    assert_ne!(stored["bank_details_id"], first);
    let rows = bank_rows(&t, "nordic-it");
    assert_eq!(rows.len(), 2, "older versions are kept");
    assert_eq!(rows[0]["iban"], IBAN_MASKED);
    assert_eq!(rows[1]["iban"], IBAN2_MASKED);
    assert!(rows.iter().all(|r| r["status"] == "accepted"));
}

#[test]
fn refused_details_on_a_payable_claim_keep_the_accepted_ones() {
    let (mut t, claim) = waiting_for_details();
    let id = claim.to_string();
    t.ok(&bank_args(&id, "Nordic IT AS", "business", IBAN));
    let accepted = claim_json(&t, claim);
    t.set_today("2015-09-01");
    let seq = last_seq(&t);
    let before = t.dump();
    let error = recorded_refusal(&t, &bank_args(&id, "Someone Else AS", "business", IBAN2));
    assert_eq!(
        changed_tables(&before, &t.dump()),
        ["bank_details", "events"].map(String::from).into()
    );
    assert_eq!(rule_ids(&error), ["bank.payee_name_matches"]);
    assert!(
        error["message"].as_str().unwrap().contains("stays payable"),
        "{error}"
    );
    // Exactly the refused details are recorded; the claim is unchanged.
    assert_eq!(actions_after(&t, seq), ["bank.refuse"]);
    assert_eq!(claim_json(&t, claim), accepted);
    let rows = bank_rows(&t, "nordic-it");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1]["status"], "refused");
    assert_eq!(rows[1]["refused_by"], "bank.payee_name_matches");
    // bank confirm still finds the accepted version.
    let confirmed = t.json(&["bank", "confirm", &id]);
    assert_eq!(confirmed["version"], 1);
}

#[test]
fn late_details_are_refused_once_the_cycle_is_exhausted() {
    let (mut t, claim) = waiting_for_details();
    let id = claim.to_string();
    for today in ["2015-08-09", "2015-08-15"] {
        t.set_today(today);
        t.ok(&["notice", "send", &id]);
    }
    // The third notice is to be answered by 2015-08-20.
    t.set_today("2015-08-21");
    let error = t.refused_by_rule(
        "notices.exhausted",
        &bank_args(&id, "Nordic IT AS", "business", IBAN),
    );
    assert!(
        error["message"].as_str().unwrap().contains("2015-08-20"),
        "{error}"
    );
    t.refused_by_rule(
        "notices.exhausted",
        &bank_args(&id, "Nordic IT AS", "personal", IBAN),
    );
    // Details that arrived in time but are entered late are accepted.
    let record = t.json(&{
        let mut args = bank_args(&id, "Nordic IT AS", "business", IBAN);
        args.extend(["--on", "2015-08-20"]);
        args
    });
    assert_eq!(record["submitted_on"], "2015-08-20");
    assert_eq!(status(&t, claim), "payable");
    let notices = t.json(&["notice", "list", "--claim", &id]);
    assert_eq!(notices[2]["answered_on"], "2015-08-20");
    // Once payable, nothing is swept.
    assert_eq!(t.json(&["--yes", "sweep"]), serde_json::json!([]));
}

#[test]
fn late_details_after_an_unanswered_notice_that_is_not_the_last_are_taken() {
    let (mut t, claim) = waiting_for_details();
    // Notice 1 expired on 2015-08-09; no second one sent yet.
    t.set_today("2015-08-12");
    t.ok(&bank_args(
        &claim.to_string(),
        "Nordic IT AS",
        "business",
        IBAN,
    ));
    let notices = t.json(&["notice", "list", "--claim", &claim.to_string()]);
    assert_eq!(notices[0]["answered_on"], "2015-08-12");
    assert_eq!(notices[0]["overdue"], false);
    assert_eq!(status(&t, claim), "payable");
}

#[test]
fn bank_details_only_for_claims_that_wait_for_them() {
    let mut t = program();
    let claim = submitted_claim(&mut t, "nordic-it", "Nordic IT AS");
    let id = claim.to_string();
    let error = t.refused_by_rule(
        "claim.state",
        &bank_args(&id, "Nordic IT AS", "business", IBAN),
    );
    assert!(
        error["message"].as_str().unwrap().contains("submitted"),
        "{error}"
    );
    t.refused_by_rule("claim.state", &["bank", "confirm", &id]);
}

#[test]
fn bank_confirm_reuses_the_details_on_file() {
    let (mut t, claim) = waiting_for_details();
    let id = claim.to_string();
    // None on file yet.
    let error = t.refused_by_rule("bank.none_on_file", &["bank", "confirm", &id]);
    assert!(
        error["message"].as_str().unwrap().contains("nordic-it"),
        "{error}"
    );
    // Refused details are not "on file".
    recorded_refusal(&t, &bank_args(&id, "Nordic IT AS", "personal", IBAN));
    reopen(&mut t, claim, "2015-08-06");
    t.refused_by_rule("bank.none_on_file", &["bank", "confirm", &id]);

    t.ok(&bank_args(&id, "Nordic IT AS", "business", IBAN));
    // The payment fails; the same details are confirmed for the correction.
    fail_payment(&mut t, claim, "2016-03-01");
    t.ok(&["notice", "send", &id]);
    t.set_today("2016-03-02");
    let seq = last_seq(&t);
    let record = t.json(&["bank", "confirm", &id]);
    assert_eq!(record["version"], 2);
    assert_eq!(record["iban"], IBAN_MASKED);
    assert_eq!(actions_after(&t, seq), ["bank.confirm", "claim.payable"]);
    assert_eq!(status(&t, claim), "payable");
    let notices = t.json(&["notice", "list", "--claim", &id]);
    assert_eq!(notices[1]["kind"], "bank_correction");
    assert_eq!(notices[1]["answered_on"], "2016-03-02");
    // Confirming again changes nothing and records nothing.
    let before = t.dump();
    t.json(&["bank", "confirm", &id]);
    assert_eq!(t.dump(), before);
    assert_eq!(
        bank_rows(&t, "nordic-it").len(),
        2,
        "confirm adds no version"
    );
}

#[test]
fn bank_confirm_refuses_details_that_no_longer_fit_the_reseller() {
    let (mut t, claim) = waiting_for_details();
    let id = claim.to_string();
    t.ok(&bank_args(&id, "Nordic IT AS", "business", IBAN));
    fail_payment(&mut t, claim, "2016-03-01");
    t.ok(&[
        "reseller",
        "update",
        "nordic-it",
        "--name",
        "Nordic IT Holding AS",
    ]);
    t.refused_by_rule("bank.payee_name_matches", &["bank", "confirm", &id]);
    assert_eq!(status(&t, claim), "payment_failed");
}

#[test]
fn bank_show_lists_every_version() {
    let (t, claim) = waiting_for_details();
    t.refused(3, &["bank", "show", "nobody"]);
    assert_eq!(
        t.json(&["bank", "show", "nordic-it"]),
        serde_json::json!([])
    );
    t.ok(&bank_args(
        &claim.to_string(),
        "Nordic IT AS",
        "business",
        IBAN,
    ));
    let csv = t.ok(&["bank", "show", "nordic-it", "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "reseller_id,version,holder,holder_type,iban,bic,currency,address,submitted_on,status,claim_id,refused_by"
    );
    assert_eq!(
        lines.next().unwrap(),
        format!(
            "nordic-it,1,Nordic IT AS,business,{IBAN_MASKED},DNBANOKK,NOK,\"Storgata 1, 0155 Oslo\",2015-08-05,accepted,{claim},"
        )
    );
    let table = t.ok(&["bank", "show", "nordic-it"]);
    assert!(
        table.contains(IBAN_MASKED) && !table.contains(IBAN),
        "{table}"
    );
    let revealed = t.ok(&["bank", "show", "nordic-it", "--reveal", "--format", "csv"]);
    assert!(revealed.contains(IBAN), "{revealed}");
}

#[test]
fn export_bank_details_is_private_and_masked_unless_revealed() {
    let (t, claim) = waiting_for_details();
    t.ok(&bank_args(
        &claim.to_string(),
        "Nordic IT AS",
        "business",
        IBAN,
    ));
    let csv = t.ok(&["export", "bank_details"]);
    assert!(csv.starts_with(
        "reseller_id,version,holder,holder_type,iban,bic,currency,address,submitted_on,status"
    ));
    assert!(csv.contains(IBAN_MASKED) && !csv.contains(IBAN), "{csv}");

    let masked = t.dir.path().join("bank.csv");
    t.ok(&[
        "export",
        "bank_details",
        "--output",
        masked.to_str().unwrap(),
    ]);
    let mode = std::fs::metadata(&masked).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(!std::fs::read_to_string(&masked).unwrap().contains(IBAN));

    let revealed = t.dir.path().join("bank-clear.json");
    t.ok(&[
        "export",
        "bank_details",
        "--reveal",
        "--format",
        "json",
        "--output",
        revealed.to_str().unwrap(),
    ]);
    let mode = std::fs::metadata(&revealed).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let rows: Value = serde_json::from_str(&std::fs::read_to_string(&revealed).unwrap()).unwrap();
    assert_eq!(rows[0]["iban"], IBAN);
    // An existing output file is not overwritten.
    t.refused(
        4,
        &[
            "export",
            "bank_details",
            "--reveal",
            "--output",
            revealed.to_str().unwrap(),
        ],
    );
}

/// Walks a whole life cycle with bank details in clear on the command line,
/// collecting every output, and checks the IBAN appears in clear nowhere
/// but in `--reveal` output and the bank_details table itself.
#[test]
fn the_iban_is_never_shown_or_logged_in_clear() {
    let (mut t, claim) = waiting_for_details();
    let id = claim.to_string();
    let mut outputs = Vec::new();
    let mut run = |t: &TestLedger, args: Vec<&str>| {
        let output = t.run(&args);
        outputs.push(String::from_utf8_lossy(&output.stdout).to_string());
        outputs.push(String::from_utf8_lossy(&output.stderr).to_string());
    };
    for format in ["table", "json", "csv"] {
        let mut bad = bank_args(&id, "Nordic IT AS", "business", "NO9386011117948");
        bad.extend(["--format", format]);
        run(&t, bad);
    }
    run(&t, bank_args(&id, "Nordic IT AS", "personal", IBAN_SPACED));
    run(
        &t,
        vec![
            "--format",
            "json",
            "bank",
            "submit",
            &id,
            "--holder",
            "X",
            "--holder-type",
            "personal",
            "--iban",
            IBAN,
            "--bic",
            "DNBANOKK",
            "--currency",
            "NOK",
            "--address",
            "A",
        ],
    );
    reopen(&mut t, claim, "2015-08-06");
    for format in ["table", "json", "csv"] {
        let mut good = bank_args(&id, "Nordic IT AS", "business", "no93 8601 1117 947");
        good.extend(["--format", format]);
        run(&t, good);
        run(&t, vec!["bank", "show", "nordic-it", "--format", format]);
        run(&t, vec!["bank", "confirm", &id, "--format", format]);
        run(&t, vec!["notice", "list", "--format", format]);
        run(&t, vec!["deadlines", "--format", format]);
    }
    t.set_today("2015-09-01");
    run(&t, bank_args(&id, "Someone Else AS", "business", IBAN));
    for format in ["csv", "json"] {
        run(&t, vec!["export", "bank_details", "--format", format]);
        run(&t, vec!["export", "notices", "--format", format]);
        run(&t, vec!["export", "events", "--format", format]);
    }
    for text in &outputs {
        for clear in [IBAN, IBAN_SPACED, "86011117", "8601 1117"] {
            assert!(
                !text.contains(clear),
                "clear IBAN `{clear}` in output:\n{text}"
            );
        }
    }
    assert!(outputs.iter().any(|o| o.contains(IBAN_MASKED)));

    // The raw events table never holds it; the bank_details table does.
    let events = events_text(&t);
    assert!(events.contains(IBAN_MASKED), "{events}");
    for clear in [IBAN, "86011117", "8601 1117", "no93"] {
        assert!(!events.contains(clear), "clear IBAN in events:\n{events}");
    }
    let conn = rusqlite::Connection::open(&t.path).unwrap();
    let stored: i64 = conn
        .query_row(
            "SELECT count(*) FROM bank_details WHERE iban = ?1",
            [IBAN],
            |r| r.get(0),
        )
        .unwrap();
    assert!(stored >= 2);
}

#[test]
fn bank_details_dates_follow_the_on_rule() {
    let (t, claim) = waiting_for_details();
    let id = claim.to_string();
    let with_on = |on: &'static str| {
        let mut args = bank_args(&id, "Nordic IT AS", "business", IBAN);
        args.extend(["--on", on]);
        args
    };
    // Before the claim's last event (notice 1 on 2015-08-03), after today.
    t.refused(4, &with_on("2015-08-02"));
    t.refused(4, &with_on("2015-08-06"));
    t.refused(2, &with_on("2015-8-4"));
    t.refused(4, &["bank", "confirm", &id, "--on", "2015-08-02"]);
    let record = t.json(&with_on("2015-08-04"));
    assert_eq!(record["submitted_on"], "2015-08-04");
}
