//! Claims: reading them, and moving one along the state diagram with its
//! audit event in the caller's transaction.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::{Value, json};

use crate::domain::claim::{ClaimEvent, ClaimStatus, next_status, refusal};
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
