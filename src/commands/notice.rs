//! `cashback notice send|due|list`: bank-details and correction notices,
//! numbered per cycle, and the cron view of which claims need one today.

use rusqlite::Transaction;
use serde_json::{Value, json};

use crate::app::App;
use crate::cli::{ClaimOnArgs, NoticeCommand, NoticeDueArgs, NoticeListArgs};
use crate::domain::notices::{NoticeKind, kind_for, respond_by};
use crate::domain::offer::NoticeRules;
use crate::error::{Failure, RuleFailure};
use crate::ledger::EventSink;
use crate::ledger::claims::{self, Claim};
use crate::ledger::notices::{self, Notice};
use crate::render::object;

/// SPEC section 11's notice fields, then the cycle the notice belongs to.
pub const COLUMNS: [&str; 8] = [
    "claim_id",
    "kind",
    "number",
    "sent_on",
    "respond_by",
    "answered_on",
    "overdue",
    "cycle",
];
pub const DUE_COLUMNS: [&str; 4] = ["claim_id", "reseller_id", "kind", "number"];

pub fn run(app: &App, command: NoticeCommand) -> anyhow::Result<()> {
    match command {
        NoticeCommand::Send(args) => send(app, args),
        NoticeCommand::Due(args) => due(app, args),
        NoticeCommand::List(args) => list(app, args),
    }
}

pub fn notice_json(notice: &Notice, overdue: bool) -> Value {
    object([
        ("claim_id", json!(notice.claim_id)),
        ("kind", json!(notice.kind.as_str())),
        ("number", json!(notice.number)),
        ("sent_on", json!(notice.sent_on.to_string())),
        (
            "respond_by",
            json!(notice.respond_by.map(|d| d.to_string())),
        ),
        (
            "answered_on",
            json!(notice.answered_on.map(|d| d.to_string())),
        ),
        ("overdue", json!(overdue)),
        ("cycle", json!(notice.cycle)),
    ])
}

/// The notice rules of the claim's offer.
fn rules_of(tx: &Transaction<'_>, claim: &Claim) -> anyhow::Result<NoticeRules> {
    crate::ledger::offers::find(tx, &claim.offer_code)?
        .map(|offer| offer.notices)
        .ok_or_else(|| {
            anyhow::anyhow!(
                "claim {} names offer {}, which is not in the ledger",
                claim.id,
                claim.offer_code
            )
        })
}

/// Records notice `number` of the claim's current cycle with its event.
fn record(
    tx: &Transaction<'_>,
    events: &mut EventSink<'_>,
    claim: &Claim,
    kind: NoticeKind,
    number: u32,
    sent_on: chrono::NaiveDate,
    rules: &NoticeRules,
) -> anyhow::Result<Notice> {
    let notice = notices::insert(tx, claim, kind, number, sent_on, respond_by(sent_on, rules))?;
    events.record(
        tx,
        sent_on,
        "notice.send",
        &claim.entity(),
        json!({
            "kind": kind.as_str(),
            "number": number,
            "cycle": claim.cycle,
            "max_notices": rules.max_notices,
            "respond_by": notice.respond_by.map(|d| d.to_string()),
        }),
    )?;
    Ok(notice)
}

fn send(app: &App, args: ClaimOnArgs) -> anyhow::Result<()> {
    let mut ledger = app.ledger()?;
    let claim = claims::get(&ledger.conn, args.claim)?;
    let date = app.event_date(&ledger, args.on.on, Some(&claim.entity()))?;
    let notice = ledger.write(&app.event_context(), |tx, events| {
        let claim = claims::get(tx, args.claim)?;
        let Some(kind) = kind_for(claim.status) else {
            return Err(Failure::rule(
                "claim.state",
                format!(
                    "cannot send a bank-details notice for a claim that is {}; only approved and payment_failed claims get notices",
                    claim.status
                ),
            )
            .into());
        };
        let rules = rules_of(tx, &claim)?;
        let cycle = notices::current_cycle(tx, &claim)?;
        let number = cycle.check_send(date, &rules).map_err(|refusals| {
            Failure::rules(
                format!("no notice sent for claim {}", claim.id),
                refusals
                    .iter()
                    .map(|r| RuleFailure::new(r.rule_id(), r.detail()))
                    .collect(),
            )
        })?;
        record(tx, events, &claim, kind, number, date, &rules)
    })?;
    app.info(format!(
        "recorded {} notice {} for claim {}; respond by {}",
        notice.kind,
        notice.number,
        notice.claim_id,
        notice.respond_by.map(|d| d.to_string()).unwrap_or_default()
    ));
    app.print_record(&notice_json(&notice, false))
}

/// The claims that need a notice today, with the kind of notice they need.
fn due_today(
    conn: &rusqlite::Connection,
    today: chrono::NaiveDate,
) -> anyhow::Result<Vec<(notices::ClaimCycle, NoticeKind)>> {
    Ok(notices::claims_in_cycle(conn)?
        .into_iter()
        .filter(|c| c.cycle.is_due(today, &c.rules))
        .filter_map(|c| kind_for(c.claim.status).map(|kind| (c, kind)))
        .collect())
}

fn due(app: &App, args: NoticeDueArgs) -> anyhow::Result<()> {
    let mut ledger = app.ledger()?;
    let today = app.today;
    if !args.send {
        let rows: Vec<Value> = due_today(&ledger.conn, today)?
            .iter()
            .map(|(c, kind)| {
                object([
                    ("claim_id", json!(c.claim.id)),
                    ("reseller_id", json!(c.claim.reseller_id)),
                    ("kind", json!(kind.as_str())),
                    ("number", json!(c.cycle.next_number())),
                ])
            })
            .collect();
        return app.print_list(&DUE_COLUMNS, &rows);
    }
    let sent = ledger.write(&app.event_context(), |tx, events| {
        due_today(tx, today)?
            .iter()
            .map(|(due, kind)| {
                let number = due.cycle.next_number();
                record(tx, events, &due.claim, *kind, number, today, &due.rules)
            })
            .collect::<anyhow::Result<Vec<Notice>>>()
    })?;
    app.info(format!("recorded {} notice(s)", sent.len()));
    let rows: Vec<Value> = sent.iter().map(|n| notice_json(n, false)).collect();
    app.print_list(&COLUMNS, &rows)
}

fn list(app: &App, args: NoticeListArgs) -> anyhow::Result<()> {
    let ledger = app.ledger()?;
    if let Some(id) = args.claim {
        claims::get(&ledger.conn, id)?;
    }
    let mut rows = Vec::new();
    notices::list(&ledger.conn, args.claim, app.today, |listed| {
        rows.push(notice_json(&listed.notice, listed.overdue));
        Ok(())
    })?;
    app.print_list(&COLUMNS, &rows)
}
