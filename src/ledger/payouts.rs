//! Payments and the payout schedule: every claim on its way to being paid
//! (or paid), its amount, dates and standing, read with a fixed number of
//! set-based queries however many claims there are.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::claim::ClaimStatus;
use crate::domain::eligibility;
use crate::domain::offer::Offer;
use crate::domain::payout::{PayoutFacts, Standing};
use crate::ledger::offers;
use crate::ledger::sales::{self, Scope, ScopeEntry};

/// One recorded payment; it stands until the transfer comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    pub id: i64,
    pub claim_id: i64,
    pub paid_on: NaiveDate,
    pub reference: String,
    pub amount_minor: i64,
    pub currency: String,
    pub bank_details_id: Option<i64>,
    pub returned_on: Option<NaiveDate>,
    pub return_reason: Option<String>,
}

const PAYMENT_COLUMNS: &str = "id, claim_id, paid_on, reference, amount_minor, currency, \
                               bank_details_id, returned_on, return_reason";

fn payment_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Payment> {
    Ok(Payment {
        id: row.get(0)?,
        claim_id: row.get(1)?,
        paid_on: row.get(2)?,
        reference: row.get(3)?,
        amount_minor: row.get(4)?,
        currency: row.get(5)?,
        bank_details_id: row.get(6)?,
        returned_on: row.get(7)?,
        return_reason: row.get(8)?,
    })
}

/// The claim's payment that stands (made and not come back), if any.
pub fn standing_payment(conn: &Connection, claim_id: i64) -> rusqlite::Result<Option<Payment>> {
    conn.query_row(
        &format!(
            "SELECT {PAYMENT_COLUMNS} FROM payments
             WHERE claim_id = ?1 AND returned_on IS NULL ORDER BY id DESC LIMIT 1"
        ),
        [claim_id],
        payment_from_row,
    )
    .optional()
}

/// Records a payment; returns it with its id.
pub fn insert_payment(tx: &Transaction<'_>, payment: &Payment) -> rusqlite::Result<Payment> {
    tx.execute(
        "INSERT INTO payments (claim_id, paid_on, reference, amount_minor, currency, bank_details_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            payment.claim_id,
            payment.paid_on,
            payment.reference,
            payment.amount_minor,
            payment.currency,
            payment.bank_details_id
        ],
    )?;
    Ok(Payment {
        id: tx.last_insert_rowid(),
        returned_on: None,
        return_reason: None,
        ..payment.clone()
    })
}

/// Marks a payment as come back; it stays in the history.
pub fn mark_returned(
    tx: &Transaction<'_>,
    payment_id: i64,
    on: NaiveDate,
    reason: &str,
) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE payments SET returned_on = ?2, return_reason = ?3 WHERE id = ?1",
        params![payment_id, on, reason],
    )?;
    Ok(())
}

/// Which claims the schedule reads.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScheduleFilter<'a> {
    pub offer: Option<&'a str>,
    pub claim: Option<i64>,
}

/// One row of the payout schedule (SPEC section 11's payout row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayoutRow {
    pub claim_id: i64,
    pub offer: String,
    pub reseller_id: String,
    /// The fixed amount, or the provisional one before `calculate`.
    pub amount_minor: i64,
    pub provisional: bool,
    /// The offer's currency: the incentive is computed and paid in it.
    pub currency: String,
    /// The reseller's preferred currency from the claim's bank details.
    pub payout_currency: Option<String>,
    pub facts: PayoutFacts,
    pub standing: Standing,
    pub paid_on: Option<NaiveDate>,
    pub reference: Option<String>,
    pub bank_details_id: Option<i64>,
}

/// What the claims query gives for one claim.
struct ClaimFacts {
    claim_id: i64,
    offer: String,
    reseller_id: String,
    status: ClaimStatus,
    amount_minor: Option<i64>,
    bank_details_id: Option<i64>,
    payout_currency: Option<String>,
    paid_on: Option<NaiveDate>,
    reference: Option<String>,
    /// The last sale date among the lines the fixed amount counted.
    counted_last_sale: Option<NaiveDate>,
    returns_changed: bool,
}

/// The provisional figures of a claim that has no fixed amount yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Provisional {
    pub amount_minor: i64,
    pub last_counted_sale: Option<NaiveDate>,
}

/// The schedule's claims (approved, payable, payment_failed, paid) with their
/// payout facts as of `today`, sorted by pay_by then claim id.
pub fn schedule(
    conn: &Connection,
    today: NaiveDate,
    filter: ScheduleFilter<'_>,
) -> anyhow::Result<Vec<PayoutRow>> {
    let claims = claim_facts(conn, filter)?;
    let offers: HashMap<String, Offer> = offers::all(conn)?
        .into_iter()
        .map(|offer| (offer.code.clone(), offer))
        .collect();

    // The provisional figures come from one aggregation per offer that has
    // uncalculated claims, never one per claim.
    let mut uncalculated: HashMap<&str, Vec<&str>> = HashMap::new();
    for claim in claims.iter().filter(|c| c.amount_minor.is_none()) {
        uncalculated
            .entry(claim.offer.as_str())
            .or_default()
            .push(claim.reseller_id.as_str());
    }
    let mut provisional: HashMap<(String, String), Provisional> = HashMap::new();
    for (code, resellers) in uncalculated {
        let offer = offers
            .get(code)
            .ok_or_else(|| anyhow::anyhow!("claim of unknown offer {code}"))?;
        for (reseller, figures) in provisional_figures(conn, offer, &resellers, today)? {
            provisional.insert((code.to_string(), reseller), figures);
        }
    }

    let mut rows = Vec::with_capacity(claims.len());
    for claim in claims {
        let offer = offers.get(&claim.offer).ok_or_else(|| {
            anyhow::anyhow!("claim {} of unknown offer {}", claim.claim_id, claim.offer)
        })?;
        let (amount_minor, last_sale) = match claim.amount_minor {
            Some(amount) => (amount, claim.counted_last_sale),
            None => {
                let figures = provisional
                    .get(&(claim.offer.clone(), claim.reseller_id.clone()))
                    .copied()
                    .unwrap_or_default();
                (figures.amount_minor, figures.last_counted_sale)
            }
        };
        let facts = PayoutFacts {
            claim_status: claim.status,
            calculated: claim.amount_minor.is_some(),
            returns_changed: claim.returns_changed,
            payment_stands: claim.paid_on.is_some(),
            earliest_on: eligibility::earliest_on(offer, last_sale),
            pay_by: eligibility::pay_by(offer),
        };
        rows.push(PayoutRow {
            claim_id: claim.claim_id,
            offer: claim.offer,
            reseller_id: claim.reseller_id,
            amount_minor,
            provisional: claim.amount_minor.is_none(),
            currency: offer.currency.clone(),
            payout_currency: claim.payout_currency,
            standing: facts.standing(today),
            facts,
            paid_on: claim.paid_on,
            reference: claim.reference,
            bank_details_id: claim.bank_details_id,
        });
    }
    rows.sort_by_key(|row| (row.facts.pay_by, row.claim_id));
    Ok(rows)
}

/// The schedule row of one claim, or `None` when the claim is not on the
/// schedule (not approved, payable, payment_failed or paid).
pub fn schedule_row(
    conn: &Connection,
    today: NaiveDate,
    claim_id: i64,
) -> anyhow::Result<Option<PayoutRow>> {
    let filter = ScheduleFilter {
        offer: None,
        claim: Some(claim_id),
    };
    Ok(schedule(conn, today, filter)?.into_iter().next())
}

/// The provisional incentive and last counted sale of each reseller's claim,
/// from the one sales aggregation (evaluated as `check` does, on
/// min(today, calculation_date)).
fn provisional_figures(
    conn: &Connection,
    offer: &Offer,
    resellers: &[&str],
    today: NaiveDate,
) -> anyhow::Result<Vec<(String, Provisional)>> {
    let scope: Vec<ScopeEntry> = resellers
        .iter()
        .map(|r| ScopeEntry {
            reseller_id: r.to_string(),
            agreement_number: None,
        })
        .collect();
    let evaluated_on = eligibility::evaluation_date(offer, today);
    sales::aggregate(conn, offer, evaluated_on, Scope::Resellers(&scope))?
        .into_iter()
        .map(|sales| {
            let amount_minor = eligibility::incentive_minor(offer, &sales.figures)?;
            Ok((
                sales.reseller_id,
                Provisional {
                    amount_minor,
                    last_counted_sale: sales.figures.last_counted_sale,
                },
            ))
        })
        .collect()
}

/// One query for every claim on the schedule: its payout currency, the
/// payment that stands, and what its counted lines say (last sale date, any
/// returned since).
fn claim_facts(conn: &Connection, filter: ScheduleFilter<'_>) -> anyhow::Result<Vec<ClaimFacts>> {
    let mut stmt = conn.prepare(
        "WITH counted AS (
             SELECT cl.claim_id,
                    max(al.sale_date) AS last_sale,
                    max(al.returned_on IS NOT NULL) AS returned
             FROM claim_lines cl
             JOIN agreement_lines al
               ON al.agreement_number = cl.agreement_number AND al.line = cl.line
             GROUP BY cl.claim_id
         ),
         standing AS (
             SELECT claim_id, max(id) AS payment_id
             FROM payments WHERE returned_on IS NULL
             GROUP BY claim_id
         )
         SELECT c.id, c.offer_code, c.reseller_id, c.status, c.amount_minor, c.bank_details_id,
                bd.currency, p.paid_on, p.reference, counted.last_sale,
                coalesce(counted.returned, 0)
         FROM claims c
         LEFT JOIN bank_details bd ON bd.id = c.bank_details_id
         LEFT JOIN standing ON standing.claim_id = c.id
         LEFT JOIN payments p ON p.id = standing.payment_id
         LEFT JOIN counted ON counted.claim_id = c.id
         WHERE c.status IN ('approved', 'payable', 'payment_failed', 'paid')
           AND (?1 IS NULL OR c.offer_code = ?1)
           AND (?2 IS NULL OR c.id = ?2)",
    )?;
    let rows = stmt.query_map(params![filter.offer, filter.claim], |row| {
        let status: String = row.get(3)?;
        let status = status.parse::<ClaimStatus>().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, e.into())
        })?;
        Ok(ClaimFacts {
            claim_id: row.get(0)?,
            offer: row.get(1)?,
            reseller_id: row.get(2)?,
            status,
            amount_minor: row.get(4)?,
            bank_details_id: row.get(5)?,
            payout_currency: row.get(6)?,
            paid_on: row.get(7)?,
            reference: row.get(8)?,
            counted_last_sale: row.get(9)?,
            returns_changed: row.get(10)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
