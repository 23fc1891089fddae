//! `cashback sweep [--dry-run]`: forfeit every claim whose notice cycle's
//! last permitted notice expired unanswered. Idempotent: a forfeited claim
//! is no longer in a cycle, so a second run finds nothing.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::{Value, json};

use crate::app::App;
use crate::cli::SweepArgs;
use crate::domain::claim::{ClaimEvent, ClaimStatus, next_status};
use crate::ledger::claims::transition;
use crate::ledger::notices::{ClaimCycle, claims_in_cycle};
use crate::render::object;

pub const COLUMNS: [&str; 4] = ["claim_id", "from", "to", "reason"];
pub const REASON: &str = "notices.exhausted";

fn sweep_row(claim_id: i64, from: ClaimStatus, to: ClaimStatus) -> Value {
    object([
        ("claim_id", json!(claim_id)),
        ("from", json!(from.as_str())),
        ("to", json!(to.as_str())),
        ("reason", json!(REASON)),
    ])
}

/// The claims whose cycle is exhausted on `today`.
fn exhausted(conn: &Connection, today: NaiveDate) -> anyhow::Result<Vec<ClaimCycle>> {
    Ok(claims_in_cycle(conn)?
        .into_iter()
        .filter(|c| c.cycle.is_exhausted(today, &c.rules))
        .collect())
}

pub fn run(app: &App, args: SweepArgs) -> anyhow::Result<()> {
    let mut ledger = app.ledger()?;
    let today = app.today;
    let candidates = exhausted(&ledger.conn, today)?;
    if args.dry_run || candidates.is_empty() {
        let rows: Vec<Value> = candidates
            .iter()
            .filter_map(|c| {
                let to = next_status(c.claim.status, ClaimEvent::NoticesExhausted)?;
                Some(sweep_row(c.claim.id, c.claim.status, to))
            })
            .collect();
        if candidates.is_empty() {
            app.info("no claim has an exhausted notice cycle; nothing to forfeit");
        } else {
            app.info(format!(
                "dry run: {} claim(s) would be forfeited; nothing changed",
                rows.len()
            ));
        }
        return app.print_list(&COLUMNS, &rows);
    }
    app.confirm(&format!(
        "Forfeit {} claim(s) whose last notice expired unanswered?",
        candidates.len()
    ))?;
    let rows = ledger.write(&app.event_context(), |tx, events| {
        let mut rows = Vec::new();
        // Read again inside the transaction: what another writer changed
        // since the prompt is respected.
        for due in exhausted(tx, today)? {
            let last = due.cycle.last;
            let forfeited = transition(
                tx,
                events,
                &due.claim,
                ClaimEvent::NoticesExhausted,
                today,
                Some(REASON),
                json!({
                    "notices_sent": due.cycle.sent,
                    "last_respond_by": last.map(|n| n.respond_by.to_string()),
                }),
            )?;
            rows.push(sweep_row(due.claim.id, due.claim.status, forfeited.status));
        }
        Ok(rows)
    })?;
    app.info(format!("forfeited {} claim(s)", rows.len()));
    app.print_list(&COLUMNS, &rows)
}
