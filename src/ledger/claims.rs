//! Claims: reading them, and moving one along the state diagram with its
//! audit event in the caller's transaction.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::{Value, json};

use crate::domain::claim::{ClaimEvent, ClaimStatus, next_status, refusal};
use crate::domain::eligibility::InvoiceState;
use crate::error::Failure;
use crate::ledger::EventSink;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub id: i64,
    pub offer_code: String,
    pub reseller_id: String,
    pub agreement_number: String,
    pub status: ClaimStatus,
    pub submitted_on: NaiveDate,
    pub terms_version: String,
    /// Fixed by `calculate`, in the offer currency's minor units.
    pub amount_minor: Option<i64>,
    pub calculated_on: Option<NaiveDate>,
    pub reason: Option<String>,
    /// The state a rejected or forfeited claim left, restored by reopen.
    pub reopen_to: Option<ClaimStatus>,
    /// The current notice cycle (0 before the first).
    pub cycle: i64,
    pub bank_details_id: Option<i64>,
}

impl Claim {
    pub fn entity(&self) -> String {
        entity(self.id)
    }
}

/// The audit entity of a claim: `claim:12`.
pub fn entity(id: i64) -> String {
    format!("claim:{id}")
}

pub const CLAIM_COLUMNS: &str =
    "id, offer_code, reseller_id, agreement_number, status, submitted_on, terms_version,
     amount_minor, calculated_on, reason, reopen_to, cycle, bank_details_id";

fn status_from(text: String, column: usize) -> rusqlite::Result<ClaimStatus> {
    text.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, e.into())
    })
}

pub fn claim_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Claim> {
    let reopen_to: Option<String> = row.get(10)?;
    Ok(Claim {
        id: row.get(0)?,
        offer_code: row.get(1)?,
        reseller_id: row.get(2)?,
        agreement_number: row.get(3)?,
        status: status_from(row.get(4)?, 4)?,
        submitted_on: row.get(5)?,
        terms_version: row.get(6)?,
        amount_minor: row.get(7)?,
        calculated_on: row.get(8)?,
        reason: row.get(9)?,
        reopen_to: reopen_to.map(|t| status_from(t, 10)).transpose()?,
        cycle: row.get(11)?,
        bank_details_id: row.get(12)?,
    })
}

pub fn find(conn: &Connection, id: i64) -> rusqlite::Result<Option<Claim>> {
    conn.query_row(
        &format!("SELECT {CLAIM_COLUMNS} FROM claims WHERE id = ?1"),
        [id],
        claim_from_row,
    )
    .optional()
}

/// The claim, or exit 3 naming it.
pub fn get(conn: &Connection, id: i64) -> anyhow::Result<Claim> {
    find(conn, id)?.ok_or_else(|| Failure::NotFound(format!("no claim {id}")).into())
}

/// Moves a claim along one arrow of the diagram (or refuses with
/// `claim.state`), records `event.action()` with `from`, `to`, the reason
/// and any extra details, and starts a new notice cycle where the diagram
/// says so. Returns the claim as it now is.
#[allow(clippy::too_many_arguments)]
pub fn transition(
    tx: &Transaction<'_>,
    events: &mut EventSink<'_>,
    claim: &Claim,
    event: ClaimEvent,
    date: NaiveDate,
    reason: Option<&str>,
    extra: Value,
) -> anyhow::Result<Claim> {
    let to = next_status(claim.status, event)
        .ok_or_else(|| Failure::rule("claim.state", refusal(claim.status, event)))?;
    let mut updated = claim.clone();
    updated.status = to;
    if matches!(to, ClaimStatus::Rejected | ClaimStatus::Forfeited) {
        updated.reopen_to = Some(claim.status);
        updated.reason = reason.map(str::to_string);
    }
    if let ClaimEvent::Reopen { .. } = event {
        updated.reopen_to = None;
        updated.reason = None;
        updated.cycle += 1;
    } else if to.starts_notice_cycle() && to != claim.status {
        updated.cycle += 1;
    }
    tx.execute(
        "UPDATE claims SET status = ?2, reason = ?3, reopen_to = ?4, cycle = ?5 WHERE id = ?1",
        params![
            updated.id,
            updated.status.as_str(),
            updated.reason,
            updated.reopen_to.map(|s| s.as_str()),
            updated.cycle
        ],
    )?;
    let mut details = json!({"from": claim.status.as_str(), "to": to.as_str()});
    if let Some(reason) = reason {
        details["reason"] = json!(reason);
    }
    if let Value::Object(extra) = extra {
        for (key, value) in extra {
            details[key] = value;
        }
    }
    events.record(tx, date, event.action(), &claim.entity(), details)?;
    Ok(updated)
}

/// The id of the reseller's claim on an offer, in any state.
pub fn find_for(
    conn: &Connection,
    offer_code: &str,
    reseller_id: &str,
) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "SELECT id FROM claims WHERE offer_code = ?1 AND reseller_id = ?2",
        [offer_code, reseller_id],
        |row| row.get(0),
    )
    .optional()
}

/// Records a new claim in `submitted`; returns its id.
pub fn insert(
    tx: &Transaction<'_>,
    offer_code: &str,
    reseller_id: &str,
    agreement_number: &str,
    submitted_on: NaiveDate,
    terms_version: &str,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO claims (offer_code, reseller_id, agreement_number, status, submitted_on, terms_version)
         VALUES (?1, ?2, ?3, 'submitted', ?4, ?5)",
        params![offer_code, reseller_id, agreement_number, submitted_on, terms_version],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Claims in id order, filtered by offer, reseller and status where given.
pub fn list(
    conn: &Connection,
    offer_code: Option<&str>,
    reseller_id: Option<&str>,
    status: Option<ClaimStatus>,
) -> rusqlite::Result<Vec<Claim>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {CLAIM_COLUMNS} FROM claims
         WHERE (?1 IS NULL OR offer_code = ?1)
           AND (?2 IS NULL OR reseller_id = ?2)
           AND (?3 IS NULL OR status = ?3)
         ORDER BY id"
    ))?;
    stmt.query_map(
        params![offer_code, reseller_id, status.map(|s| s.as_str())],
        claim_from_row,
    )?
    .collect()
}

/// The offer's claims that `calculate` fixes: approved, payable or
/// payment_failed, without an amount yet.
pub fn to_calculate(conn: &Connection, offer_code: &str) -> rusqlite::Result<Vec<Claim>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {CLAIM_COLUMNS} FROM claims
         WHERE offer_code = ?1 AND amount_minor IS NULL
           AND status IN ('approved', 'payable', 'payment_failed')
         ORDER BY id"
    ))?;
    stmt.query_map([offer_code], claim_from_row)?.collect()
}

/// Fixes the amounts of several claims in one statement: (claim id, amount
/// in minor units).
pub fn fix_amounts(
    tx: &Transaction<'_>,
    amounts: &[(i64, i64)],
    calculated_on: NaiveDate,
) -> rusqlite::Result<usize> {
    let list = json!(amounts).to_string();
    tx.execute(
        "UPDATE claims SET amount_minor = j.value ->> 1, calculated_on = ?2
         FROM json_each(?1) AS j
         WHERE claims.id = j.value ->> 0",
        params![list, calculated_on],
    )
}

/// Whether the customer invoice was requested and received: the latest
/// invoice notice of each claim decides.
pub fn invoice_states(
    conn: &Connection,
    claim_ids: &[i64],
) -> rusqlite::Result<std::collections::HashMap<i64, InvoiceState>> {
    let list = json!(claim_ids).to_string();
    let mut stmt = conn.prepare(
        "SELECT n.claim_id, n.sent_on, n.answered_on FROM notices AS n
         WHERE n.kind = 'invoice' AND n.claim_id IN (SELECT value FROM json_each(?1))
           AND n.id = (SELECT max(m.id) FROM notices AS m
                       WHERE m.claim_id = n.claim_id AND m.kind = 'invoice')",
    )?;
    let rows = stmt.query_map([list], |row| {
        let sent_on: NaiveDate = row.get(1)?;
        let answered_on: Option<NaiveDate> = row.get(2)?;
        let state = match answered_on {
            Some(on) => InvoiceState::Received { on },
            None => InvoiceState::Requested { on: sent_on },
        };
        Ok((row.get(0)?, state))
    })?;
    rows.collect()
}

pub fn invoice_state(conn: &Connection, claim_id: i64) -> rusqlite::Result<InvoiceState> {
    Ok(invoice_states(conn, &[claim_id])?
        .remove(&claim_id)
        .unwrap_or(InvoiceState::NotRequested))
}

/// Records an `invoice` notice for the claim's current cycle; returns its
/// number (1, 2, ... within the claim's invoice notices of that cycle).
pub fn insert_invoice_notice(
    tx: &Transaction<'_>,
    claim: &Claim,
    sent_on: NaiveDate,
) -> rusqlite::Result<i64> {
    tx.query_row(
        "INSERT INTO notices (claim_id, cycle, kind, number, sent_on)
         VALUES (?1, ?2, 'invoice',
                 (SELECT coalesce(max(number), 0) + 1 FROM notices
                  WHERE claim_id = ?1 AND kind = 'invoice' AND cycle = ?2),
                 ?3)
         RETURNING number",
        params![claim.id, claim.cycle, sent_on],
        |row| row.get(0),
    )
}

/// Answers the claim's open invoice notice with the received file (name and
/// SHA-256), if any; returns the notice's number.
pub fn answer_invoice_notice(
    tx: &Transaction<'_>,
    claim_id: i64,
    answered_on: NaiveDate,
    file: Option<(&str, &str)>,
) -> rusqlite::Result<Option<i64>> {
    tx.query_row(
        "UPDATE notices SET answered_on = ?2, file_name = ?3, file_sha256 = ?4
         WHERE id = (SELECT max(id) FROM notices
                     WHERE claim_id = ?1 AND kind = 'invoice' AND answered_on IS NULL)
         RETURNING number",
        params![claim_id, answered_on, file.map(|f| f.0), file.map(|f| f.1)],
        |row| row.get(0),
    )
    .optional()
}

/// Calls `each` with every claim in id order, one row at a time.
pub fn for_each(
    conn: &Connection,
    mut each: impl FnMut(&Claim) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut stmt = conn.prepare(&format!("SELECT {CLAIM_COLUMNS} FROM claims ORDER BY id"))?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        each(&claim_from_row(row)?)?;
    }
    Ok(())
}
