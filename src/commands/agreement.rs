//! `cashback agreement import|list|show`.

use std::io::Read;
use std::path::Path;

use anyhow::Context;
use serde_json::{Value, json};

use crate::app::App;
use crate::cli::{AgreementCommand, AgreementListArgs, Format, ImportArgs};
use crate::domain::agreement::{COLUMNS, LineValidator};
use crate::domain::money::format_minor;
use crate::error::Failure;
use crate::io::agreements_csv::{AgreementsCsv, ReadError};
use crate::ledger::agreements::{self, AgreementSummary, ImportCounts, StoredLine};
use crate::ledger::resellers;
use crate::render::object;

pub const SUMMARY_COLUMNS: [&str; 4] = ["new", "updated", "unchanged", "rejected"];

pub const LIST_COLUMNS: [&str; 12] = [
    "agreement_number",
    "reseller_id",
    "customer_id",
    "customer_name",
    "segment",
    "country",
    "sale_date",
    "lines",
    "quantity",
    "net_amount",
    "currency",
    "returned_lines",
];

/// How many invalid rows an error message lists before giving a count.
const REPORTED_PROBLEMS: usize = 100;

pub fn run(app: &App, command: AgreementCommand) -> anyhow::Result<()> {
    match command {
        AgreementCommand::Import(args) => import(app, args),
        AgreementCommand::List(args) => list(app, args),
        AgreementCommand::Show(args) => show(app, &args.number),
    }
}

/// An amount in minor units as the decimal string of its currency.
fn amount_text(minor: i64, currency: &str) -> String {
    let digits = crate::domain::money::Currency::from_code(currency)
        .map(|c| c.minor_digits())
        .unwrap_or(2);
    format_minor(minor, digits)
}

/// One stored line as a record with the import's column names.
pub fn line_json(line: &StoredLine) -> Value {
    object([
        ("agreement_number", json!(line.agreement_number)),
        ("line", json!(line.line)),
        ("reseller_id", json!(line.reseller_id)),
        ("customer_id", json!(line.customer_id)),
        ("customer_name", json!(line.customer_name)),
        ("segment", json!(line.segment)),
        ("country", json!(line.country)),
        ("sale_date", json!(line.sale_date)),
        ("product", json!(line.product)),
        ("license_type", json!(line.license_type)),
        ("quantity", json!(line.quantity)),
        (
            "net_amount",
            json!(amount_text(line.net_minor, &line.currency)),
        ),
        ("currency", json!(line.currency)),
        ("returned_on", json!(line.returned_on)),
    ])
}

fn summary_json(summary: &AgreementSummary) -> Value {
    object([
        ("agreement_number", json!(summary.agreement_number)),
        ("reseller_id", json!(summary.reseller_id)),
        ("customer_id", json!(summary.customer_id)),
        ("customer_name", json!(summary.customer_name)),
        ("segment", json!(summary.segment)),
        ("country", json!(summary.country)),
        ("sale_date", json!(summary.sale_date)),
        ("lines", json!(summary.lines)),
        ("quantity", json!(summary.quantity)),
        (
            "net_amount",
            json!(amount_text(summary.net_minor, &summary.currency)),
        ),
        ("currency", json!(summary.currency)),
        ("returned_lines", json!(summary.returned_lines)),
    ])
}

fn counts_json(counts: &ImportCounts) -> Value {
    object([
        ("new", json!(counts.new)),
        ("updated", json!(counts.updated)),
        ("unchanged", json!(counts.unchanged)),
        ("rejected", json!(counts.rejected)),
    ])
}

fn list(app: &App, args: AgreementListArgs) -> anyhow::Result<()> {
    let ledger = app.ledger()?;
    if let Some(reseller) = &args.reseller
        && resellers::find(&ledger.conn, reseller)?.is_none()
        && !agreements::reseller_has_lines(&ledger.conn, reseller)?
    {
        return Err(Failure::NotFound(format!(
            "unknown reseller {reseller}: not registered and no agreement lines name it"
        ))
        .into());
    }
    let rows: Vec<Value> = agreements::summaries(&ledger.conn, args.reseller.as_deref())?
        .iter()
        .map(summary_json)
        .collect();
    app.print_list(&LIST_COLUMNS, &rows)
}

fn show(app: &App, number: &str) -> anyhow::Result<()> {
    let ledger = app.ledger()?;
    let lines = agreements::lines(&ledger.conn, number)?;
    let Some(first) = lines.first() else {
        return Err(Failure::NotFound(format!("unknown agreement {number}")).into());
    };
    let line_rows: Vec<Value> = lines.iter().map(line_json).collect();
    match app.format {
        // The lines in the import's columns: the agreement as a CSV to re-import.
        Format::Csv => app.print_list(&COLUMNS, &line_rows),
        Format::Json => app.print_record(&object([
            ("agreement_number", json!(first.agreement_number)),
            ("reseller_id", json!(first.reseller_id)),
            ("customer_id", json!(first.customer_id)),
            ("customer_name", json!(first.customer_name)),
            ("segment", json!(first.segment)),
            ("country", json!(first.country)),
            ("sale_date", json!(first.sale_date)),
            ("lines", Value::Array(line_rows)),
        ])),
        Format::Table => {
            app.print_record(&object([
                ("agreement_number", json!(first.agreement_number)),
                ("reseller_id", json!(first.reseller_id)),
                ("customer_id", json!(first.customer_id)),
                ("customer_name", json!(first.customer_name)),
                ("segment", json!(first.segment)),
                ("country", json!(first.country)),
                ("sale_date", json!(first.sale_date)),
            ]))?;
            app.print_list(
                &[
                    "line",
                    "product",
                    "license_type",
                    "quantity",
                    "net_amount",
                    "currency",
                    "returned_on",
                ],
                &line_rows,
            )
        }
    }
}

/// Where the rows come from, and how messages name it.
struct Input {
    name: String,
    reader: Box<dyn Read>,
}

fn open_input(path: &Path) -> anyhow::Result<Input> {
    if path.as_os_str() == "-" {
        return Ok(Input {
            name: "stdin".to_string(),
            reader: Box::new(std::io::stdin().lock()),
        });
    }
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::Invalid(format!("{}: cannot read it: {e}", path.display())))?;
    Ok(Input {
        name: path.display().to_string(),
        reader: Box::new(file),
    })
}

fn read_failure(error: ReadError) -> Failure {
    Failure::Invalid(error.to_string())
}

/// The outcome of reading and staging a whole file.
struct Staged {
    counts: ImportCounts,
    sha256: String,
    /// `FILE:LINE: field: problem` for the first invalid rows.
    problems: Vec<String>,
}

/// Reads the file into the staging table inside the command's transaction,
/// validating every row.
fn stage_file(conn: &rusqlite::Connection, app: &App, input: Input) -> anyhow::Result<Staged> {
    let name = input.name.clone();
    let mut csv = AgreementsCsv::new(input.reader, &name).map_err(read_failure)?;
    let mut validator = LineValidator::new(app.config.number_pattern.clone());
    agreements::create_staging(conn)?;
    let mut stager = agreements::Stager::new(conn)?;
    let header_len = csv.header().len();
    let mut counts = ImportCounts::default();
    let mut problems = Vec::new();
    while let Some(record) = csv.next_record().map_err(read_failure)? {
        let line_no = record.line_no;
        let Some(fields) = record.fields else {
            counts.rejected += 1;
            if problems.len() < REPORTED_PROBLEMS {
                problems.push(format!(
                    "{name}:{line_no}: record: has {} fields, the header has {}",
                    record.record.len(),
                    header_len
                ));
            }
            continue;
        };
        match validator.validate(fields) {
            Ok(valid) => stager.stage(line_no, &valid)?,
            Err(row_problems) => {
                counts.rejected += 1;
                if problems.len() < REPORTED_PROBLEMS {
                    let text: Vec<String> = row_problems
                        .iter()
                        .map(|p| format!("{}: {}", p.field, p.problem))
                        .collect();
                    problems.push(format!("{name}:{line_no}: {}", text.join("; ")));
                }
            }
        }
    }
    drop(stager);
    let (sha256, _) = csv.finish();
    Ok(Staged {
        counts,
        sha256,
        problems,
    })
}

fn import(app: &App, args: ImportArgs) -> anyhow::Result<()> {
    let input = open_input(&args.file)?;
    let file_name = input.name.clone();
    let mut ledger = app.ledger()?;
    let outcome = ledger.write(&app.event_context(), |tx, events| {
        let staged = stage_file(tx, app, input)?;
        if staged.counts.rejected > 0 {
            let mut message = format!(
                "{file_name}: {} invalid row{}; nothing was imported",
                staged.counts.rejected,
                if staged.counts.rejected == 1 { "" } else { "s" }
            );
            for problem in &staged.problems {
                message.push('\n');
                message.push_str(problem);
            }
            let unreported = staged.counts.rejected as usize - staged.problems.len();
            if unreported > 0 {
                message.push_str(&format!("\n... and {unreported} more invalid rows"));
            }
            return Err(Failure::Invalid(message).into());
        }
        let mut counts = agreements::count_staged(tx)?;
        counts.rejected = staged.counts.rejected;
        if counts.changed() {
            agreements::merge_staged(tx).context("merging the agreement lines")?;
            events.record(
                tx,
                app.today,
                "agreement.import",
                &format!("import:{file_name}"),
                json!({
                    "file": file_name,
                    "sha256": staged.sha256,
                    "new": counts.new,
                    "updated": counts.updated,
                    "unchanged": counts.unchanged,
                    "rejected": counts.rejected,
                }),
            )?;
        }
        agreements::drop_staging(tx)?;
        Ok(counts)
    })?;
    print_counts(app, &outcome)
}

fn print_counts(app: &App, counts: &ImportCounts) -> anyhow::Result<()> {
    let summary = counts_json(counts);
    match app.format {
        Format::Json => app.print_record(&summary),
        _ => app.print_list(&SUMMARY_COLUMNS, &[summary]),
    }
}
