//! Notice cycles (SPEC section 7): numbering, respond-by dates, expiry,
//! which claims are due a notice, when a cycle is exhausted, and which
//! notice is overdue. Dates are passed in; nothing here reads a clock.

use std::fmt;

use chrono::NaiveDate;

use super::claim::ClaimStatus;
use super::offer::{NoticeRules, add_days};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoticeKind {
    /// Asks an approved claim's reseller for bank details.
    BankDetails,
    /// Asks for corrected details after a failed payment.
    BankCorrection,
    /// Asks for a copy of the customer invoice (never forfeits a claim).
    Invoice,
}

impl NoticeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::BankDetails => "bank_details",
            NoticeKind::BankCorrection => "bank_correction",
            NoticeKind::Invoice => "invoice",
        }
    }

    pub fn parse(text: &str) -> Option<NoticeKind> {
        match text {
            "bank_details" => Some(NoticeKind::BankDetails),
            "bank_correction" => Some(NoticeKind::BankCorrection),
            "invoice" => Some(NoticeKind::Invoice),
            _ => None,
        }
    }
}

impl fmt::Display for NoticeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The bank notice a claim in `status` needs: bank details while approved,
/// corrected details after a failed payment, none otherwise.
pub fn kind_for(status: ClaimStatus) -> Option<NoticeKind> {
    match status {
        ClaimStatus::Approved => Some(NoticeKind::BankDetails),
        ClaimStatus::PaymentFailed => Some(NoticeKind::BankCorrection),
        _ => None,
    }
}

/// The day the answer to a notice sent on `sent_on` is due.
pub fn respond_by(sent_on: NaiveDate, rules: &NoticeRules) -> NaiveDate {
    add_days(sent_on, rules.response_days)
}

/// A notice already sent, as the cycle rules need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentNotice {
    pub number: u32,
    pub sent_on: NaiveDate,
    pub respond_by: NaiveDate,
    pub answered_on: Option<NaiveDate>,
}

impl SentNotice {
    /// Unanswered and `on` is after respond_by: expired the day after.
    pub fn is_expired(&self, on: NaiveDate) -> bool {
        self.answered_on.is_none() && on > self.respond_by
    }

    /// Unanswered and still within its response time on `on`.
    pub fn is_open(&self, on: NaiveDate) -> bool {
        self.answered_on.is_none() && on <= self.respond_by
    }
}

/// Why `notice send` refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendRefusal {
    /// `notice.open`: the previous notice is still open.
    Open { number: u32, respond_by: NaiveDate },
    /// `notice.limit`: the cycle's maximum has been sent.
    Limit { max: u32 },
}

impl SendRefusal {
    pub fn rule_id(&self) -> &'static str {
        match self {
            SendRefusal::Open { .. } => "notice.open",
            SendRefusal::Limit { .. } => "notice.limit",
        }
    }

    pub fn detail(&self) -> String {
        match self {
            SendRefusal::Open { number, respond_by } => format!(
                "notice {number} is open until {respond_by}; the next may be sent once it has expired"
            ),
            SendRefusal::Limit { max } => {
                format!("all {max} notices of this cycle have been sent")
            }
        }
    }
}

/// A claim's current notice cycle: how many bank notices it has sent and the
/// latest of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cycle {
    pub sent: u32,
    pub last: Option<SentNotice>,
}

impl Cycle {
    /// Builds the cycle from its notices in any order.
    pub fn from_notices(notices: &[SentNotice]) -> Cycle {
        Cycle {
            sent: u32::try_from(notices.len()).unwrap_or(u32::MAX),
            last: notices.iter().max_by_key(|n| n.number).copied(),
        }
    }

    /// The number the next notice of this cycle gets: 1, 2, 3...
    pub fn next_number(&self) -> u32 {
        self.last.map_or(1, |n| n.number + 1)
    }

    /// Whether a notice may be sent on `on`; every rule that refuses it.
    pub fn check_send(&self, on: NaiveDate, rules: &NoticeRules) -> Result<u32, Vec<SendRefusal>> {
        let mut refusals = Vec::new();
        if let Some(last) = self.last.filter(|n| n.is_open(on)) {
            refusals.push(SendRefusal::Open {
                number: last.number,
                respond_by: last.respond_by,
            });
        }
        if self.sent >= rules.max_notices {
            refusals.push(SendRefusal::Limit {
                max: rules.max_notices,
            });
        }
        if refusals.is_empty() {
            Ok(self.next_number())
        } else {
            Err(refusals)
        }
    }

    /// A notice should go out on `today`: none sent yet in the cycle, or the
    /// last one expired and fewer than the maximum were sent.
    pub fn is_due(&self, today: NaiveDate, rules: &NoticeRules) -> bool {
        match self.last {
            None => self.sent < rules.max_notices,
            Some(last) => last.is_expired(today) && self.sent < rules.max_notices,
        }
    }

    /// The cycle's last permitted notice expired unanswered on `on`: the
    /// claim is forfeited (`notices.exhausted`).
    pub fn is_exhausted(&self, on: NaiveDate, rules: &NoticeRules) -> bool {
        self.sent >= rules.max_notices && self.last.is_some_and(|n| n.is_expired(on))
    }

    /// The respond-by date after which the cycle is exhausted, once its last
    /// permitted notice has been sent.
    pub fn final_respond_by(&self, rules: &NoticeRules) -> Option<NaiveDate> {
        self.last
            .filter(|_| self.sent >= rules.max_notices)
            .map(|n| n.respond_by)
    }
}

/// Where a stored notice stands relative to its claim, for `overdue`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoticePlace {
    pub kind: NoticeKind,
    pub claim_status: ClaimStatus,
    /// The notice belongs to the claim's current cycle.
    pub in_current_cycle: bool,
    /// No later notice of the same kind in that cycle.
    pub is_latest: bool,
}

/// Only the latest unanswered bank notice of a claim's current cycle can be
/// overdue, and only while the claim still needs it (approved or
/// payment_failed, matching the notice's kind): superseded notices, invoice
/// notices and those of claims that left the cycle never are.
pub fn is_overdue(notice: &SentNotice, place: &NoticePlace, today: NaiveDate) -> bool {
    kind_for(place.claim_status) == Some(place.kind)
        && place.in_current_cycle
        && place.is_latest
        && notice.is_expired(today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    const RULES: NoticeRules = NoticeRules {
        response_days: 5,
        max_notices: 3,
    };

    fn sent(number: u32, sent_on: &str) -> SentNotice {
        SentNotice {
            number,
            sent_on: d(sent_on),
            respond_by: respond_by(d(sent_on), &RULES),
            answered_on: None,
        }
    }

    #[test]
    fn respond_by_is_sent_on_plus_response_days() {
        assert_eq!(respond_by(d("2015-12-29"), &RULES), d("2016-01-03"));
    }

    #[test]
    fn a_notice_expires_the_day_after_respond_by() {
        let notice = sent(1, "2015-08-01");
        assert!(notice.is_open(d("2015-08-06")));
        assert!(!notice.is_expired(d("2015-08-06")));
        assert!(notice.is_expired(d("2015-08-07")));
        assert!(!notice.is_open(d("2015-08-07")));
        let answered = SentNotice {
            answered_on: Some(d("2015-08-03")),
            ..notice
        };
        assert!(!answered.is_open(d("2015-08-04")));
        assert!(!answered.is_expired(d("2015-09-01")));
    }

    #[test]
    fn a_full_cycle() {
        let mut notices = Vec::new();
        let cycle = Cycle::from_notices(&notices);
        assert!(cycle.is_due(d("2015-08-01"), &RULES));
        assert_eq!(cycle.check_send(d("2015-08-01"), &RULES), Ok(1));
        assert!(!cycle.is_exhausted(d("2016-08-01"), &RULES));

        notices.push(sent(1, "2015-08-01"));
        let cycle = Cycle::from_notices(&notices);
        assert!(!cycle.is_due(d("2015-08-06"), &RULES));
        let refused = cycle.check_send(d("2015-08-06"), &RULES).unwrap_err();
        assert_eq!(refused[0].rule_id(), "notice.open");
        assert!(cycle.is_due(d("2015-08-07"), &RULES));
        assert_eq!(cycle.check_send(d("2015-08-07"), &RULES), Ok(2));

        notices.push(sent(2, "2015-08-07"));
        notices.push(sent(3, "2015-08-13"));
        let cycle = Cycle::from_notices(&notices);
        assert_eq!(cycle.final_respond_by(&RULES), Some(d("2015-08-18")));
        assert!(!cycle.is_exhausted(d("2015-08-18"), &RULES));
        assert!(cycle.is_exhausted(d("2015-08-19"), &RULES));
        assert!(!cycle.is_due(d("2015-08-19"), &RULES));
        let refused = cycle.check_send(d("2015-08-19"), &RULES).unwrap_err();
        assert_eq!(
            refused.iter().map(SendRefusal::rule_id).collect::<Vec<_>>(),
            ["notice.limit"]
        );
        let refused = cycle.check_send(d("2015-08-14"), &RULES).unwrap_err();
        assert_eq!(
            refused.iter().map(SendRefusal::rule_id).collect::<Vec<_>>(),
            ["notice.open", "notice.limit"]
        );
    }

    #[test]
    fn an_answered_last_notice_is_neither_due_nor_exhausted() {
        let mut notices = vec![
            sent(1, "2015-08-01"),
            sent(2, "2015-08-07"),
            sent(3, "2015-08-13"),
        ];
        notices[2].answered_on = Some(d("2015-08-15"));
        let cycle = Cycle::from_notices(&notices);
        assert!(!cycle.is_exhausted(d("2016-01-01"), &RULES));
        assert!(!cycle.is_due(d("2016-01-01"), &RULES));
    }

    #[test]
    fn overdue_only_for_the_latest_of_the_current_cycle() {
        let notice = sent(2, "2015-08-07");
        let place = NoticePlace {
            kind: NoticeKind::BankDetails,
            claim_status: ClaimStatus::Approved,
            in_current_cycle: true,
            is_latest: true,
        };
        assert!(!is_overdue(&notice, &place, d("2015-08-12")));
        assert!(is_overdue(&notice, &place, d("2015-08-13")));
        let superseded = NoticePlace {
            is_latest: false,
            ..place
        };
        assert!(!is_overdue(&notice, &superseded, d("2015-08-13")));
        let old_cycle = NoticePlace {
            in_current_cycle: false,
            ..place
        };
        assert!(!is_overdue(&notice, &old_cycle, d("2015-08-13")));
        let left = NoticePlace {
            claim_status: ClaimStatus::Forfeited,
            ..place
        };
        assert!(!is_overdue(&notice, &left, d("2015-08-13")));
        let wrong_kind = NoticePlace {
            claim_status: ClaimStatus::PaymentFailed,
            ..place
        };
        assert!(!is_overdue(&notice, &wrong_kind, d("2015-08-13")));
        let invoice = NoticePlace {
            kind: NoticeKind::Invoice,
            ..place
        };
        assert!(!is_overdue(&notice, &invoice, d("2015-08-13")));
    }

    #[test]
    fn kinds() {
        assert_eq!(
            kind_for(ClaimStatus::Approved),
            Some(NoticeKind::BankDetails)
        );
        assert_eq!(
            kind_for(ClaimStatus::PaymentFailed),
            Some(NoticeKind::BankCorrection)
        );
        assert_eq!(kind_for(ClaimStatus::Payable), None);
        for kind in [
            NoticeKind::BankDetails,
            NoticeKind::BankCorrection,
            NoticeKind::Invoice,
        ] {
            assert_eq!(NoticeKind::parse(kind.as_str()), Some(kind));
        }
    }

    proptest! {
        /// Sending whenever a notice is due numbers notices 1..=max, never
        /// sends while one is open, and the cycle is exhausted exactly the
        /// day after the last one's respond_by.
        #[test]
        fn cycles_follow_the_rules(response_days in 1u32..20, max_notices in 1u32..6, gaps in proptest::collection::vec(0u32..30, 1..12)) {
            let rules = NoticeRules { response_days, max_notices };
            let mut today = d("2015-08-01");
            let mut notices: Vec<SentNotice> = Vec::new();
            for gap in gaps {
                today = add_days(today, gap);
                let cycle = Cycle::from_notices(&notices);
                let due = cycle.is_due(today, &rules);
                let send = cycle.check_send(today, &rules);
                prop_assert_eq!(due, send.is_ok());
                if let Ok(number) = send {
                    prop_assert_eq!(number as usize, notices.len() + 1);
                    notices.push(SentNotice { number, sent_on: today, respond_by: respond_by(today, &rules), answered_on: None });
                }
            }
            prop_assert!(notices.len() as u32 <= max_notices);
            let cycle = Cycle::from_notices(&notices);
            if let Some(last_by) = cycle.final_respond_by(&rules) {
                prop_assert!(!cycle.is_exhausted(last_by, &rules));
                prop_assert!(cycle.is_exhausted(add_days(last_by, 1), &rules));
            } else {
                prop_assert!(!cycle.is_exhausted(add_days(today, 1000), &rules));
            }
        }
    }
}
