//! `cashback check`: every exclusion reason, new customers, the incentive
//! kinds with cap and rounding, thresholds before and after sales_to, the
//! exclusion program's range edges, the three forms and their outputs, and
//! the property that `--all` and the per-reseller check agree.

mod claims_support;
mod common;

use claims_support::*;
use common::TestLedger;
use serde_json::{Value, json};

fn what_if(ledger: &TestLedger, reseller: &str) -> (i32, Value) {
    check_json(ledger, &["--offer", OFFER, "--reseller", reseller])
}

#[test]
fn each_exclusion_reason_is_counted_under_the_first_that_fails() {
    let mut ledger = ready();
    ledger.set_today("2015-07-01");
    import(
        &ledger,
        &[
            // before the window and another product: sale_date is reported
            sale("V2000001", 1, "nordic-it")
                .on("2015-06-30")
                .product("Visio"),
            sale("V2000008", 1, "nordic-it").on("2016-01-01"),
            sale("V2000002", 1, "nordic-it")
                .product("Visio")
                .license("retail"),
            sale("V2000003", 1, "nordic-it")
                .license("retail")
                .segment("education"),
            sale("V2000004", 1, "nordic-it")
                .segment("government")
                .country("SE"),
            sale("V2000005", 1, "nordic-it")
                .country("SE")
                .currency("SEK"),
            sale("V2000006", 1, "nordic-it")
                .currency("SEK")
                .returned("2015-08-10"),
            sale("V2000007", 1, "nordic-it")
                .returned("2015-08-10")
                .seats(3),
        ],
    );
    ledger.set_today("2015-10-01");
    let (_, check) = what_if(&ledger, "nordic-it");
    let sales = &check["sales"];
    assert_eq!(sales["lines_counted"], 2);
    assert_eq!(
        sales["excluded"],
        json!({"sale_date": 2, "product": 1, "license_type": 1, "segment": 1,
               "country": 1, "currency": 1, "returned": 1})
    );
    // 4 + 2 seats, 1200.00 + 600.00
    assert_eq!(sales["quantity"], 6);
    assert_eq!(sales["net_amount"], "1800.00");
    assert_eq!(check["incentive"], "180.00");
    assert_eq!(check["provisional"], true);
    assert_eq!(check["currency"], "NOK");
}

#[test]
fn returns_are_judged_on_the_evaluation_date() {
    let mut ledger = ready();
    // returned 2015-10-15: counts until then, not on or after that day
    import(
        &ledger,
        &[sale("V1000001", 2, "nordic-it")
            .seats(2)
            .net("600.00")
            .returned("2015-10-15")],
    );
    ledger.set_today("2015-10-14");
    assert_eq!(what_if(&ledger, "nordic-it").1["sales"]["quantity"], 6);
    ledger.set_today("2015-10-15");
    let (_, check) = what_if(&ledger, "nordic-it");
    assert_eq!(check["sales"]["quantity"], 4);
    assert_eq!(check["sales"]["excluded"]["returned"], 1);
    // after the calculation date, a later return no longer matters
    import(
        &ledger,
        &[sale("V1000001", 2, "nordic-it")
            .seats(2)
            .net("600.00")
            .returned("2016-02-01")],
    );
    ledger.set_today("2016-03-01");
    assert_eq!(what_if(&ledger, "nordic-it").1["sales"]["quantity"], 6);
    import(
        &ledger,
        &[sale("V1000001", 2, "nordic-it")
            .seats(2)
            .net("600.00")
            .returned("2016-01-31")],
    );
    assert_eq!(what_if(&ledger, "nordic-it").1["sales"]["quantity"], 4);
}

#[test]
fn a_customer_first_sold_to_before_sales_from_is_not_new() {
    let mut ledger = TestLedger::new();
    add_offer_with(
        &ledger,
        &[("min_new_customers = 0", "min_new_customers = 2")],
    );
    register(&ledger, "nordic-it", "post@nordic-it.no");
    import(
        &ledger,
        &[
            // C1: an old customer (first sale 2015-06-30, another product)
            sale("V1000001", 1, "nordic-it")
                .customer("C1")
                .on("2015-06-30")
                .product("Visio"),
            sale("V1000002", 1, "nordic-it").customer("C1").seats(5),
            // C2: new, first sale on sales_from
            sale("V1000003", 1, "nordic-it")
                .customer("C2")
                .on("2015-07-01"),
            // C3: first sold to in the window, but nothing counts
            sale("V1000004", 1, "nordic-it")
                .customer("C3")
                .segment("education"),
        ],
    );
    ledger.set_today("2015-10-01");
    let (code, check) = what_if(&ledger, "nordic-it");
    assert_eq!(check["sales"]["new_customers"], 1);
    assert_eq!(
        rule(&check, "sales.min_new_customers"),
        (
            "pending",
            "1 of 2 new customers; 1 more needed (the sales window is open until 2015-12-31)"
        )
    );
    assert_eq!(code, 0, "pending is not a failure");
    ledger.set_today("2016-01-01");
    let (code, check) = what_if(&ledger, "nordic-it");
    assert_eq!(
        rule(&check, "sales.min_new_customers"),
        ("fail", "1 of 2 new customers; 1 more needed")
    );
    assert_eq!(code, 1);
    assert_eq!(check["eligible"], false);
}

#[test]
fn thresholds_are_pending_until_sales_to_then_fail() {
    let mut ledger = ready();
    add_offer_with(
        &ledger,
        &[
            ("code = \"10at5-cloud-open\"", "code = \"ten-seats\""),
            ("min_quantity = 5", "min_quantity = 10"),
            (
                "[exclusion]\nprogram = \"MRI\"\nfrom = 2015-07-01\nto = 2015-12-31\n",
                "",
            ),
        ],
    );
    import(&ledger, &[sale("V1000002", 1, "nordic-it").seats(2)]);
    let check = |ledger: &TestLedger| {
        check_json(ledger, &["--offer", "ten-seats", "--reseller", "nordic-it"])
    };
    ledger.set_today("2015-12-31");
    let (code, c) = check(&ledger);
    assert_eq!(code, 0);
    assert_eq!(
        rule(&c, "sales.min_quantity"),
        (
            "pending",
            "8 of 10 seats; 2 more needed (the sales window is open until 2015-12-31)"
        )
    );
    ledger.set_today("2016-01-01");
    let (code, c) = check(&ledger);
    assert_eq!(code, 1);
    assert_eq!(
        rule(&c, "sales.min_quantity"),
        ("fail", "8 of 10 seats; 2 more needed")
    );
    // the refusal names the failing rule and changes nothing
    let stderr = ledger.refused(
        1,
        &[
            "check",
            "--offer",
            "ten-seats",
            "--reseller",
            "nordic-it",
            "--format",
            "json",
        ],
    );
    let error: Value = serde_json::from_str(stderr.trim()).unwrap();
    assert_eq!(error["rules"][0]["id"], "sales.min_quantity");
    assert_eq!(error["recorded"], false);
    // met: passes
    import(
        &ledger,
        &[sale("V1000003", 1, "nordic-it").seats(2).on("2015-12-31")],
    );
    let (code, c) = check(&ledger);
    assert_eq!(code, 0);
    assert_eq!(
        rule(&c, "sales.min_quantity"),
        ("pass", "10 seats counted; 10 needed")
    );
}

#[test]
fn program_exclusion_overlaps_at_the_range_edges() {
    let ledger = ready();
    for (n, (id, from, to, verdict)) in [
        ("before-edge", "2015-01-01", "2015-06-30", "pass"),
        ("first-day", "2015-01-01", "2015-07-01", "fail"),
        ("last-day", "2015-12-31", "2016-06-30", "fail"),
        ("after-edge", "2016-01-01", "2016-06-30", "pass"),
    ]
    .into_iter()
    .enumerate()
    {
        register(&ledger, id, &format!("post@{id}.no"));
        import(&ledger, &[sale(&format!("V400000{n}"), 1, id).seats(5)]);
        ledger.ok(&[
            "reseller",
            "enroll",
            id,
            "--program",
            "MRI",
            "--from",
            from,
            "--to",
            to,
        ]);
        let (code, check) = what_if(&ledger, id);
        assert_eq!(
            rule(&check, "reseller.not_excluded").0,
            verdict,
            "{id}: {check}"
        );
        assert_eq!(code, if verdict == "pass" { 0 } else { 1 }, "{id}");
    }
}

#[test]
fn percent_rounds_half_away_from_zero_once_per_claim() {
    let mut ledger = ready();
    register(&ledger, "fjord-data", "post@fjord-data.no");
    // two lines of 0.05 and one of 100.00: 10 % of 100.10 = 10.01 exactly;
    // a third reseller: 10 % of 10.05 = 1.005 -> 1.01
    import(
        &ledger,
        &[
            sale("V3000001", 1, "fjord-data").net("0.05").seats(2),
            sale("V3000001", 2, "fjord-data").net("0.05").seats(2),
            sale("V3000001", 3, "fjord-data").net("100.00").seats(2),
            sale("V3000002", 1, "half-cent").net("10.05").seats(5),
        ],
    );
    ledger.set_today("2015-10-01");
    assert_eq!(what_if(&ledger, "fjord-data").1["incentive"], "10.01");
    let (_, check) = what_if(&ledger, "half-cent");
    assert_eq!(check["sales"]["net_amount"], "10.05");
    assert_eq!(check["incentive"], "1.01");
    ledger.set_today("2015-10-02");
    assert_eq!(what_if(&ledger, "half-cent").1["incentive"], "1.01");
}

fn incentive_for(incentive: &str, sales: &[Sale]) -> String {
    let mut ledger = TestLedger::new();
    add_offer_with(
        &ledger,
        &[(
            "kind = \"percent\"\nrate = \"10\"\ncap = \"100000.00\"",
            incentive,
        )],
    );
    register(&ledger, "nordic-it", "post@nordic-it.no");
    import(&ledger, sales);
    ledger.set_today("2015-10-01");
    what_if(&ledger, "nordic-it").1["incentive"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn incentive_kinds_and_caps() {
    let sales = [
        sale("V1000001", 1, "nordic-it")
            .customer("C1")
            .seats(4)
            .net("999.99"),
        sale("V1000001", 2, "nordic-it")
            .customer("C1")
            .seats(3)
            .net("0.01"),
        sale("V1000002", 1, "nordic-it")
            .customer("C2")
            .seats(1)
            .net("1000.00"),
    ];
    // percent: 7.5 % of 2000.00 = 150.00
    assert_eq!(
        incentive_for("kind = \"percent\"\nrate = \"7.5\"", &sales),
        "150.00"
    );
    // percent with cap: 10 % of 2000.00 = 200.00, capped at 150.50
    assert_eq!(
        incentive_for(
            "kind = \"percent\"\nrate = \"10\"\ncap = \"150.50\"",
            &sales
        ),
        "150.50"
    );
    // percent 0.0125 % of 2000.00 = 0.25; 0.0175 % = 0.35
    assert_eq!(
        incentive_for("kind = \"percent\"\nrate = \"0.0125\"", &sales),
        "0.25"
    );
    // x.xx5: 0.00025 % of 2000.00 = 0.005 -> 0.01
    assert_eq!(
        incentive_for("kind = \"percent\"\nrate = \"0.00025\"", &sales),
        "0.01"
    );
    // per_unit: 8 seats x 12.50 = 100.00; capped at 99.99
    assert_eq!(
        incentive_for("kind = \"per_unit\"\namount = \"12.50\"", &sales),
        "100.00"
    );
    assert_eq!(
        incentive_for(
            "kind = \"per_unit\"\namount = \"12.50\"\ncap = \"99.99\"",
            &sales
        ),
        "99.99"
    );
    // flat
    assert_eq!(
        incentive_for("kind = \"flat\"\namount = \"1500\"", &sales),
        "1500.00"
    );
    assert_eq!(
        incentive_for("kind = \"flat\"\namount = \"1500\"\ncap = \"1000\"", &sales),
        "1000.00"
    );
    // per_new_customer: 2 new customers x 250.00 = 500.00; capped at 300
    assert_eq!(
        incentive_for("kind = \"per_new_customer\"\namount = \"250.00\"", &sales),
        "500.00"
    );
    assert_eq!(
        incentive_for(
            "kind = \"per_new_customer\"\namount = \"250.00\"\ncap = \"300\"",
            &sales
        ),
        "300.00"
    );
}

#[test]
fn payout_dates_follow_the_last_return_window() {
    let ledger = ready();
    // return_days 30: a sale on 2015-12-31 can be returned until 2016-01-30,
    // so the earliest payout is 2016-01-31 = calculation_date
    import(
        &ledger,
        &[sale("V1000002", 1, "nordic-it").on("2015-12-31")],
    );
    let (_, check) = what_if(&ledger, "nordic-it");
    assert_eq!(check["earliest_on"], "2016-01-31");
    assert_eq!(check["pay_by"], "2016-03-31");
    let mut ledger2 = TestLedger::new();
    add_offer_with(&ledger2, &[("return_days = 30", "return_days = 45")]);
    register(&ledger2, "nordic-it", "post@nordic-it.no");
    // 2015-12-20 + 45 + 1 = 2016-02-04
    import(
        &ledger2,
        &[sale("V1000002", 1, "nordic-it").on("2015-12-20").seats(5)],
    );
    ledger2.set_today("2015-12-21");
    let (_, check) = what_if(&ledger2, "nordic-it");
    assert_eq!(check["earliest_on"], "2016-02-04");
}

#[test]
fn a_what_if_check_has_the_fields_of_the_spec_and_claim_rules_pending() {
    let ledger = ready();
    let (code, check) = what_if(&ledger, "nordic-it");
    assert_eq!(code, 0);
    let keys: Vec<&str> = check
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "eligible",
            "offer",
            "reseller_id",
            "claim_id",
            "rules",
            "sales",
            "incentive",
            "provisional",
            "currency",
            "earliest_on",
            "pay_by"
        ]
    );
    let sales_keys: Vec<&str> = check["sales"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        sales_keys,
        [
            "lines_counted",
            "excluded",
            "quantity",
            "net_amount",
            "new_customers"
        ]
    );
    assert_eq!(check["claim_id"], Value::Null);
    assert_eq!(check["rules"].as_array().unwrap().len(), 11);
    for id in [
        "submission.window",
        "submission.terms_accepted",
        "agreement.known",
        "agreement.owned",
        "agreement.qualifies",
        "invoice.received",
    ] {
        assert_eq!(rule(&check, id).0, "pending", "{id}");
    }
    assert_eq!(rule(&check, "reseller.registered").0, "pass");
    assert_eq!(
        rule(&check, "sales.min_quantity"),
        ("pass", "6 seats counted; 5 needed")
    );
}

#[test]
fn an_unregistered_reseller_with_sales_is_checked_and_fails() {
    let ledger = ready();
    import(&ledger, &[sale("V5000001", 1, "ghost-it").seats(9)]);
    let (code, check) = what_if(&ledger, "ghost-it");
    assert_eq!(code, 1);
    assert_eq!(rule(&check, "reseller.registered").0, "fail");
    assert_eq!(rule(&check, "reseller.business_email").0, "pending");
    assert_eq!(check["sales"]["quantity"], 9);
    // no sales, no registration: not found
    ledger.refused(3, &["check", "--offer", OFFER, "--reseller", "nobody"]);
    ledger.refused(
        3,
        &[
            "check",
            "--offer",
            "no-such-offer",
            "--reseller",
            "nordic-it",
        ],
    );
    ledger.refused(3, &["check", "--claim", "42"]);
    ledger.refused(2, &["check", "--offer", OFFER]);
    ledger.refused(2, &["check"]);
}

#[test]
fn a_personal_email_fails_when_the_config_says_so() {
    let ledger = ready();
    let config = ledger.write_file(
        "personal.toml",
        "[registration]\npersonal_email_domains = [\"nordic-it.no\"]\n",
    );
    let output = ledger
        .cmd(&[
            "check",
            "--offer",
            OFFER,
            "--reseller",
            "nordic-it",
            "--format",
            "json",
        ])
        .env("CASHBACK_CONFIG", &config)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let check: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(rule(&check, "reseller.business_email").0, "fail");
}

#[test]
fn csv_is_one_row_per_rule_with_the_figures_repeated() {
    let ledger = ready();
    let text = ledger.ok(&[
        "check",
        "--offer",
        OFFER,
        "--reseller",
        "nordic-it",
        "--format",
        "csv",
    ]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name} in {header:?}"))
    };
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 11);
    assert_eq!(&rows[0][col("rules.id")], "reseller.registered");
    assert_eq!(&rows[10][col("rules.id")], "invoice.received");
    for row in &rows {
        assert_eq!(&row[col("sales.quantity")], "6");
        assert_eq!(&row[col("sales.net_amount")], "1800.00");
        assert_eq!(&row[col("sales.excluded.returned")], "0");
        assert_eq!(&row[col("incentive")], "180.00");
        assert_eq!(&row[col("eligible")], "true");
        assert_eq!(&row[col("pay_by")], "2016-03-31");
    }
    // the table form names the verdict
    let table = ledger.ok(&["check", "--offer", OFFER, "--reseller", "nordic-it"]);
    assert!(table.contains("eligible"));
    assert!(table.contains("180.00 NOK (provisional)"));
}

#[test]
fn check_all_lists_resellers_with_counted_lines() {
    let mut ledger = ready();
    ledger.set_today("2015-07-01");
    register(&ledger, "fjord-data", "post@fjord-data.no");
    import(
        &ledger,
        &[
            sale("V6000001", 1, "fjord-data").seats(2).net("50.05"),
            // a reseller whose only line does not count is not listed
            sale("V6000002", 1, "sweden-only").country("SE"),
            // an unregistered reseller with counted sales is listed, not eligible
            sale("V6000003", 1, "ghost-it").seats(7).net("700.00"),
        ],
    );
    ledger.set_today("2016-01-05");
    let rows = ledger.json(&["check", "--offer", OFFER, "--all"]);
    assert_eq!(
        rows,
        json!([
            {"reseller_id": "fjord-data", "eligible": false, "quantity": 2, "net_amount": "50.05",
             "new_customers": 1, "incentive": "5.01", "currency": "NOK"},
            {"reseller_id": "ghost-it", "eligible": false, "quantity": 7, "net_amount": "700.00",
             "new_customers": 1, "incentive": "70.00", "currency": "NOK"},
            {"reseller_id": "nordic-it", "eligible": true, "quantity": 6, "net_amount": "1800.00",
             "new_customers": 1, "incentive": "180.00", "currency": "NOK"},
        ])
    );
    let text = ledger.ok(&["check", "--offer", OFFER, "--all", "--format", "csv"]);
    assert!(text.starts_with(
        "reseller_id,eligible,quantity,net_amount,new_customers,incentive,currency\n"
    ));
    assert_eq!(text.lines().count(), 4);
    ledger.refused(3, &["check", "--offer", "nope", "--all"]);
}

#[test]
fn check_claim_reports_the_claim_rules() {
    let mut ledger = ready();
    let id = submit(&ledger);
    let (code, check) = check_json(&ledger, &["--claim", &id.to_string()]);
    assert_eq!(code, 0);
    assert_eq!(check["claim_id"], id);
    assert_eq!(check["reseller_id"], "nordic-it");
    for rule_id in [
        "submission.window",
        "submission.terms_accepted",
        "agreement.known",
        "agreement.owned",
        "agreement.qualifies",
        "invoice.received",
    ] {
        assert_eq!(rule(&check, rule_id).0, "pass", "{rule_id}");
    }
    // the named agreement stops qualifying when its lines are returned
    ledger.set_today("2015-11-01");
    import(
        &ledger,
        &[
            sale("V1000001", 1, "nordic-it")
                .seats(4)
                .net("1200.00")
                .returned("2015-10-20"),
            sale("V1000001", 2, "nordic-it")
                .seats(2)
                .net("600.00")
                .returned("2015-10-20"),
            sale("V1000009", 1, "nordic-it").seats(6),
        ],
    );
    let (code, check) = check_json(&ledger, &["--claim", &id.to_string()]);
    assert_eq!(code, 1);
    assert_eq!(rule(&check, "agreement.qualifies").0, "fail");
    assert_eq!(rule(&check, "sales.min_quantity").0, "pass");
}

mod agreement_between_all_and_one {
    //! `check --all` and the per-reseller check agree on random data, and
    //! both agree with a plain model of the counting rules.

    use std::collections::{BTreeMap, HashMap};

    use cashback::commands::check::{all_rows, what_if};
    use cashback::domain::offer::Offer;
    use cashback::io::config::Config;
    use cashback::io::offer_toml::parse_offer;
    use cashback::ledger::{Ledger, offers};
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use rusqlite::params;

    use crate::common::OFFER_TOML;

    #[derive(Debug, Clone)]
    struct Line {
        reseller: usize,
        customer: usize,
        day: i64,
        product: usize,
        segment: usize,
        country: usize,
        currency: usize,
        quantity: i64,
        net_minor: i64,
        returned_after: Option<i64>,
    }

    const RESELLERS: [&str; 4] = ["r-a", "r-b", "r-c", "r-d"];
    const PRODUCTS: [&str; 2] = ["Office 365 E3", "Visio"];
    const SEGMENTS: [&str; 2] = ["commercial", "education"];
    const COUNTRIES: [&str; 2] = ["NO", "SE"];
    const CURRENCIES: [&str; 2] = ["NOK", "SEK"];

    fn line() -> impl Strategy<Value = Line> {
        (
            0..RESELLERS.len(),
            0usize..5,
            day(),
            0..PRODUCTS.len(),
            (0..SEGMENTS.len(), 0..COUNTRIES.len(), 0..CURRENCIES.len()),
            1i64..6,
            0i64..100_000,
            proptest::option::of(0i64..120),
        )
            .prop_map(
                |(
                    reseller,
                    customer,
                    day,
                    product,
                    (segment, country, currency),
                    quantity,
                    net_minor,
                    returned_after,
                )| Line {
                    reseller,
                    customer,
                    day,
                    product,
                    segment,
                    country,
                    currency,
                    quantity,
                    net_minor,
                    returned_after,
                },
            )
    }

    /// Days after 2015-05-01, often on the edges of the sales window
    /// (2015-07-01 is day 61, 2015-12-31 day 244).
    fn day() -> impl Strategy<Value = i64> {
        prop_oneof![
            2 => 0i64..280,
            1 => prop_oneof![Just(60i64), Just(61), Just(62), Just(243), Just(244), Just(245)],
        ]
    }

    fn date(day: i64) -> NaiveDate {
        // 2015-05-01 + day: spans the window 2015-07-01..2015-12-31 and both sides
        NaiveDate::from_ymd_opt(2015, 5, 1).unwrap() + chrono::Duration::days(day)
    }

    /// (quantity, net, new customers) by the rules as written, line by line.
    fn model(offer: &Offer, lines: &[Line], today: NaiveDate) -> BTreeMap<String, (i64, i64, u64)> {
        let evaluated_on = today.min(offer.dates.calculation_date);
        let counts = |l: &Line| {
            let sold = date(l.day);
            sold >= offer.dates.sales_from
                && sold <= offer.dates.sales_to
                && offer
                    .criteria
                    .products
                    .iter()
                    .any(|p| p == PRODUCTS[l.product])
                && offer
                    .criteria
                    .segments
                    .iter()
                    .any(|s| s == SEGMENTS[l.segment])
                && offer.regions.iter().any(|r| r == COUNTRIES[l.country])
                && CURRENCIES[l.currency] == offer.currency
                && l.returned_after
                    .is_none_or(|after| sold + chrono::Duration::days(after) > evaluated_on)
        };
        let mut result: BTreeMap<String, (i64, i64, u64)> = BTreeMap::new();
        let mut customers: HashMap<(usize, usize), (NaiveDate, bool)> = HashMap::new();
        for l in lines {
            let entry = customers
                .entry((l.reseller, l.customer))
                .or_insert((date(l.day), false));
            entry.0 = entry.0.min(date(l.day));
            if counts(l) {
                entry.1 = true;
                let figures = result.entry(RESELLERS[l.reseller].to_string()).or_default();
                figures.0 += l.quantity;
                figures.1 += l.net_minor;
            }
        }
        for ((reseller, _), (first, counted)) in customers {
            if counted && first >= offer.dates.sales_from {
                result.get_mut(RESELLERS[reseller]).unwrap().2 += 1;
            }
        }
        result
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        #[test]
        fn all_and_per_reseller_agree(
            lines in proptest::collection::vec(line(), 0..60),
            registered in proptest::collection::vec(any::<bool>(), RESELLERS.len()),
            today_offset in day(),
        ) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("ledger.sqlite3");
            Ledger::create(&path, std::time::Duration::from_secs(5)).unwrap();
            let ledger = Ledger::open(&path, std::time::Duration::from_secs(5)).unwrap();
            let conn = &ledger.conn;
            let offer = parse_offer(OFFER_TOML).unwrap();
            offers::save(conn, &offer).unwrap();
            for (i, id) in RESELLERS.iter().enumerate() {
                if registered[i] {
                    conn.execute(
                        "INSERT INTO resellers VALUES (?1, 'Name AS', ?2, 'NO', '2015-01-01')",
                        params![id, format!("post@{id}.no")],
                    ).unwrap();
                }
            }
            for (n, l) in lines.iter().enumerate() {
                conn.execute(
                    "INSERT INTO agreement_lines VALUES (?1, 1, ?2, ?3, 'Customer', ?4, ?5, ?6, ?7, 'cloud-open', ?8, ?9, ?10, ?11)",
                    params![
                        format!("V{n:07}"), RESELLERS[l.reseller], format!("C{}", l.customer),
                        SEGMENTS[l.segment], COUNTRIES[l.country], date(l.day), PRODUCTS[l.product],
                        l.quantity, l.net_minor, CURRENCIES[l.currency],
                        l.returned_after.map(|after| date(l.day) + chrono::Duration::days(after)),
                    ],
                ).unwrap();
            }
            let today = date(today_offset);
            let config = Config::default();
            let rows = all_rows(conn, &config, &offer, today).unwrap();
            let expected = model(&offer, &lines, today);
            let listed: Vec<&str> = rows.iter().map(|r| r["reseller_id"].as_str().unwrap()).collect();
            let with_counted: Vec<&str> = expected.keys().map(String::as_str).collect();
            prop_assert_eq!(listed, with_counted);
            for row in &rows {
                let id = row["reseller_id"].as_str().unwrap();
                let (_, one) = what_if(conn, &config, &offer, id, today).unwrap();
                prop_assert_eq!(&row["eligible"], &one["eligible"]);
                prop_assert_eq!(&row["quantity"], &one["sales"]["quantity"]);
                prop_assert_eq!(&row["net_amount"], &one["sales"]["net_amount"]);
                prop_assert_eq!(&row["new_customers"], &one["sales"]["new_customers"]);
                prop_assert_eq!(&row["incentive"], &one["incentive"]);
                let (quantity, net_minor, new_customers) = expected[id];
                prop_assert_eq!(row["quantity"].as_i64().unwrap(), quantity);
                prop_assert_eq!(row["net_amount"].as_str().unwrap(), cashback::domain::money::format_minor(net_minor, 2));
                prop_assert_eq!(row["new_customers"].as_u64().unwrap(), new_customers);
            }
        }
    }
}
