//! `cashback agreement import|list|show`.

use std::io::{IsTerminal, Read, Write};
use std::path::Path;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Value, json};

use crate::app::App;
use crate::cli::{AgreementCommand, AgreementListArgs, Format, ImportArgs};
use crate::domain::agreement::{COLUMNS, ERROR_COLUMN, LineValidator};
use crate::domain::money::format_minor;
use crate::error::Failure;
use crate::io::agreements_csv::{AgreementsCsv, ReadError};
use crate::io::files::AtomicFile;
use crate::ledger::agreements::{self, ImportCounts, MergeOptions, RejectFields, StoredLine};
use crate::ledger::resellers;
use crate::render::object;

pub const SUMMARY_COLUMNS: [&str; 4] = ["new", "updated", "unchanged", "rejected"];

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
    let reseller = args.reseller.as_deref();
    match app.format {
        // Streamed: a listing of a whole ledger may hold millions of lines.
        Format::Csv | Format::Json => {
            let mut out = std::io::stdout().lock();
            super::export::write_rows(&mut out, app.format, &COLUMNS, |sink| {
                agreements::for_each_line(&ledger.conn, reseller, |line| sink(&line_json(line)))
            })?;
            out.flush()?;
            Ok(())
        }
        Format::Table => {
            let mut rows = Vec::new();
            agreements::for_each_line(&ledger.conn, reseller, |line| {
                rows.push(line_json(line));
                Ok(())
            })?;
            app.print_list(&COLUMNS, &rows)
        }
    }
}

fn show(app: &App, number: &str) -> anyhow::Result<()> {
    let ledger = app.ledger()?;
    let lines = agreements::lines(&ledger.conn, number)?;
    let Some(first) = lines.first() else {
        return Err(Failure::NotFound(format!("unknown agreement {number}")).into());
    };
    let line_rows: Vec<Value> = lines.iter().map(line_json).collect();
    let mut header = object([
        ("agreement_number", json!(first.agreement_number)),
        ("reseller_id", json!(first.reseller_id)),
        ("customer_id", json!(first.customer_id)),
        ("customer_name", json!(first.customer_name)),
        ("segment", json!(first.segment)),
        ("country", json!(first.country)),
        ("sale_date", json!(first.sale_date)),
    ]);
    match app.format {
        // The lines in the import's columns: the agreement as a CSV to re-import.
        Format::Csv => app.print_list(&COLUMNS, &line_rows),
        Format::Json => {
            header["lines"] = Value::Array(line_rows);
            app.print_record(&header)
        }
        Format::Table => {
            app.print_record(&header)?;
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
    /// The size in bytes, when known (a file, not a pipe).
    size: Option<u64>,
}

fn open_input(path: &Path) -> anyhow::Result<Input> {
    if path.as_os_str() == "-" {
        return Ok(Input {
            name: "stdin".to_string(),
            reader: Box::new(std::io::stdin().lock()),
            size: None,
        });
    }
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::Invalid(format!("{}: cannot read it: {e}", path.display())))?;
    let size = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    Ok(Input {
        name: path.display().to_string(),
        reader: Box::new(file),
        size,
    })
}

fn read_failure(error: ReadError) -> Failure {
    Failure::Invalid(error.to_string())
}

/// A progress bar on stderr when it is a terminal and --quiet is not given;
/// nothing otherwise.
struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    fn new(app: &App, size: Option<u64>) -> Progress {
        let shown = !app.quiet && std::io::stderr().is_terminal();
        let bar = shown.then(|| {
            let bar = match size {
                Some(size) => ProgressBar::new(size).with_style(
                    ProgressStyle::with_template(
                        "{msg:>9} [{bar:30}] {bytes}/{total_bytes} ({eta} left)",
                    )
                    .expect("a valid template")
                    .progress_chars("=> "),
                ),
                None => ProgressBar::new_spinner().with_style(
                    ProgressStyle::with_template("{spinner} {msg} {bytes}")
                        .expect("a valid template"),
                ),
            };
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar.set_message("reading");
            bar
        });
        Progress { bar }
    }

    fn read(&self, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(bytes);
        }
    }

    /// Switches from reading to the whole-file steps, which SQLite runs
    /// without telling how far it got: a spinner naming the step.
    fn merging(&self) {
        if let Some(bar) = &self.bar {
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                    .expect("a valid template"),
            );
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
        }
    }

    fn step(&self, step: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(step.to_string());
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// What an import did, for the summary and the audit event.
struct Outcome {
    counts: ImportCounts,
    sha256: String,
}

/// Reads, checks and (unless `write` is false) merges the whole file inside
/// the command's transaction. Invalid rows refuse the import unless
/// `--skip-invalid`; the rejects file, if asked for, receives them.
fn run_import(
    conn: &rusqlite::Connection,
    app: &App,
    args: &ImportArgs,
    input: Input,
    progress: &Progress,
    rejects: Option<&mut AtomicFile>,
    write: bool,
) -> anyhow::Result<Outcome> {
    let name = input.name.clone();
    let mut csv = AgreementsCsv::new(input.reader, &name).map_err(read_failure)?;
    let header = csv.header().clone();
    let error_column = csv.error_column();
    let mut validator = LineValidator::new(app.config.number_pattern.clone());
    agreements::create_staging(conn)?;
    let mut stager = agreements::Stager::new(conn)?;
    let mut staged = 0_u64;
    let mut invalid = 0_u64;
    while let Some(record) = csv.next_record().map_err(read_failure)? {
        let line_no = record.line_no;
        let error = match record.fields {
            None => format!(
                "record: has {} fields, the header has {}",
                record.record.len(),
                header.len()
            ),
            Some(fields) => match validator.validate(fields) {
                Ok(valid) => {
                    stager.stage(line_no, &valid)?;
                    staged += 1;
                    if staged.is_multiple_of(4096) {
                        progress.read(csv.bytes_read());
                    }
                    continue;
                }
                Err(row_problems) => row_problems
                    .iter()
                    .map(|p| format!("{}: {}", p.field, p.problem))
                    .collect::<Vec<_>>()
                    .join("; "),
            },
        };
        invalid += 1;
        stager.reject(line_no, record.record.iter(), &error)?;
    }
    drop(stager);
    progress.read(csv.bytes_read());
    let (sha256, _) = csv.finish();

    progress.merging();
    let options = MergeOptions {
        amend: args.amend,
        write: write && (args.skip_invalid || invalid == 0),
        all_or_nothing: !args.skip_invalid,
    };
    let mut counts = agreements::check_and_merge(conn, options, &mut |step| progress.step(step))?;
    counts.rejected += invalid as i64;
    progress.finish();

    if counts.rejected > 0 && !args.skip_invalid {
        return Err(refusal(conn, &name, counts.rejected)?.into());
    }
    if let Some(file) = rejects {
        write_rejects(conn, file, &header, error_column)?;
    }
    agreements::drop_staging(conn)?;
    Ok(Outcome { counts, sha256 })
}

/// The refusal of an import with invalid rows: the first ones by line, then
/// how many more.
fn refusal(conn: &rusqlite::Connection, name: &str, rejected: i64) -> anyhow::Result<Failure> {
    let mut message = format!(
        "{name}: {rejected} invalid row{}; nothing was imported",
        if rejected == 1 { "" } else { "s" }
    );
    agreements::for_each_reject(conn, Some(REPORTED_PROBLEMS), |reject| {
        message.push_str(&format!("\n{name}:{}: {}", reject.line_no, reject.error));
        Ok(())
    })?;
    let unreported = rejected - (rejected.min(REPORTED_PROBLEMS as i64));
    if unreported > 0 {
        message.push_str(&format!(
            "\n... and {unreported} more invalid row{}",
            if unreported == 1 { "" } else { "s" }
        ));
    }
    Ok(Failure::Invalid(message))
}

/// Writes the refused rows: the file's header (without an `error` column)
/// plus `error`, each row's fields as read plus its problem.
fn write_rejects(
    conn: &rusqlite::Connection,
    file: &mut AtomicFile,
    header: &csv::StringRecord,
    error_column: Option<usize>,
) -> anyhow::Result<()> {
    let kept = |i: &usize| Some(*i) != error_column;
    // For each kept header column, its place in `COLUMNS`.
    let columns: Vec<usize> = (0..header.len())
        .filter(kept)
        .map(|i| COLUMNS.iter().position(|c| *c == &header[i]).unwrap_or(0))
        .collect();
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(file);
    let mut out: Vec<String> = (0..header.len())
        .filter(kept)
        .map(|i| header[i].to_string())
        .collect();
    out.push(ERROR_COLUMN.to_string());
    writer.write_record(&out)?;
    agreements::for_each_reject(conn, None, |reject| {
        out.clear();
        match reject.fields {
            RejectFields::AsRead(mut fields) => {
                if fields.len() < header.len() {
                    fields.resize(header.len(), String::new());
                }
                out.extend(
                    fields
                        .into_iter()
                        .enumerate()
                        .filter(|(i, _)| kept(i))
                        .map(|(_, f)| f),
                );
            }
            RejectFields::Columns(values) => {
                out.extend(columns.iter().map(|c| values[*c].clone()));
            }
        }
        out.push(reject.error);
        writer.write_record(&out)?;
        Ok(())
    })?;
    writer.flush()?;
    Ok(())
}

fn import(app: &App, args: ImportArgs) -> anyhow::Result<()> {
    let input = open_input(&args.file)?;
    let file_name = input.name.clone();
    let progress = Progress::new(app, input.size);
    // Refused up front when it exists; moved into place just before the
    // ledger commits, so a failure to write it leaves the ledger unchanged.
    let mut rejects = match &args.rejects {
        Some(path) => Some(AtomicFile::create(path, false, false)?),
        None => None,
    };
    let commit_rejects = |rejects: Option<AtomicFile>| -> anyhow::Result<()> {
        if let (Some(file), Some(path)) = (rejects, &args.rejects) {
            file.commit()
                .with_context(|| format!("{}: cannot write the rejects file", path.display()))?;
        }
        Ok(())
    };
    let mut ledger = app.ledger()?;
    agreements::prepare_import(&ledger.conn)?;
    let outcome = if args.dry_run {
        // Reads the ledger and writes only temporary tables; dropping the
        // transaction rolls them back.
        let tx = ledger.conn.transaction()?;
        let outcome = run_import(&tx, app, &args, input, &progress, rejects.as_mut(), false)?;
        commit_rejects(rejects.take())?;
        outcome
    } else {
        ledger.write(&app.event_context(), |tx, events| {
            let outcome = run_import(tx, app, &args, input, &progress, rejects.as_mut(), true)?;
            let counts = &outcome.counts;
            if counts.changed() {
                events
                    .record(
                        tx,
                        app.today,
                        "agreement.import",
                        &format!("import:{file_name}"),
                        json!({
                            "file": file_name,
                            "sha256": outcome.sha256,
                            "new": counts.new,
                            "updated": counts.updated,
                            "unchanged": counts.unchanged,
                            "rejected": counts.rejected,
                            "amend": args.amend,
                        }),
                    )
                    .context("recording the import")?;
            }
            commit_rejects(rejects.take())?;
            Ok(outcome)
        })?
    };
    if let Some(path) = &args.rejects {
        app.info(format!(
            "{} rejected row{} written to {}",
            outcome.counts.rejected,
            if outcome.counts.rejected == 1 {
                ""
            } else {
                "s"
            },
            path.display()
        ));
    }
    if args.dry_run {
        app.info("dry run: nothing was written to the ledger");
    }
    print_counts(app, &outcome.counts)
}

fn print_counts(app: &App, counts: &ImportCounts) -> anyhow::Result<()> {
    let summary = counts_json(counts);
    match app.format {
        Format::Json => app.print_record(&summary),
        _ => app.print_list(&SUMMARY_COLUMNS, &[summary]),
    }
}
