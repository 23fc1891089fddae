//! The payout schedule, payments and failed transfers end to end on fixed
//! dates: every status and blocker, the payout dates, the refusals of
//! `payout record`, a return after calculation, a transfer that came back
//! and was paid again, sorting, totals and the weekly chart, and payout
//! rows in `deadlines`.

mod common;
mod payouts_support;

use common::TestLedger;
use payouts_support::*;
use serde_json::Value;

/// Claim ids of the five-claim program.
const ALPHA: i64 = 1;
const BRAVO: i64 = 2;
const CHARLIE: i64 = 3;
const DELTA: i64 = 4;
const ECHO: i64 = 5;

/// Five claims on the late-returns offer, submitted and approved on
/// 2015-08-01. alpha has no bank details; bravo (EUR), charlie, delta and
/// echo (NOK) gave theirs on 2015-08-05. Each sold 10 seats for 10000.00 on
/// 2015-07-20; charlie also 2 seats for 2000.00 on 2015-08-01 (agreement
/// AG-CHARLIE-2); bravo 1 seat for 500.00 on 2015-12-20 (AG-BRAVO-2),
/// imported on 2015-12-21 (today).
fn five_claims() -> TestLedger {
    let mut t = program();
    let resellers = ["alpha", "bravo", "charlie", "delta", "echo"];
    for reseller in resellers {
        register(&t, reseller);
    }
    t.set_today("2015-08-01");
    let mut lines: Vec<String> = resellers
        .iter()
        .map(|r| sale(&agreement(r), 1, r, "2015-07-20", 10, "10000.00", ""))
        .collect();
    lines.push(sale(
        "AG-CHARLIE-2",
        1,
        "charlie",
        "2015-08-01",
        2,
        "2000.00",
        "",
    ));
    import(&t, "early.csv", &lines);
    for (i, reseller) in resellers.iter().enumerate() {
        let id = approved_claim(&t, OFFER, reseller, &agreement(reseller));
        assert_eq!(id, i as i64 + 1);
    }
    t.set_today("2015-08-05");
    bank_details(&t, BRAVO, "bravo", IBAN, "EUR");
    for (claim, reseller) in [(CHARLIE, "charlie"), (DELTA, "delta"), (ECHO, "echo")] {
        bank_details(&t, claim, reseller, IBAN, "NOK");
    }
    t.set_today("2015-12-21");
    import(
        &t,
        "late.csv",
        &[sale(
            "AG-BRAVO-2",
            1,
            "bravo",
            "2015-12-20",
            1,
            "500.00",
            "",
        )],
    );
    t
}

/// The agreement number of a reseller's sales: `AG-ALPHA`.
fn agreement(reseller: &str) -> String {
    format!("AG-{}", reseller.to_uppercase())
}

/// `five_claims` calculated on 2016-01-31.
fn calculated() -> TestLedger {
    let mut t = five_claims();
    t.set_today("2016-01-31");
    t.ok(&["calculate", "--offer", OFFER]);
    t
}

fn pair(status: &str, blocker: &str) -> (String, String) {
    (status.to_string(), blocker.to_string())
}

fn ids(rows: &[Value]) -> Vec<i64> {
    rows.iter()
        .map(|r| r["claim_id"].as_i64().unwrap())
        .collect()
}

#[test]
fn before_calculation_the_amounts_are_provisional() {
    let mut t = five_claims();
    t.set_today("2016-01-15");
    let alpha = row(&t, ALPHA);
    assert_eq!(alpha["status"], "blocked");
    assert_eq!(alpha["blocker"], "bank_details");
    assert_eq!(alpha["amount"], "1000.00");
    assert_eq!(alpha["provisional"], true);
    assert_eq!(alpha["currency"], "NOK");
    assert_eq!(alpha["payout_currency"], Value::Null);
    assert_eq!(alpha["earliest_on"], "2016-01-31");
    assert_eq!(alpha["pay_by"], "2016-03-31");
    assert_eq!(alpha["paid_on"], Value::Null);
    assert_eq!(alpha["reference"], Value::Null);

    let bravo = row(&t, BRAVO);
    assert_eq!(bravo["status"], "blocked");
    assert_eq!(bravo["blocker"], "not_calculated");
    // 10% of 10500.00, counting the late sale.
    assert_eq!(bravo["amount"], "1050.00");
    assert_eq!(bravo["provisional"], true);
    assert_eq!(bravo["payout_currency"], "EUR");
    // The late sale's return window (2015-12-20 + 45 days) ends after the
    // calculation date: payable from the day after.
    assert_eq!(bravo["earliest_on"], "2016-02-04");
    assert_eq!(row(&t, CHARLIE)["amount"], "1200.00");
    assert_eq!(row(&t, CHARLIE)["earliest_on"], "2016-01-31");
}

#[test]
fn each_status_and_blocker_on_fixed_dates() {
    let mut t = calculated();
    t.ok(&[
        "payout",
        "fail",
        &DELTA.to_string(),
        "--reason",
        "account closed",
    ]);
    assert_eq!(standing(&t, ALPHA), pair("blocked", "bank_details"));
    assert_eq!(standing(&t, BRAVO), pair("blocked", "returns_open"));
    assert_eq!(standing(&t, CHARLIE), pair("ready", ""));
    assert_eq!(standing(&t, DELTA), pair("blocked", "payment_failed"));
    let bravo = row(&t, BRAVO);
    assert_eq!(bravo["provisional"], false);
    assert_eq!(bravo["amount"], "1050.00");
    // calculate fixes approved claims' amounts too.
    assert_eq!(row(&t, ALPHA)["provisional"], false);

    t.set_today("2016-02-01");
    t.ok(&[
        "payout",
        "record",
        &ECHO.to_string(),
        "--reference",
        "TRF-5",
    ]);
    let echo = row(&t, ECHO);
    assert_eq!(
        (echo["status"].as_str(), &echo["blocker"]),
        (Some("paid"), &Value::Null)
    );
    assert_eq!(echo["paid_on"], "2016-02-01");
    assert_eq!(echo["reference"], "TRF-5");

    t.set_today("2016-02-03");
    assert_eq!(standing(&t, BRAVO), pair("blocked", "returns_open"));
    t.set_today("2016-02-04");
    assert_eq!(standing(&t, BRAVO), pair("ready", ""));

    // --status filters on the schedule status.
    let blocked = t.json(&["payout", "schedule", "--status", "blocked"]);
    assert_eq!(ids(blocked.as_array().unwrap()), [ALPHA, DELTA]);
    let ready = t.json(&["payout", "schedule", "--status", "ready"]);
    assert_eq!(ids(ready.as_array().unwrap()), [BRAVO, CHARLIE]);
    t.refused(2, &["payout", "schedule", "--status", "open"]);
}

#[test]
fn overdue_the_day_after_pay_by_with_the_blocker_kept() {
    let mut t = calculated();
    t.set_today("2016-02-01");
    t.ok(&[
        "payout",
        "record",
        &ECHO.to_string(),
        "--reference",
        "TRF-5",
    ]);
    t.ok(&[
        "payout",
        "fail",
        &DELTA.to_string(),
        "--reason",
        "account closed",
    ]);
    t.set_today("2016-03-31");
    assert_eq!(standing(&t, ALPHA), pair("blocked", "bank_details"));
    assert_eq!(standing(&t, CHARLIE), pair("ready", ""));
    t.set_today("2016-04-01");
    assert_eq!(standing(&t, ALPHA), pair("overdue", "bank_details"));
    assert_eq!(standing(&t, BRAVO), pair("overdue", ""));
    assert_eq!(standing(&t, CHARLIE), pair("overdue", ""));
    assert_eq!(standing(&t, DELTA), pair("overdue", "payment_failed"));
    assert_eq!(standing(&t, ECHO), pair("paid", ""));
    let overdue = t.json(&["payout", "schedule", "--status", "overdue"]);
    assert_eq!(
        ids(overdue.as_array().unwrap()),
        [ALPHA, BRAVO, CHARLIE, DELTA]
    );
    // A late payment is still taken.
    t.ok(&[
        "payout",
        "record",
        &CHARLIE.to_string(),
        "--reference",
        "TRF-3",
    ]);
    assert_eq!(standing(&t, CHARLIE), pair("paid", ""));
}

#[test]
fn payout_record_refuses_early_uncalculated_and_double_payments() {
    let mut t = five_claims();
    t.set_today("2016-01-15");
    let claim = CHARLIE.to_string();
    let error = t.refused_by_rule(
        "payout.not_calculated",
        &["payout", "record", &claim, "--reference", "TRF-3"],
    );
    assert_eq!(error["exit"], 1);
    assert_eq!(error["recorded"], false);

    t.set_today("2016-01-31");
    t.ok(&["calculate", "--offer", OFFER]);
    // Earliest payout 2016-02-04 for bravo (its late sale's return window).
    t.set_today("2016-02-03");
    let error = t.refused_by_rule(
        "payout.too_early",
        &[
            "payout",
            "record",
            &BRAVO.to_string(),
            "--reference",
            "TRF-2",
        ],
    );
    assert!(
        error["message"].as_str().unwrap().contains("claim 2"),
        "{error}"
    );
    assert!(error.to_string().contains("2016-02-04"), "{error}");
    // Back-dated before earliest_on is early too.
    t.set_today("2016-02-10");
    t.refused_by_rule(
        "payout.too_early",
        &[
            "payout",
            "record",
            &BRAVO.to_string(),
            "--reference",
            "TRF-2",
            "--on",
            "2016-02-03",
        ],
    );
    t.ok(&[
        "payout",
        "record",
        &BRAVO.to_string(),
        "--reference",
        "TRF-2",
        "--on",
        "2016-02-04",
    ]);
    assert_eq!(row(&t, BRAVO)["paid_on"], "2016-02-04");

    // Paid once.
    t.ok(&["payout", "record", &claim, "--reference", "TRF-3"]);
    t.refused_by_rule(
        "payout.already_paid",
        &["payout", "record", &claim, "--reference", "TRF-3b"],
    );
    assert_eq!(payments(&t, CHARLIE).len(), 1);

    // Not payable: approved (no bank details) or payment_failed.
    t.refused_by_rule(
        "claim.state",
        &[
            "payout",
            "record",
            &ALPHA.to_string(),
            "--reference",
            "TRF-1",
        ],
    );
    t.ok(&[
        "payout",
        "fail",
        &DELTA.to_string(),
        "--reason",
        "account closed",
    ]);
    t.refused_by_rule(
        "claim.state",
        &[
            "payout",
            "record",
            &DELTA.to_string(),
            "--reference",
            "TRF-4",
        ],
    );
    t.refused_by_rule(
        "claim.state",
        &[
            "payout",
            "fail",
            &ALPHA.to_string(),
            "--reason",
            "no transfer",
        ],
    );

    // Unknown claim, a date after today, an empty reference or reason.
    t.refused(3, &["payout", "record", "99", "--reference", "TRF-99"]);
    t.refused(3, &["payout", "fail", "99", "--reason", "x"]);
    t.refused(
        4,
        &[
            "payout",
            "record",
            &ECHO.to_string(),
            "--reference",
            "TRF-5",
            "--on",
            "2016-02-11",
        ],
    );
    t.refused(
        4,
        &["payout", "record", &ECHO.to_string(), "--reference", "  "],
    );
    t.refused(4, &["payout", "fail", &ECHO.to_string(), "--reason", ""]);
    t.refused(2, &["payout", "record", &ECHO.to_string()]);
}

#[test]
fn an_uncalculated_claim_lists_every_rule_it_fails() {
    let mut t = five_claims();
    t.set_today("2016-01-15");
    let error = t.refused_by_rule(
        "payout.too_early",
        &[
            "payout",
            "record",
            &BRAVO.to_string(),
            "--reference",
            "TRF-2",
        ],
    );
    let rules: Vec<&str> = error["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["payout.not_calculated", "payout.too_early"]);
}

#[test]
fn a_return_after_calculation_blocks_until_recalculated() {
    let mut t = calculated();
    assert_eq!(row(&t, CHARLIE)["amount"], "1200.00");
    // Line 2 (2 seats, 2000.00) comes back on 2016-02-02.
    t.set_today("2016-02-03");
    import(
        &t,
        "returns.csv",
        &[sale(
            "AG-CHARLIE-2",
            1,
            "charlie",
            "2015-08-01",
            2,
            "2000.00",
            "2016-02-02",
        )],
    );
    assert_eq!(standing(&t, CHARLIE), pair("blocked", "returns_changed"));
    assert_eq!(
        row(&t, CHARLIE)["amount"],
        "1200.00",
        "the fixed amount stands until recalculated"
    );
    t.refused_by_rule(
        "payout.returns_changed",
        &[
            "payout",
            "record",
            &CHARLIE.to_string(),
            "--reference",
            "TRF-3",
        ],
    );

    t.ok(&[
        "calculate",
        "--offer",
        OFFER,
        "--claim",
        &CHARLIE.to_string(),
        "--recalculate",
    ]);
    let charlie = row(&t, CHARLIE);
    assert_eq!(
        (charlie["status"].as_str(), &charlie["blocker"]),
        (Some("ready"), &Value::Null)
    );
    assert_eq!(charlie["amount"], "1000.00");
    let paid = t.json(&[
        "payout",
        "record",
        &CHARLIE.to_string(),
        "--reference",
        "TRF-3",
    ]);
    assert_eq!(paid["amount"], "1000.00");
    assert_eq!(
        payments(&t, CHARLIE),
        [(
            "2016-02-03".into(),
            "TRF-3".into(),
            100000,
            "NOK".into(),
            None,
            None
        )]
    );
    assert_eq!(claim_status(&t, CHARLIE), "paid");
}

#[test]
fn payout_record_echoes_the_payment() {
    let t = calculated();
    let payment = t.json(&[
        "payout",
        "record",
        &CHARLIE.to_string(),
        "--reference",
        "TRF-2016-0042",
    ]);
    let keys: Vec<&str> = payment
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "claim_id",
            "reseller_id",
            "offer",
            "paid_on",
            "reference",
            "amount",
            "currency",
            "payout_currency",
            "returned_on",
            "return_reason"
        ]
    );
    assert_eq!(payment["claim_id"], CHARLIE);
    assert_eq!(payment["paid_on"], "2016-01-31");
    assert_eq!(payment["reference"], "TRF-2016-0042");
    assert_eq!(payment["amount"], "1200.00");
    assert_eq!(payment["currency"], "NOK");
    assert_eq!(payment["payout_currency"], "NOK");
    assert_eq!(payment["returned_on"], Value::Null);
    assert_eq!(claim_status(&t, CHARLIE), "paid");
    // The audit event of the transition holds the payment.
    let conn = rusqlite::Connection::open(&t.path).unwrap();
    let details: String = conn
        .query_row(
            "SELECT details FROM events WHERE entity = 'claim:3' AND action = 'claim.paid'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let details: Value = serde_json::from_str(&details).unwrap();
    assert_eq!(details["reference"], "TRF-2016-0042");
    assert_eq!(details["amount"], "1200.00");
    assert_eq!(details["to"], "paid");
}

#[test]
fn a_returned_transfer_is_paid_again_after_new_details() {
    let mut t = calculated();
    let claim = ECHO.to_string();
    t.set_today("2016-02-01");
    t.ok(&["payout", "record", &claim, "--reference", "TRF-1"]);

    t.set_today("2016-02-10");
    let failed = t.json(&["payout", "fail", &claim, "--reason", "account closed"]);
    assert_eq!(failed["from"], "paid");
    assert_eq!(failed["to"], "payment_failed");
    assert_eq!(failed["returned_payment"]["reference"], "TRF-1");
    assert_eq!(failed["returned_payment"]["returned_on"], "2016-02-10");
    assert_eq!(claim_status(&t, ECHO), "payment_failed");
    let echo = row(&t, ECHO);
    assert_eq!(
        (echo["status"].as_str(), echo["blocker"].as_str()),
        (Some("blocked"), Some("payment_failed"))
    );
    assert_eq!(
        echo["paid_on"],
        Value::Null,
        "the returned payment no longer stands"
    );
    assert_eq!(echo["reference"], Value::Null);
    assert_eq!(
        payments(&t, ECHO),
        [(
            "2016-02-01".into(),
            "TRF-1".into(),
            100000,
            "NOK".into(),
            Some("2016-02-10".into()),
            Some("account closed".into())
        )]
    );
    // A correction notice cycle starts.
    let notice = t.json(&["notice", "send", &claim]);
    assert_eq!(notice["kind"], "bank_correction");
    assert_eq!(notice["number"], 1);
    t.refused_by_rule(
        "claim.state",
        &["payout", "record", &claim, "--reference", "TRF-2"],
    );

    t.set_today("2016-02-12");
    bank_details(&t, ECHO, "echo", IBAN2, "SEK");
    let echo = row(&t, ECHO);
    assert_eq!(
        (echo["status"].as_str(), &echo["blocker"]),
        (Some("ready"), &Value::Null)
    );
    assert_eq!(echo["payout_currency"], "SEK");
    t.ok(&["payout", "record", &claim, "--reference", "TRF-2"]);
    let echo = row(&t, ECHO);
    assert_eq!(echo["status"], "paid");
    assert_eq!(echo["paid_on"], "2016-02-12");
    assert_eq!(echo["reference"], "TRF-2");
    let stored = payments(&t, ECHO);
    assert_eq!(stored.len(), 2);
    assert_eq!(stored[0].4.as_deref(), Some("2016-02-10"));
    assert_eq!(stored[1].1, "TRF-2");
    assert_eq!(stored[1].4, None);
    t.refused_by_rule(
        "payout.already_paid",
        &["payout", "record", &claim, "--reference", "TRF-3"],
    );
}

#[test]
fn a_transfer_that_could_not_be_made_fails_a_payable_claim() {
    let t = calculated();
    let failed = t.json(&[
        "payout",
        "fail",
        &CHARLIE.to_string(),
        "--reason",
        "IBAN rejected by the bank",
    ]);
    assert_eq!(failed["from"], "payable");
    assert_eq!(failed["returned_payment"], Value::Null);
    assert_eq!(claim_status(&t, CHARLIE), "payment_failed");
    assert!(payments(&t, CHARLIE).is_empty());
    assert_eq!(standing(&t, CHARLIE), pair("blocked", "payment_failed"));
}

#[test]
fn sorted_by_pay_by_then_claim() {
    let mut t = program();
    add_offer(&t, "autumn.toml", &autumn_offer());
    register(&t, "alpha");
    register(&t, "bravo");
    t.set_today("2015-08-01");
    import(
        &t,
        "sales.csv",
        &[
            sale("AG-ALPHA", 1, "alpha", "2015-07-20", 10, "10000.00", ""),
            sale("AG-BRAVO", 1, "bravo", "2015-07-20", 20, "20000.00", ""),
        ],
    );
    let first = approved_claim(&t, OFFER, "alpha", "AG-ALPHA");
    let second = approved_claim(&t, "autumn-open", "bravo", "AG-BRAVO");
    let third = approved_claim(&t, "autumn-open", "alpha", "AG-ALPHA");
    let fourth = approved_claim(&t, OFFER, "bravo", "AG-BRAVO");
    let rows = schedule(&t);
    assert_eq!(ids(&rows), [second, third, first, fourth]);
    let pay_by: Vec<&str> = rows.iter().map(|r| r["pay_by"].as_str().unwrap()).collect();
    assert_eq!(
        pay_by,
        ["2016-01-30", "2016-01-30", "2016-03-31", "2016-03-31"]
    );

    let autumn = t.json(&["payout", "schedule", "--offer", "autumn-open"]);
    assert_eq!(ids(autumn.as_array().unwrap()), [second, third]);
    t.refused(3, &["payout", "schedule", "--offer", "no-such-offer"]);
    // Claims not yet approved are not on the schedule.
    register(&t, "charlie");
    import(
        &t,
        "more.csv",
        &[sale(
            "AG-CHARLIE",
            1,
            "charlie",
            "2015-07-20",
            10,
            "10000.00",
            "",
        )],
    );
    t.ok(&[
        "claim",
        "submit",
        "--offer",
        OFFER,
        "--reseller",
        "charlie",
        "--agreement",
        "AG-CHARLIE",
        "--accept-terms",
    ]);
    assert_eq!(schedule(&t).len(), 4);
}

#[test]
fn the_table_ends_with_totals_and_a_weekly_chart() {
    let mut t = calculated();
    t.set_today("2016-02-04");
    t.ok(&[
        "payout",
        "record",
        &ECHO.to_string(),
        "--reference",
        "TRF-5",
    ]);
    let table = t.ok(&["payout", "schedule"]);
    let totals = table.find("Totals").expect("totals after the rows");
    let chart = table.find("Falling due per week").expect("a weekly chart");
    assert!(
        table.find("claim_id").unwrap() < totals && totals < chart,
        "{table}"
    );
    let totals_part = &table[totals..chart];
    // Per status: alpha blocked (1000.00); bravo, charlie, delta ready
    // (1050.00 + 1200.00 + 1000.00); echo paid (1000.00). Per currency: all.
    for expected in [
        "blocked", "ready", "paid", "total", "3250.00", "5250.00", "NOK",
    ] {
        assert!(
            totals_part.contains(expected),
            "{expected} in {totals_part}"
        );
    }
    let chart_part = &table[chart..];
    // Unpaid amounts all fall due in the week of 2016-03-31 (ISO week 13).
    assert!(chart_part.contains("2016-W13 2016-03-28"), "{chart_part}");
    assert!(chart_part.contains("4250.00"), "{chart_part}");
    assert!(chart_part.contains('█'), "{chart_part}");

    // JSON and CSV carry the rows only.
    let csv = t.ok(&["payout", "schedule", "--format", "csv"]);
    assert!(!csv.contains("Totals") && !csv.contains('█'));
    assert_eq!(csv.lines().count(), 6);
    assert_eq!(
        csv.lines().next().unwrap(),
        "claim_id,offer,reseller_id,amount,provisional,currency,payout_currency,earliest_on,pay_by,status,blocker,paid_on,reference"
    );
    assert_eq!(schedule(&t).len(), 5);
}

#[test]
fn export_payouts_gives_the_schedule_rows() {
    let mut t = calculated();
    t.set_today("2016-02-04");
    t.ok(&[
        "payout",
        "record",
        &ECHO.to_string(),
        "--reference",
        "TRF-5",
    ]);
    let exported: Value =
        serde_json::from_str(&t.ok(&["export", "payouts", "--format", "json"])).unwrap();
    assert_eq!(exported.as_array().unwrap(), &schedule(&t));
    let csv = t.ok(&["export", "payouts"]);
    assert_eq!(csv, t.ok(&["payout", "schedule", "--format", "csv"]));
}

#[test]
fn deadlines_list_unpaid_claims_pay_by() {
    let mut t = calculated();
    t.set_today("2016-02-04");
    t.ok(&[
        "payout",
        "record",
        &ECHO.to_string(),
        "--reference",
        "TRF-5",
    ]);
    let payout_rows = |t: &TestLedger, within: &str| -> Vec<Value> {
        t.json(&["deadlines", "--within", within])
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["kind"] == "payout")
            .cloned()
            .collect()
    };
    t.set_today("2016-03-20");
    assert!(
        payout_rows(&t, "10").is_empty(),
        "pay_by 2016-03-31 is 11 days away"
    );
    let rows = payout_rows(&t, "14");
    assert_eq!(
        ids(&rows),
        [ALPHA, BRAVO, CHARLIE, DELTA],
        "paid claims have no deadline"
    );
    assert_eq!(rows[0]["due_on"], "2016-03-31");
    assert_eq!(rows[0]["days_left"], 11);
    assert_eq!(rows[0]["overdue"], false);
    assert_eq!(rows[0]["reseller_id"], "alpha");
    assert!(rows[0]["detail"].as_str().unwrap().contains("bank_details"));

    t.set_today("2016-04-02");
    let rows = payout_rows(&t, "0");
    assert_eq!(
        ids(&rows),
        [ALPHA, BRAVO, CHARLIE, DELTA],
        "overdue is always shown"
    );
    assert_eq!(rows[1]["days_left"], -2);
    assert_eq!(rows[1]["overdue"], true);
}
