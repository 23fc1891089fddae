//! Offers, stored with their whole definition as JSON beside the columns
//! that queries use.

use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::offer::Offer;

fn offer_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Offer> {
    let definition: String = row.get(0)?;
    serde_json::from_str(&definition).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub fn find(conn: &Connection, code: &str) -> rusqlite::Result<Option<Offer>> {
    conn.query_row(
        "SELECT definition FROM offers WHERE code = ?1",
        [code],
        offer_from_row,
    )
    .optional()
}

pub fn all(conn: &Connection) -> rusqlite::Result<Vec<Offer>> {
    let mut stmt = conn.prepare("SELECT definition FROM offers ORDER BY code")?;
    stmt.query_map([], offer_from_row)?.collect()
}

/// Inserts or replaces an offer.
pub fn save(conn: &Connection, offer: &Offer) -> rusqlite::Result<()> {
    let definition = serde_json::to_string(offer).expect("offers serialise");
    let d = &offer.dates;
    conn.execute(
        "INSERT INTO offers (code, name, currency, terms_version, opens_on, submit_before, sales_from,
                             sales_to, calculation_date, payout_within_days, definition)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (code) DO UPDATE SET
             name = excluded.name, currency = excluded.currency, terms_version = excluded.terms_version,
             opens_on = excluded.opens_on, submit_before = excluded.submit_before,
             sales_from = excluded.sales_from, sales_to = excluded.sales_to,
             calculation_date = excluded.calculation_date,
             payout_within_days = excluded.payout_within_days, definition = excluded.definition",
        params![
            offer.code,
            offer.name,
            offer.currency,
            offer.terms_version,
            d.opens_on,
            d.submit_before,
            d.sales_from,
            d.sales_to,
            d.calculation_date,
            d.payout_within_days,
            definition
        ],
    )?;
    Ok(())
}

/// How many claims exist for an offer (in any state).
pub fn claim_count(conn: &Connection, code: &str) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM claims WHERE offer_code = ?1",
        [code],
        |row| row.get(0),
    )
}
