//! Bank details: every version a reseller submitted (accepted or refused,
//! numbered per reseller), the current accepted one, and the claim's link
//! to the details it is to be paid to.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::bank::{BankDetails, HolderType, Iban};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BankStatus {
    Accepted,
    Refused,
}

impl BankStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            BankStatus::Accepted => "accepted",
            BankStatus::Refused => "refused",
        }
    }
}

/// One stored version of a reseller's bank details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBankDetails {
    pub id: i64,
    pub reseller_id: String,
    pub version: i64,
    /// The claim they were submitted for.
    pub claim_id: Option<i64>,
    pub details: BankDetails,
    pub submitted_on: NaiveDate,
    pub status: BankStatus,
    /// The rule ids that refused them, comma-separated.
    pub refused_by: Option<String>,
}

const COLUMNS: &str = "id, reseller_id, version, claim_id, holder, holder_type, iban, bic,
     currency, address, submitted_on, status, refused_by";

fn conversion(column: usize, text: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, text.into())
}

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<StoredBankDetails> {
    let holder_type: String = row.get(5)?;
    let status: String = row.get(11)?;
    Ok(StoredBankDetails {
        id: row.get(0)?,
        reseller_id: row.get(1)?,
        version: row.get(2)?,
        claim_id: row.get(3)?,
        details: BankDetails {
            holder: row.get(4)?,
            holder_type: HolderType::parse(&holder_type)
                .ok_or_else(|| conversion(5, format!("`{holder_type}` is not a holder type")))?,
            iban: Iban::from_stored(row.get(6)?),
            bic: row.get(7)?,
            currency: row.get(8)?,
            address: row.get(9)?,
        },
        submitted_on: row.get(10)?,
        status: match status.as_str() {
            "accepted" => BankStatus::Accepted,
            "refused" => BankStatus::Refused,
            _ => return Err(conversion(11, format!("`{status}` is not a bank status"))),
        },
        refused_by: row.get(12)?,
    })
}

/// Stores a new version of the reseller's details; returns it.
pub fn insert(
    tx: &Transaction<'_>,
    reseller_id: &str,
    claim_id: i64,
    details: &BankDetails,
    submitted_on: NaiveDate,
    status: BankStatus,
    refused_by: Option<&str>,
) -> rusqlite::Result<StoredBankDetails> {
    let version: i64 = tx.query_row(
        "SELECT coalesce(max(version), 0) + 1 FROM bank_details WHERE reseller_id = ?1",
        [reseller_id],
        |row| row.get(0),
    )?;
    tx.execute(
        "INSERT INTO bank_details (reseller_id, version, claim_id, holder, holder_type, iban, bic,
                                   currency, address, submitted_on, status, refused_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            reseller_id,
            version,
            claim_id,
            details.holder,
            details.holder_type.as_str(),
            details.iban.reveal(),
            details.bic,
            details.currency,
            details.address,
            submitted_on,
            status.as_str(),
            refused_by
        ],
    )?;
    Ok(StoredBankDetails {
        id: tx.last_insert_rowid(),
        reseller_id: reseller_id.to_string(),
        version,
        claim_id: Some(claim_id),
        details: details.clone(),
        submitted_on,
        status,
        refused_by: refused_by.map(str::to_string),
    })
}

/// The reseller's current details: the latest accepted version.
pub fn current(
    conn: &Connection,
    reseller_id: &str,
) -> rusqlite::Result<Option<StoredBankDetails>> {
    conn.query_row(
        &format!(
            "SELECT {COLUMNS} FROM bank_details
             WHERE reseller_id = ?1 AND status = 'accepted'
             ORDER BY version DESC LIMIT 1"
        ),
        [reseller_id],
        from_row,
    )
    .optional()
}

/// Every version, of one reseller or all, by reseller then version.
pub fn list(
    conn: &Connection,
    reseller_id: Option<&str>,
    mut each: impl FnMut(StoredBankDetails) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM bank_details
         WHERE ?1 IS NULL OR reseller_id = ?1
         ORDER BY reseller_id, version"
    ))?;
    let mut rows = stmt.query([reseller_id])?;
    while let Some(row) = rows.next()? {
        each(from_row(row)?)?;
    }
    Ok(())
}

/// Points the claim at the details it is to be paid to.
pub fn attach_to_claim(
    tx: &Transaction<'_>,
    claim_id: i64,
    details_id: i64,
) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE claims SET bank_details_id = ?2 WHERE id = ?1",
        params![claim_id, details_id],
    )?;
    Ok(())
}
