//! Shared set-up for the notice and bank-details tests: claims brought to
//! `approved` the way a user does it, and a failed payment recorded through
//! the library (the `payout` commands are tested on their own).
#![allow(dead_code)]

use cashback::domain::claim::ClaimEvent;
use cashback::ledger::Ledger;
use cashback::ledger::claims;
use cashback::ledger::events::EventContext;
use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::common::{CSV_HEADER, TestLedger};

/// A valid Norwegian IBAN (15 characters) and other forms of it.
pub const IBAN: &str = "NO9386011117947";
pub const IBAN_SPACED: &str = "NO93 8601 1117 947";
pub const IBAN_MASKED: &str = "NO93 **** **** 947";
/// Another valid Norwegian IBAN, for replaced details.
pub const IBAN2: &str = "NO8330001234567";
pub const IBAN2_MASKED: &str = "NO83 **** **** 567";

pub fn date(text: &str) -> NaiveDate {
    text.parse().expect("test date")
}

/// A ledger holding the spec's example offer, with today 2015-07-01.
pub fn program() -> TestLedger {
    let t = TestLedger::new();
    t.add_example_offer();
    t
}

/// Registers `reseller` as `name`, imports a qualifying agreement for it,
/// submits a claim on 2015-07-01 and validates it on `approved_on`
/// (today becomes `approved_on`). Returns the claim id.
pub fn approved_claim(t: &mut TestLedger, reseller: &str, name: &str, approved_on: &str) -> i64 {
    let id = submitted_claim(t, reseller, name);
    approve(t, id, approved_on);
    id
}

/// Registers, imports and submits as a user does; the claim is
/// `submitted`, today 2015-07-01.
pub fn submitted_claim(t: &mut TestLedger, reseller: &str, name: &str) -> i64 {
    t.set_today("2015-07-01");
    let email = format!("post@{reseller}.no");
    t.ok(&[
        "reseller",
        "register",
        "--id",
        reseller,
        "--name",
        name,
        "--email",
        &email,
        "--country",
        "NO",
    ]);
    let conn = rusqlite::Connection::open(&t.path).expect("open ledger");
    let agreements: i64 = conn
        .query_row("SELECT count(*) FROM agreement_lines", [], |r| r.get(0))
        .expect("count agreement lines");
    let number = format!("V{:07}", 1_000_001 + agreements);
    let csv = format!(
        "{CSV_HEADER}\n{number},1,{reseller},C-{reseller},Kunde AS,commercial,NO,2015-07-01,Office 365 E3,cloud-open,10,10000.00,NOK,\n"
    );
    let file = t.write_file(&format!("{reseller}.csv"), &csv);
    t.ok(&["agreement", "import", file.to_str().unwrap()]);
    let claim = t.json(&[
        "claim",
        "submit",
        "--offer",
        "10at5-cloud-open",
        "--reseller",
        reseller,
        "--agreement",
        &number,
        "--accept-terms",
    ]);
    claim["id"].as_i64().expect("claim id")
}

/// Validates a submitted claim on `on` (today becomes `on`).
pub fn approve(t: &mut TestLedger, claim: i64, on: &str) {
    t.set_today(on);
    let approved = t.json(&["claim", "validate", &claim.to_string()]);
    assert_eq!(approved["status"], "approved", "{approved}");
}

/// Moves a claim along one arrow through the library, with its audit event,
/// as the command owning that arrow does.
pub fn library_transition(
    t: &TestLedger,
    claim: i64,
    event: ClaimEvent,
    on: &str,
    reason: Option<&str>,
) {
    let mut ledger = Ledger::open(&t.path, std::time::Duration::from_secs(5)).expect("open ledger");
    let context = EventContext {
        actor: "tester".into(),
        at: "2015-01-01T00:00:00.000000Z".into(),
    };
    ledger
        .write(&context, |tx, events| {
            let current = claims::get(tx, claim)?;
            claims::transition(tx, events, &current, event, date(on), reason, json!({}))?;
            Ok(())
        })
        .expect("transition");
}

/// A transfer that could not be made: payable -> payment_failed.
pub fn fail_payment(t: &mut TestLedger, claim: i64, on: &str) {
    t.set_today(on);
    library_transition(
        t,
        claim,
        ClaimEvent::PayoutFailed,
        on,
        Some("account closed"),
    );
}

/// Undoes a rejection or forfeit: the claim goes back to the state it left.
pub fn reopen(t: &mut TestLedger, claim: i64, on: &str) {
    t.set_today(on);
    t.ok(&[
        "--yes",
        "claim",
        "reopen",
        &claim.to_string(),
        "--reason",
        "entered in error",
    ]);
}

/// The claim's stored row as JSON (status, reason, cycle, bank_details_id).
pub fn claim_json(t: &TestLedger, claim: i64) -> Value {
    let conn = rusqlite::Connection::open(&t.path).expect("open ledger");
    conn.query_row(
        "SELECT status, reason, reopen_to, cycle, bank_details_id FROM claims WHERE id = ?1",
        [claim],
        |r| {
            Ok(json!({
                "status": r.get::<_, String>(0)?,
                "reason": r.get::<_, Option<String>>(1)?,
                "reopen_to": r.get::<_, Option<String>>(2)?,
                "cycle": r.get::<_, i64>(3)?,
                "bank_details_id": r.get::<_, Option<i64>>(4)?,
            }))
        },
    )
    .expect("claim row")
}

pub fn status(t: &TestLedger, claim: i64) -> String {
    claim_json(t, claim)["status"].as_str().unwrap().to_string()
}

/// Every stored event's action, entity and details, one per line.
pub fn events_text(t: &TestLedger) -> String {
    let conn = rusqlite::Connection::open(&t.path).expect("open ledger");
    let mut stmt = conn
        .prepare("SELECT action, entity, details FROM events ORDER BY seq")
        .unwrap();
    stmt.query_map([], |r| {
        Ok(format!(
            "{} {} {}",
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?
        ))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect::<Vec<_>>()
    .join("\n")
}

/// The actions of the events recorded after `seq`.
pub fn actions_after(t: &TestLedger, seq: i64) -> Vec<String> {
    let conn = rusqlite::Connection::open(&t.path).expect("open ledger");
    let mut stmt = conn
        .prepare("SELECT action FROM events WHERE seq > ?1 ORDER BY seq")
        .unwrap();
    stmt.query_map([seq], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

pub fn last_seq(t: &TestLedger) -> i64 {
    let conn = rusqlite::Connection::open(&t.path).expect("open ledger");
    conn.query_row("SELECT coalesce(max(seq), 0) FROM events", [], |r| r.get(0))
        .unwrap()
}

/// Bank details arguments for `bank submit`.
pub fn bank_args<'a>(
    claim: &'a str,
    holder: &'a str,
    holder_type: &'a str,
    iban: &'a str,
) -> Vec<&'a str> {
    vec![
        "bank",
        "submit",
        claim,
        "--holder",
        holder,
        "--holder-type",
        holder_type,
        "--iban",
        iban,
        "--bic",
        "DNBANOKK",
        "--currency",
        "NOK",
        "--address",
        "Storgata 1, 0155 Oslo",
    ]
}

/// Parses a JSON error object from stderr.
pub fn json_error(stderr: &str) -> Value {
    serde_json::from_str(stderr.trim()).expect("one JSON error object on stderr")
}

pub fn rule_ids(error: &Value) -> Vec<String> {
    error["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

/// The tables whose rows differ between two dumps of the ledger.
pub fn changed_tables(before: &str, after: &str) -> std::collections::BTreeSet<String> {
    let rows = |dump: &str| -> std::collections::BTreeSet<String> {
        dump.lines()
            .filter(|l| l.contains(": "))
            .map(str::to_string)
            .collect()
    };
    let (before, after) = (rows(before), rows(after));
    before
        .symmetric_difference(&after)
        .filter_map(|line| line.split(": ").next().map(str::to_string))
        .collect()
}
