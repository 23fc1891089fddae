//! `cashback calendar`: the deadlines as an iCalendar file, parsed back.

mod common;
mod payouts_support;

use std::collections::BTreeMap;

use common::TestLedger;
use icalendar::{Calendar, Component, DatePerhapsTime};
use payouts_support::*;

/// alpha (claim 1, no bank details) and bravo (claim 2, payable), approved
/// on 2015-08-01; alpha's first bank-details notice sent on 2016-03-25
/// (respond by 2016-03-30), which is today.
fn program_with_deadlines() -> TestLedger {
    let mut t = program();
    register(&t, "alpha");
    register(&t, "bravo");
    t.set_today("2015-08-01");
    import(
        &t,
        "sales.csv",
        &[
            sale("AG-ALPHA", 1, "alpha", "2015-07-20", 10, "10000.00", ""),
            sale("AG-BRAVO", 1, "bravo", "2015-07-20", 10, "10000.00", ""),
        ],
    );
    assert_eq!(approved_claim(&t, OFFER, "alpha", "AG-ALPHA"), 1);
    assert_eq!(approved_claim(&t, OFFER, "bravo", "AG-BRAVO"), 2);
    bank_details(&t, 2, "bravo", IBAN, "NOK");
    t.set_today("2016-03-25");
    t.ok(&["notice", "send", "1"]);
    t
}

/// The events of a calendar text by UID: (start date, summary, description).
fn events(text: &str) -> BTreeMap<String, (String, String, String)> {
    let calendar: Calendar = text.parse().expect("a calendar that parses");
    calendar
        .events()
        .map(|event| {
            let start = match event.get_start() {
                Some(DatePerhapsTime::Date(date)) => date.to_string(),
                other => panic!("not an all-day event: {other:?}"),
            };
            (
                event.get_uid().expect("UID").to_string(),
                (
                    start,
                    event.get_summary().unwrap_or_default().to_string(),
                    event.get_description().unwrap_or_default().to_string(),
                ),
            )
        })
        .collect()
}

#[test]
fn one_all_day_event_per_deadline_with_a_stable_uid() {
    let t = program_with_deadlines();
    let text = t.ok(&["calendar", "--within", "14"]);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(text.contains("\r\nVERSION:2.0\r\n"));
    assert!(text.contains("\r\nPRODID:"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 3);
    assert!(text.contains("DTSTART;VALUE=DATE:20160330\r\n"));
    assert!(text.contains("DTEND;VALUE=DATE:20160331\r\n"));
    assert!(text.contains("DTSTART;VALUE=DATE:20160331\r\n"));

    let events = events(&text);
    let uids: Vec<&str> = events.keys().map(String::as_str).collect();
    assert_eq!(
        uids,
        [
            "notice-1-1-1@cashback",
            "payout-1@cashback",
            "payout-2@cashback"
        ]
    );
    let (start, summary, description) = &events["notice-1-1-1@cashback"];
    assert_eq!(start, "2016-03-30");
    assert!(
        summary.contains("claim 1") && summary.contains("alpha"),
        "{summary}"
    );
    assert!(description.contains("notice 1"), "{description}");
    let (start, summary, description) = &events["payout-2@cashback"];
    assert_eq!(start, "2016-03-31");
    assert!(summary.starts_with("Payout due: claim 2"), "{summary}");
    assert!(description.contains("1000.00 NOK"), "{description}");

    // The same events as `deadlines`.
    let deadlines = t.json(&["deadlines", "--within", "14"]);
    assert_eq!(deadlines.as_array().unwrap().len(), events.len());
    // The same ledger and business date give the same file.
    assert_eq!(text, t.ok(&["calendar", "--within", "14"]));
}

#[test]
fn the_window_and_overdue_items() {
    let mut t = program_with_deadlines();
    let text = t.ok(&["calendar", "--within", "5"]);
    assert_eq!(
        events(&text).len(),
        1,
        "only the notice falls within 5 days"
    );
    let text = t.ok(&["calendar", "--within", "0"]);
    assert!(events(&text).is_empty());
    assert!(text.contains("BEGIN:VCALENDAR") && text.contains("END:VCALENDAR"));

    t.set_today("2016-04-01");
    let events = events(&t.ok(&["calendar", "--within", "0"]));
    assert_eq!(events.len(), 3, "overdue items are always in");
    for (uid, (_, summary, _)) in &events {
        assert!(summary.starts_with("OVERDUE: "), "{uid}: {summary}");
    }
    // The UIDs do not change when the items become overdue.
    assert!(events.contains_key("notice-1-1-1@cashback"));
    assert!(events.contains_key("payout-1@cashback"));
}

#[test]
fn output_is_written_atomically_and_never_replaces_a_file() {
    let t = program_with_deadlines();
    let path = t.dir.path().join("program.ics");
    let stdout = t.ok(&[
        "calendar",
        "--within",
        "14",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert!(stdout.is_empty(), "nothing on stdout with --output");
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, t.ok(&["calendar", "--within", "14"]));
    assert_eq!(events(&written).len(), 3);
    // No temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(t.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("program.ics"))
        .collect();
    assert_eq!(names, ["program.ics"]);
    // An existing file, even an earlier calendar, is refused (exit 4) and kept.
    let stderr = t.refused(4, &["calendar", "--output", path.to_str().unwrap()]);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
    // A folder that does not exist: invalid output (exit 4), nothing written.
    let missing = t.dir.path().join("no-such-folder").join("program.ics");
    t.refused(4, &["calendar", "--output", missing.to_str().unwrap()]);
}

#[test]
fn a_paid_claim_leaves_the_calendar() {
    let t = program_with_deadlines();
    t.ok(&["calculate", "--offer", OFFER]);
    t.ok(&["payout", "record", "2", "--reference", "TRF-2"]);
    let events = events(&t.ok(&["calendar", "--within", "14"]));
    assert!(!events.contains_key("payout-2@cashback"));
    assert!(events.contains_key("payout-1@cashback"));
}
