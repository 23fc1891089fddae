//! Notices: recording and answering them, and reading claims' notice cycles
//! in one query each, for `notice`, `bank`, `sweep` and `deadlines`.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, params};

use crate::domain::claim::ClaimStatus;
use crate::domain::notices::{Cycle, NoticeKind, NoticePlace, SentNotice, is_overdue};
use crate::domain::offer::NoticeRules;
use crate::ledger::claims::{CLAIM_COLUMNS, Claim, claim_from_row};

/// One stored notice of any kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: i64,
    pub claim_id: i64,
    pub cycle: i64,
    pub kind: NoticeKind,
    pub number: u32,
    pub sent_on: NaiveDate,
    /// Always set for bank notices; invoice notices may have none.
    pub respond_by: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
}

impl Notice {
    /// The notice as the cycle rules see it.
    pub fn sent(&self) -> SentNotice {
        SentNotice {
            number: self.number,
            sent_on: self.sent_on,
            respond_by: self.respond_by.unwrap_or(self.sent_on),
            answered_on: self.answered_on,
        }
    }
}

/// A notice with whether it is overdue today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedNotice {
    pub notice: Notice,
    pub overdue: bool,
}

const NOTICE_COLUMNS: &str =
    "n.id, n.claim_id, n.cycle, n.kind, n.number, n.sent_on, n.respond_by, n.answered_on";

/// The bank kinds as SQL text, for `kind IN (...)`.
const BANK_KINDS: &str = "('bank_details', 'bank_correction')";

fn kind_from(text: String, column: usize) -> rusqlite::Result<NoticeKind> {
    NoticeKind::parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            rusqlite::types::Type::Text,
            format!("`{text}` is not a notice kind").into(),
        )
    })
}

/// Reads NOTICE_COLUMNS starting at `at`.
fn notice_from_row(row: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Notice> {
    Ok(Notice {
        id: row.get(at)?,
        claim_id: row.get(at + 1)?,
        cycle: row.get(at + 2)?,
        kind: kind_from(row.get(at + 3)?, at + 3)?,
        number: row.get(at + 4)?,
        sent_on: row.get(at + 5)?,
        respond_by: row.get(at + 6)?,
        answered_on: row.get(at + 7)?,
    })
}

/// The bank notices of a claim's current cycle.
pub fn current_cycle(conn: &Connection, claim: &Claim) -> rusqlite::Result<Cycle> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {NOTICE_COLUMNS} FROM notices n
         WHERE n.claim_id = ?1 AND n.cycle = ?2 AND n.kind IN {BANK_KINDS}
         ORDER BY n.number"
    ))?;
    let notices = stmt
        .query_map(params![claim.id, claim.cycle], |row| {
            notice_from_row(row, 0)
        })?
        .collect::<rusqlite::Result<Vec<Notice>>>()?;
    let sent: Vec<SentNotice> = notices.iter().map(Notice::sent).collect();
    Ok(Cycle::from_notices(&sent))
}

/// Records a bank notice in the claim's current cycle.
pub fn insert(
    tx: &Transaction<'_>,
    claim: &Claim,
    kind: NoticeKind,
    number: u32,
    sent_on: NaiveDate,
    respond_by: NaiveDate,
) -> rusqlite::Result<Notice> {
    tx.execute(
        "INSERT INTO notices (claim_id, cycle, kind, number, sent_on, respond_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            claim.id,
            claim.cycle,
            kind.as_str(),
            number,
            sent_on,
            respond_by
        ],
    )?;
    Ok(Notice {
        id: tx.last_insert_rowid(),
        claim_id: claim.id,
        cycle: claim.cycle,
        kind,
        number,
        sent_on,
        respond_by: Some(respond_by),
        answered_on: None,
    })
}

/// Marks the latest unanswered bank notice of the claim's current cycle
/// answered on `date`; returns it, or `None` when there is none.
pub fn answer_latest(
    tx: &Transaction<'_>,
    claim: &Claim,
    date: NaiveDate,
) -> rusqlite::Result<Option<Notice>> {
    let latest = tx
        .prepare(&format!(
            "SELECT {NOTICE_COLUMNS} FROM notices n
             WHERE n.claim_id = ?1 AND n.cycle = ?2 AND n.kind IN {BANK_KINDS}
               AND n.answered_on IS NULL
             ORDER BY n.number DESC LIMIT 1"
        ))?
        .query_map(params![claim.id, claim.cycle], |row| {
            notice_from_row(row, 0)
        })?
        .next()
        .transpose()?;
    let Some(mut notice) = latest else {
        return Ok(None);
    };
    tx.execute(
        "UPDATE notices SET answered_on = ?2 WHERE id = ?1",
        params![notice.id, date],
    )?;
    notice.answered_on = Some(date);
    Ok(Some(notice))
}

/// Every notice (bank and invoice), of one claim or all, in the order they
/// were recorded, with `overdue` as of `today`.
pub fn list(
    conn: &Connection,
    claim_id: Option<i64>,
    today: NaiveDate,
    mut each: impl FnMut(ListedNotice) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {NOTICE_COLUMNS}, c.status, c.cycle,
                n.number = (SELECT max(m.number) FROM notices m
                            WHERE m.claim_id = n.claim_id AND m.kind = n.kind
                              AND m.cycle = n.cycle)
         FROM notices n JOIN claims c ON c.id = n.claim_id
         WHERE ?1 IS NULL OR n.claim_id = ?1
         ORDER BY n.claim_id, n.id"
    ))?;
    let mut rows = stmt.query([claim_id])?;
    while let Some(row) = rows.next()? {
        let notice = notice_from_row(row, 0)?;
        let status: String = row.get(8)?;
        let status: ClaimStatus = status.parse().map_err(anyhow::Error::msg)?;
        let claim_cycle: i64 = row.get(9)?;
        let place = NoticePlace {
            kind: notice.kind,
            claim_status: status,
            in_current_cycle: notice.cycle == claim_cycle,
            is_latest: row.get(10)?,
        };
        let overdue = is_overdue(&notice.sent(), &place, today);
        each(ListedNotice { notice, overdue })?;
    }
    Ok(())
}

/// A claim that is in a notice cycle (approved or payment_failed), with its
/// offer's notice rules and the cycle so far.
#[derive(Debug, Clone)]
pub struct ClaimCycle {
    pub claim: Claim,
    pub rules: NoticeRules,
    pub cycle: Cycle,
}

/// Every approved or payment_failed claim with its current cycle, in claim
/// order: one query for the claims and their latest notices.
pub fn claims_in_cycle(conn: &Connection) -> anyhow::Result<Vec<ClaimCycle>> {
    let rules: HashMap<String, NoticeRules> = crate::ledger::offers::all(conn)?
        .into_iter()
        .map(|offer| (offer.code, offer.notices))
        .collect();
    let claim_columns = CLAIM_COLUMNS
        .split(',')
        .map(|c| format!("c.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT {claim_columns},
                (SELECT count(*) FROM notices m
                 WHERE m.claim_id = c.id AND m.cycle = c.cycle AND m.kind IN {BANK_KINDS}),
                {NOTICE_COLUMNS}
         FROM claims c
         LEFT JOIN notices n ON n.id = (
             SELECT m.id FROM notices m
             WHERE m.claim_id = c.id AND m.cycle = c.cycle AND m.kind IN {BANK_KINDS}
             ORDER BY m.number DESC LIMIT 1)
         WHERE c.status IN ('approved', 'payment_failed')
         ORDER BY c.id"
    ))?;
    let mut rows = stmt.query([])?;
    let mut cycles = Vec::new();
    while let Some(row) = rows.next()? {
        let claim = claim_from_row(row)?;
        let sent: u32 = row.get(13)?;
        let last_id: Option<i64> = row.get(14)?;
        let last = match last_id {
            Some(_) => Some(notice_from_row(row, 14)?.sent()),
            None => None,
        };
        let rules = rules.get(&claim.offer_code).cloned().ok_or_else(|| {
            anyhow::anyhow!(
                "claim {} names offer {}, which is not in the ledger",
                claim.id,
                claim.offer_code
            )
        })?;
        cycles.push(ClaimCycle {
            claim,
            rules,
            cycle: Cycle { sent, last },
        });
    }
    Ok(cycles)
}
