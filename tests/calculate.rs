//! `cashback calculate`: refused before the calculation date, fixing amounts
//! on and after it, idempotent, rejecting claims that returns pushed below a
//! threshold, and `--claim N --recalculate` after late returns.

mod claims_support;
mod common;

use claims_support::*;
use common::TestLedger;
use serde_json::{Value, json};

/// nordic-it (6 seats, 1800.00) and fjord-data (5 seats, 500.00) approved;
/// baltic-soft submitted only. Today 2015-10-02.
fn approved_claims() -> TestLedger {
    let mut ledger = ready();
    register(&ledger, "fjord-data", "post@fjord-data.no");
    register(&ledger, "baltic-soft", "post@baltic-soft.no");
    import(
        &ledger,
        &[
            sale("V2000001", 1, "fjord-data")
                .seats(3)
                .net("300.00")
                .on("2015-12-20"),
            sale("V2000001", 2, "fjord-data")
                .seats(2)
                .net("200.00")
                .on("2015-12-20"),
            sale("V3000001", 1, "baltic-soft").seats(9),
        ],
    );
    submit(&ledger);
    for (reseller, agreement) in [("fjord-data", "V2000001"), ("baltic-soft", "V3000001")] {
        ledger.ok(&[
            "claim",
            "submit",
            "--offer",
            OFFER,
            "--reseller",
            reseller,
            "--agreement",
            agreement,
            "--accept-terms",
        ]);
    }
    ledger.set_today("2015-10-02");
    ledger.ok(&["claim", "validate", "1"]);
    ledger.ok(&["claim", "validate", "2"]);
    ledger
}

fn calculate(ledger: &TestLedger) -> Value {
    ledger.json(&["calculate", "--offer", OFFER])
}

#[test]
fn refused_before_the_calculation_date() {
    let mut ledger = approved_claims();
    ledger.set_today("2016-01-30");
    let error = ledger.refused_by_rule("calculation.too_early", &["calculate", "--offer", OFFER]);
    assert!(error["message"].as_str().unwrap().contains("2016-01-31"));
    ledger.refused_by_rule(
        "calculation.too_early",
        &[
            "calculate",
            "--offer",
            OFFER,
            "--claim",
            "1",
            "--recalculate",
        ],
    );
    ledger.refused(3, &["calculate", "--offer", "no-offer"]);
}

#[test]
fn on_the_date_amounts_are_fixed_once() {
    let mut ledger = approved_claims();
    ledger.set_today("2016-01-31");
    let rows = calculate(&ledger);
    assert_eq!(
        rows,
        json!([
            {"claim_id": 1, "reseller_id": "nordic-it", "result": "fixed", "amount": "180.00",
             "currency": "NOK", "reason": null},
            {"claim_id": 2, "reseller_id": "fjord-data", "result": "fixed", "amount": "50.00",
             "currency": "NOK", "reason": null},
        ])
    );
    let claim = show(&ledger, 1);
    assert_eq!(claim["amount"], "180.00");
    assert_eq!(claim["calculated_on"], "2016-01-31");
    // the submitted claim is not calculated
    assert_eq!(show(&ledger, 3)["amount"], Value::Null);
    assert_eq!(
        query(
            &ledger,
            "SELECT claim_id || ' ' || agreement_number || ' ' || line FROM claim_lines ORDER BY 1"
        ),
        [
            "1 V1000001 1",
            "1 V1000001 2",
            "2 V2000001 1",
            "2 V2000001 2"
        ]
    );
    assert_eq!(
        query(
            &ledger,
            "SELECT count(*) FROM events WHERE action = 'claim.calculate'"
        ),
        ["2"]
    );
    // the check now shows the fixed amount
    let (_, check) = check_json(&ledger, &["--claim", "1"]);
    assert_eq!(check["incentive"], "180.00");
    assert_eq!(check["provisional"], false);
    // idempotent: nothing to do, nothing changes
    let before = ledger.dump();
    assert_eq!(calculate(&ledger), json!([]));
    assert_eq!(before, ledger.dump());
    // later sales or returns never change a fixed amount
    import(
        &ledger,
        &[sale("V1000003", 1, "nordic-it").seats(10).on("2015-12-01")],
    );
    ledger.set_today("2016-02-15");
    assert_eq!(calculate(&ledger), json!([]));
    assert_eq!(show(&ledger, 1)["amount"], "180.00");
}

#[test]
fn after_the_date_returns_count_up_to_the_calculation_date_only() {
    let mut ledger = approved_claims();
    import(
        &ledger,
        &[
            // returned after the calculation date: still counted
            sale("V1000001", 2, "nordic-it")
                .seats(2)
                .net("600.00")
                .returned("2016-02-05"),
            sale("V1000004", 1, "nordic-it")
                .seats(1)
                .net("100.05")
                .returned("2016-01-31"),
        ],
    );
    ledger.set_today("2016-02-10");
    let rows = calculate(&ledger);
    // 1800.00 counted (the 2016-01-31 return is on the calculation date)
    assert_eq!(rows[0]["amount"], "180.00");
    assert_eq!(show(&ledger, 1)["calculated_on"], "2016-02-10");
    // the late return's line is among the counted ones, so a payout can see it
    assert_eq!(
        query(
            &ledger,
            "SELECT count(*) FROM claim_lines WHERE claim_id = 1 AND agreement_number = 'V1000001'"
        ),
        ["2"]
    );
}

#[test]
fn a_claim_that_returns_took_below_a_threshold_is_rejected() {
    let mut ledger = approved_claims();
    // fjord-data's 2-seat line returned before the calculation date: 3 of 5
    import(
        &ledger,
        &[sale("V2000001", 2, "fjord-data")
            .seats(2)
            .net("200.00")
            .on("2015-12-20")
            .returned("2016-01-10")],
    );
    ledger.set_today("2016-01-31");
    let rows = calculate(&ledger);
    assert_eq!(rows[0]["result"], "fixed");
    assert_eq!(
        rows[1],
        json!({"claim_id": 2, "reseller_id": "fjord-data", "result": "rejected", "amount": null,
               "currency": "NOK", "reason": "sales.min_quantity"})
    );
    let claim = show(&ledger, 2);
    assert_eq!(claim["status"], "rejected");
    assert_eq!(claim["reason"], "sales.min_quantity");
    assert_eq!(claim["amount"], Value::Null);
    assert_eq!(
        query(&ledger, "SELECT reopen_to FROM claims WHERE id = 2"),
        ["approved"]
    );
    assert_eq!(
        query(
            &ledger,
            "SELECT count(*) FROM claim_lines WHERE claim_id = 2"
        ),
        ["0"]
    );
    let details = query(
        &ledger,
        "SELECT details FROM events WHERE entity = 'claim:2' AND action = 'claim.reject'",
    );
    assert!(
        details[0].contains("3 of 5 seats; 2 more needed"),
        "{details:?}"
    );
    // running again changes nothing
    let before = ledger.dump();
    assert_eq!(calculate(&ledger), json!([]));
    assert_eq!(before, ledger.dump());
}

#[test]
fn payable_and_payment_failed_claims_are_calculated_too() {
    let mut ledger = approved_claims();
    // the bank-details steps are another command family; set the states as they would
    let conn = rusqlite::Connection::open(&ledger.path).unwrap();
    conn.execute("UPDATE claims SET status = 'payable' WHERE id = 1", [])
        .unwrap();
    conn.execute(
        "UPDATE claims SET status = 'payment_failed' WHERE id = 2",
        [],
    )
    .unwrap();
    drop(conn);
    ledger.set_today("2016-01-31");
    let rows = calculate(&ledger);
    assert_eq!(rows.as_array().unwrap().len(), 2);
    assert_eq!(show(&ledger, 1)["status"], "payable");
    assert_eq!(show(&ledger, 2)["amount"], "50.00");
}

#[test]
fn recalculate_after_a_late_return_keeps_the_old_amount_in_the_audit_log() {
    let mut ledger = approved_claims();
    ledger.set_today("2016-01-31");
    calculate(&ledger);
    // a counted line of nordic-it is returned after the calculation
    import(
        &ledger,
        &[sale("V1000001", 1, "nordic-it")
            .seats(4)
            .net("1200.00")
            .returned("2016-02-03")],
    );
    import(
        &ledger,
        &[sale("V1000005", 1, "nordic-it")
            .seats(3)
            .net("1000.00")
            .on("2015-12-30")],
    );
    ledger.set_today("2016-02-05");
    let rows = ledger.json(&[
        "calculate",
        "--offer",
        OFFER,
        "--claim",
        "1",
        "--recalculate",
    ]);
    // 600.00 + 1000.00 counted now: 160.00
    assert_eq!(
        rows,
        json!([{"claim_id": 1, "reseller_id": "nordic-it", "result": "recalculated",
                "amount": "160.00", "currency": "NOK", "reason": null}])
    );
    let claim = show(&ledger, 1);
    assert_eq!(claim["amount"], "160.00");
    assert_eq!(claim["calculated_on"], "2016-02-05");
    let details = query(
        &ledger,
        "SELECT details FROM events WHERE action = 'claim.recalculate'",
    );
    let details: Value = serde_json::from_str(&details[0]).unwrap();
    assert_eq!(details["old_amount"], "180.00");
    assert_eq!(details["amount"], "160.00");
    assert_eq!(details["returns_until"], "2016-02-05");
    assert_eq!(
        query(
            &ledger,
            "SELECT agreement_number || ' ' || line FROM claim_lines WHERE claim_id = 1 ORDER BY 1"
        ),
        ["V1000001 2", "V1000005 1"]
    );
    // nothing changed since: reported unchanged, nothing recorded
    let before = ledger.dump();
    let rows = ledger.json(&[
        "calculate",
        "--offer",
        OFFER,
        "--claim",
        "1",
        "--recalculate",
    ]);
    assert_eq!(rows[0]["result"], "unchanged");
    assert_eq!(before, ledger.dump());
}

#[test]
fn recalculate_rejects_a_claim_now_below_a_threshold() {
    let mut ledger = approved_claims();
    ledger.set_today("2016-01-31");
    calculate(&ledger);
    import(
        &ledger,
        &[sale("V2000001", 1, "fjord-data")
            .seats(3)
            .net("300.00")
            .on("2015-12-20")
            .returned("2016-02-01")],
    );
    ledger.set_today("2016-02-02");
    let rows = ledger.json(&[
        "calculate",
        "--offer",
        OFFER,
        "--claim",
        "2",
        "--recalculate",
    ]);
    assert_eq!(rows[0]["result"], "rejected");
    assert_eq!(rows[0]["reason"], "sales.min_quantity");
    assert_eq!(show(&ledger, 2)["status"], "rejected");
    // a rejected claim is not recalculated
    ledger.refused_by_rule(
        "claim.state",
        &[
            "calculate",
            "--offer",
            OFFER,
            "--claim",
            "2",
            "--recalculate",
        ],
    );
}

#[test]
fn recalculate_names_one_claim_of_the_offer() {
    let mut ledger = approved_claims();
    add_offer_with(
        &ledger,
        &[("code = \"10at5-cloud-open\"", "code = \"other-offer\"")],
    );
    ledger.set_today("2016-02-01");
    ledger.refused(
        3,
        &[
            "calculate",
            "--offer",
            "other-offer",
            "--claim",
            "1",
            "--recalculate",
        ],
    );
    ledger.refused(
        3,
        &[
            "calculate",
            "--offer",
            OFFER,
            "--claim",
            "99",
            "--recalculate",
        ],
    );
    ledger.refused(2, &["calculate", "--offer", OFFER, "--claim", "1"]);
    ledger.refused(2, &["calculate", "--offer", OFFER, "--recalculate"]);
    // a submitted claim is not calculated
    ledger.refused_by_rule(
        "claim.state",
        &[
            "calculate",
            "--offer",
            OFFER,
            "--claim",
            "3",
            "--recalculate",
        ],
    );
}
