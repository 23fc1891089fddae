//! Agreement lines: the import's staging area and its set-based merge into
//! `agreement_lines`, and the queries behind `agreement list|show` and the
//! export.
//!
//! An import streams every valid row into a temporary table, then judges
//! what only the whole file can tell (a key repeated, header fields that
//! disagree) and merges with SQL over that table, so memory does not grow
//! with the file.

use rusqlite::{CachedStatement, Connection, OptionalExtension, Transaction, params};

use crate::domain::agreement::{ValidLine, col};

/// The stored columns, in the order of the import's columns.
const LINE_COLUMNS: &str = "agreement_number, line, reseller_id, customer_id, customer_name, \
     segment, country, sale_date, product, license_type, quantity, net_minor, currency, returned_on";

/// One stored line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredLine {
    pub agreement_number: String,
    pub line: i64,
    pub reseller_id: String,
    pub customer_id: String,
    pub customer_name: String,
    pub segment: String,
    pub country: String,
    pub sale_date: String,
    pub product: String,
    pub license_type: String,
    pub quantity: i64,
    pub net_minor: i64,
    pub currency: String,
    pub returned_on: Option<String>,
}

fn line_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<StoredLine> {
    Ok(StoredLine {
        agreement_number: row.get(0)?,
        line: row.get(1)?,
        reseller_id: row.get(2)?,
        customer_id: row.get(3)?,
        customer_name: row.get(4)?,
        segment: row.get(5)?,
        country: row.get(6)?,
        sale_date: row.get(7)?,
        product: row.get(8)?,
        license_type: row.get(9)?,
        quantity: row.get(10)?,
        net_minor: row.get(11)?,
        currency: row.get(12)?,
        returned_on: row.get(13)?,
    })
}

/// An agreement in a listing: its header and totals per currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementSummary {
    pub agreement_number: String,
    pub reseller_id: String,
    pub customer_id: String,
    pub customer_name: String,
    pub segment: String,
    pub country: String,
    pub sale_date: String,
    pub lines: i64,
    pub quantity: i64,
    pub net_minor: i64,
    pub currency: String,
    pub returned_lines: i64,
}

/// What an import did (or, dry, would do).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub new: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub rejected: i64,
}

impl ImportCounts {
    pub fn changed(&self) -> bool {
        self.new > 0 || self.updated > 0
    }
}

/// The temporary tables of one import. Creating them inside the command's
/// transaction means a refused import leaves no trace of them either.
pub fn create_staging(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "PRAGMA temp_store = FILE;
         DROP TABLE IF EXISTS temp.import_lines;
         CREATE TEMP TABLE import_lines (
             line_no          INTEGER PRIMARY KEY,
             agreement_number TEXT NOT NULL,
             line             INTEGER NOT NULL,
             reseller_id      TEXT NOT NULL,
             customer_id      TEXT NOT NULL,
             customer_name    TEXT NOT NULL,
             segment          TEXT NOT NULL,
             country          TEXT NOT NULL,
             sale_date        TEXT NOT NULL,
             product          TEXT NOT NULL,
             license_type     TEXT NOT NULL,
             quantity         INTEGER NOT NULL,
             net_minor        INTEGER NOT NULL,
             currency         TEXT NOT NULL,
             returned_on      TEXT,
             -- the numbers as read, so a rejected row is written back as it was
             line_text        TEXT NOT NULL,
             quantity_text    TEXT NOT NULL,
             net_text         TEXT NOT NULL
         );",
    )
}

/// Appends valid rows to the staging table.
pub struct Stager<'c> {
    insert: CachedStatement<'c>,
}

impl<'c> Stager<'c> {
    pub fn new(conn: &'c Connection) -> rusqlite::Result<Stager<'c>> {
        Ok(Stager {
            insert: conn.prepare_cached(
                "INSERT INTO temp.import_lines VALUES
                 (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
            )?,
        })
    }

    pub fn stage(&mut self, line_no: u64, line: &ValidLine<'_>) -> rusqlite::Result<()> {
        let f = &line.fields;
        let line_no = i64::try_from(line_no).unwrap_or(i64::MAX);
        self.insert.execute(params![
            line_no,
            f[col::AGREEMENT_NUMBER],
            line.line,
            f[col::RESELLER_ID],
            f[col::CUSTOMER_ID],
            f[col::CUSTOMER_NAME],
            f[col::SEGMENT],
            f[col::COUNTRY],
            f[col::SALE_DATE],
            f[col::PRODUCT],
            f[col::LICENSE_TYPE],
            line.quantity,
            line.net_minor,
            f[col::CURRENCY],
            line.returned_on,
            f[col::LINE],
            f[col::QUANTITY],
            f[col::NET_AMOUNT],
        ])?;
        Ok(())
    }
}

/// SQL: the row `stored` equals the row `staged` in every column.
fn same_row(stored: &str, staged: &str) -> String {
    [
        "reseller_id",
        "customer_id",
        "customer_name",
        "segment",
        "country",
        "sale_date",
        "product",
        "license_type",
        "quantity",
        "net_minor",
        "currency",
    ]
    .iter()
    .map(|c| format!("{stored}.{c} = {staged}.{c}"))
    .chain([format!("{stored}.returned_on IS {staged}.returned_on")])
    .collect::<Vec<_>>()
    .join(" AND ")
}

/// Counts the staged rows that are new, changed and unchanged against the
/// ledger.
pub fn count_staged(conn: &Connection) -> rusqlite::Result<ImportCounts> {
    let same = same_row("a", "s");
    conn.query_row(
        &format!(
            "SELECT count(*) FILTER (WHERE a.line IS NULL),
                    count(*) FILTER (WHERE a.line IS NOT NULL AND NOT ({same})),
                    count(*) FILTER (WHERE a.line IS NOT NULL AND ({same}))
             FROM temp.import_lines s
             LEFT JOIN main.agreement_lines a
                    ON a.agreement_number = s.agreement_number AND a.line = s.line"
        ),
        [],
        |row| {
            Ok(ImportCounts {
                new: row.get(0)?,
                updated: row.get(1)?,
                unchanged: row.get(2)?,
                rejected: 0,
            })
        },
    )
}

/// Writes the staged rows into the ledger: new keys inserted, changed rows
/// updated, identical rows left alone. Returns how many rows it wrote.
pub fn merge_staged(tx: &Transaction<'_>) -> rusqlite::Result<usize> {
    tx.execute(
        &format!(
            "INSERT INTO main.agreement_lines ({LINE_COLUMNS})
             SELECT {LINE_COLUMNS} FROM temp.import_lines WHERE true
             ORDER BY agreement_number, line
             ON CONFLICT (agreement_number, line) DO UPDATE SET
                 reseller_id = excluded.reseller_id, customer_id = excluded.customer_id,
                 customer_name = excluded.customer_name, segment = excluded.segment,
                 country = excluded.country, sale_date = excluded.sale_date,
                 product = excluded.product, license_type = excluded.license_type,
                 quantity = excluded.quantity, net_minor = excluded.net_minor,
                 currency = excluded.currency, returned_on = excluded.returned_on
             WHERE NOT ({})",
            same_row("agreement_lines", "excluded")
        ),
        [],
    )
}

/// Removes the staging tables (they would otherwise live until the
/// connection closes).
pub fn drop_staging(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("DROP TABLE IF EXISTS temp.import_lines;")
}

/// Every line of one agreement, by line number.
pub fn lines(conn: &Connection, number: &str) -> rusqlite::Result<Vec<StoredLine>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {LINE_COLUMNS} FROM agreement_lines WHERE agreement_number = ?1 ORDER BY line"
    ))?;
    stmt.query_map([number], line_from_row)?.collect()
}

/// Every stored line in key order, one at a time (exports).
pub fn for_each_line(
    conn: &Connection,
    mut each: impl FnMut(&StoredLine) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {LINE_COLUMNS} FROM agreement_lines ORDER BY agreement_number, line"
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        each(&line_from_row(row)?)?;
    }
    Ok(())
}

/// Agreements with their totals per currency (normally one row per
/// agreement), optionally of one reseller.
pub fn summaries(
    conn: &Connection,
    reseller: Option<&str>,
) -> rusqlite::Result<Vec<AgreementSummary>> {
    let mut stmt = conn.prepare(
        "SELECT agreement_number, min(reseller_id), min(customer_id), min(customer_name),
                min(segment), min(country), min(sale_date), count(*), sum(quantity),
                sum(net_minor), currency, count(returned_on)
         FROM agreement_lines
         WHERE ?1 IS NULL OR reseller_id = ?1
         GROUP BY agreement_number, currency
         ORDER BY agreement_number, currency",
    )?;
    stmt.query_map([reseller], |row| {
        Ok(AgreementSummary {
            agreement_number: row.get(0)?,
            reseller_id: row.get(1)?,
            customer_id: row.get(2)?,
            customer_name: row.get(3)?,
            segment: row.get(4)?,
            country: row.get(5)?,
            sale_date: row.get(6)?,
            lines: row.get(7)?,
            quantity: row.get(8)?,
            net_minor: row.get(9)?,
            currency: row.get(10)?,
            returned_lines: row.get(11)?,
        })
    })?
    .collect()
}

/// Whether any line names this reseller.
pub fn reseller_has_lines(conn: &Connection, reseller: &str) -> rusqlite::Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM agreement_lines WHERE reseller_id = ?1 LIMIT 1",
            [reseller],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}
