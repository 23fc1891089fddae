//! The audit trail's hash chain (SPEC section 8): every change appends an
//! event in the same transaction, hashed as the SHA-256 of the compact JSON
//! array `[prev_hash, seq, at, business_date, actor, action, entity, details]`;
//! reading the trail and recomputing the chain to find where it was tampered with.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The first event's `prev_hash`.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who is acting and when (real time), the same for every event of a command.
#[derive(Debug, Clone)]
pub struct EventContext {
    pub actor: String,
    /// UTC, RFC 3339, as stored.
    pub at: String,
}

/// One stored event.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Event {
    pub seq: i64,
    pub at: String,
    pub business_date: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub details: String,
    pub hash: String,
}

impl Event {
    /// The hash this event should carry after `prev_hash`.
    pub fn expected_hash(&self, prev_hash: &str) -> String {
        chain_hash(
            prev_hash,
            self.seq,
            &self.at,
            &self.business_date,
            &self.actor,
            &self.action,
            &self.entity,
            &self.details,
        )
    }
}

/// Lower-case hex SHA-256 of the compact JSON array of the event's fields.
#[allow(clippy::too_many_arguments)]
pub fn chain_hash(
    prev_hash: &str,
    seq: i64,
    at: &str,
    business_date: &str,
    actor: &str,
    action: &str,
    entity: &str,
    details: &str,
) -> String {
    let array = serde_json::json!([
        prev_hash,
        seq,
        at,
        business_date,
        actor,
        action,
        entity,
        details
    ]);
    let text =
        serde_json::to_string(&array).expect("a JSON array of strings and a number serialises");
    hex(&Sha256::digest(text.as_bytes()))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compact JSON with keys sorted at every level; non-ASCII written as itself.
pub fn canonical_json(value: &Value) -> String {
    serde_json::to_string(&sorted(value)).expect("JSON values serialise")
}

fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            Value::Object(
                keys.into_iter()
                    .map(|k| (k.clone(), sorted(&map[k])))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

/// Appends events for one command inside its transaction.
pub struct EventSink<'c> {
    context: &'c EventContext,
    head: Option<(i64, String)>,
}

impl<'c> EventSink<'c> {
    pub fn new(context: &'c EventContext) -> Self {
        EventSink {
            context,
            head: None,
        }
    }

    /// Appends one event; `details` is stored as canonical JSON.
    pub fn record(
        &mut self,
        tx: &Transaction<'_>,
        business_date: NaiveDate,
        action: &str,
        entity: &str,
        details: Value,
    ) -> rusqlite::Result<i64> {
        let (prev_seq, prev_hash) = match self.head.take() {
            Some(head) => head,
            None => tx
                .query_row(
                    "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1",
                    [],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?
                .unwrap_or((0, GENESIS.to_string())),
        };
        let details = match details {
            Value::Null => "{}".to_string(),
            other => canonical_json(&other),
        };
        let seq = prev_seq + 1;
        let business_date = business_date.format("%Y-%m-%d").to_string();
        let hash = chain_hash(
            &prev_hash,
            seq,
            &self.context.at,
            &business_date,
            &self.context.actor,
            action,
            entity,
            &details,
        );
        tx.execute(
            "INSERT INTO events (seq, at, business_date, actor, action, entity, details, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                seq,
                self.context.at,
                business_date,
                self.context.actor,
                action,
                entity,
                details,
                hash
            ],
        )?;
        self.head = Some((seq, hash));
        Ok(seq)
    }
}

/// The latest business date recorded for an entity (`claim:12`), for the
/// `--on` rule.
pub fn last_business_date(
    conn: &rusqlite::Connection,
    entity: &str,
) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = conn.query_row(
        "SELECT max(business_date) FROM events WHERE entity = ?1",
        [entity],
        |row| row.get(0),
    )?;
    Ok(text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok()))
}

/// The columns of an event, in the order of SPEC section 11.
pub const EVENT_SELECT: &str =
    "SELECT seq, at, business_date, actor, action, entity, details, hash FROM events";

fn event_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Event> {
    Ok(Event {
        seq: row.get(0)?,
        at: row.get(1)?,
        business_date: row.get(2)?,
        actor: row.get(3)?,
        action: row.get(4)?,
        entity: row.get(5)?,
        details: row.get(6)?,
        hash: row.get(7)?,
    })
}

/// Which events `audit log` shows; every filter is optional.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// `claim:12` for one entity; `claim` (no colon) for every entity of a kind.
    pub entity: Option<String>,
    /// Events whose business date is on or after this one.
    pub since: Option<NaiveDate>,
    /// Events whose action starts with this text (`claim.` or `bank.submit`).
    pub action: Option<String>,
}

/// Calls `each` with every event that passes `filter`, in seq order, one
/// row at a time (the trail is never held in memory).
pub fn for_each_event<E: From<rusqlite::Error>>(
    conn: &Connection,
    filter: &EventFilter,
    mut each: impl FnMut(Event) -> Result<(), E>,
) -> Result<(), E> {
    let mut stmt = conn.prepare(&format!(
        "{EVENT_SELECT}
         WHERE (?1 IS NULL OR entity = ?1
                OR (instr(?1, ':') = 0 AND substr(entity, 1, length(?1) + 1) = ?1 || ':'))
           AND (?2 IS NULL OR business_date >= ?2)
           AND (?3 IS NULL OR substr(action, 1, length(?3)) = ?3)
         ORDER BY seq"
    ))?;
    let since = filter.since.map(|d| d.format("%Y-%m-%d").to_string());
    let mut rows = stmt.query(params![filter.entity, since, filter.action])?;
    while let Some(row) = rows.next()? {
        each(event_from_row(row)?)?;
    }
    Ok(())
}

/// The last event of the chain: what an auditor writes down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainHead {
    pub seq: i64,
    pub hash: String,
}

/// The outcome of recomputing the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    /// Events that were checked and matched, from the first on.
    pub events: i64,
    /// The last matching event; `None` for an empty trail or a break at the start.
    pub head: Option<ChainHead>,
    /// The seq of the matching event whose hash is the one looked for.
    pub found: Option<i64>,
    /// The first place where the trail does not match, if any.
    pub broken: Option<ChainBreak>,
}

/// The first event that does not match, and what the stored rows show
/// happened to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    /// The seq at which the trail stops matching.
    pub seq: i64,
    /// The stored event at that place (`None` for a gap).
    pub event: Option<Event>,
    pub kind: BreakKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BreakKind {
    /// Events `seq..=last` are absent: the sequence jumps over them.
    Missing { last: i64 },
    /// The event's content no longer matches its hash, while the next event
    /// still links to that hash.
    Edited,
    /// The latest event does not match its hash: edited, or added outside
    /// the tool.
    LatestUnmatched,
    /// The event does not belong here, and the next one was recorded in its
    /// place: it was inserted (the later events renumbered).
    Inserted,
    /// The event's content is intact but its hash shows it was recorded as
    /// event `recorded_as`, right after the event now stored as `after`
    /// (`None`: as the first event).
    Moved {
        recorded_as: i64,
        after: Option<i64>,
    },
    /// Neither the event's content nor its place matches anything in the
    /// trail: edited and rehashed, or events deleted and renumbered.
    Unmatched,
}

/// Recomputes the whole chain (SPEC section 8) in seq order and stops at the
/// first event whose content or link does not match. `look_for` is a hash an
/// auditor kept; `found` says where it is in the matching part of the chain.
/// Call it inside a read transaction so every query sees the same trail.
pub fn verify_chain(conn: &Connection, look_for: Option<&str>) -> rusqlite::Result<ChainReport> {
    let mut stmt = conn.prepare(&format!("{EVENT_SELECT} ORDER BY seq"))?;
    let mut rows = stmt.query([])?;
    let mut report = ChainReport {
        events: 0,
        head: None,
        found: None,
        broken: None,
    };
    while let Some(row) = rows.next()? {
        let event = event_from_row(row)?;
        let (prev_hash, want_seq) = match &report.head {
            Some(head) => (head.hash.clone(), head.seq + 1),
            None => (GENESIS.to_string(), 1),
        };
        if event.seq > want_seq {
            report.broken = Some(ChainBreak {
                seq: want_seq,
                event: None,
                kind: BreakKind::Missing {
                    last: event.seq - 1,
                },
            });
            return Ok(report);
        }
        if event.seq != want_seq || event.expected_hash(&prev_hash) != event.hash {
            let next = rows.next()?.map(event_from_row).transpose()?;
            let kind = classify_break(conn, &prev_hash, &event, next.as_ref())?;
            report.broken = Some(ChainBreak {
                seq: event.seq,
                event: Some(event),
                kind,
            });
            return Ok(report);
        }
        if look_for == Some(event.hash.as_str()) {
            report.found = Some(event.seq);
        }
        report.events += 1;
        report.head = Some(ChainHead {
            seq: event.seq,
            hash: event.hash,
        });
    }
    Ok(report)
}

/// Works out what the rows around a mismatch show: the next event still
/// linking to this one's hash means this one's content changed; this one's
/// hash matching its content after another event means it moved; the next
/// event recorded in this one's place means this one was slipped in.
fn classify_break(
    conn: &Connection,
    prev_hash: &str,
    event: &Event,
    next: Option<&Event>,
) -> rusqlite::Result<BreakKind> {
    if let Some(next) = next
        && next.expected_hash(&event.hash) == next.hash
    {
        return Ok(BreakKind::Edited);
    }
    let recorded_after = |prev: &str, seq: i64| {
        let candidate = Event {
            seq,
            ..event.clone()
        };
        candidate.expected_hash(prev) == event.hash
    };
    if recorded_after(GENESIS, 1) {
        return Ok(BreakKind::Moved {
            recorded_as: 1,
            after: None,
        });
    }
    let mut stmt = conn.prepare("SELECT seq, hash FROM events WHERE seq <> ?1 ORDER BY seq")?;
    let mut rows = stmt.query([event.seq])?;
    while let Some(row) = rows.next()? {
        let (seq, hash): (i64, String) = (row.get(0)?, row.get(1)?);
        // Recorded right after that event, which kept its number or (when the
        // two changed places) took this one's.
        for recorded_as in [seq + 1, seq] {
            if recorded_after(&hash, recorded_as) {
                return Ok(BreakKind::Moved {
                    recorded_as,
                    after: Some(seq),
                });
            }
        }
    }
    if let Some(next) = next {
        let in_its_place = Event {
            seq: event.seq,
            ..next.clone()
        };
        if in_its_place.expected_hash(prev_hash) == next.hash {
            return Ok(BreakKind::Inserted);
        }
    }
    Ok(if next.is_none() {
        BreakKind::LatestUnmatched
    } else {
        BreakKind::Unmatched
    })
}

impl ChainBreak {
    /// The break in a sentence an auditor can act on.
    pub fn describe(&self) -> String {
        let what = match &self.event {
            Some(e) => format!(
                "event {} ({} of {}, business date {}, recorded {} by {})",
                e.seq, e.action, e.entity, e.business_date, e.at, e.actor
            ),
            None => format!("event {}", self.seq),
        };
        let before = self.seq - 1;
        match &self.kind {
            BreakKind::Missing { last } if *last == self.seq => format!(
                "event {} is missing: the log jumps from event {before} to event {}, so it was deleted outside cashback",
                self.seq,
                last + 1
            ),
            BreakKind::Missing { last } => format!(
                "events {} to {last} are missing: the log jumps from event {before} to event {}, so they were deleted outside cashback",
                self.seq,
                last + 1
            ),
            BreakKind::Edited => format!(
                "{what} was edited outside cashback: its content no longer matches its hash, which the next event still links to{}",
                if self.seq > 1 {
                    format!(" (or event {before} was rewritten together with its hash)")
                } else {
                    String::new()
                }
            ),
            BreakKind::LatestUnmatched => format!(
                "{what}, the latest, does not match its hash: it was edited, or added outside cashback"
            ),
            BreakKind::Inserted => format!(
                "{what} was inserted outside cashback: the event after it was recorded in its place, as event {}",
                self.seq
            ),
            BreakKind::Moved { recorded_as, after } => {
                let place = match after {
                    Some(after) => format!("right after the event now stored as {after}"),
                    None => "as the first event".to_string(),
                };
                format!(
                    "{what} is out of place: its content is intact but it was recorded as event {recorded_as}, {place}; events were inserted, deleted or reordered outside cashback"
                )
            }
            BreakKind::Unmatched => format!(
                "{what} matches neither its hash nor its place in the chain: it was edited and rehashed, or events before it were deleted or inserted and the rest renumbered, outside cashback"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_are_canonical() {
        let value = serde_json::json!({"b": 1, "a": {"z": "blåbær", "y": [2, 1]}});
        assert_eq!(
            canonical_json(&value),
            r#"{"a":{"y":[2,1],"z":"blåbær"},"b":1}"#
        );
    }

    #[test]
    fn hash_is_over_the_documented_array() {
        let hash = chain_hash(
            GENESIS,
            1,
            "2026-01-01T00:00:00Z",
            "2015-07-01",
            "ann",
            "reseller.register",
            "reseller:x",
            "{}",
        );
        let text = format!(
            r#"["{GENESIS}",1,"2026-01-01T00:00:00Z","2015-07-01","ann","reseller.register","reseller:x","{{}}"]"#
        );
        assert_eq!(hash, hex(&Sha256::digest(text.as_bytes())));
        assert_eq!(hash.len(), 64);
    }

    /// A trail of `n` events written the way commands write them.
    fn trail(n: i64) -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::ledger::schema::migrations()
            .to_latest(&mut conn)
            .unwrap();
        let context = EventContext {
            actor: "ann".into(),
            at: "2026-01-01T00:00:00.000000Z".into(),
        };
        let tx = conn.transaction().unwrap();
        let mut sink = EventSink::new(&context);
        let date = NaiveDate::from_ymd_opt(2015, 7, 1).unwrap();
        for i in 1..=n {
            sink.record(
                &tx,
                date,
                "reseller.register",
                &format!("reseller:r{i}"),
                serde_json::json!({"id": format!("r{i}"), "name": "Blåbær AS"}),
            )
            .unwrap();
        }
        tx.commit().unwrap();
        conn
    }

    fn broken(conn: &Connection) -> ChainBreak {
        verify_chain(conn, None).unwrap().broken.expect("a break")
    }

    fn hash_of(conn: &Connection, seq: i64) -> String {
        conn.query_row("SELECT hash FROM events WHERE seq = ?1", [seq], |r| {
            r.get(0)
        })
        .unwrap()
    }

    /// Moves event `from` to seq `to` (which must be free).
    fn renumber(conn: &Connection, from: i64, to: i64) {
        conn.execute("UPDATE events SET seq = ?2 WHERE seq = ?1", [from, to])
            .unwrap();
    }

    #[test]
    fn an_intact_trail_verifies_and_finds_old_heads() {
        let conn = trail(5);
        let old_head = hash_of(&conn, 3);
        let report = verify_chain(&conn, Some(&old_head)).unwrap();
        assert_eq!(report.broken, None);
        assert_eq!(report.events, 5);
        assert_eq!(report.head.unwrap().hash, hash_of(&conn, 5));
        assert_eq!(report.found, Some(3));
        assert_eq!(verify_chain(&conn, Some(GENESIS)).unwrap().found, None);
    }

    #[test]
    fn an_empty_trail_verifies() {
        let report = verify_chain(&trail(0), None).unwrap();
        assert_eq!((report.events, report.head, report.broken), (0, None, None));
    }

    #[test]
    fn an_edit_is_named() {
        let conn = trail(5);
        conn.execute(
            "UPDATE events SET details = '{\"id\":\"r3\",\"name\":\"Other AS\"}' WHERE seq = 3",
            [],
        )
        .unwrap();
        let report = verify_chain(&conn, None).unwrap();
        assert_eq!(report.events, 2);
        let broken = report.broken.unwrap();
        assert_eq!((broken.seq, &broken.kind), (3, &BreakKind::Edited));
        assert!(
            broken
                .describe()
                .contains("event 3 (reseller.register of reseller:r3")
        );
    }

    #[test]
    fn an_edit_of_the_latest_is_named() {
        let conn = trail(3);
        conn.execute("UPDATE events SET actor = 'eve' WHERE seq = 3", [])
            .unwrap();
        let broken = broken(&conn);
        assert_eq!((broken.seq, broken.kind), (3, BreakKind::LatestUnmatched));
    }

    #[test]
    fn a_deletion_is_a_gap() {
        let conn = trail(6);
        conn.execute("DELETE FROM events WHERE seq IN (3, 4)", [])
            .unwrap();
        let broken = broken(&conn);
        assert_eq!(
            (broken.seq, broken.kind.clone()),
            (3, BreakKind::Missing { last: 4 })
        );
        assert!(broken.describe().starts_with("events 3 to 4 are missing"));
        conn.execute("DELETE FROM events WHERE seq = 1", [])
            .unwrap();
        assert_eq!(broken_seq_kind(&conn), (1, BreakKind::Missing { last: 1 }));
    }

    fn broken_seq_kind(conn: &Connection) -> (i64, BreakKind) {
        let b = broken(conn);
        (b.seq, b.kind)
    }

    #[test]
    fn a_swap_is_a_move() {
        let conn = trail(5);
        renumber(&conn, 2, 100);
        renumber(&conn, 3, 2);
        renumber(&conn, 100, 3);
        assert_eq!(
            broken_seq_kind(&conn),
            (
                2,
                BreakKind::Moved {
                    recorded_as: 3,
                    after: Some(3)
                }
            )
        );
        let conn = trail(6);
        renumber(&conn, 2, 100);
        renumber(&conn, 5, 2);
        renumber(&conn, 100, 5);
        assert_eq!(
            broken_seq_kind(&conn),
            (
                2,
                BreakKind::Moved {
                    recorded_as: 5,
                    after: Some(4)
                }
            )
        );
    }

    #[test]
    fn an_insertion_is_named() {
        // A forged event slipped in at 3, the later ones renumbered.
        let conn = trail(5);
        for seq in (3..=5).rev() {
            renumber(&conn, seq, seq + 1);
        }
        let insert = |hash: &str| {
            conn.execute(
                "INSERT INTO events VALUES (3, 'x', '2015-07-01', 'eve', 'claim.submit', 'claim:9', '{}', ?1)",
                [hash],
            )
            .unwrap();
        };
        insert("bogus");
        assert_eq!(broken_seq_kind(&conn), (3, BreakKind::Inserted));
        // Forged with a hash that links: caught at the event it displaced.
        let linked = chain_hash(
            &hash_of(&conn, 2),
            3,
            "x",
            "2015-07-01",
            "eve",
            "claim.submit",
            "claim:9",
            "{}",
        );
        conn.execute("UPDATE events SET hash = ?1 WHERE seq = 3", [&linked])
            .unwrap();
        assert_eq!(
            broken_seq_kind(&conn),
            (
                4,
                BreakKind::Moved {
                    recorded_as: 3,
                    after: Some(2)
                }
            )
        );
    }

    #[test]
    fn a_rehashed_edit_with_renumbering_is_unmatched() {
        let conn = trail(5);
        conn.execute("DELETE FROM events WHERE seq = 2", [])
            .unwrap();
        for seq in 3..=5 {
            renumber(&conn, seq, seq - 1);
        }
        assert_eq!(broken_seq_kind(&conn), (2, BreakKind::Unmatched));
    }

    #[test]
    fn filters_select_events() {
        let conn = trail(3);
        let seqs = |filter: EventFilter| {
            let mut seqs = Vec::new();
            for_each_event::<rusqlite::Error>(&conn, &filter, |e| {
                seqs.push(e.seq);
                Ok(())
            })
            .unwrap();
            seqs
        };
        assert_eq!(seqs(EventFilter::default()), vec![1, 2, 3]);
        let entity = |e: &str| EventFilter {
            entity: Some(e.into()),
            ..EventFilter::default()
        };
        assert_eq!(seqs(entity("reseller:r2")), vec![2]);
        assert_eq!(seqs(entity("reseller")), vec![1, 2, 3]);
        assert_eq!(seqs(entity("resell")), Vec::<i64>::new());
        assert_eq!(seqs(entity("reseller:r")), Vec::<i64>::new());
        let action = |a: &str| EventFilter {
            action: Some(a.into()),
            ..EventFilter::default()
        };
        assert_eq!(seqs(action("reseller.")), vec![1, 2, 3]);
        assert_eq!(seqs(action("reseller.update")), Vec::<i64>::new());
        assert_eq!(seqs(action("%")), Vec::<i64>::new());
        let since = |d: (i32, u32, u32)| EventFilter {
            since: NaiveDate::from_ymd_opt(d.0, d.1, d.2),
            ..EventFilter::default()
        };
        assert_eq!(seqs(since((2015, 7, 1))), vec![1, 2, 3]);
        assert_eq!(seqs(since((2015, 7, 2))), Vec::<i64>::new());
    }
}
