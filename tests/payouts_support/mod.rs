//! Shared set-up for the payout and calendar tests: a program whose claims
//! are brought along the way a user does it (offer add, reseller register,
//! agreement import, claim submit and validate, bank submit, calculate).
#![allow(dead_code)]

use serde_json::Value;

use crate::common::{CSV_HEADER, OFFER_TOML, TestLedger};

pub const OFFER: &str = "10at5-cloud-open";
/// Valid Norwegian IBANs.
pub const IBAN: &str = "NO9386011117947";
pub const IBAN2: &str = "NO8330001234567";

/// The spec's example offer with `return_days = 45`, so a sale late in the
/// window is returnable past the calculation date: a sale on 2015-12-20
/// gives earliest_on 2016-02-04. Calculation 2016-01-31, pay by 2016-03-31.
pub fn late_returns_offer() -> String {
    OFFER_TOML.replace("return_days = 30", "return_days = 45")
}

/// Another offer, `autumn-open`: sales to 2015-11-30, calculated on
/// 2015-12-31, pay by 2016-01-30 (30 days).
pub fn autumn_offer() -> String {
    late_returns_offer()
        .replace("code = \"10at5-cloud-open\"", "code = \"autumn-open\"")
        .replace("sales_to = 2015-12-31", "sales_to = 2015-11-30")
        .replace(
            "calculation_date = 2016-01-31",
            "calculation_date = 2015-12-31",
        )
        .replace("payout_within_days = 60", "payout_within_days = 30")
}

/// A fresh ledger with the late-returns offer; today 2015-07-01.
pub fn program() -> TestLedger {
    let t = TestLedger::new();
    add_offer(&t, "offer.toml", &late_returns_offer());
    t
}

pub fn add_offer(t: &TestLedger, file: &str, toml: &str) {
    let path = t.write_file(file, toml);
    t.ok(&["offer", "add", path.to_str().unwrap()]);
}

/// The company name a reseller id stands for: `alpha` -> `Alpha AS`.
pub fn company(reseller: &str) -> String {
    let mut name: String = reseller[..1].to_uppercase();
    name.push_str(&reseller[1..]);
    format!("{name} AS")
}

/// Registers `reseller` (business e-mail, name from `company`) on today.
pub fn register(t: &TestLedger, reseller: &str) {
    let email = format!("post@{reseller}-it.no");
    t.ok(&[
        "reseller",
        "register",
        "--id",
        reseller,
        "--name",
        &company(reseller),
        "--email",
        &email,
        "--country",
        "NO",
    ]);
}

/// One qualifying CSV line: Office 365 E3, cloud-open, commercial, NO, NOK.
pub fn sale(
    agreement: &str,
    line: u32,
    reseller: &str,
    sale_date: &str,
    quantity: u32,
    net: &str,
    returned_on: &str,
) -> String {
    format!(
        "{agreement},{line},{reseller},C-{reseller},Kunde {reseller} AS,commercial,NO,{sale_date},Office 365 E3,cloud-open,{quantity},{net},NOK,{returned_on}"
    )
}

/// Imports sales lines (with the header) on today.
pub fn import(t: &TestLedger, file: &str, lines: &[String]) {
    let mut csv = String::from(CSV_HEADER);
    for line in lines {
        csv.push('\n');
        csv.push_str(line);
    }
    csv.push('\n');
    let path = t.write_file(file, &csv);
    t.ok(&["agreement", "import", path.to_str().unwrap()]);
}

/// Submits (terms accepted) and validates a claim on today; returns its id.
pub fn approved_claim(t: &TestLedger, offer: &str, reseller: &str, agreement: &str) -> i64 {
    let claim = t.json(&[
        "claim",
        "submit",
        "--offer",
        offer,
        "--reseller",
        reseller,
        "--agreement",
        agreement,
        "--accept-terms",
    ]);
    let id = claim["id"].as_i64().expect("claim id");
    t.ok(&["claim", "validate", &id.to_string()]);
    id
}

/// Accepted bank details (preferred currency `currency`) on today.
pub fn bank_details(t: &TestLedger, claim: i64, reseller: &str, iban: &str, currency: &str) {
    t.ok(&[
        "bank",
        "submit",
        &claim.to_string(),
        "--holder",
        &company(reseller),
        "--holder-type",
        "business",
        "--iban",
        iban,
        "--bic",
        "DNBANOKK",
        "--currency",
        currency,
        "--address",
        "Storgata 1, Oslo",
    ]);
}

/// The whole schedule as JSON rows.
pub fn schedule(t: &TestLedger) -> Vec<Value> {
    t.json(&["payout", "schedule"])
        .as_array()
        .expect("schedule array")
        .clone()
}

/// One claim's schedule row.
pub fn row(t: &TestLedger, claim: i64) -> Value {
    schedule(t)
        .into_iter()
        .find(|r| r["claim_id"] == claim)
        .unwrap_or_else(|| panic!("claim {claim} is not on the schedule"))
}

/// (status, blocker) of a claim's schedule row; blocker "" when null.
pub fn standing(t: &TestLedger, claim: i64) -> (String, String) {
    let row = row(t, claim);
    (
        row["status"].as_str().unwrap().to_string(),
        row["blocker"].as_str().unwrap_or("").to_string(),
    )
}

/// A stored payment: (paid_on, reference, amount_minor, currency,
/// returned_on, return_reason).
pub type StoredPayment = (String, String, i64, String, Option<String>, Option<String>);

/// The stored payments of a claim, oldest first.
pub fn payments(t: &TestLedger, claim: i64) -> Vec<StoredPayment> {
    let conn = rusqlite::Connection::open(&t.path).expect("open ledger");
    let mut stmt = conn
        .prepare(
            "SELECT paid_on, reference, amount_minor, currency, returned_on, return_reason
             FROM payments WHERE claim_id = ?1 ORDER BY id",
        )
        .unwrap();
    stmt.query_map([claim], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// The claim's stored status.
pub fn claim_status(t: &TestLedger, claim: i64) -> String {
    t.json(&["claim", "show", &claim.to_string()])["status"]
        .as_str()
        .unwrap()
        .to_string()
}
