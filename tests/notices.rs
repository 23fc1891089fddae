//! Notice cycles end to end: numbering, expiry on the day after respond_by,
//! `notice due [--send]`, `notice list`, `sweep`, `deadlines`, the
//! correction cycle after a failed payment and a fresh cycle on reopen.

mod bank_support;
mod common;

use bank_support::*;
use common::TestLedger;
use serde_json::Value;

/// A claim of nordic-it approved on 2015-08-03; today 2015-08-03.
fn approved() -> (TestLedger, i64) {
    let mut t = program();
    let claim = approved_claim(&mut t, "nordic-it", "Nordic IT AS", "2015-08-03");
    (t, claim)
}

fn send(t: &mut TestLedger, claim: i64, today: &str) -> Value {
    t.set_today(today);
    t.json(&["notice", "send", &claim.to_string()])
}

fn due(t: &TestLedger) -> Vec<Value> {
    t.json(&["notice", "due"]).as_array().unwrap().clone()
}

fn list(t: &TestLedger, claim: i64) -> Vec<Value> {
    t.json(&["notice", "list", "--claim", &claim.to_string()])
        .as_array()
        .unwrap()
        .clone()
}

fn sweep(t: &TestLedger) -> Vec<Value> {
    t.json(&["--yes", "sweep"]).as_array().unwrap().clone()
}

#[test]
fn a_full_cycle_on_fixed_dates() {
    let (mut t, claim) = approved();
    let id = claim.to_string();

    // Nothing sent yet: notice 1 is due today.
    let rows = due(&t);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["claim_id"], claim);
    assert_eq!(rows[0]["reseller_id"], "nordic-it");
    assert_eq!(rows[0]["kind"], "bank_details");
    assert_eq!(rows[0]["number"], 1);

    let first = send(&mut t, claim, "2015-08-03");
    assert_eq!(first["claim_id"], claim);
    assert_eq!(first["kind"], "bank_details");
    assert_eq!(first["number"], 1);
    assert_eq!(first["sent_on"], "2015-08-03");
    assert_eq!(first["respond_by"], "2015-08-08");
    assert_eq!(first["answered_on"], Value::Null);
    assert_eq!(first["overdue"], false);

    // Open until and including respond_by: no second notice, none due.
    for today in ["2015-08-03", "2015-08-08"] {
        t.set_today(today);
        let error = t.refused_by_rule("notice.open", &["notice", "send", &id]);
        assert_eq!(error["exit"], 1);
        assert_eq!(error["recorded"], false);
        assert!(due(&t).is_empty());
        assert_eq!(list(&t, claim)[0]["overdue"], false);
    }

    // Expired the day after respond_by: overdue, and notice 2 is due.
    t.set_today("2015-08-09");
    assert_eq!(list(&t, claim)[0]["overdue"], true);
    let rows = due(&t);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["number"], 2);

    let before = t.dump();
    let second = send(&mut t, claim, "2015-08-09");
    assert_eq!(second["number"], 2);
    assert_eq!(
        changed_tables(&before, &t.dump()),
        ["events", "notices"].map(String::from).into()
    );
    assert_eq!(second["respond_by"], "2015-08-14");
    // The superseded notice is never overdue again.
    let notices = list(&t, claim);
    assert_eq!(notices.len(), 2);
    assert_eq!(notices[0]["overdue"], false);
    assert_eq!(notices[1]["overdue"], false);

    let third = send(&mut t, claim, "2015-08-15");
    assert_eq!(third["number"], 3);
    assert_eq!(third["respond_by"], "2015-08-20");

    // Beyond max_notices (3), also once the third has expired.
    t.set_today("2015-08-16");
    let error = t.refused_by_rule("notice.limit", &["notice", "send", &id]);
    assert_eq!(rule_ids(&error), ["notice.open", "notice.limit"]);
    t.set_today("2015-08-21");
    let error = t.refused_by_rule("notice.limit", &["notice", "send", &id]);
    assert_eq!(rule_ids(&error), ["notice.limit"]);
    assert!(due(&t).is_empty(), "no notice is due once all were sent");

    // Sweep on the last respond_by changes nothing.
    t.set_today("2015-08-20");
    let before = t.dump();
    assert!(sweep(&t).is_empty());
    assert_eq!(t.dump(), before);
    assert_eq!(status(&t, claim), "approved");

    // The day after: a dry run shows the forfeit and changes nothing ...
    t.set_today("2015-08-21");
    let before = t.dump();
    let rows = t.json(&["sweep", "--dry-run"]);
    assert_eq!(t.dump(), before);
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["claim_id"], claim);
    assert_eq!(rows[0]["from"], "approved");
    assert_eq!(rows[0]["to"], "forfeited");
    assert_eq!(rows[0]["reason"], "notices.exhausted");

    // ... the sweep forfeits it, changing only the claim and the log ...
    let seq = last_seq(&t);
    let before = t.dump();
    let rows = sweep(&t);
    assert_eq!(
        changed_tables(&before, &t.dump()),
        ["claims", "events"].map(String::from).into()
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["claim_id"], claim);
    assert_eq!(rows[0]["from"], "approved");
    assert_eq!(rows[0]["to"], "forfeited");
    assert_eq!(rows[0]["reason"], "notices.exhausted");
    assert_eq!(actions_after(&t, seq), ["claim.forfeit"]);
    let stored = claim_json(&t, claim);
    assert_eq!(stored["status"], "forfeited");
    assert_eq!(stored["reason"], "notices.exhausted");

    // ... and is idempotent, later too.
    let before = t.dump();
    assert!(sweep(&t).is_empty());
    t.set_today("2015-09-30");
    assert!(sweep(&t).is_empty());
    assert_eq!(t.dump(), before);

    // A forfeited claim's notices are not overdue, and it gets no notice.
    assert!(list(&t, claim).iter().all(|n| n["overdue"] == false));
    t.refused_by_rule("claim.state", &["notice", "send", &id]);
    assert!(due(&t).is_empty());
}

#[test]
fn sweep_prints_table_and_csv_rows() {
    let (mut t, claim) = approved();
    for today in ["2015-08-03", "2015-08-09", "2015-08-15"] {
        send(&mut t, claim, today);
    }
    t.set_today("2015-08-21");
    let csv = t.ok(&["sweep", "--dry-run", "--format", "csv"]);
    assert_eq!(
        csv,
        format!("claim_id,from,to,reason\n{claim},approved,forfeited,notices.exhausted\n")
    );
    // Without a terminal there is no prompt: the sweep goes ahead.
    let table = t.ok(&["sweep"]);
    assert!(table.contains("forfeited"), "{table}");
    assert_eq!(status(&t, claim), "forfeited");
}

#[test]
fn notice_send_is_refused_outside_a_cycle() {
    let mut t = program();
    let claim = submitted_claim(&mut t, "nordic-it", "Nordic IT AS");
    let error = t.refused_by_rule("claim.state", &["notice", "send", &claim.to_string()]);
    assert!(
        error["message"].as_str().unwrap().contains("submitted"),
        "{error}"
    );
    t.refused(3, &["notice", "send", "99"]);
    t.refused(3, &["notice", "list", "--claim", "99"]);
    t.refused(2, &["notice", "send", "one"]);
}

#[test]
fn notice_send_on_a_past_date() {
    let (mut t, claim) = approved();
    let id = claim.to_string();
    t.set_today("2015-08-10");
    // Before the claim's last event (its approval) or after today: exit 4.
    t.refused(4, &["notice", "send", &id, "--on", "2015-08-02"]);
    t.refused(4, &["notice", "send", &id, "--on", "2015-08-11"]);
    // Entered today, sent on the day of approval: judged as of that date.
    let first = t.json(&["notice", "send", &id, "--on", "2015-08-03"]);
    assert_eq!(first["sent_on"], "2015-08-03");
    assert_eq!(first["respond_by"], "2015-08-08");
    // As of today it has expired, so the next one may go out now.
    let second = t.json(&["notice", "send", &id]);
    assert_eq!(second["number"], 2);
    assert_eq!(second["sent_on"], "2015-08-10");
    // The event keeps the business date.
    let events = events_text(&t);
    assert!(events.contains(r#"notice.send claim:1 {"cycle":1,"kind":"bank_details","max_notices":3,"number":1,"respond_by":"2015-08-08"}"#), "{events}");
}

#[test]
fn notice_due_send_records_every_due_notice_in_one_go() {
    let mut t = program();
    let a = approved_claim(&mut t, "nordic-it", "Nordic IT AS", "2015-08-03");
    let b = approved_claim(&mut t, "fjord-data", "Fjord Data AS", "2015-08-03");
    let c = submitted_claim(&mut t, "vest-soft", "Vest Soft AS");
    t.set_today("2015-08-03");
    // b already has an open notice.
    send(&mut t, b, "2015-08-03");
    let rows = due(&t);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["claim_id"], a);

    t.set_today("2015-08-09");
    let rows = due(&t);
    let ids: Vec<i64> = rows
        .iter()
        .map(|r| r["claim_id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [a, b]);
    assert_eq!(rows[0]["number"], 1);
    assert_eq!(rows[1]["number"], 2);

    let seq = last_seq(&t);
    let sent = t.json(&["notice", "due", "--send"]);
    let sent = sent.as_array().unwrap();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0]["claim_id"], a);
    assert_eq!(sent[0]["number"], 1);
    assert_eq!(sent[0]["sent_on"], "2015-08-09");
    assert_eq!(sent[0]["respond_by"], "2015-08-14");
    assert_eq!(sent[1]["claim_id"], b);
    assert_eq!(sent[1]["number"], 2);
    assert_eq!(actions_after(&t, seq), ["notice.send", "notice.send"]);
    assert!(list(&t, c).is_empty());

    // Run again the same day: nothing is due, nothing recorded.
    let before = t.dump();
    assert_eq!(t.json(&["notice", "due", "--send"]), serde_json::json!([]));
    assert_eq!(t.dump(), before);
    assert_eq!(
        t.ok(&["notice", "due", "--format", "csv"]),
        "claim_id,reseller_id,kind,number\n"
    );
}

#[test]
fn deadlines_list_overdue_and_upcoming_notices_soonest_first() {
    let mut t = program();
    let a = approved_claim(&mut t, "nordic-it", "Nordic IT AS", "2015-08-03");
    let b = approved_claim(&mut t, "fjord-data", "Fjord Data AS", "2015-08-03");
    let c = approved_claim(&mut t, "vest-soft", "Vest Soft AS", "2015-08-03");
    send(&mut t, a, "2015-08-03"); // respond by 08-08
    send(&mut t, b, "2015-08-05"); // respond by 08-10
    send(&mut t, c, "2015-08-06"); // respond by 08-11

    t.set_today("2015-08-09");
    let rows = t.json(&["deadlines", "--within", "1"]);
    let rows = rows.as_array().unwrap();
    // a is overdue (always shown), b falls due tomorrow, c is outside the window.
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0]["kind"], "notice");
    assert_eq!(rows[0]["claim_id"], a);
    assert_eq!(rows[0]["reseller_id"], "nordic-it");
    assert_eq!(rows[0]["due_on"], "2015-08-08");
    assert_eq!(rows[0]["days_left"], -1);
    assert_eq!(rows[0]["overdue"], true);
    assert!(
        rows[0]["detail"]
            .as_str()
            .unwrap()
            .contains("notice 1 of 3")
    );
    assert_eq!(rows[1]["claim_id"], b);
    assert_eq!(rows[1]["days_left"], 1);
    assert_eq!(rows[1]["overdue"], false);

    // The default window (14 days) takes in c; the table has the columns.
    let all = t.json(&["deadlines"]);
    let ids: Vec<i64> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["claim_id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [a, b, c]);
    let csv = t.ok(&["deadlines", "--format", "csv"]);
    assert!(
        csv.starts_with("kind,claim_id,reseller_id,due_on,days_left,overdue,detail\n"),
        "{csv}"
    );

    // Answered notices are no deadline; nor are forfeited claims'.
    t.ok(&bank_args(
        &b.to_string(),
        "Fjord Data AS",
        "business",
        IBAN,
    ));
    let ids: Vec<i64> = t
        .json(&["deadlines"])
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["claim_id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [a, c]);
}

#[test]
fn deadlines_name_the_sweep_once_a_cycle_is_exhausted() {
    let (mut t, claim) = approved();
    for today in ["2015-08-03", "2015-08-09", "2015-08-15"] {
        send(&mut t, claim, today);
    }
    t.set_today("2015-08-25");
    let rows = t.json(&["deadlines", "--within", "0"]);
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["due_on"], "2015-08-20");
    assert_eq!(rows[0]["days_left"], -5);
    assert!(
        rows[0]["detail"].as_str().unwrap().contains("sweep"),
        "{rows}"
    );
    sweep(&t);
    assert_eq!(t.json(&["deadlines"]), serde_json::json!([]));
}

#[test]
fn a_failed_payment_starts_a_correction_cycle() {
    let (mut t, claim) = approved();
    let id = claim.to_string();
    send(&mut t, claim, "2015-08-03");
    t.set_today("2015-08-05");
    t.ok(&bank_args(&id, "Nordic IT AS", "business", IBAN));
    assert_eq!(status(&t, claim), "payable");
    assert_eq!(list(&t, claim)[0]["answered_on"], "2015-08-05");
    // Payable claims need no notice.
    t.refused_by_rule("claim.state", &["notice", "send", &id]);

    fail_payment(&mut t, claim, "2016-03-01");
    assert_eq!(status(&t, claim), "payment_failed");
    let rows = due(&t);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["kind"], "bank_correction");
    assert_eq!(rows[0]["number"], 1);
    let correction = send(&mut t, claim, "2016-03-01");
    assert_eq!(correction["kind"], "bank_correction");
    assert_eq!(correction["number"], 1);
    assert_eq!(correction["cycle"], 2);
    assert_eq!(correction["respond_by"], "2016-03-06");

    // The correction cycle has its own maximum and is swept the same way.
    send(&mut t, claim, "2016-03-07");
    send(&mut t, claim, "2016-03-13");
    t.set_today("2016-03-19");
    let rows = sweep(&t);
    assert_eq!(rows[0]["from"], "payment_failed");
    assert_eq!(rows[0]["to"], "forfeited");
    let notices = list(&t, claim);
    let numbers: Vec<(String, i64)> = notices
        .iter()
        .map(|n| {
            (
                n["kind"].as_str().unwrap().to_string(),
                n["number"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        numbers,
        [
            ("bank_details".to_string(), 1),
            ("bank_correction".to_string(), 1),
            ("bank_correction".to_string(), 2),
            ("bank_correction".to_string(), 3)
        ]
    );
}

#[test]
fn reopen_after_a_mistaken_forfeit_starts_a_fresh_cycle() {
    let (mut t, claim) = approved();
    let id = claim.to_string();
    for today in ["2015-08-03", "2015-08-09", "2015-08-15"] {
        send(&mut t, claim, today);
    }
    t.set_today("2015-08-21");
    sweep(&t);
    reopen(&mut t, claim, "2015-08-24");
    assert_eq!(status(&t, claim), "approved");

    // The old cycle's notices stay in the history, none overdue; the fresh
    // cycle starts at notice 1 and is due now.
    let notices = list(&t, claim);
    assert_eq!(notices.len(), 3);
    assert!(notices.iter().all(|n| n["overdue"] == false));
    let rows = due(&t);
    assert_eq!(rows[0]["number"], 1);
    let fresh = send(&mut t, claim, "2015-08-24");
    assert_eq!(fresh["number"], 1);
    assert_eq!(fresh["cycle"], 2);
    // Details now are in time again; the fresh notice is the one answered.
    t.set_today("2015-08-25");
    t.ok(&bank_args(&id, "Nordic IT AS", "business", IBAN));
    let notices = list(&t, claim);
    assert_eq!(notices[3]["answered_on"], "2015-08-25");
    assert!(notices[..3].iter().all(|n| n["answered_on"].is_null()));
    assert_eq!(status(&t, claim), "payable");
}

#[test]
fn export_notices_has_the_documented_columns() {
    let (mut t, claim) = approved();
    send(&mut t, claim, "2015-08-03");
    t.set_today("2015-08-10");
    let csv = t.ok(&["export", "notices"]);
    assert_eq!(
        csv,
        format!(
            "claim_id,kind,number,sent_on,respond_by,answered_on,overdue,cycle\n{claim},bank_details,1,2015-08-03,2015-08-08,,true,1\n"
        )
    );
    let json = t.json(&["export", "notices"]);
    assert_eq!(json[0]["overdue"], true);
    assert_eq!(json[0]["answered_on"], Value::Null);
}

#[test]
fn notice_list_without_a_claim_lists_every_notice() {
    let mut t = program();
    let a = approved_claim(&mut t, "nordic-it", "Nordic IT AS", "2015-08-03");
    let b = approved_claim(&mut t, "fjord-data", "Fjord Data AS", "2015-08-03");
    send(&mut t, b, "2015-08-03");
    send(&mut t, a, "2015-08-04");
    let rows = t.json(&["notice", "list"]);
    let ids: Vec<i64> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["claim_id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [a, b]);
    let table = t.ok(&["notice", "list"]);
    assert!(table.contains("bank_details"), "{table}");
    assert!(
        t.ok(&[
            "notice",
            "list",
            "--claim",
            &a.to_string(),
            "--format",
            "csv"
        ])
        .starts_with("claim_id,kind,number,sent_on,respond_by,answered_on,overdue")
    );
}

#[test]
fn invoice_notices_are_listed_but_never_due_or_overdue() {
    let mut t = program();
    let claim = submitted_claim(&mut t, "nordic-it", "Nordic IT AS");
    let id = claim.to_string();
    t.ok(&["claim", "request-invoice", &id]);
    t.set_today("2015-12-01");
    let notices = list(&t, claim);
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0]["kind"], "invoice");
    assert_eq!(notices[0]["number"], 1);
    assert_eq!(notices[0]["overdue"], false);
    assert!(due(&t).is_empty());
    assert_eq!(t.json(&["deadlines"]), serde_json::json!([]));
    assert_eq!(t.json(&["--yes", "sweep"]), serde_json::json!([]));

    t.ok(&["claim", "receive-invoice", &id]);
    approve(&mut t, claim, "2015-12-02");
    let rows = due(&t);
    assert_eq!(rows[0]["kind"], "bank_details");
    assert_eq!(rows[0]["number"], 1);
    let first = send(&mut t, claim, "2015-12-02");
    assert_eq!(first["number"], 1);
    let notices = list(&t, claim);
    assert_eq!(notices.len(), 2);
    assert_eq!(notices[0]["answered_on"], "2015-12-01");
}
