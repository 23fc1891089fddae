//! `cashback calendar`: the deadlines as an iCalendar file (RFC 5545) for a
//! shared program calendar, one all-day event per deadline with a UID that
//! stays the same from one run to the next.

use std::io::Write;

use chrono::{NaiveDate, NaiveTime};
use icalendar::{Calendar, Component, EventLike, Property};

use super::deadlines::{self, Deadline};
use crate::app::App;
use crate::cli::CalendarArgs;
use crate::domain::offer::add_days;
use crate::io::files::AtomicFile;

/// Names the program that wrote the file (RFC 5545 section 3.7.3).
const PRODID: &str = concat!("-//cashback//deadlines ", env!("CARGO_PKG_VERSION"), "//EN");

/// One all-day event of the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEntry {
    /// Stable across runs, so a calendar client updates the event in place.
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
}

/// Writes the deadlines of `deadlines` (same rows, same window) as an
/// iCalendar file: to a new `--output` file atomically (an existing file is
/// refused, as every output file is), or to stdout.
pub fn run(app: &App, args: CalendarArgs) -> anyhow::Result<()> {
    let ledger = app.ledger()?;
    let entries: Vec<CalendarEntry> = deadlines::collect(&ledger.conn, app.today, args.within)?
        .iter()
        .map(entry)
        .collect();
    match &args.output {
        Some(path) => {
            let mut file = AtomicFile::create(path, false, false)?;
            write_ics(&mut file, &entries, app.today)?;
            file.commit()?;
            app.info(format!(
                "wrote {} deadline(s) to {}",
                entries.len(),
                path.display()
            ));
        }
        None => {
            let mut out = std::io::stdout().lock();
            write_ics(&mut out, &entries, app.today)?;
            out.flush()?;
        }
    }
    Ok(())
}

/// The calendar event of one deadline.
pub fn entry(deadline: &Deadline) -> CalendarEntry {
    let what = match deadline.kind {
        "notice" => "Bank details due",
        "payout" => "Payout due",
        other => other,
    };
    let overdue = if deadline.overdue { "OVERDUE: " } else { "" };
    CalendarEntry {
        uid: format!("{}@cashback", deadline.key),
        date: deadline.due_on,
        summary: format!(
            "{overdue}{what}: claim {} ({})",
            deadline.claim_id, deadline.reseller_id
        ),
        description: deadline.detail.clone(),
    }
}

/// The calendar text. DTSTAMP is the business date at midnight UTC, so the
/// same ledger and `--today` always give the same file.
pub fn ics(entries: &[CalendarEntry], today: NaiveDate) -> String {
    let stamp = today.and_time(NaiveTime::MIN).and_utc();
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .name("cashback deadlines")
        .description("Bank-details notices and payouts falling due");
    for entry in entries {
        let event = icalendar::Event::new()
            .uid(&entry.uid)
            .timestamp(stamp)
            .summary(&entry.summary)
            .description(&entry.description)
            .starts(entry.date)
            // DTEND of an all-day event is the next day (exclusive end).
            .ends(add_days(entry.date, 1))
            .done();
        calendar.push(event);
    }
    calendar.to_string()
}

/// Writes the calendar text to `out`.
pub fn write_ics(
    out: &mut dyn Write,
    entries: &[CalendarEntry],
    today: NaiveDate,
) -> std::io::Result<()> {
    out.write_all(ics(entries, today).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn one_all_day_event_per_entry_with_its_uid() {
        let entries = vec![
            CalendarEntry {
                uid: "payout-7@cashback".into(),
                date: d("2016-03-31"),
                summary: "Pay claim 7 (nordic-it): 1234.50 NOK".into(),
                description: "pay by 2016-03-31; blocked: bank_details, with a comma".into(),
            },
            CalendarEntry {
                uid: "notice-3-1-2@cashback".into(),
                date: d("2016-02-05"),
                summary: "Bank details due: claim 3".into(),
                description: "notice 2".into(),
            },
        ];
        let text = ics(&entries, d("2016-02-01"));
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(text.trim_end().ends_with("END:VCALENDAR"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 2);
        assert!(text.contains("DTSTART;VALUE=DATE:20160331\r\n"));
        assert!(text.contains("DTEND;VALUE=DATE:20160401\r\n"));
        assert!(text.contains("UID:payout-7@cashback\r\n"));
        assert!(text.contains("DTSTAMP:20160201T000000Z\r\n"));
        assert!(text.contains("VERSION:2.0\r\nPRODID:-//cashback//deadlines "));
        // The same input gives the same file.
        assert_eq!(text, ics(&entries, d("2016-02-01")));
        let parsed: Calendar = text.parse().unwrap();
        let uids: Vec<&str> = parsed.events().filter_map(|e| e.get_uid()).collect();
        assert_eq!(uids, ["payout-7@cashback", "notice-3-1-2@cashback"]);
    }

    #[test]
    fn an_empty_calendar_is_still_a_calendar() {
        let text = ics(&[], d("2016-02-01"));
        assert!(text.contains("BEGIN:VCALENDAR") && text.contains("END:VCALENDAR"));
        assert!(!text.contains("VEVENT"));
        assert!(text.parse::<Calendar>().is_ok());
    }
}
