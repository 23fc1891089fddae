//! `cashback deadlines [--within DAYS]`: every overdue item plus those
//! falling due within the window, soonest first. Each kind of deadline is a
//! source in `SOURCES`; the command merges and sorts their rows, so the
//! calendar and any new kind share one list.

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde_json::{Value, json};

use crate::app::App;
use crate::cli::WithinArgs;
use crate::domain::notices::{NoticePlace, is_overdue, kind_for};
use crate::ledger::notices::claims_in_cycle;
use crate::render::object;

pub const COLUMNS: [&str; 7] = [
    "kind",
    "claim_id",
    "reseller_id",
    "due_on",
    "days_left",
    "overdue",
    "detail",
];

/// One deadline row (SPEC section 11).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// `notice` or `payout`.
    pub kind: &'static str,
    pub claim_id: i64,
    pub reseller_id: String,
    pub due_on: NaiveDate,
    pub overdue: bool,
    pub detail: String,
    /// Names this deadline the same way on every run (`notice-12-2-1`:
    /// claim, cycle, number; `payout-12`), e.g. for calendar UIDs.
    pub key: String,
}

impl Deadline {
    /// Days from `today` to `due_on`; negative once it has passed.
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        (self.due_on - today).num_days()
    }

    pub fn to_json(&self, today: NaiveDate) -> Value {
        object([
            ("kind", json!(self.kind)),
            ("claim_id", json!(self.claim_id)),
            ("reseller_id", json!(self.reseller_id)),
            ("due_on", json!(self.due_on.to_string())),
            ("days_left", json!(self.days_left(today))),
            ("overdue", json!(self.overdue)),
            ("detail", json!(self.detail)),
        ])
    }
}

/// A source of deadlines: every overdue item of its kind, plus those due
/// on or before `horizon` (today + the window).
pub type DeadlineSource = fn(&Connection, NaiveDate, NaiveDate) -> anyhow::Result<Vec<Deadline>>;

pub const SOURCES: &[DeadlineSource] = &[notice_deadlines, super::payout::payout_deadlines];

/// The deadlines of every source, soonest first (then by kind and claim).
pub fn collect(conn: &Connection, today: NaiveDate, within: u32) -> anyhow::Result<Vec<Deadline>> {
    let horizon = today
        .checked_add_days(Days::new(u64::from(within)))
        .unwrap_or(NaiveDate::MAX);
    let mut rows = Vec::new();
    for source in SOURCES {
        rows.extend(source(conn, today, horizon)?);
    }
    rows.sort_by(|a, b| (a.due_on, a.kind, a.claim_id).cmp(&(b.due_on, b.kind, b.claim_id)));
    Ok(rows)
}

/// Bank notices: the latest unanswered notice of each approved or
/// payment_failed claim's current cycle, when it is overdue or its
/// respond_by falls within the window.
pub fn notice_deadlines(
    conn: &Connection,
    today: NaiveDate,
    horizon: NaiveDate,
) -> anyhow::Result<Vec<Deadline>> {
    let mut rows = Vec::new();
    for in_cycle in claims_in_cycle(conn)? {
        let (Some(last), Some(kind)) = (in_cycle.cycle.last, kind_for(in_cycle.claim.status))
        else {
            continue;
        };
        if last.answered_on.is_some() {
            continue;
        }
        let place = NoticePlace {
            kind,
            claim_status: in_cycle.claim.status,
            in_current_cycle: true,
            is_latest: true,
        };
        let overdue = is_overdue(&last, &place, today);
        if !overdue && last.respond_by > horizon {
            continue;
        }
        let max = in_cycle.rules.max_notices;
        let detail = if !overdue {
            format!(
                "{kind} notice {} of {max} sent {}: bank details due",
                last.number, last.sent_on
            )
        } else if in_cycle.cycle.is_exhausted(today, &in_cycle.rules) {
            format!(
                "{kind} notice {} of {max} expired unanswered: `sweep` forfeits the claim",
                last.number
            )
        } else {
            format!(
                "{kind} notice {} of {max} expired unanswered: the next notice is due",
                last.number
            )
        };
        rows.push(Deadline {
            kind: "notice",
            claim_id: in_cycle.claim.id,
            reseller_id: in_cycle.claim.reseller_id.clone(),
            due_on: last.respond_by,
            overdue,
            detail,
            key: format!(
                "notice-{}-{}-{}",
                in_cycle.claim.id, in_cycle.claim.cycle, last.number
            ),
        });
    }
    Ok(rows)
}

pub fn run(app: &App, args: WithinArgs) -> anyhow::Result<()> {
    let ledger = app.ledger()?;
    let rows: Vec<Value> = collect(&ledger.conn, app.today, args.within)?
        .iter()
        .map(|d| d.to_json(app.today))
        .collect();
    app.print_list(&COLUMNS, &rows)
}
