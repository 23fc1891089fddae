//! Payouts: where a claim stands on the payout schedule (paid, ready,
//! overdue or blocked, and by what), the rules a payment must pass, and the
//! weeks amounts fall due in (SPEC section 7).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};

use super::claim::ClaimStatus;

/// A claim's place on the payout schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PayoutStatus {
    Paid,
    Ready,
    Overdue,
    Blocked,
}

impl PayoutStatus {
    pub const ALL: [PayoutStatus; 4] = [
        PayoutStatus::Paid,
        PayoutStatus::Ready,
        PayoutStatus::Overdue,
        PayoutStatus::Blocked,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PayoutStatus::Paid => "paid",
            PayoutStatus::Ready => "ready",
            PayoutStatus::Overdue => "overdue",
            PayoutStatus::Blocked => "blocked",
        }
    }
}

impl fmt::Display for PayoutStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PayoutStatus {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        PayoutStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == text)
            .ok_or_else(|| {
                format!("`{text}` is not a payout status (paid, ready, overdue, blocked)")
            })
    }
}

/// What keeps an unpaid claim from being paid today. Declared in the order
/// the schedule reports them: the first that applies is the blocker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Blocker {
    /// The transfer could not be made or came back; corrected details are needed.
    PaymentFailed,
    /// No accepted bank details yet (the claim is approved, not payable).
    BankDetails,
    /// `calculate` has not fixed the amount.
    NotCalculated,
    /// A line counted in the fixed amount has since been marked returned.
    ReturnsChanged,
    /// A counted line can still be returned (today < earliest_on).
    ReturnsOpen,
}

impl Blocker {
    pub fn as_str(self) -> &'static str {
        match self {
            Blocker::PaymentFailed => "payment_failed",
            Blocker::BankDetails => "bank_details",
            Blocker::NotCalculated => "not_calculated",
            Blocker::ReturnsChanged => "returns_changed",
            Blocker::ReturnsOpen => "returns_open",
        }
    }
}

impl fmt::Display for Blocker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the schedule and `payout record` need to know about one claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayoutFacts {
    pub claim_status: ClaimStatus,
    /// `calculate` has fixed the amount.
    pub calculated: bool,
    /// A line counted in the fixed amount has since been marked returned.
    pub returns_changed: bool,
    /// A payment stands (made and not come back).
    pub payment_stands: bool,
    pub earliest_on: NaiveDate,
    pub pay_by: NaiveDate,
}

/// A claim's schedule status and its blocker (kept on an overdue row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub status: PayoutStatus,
    pub blocker: Option<Blocker>,
}

impl PayoutFacts {
    /// The first blocker that applies on `today`, in the schedule's order.
    /// A paid claim has none.
    pub fn blocker(&self, today: NaiveDate) -> Option<Blocker> {
        if self.claim_status == ClaimStatus::Paid {
            return None;
        }
        if self.claim_status == ClaimStatus::PaymentFailed {
            Some(Blocker::PaymentFailed)
        } else if self.claim_status != ClaimStatus::Payable {
            Some(Blocker::BankDetails)
        } else if !self.calculated {
            Some(Blocker::NotCalculated)
        } else if self.returns_changed {
            Some(Blocker::ReturnsChanged)
        } else if today < self.earliest_on {
            Some(Blocker::ReturnsOpen)
        } else {
            None
        }
    }

    /// Paid; else overdue once today is past pay_by (whatever blocks it);
    /// else blocked by the first blocker; else ready.
    pub fn standing(&self, today: NaiveDate) -> Standing {
        let blocker = self.blocker(today);
        let status = if self.claim_status == ClaimStatus::Paid {
            PayoutStatus::Paid
        } else if today > self.pay_by {
            PayoutStatus::Overdue
        } else if blocker.is_some() {
            PayoutStatus::Blocked
        } else {
            PayoutStatus::Ready
        };
        Standing { status, blocker }
    }

    /// Why a payment dated `on` cannot be recorded; empty when it can.
    /// A claim that is not payable is refused for that alone (a paid one as
    /// already paid); a payable one lists every rule it fails.
    pub fn record_refusals(&self, on: NaiveDate) -> Vec<Refusal> {
        if self.claim_status == ClaimStatus::Paid || self.payment_stands {
            return vec![Refusal::AlreadyPaid];
        }
        if self.claim_status != ClaimStatus::Payable {
            return vec![Refusal::State(self.claim_status)];
        }
        let mut refusals = Vec::new();
        if !self.calculated {
            refusals.push(Refusal::NotCalculated);
        }
        if self.returns_changed {
            refusals.push(Refusal::ReturnsChanged);
        }
        if on < self.earliest_on {
            refusals.push(Refusal::TooEarly {
                on,
                earliest_on: self.earliest_on,
            });
        }
        refusals
    }
}

/// A rule `payout record` fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    State(ClaimStatus),
    NotCalculated,
    ReturnsChanged,
    TooEarly {
        on: NaiveDate,
        earliest_on: NaiveDate,
    },
    AlreadyPaid,
}

impl Refusal {
    pub fn rule_id(&self) -> &'static str {
        match self {
            Refusal::State(_) => "claim.state",
            Refusal::NotCalculated => "payout.not_calculated",
            Refusal::ReturnsChanged => "payout.returns_changed",
            Refusal::TooEarly { .. } => "payout.too_early",
            Refusal::AlreadyPaid => "payout.already_paid",
        }
    }

    pub fn detail(&self) -> String {
        match self {
            Refusal::State(status) => format!(
                "cannot record a payment for a claim that is {status}; it must be payable (accepted bank details)"
            ),
            Refusal::NotCalculated => {
                "the amount is not fixed yet; run `calculate` on the offer's calculation date".into()
            }
            Refusal::ReturnsChanged => {
                "a line counted in the fixed amount has since been returned; run `calculate --claim N --recalculate` first".into()
            }
            Refusal::TooEarly { on, earliest_on } => format!(
                "{on} is before the earliest payout date {earliest_on} (sold products can still be returned)"
            ),
            Refusal::AlreadyPaid => {
                "the claim is already paid; a payment is recorded once unless the transfer came back (`payout fail`)".into()
            }
        }
    }
}

/// The Monday that starts the ISO week of `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    let back = u64::from(date.weekday().num_days_from_monday());
    date.checked_sub_days(Days::new(back)).unwrap_or(date)
}

/// Sums amounts by the ISO week (starting Monday) of their date, soonest
/// week first; weeks with nothing due are left out.
pub fn weekly_totals(amounts: impl IntoIterator<Item = (NaiveDate, i64)>) -> Vec<(NaiveDate, i64)> {
    let mut weeks: std::collections::BTreeMap<NaiveDate, i64> = Default::default();
    for (date, minor) in amounts {
        let total = weeks.entry(week_start(date)).or_insert(0);
        *total = total.saturating_add(minor);
    }
    weeks.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ClaimStatus as S;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// A payable, calculated claim free of returns: earliest 2016-03-02,
    /// pay by 2016-03-31.
    fn ready() -> PayoutFacts {
        PayoutFacts {
            claim_status: S::Payable,
            calculated: true,
            returns_changed: false,
            payment_stands: false,
            earliest_on: d("2016-03-02"),
            pay_by: d("2016-03-31"),
        }
    }

    fn standing(facts: &PayoutFacts, today: &str) -> (PayoutStatus, Option<Blocker>) {
        let s = facts.standing(d(today));
        (s.status, s.blocker)
    }

    #[test]
    fn ready_when_nothing_blocks() {
        assert_eq!(
            standing(&ready(), "2016-03-02"),
            (PayoutStatus::Ready, None)
        );
        assert_eq!(
            standing(&ready(), "2016-03-31"),
            (PayoutStatus::Ready, None)
        );
    }

    #[test]
    fn paid_has_no_blocker_even_when_late() {
        let facts = PayoutFacts {
            claim_status: S::Paid,
            payment_stands: true,
            returns_changed: true,
            ..ready()
        };
        assert_eq!(standing(&facts, "2016-05-01"), (PayoutStatus::Paid, None));
    }

    #[test]
    fn each_blocker_alone() {
        let cases = [
            (
                PayoutFacts {
                    claim_status: S::PaymentFailed,
                    ..ready()
                },
                Blocker::PaymentFailed,
            ),
            (
                PayoutFacts {
                    claim_status: S::Approved,
                    ..ready()
                },
                Blocker::BankDetails,
            ),
            (
                PayoutFacts {
                    calculated: false,
                    ..ready()
                },
                Blocker::NotCalculated,
            ),
            (
                PayoutFacts {
                    returns_changed: true,
                    ..ready()
                },
                Blocker::ReturnsChanged,
            ),
        ];
        for (facts, blocker) in cases {
            assert_eq!(
                standing(&facts, "2016-03-10"),
                (PayoutStatus::Blocked, Some(blocker)),
                "{facts:?}"
            );
        }
        assert_eq!(
            standing(&ready(), "2016-03-01"),
            (PayoutStatus::Blocked, Some(Blocker::ReturnsOpen))
        );
    }

    #[test]
    fn the_first_blocker_wins() {
        let everything = PayoutFacts {
            claim_status: S::PaymentFailed,
            calculated: false,
            returns_changed: true,
            ..ready()
        };
        assert_eq!(
            everything.blocker(d("2016-02-01")),
            Some(Blocker::PaymentFailed)
        );
        let approved = PayoutFacts {
            claim_status: S::Approved,
            ..everything.clone()
        };
        assert_eq!(
            approved.blocker(d("2016-02-01")),
            Some(Blocker::BankDetails)
        );
        let payable = PayoutFacts {
            claim_status: S::Payable,
            ..everything.clone()
        };
        assert_eq!(
            payable.blocker(d("2016-02-01")),
            Some(Blocker::NotCalculated)
        );
        let calculated = PayoutFacts {
            calculated: true,
            ..payable
        };
        assert_eq!(
            calculated.blocker(d("2016-02-01")),
            Some(Blocker::ReturnsChanged)
        );
    }

    #[test]
    fn overdue_the_day_after_pay_by_keeping_the_blocker() {
        assert_eq!(standing(&ready(), "2016-03-31").0, PayoutStatus::Ready);
        assert_eq!(
            standing(&ready(), "2016-04-01"),
            (PayoutStatus::Overdue, None)
        );
        let approved = PayoutFacts {
            claim_status: S::Approved,
            ..ready()
        };
        assert_eq!(
            standing(&approved, "2016-03-31"),
            (PayoutStatus::Blocked, Some(Blocker::BankDetails))
        );
        assert_eq!(
            standing(&approved, "2016-04-01"),
            (PayoutStatus::Overdue, Some(Blocker::BankDetails))
        );
    }

    #[test]
    fn record_refusals() {
        assert!(ready().record_refusals(d("2016-03-02")).is_empty());
        assert_eq!(
            ready().record_refusals(d("2016-03-01")),
            vec![Refusal::TooEarly {
                on: d("2016-03-01"),
                earliest_on: d("2016-03-02")
            }]
        );
        let uncalculated = PayoutFacts {
            calculated: false,
            returns_changed: true,
            ..ready()
        };
        let ids: Vec<&str> = uncalculated
            .record_refusals(d("2016-02-01"))
            .iter()
            .map(Refusal::rule_id)
            .collect();
        assert_eq!(
            ids,
            [
                "payout.not_calculated",
                "payout.returns_changed",
                "payout.too_early"
            ]
        );
        let paid = PayoutFacts {
            claim_status: S::Paid,
            payment_stands: true,
            ..ready()
        };
        assert_eq!(
            paid.record_refusals(d("2016-03-10")),
            vec![Refusal::AlreadyPaid]
        );
        let approved = PayoutFacts {
            claim_status: S::Approved,
            ..ready()
        };
        assert_eq!(
            approved.record_refusals(d("2016-03-10")),
            vec![Refusal::State(S::Approved)]
        );
        assert!(Refusal::State(S::Approved).detail().contains("approved"));
        let failed = PayoutFacts {
            claim_status: S::PaymentFailed,
            ..ready()
        };
        assert_eq!(
            failed.record_refusals(d("2016-03-10"))[0].rule_id(),
            "claim.state"
        );
    }

    #[test]
    fn weeks_start_on_monday() {
        // 2016-03-02 is a Wednesday.
        assert_eq!(week_start(d("2016-03-02")), d("2016-02-29"));
        assert_eq!(week_start(d("2016-02-29")), d("2016-02-29"));
        assert_eq!(week_start(d("2016-03-06")), d("2016-02-29"));
        assert_eq!(week_start(d("2016-03-07")), d("2016-03-07"));
        let weeks = weekly_totals([
            (d("2016-03-07"), 5),
            (d("2016-03-02"), 100),
            (d("2016-03-06"), 20),
        ]);
        assert_eq!(weeks, vec![(d("2016-02-29"), 120), (d("2016-03-07"), 5)]);
    }

    #[test]
    fn status_names_round_trip() {
        for status in PayoutStatus::ALL {
            assert_eq!(status.as_str().parse::<PayoutStatus>(), Ok(status));
        }
        assert!("open".parse::<PayoutStatus>().is_err());
    }
}
