//! `cashback audit log|verify` and the `events` export: reading the audit
//! trail and recomputing its hash chain (SPEC section 8).

use serde_json::{Value, json};

use crate::app::App;
use crate::cli::{AuditCommand, AuditLogArgs, AuditVerifyArgs, Format};
use crate::commands::export::{ExportContext, RowSink};
use crate::error::Failure;
use crate::ledger::events::{self, ChainReport, Event, EventFilter};
use crate::render::object;

/// The event fields of SPEC section 11, in order.
pub const EVENT_COLUMNS: [&str; 8] = [
    "seq",
    "at",
    "business_date",
    "actor",
    "action",
    "entity",
    "details",
    "hash",
];

pub fn run(app: &App, command: AuditCommand) -> anyhow::Result<()> {
    match command {
        AuditCommand::Log(args) => log(app, args),
        AuditCommand::Verify(args) => verify(app, args),
    }
}

/// One event as a record. `details` is the stored JSON text, exactly what
/// the hash covers; with `parsed` it is the JSON value itself (the stored
/// text again if it no longer parses).
pub fn event_json(event: Event, parsed: bool) -> Value {
    let details = if parsed {
        serde_json::from_str(&event.details).unwrap_or(Value::String(event.details))
    } else {
        Value::String(event.details)
    };
    object([
        ("seq", json!(event.seq)),
        ("at", json!(event.at)),
        ("business_date", json!(event.business_date)),
        ("actor", json!(event.actor)),
        ("action", json!(event.action)),
        ("entity", json!(event.entity)),
        ("details", details),
        ("hash", json!(event.hash)),
    ])
}

/// The `events` export: every event in seq order, `details` as stored, so
/// an auditor can recompute each hash from the file alone.
pub fn export_rows(ctx: &ExportContext<'_>, sink: &mut RowSink<'_>) -> anyhow::Result<()> {
    events::for_each_event(ctx.conn, &EventFilter::default(), |event| {
        sink(&event_json(event, false))
    })
}

fn log(app: &App, args: AuditLogArgs) -> anyhow::Result<()> {
    if let Some(entity) = &args.entity
        && entity.trim().is_empty()
    {
        return Err(Failure::Usage("--entity: give KIND:ID (claim:12) or a KIND".into()).into());
    }
    let filter = EventFilter {
        entity: args.entity,
        since: args.since,
        action: args.action,
    };
    let ledger = app.ledger()?;
    let mut rows = Vec::new();
    let parsed = app.format == Format::Json;
    events::for_each_event::<anyhow::Error>(&ledger.conn, &filter, |event| {
        rows.push(event_json(event, parsed));
        Ok(())
    })?;
    app.print_list(&EVENT_COLUMNS, &rows)
}

fn verify(app: &App, args: AuditVerifyArgs) -> anyhow::Result<()> {
    let expect = match args.expect {
        Some(hash) => Some(expected_hash(&hash)?),
        None => None,
    };
    let mut ledger = app.ledger()?;
    // One read transaction: the whole chain as of one moment, writers unblocked.
    let snapshot = ledger.conn.transaction()?;
    let report = events::verify_chain(&snapshot, expect.as_deref())?;
    snapshot.finish()?;
    if let Some(broken) = &report.broken {
        return Err(Failure::rule("audit.chain", broken.describe()).into());
    }
    if let Some(hash) = &expect
        && report.found.is_none()
    {
        return Err(Failure::rule(
            "audit.chain",
            format!(
                "the expected hash {hash} is not in the chain ({}): the events up to it were removed or the chain was rebuilt outside cashback",
                head_text(&report)
            ),
        )
        .into());
    }
    app.info(format!("the audit chain is intact: {}", head_text(&report)));
    let mut record = object([
        ("intact", json!(true)),
        ("events", json!(report.events)),
        (
            "head",
            match &report.head {
                Some(head) => json!({"seq": head.seq, "hash": head.hash}),
                None => Value::Null,
            },
        ),
    ]);
    if let Some(hash) = expect {
        record["expected"] = json!({"hash": hash, "seq": report.found});
    }
    app.print_record(&record)
}

/// A SHA-256 in hex (either case); anything else is a usage error.
fn expected_hash(text: &str) -> Result<String, Failure> {
    let hash = text.trim().to_ascii_lowercase();
    if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(hash)
    } else {
        Err(Failure::Usage(format!(
            "--expect: `{text}` is not an event hash (64 hexadecimal characters, as `audit verify` prints)"
        )))
    }
}

fn head_text(report: &ChainReport) -> String {
    match &report.head {
        Some(head) => format!(
            "{} events, head seq {} hash {}",
            report.events, head.seq, head.hash
        ),
        None => "no events yet, head none".to_string(),
    }
}
