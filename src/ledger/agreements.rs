//! Agreement lines: the import's staging area and its set-based merge into
//! `agreement_lines`, and the queries behind `agreement list|show` and the
//! export.
//!
//! An import streams every valid row into a temporary table, then judges
//! what only the whole file can tell (a key repeated, header fields that
//! disagree) and merges with SQL over that table, so memory does not grow
//! with the file.

use rusqlite::{CachedStatement, Connection, OptionalExtension, params};

use crate::domain::agreement::{FileCheck, FinishedAgreement, ValidLine, Verdict, col};

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

const HEADER_COLUMNS: [&str; 6] = [
    "reseller_id",
    "customer_id",
    "customer_name",
    "segment",
    "country",
    "sale_date",
];

/// How the merge runs.
#[derive(Debug, Clone, Copy)]
pub struct MergeOptions {
    /// Let the file correct stored header fields.
    pub amend: bool,
    /// Write to the ledger (false for a dry run or an import already refused).
    pub write: bool,
    /// Any refused row refuses the import: nothing is written once one is
    /// found.
    pub all_or_nothing: bool,
}

/// Judges the staged rows as a whole and merges the valid ones.
///
/// 1. One pass over the staged rows sorted by key (SQLite's external sorter)
///    joins each with its stored line, in key order: repeated keys are
///    adjacent and one agreement is judged at a time (`FileCheck`), so memory
///    holds one agreement, not the file. Refused rows go to
///    `import_rejects`, corrected headers (`--amend`) to `import_amends`,
///    and the rows are counted new, changed or unchanged.
/// 2. One UPDATE applies the corrections and one INSERT ... SELECT in key
///    order, upserting, writes the new and changed rows. Nothing is written
///    when nothing changed.
pub fn check_and_merge(
    conn: &Connection,
    options: MergeOptions,
    progress: &mut dyn FnMut(&str),
) -> anyhow::Result<ImportCounts> {
    progress("checking");
    let counts = judge(conn, options.amend)?;
    let refused = options.all_or_nothing && counts.rejected > 0;
    if options.write && !refused && counts.changed() {
        progress("writing");
        conn.execute(
            &format!(
                "UPDATE main.agreement_lines SET ({cols}) =
                     (SELECT {cols} FROM temp.import_amends m
                      WHERE m.agreement_number = agreement_lines.agreement_number)
                 WHERE agreement_number IN (SELECT agreement_number FROM temp.import_amends)",
                cols = HEADER_COLUMNS.join(", ")
            ),
            [],
        )?;
        conn.execute(
            &format!(
                "INSERT INTO main.agreement_lines ({LINE_COLUMNS})
                 SELECT {LINE_COLUMNS} FROM temp.import_lines
                 WHERE line_no NOT IN (SELECT line_no FROM temp.import_rejects)
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
        )?;
    }
    Ok(counts)
}

/// The judging pass (step 1 of `check_and_merge`).
fn judge(conn: &Connection, amend: bool) -> anyhow::Result<ImportCounts> {
    conn.execute_batch(&format!(
        "DROP TABLE IF EXISTS temp.import_amends;
         CREATE TEMP TABLE import_amends (
             agreement_number TEXT PRIMARY KEY,
             {}
         ) WITHOUT ROWID;",
        HEADER_COLUMNS
            .iter()
            .map(|c| format!("{c} TEXT NOT NULL"))
            .collect::<Vec<_>>()
            .join(", ")
    ))?;
    // Each staged row is joined with its stored line, then only what the
    // checks need is sorted: the key, the file line, the header fields, two
    // flags, and the stored header where it differs (rarely).
    let same = same_row("a", "s");
    let header_differs = HEADER_COLUMNS
        .iter()
        .map(|c| format!("a.{c} IS NOT s.{c}"))
        .collect::<Vec<_>>()
        .join(" OR ");
    let stored_if_differs = HEADER_COLUMNS
        .iter()
        .map(|c| format!("CASE WHEN {header_differs} THEN a.{c} END"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut select = conn.prepare(&format!(
        "SELECT s.line_no, s.agreement_number, s.line, s.reseller_id, s.customer_id,
                s.customer_name, s.segment, s.country, s.sale_date,
                a.line IS NOT NULL, coalesce({same}, 0), {stored_if_differs}
         FROM temp.import_lines s
         LEFT JOIN main.agreement_lines a
                ON a.agreement_number = s.agreement_number AND a.line = s.line
         ORDER BY s.agreement_number, s.line, s.line_no"
    ))?;
    // The stored header of an agreement whose first line in the file is new
    // (another stored line of it may exist).
    let mut stored_header = conn.prepare(
        "SELECT reseller_id, customer_id, customer_name, segment, country, sale_date
         FROM main.agreement_lines WHERE agreement_number = ?1 ORDER BY line LIMIT 1",
    )?;
    let mut reject = conn.prepare(
        "INSERT INTO temp.import_rejects (line_no, fields, error) VALUES (?1, NULL, ?2)",
    )?;
    let mut add_amend =
        conn.prepare("INSERT INTO temp.import_amends VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    let mut count_amended =
        conn.prepare("SELECT count(*) FROM main.agreement_lines WHERE agreement_number = ?1")?;

    let mut counts = ImportCounts::default();
    let mut check = FileCheck::new(amend);
    // Valid rows of the current agreement that the ledger holds.
    let mut group_stored = 0_i64;
    let mut finish = |finished: FinishedAgreement, stored_in_file: i64| -> rusqlite::Result<i64> {
        let Some([r, c, n, s, k, d]) = finished.amend_to else {
            return Ok(0);
        };
        add_amend.execute(params![finished.number, r, c, n, s, k, d])?;
        // Every stored line takes the new values; those in the file are
        // counted with the file's rows already.
        let stored: i64 = count_amended.query_row([&finished.number], |row| row.get(0))?;
        Ok(stored - stored_in_file)
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
        let header = [text(3)?, text(4)?, text(5)?, text(6)?, text(7)?, text(8)?];
        let is_stored: bool = row.get(9)?;
        let is_same: bool = row.get(10)?;
        let looked_up: Option<[String; 6]>;
        let stored = if !check.starts(number) {
            None
        } else if is_stored {
            // The stored line of this key: its header, unless equal to the
            // row's (then not repeated in the sort).
            match row.get_ref(11)? {
                rusqlite::types::ValueRef::Null => Some(header),
                _ => Some([
                    text(11)?,
                    text(12)?,
                    text(13)?,
                    text(14)?,
                    text(15)?,
                    text(16)?,
                ]),
            }
        } else {
            looked_up = stored_header
                .query_row([number], |r| {
                    Ok([
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ])
                })
                .optional()?;
            looked_up.as_ref().map(|h| h.each_ref().map(String::as_str))
        };
        let (finished, verdict) = check.row(line_no as u64, number, line, header, stored);
        if let Some(finished) = finished {
            counts.updated += finish(finished, group_stored)?;
            group_stored = 0;
        }
        let error = match verdict {
            Verdict::Valid => {
                match (is_stored, is_same) {
                    (true, true) => counts.unchanged += 1,
                    (true, false) => counts.updated += 1,
                    (false, _) => counts.new += 1,
                }
                group_stored += i64::from(is_stored);
                continue;
            }
            Verdict::Repeated { first_line_no } => format!(
                "line: agreement {number} line {line} appears already on line {first_line_no}; a line may appear only once"
            ),
            Verdict::Conflict(problems) => problems
                .iter()
                .map(|p| format!("{}: {}", p.field, p.problem))
                .collect::<Vec<_>>()
                .join("; "),
        };
        reject.execute(params![line_no, error])?;
        counts.rejected += 1;
    }
    if let Some(finished) = check.finish() {
        counts.updated += finish(finished, group_stored)?;
    }
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
        "DROP TABLE IF EXISTS temp.import_lines; DROP TABLE IF EXISTS temp.import_rejects;
         DROP TABLE IF EXISTS temp.import_amends;",
    )
}

/// Every line of one agreement, by line number.
pub fn lines(conn: &Connection, number: &str) -> rusqlite::Result<Vec<StoredLine>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {LINE_COLUMNS} FROM agreement_lines WHERE agreement_number = ?1 ORDER BY line"
    ))?;
    stmt.query_map([number], line_from_row)?.collect()
}

/// Every stored line, or every line of one reseller, in key order, one at a
/// time (listings and exports).
pub fn for_each_line(
    conn: &Connection,
    reseller: Option<&str>,
    mut each: impl FnMut(&StoredLine) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {LINE_COLUMNS} FROM agreement_lines WHERE ?1 IS NULL OR reseller_id = ?1
         ORDER BY agreement_number, line"
    ))?;
    let mut rows = stmt.query([reseller])?;
    while let Some(row) = rows.next()? {
        each(&line_from_row(row)?)?;
    }
    Ok(())
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
