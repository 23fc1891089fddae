//! `cashback payout schedule|record|fail`: what is to be paid when, recording
//! payments, and transfers that could not be made or came back.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Context;
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde_json::{Value, json};

use super::deadlines::Deadline;
use crate::app::App;
use crate::cli::{Format, PayoutCommand, PayoutRecordArgs, ReasonArgs, ScheduleArgs};
use crate::domain::claim::{ClaimEvent, ClaimStatus};
use crate::domain::money::{Currency, format_minor};
use crate::domain::payout::{PayoutStatus, weekly_totals};
use crate::error::{Failure, RuleFailure};
use crate::ledger::claims;
use crate::ledger::payouts::{self, Payment, PayoutRow, ScheduleFilter};
use crate::render::{new_table, object};

/// SPEC section 11's payout row.
pub const COLUMNS: [&str; 13] = [
    "claim_id",
    "offer",
    "reseller_id",
    "amount",
    "provisional",
    "currency",
    "payout_currency",
    "earliest_on",
    "pay_by",
    "status",
    "blocker",
    "paid_on",
    "reference",
];

/// The fields `payout record` echoes and `payout fail` shows for a returned
/// payment.
pub const PAYMENT_COLUMNS: [&str; 10] = [
    "claim_id",
    "reseller_id",
    "offer",
    "paid_on",
    "reference",
    "amount",
    "currency",
    "payout_currency",
    "returned_on",
    "return_reason",
];

pub fn run(app: &App, command: PayoutCommand) -> anyhow::Result<()> {
    match command {
        PayoutCommand::Schedule(args) => schedule(app, args),
        PayoutCommand::Record(args) => record(app, args),
        PayoutCommand::Fail(args) => fail(app, args),
    }
}

/// Minor units as the currency prints them (`1234.50`).
fn amount_text(minor: i64, currency: &str) -> String {
    let digits = Currency::from_code(currency).map_or(2, |c| c.minor_digits());
    format_minor(minor, digits)
}

fn date_json(date: Option<NaiveDate>) -> Value {
    date.map_or(Value::Null, |d| json!(d.to_string()))
}

pub fn payout_row_json(row: &PayoutRow) -> Value {
    object([
        ("claim_id", json!(row.claim_id)),
        ("offer", json!(row.offer)),
        ("reseller_id", json!(row.reseller_id)),
        (
            "amount",
            json!(amount_text(row.amount_minor, &row.currency)),
        ),
        ("provisional", json!(row.provisional)),
        ("currency", json!(row.currency)),
        ("payout_currency", json!(row.payout_currency)),
        ("earliest_on", json!(row.facts.earliest_on.to_string())),
        ("pay_by", json!(row.facts.pay_by.to_string())),
        ("status", json!(row.standing.status.as_str())),
        ("blocker", json!(row.standing.blocker.map(|b| b.as_str()))),
        ("paid_on", date_json(row.paid_on)),
        ("reference", json!(row.reference)),
    ])
}

fn payment_json(payment: &Payment, row: &PayoutRow) -> Value {
    object([
        ("claim_id", json!(payment.claim_id)),
        ("reseller_id", json!(row.reseller_id)),
        ("offer", json!(row.offer)),
        ("paid_on", json!(payment.paid_on.to_string())),
        ("reference", json!(payment.reference)),
        (
            "amount",
            json!(amount_text(payment.amount_minor, &payment.currency)),
        ),
        ("currency", json!(payment.currency)),
        ("payout_currency", json!(row.payout_currency)),
        ("returned_on", date_json(payment.returned_on)),
        ("return_reason", json!(payment.return_reason)),
    ])
}

fn schedule(app: &App, args: ScheduleArgs) -> anyhow::Result<()> {
    let status = args
        .status
        .as_deref()
        .map(str::parse::<PayoutStatus>)
        .transpose()
        .map_err(|e| Failure::Usage(format!("--status: {e}")))?;
    let ledger = app.ledger()?;
    if let Some(code) = &args.offer
        && crate::ledger::offers::find(&ledger.conn, code)?.is_none()
    {
        return Err(Failure::NotFound(format!("no offer {code}")).into());
    }
    let filter = ScheduleFilter {
        offer: args.offer.as_deref(),
        claim: None,
    };
    let rows: Vec<PayoutRow> = payouts::schedule(&ledger.conn, app.today, filter)
        .context("reading the payout schedule")?
        .into_iter()
        .filter(|row| status.is_none_or(|s| row.standing.status == s))
        .collect();
    let values: Vec<Value> = rows.iter().map(payout_row_json).collect();
    app.print_list(&COLUMNS, &values)?;
    if app.format == Format::Table && !rows.is_empty() {
        let mut out = std::io::stdout().lock();
        write_totals(&mut out, &rows)?;
        write_chart(&mut out, &rows, app.today)?;
        out.flush()?;
    }
    Ok(())
}

/// Totals per currency, and within it per status (amounts of different
/// currencies are never added together).
fn write_totals(out: &mut dyn Write, rows: &[PayoutRow]) -> std::io::Result<()> {
    let mut totals: BTreeMap<&str, BTreeMap<PayoutStatus, (u64, i64)>> = BTreeMap::new();
    for row in rows {
        let entry = totals
            .entry(row.currency.as_str())
            .or_default()
            .entry(row.standing.status)
            .or_insert((0, 0));
        entry.0 += 1;
        entry.1 = entry.1.saturating_add(row.amount_minor);
    }
    let mut table = new_table(&["currency", "status", "claims", "amount"]);
    for (currency, statuses) in &totals {
        let (mut claims, mut amount) = (0u64, 0i64);
        for (status, (count, minor)) in statuses {
            claims += count;
            amount = amount.saturating_add(*minor);
            table.add_row([
                currency.to_string(),
                status.as_str().to_string(),
                count.to_string(),
                amount_text(*minor, currency),
            ]);
        }
        table.add_row([
            currency.to_string(),
            "total".to_string(),
            claims.to_string(),
            amount_text(amount, currency),
        ]);
    }
    writeln!(out, "\nTotals")?;
    writeln!(out, "{table}")
}

/// A bar of `width` cells for `value` out of `max`, in eighths of a cell.
pub fn bar(value: i64, max: i64, width: usize) -> String {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    if max <= 0 || value <= 0 {
        return String::new();
    }
    let eighths = (i128::from(value) * (width as i128) * 8 / i128::from(max)).max(1) as usize;
    let mut text = "█".repeat(eighths / 8);
    let rest = eighths % 8;
    if rest > 0 {
        text.push(PARTS[rest]);
    }
    text
}

/// The unpaid amounts falling due per week (ISO week of pay_by), one chart
/// per currency. Overdue amounts stay in the week their pay_by fell in.
fn write_chart(out: &mut dyn Write, rows: &[PayoutRow], today: NaiveDate) -> std::io::Result<()> {
    const WIDTH: usize = 40;
    let mut by_currency: BTreeMap<&str, Vec<(NaiveDate, i64)>> = BTreeMap::new();
    for row in rows
        .iter()
        .filter(|r| r.standing.status != PayoutStatus::Paid)
    {
        by_currency
            .entry(row.currency.as_str())
            .or_default()
            .push((row.facts.pay_by, row.amount_minor));
    }
    writeln!(out, "\nFalling due per week (unpaid claims, by pay_by)")?;
    if by_currency.is_empty() {
        return writeln!(out, "(nothing unpaid)");
    }
    for (currency, amounts) in by_currency {
        let weeks = weekly_totals(amounts);
        let max = weeks.iter().map(|(_, minor)| *minor).max().unwrap_or(0);
        let texts: Vec<String> = weeks
            .iter()
            .map(|(_, minor)| amount_text(*minor, currency))
            .collect();
        let wide = texts.iter().map(String::len).max().unwrap_or(0);
        writeln!(out, "{currency}")?;
        for ((monday, minor), text) in weeks.iter().zip(&texts) {
            let iso = monday.iso_week();
            let past = if crate::domain::payout::week_start(today) > *monday {
                " (past)"
            } else {
                ""
            };
            writeln!(
                out,
                "  {}-W{:02} {monday}  {text:>wide$}  {}{past}",
                iso.year(),
                iso.week(),
                bar(*minor, max, WIDTH),
            )?;
        }
    }
    Ok(())
}

/// Deadline rows of unpaid claims (approved, payable, payment_failed): each
/// pay_by that has passed, or falls on or before `horizon`.
pub fn payout_deadlines(
    conn: &Connection,
    today: NaiveDate,
    horizon: NaiveDate,
) -> anyhow::Result<Vec<Deadline>> {
    let rows = payouts::schedule(conn, today, ScheduleFilter::default())?;
    Ok(rows
        .into_iter()
        .filter(|row| row.standing.status != PayoutStatus::Paid && row.facts.pay_by <= horizon)
        .map(|row| {
            let amount = format!(
                "{} {}{}",
                amount_text(row.amount_minor, &row.currency),
                row.currency,
                if row.provisional {
                    " (provisional)"
                } else {
                    ""
                }
            );
            let detail = match (row.standing.status, row.standing.blocker) {
                (PayoutStatus::Overdue, Some(blocker)) => {
                    format!("payout of {amount} overdue; blocked: {blocker}")
                }
                (PayoutStatus::Overdue, None) => {
                    format!("payout of {amount} overdue; ready to pay")
                }
                (_, Some(blocker)) => format!("pay {amount} by this date; blocked: {blocker}"),
                (_, None) => format!("pay {amount} by this date; ready to pay"),
            };
            Deadline {
                kind: "payout",
                claim_id: row.claim_id,
                reseller_id: row.reseller_id,
                due_on: row.facts.pay_by,
                overdue: row.standing.status == PayoutStatus::Overdue,
                detail,
                key: format!("payout-{}", row.claim_id),
            }
        })
        .collect())
}

fn record(app: &App, args: PayoutRecordArgs) -> anyhow::Result<()> {
    let reference = app
        .required_value(args.reference, "--reference", "Transfer reference")?
        .trim()
        .to_string();
    if reference.is_empty() {
        return Err(Failure::Invalid(
            "--reference: the transfer reference must not be empty".into(),
        )
        .into());
    }
    let mut ledger = app.ledger()?;
    let claim = claims::get(&ledger.conn, args.claim)?;
    let on = app.event_date(&ledger, args.on.on, Some(&claim.entity()))?;
    let today = app.today;
    let (payment, row) = ledger.write(&app.event_context(), |tx, events| {
        let claim = claims::get(tx, claim.id)?;
        let Some(row) = payouts::schedule_row(tx, today, claim.id)? else {
            return Err(Failure::rule(
                "claim.state",
                format!(
                    "cannot record a payment for a claim that is {}; it must be payable",
                    claim.status
                ),
            )
            .into());
        };
        let refusals: Vec<RuleFailure> = row
            .facts
            .record_refusals(on)
            .iter()
            .map(|r| RuleFailure::new(r.rule_id(), r.detail()))
            .collect();
        if !refusals.is_empty() {
            return Err(Failure::rules(
                format!("cannot record a payment for claim {}", claim.id),
                refusals,
            )
            .into());
        }
        let payment = payouts::insert_payment(
            tx,
            &Payment {
                id: 0,
                claim_id: claim.id,
                paid_on: on,
                reference: reference.clone(),
                amount_minor: row.amount_minor,
                currency: row.currency.clone(),
                bank_details_id: claim.bank_details_id,
                returned_on: None,
                return_reason: None,
            },
        )?;
        claims::transition(
            tx,
            events,
            &claim,
            ClaimEvent::PayoutRecorded,
            on,
            None,
            json!({
                "payment_id": payment.id,
                "reference": payment.reference,
                "amount": amount_text(payment.amount_minor, &payment.currency),
                "currency": payment.currency,
            }),
        )?;
        Ok((payment, row))
    })?;
    app.info(format!(
        "claim {} paid: {} {} on {} (reference {})",
        payment.claim_id,
        amount_text(payment.amount_minor, &payment.currency),
        payment.currency,
        payment.paid_on,
        payment.reference
    ));
    app.print_record(&payment_json(&payment, &row))
}

fn fail(app: &App, args: ReasonArgs) -> anyhow::Result<()> {
    let reason = app
        .required_value(args.reason, "--reason", "Why did the transfer fail")?
        .trim()
        .to_string();
    if reason.is_empty() {
        return Err(Failure::Invalid("--reason: say why the transfer failed".into()).into());
    }
    let mut ledger = app.ledger()?;
    let claim = claims::get(&ledger.conn, args.claim)?;
    let on = app.event_date(&ledger, args.on.on, Some(&claim.entity()))?;
    let today = app.today;
    let (from, returned) = ledger.write(&app.event_context(), |tx, events| {
        let claim = claims::get(tx, claim.id)?;
        // The payment of a paid claim came back: it stays, marked returned.
        let returned = match claim.status {
            ClaimStatus::Paid => payouts::standing_payment(tx, claim.id)?,
            _ => None,
        };
        let mut extra = json!({});
        if let Some(payment) = &returned {
            payouts::mark_returned(tx, payment.id, on, &reason)?;
            extra = json!({"payment_id": payment.id, "reference": payment.reference});
        }
        claims::transition(
            tx,
            events,
            &claim,
            ClaimEvent::PayoutFailed,
            on,
            Some(&reason),
            extra,
        )?;
        let returned = match returned {
            Some(payment) => {
                let row = payouts::schedule_row(tx, today, claim.id)?
                    .context("a failed claim is on the schedule")?;
                Some(payment_json(
                    &Payment {
                        returned_on: Some(on),
                        return_reason: Some(reason.clone()),
                        ..payment
                    },
                    &row,
                ))
            }
            None => None,
        };
        Ok((claim.status, returned))
    })?;
    app.info(format!(
        "claim {} is now payment_failed (was {from}); a correction notice cycle starts",
        claim.id
    ));
    app.print_record(&object([
        ("claim_id", json!(claim.id)),
        ("from", json!(from.as_str())),
        ("to", json!(ClaimStatus::PaymentFailed.as_str())),
        ("on", json!(on.to_string())),
        ("reason", json!(reason)),
        ("returned_payment", returned.unwrap_or(Value::Null)),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_in_eighths() {
        assert_eq!(bar(100, 100, 4), "████");
        assert_eq!(bar(50, 100, 4), "██");
        assert_eq!(bar(1, 100, 4), "▏");
        assert_eq!(bar(0, 100, 4), "");
        assert_eq!(bar(5, 0, 4), "");
        // 3/8 of 4 cells = 1.5 cells
        assert_eq!(bar(375, 1000, 4), "█▌");
    }
}
