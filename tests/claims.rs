//! `cashback claim ...`: submission and every refusal, validation, the state
//! machine's allowed and refused transitions, invoices, reject and reopen,
//! listing, export, and `offer add --replace` once claims exist.

mod claims_support;
mod common;

use claims_support::*;
use common::TestLedger;
use serde_json::{Value, json};

fn submit_args<'a>(reseller: &'a str, agreement: &'a str) -> Vec<&'a str> {
    vec![
        "claim",
        "submit",
        "--offer",
        OFFER,
        "--reseller",
        reseller,
        "--agreement",
        agreement,
    ]
}

fn with<'a>(mut args: Vec<&'a str>, more: &[&'a str]) -> Vec<&'a str> {
    args.extend_from_slice(more);
    args
}

fn error_rules(error: &Value) -> Vec<String> {
    error["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn submit_records_the_claim_with_the_accepted_terms() {
    let ledger = ready();
    let claim = ledger.json(&with(
        submit_args("nordic-it", "V1000001"),
        &["--accept-terms"],
    ));
    assert_eq!(
        claim,
        json!({
            "id": 1, "offer": OFFER, "reseller_id": "nordic-it", "agreement_number": "V1000001",
            "status": "submitted", "submitted_on": "2015-10-01", "terms_version": "2015-07",
            "amount": null, "currency": "NOK", "reason": null, "calculated_on": null
        })
    );
    assert_eq!(
        query(
            &ledger,
            "SELECT action || ' ' || entity || ' ' || business_date FROM events WHERE action LIKE 'claim.%'"
        ),
        ["claim.submit claim:1 2015-10-01"]
    );
    assert_eq!(show(&ledger, 1), claim);
}

#[test]
fn submit_on_an_earlier_date() {
    let ledger = ready();
    let claim = ledger.json(&with(
        submit_args("nordic-it", "V1000001"),
        &["--accept-terms", "--on", "2015-09-15"],
    ));
    assert_eq!(claim["submitted_on"], "2015-09-15");
    assert_eq!(
        query(
            &ledger,
            "SELECT business_date FROM events WHERE action = 'claim.submit'"
        ),
        ["2015-09-15"]
    );
    // after today: invalid, nothing recorded
    ledger.refused(
        4,
        &with(
            submit_args("nordic-it", "V1000001"),
            &["--accept-terms", "--on", "2015-10-02"],
        ),
    );
}

#[test]
fn every_failing_submission_rule_is_listed_and_nothing_recorded() {
    let mut ledger = ready();
    register(&ledger, "fjord-data", "post@fjord-data.no");
    import(&ledger, &[sale("V2000001", 1, "fjord-data")]);
    ledger.set_today("2015-12-15");
    // on submit_before (exclusive), without terms, another reseller's agreement
    let error = ledger.refused_by_rule("submission.window", &submit_args("nordic-it", "V2000001"));
    assert_eq!(
        error_rules(&error),
        [
            "submission.window",
            "submission.terms_accepted",
            "agreement.owned"
        ]
    );
    assert_eq!(error["exit"], 1);
    assert_eq!(error["recorded"], false);
    // an unknown agreement
    ledger.set_today("2015-12-14");
    let error = ledger.refused_by_rule(
        "agreement.known",
        &with(submit_args("nordic-it", "V9999999"), &["--accept-terms"]),
    );
    assert_eq!(error_rules(&error), ["agreement.known"]);
    // the day before opens_on
    ledger.refused_by_rule(
        "submission.window",
        &with(
            submit_args("nordic-it", "V1000001"),
            &["--accept-terms", "--on", "2015-06-30"],
        ),
    );
}

#[test]
fn terms_are_accepted_only_by_the_flag_never_by_yes() {
    let ledger = ready();
    let error = ledger.refused_by_rule(
        "submission.terms_accepted",
        &with(submit_args("nordic-it", "V1000001"), &["--yes"]),
    );
    assert_eq!(error_rules(&error), ["submission.terms_accepted"]);
    let stderr = ledger.refused(1, &submit_args("nordic-it", "V1000001"));
    assert!(stderr.contains("submission.terms_accepted"), "{stderr}");
    assert!(stderr.contains("--accept-terms"), "{stderr}");
}

#[test]
fn one_claim_per_reseller_and_offer_in_any_state() {
    let ledger = ready();
    let id = submit(&ledger);
    ledger.refused_by_rule(
        "submission.one_per_offer",
        &with(submit_args("nordic-it", "V1000001"), &["--accept-terms"]),
    );
    ledger.ok(&[
        "--yes",
        "claim",
        "reject",
        &id.to_string(),
        "--reason",
        "entered twice",
    ]);
    let error = ledger.refused_by_rule(
        "submission.one_per_offer",
        &with(submit_args("nordic-it", "V1000001"), &["--accept-terms"]),
    );
    assert!(
        error["rules"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("reopened")
    );
}

#[test]
fn unknown_offer_or_reseller_is_not_found() {
    let ledger = ready();
    ledger.refused(
        3,
        &[
            "claim",
            "submit",
            "--offer",
            "no-offer",
            "--reseller",
            "nordic-it",
            "--agreement",
            "V1000001",
            "--accept-terms",
        ],
    );
    ledger.refused(
        3,
        &with(submit_args("nobody", "V1000001"), &["--accept-terms"]),
    );
    ledger.refused(3, &["claim", "show", "7"]);
    ledger.refused(3, &["claim", "validate", "7"]);
    ledger.refused(3, &["--yes", "claim", "reject", "7", "--reason", "x"]);
}

#[test]
fn validate_approves_when_every_rule_passes() {
    let mut ledger = ready();
    let id = submit(&ledger).to_string();
    ledger.set_today("2015-10-05");
    let claim = ledger.json(&["claim", "validate", &id]);
    assert_eq!(claim["status"], "approved");
    let cycle = query(&ledger, "SELECT cycle FROM claims");
    assert_eq!(cycle, ["1"], "approval starts the first notice cycle");
    assert_eq!(
        query(
            &ledger,
            "SELECT details FROM events WHERE action = 'claim.approve'"
        ),
        [
            r#"{"from":"submitted","net_amount":"1800.00","new_customers":1,"provisional_incentive":"180.00","quantity":6,"to":"approved"}"#
        ]
    );
    // a second validation is refused by the state machine
    ledger.refused_by_rule("claim.state", &["claim", "validate", &id]);
}

#[test]
fn validate_rejects_and_records_the_failing_rules() {
    let mut ledger = ready();
    let id = submit(&ledger).to_string();
    // returns take it below 5 seats after the sales window closed
    import(
        &ledger,
        &[sale("V1000001", 1, "nordic-it")
            .seats(4)
            .net("1200.00")
            .returned("2015-11-01")],
    );
    ledger.set_today("2016-01-04");
    let before = ledger.dump();
    let stderr = ledger.fails(1, &["claim", "validate", &id, "--format", "json"]);
    assert_ne!(before, ledger.dump(), "the rejection is recorded");
    let error: Value = serde_json::from_str(stderr.trim()).unwrap();
    assert_eq!(error["recorded"], true);
    assert_eq!(error_rules(&error), ["sales.min_quantity"]);
    assert_eq!(error["rules"][0]["detail"], "2 of 5 seats; 3 more needed");
    let claim = show(&ledger, 1);
    assert_eq!(claim["status"], "rejected");
    assert_eq!(claim["reason"], "sales.min_quantity");
    assert_eq!(
        query(&ledger, "SELECT reopen_to FROM claims"),
        ["submitted"]
    );
}

#[test]
fn validate_refuses_while_a_rule_is_pending() {
    let mut ledger = ready();
    import(
        &ledger,
        &[sale("V1000001", 1, "nordic-it").seats(1).net("1200.00")],
    );
    let id = submit(&ledger).to_string();
    // 3 of 5 seats while the sales window is open: pending, nothing recorded
    let error = ledger.refused_by_rule("sales.min_quantity", &["claim", "validate", &id]);
    assert_eq!(error["recorded"], false);
    assert!(error["message"].as_str().unwrap().contains("pending"));
    assert_eq!(show(&ledger, 1)["status"], "submitted");
    // sold enough later: approved on a later day
    import(&ledger, &[sale("V1000002", 1, "nordic-it").seats(2)]);
    ledger.set_today("2015-10-02");
    assert_eq!(
        ledger.json(&["claim", "validate", &id])["status"],
        "approved"
    );
}

#[test]
fn validate_is_judged_as_of_its_on_date() {
    let mut ledger = ready();
    let id = submit(&ledger).to_string();
    import(
        &ledger,
        &[sale("V1000001", 1, "nordic-it")
            .seats(4)
            .net("1200.00")
            .returned("2016-01-03")],
    );
    ledger.set_today("2016-01-10");
    // on 2016-01-02 the line was not yet returned: 6 of 5 seats
    let claim = ledger.json(&["claim", "validate", &id, "--on", "2016-01-02"]);
    assert_eq!(claim["status"], "approved");
    // an --on before the claim's last event is refused
    let mut other = ready();
    let id = submit(&other).to_string();
    other.set_today("2015-10-03");
    other.refused(4, &["claim", "validate", &id, "--on", "2015-09-30"]);
}

#[test]
fn invoices_are_requested_and_received_with_the_file_digest() {
    let mut ledger = ready();
    let id = submit(&ledger).to_string();
    ledger.set_today("2015-10-02");
    let claim = ledger.json(&["claim", "request-invoice", &id]);
    assert_eq!(claim["status"], "invoice_requested");
    assert_eq!(
        query(
            &ledger,
            "SELECT kind || ' ' || number || ' ' || cycle || ' ' || sent_on || ' ' || coalesce(answered_on, '-') FROM notices"
        ),
        ["invoice 1 0 2015-10-02 -"]
    );
    // while requested: no validation, no second request
    ledger.refused_by_rule("claim.state", &["claim", "validate", &id]);
    ledger.refused_by_rule("claim.state", &["claim", "request-invoice", &id]);
    let (code, check) = check_json(&ledger, &["--claim", &id]);
    assert_eq!(code, 0);
    assert_eq!(rule(&check, "invoice.received").0, "pending");
    // an unreadable file: invalid, nothing recorded
    ledger.refused(
        4,
        &[
            "claim",
            "receive-invoice",
            &id,
            "--file",
            "/no/such/invoice.pdf",
        ],
    );
    let file = ledger.write_file("invoice-4711.pdf", "abc");
    ledger.set_today("2015-10-06");
    let claim = ledger.json(&[
        "claim",
        "receive-invoice",
        &id,
        "--file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(claim["status"], "submitted");
    // SHA-256 of "abc"
    let digest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assert_eq!(
        query(
            &ledger,
            "SELECT answered_on || ' ' || file_name || ' ' || file_sha256 FROM notices"
        ),
        [format!("2015-10-06 invoice-4711.pdf {digest}")]
    );
    let details = query(
        &ledger,
        "SELECT details FROM events WHERE action = 'claim.receive_invoice'",
    );
    assert!(details[0].contains(digest), "{details:?}");
    ledger.refused_by_rule("claim.state", &["claim", "receive-invoice", &id]);
    let (_, check) = check_json(&ledger, &["--claim", &id]);
    assert_eq!(
        rule(&check, "invoice.received"),
        ("pass", "the requested invoice was received on 2015-10-06")
    );
    // a second request is number 2; receiving without a file is allowed
    ledger.ok(&["claim", "request-invoice", &id]);
    ledger.ok(&["claim", "receive-invoice", &id]);
    assert_eq!(
        query(
            &ledger,
            "SELECT number || ' ' || coalesce(file_name, '-') FROM notices ORDER BY id"
        ),
        ["1 invoice-4711.pdf", "2 -"]
    );
    assert_eq!(
        ledger.json(&["claim", "validate", &id])["status"],
        "approved"
    );
    // an approved claim takes no invoice request
    ledger.refused_by_rule("claim.state", &["claim", "request-invoice", &id]);
}

#[test]
fn reject_and_reopen_restore_the_state_with_a_fresh_cycle() {
    let mut ledger = ready();
    let id = submit(&ledger).to_string();
    ledger.ok(&["claim", "validate", &id]);
    assert_eq!(query(&ledger, "SELECT cycle FROM claims"), ["1"]);
    ledger.set_today("2015-10-03");
    let claim = ledger.json(&[
        "--yes",
        "claim",
        "reject",
        &id,
        "--reason",
        "duplicate request",
    ]);
    assert_eq!(claim["status"], "rejected");
    assert_eq!(claim["reason"], "duplicate request");
    // final: no second rejection, no validation
    ledger.refused_by_rule(
        "claim.state",
        &["--yes", "claim", "reject", &id, "--reason", "again"],
    );
    ledger.refused_by_rule("claim.state", &["claim", "validate", &id]);
    let claim = ledger.json(&[
        "--yes",
        "claim",
        "reopen",
        &id,
        "--reason",
        "rejected in error",
    ]);
    assert_eq!(claim["status"], "approved");
    assert_eq!(claim["reason"], Value::Null);
    assert_eq!(query(&ledger, "SELECT cycle FROM claims"), ["2"]);
    let details = query(
        &ledger,
        "SELECT details FROM events WHERE action = 'claim.reopen'",
    );
    assert_eq!(
        details,
        [
            r#"{"from":"rejected","previous_reason":"duplicate request","reason":"rejected in error","to":"approved"}"#
        ]
    );
    // only rejected or forfeited claims reopen
    ledger.refused_by_rule(
        "claim.state",
        &["--yes", "claim", "reopen", &id, "--reason", "x"],
    );
}

#[test]
fn reject_from_every_non_final_state_we_can_reach() {
    let mut ledger = ready();
    register(&ledger, "fjord-data", "post@fjord-data.no");
    import(&ledger, &[sale("V2000001", 1, "fjord-data").seats(5)]);
    let a = submit(&ledger).to_string();
    let b = ledger.json(&with(
        submit_args("fjord-data", "V2000001"),
        &["--accept-terms"],
    ))["id"]
        .to_string();
    ledger.set_today("2015-10-02");
    ledger.ok(&["claim", "request-invoice", &b]);
    for id in [&a, &b] {
        let claim = ledger.json(&["--yes", "claim", "reject", id, "--reason", "withdrawn"]);
        assert_eq!(claim["status"], "rejected");
    }
    // reopening the invoice_requested one returns it there
    let claim = ledger.json(&["--yes", "claim", "reopen", &b, "--reason", "not withdrawn"]);
    assert_eq!(claim["status"], "invoice_requested");
    let claim = ledger.json(&["--yes", "claim", "reopen", &a, "--reason", "not withdrawn"]);
    assert_eq!(claim["status"], "submitted");
}

#[test]
fn reject_and_reopen_need_a_reason() {
    let ledger = ready();
    let id = submit(&ledger).to_string();
    ledger.refused(2, &["--yes", "claim", "reject", &id]);
    ledger.refused(2, &["--yes", "claim", "reject", &id, "--reason", "  "]);
    ledger.refused(2, &["--yes", "claim", "reopen", &id]);
}

#[test]
fn list_filters_by_offer_reseller_and_status() {
    let ledger = ready();
    register(&ledger, "fjord-data", "post@fjord-data.no");
    import(&ledger, &[sale("V2000001", 1, "fjord-data").seats(5)]);
    submit(&ledger);
    ledger.json(&with(
        submit_args("fjord-data", "V2000001"),
        &["--accept-terms"],
    ));
    ledger.ok(&["claim", "validate", "2"]);
    let all = ledger.json(&["claim", "list"]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    let approved = ledger.json(&["claim", "list", "--status", "approved"]);
    assert_eq!(approved[0]["reseller_id"], "fjord-data");
    assert_eq!(approved.as_array().unwrap().len(), 1);
    let mine = ledger.json(&["claim", "list", "--reseller", "nordic-it", "--offer", OFFER]);
    assert_eq!(mine[0]["id"], 1);
    assert_eq!(mine.as_array().unwrap().len(), 1);
    ledger.refused(2, &["claim", "list", "--status", "open"]);
    ledger.refused(3, &["claim", "list", "--offer", "nope"]);
    ledger.refused(3, &["claim", "list", "--reseller", "nobody"]);
    let text = ledger.ok(&["claim", "list", "--format", "csv"]);
    assert!(text.starts_with(
        "id,offer,reseller_id,agreement_number,status,submitted_on,terms_version,amount,currency,reason"
    ));
}

#[test]
fn export_claims() {
    let ledger = ready();
    submit(&ledger);
    let text = ledger.ok(&["export", "claims"]);
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,offer,reseller_id,agreement_number,status,submitted_on,terms_version,amount,currency,reason,calculated_on"
    );
    assert_eq!(
        lines.next().unwrap(),
        "1,10at5-cloud-open,nordic-it,V1000001,submitted,2015-10-01,2015-07,,NOK,,"
    );
    let json = ledger.json(&["export", "claims"]);
    assert_eq!(json[0]["status"], "submitted");
}

#[test]
fn an_offer_with_claims_cannot_be_replaced() {
    let ledger = ready();
    let replaced = common::OFFER_TOML.replace("rate = \"10\"", "rate = \"12\"");
    let path = ledger.write_file("offer-v2.toml", &replaced);
    // without claims it can
    ledger.ok(&["offer", "add", path.to_str().unwrap(), "--replace"]);
    submit(&ledger);
    let original = ledger.write_file("offer-v3.toml", common::OFFER_TOML);
    ledger.refused_by_rule(
        "offer.has_claims",
        &["offer", "add", original.to_str().unwrap(), "--replace"],
    );
}

#[test]
fn the_agreement_named_need_not_hold_every_counted_sale() {
    // A claim covers all of the reseller's sales, not only the named agreement.
    let mut ledger = TestLedger::new();
    ledger.add_example_offer();
    register(&ledger, "nordic-it", "post@nordic-it.no");
    import(
        &ledger,
        &[
            sale("V1000001", 1, "nordic-it").seats(1),
            sale("V1000002", 1, "nordic-it")
                .customer("C2")
                .seats(4)
                .net("400.00"),
        ],
    );
    ledger.set_today("2015-10-01");
    let id = submit(&ledger).to_string();
    let (code, check) = check_json(&ledger, &["--claim", &id]);
    assert_eq!(code, 0);
    assert_eq!(check["sales"]["quantity"], 5);
    assert_eq!(check["sales"]["new_customers"], 2);
    assert_eq!(check["incentive"], "50.00");
}
