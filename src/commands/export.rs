//! `cashback export TABLE`: every table an auditor may need, as CSV (default)
//! or JSON, streamed row by row, to stdout or atomically to a file.

use std::io::Write;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::Value;

use crate::app::App;
use crate::cli::{ExportArgs, Format};
use crate::error::Failure;
use crate::io::files::AtomicFile;
use crate::render::{cell, flatten};

/// What an exporter gets: the ledger, the business date (for derived
/// statuses) and whether IBANs may be shown in clear.
pub struct ExportContext<'a> {
    pub conn: &'a Connection,
    pub today: NaiveDate,
    pub reveal: bool,
}

/// Receives rows one at a time, so no table is held in memory.
pub type RowSink<'s> = dyn FnMut(&Value) -> anyhow::Result<()> + 's;

pub struct ExportTable {
    pub name: &'static str,
    /// Column names, stable: scripts rely on them. Nested objects in a row
    /// are flattened to these dotted names in CSV.
    pub columns: &'static [&'static str],
    /// Holds bank details: a file written from it is 0600.
    pub private: bool,
    pub rows: fn(&ExportContext<'_>, &mut RowSink<'_>) -> anyhow::Result<()>,
}

pub const TABLES: &[ExportTable] = &[
    ExportTable {
        name: "offers",
        columns: &[
            "code",
            "name",
            "currency",
            "regions",
            "terms_version",
            "opens_on",
            "submit_before",
            "sales_from",
            "sales_to",
            "calculation_date",
            "payout_within_days",
            "criteria.products",
            "criteria.license_types",
            "criteria.segments",
            "criteria.min_quantity",
            "criteria.min_new_customers",
            "exclusion.program",
            "exclusion.from",
            "exclusion.to",
            "incentive.kind",
            "incentive.rate",
            "incentive.amount",
            "incentive.cap",
            "notices.response_days",
            "notices.max_notices",
            "returns.return_days",
        ],
        private: false,
        rows: |ctx, sink| {
            for offer in crate::ledger::offers::all(ctx.conn)? {
                sink(&super::offer::offer_detail_json(&offer))?;
            }
            Ok(())
        },
    },
    ExportTable {
        name: "resellers",
        columns: &super::reseller::COLUMNS,
        private: false,
        rows: |ctx, sink| {
            for reseller in crate::ledger::resellers::all(ctx.conn)? {
                sink(&super::reseller::reseller_json(&reseller))?;
            }
            Ok(())
        },
    },
    ExportTable {
        name: "enrollments",
        columns: &super::reseller::ENROLLMENT_COLUMNS,
        private: false,
        rows: |ctx, sink| {
            for enrollment in crate::ledger::resellers::enrollments(ctx.conn, None)? {
                sink(&super::reseller::enrollment_json(&enrollment))?;
            }
            Ok(())
        },
    },
    ExportTable {
        // The import's columns, so an export re-imports as unchanged.
        name: "agreements",
        columns: &crate::domain::agreement::COLUMNS,
        private: false,
        rows: |ctx, sink| {
            crate::ledger::agreements::for_each_line(ctx.conn, None, |line| {
                sink(&super::agreement::line_json(line))
            })
        },
    },
    ExportTable {
        name: "claims",
        columns: &super::claim::COLUMNS,
        private: false,
        rows: |ctx, sink| {
            let currencies = super::claim::offer_currencies(ctx.conn)?;
            crate::ledger::claims::for_each(ctx.conn, |claim| {
                let currency = currencies
                    .get(&claim.offer_code)
                    .map(String::as_str)
                    .unwrap_or("");
                sink(&super::claim::claim_json(claim, currency))
            })
        },
    },
    ExportTable {
        name: "notices",
        columns: &super::notice::COLUMNS,
        private: false,
        rows: |ctx, sink| {
            crate::ledger::notices::list(ctx.conn, None, ctx.today, |listed| {
                sink(&super::notice::notice_json(&listed.notice, listed.overdue))
            })
        },
    },
    ExportTable {
        name: "bank_details",
        columns: &super::bank::COLUMNS,
        private: true,
        rows: |ctx, sink| {
            crate::ledger::bank::list(ctx.conn, None, |stored| {
                sink(&super::bank::bank_details_json(&stored, ctx.reveal))
            })
        },
    },
    ExportTable {
        name: "payouts",
        columns: &super::payout::COLUMNS,
        private: false,
        rows: |ctx, sink| {
            let filter = crate::ledger::payouts::ScheduleFilter::default();
            for row in crate::ledger::payouts::schedule(ctx.conn, ctx.today, filter)? {
                sink(&super::payout::payout_row_json(&row))?;
            }
            Ok(())
        },
    },
    ExportTable {
        name: "events",
        columns: &super::audit::EVENT_COLUMNS,
        private: false,
        rows: super::audit::export_rows,
    },
];

pub fn run(app: &App, args: ExportArgs) -> anyhow::Result<()> {
    let format = if app.format_from_flag {
        app.format
    } else {
        Format::Csv
    };
    if format == Format::Table {
        return Err(Failure::Usage(
            "export writes csv or json; --format table is not an export format".into(),
        )
        .into());
    }
    let Some(table) = TABLES.iter().find(|t| t.name == args.table) else {
        let names: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
        return Err(Failure::Usage(format!(
            "unknown table `{}`; export one of: {}",
            args.table,
            names.join(", ")
        ))
        .into());
    };
    let ledger = app.ledger()?;
    let ctx = ExportContext {
        conn: &ledger.conn,
        today: app.today,
        reveal: args.reveal,
    };
    match &args.output {
        Some(path) => {
            let mut file = AtomicFile::create(path, args.reveal || table.private, false)?;
            write_table(&ctx, table, format, &mut file)?;
            file.commit()?;
            app.info(format!("exported {} to {}", table.name, path.display()));
        }
        None => {
            let mut out = std::io::stdout().lock();
            write_table(&ctx, table, format, &mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}

fn write_table(
    ctx: &ExportContext<'_>,
    table: &ExportTable,
    format: Format,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    write_rows(out, format, table.columns, |sink| (table.rows)(ctx, sink))
}

/// Streams rows as CSV (a header, then nested objects flattened to the dotted
/// `columns`) or as a JSON array, one row at a time, so no listing is held in
/// memory.
pub fn write_rows(
    out: &mut dyn Write,
    format: Format,
    columns: &[&str],
    produce: impl FnOnce(&mut RowSink<'_>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    match format {
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            writer.write_record(columns)?;
            produce(&mut |row| {
                let flat: serde_json::Map<String, Value> = flatten(row).into_iter().collect();
                writer.write_record(
                    columns
                        .iter()
                        .map(|c| flat.get(*c).map(cell).unwrap_or_default()),
                )?;
                Ok(())
            })?;
            writer.flush()?;
        }
        _ => {
            let mut first = true;
            out.write_all(b"[")?;
            produce(&mut |row| {
                out.write_all(if first { b"\n  " } else { b",\n  " })?;
                first = false;
                serde_json::to_writer(&mut *out, row)?;
                Ok(())
            })?;
            out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
        }
    }
    Ok(())
}
