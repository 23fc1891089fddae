//! Agreement lines: the import's staging area and its set-based merge into
//! `agreement_lines`, and the queries behind `agreement list|show` and the
//! export.
//!
//! An import streams every valid row into a temporary table, then judges
//! what only the whole file can tell (a key repeated, header fields that
//! disagree) and merges with SQL over that table, so memory does not grow
//! with the file.

use rusqlite::{CachedStatement, Connection, OptionalExtension, params};

use crate::domain::agreement::{FileCheck, FinishedAgreement, Header, ValidLine, Verdict, col};

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

/// Prepares the connection for an import: temporary tables on disk (not in
/// memory), so a large file does not grow the process.
pub fn prepare_import(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("PRAGMA temp_store = FILE;")
}

/// The temporary tables of one import. Creating them inside the command's
/// transaction means a refused import leaves no trace of them either.
pub fn create_staging(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "DROP TABLE IF EXISTS temp.import_lines;
         DROP TABLE IF EXISTS temp.import_rejects;
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
         );
         -- Invalid rows: `fields` (a JSON array, as read) for rows invalid on
         -- their own; NULL for rows the whole-file checks refused, whose
         -- fields are in import_lines.
         CREATE TEMP TABLE import_rejects (
             line_no INTEGER PRIMARY KEY,
             fields  TEXT,
             error   TEXT NOT NULL
         );",
    )
}

/// Appends rows to the staging tables.
pub struct Stager<'c> {
    insert: CachedStatement<'c>,
    reject: CachedStatement<'c>,
}

impl<'c> Stager<'c> {
    pub fn new(conn: &'c Connection) -> rusqlite::Result<Stager<'c>> {
        Ok(Stager {
            insert: conn.prepare_cached(
                "INSERT INTO temp.import_lines VALUES
                 (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
            )?,
            reject: conn.prepare_cached(
                "INSERT INTO temp.import_rejects (line_no, fields, error) VALUES (?1, ?2, ?3)",
            )?,
        })
    }

    /// A row valid on its own.
    pub fn stage(&mut self, line_no: u64, line: &ValidLine<'_>) -> rusqlite::Result<()> {
        let f = &line.fields;
        self.insert.execute(params![
            to_i64(line_no),
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

    /// A row invalid on its own, with every field as read.
    pub fn reject<'f>(
        &mut self,
        line_no: u64,
        fields: impl IntoIterator<Item = &'f str>,
        error: &str,
    ) -> rusqlite::Result<()> {
        let fields: Vec<&str> = fields.into_iter().collect();
        let fields = serde_json::to_string(&fields).expect("strings serialise");
        self.reject
            .execute(params![to_i64(line_no), fields, error])?;
        Ok(())
    }
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
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

/// SQL: the header columns equal ?2..?7.
const HEADER_EQUALS_PARAMS: &str = "reseller_id = ?2 AND customer_id = ?3 AND customer_name = ?4
     AND segment = ?5 AND country = ?6 AND sale_date = ?7";

/// How the merge pass runs.
#[derive(Debug, Clone, Copy)]
pub struct MergeOptions {
    /// Let the file correct stored header fields.
    pub amend: bool,
    /// Write to the ledger (false for a dry run or an import already refused).
    pub write: bool,
    /// Stop writing at the first refused row (the import will be refused).
    pub all_or_nothing: bool,
}

/// Runs the whole-file checks over the staged rows and merges the valid
/// ones: in one pass over the staged rows sorted by key, each joined with its
/// stored line, so repeated keys are adjacent, one agreement is judged at a
/// time, and the ledger is written in key order. Rows the checks refuse go
/// to `import_rejects`. `progress` is told how many rows were done.
pub fn check_and_merge(
    conn: &Connection,
    options: MergeOptions,
    progress: &mut dyn FnMut(u64),
) -> anyhow::Result<ImportCounts> {
    let same = same_row("a", "s");
    let mut select = conn.prepare(&format!(
        "SELECT s.line_no, s.agreement_number, s.line, s.reseller_id, s.customer_id,
                s.customer_name, s.segment, s.country, s.sale_date, s.product, s.license_type,
                s.quantity, s.net_minor, s.currency, s.returned_on,
                a.line IS NOT NULL, coalesce({same}, 0),
                coalesce(a.reseller_id, h.reseller_id), coalesce(a.customer_id, h.customer_id),
                coalesce(a.customer_name, h.customer_name), coalesce(a.segment, h.segment),
                coalesce(a.country, h.country), coalesce(a.sale_date, h.sale_date)
         FROM temp.import_lines s
         LEFT JOIN main.agreement_lines a
                ON a.agreement_number = s.agreement_number AND a.line = s.line
         LEFT JOIN main.agreement_lines h
                ON a.line IS NULL AND h.agreement_number = s.agreement_number
               AND h.line = (SELECT min(m.line) FROM main.agreement_lines m
                             WHERE m.agreement_number = s.agreement_number)
         ORDER BY s.agreement_number, s.line, s.line_no"
    ))?;
    let mut insert = conn.prepare_cached(&format!(
        "INSERT INTO main.agreement_lines ({LINE_COLUMNS})
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
    ))?;
    let mut update = conn.prepare_cached(
        "UPDATE main.agreement_lines SET reseller_id = ?3, customer_id = ?4, customer_name = ?5,
             segment = ?6, country = ?7, sale_date = ?8, product = ?9, license_type = ?10,
             quantity = ?11, net_minor = ?12, currency = ?13, returned_on = ?14
         WHERE agreement_number = ?1 AND line = ?2",
    )?;
    let mut reject = conn.prepare_cached(
        "INSERT INTO temp.import_rejects (line_no, fields, error) VALUES (?1, NULL, ?2)",
    )?;
    let mut amend = conn.prepare_cached(&format!(
        "UPDATE main.agreement_lines SET reseller_id = ?2, customer_id = ?3, customer_name = ?4,
             segment = ?5, country = ?6, sale_date = ?7
         WHERE agreement_number = ?1 AND NOT ({HEADER_EQUALS_PARAMS})"
    ))?;
    let mut count_amended = conn.prepare_cached(&format!(
        "SELECT count(*) FROM main.agreement_lines
         WHERE agreement_number = ?1 AND NOT ({HEADER_EQUALS_PARAMS})"
    ))?;

    let mut counts = ImportCounts::default();
    let mut check = FileCheck::new(options.amend);
    let mut writing = options.write;
    // Valid rows of the current agreement that the ledger holds.
    let mut group_stored = 0_i64;
    let mut done = 0_u64;
    let mut apply_amend = |finished: FinishedAgreement,
                           stored_in_file: i64,
                           writing: bool|
     -> rusqlite::Result<i64> {
        let Some(header) = finished.amend_to else {
            return Ok(0);
        };
        let [r, c, n, s, k, d] = &header;
        let values = params![finished.number, r, c, n, s, k, d];
        if writing {
            // The file's lines already carry the new values: this corrects
            // the stored lines the file does not hold.
            amend.execute(values).map(|n| n as i64)
        } else {
            let stored: i64 = count_amended.query_row(values, |row| row.get(0))?;
            Ok(stored - stored_in_file)
        }
    };

    let mut rows = select.query([])?;
    while let Some(row) = rows.next()? {
        let text = |i: usize| -> rusqlite::Result<&str> {
            row.get_ref(i)?.as_str().map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    i,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })
        };
        let line_no: i64 = row.get(0)?;
        let number = text(1)?;
        let line: i64 = row.get(2)?;
        let header: Header<'_> = [text(3)?, text(4)?, text(5)?, text(6)?, text(7)?, text(8)?];
        let is_stored: bool = row.get(15)?;
        let is_same: bool = row.get(16)?;
        let stored_header = match row.get_ref(17)? {
            rusqlite::types::ValueRef::Null => None,
            _ => Some([
                text(17)?,
                text(18)?,
                text(19)?,
                text(20)?,
                text(21)?,
                text(22)?,
            ]),
        };
        let (finished, verdict) = check.row(line_no as u64, number, line, header, stored_header);
        if let Some(finished) = finished {
            counts.updated += apply_amend(finished, group_stored, writing)?;
            group_stored = 0;
        }
        match verdict {
            Verdict::Valid => {
                if is_stored {
                    group_stored += 1;
                }
                let write = match (is_stored, is_same) {
                    (true, true) => {
                        counts.unchanged += 1;
                        None
                    }
                    (true, false) => {
                        counts.updated += 1;
                        Some(&mut update)
                    }
                    (false, _) => {
                        counts.new += 1;
                        Some(&mut insert)
                    }
                };
                if let Some(statement) = write
                    && writing
                {
                    let returned_on = match row.get_ref(14)? {
                        rusqlite::types::ValueRef::Null => None,
                        _ => Some(text(14)?),
                    };
                    statement.execute(params![
                        number,
                        line,
                        header[0],
                        header[1],
                        header[2],
                        header[3],
                        header[4],
                        header[5],
                        text(9)?,
                        text(10)?,
                        row.get::<_, i64>(11)?,
                        row.get::<_, i64>(12)?,
                        text(13)?,
                        returned_on,
                    ])?;
                }
            }
            Verdict::Repeated { first_line_no } => {
                counts.rejected += 1;
                writing &= !options.all_or_nothing;
                reject.execute(params![
                    line_no,
                    format!(
                        "line: agreement {number} line {line} appears already on line {first_line_no}; a line may appear only once"
                    )
                ])?;
            }
            Verdict::Conflict(problems) => {
                counts.rejected += 1;
                writing &= !options.all_or_nothing;
                let error: Vec<String> = problems
                    .iter()
                    .map(|p| format!("{}: {}", p.field, p.problem))
                    .collect();
                reject.execute(params![line_no, error.join("; ")])?;
            }
        }
        done += 1;
        if done.is_multiple_of(4096) {
            progress(done);
        }
    }
    if let Some(finished) = check.finish() {
        counts.updated += apply_amend(finished, group_stored, writing)?;
    }
    progress(done);
    Ok(counts)
}

/// One refused row: its physical line, the problem, and its fields as read
/// (in the file's order for a row invalid on its own, in `COLUMNS` order for
/// one the whole-file checks refused).
pub struct Reject {
    pub line_no: u64,
    pub error: String,
    pub fields: RejectFields,
}

pub enum RejectFields {
    AsRead(Vec<String>),
    Columns(Box<[String; 14]>),
}

/// How many rows were refused.
pub fn reject_count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM temp.import_rejects", [], |row| {
        row.get(0)
    })
}

/// The refused rows in file order, one at a time.
pub fn for_each_reject(
    conn: &Connection,
    limit: Option<usize>,
    mut each: impl FnMut(Reject) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut stmt = conn.prepare(
        "SELECT r.line_no, r.error, r.fields,
                s.agreement_number, s.line_text, s.reseller_id, s.customer_id, s.customer_name,
                s.segment, s.country, s.sale_date, s.product, s.license_type, s.quantity_text,
                s.net_text, s.currency, coalesce(s.returned_on, '')
         FROM temp.import_rejects r LEFT JOIN temp.import_lines s USING (line_no)
         ORDER BY r.line_no LIMIT ?1",
    )?;
    let limit = limit.map_or(-1, |l| l as i64);
    let mut rows = stmt.query([limit])?;
    while let Some(row) = rows.next()? {
        let line_no: i64 = row.get(0)?;
        let fields = match row.get::<_, Option<String>>(2)? {
            Some(json) => RejectFields::AsRead(serde_json::from_str(&json)?),
            None => {
                let mut columns: [String; 14] = Default::default();
                for (i, column) in columns.iter_mut().enumerate() {
                    *column = row.get(3 + i)?;
                }
                RejectFields::Columns(Box::new(columns))
            }
        };
        each(Reject {
            line_no: line_no as u64,
            error: row.get(1)?,
            fields,
        })?;
    }
    Ok(())
}

/// Removes the staging tables (they would otherwise live until the
/// connection closes).
pub fn drop_staging(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "DROP TABLE IF EXISTS temp.import_lines; DROP TABLE IF EXISTS temp.import_rejects;",
    )
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
