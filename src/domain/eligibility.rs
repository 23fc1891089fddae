//! Eligibility (SPEC section 6): from a reseller's aggregated sales figures,
//! the offer and what is known of the reseller and its claim, every rule's
//! verdict with a sentence of figures, the incentive and the payout dates.
//! Pure: the business date is passed in, the figures come from the ledger.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::money::{format_minor, minor_to_decimal, round_to_minor};
use super::offer::{IncentiveKind, Offer, add_days};

/// The reasons a sales line does not count, in the order they are tried
/// (the first failing one is reported) and under the names `check` reports.
pub const EXCLUSION_REASONS: [&str; 7] = [
    "sale_date",
    "product",
    "license_type",
    "segment",
    "country",
    "currency",
    "returned",
];

/// Every eligibility rule, in the order `check` reports them.
pub const RULE_IDS: [&str; 11] = [
    "reseller.registered",
    "reseller.business_email",
    "reseller.not_excluded",
    "submission.window",
    "submission.terms_accepted",
    "agreement.known",
    "agreement.owned",
    "agreement.qualifies",
    "sales.min_quantity",
    "sales.min_new_customers",
    "invoice.received",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
    Pending,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Pending => "pending",
        }
    }
}

/// One rule's verdict and the sentence that explains it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleVerdict {
    pub id: &'static str,
    pub verdict: Verdict,
    pub detail: String,
}

/// A reseller's sales as the one aggregation counts them for an offer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SalesFigures {
    pub lines_counted: u64,
    /// Lines excluded, by reason, in the order of `EXCLUSION_REASONS`.
    pub excluded: [u64; 7],
    /// Counted seats.
    pub quantity: i64,
    /// Counted net amount in the offer currency's minor units.
    pub net_minor: i64,
    pub new_customers: u64,
    /// The latest sale_date among the counted lines.
    pub last_counted_sale: Option<NaiveDate>,
}

/// What is known of the reseller the rules are about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResellerFacts {
    NotRegistered,
    Registered {
        registered_on: NaiveDate,
        /// The domain of its e-mail address, lower case.
        email_domain: String,
        /// Whether that domain is personal under the current list and config.
        personal_email: bool,
        /// Its enrolments in other programs: (program, from, to), inclusive.
        enrollments: Vec<(String, NaiveDate, NaiveDate)>,
    },
}

/// Whether the customer invoice was asked for and received.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvoiceState {
    NotRequested,
    Requested { on: NaiveDate },
    Received { on: NaiveDate },
}

/// What is known of a submitted claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimFacts {
    pub submitted_on: NaiveDate,
    pub terms_version: String,
    pub agreement_number: String,
    /// The reseller the named agreement belongs to; `None` when the ledger
    /// holds no such agreement.
    pub agreement_reseller: Option<String>,
    /// The named agreement has at least one line that counts.
    pub agreement_qualifies: bool,
    pub invoice: InvoiceState,
}

/// Whether thresholds may still be pending (`check`, `validate`) or are final
/// (`calculate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thresholds {
    /// Pending while unmet and the sales window is still open on the date.
    PendingWhileSalesOpen,
    Final,
}

/// Every rule's verdict, the incentive and the payout dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub rules: Vec<RuleVerdict>,
    /// No rule fails (pending is not a failure).
    pub eligible: bool,
    /// In the offer currency's minor units, rounded once.
    pub incentive_minor: i64,
    pub earliest_on: NaiveDate,
    pub pay_by: NaiveDate,
}

impl Evaluation {
    pub fn failing(&self) -> impl Iterator<Item = &RuleVerdict> {
        self.rules.iter().filter(|r| r.verdict == Verdict::Fail)
    }

    pub fn pending(&self) -> impl Iterator<Item = &RuleVerdict> {
        self.rules.iter().filter(|r| r.verdict == Verdict::Pending)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EligibilityError {
    #[error("the incentive of offer {0} does not fit in an amount (the figures are too large)")]
    IncentiveOverflow(String),
}

/// The date returns are judged on: min(today, calculation_date).
pub fn evaluation_date(offer: &Offer, today: NaiveDate) -> NaiveDate {
    today.min(offer.dates.calculation_date)
}

/// The earliest payout date: the later of calculation_date and the day after
/// the last return window of the counted lines (last sale_date + return_days + 1).
pub fn earliest_on(offer: &Offer, last_counted_sale: Option<NaiveDate>) -> NaiveDate {
    let calculation = offer.dates.calculation_date;
    match last_counted_sale {
        Some(sale) => calculation.max(add_days(add_days(sale, offer.returns.return_days), 1)),
        None => calculation,
    }
}

/// The payment deadline: calculation_date + payout_within_days.
pub fn pay_by(offer: &Offer) -> NaiveDate {
    offer.pay_by()
}

/// The incentive in minor units: percent of the counted net amount, amount
/// per counted seat, a flat amount (for a reseller with at least one counted
/// line), or amount per new customer; then the cap; then rounded half away
/// from zero once.
pub fn incentive_minor(offer: &Offer, sales: &SalesFigures) -> Result<i64, EligibilityError> {
    let digits = offer.currency().minor_digits();
    let overflow = || EligibilityError::IncentiveOverflow(offer.code.clone());
    let incentive = &offer.incentive;
    let amount = incentive.amount.unwrap_or(Decimal::ZERO);
    let value = match incentive.kind {
        IncentiveKind::Percent => {
            let rate = incentive.rate.unwrap_or(Decimal::ZERO);
            minor_to_decimal(sales.net_minor, digits)
                .checked_mul(rate)
                .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
                .ok_or_else(overflow)?
        }
        IncentiveKind::PerUnit => amount
            .checked_mul(Decimal::from(sales.quantity))
            .ok_or_else(overflow)?,
        IncentiveKind::Flat if sales.lines_counted > 0 => amount,
        IncentiveKind::Flat => Decimal::ZERO,
        IncentiveKind::PerNewCustomer => amount
            .checked_mul(Decimal::from(sales.new_customers))
            .ok_or_else(overflow)?,
    };
    let capped = match incentive.cap {
        Some(cap) => value.min(cap),
        None => value,
    };
    round_to_minor(capped, digits).ok_or_else(overflow)
}

/// Evaluates every rule of the table for `reseller_id` as of `as_of` (the
/// business date of the check or of the event being recorded). `claim` is
/// `None` for a what-if: the rules that need a claim are then pending.
pub fn evaluate(
    offer: &Offer,
    reseller_id: &str,
    reseller: &ResellerFacts,
    claim: Option<&ClaimFacts>,
    sales: &SalesFigures,
    as_of: NaiveDate,
    thresholds: Thresholds,
) -> Result<Evaluation, EligibilityError> {
    let mut rules = Vec::with_capacity(RULE_IDS.len());
    let mut push = |id: &'static str, verdict: Verdict, detail: String| {
        rules.push(RuleVerdict {
            id,
            verdict,
            detail,
        })
    };

    // The reseller.
    match reseller {
        ResellerFacts::NotRegistered => {
            push(
                "reseller.registered",
                Verdict::Fail,
                format!("{reseller_id} is not registered"),
            );
            push(
                "reseller.business_email",
                Verdict::Pending,
                format!("{reseller_id} is not registered, so there is no e-mail address to judge"),
            );
        }
        ResellerFacts::Registered {
            registered_on,
            email_domain,
            personal_email,
            ..
        } => {
            push(
                "reseller.registered",
                Verdict::Pass,
                format!("{reseller_id} is registered (since {registered_on})"),
            );
            if *personal_email {
                push(
                    "reseller.business_email",
                    Verdict::Fail,
                    format!("{email_domain} is a personal or free-mail domain"),
                );
            } else {
                push(
                    "reseller.business_email",
                    Verdict::Pass,
                    format!("{email_domain} is a business domain"),
                );
            }
        }
    }
    let (verdict, detail) = exclusion_verdict(offer, reseller);
    push("reseller.not_excluded", verdict, detail);

    // The claim.
    match claim {
        None => {
            for id in [
                "submission.window",
                "submission.terms_accepted",
                "agreement.known",
                "agreement.owned",
                "agreement.qualifies",
            ] {
                push(id, Verdict::Pending, "no claim submitted".to_string());
            }
        }
        Some(claim) => {
            let (verdict, detail) = window_verdict(offer, claim.submitted_on);
            push("submission.window", verdict, detail);
            if claim.terms_version == offer.terms_version {
                push(
                    "submission.terms_accepted",
                    Verdict::Pass,
                    format!("terms version {} accepted", claim.terms_version),
                );
            } else {
                push(
                    "submission.terms_accepted",
                    Verdict::Fail,
                    format!(
                        "terms version {} accepted, but the offer's terms are version {}",
                        claim.terms_version, offer.terms_version
                    ),
                );
            }
            let number = &claim.agreement_number;
            match &claim.agreement_reseller {
                None => {
                    push(
                        "agreement.known",
                        Verdict::Fail,
                        format!("agreement {number} is not in the ledger"),
                    );
                    push(
                        "agreement.owned",
                        Verdict::Fail,
                        format!(
                            "agreement {number} is not in the ledger, so it is not {reseller_id}'s"
                        ),
                    );
                }
                Some(owner) => {
                    push(
                        "agreement.known",
                        Verdict::Pass,
                        format!("agreement {number} is in the ledger"),
                    );
                    if owner == reseller_id {
                        push(
                            "agreement.owned",
                            Verdict::Pass,
                            format!("agreement {number} is {reseller_id}'s"),
                        );
                    } else {
                        push(
                            "agreement.owned",
                            Verdict::Fail,
                            format!("agreement {number} is {owner}'s, not {reseller_id}'s"),
                        );
                    }
                }
            }
            if claim.agreement_qualifies {
                push(
                    "agreement.qualifies",
                    Verdict::Pass,
                    format!("agreement {number} has at least one line that counts"),
                );
            } else {
                push(
                    "agreement.qualifies",
                    Verdict::Fail,
                    format!("no line of agreement {number} counts for this offer"),
                );
            }
        }
    }

    // The sales thresholds.
    let open = thresholds == Thresholds::PendingWhileSalesOpen && offer.sales_open(as_of);
    let (verdict, detail) = threshold_verdict(
        u64::try_from(sales.quantity).unwrap_or(0),
        offer.criteria.min_quantity,
        ("seat", "seats"),
        open.then_some(offer.dates.sales_to),
    );
    push("sales.min_quantity", verdict, detail);
    let (verdict, detail) = threshold_verdict(
        sales.new_customers,
        offer.criteria.min_new_customers,
        ("new customer", "new customers"),
        open.then_some(offer.dates.sales_to),
    );
    push("sales.min_new_customers", verdict, detail);

    // The invoice.
    let (verdict, detail) = match claim.map(|c| c.invoice) {
        None => (Verdict::Pending, "no claim submitted".to_string()),
        Some(InvoiceState::NotRequested) => (Verdict::Pass, "no invoice was requested".to_string()),
        Some(InvoiceState::Received { on }) => (
            Verdict::Pass,
            format!("the requested invoice was received on {on}"),
        ),
        Some(InvoiceState::Requested { on }) => (
            Verdict::Pending,
            format!("an invoice was requested on {on} and has not been received"),
        ),
    };
    push("invoice.received", verdict, detail);

    let eligible = rules.iter().all(|r| r.verdict != Verdict::Fail);
    Ok(Evaluation {
        rules,
        eligible,
        incentive_minor: incentive_minor(offer, sales)?,
        earliest_on: earliest_on(offer, sales.last_counted_sale),
        pay_by: pay_by(offer),
    })
}

fn exclusion_verdict(offer: &Offer, reseller: &ResellerFacts) -> (Verdict, String) {
    let Some(exclusion) = &offer.exclusion else {
        return (
            Verdict::Pass,
            "the offer excludes no other program".to_string(),
        );
    };
    let range = format!("{} to {}", exclusion.from, exclusion.to);
    let enrollments: &[(String, NaiveDate, NaiveDate)] = match reseller {
        ResellerFacts::Registered { enrollments, .. } => enrollments,
        ResellerFacts::NotRegistered => &[],
    };
    let overlapping = enrollments.iter().find(|(program, from, to)| {
        program.eq_ignore_ascii_case(&exclusion.program)
            && *from <= exclusion.to
            && *to >= exclusion.from
    });
    match overlapping {
        Some((program, from, to)) => (
            Verdict::Fail,
            format!(
                "enrolled in {program} from {from} to {to}, which overlaps the excluded range {range}"
            ),
        ),
        None => (
            Verdict::Pass,
            format!(
                "not enrolled in {} on any day from {range}",
                exclusion.program
            ),
        ),
    }
}

fn window_verdict(offer: &Offer, submitted_on: NaiveDate) -> (Verdict, String) {
    let d = &offer.dates;
    let window = format!(
        "submissions are accepted from {} and before {}",
        d.opens_on, d.submit_before
    );
    if d.opens_on <= submitted_on && submitted_on < d.submit_before {
        (
            Verdict::Pass,
            format!("submitted on {submitted_on}; {window}"),
        )
    } else {
        (
            Verdict::Fail,
            format!("submitted on {submitted_on}, outside the window: {window}"),
        )
    }
}

/// "8 of 10 seats; 2 more needed", pending while `open_until` is set.
fn threshold_verdict(
    have: u64,
    need: u64,
    (one, many): (&str, &str),
    open_until: Option<NaiveDate>,
) -> (Verdict, String) {
    let unit = if need == 1 { one } else { many };
    if have >= need {
        let counted = if have == 1 { one } else { many };
        return (
            Verdict::Pass,
            format!("{have} {counted} counted; {need} needed"),
        );
    }
    let shortfall = format!("{have} of {need} {unit}; {} more needed", need - have);
    match open_until {
        Some(sales_to) => (
            Verdict::Pending,
            format!("{shortfall} (the sales window is open until {sales_to})"),
        ),
        None => (Verdict::Fail, shortfall),
    }
}

/// Why a submission is refused: the failing rules among the window, the
/// terms, one claim per offer and the named agreement (SPEC section 6).
pub struct SubmissionFacts<'a> {
    pub date: NaiveDate,
    pub terms_accepted: bool,
    /// The id of the reseller's existing claim on this offer, in any state.
    pub existing_claim: Option<i64>,
    pub agreement_number: &'a str,
    /// The agreement's reseller; `None` when the ledger holds no such agreement.
    pub agreement_reseller: Option<&'a str>,
}

/// Every failing submission rule as (rule id, sentence); empty when the
/// submission is accepted.
pub fn submission_failures(
    offer: &Offer,
    reseller_id: &str,
    facts: &SubmissionFacts<'_>,
) -> Vec<(&'static str, String)> {
    let mut failures = Vec::new();
    if let (Verdict::Fail, detail) = window_verdict(offer, facts.date) {
        failures.push(("submission.window", detail));
    }
    if !facts.terms_accepted {
        failures.push((
            "submission.terms_accepted",
            format!(
                "the terms of offer {} (version {}) were not accepted: pass --accept-terms (--yes does not accept terms)",
                offer.code, offer.terms_version
            ),
        ));
    }
    if let Some(id) = facts.existing_claim {
        failures.push((
            "submission.one_per_offer",
            format!(
                "{reseller_id} already has claim {id} on offer {}; a claim rejected in error is reopened, not resubmitted",
                offer.code
            ),
        ));
    }
    let number = facts.agreement_number;
    match facts.agreement_reseller {
        None => failures.push((
            "agreement.known",
            format!("agreement {number} is not in the ledger; import it first"),
        )),
        Some(owner) if owner != reseller_id => failures.push((
            "agreement.owned",
            format!("agreement {number} is {owner}'s, not {reseller_id}'s"),
        )),
        Some(_) => {}
    }
    failures
}

/// An amount in the offer's currency, as printed: `1234.50`.
pub fn format_amount(offer: &Offer, minor: i64) -> String {
    format_minor(minor, offer.currency().minor_digits())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::offer::tests::{date, example_offer};
    use crate::domain::offer::{Exclusion, Incentive};

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn registered() -> ResellerFacts {
        ResellerFacts::Registered {
            registered_on: date("2015-07-01"),
            email_domain: "nordic-it.no".into(),
            personal_email: false,
            enrollments: vec![],
        }
    }

    fn claim() -> ClaimFacts {
        ClaimFacts {
            submitted_on: date("2015-09-01"),
            terms_version: "2015-07".into(),
            agreement_number: "V1000001".into(),
            agreement_reseller: Some("nordic-it".into()),
            agreement_qualifies: true,
            invoice: InvoiceState::NotRequested,
        }
    }

    fn sales(quantity: i64, net_minor: i64) -> SalesFigures {
        SalesFigures {
            lines_counted: 1,
            quantity,
            net_minor,
            new_customers: 1,
            last_counted_sale: Some(date("2015-11-20")),
            ..SalesFigures::default()
        }
    }

    fn with_incentive(kind: IncentiveKind, rate: Option<&str>, amount: Option<&str>) -> Offer {
        let mut offer = example_offer();
        offer.incentive = Incentive {
            kind,
            rate: rate.map(d),
            amount: amount.map(d),
            cap: None,
        };
        offer
    }

    fn verdict(evaluation: &Evaluation, id: &str) -> (Verdict, String) {
        let rule = evaluation.rules.iter().find(|r| r.id == id).unwrap();
        (rule.verdict, rule.detail.clone())
    }

    fn check(
        offer: &Offer,
        claim: Option<&ClaimFacts>,
        sales: &SalesFigures,
        as_of: &str,
    ) -> Evaluation {
        evaluate(
            offer,
            "nordic-it",
            &registered(),
            claim,
            sales,
            date(as_of),
            Thresholds::PendingWhileSalesOpen,
        )
        .unwrap()
    }

    #[test]
    fn percent_of_the_net_amount() {
        // 10 % of 12 345.67 = 1 234.567 -> 1 234.57
        let offer = with_incentive(IncentiveKind::Percent, Some("10"), None);
        assert_eq!(incentive_minor(&offer, &sales(10, 1_234_567)), Ok(123_457));
        // 7.5 % of 1 000.00 = 75.00
        let offer = with_incentive(IncentiveKind::Percent, Some("7.5"), None);
        assert_eq!(incentive_minor(&offer, &sales(10, 100_000)), Ok(7_500));
    }

    #[test]
    fn half_minor_units_round_away_from_zero() {
        let offer = with_incentive(IncentiveKind::Percent, Some("10"), None);
        // 10 % of 10.05 = 1.005 -> 1.01; of 10.04 = 1.004 -> 1.00
        assert_eq!(incentive_minor(&offer, &sales(1, 1_005)), Ok(101));
        assert_eq!(incentive_minor(&offer, &sales(1, 1_004)), Ok(100));
        // 7.5 % of 0.07 = 0.00525 -> 0.01
        let offer = with_incentive(IncentiveKind::Percent, Some("7.5"), None);
        assert_eq!(incentive_minor(&offer, &sales(1, 7)), Ok(1));
        // 2.5 % of 0.20 = 0.005 -> 0.01, and of 0.19 = 0.00475 -> 0.00
        let offer = with_incentive(IncentiveKind::Percent, Some("2.5"), None);
        assert_eq!(incentive_minor(&offer, &sales(1, 20)), Ok(1));
        assert_eq!(incentive_minor(&offer, &sales(1, 19)), Ok(0));
    }

    #[test]
    fn rounding_is_once_per_claim_not_per_line() {
        // Two lines of 0.05 at 10 %: per line 0.005 would round to 0.01 each
        // (0.02); once per claim, 10 % of 0.10 = 0.01.
        let offer = with_incentive(IncentiveKind::Percent, Some("10"), None);
        assert_eq!(incentive_minor(&offer, &sales(2, 10)), Ok(1));
    }

    #[test]
    fn zero_digit_currency_rounds_to_whole_units() {
        let mut offer = with_incentive(IncentiveKind::Percent, Some("10"), None);
        offer.currency = "JPY".into();
        // 10 % of 125 = 12.5 -> 13; of 124 = 12.4 -> 12
        assert_eq!(incentive_minor(&offer, &sales(1, 125)), Ok(13));
        assert_eq!(incentive_minor(&offer, &sales(1, 124)), Ok(12));
    }

    #[test]
    fn three_digit_currency_rounds_to_its_minor_unit() {
        let mut offer = with_incentive(IncentiveKind::Percent, Some("10"), None);
        offer.currency = "KWD".into();
        // 10 % of 1.005 KWD = 0.1005 -> 0.101
        assert_eq!(incentive_minor(&offer, &sales(1, 1_005)), Ok(101));
    }

    #[test]
    fn per_unit_flat_and_per_new_customer() {
        let offer = with_incentive(IncentiveKind::PerUnit, None, Some("50.25"));
        // 7 seats x 50.25 = 351.75
        assert_eq!(incentive_minor(&offer, &sales(7, 999)), Ok(35_175));
        let offer = with_incentive(IncentiveKind::Flat, None, Some("1500.00"));
        assert_eq!(incentive_minor(&offer, &sales(7, 999)), Ok(150_000));
        assert_eq!(incentive_minor(&offer, &SalesFigures::default()), Ok(0));
        let offer = with_incentive(IncentiveKind::PerNewCustomer, None, Some("250.00"));
        let mut figures = sales(7, 999);
        figures.new_customers = 3;
        assert_eq!(incentive_minor(&offer, &figures), Ok(75_000));
    }

    #[test]
    fn the_cap_applies_before_rounding() {
        let mut offer = with_incentive(IncentiveKind::Percent, Some("10"), None);
        offer.incentive.cap = Some(d("100.00"));
        // 10 % of 1 000.05 = 100.005 -> capped at 100.00 (not rounded to 100.01 first)
        assert_eq!(incentive_minor(&offer, &sales(1, 100_005)), Ok(10_000));
        // under the cap: 10 % of 999.95 = 99.995 -> 100.00
        assert_eq!(incentive_minor(&offer, &sales(1, 99_995)), Ok(10_000));
        // 10 % of 500.00 = 50.00
        assert_eq!(incentive_minor(&offer, &sales(1, 50_000)), Ok(5_000));
        let mut offer = with_incentive(IncentiveKind::PerUnit, None, Some("50.00"));
        offer.incentive.cap = Some(d("120.00"));
        assert_eq!(incentive_minor(&offer, &sales(3, 0)), Ok(12_000));
        assert_eq!(incentive_minor(&offer, &sales(2, 0)), Ok(10_000));
    }

    #[test]
    fn payout_dates() {
        let offer = example_offer(); // calculation 2016-01-31, return_days 30, 60 days to pay
        assert_eq!(pay_by(&offer), date("2016-03-31"));
        assert_eq!(earliest_on(&offer, None), date("2016-01-31"));
        // 2015-12-31 + 30 = 2016-01-30, + 1 = 2016-01-31: the same day
        assert_eq!(
            earliest_on(&offer, Some(date("2015-12-31"))),
            date("2016-01-31")
        );
        let mut offer = example_offer();
        offer.returns.return_days = 45;
        // 2015-12-20 + 45 = 2016-02-03, + 1 = 2016-02-04
        assert_eq!(
            earliest_on(&offer, Some(date("2015-12-20"))),
            date("2016-02-04")
        );
        assert_eq!(
            earliest_on(&offer, Some(date("2015-08-01"))),
            date("2016-01-31")
        );
        assert_eq!(
            evaluation_date(&offer, date("2015-10-01")),
            date("2015-10-01")
        );
        assert_eq!(
            evaluation_date(&offer, date("2016-05-01")),
            date("2016-01-31")
        );
    }

    #[test]
    fn thresholds_are_pending_while_the_sales_window_is_open() {
        let mut offer = example_offer();
        offer.criteria.min_quantity = 10;
        let figures = sales(8, 100_000);
        let open = check(&offer, Some(&claim()), &figures, "2015-12-31");
        let (v, detail) = verdict(&open, "sales.min_quantity");
        assert_eq!(v, Verdict::Pending);
        assert!(
            detail.starts_with("8 of 10 seats; 2 more needed"),
            "{detail}"
        );
        assert!(open.eligible);
        let closed = check(&offer, Some(&claim()), &figures, "2016-01-01");
        assert_eq!(
            verdict(&closed, "sales.min_quantity"),
            (Verdict::Fail, "8 of 10 seats; 2 more needed".to_string())
        );
        assert!(!closed.eligible);
        // at calculation they are final even on the last day of sales
        let final_ = evaluate(
            &offer,
            "nordic-it",
            &registered(),
            Some(&claim()),
            &figures,
            date("2015-12-01"),
            Thresholds::Final,
        )
        .unwrap();
        assert_eq!(verdict(&final_, "sales.min_quantity").0, Verdict::Fail);
        // met: passes whatever the date
        let met = check(&offer, Some(&claim()), &sales(12, 0), "2015-08-01");
        assert_eq!(
            verdict(&met, "sales.min_quantity"),
            (Verdict::Pass, "12 seats counted; 10 needed".to_string())
        );
    }

    #[test]
    fn new_customer_threshold() {
        let mut offer = example_offer();
        offer.criteria.min_new_customers = 2;
        let mut figures = sales(8, 0);
        figures.new_customers = 1;
        let closed = check(&offer, Some(&claim()), &figures, "2016-01-10");
        assert_eq!(
            verdict(&closed, "sales.min_new_customers"),
            (
                Verdict::Fail,
                "1 of 2 new customers; 1 more needed".to_string()
            )
        );
        let open = check(&offer, Some(&claim()), &figures, "2015-10-10");
        assert_eq!(
            verdict(&open, "sales.min_new_customers").0,
            Verdict::Pending
        );
    }

    #[test]
    fn every_rule_is_reported_in_order() {
        let evaluation = check(&example_offer(), Some(&claim()), &sales(8, 0), "2015-10-01");
        let ids: Vec<&str> = evaluation.rules.iter().map(|r| r.id).collect();
        assert_eq!(ids, RULE_IDS);
        assert!(evaluation.rules.iter().all(|r| r.verdict == Verdict::Pass));
        assert!(evaluation.eligible);
    }

    #[test]
    fn without_a_claim_its_rules_are_pending() {
        let evaluation = check(&example_offer(), None, &sales(8, 0), "2015-10-01");
        for id in [
            "submission.window",
            "submission.terms_accepted",
            "agreement.known",
            "agreement.owned",
            "agreement.qualifies",
            "invoice.received",
        ] {
            assert_eq!(verdict(&evaluation, id).0, Verdict::Pending, "{id}");
        }
        assert!(evaluation.eligible);
    }

    #[test]
    fn an_unregistered_reseller() {
        let evaluation = evaluate(
            &example_offer(),
            "ghost",
            &ResellerFacts::NotRegistered,
            None,
            &sales(8, 0),
            date("2015-10-01"),
            Thresholds::PendingWhileSalesOpen,
        )
        .unwrap();
        assert_eq!(verdict(&evaluation, "reseller.registered").0, Verdict::Fail);
        assert_eq!(
            verdict(&evaluation, "reseller.business_email").0,
            Verdict::Pending
        );
        assert_eq!(
            verdict(&evaluation, "reseller.not_excluded").0,
            Verdict::Pass
        );
        assert!(!evaluation.eligible);
    }

    #[test]
    fn a_personal_email_fails() {
        let reseller = ResellerFacts::Registered {
            registered_on: date("2015-07-01"),
            email_domain: "gmail.com".into(),
            personal_email: true,
            enrollments: vec![],
        };
        let evaluation = evaluate(
            &example_offer(),
            "nordic-it",
            &reseller,
            None,
            &sales(8, 0),
            date("2015-10-01"),
            Thresholds::PendingWhileSalesOpen,
        )
        .unwrap();
        let (v, detail) = verdict(&evaluation, "reseller.business_email");
        assert_eq!(v, Verdict::Fail);
        assert!(detail.contains("gmail.com"));
    }

    fn enrolled(from: &str, to: &str) -> ResellerFacts {
        ResellerFacts::Registered {
            registered_on: date("2015-07-01"),
            email_domain: "nordic-it.no".into(),
            personal_email: false,
            enrollments: vec![("MRI".into(), date(from), date(to))],
        }
    }

    #[test]
    fn exclusion_overlap_is_inclusive_at_both_edges() {
        let mut offer = example_offer();
        offer.exclusion = Some(Exclusion {
            program: "MRI".into(),
            from: date("2015-07-01"),
            to: date("2015-12-31"),
        });
        let cases = [
            ("2015-01-01", "2015-06-30", Verdict::Pass),
            ("2015-01-01", "2015-07-01", Verdict::Fail),
            ("2015-12-31", "2016-06-30", Verdict::Fail),
            ("2016-01-01", "2016-06-30", Verdict::Pass),
            ("2015-08-01", "2015-08-31", Verdict::Fail),
            ("2015-01-01", "2016-12-31", Verdict::Fail),
        ];
        for (from, to, expected) in cases {
            let (v, _) = exclusion_verdict(&offer, &enrolled(from, to));
            assert_eq!(v, expected, "enrolled {from}..{to}");
        }
        // another program does not exclude
        let other = ResellerFacts::Registered {
            registered_on: date("2015-07-01"),
            email_domain: "nordic-it.no".into(),
            personal_email: false,
            enrollments: vec![("CSP".into(), date("2015-01-01"), date("2016-01-01"))],
        };
        assert_eq!(exclusion_verdict(&offer, &other).0, Verdict::Pass);
        offer.exclusion = None;
        assert_eq!(
            exclusion_verdict(&offer, &enrolled("2015-01-01", "2016-01-01")).0,
            Verdict::Pass
        );
    }

    #[test]
    fn claim_rules() {
        let offer = example_offer();
        let figures = sales(8, 0);
        let mut late = claim();
        late.submitted_on = date("2015-12-15");
        assert_eq!(
            verdict(
                &check(&offer, Some(&late), &figures, "2016-01-05"),
                "submission.window"
            )
            .0,
            Verdict::Fail
        );
        late.submitted_on = date("2015-12-14");
        assert_eq!(
            verdict(
                &check(&offer, Some(&late), &figures, "2016-01-05"),
                "submission.window"
            )
            .0,
            Verdict::Pass
        );
        let mut other_terms = claim();
        other_terms.terms_version = "2015-01".into();
        assert_eq!(
            verdict(
                &check(&offer, Some(&other_terms), &figures, "2015-10-01"),
                "submission.terms_accepted"
            )
            .0,
            Verdict::Fail
        );
        let mut foreign = claim();
        foreign.agreement_reseller = Some("fjord-data".into());
        foreign.agreement_qualifies = false;
        let evaluation = check(&offer, Some(&foreign), &figures, "2015-10-01");
        assert_eq!(verdict(&evaluation, "agreement.known").0, Verdict::Pass);
        assert_eq!(verdict(&evaluation, "agreement.owned").0, Verdict::Fail);
        assert_eq!(verdict(&evaluation, "agreement.qualifies").0, Verdict::Fail);
        let mut unknown = claim();
        unknown.agreement_reseller = None;
        let evaluation = check(&offer, Some(&unknown), &figures, "2015-10-01");
        assert_eq!(verdict(&evaluation, "agreement.known").0, Verdict::Fail);
        let mut invoice = claim();
        invoice.invoice = InvoiceState::Requested {
            on: date("2015-09-02"),
        };
        let evaluation = check(&offer, Some(&invoice), &figures, "2015-10-01");
        assert_eq!(verdict(&evaluation, "invoice.received").0, Verdict::Pending);
        assert!(evaluation.eligible);
        invoice.invoice = InvoiceState::Received {
            on: date("2015-09-05"),
        };
        let evaluation = check(&offer, Some(&invoice), &figures, "2015-10-01");
        assert_eq!(verdict(&evaluation, "invoice.received").0, Verdict::Pass);
    }

    #[test]
    fn submission_refusals_are_all_listed() {
        let offer = example_offer();
        let facts = SubmissionFacts {
            date: date("2015-12-15"),
            terms_accepted: false,
            existing_claim: Some(3),
            agreement_number: "V1000001",
            agreement_reseller: Some("fjord-data"),
        };
        let ids: Vec<&str> = submission_failures(&offer, "nordic-it", &facts)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(
            ids,
            [
                "submission.window",
                "submission.terms_accepted",
                "submission.one_per_offer",
                "agreement.owned"
            ]
        );
        let facts = SubmissionFacts {
            date: date("2015-07-01"),
            terms_accepted: true,
            existing_claim: None,
            agreement_number: "V1000001",
            agreement_reseller: None,
        };
        let failures = submission_failures(&offer, "nordic-it", &facts);
        assert_eq!(failures.len(), 1);
        assert_eq!(failures[0].0, "agreement.known");
        let facts = SubmissionFacts {
            agreement_reseller: Some("nordic-it"),
            ..facts
        };
        assert!(submission_failures(&offer, "nordic-it", &facts).is_empty());
        // the day before opens_on is outside
        let facts = SubmissionFacts {
            date: date("2015-06-30"),
            ..facts
        };
        assert_eq!(
            submission_failures(&offer, "nordic-it", &facts)[0].0,
            "submission.window"
        );
    }
}
