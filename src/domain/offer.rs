//! An offer: its dates, criteria, incentive, notice and return rules, and the
//! checks that make it a program that can be run (SPEC section 4).

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::money::Currency;

pub const SEGMENTS: [&str; 4] = ["commercial", "government", "education", "charity"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub code: String,
    pub name: String,
    pub currency: String,
    pub regions: Vec<String>,
    pub terms_version: String,
    pub dates: OfferDates,
    pub criteria: Criteria,
    pub exclusion: Option<Exclusion>,
    pub incentive: Incentive,
    pub notices: NoticeRules,
    pub returns: ReturnRules,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferDates {
    pub opens_on: NaiveDate,
    pub submit_before: NaiveDate,
    pub sales_from: NaiveDate,
    pub sales_to: NaiveDate,
    pub calculation_date: NaiveDate,
    pub payout_within_days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criteria {
    pub products: Vec<String>,
    pub license_types: Vec<String>,
    pub segments: Vec<String>,
    pub min_quantity: u64,
    pub min_new_customers: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exclusion {
    pub program: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncentiveKind {
    Percent,
    PerUnit,
    Flat,
    PerNewCustomer,
}

impl IncentiveKind {
    pub const NAMES: [&'static str; 4] = ["percent", "per_unit", "flat", "per_new_customer"];

    pub fn parse(text: &str) -> Option<IncentiveKind> {
        match text {
            "percent" => Some(IncentiveKind::Percent),
            "per_unit" => Some(IncentiveKind::PerUnit),
            "flat" => Some(IncentiveKind::Flat),
            "per_new_customer" => Some(IncentiveKind::PerNewCustomer),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Incentive {
    pub kind: IncentiveKind,
    /// Percent of the counted net amount (kind `percent`).
    pub rate: Option<Decimal>,
    /// Per seat, per claim or per new customer (the other kinds).
    pub amount: Option<Decimal>,
    /// Per claim, in the offer's currency.
    pub cap: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeRules {
    pub response_days: u32,
    pub max_notices: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnRules {
    pub return_days: u32,
}

/// A problem with an offer, naming the key it is about.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{key}: {problem}")]
pub struct OfferProblem {
    pub key: String,
    pub problem: String,
}

fn problem(key: &str, text: impl Into<String>) -> OfferProblem {
    OfferProblem {
        key: key.to_string(),
        problem: text.into(),
    }
}

/// `date + days`, saturating at the largest date (never reached by real offers).
pub fn add_days(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

impl Offer {
    pub fn currency(&self) -> Currency {
        Currency::from_code(&self.currency).expect("offer currencies are checked when added")
    }

    /// The payment deadline: calculation_date + payout_within_days.
    pub fn pay_by(&self) -> NaiveDate {
        add_days(self.dates.calculation_date, self.dates.payout_within_days)
    }

    /// Whether the sales window is still open on `today` (thresholds are then pending).
    pub fn sales_open(&self, today: NaiveDate) -> bool {
        today <= self.dates.sales_to
    }

    /// Every check that is not about the TOML form: codes, currencies,
    /// segments, date order and the incentive's values.
    pub fn validate(&self) -> Result<(), OfferProblem> {
        use super::codes::{is_country, is_offer_code, is_program_code};
        if !is_offer_code(&self.code) {
            return Err(problem(
                "code",
                format!("`{}` is not 1-40 characters of a-z, 0-9 and -", self.code),
            ));
        }
        if self.name.trim().is_empty() {
            return Err(problem("name", "must not be empty"));
        }
        if self.terms_version.trim().is_empty() {
            return Err(problem("terms_version", "must not be empty"));
        }
        let Some(currency) = Currency::from_code(&self.currency) else {
            return Err(problem(
                "currency",
                format!("`{}` is not an ISO 4217 currency code", self.currency),
            ));
        };
        if let Some(region) = self.regions.iter().find(|r| !is_country(r)) {
            return Err(problem(
                "regions",
                format!("`{region}` is not an ISO 3166 alpha-2 country code"),
            ));
        }
        if let Some(segment) = self
            .criteria
            .segments
            .iter()
            .find(|s| !SEGMENTS.contains(&s.as_str()))
        {
            return Err(problem(
                "criteria.segments",
                format!("`{segment}` is not one of {}", SEGMENTS.join(", ")),
            ));
        }
        let d = &self.dates;
        if d.opens_on >= d.submit_before {
            return Err(problem(
                "dates.submit_before",
                format!("{} must be after opens_on {}", d.submit_before, d.opens_on),
            ));
        }
        if d.sales_from > d.sales_to {
            return Err(problem(
                "dates.sales_to",
                format!("{} is before sales_from {}", d.sales_to, d.sales_from),
            ));
        }
        if d.calculation_date < d.sales_to {
            return Err(problem(
                "dates.calculation_date",
                format!("{} is before sales_to {}", d.calculation_date, d.sales_to),
            ));
        }
        let last_return = add_days(d.sales_to, self.returns.return_days);
        if last_return >= self.pay_by() {
            return Err(problem(
                "returns.return_days",
                format!(
                    "the last return window closes on {last_return} (sales_to + {} days), not before the payment deadline {} (calculation_date + {} days), so no claim could be paid on time",
                    self.returns.return_days,
                    self.pay_by(),
                    d.payout_within_days
                ),
            ));
        }
        if let Some(exclusion) = &self.exclusion {
            if !is_program_code(&exclusion.program) {
                return Err(problem(
                    "exclusion.program",
                    format!("`{}` is not a program code", exclusion.program),
                ));
            }
            if exclusion.from > exclusion.to {
                return Err(problem(
                    "exclusion.to",
                    format!("{} is before from {}", exclusion.to, exclusion.from),
                ));
            }
        }
        if self.notices.response_days == 0 {
            return Err(problem("notices.response_days", "must be at least 1"));
        }
        if self.notices.max_notices == 0 {
            return Err(problem("notices.max_notices", "must be at least 1"));
        }
        self.validate_incentive(currency)
    }

    fn validate_incentive(&self, currency: Currency) -> Result<(), OfferProblem> {
        let incentive = &self.incentive;
        let digits = currency.minor_digits();
        let money = |key: &str, value: Decimal| -> Result<(), OfferProblem> {
            if value.is_sign_negative() {
                return Err(problem(key, format!("`{value}` is negative")));
            }
            if value.normalize().scale() > digits {
                return Err(problem(
                    key,
                    format!("`{value}` has more than {digits} decimals ({currency})"),
                ));
            }
            Ok(())
        };
        match incentive.kind {
            IncentiveKind::Percent => {
                let Some(rate) = incentive.rate else {
                    return Err(problem("incentive.rate", "required for kind \"percent\""));
                };
                if incentive.amount.is_some() {
                    return Err(problem(
                        "incentive.amount",
                        "not used by kind \"percent\" (use rate)",
                    ));
                }
                if rate.is_sign_negative() {
                    return Err(problem("incentive.rate", format!("`{rate}` is negative")));
                }
            }
            kind => {
                let name = serde_json::to_value(kind).ok();
                let name = name.as_ref().and_then(|v| v.as_str()).unwrap_or("");
                let Some(amount) = incentive.amount else {
                    return Err(problem(
                        "incentive.amount",
                        format!("required for kind \"{name}\""),
                    ));
                };
                if incentive.rate.is_some() {
                    return Err(problem(
                        "incentive.rate",
                        format!("not used by kind \"{name}\" (use amount)"),
                    ));
                }
                // A unit amount may be finer than the currency (0.125 per
                // seat): the claim's total is rounded once.
                if amount.is_sign_negative() {
                    return Err(problem(
                        "incentive.amount",
                        format!("`{amount}` is negative"),
                    ));
                }
            }
        }
        if let Some(cap) = incentive.cap {
            money("incentive.cap", cap)?;
        }
        Ok(())
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;

    pub fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// The 10@5 Cloud Open promotion of the spec's example.
    pub fn example_offer() -> Offer {
        Offer {
            code: "10at5-cloud-open".into(),
            name: "10@5 Cloud Open Promotion".into(),
            currency: "NOK".into(),
            regions: vec!["NO".into()],
            terms_version: "2015-07".into(),
            dates: OfferDates {
                opens_on: date("2015-07-01"),
                submit_before: date("2015-12-15"),
                sales_from: date("2015-07-01"),
                sales_to: date("2015-12-31"),
                calculation_date: date("2016-01-31"),
                payout_within_days: 60,
            },
            criteria: Criteria {
                products: vec!["Office 365 E3".into()],
                license_types: vec!["cloud-open".into()],
                segments: vec!["commercial".into()],
                min_quantity: 5,
                min_new_customers: 0,
            },
            exclusion: Some(Exclusion {
                program: "MRI".into(),
                from: date("2015-07-01"),
                to: date("2015-12-31"),
            }),
            incentive: Incentive {
                kind: IncentiveKind::Percent,
                rate: Some("10".parse().unwrap()),
                amount: None,
                cap: Some("100000.00".parse().unwrap()),
            },
            notices: NoticeRules {
                response_days: 5,
                max_notices: 3,
            },
            returns: ReturnRules { return_days: 30 },
        }
    }

    #[test]
    fn example_is_valid() {
        assert_eq!(example_offer().validate(), Ok(()));
        assert_eq!(example_offer().pay_by(), date("2016-03-31"));
    }

    #[test]
    fn date_order() {
        let mut offer = example_offer();
        offer.dates.submit_before = offer.dates.opens_on;
        assert_eq!(offer.validate().unwrap_err().key, "dates.submit_before");

        let mut offer = example_offer();
        offer.dates.calculation_date = date("2015-12-30");
        assert_eq!(offer.validate().unwrap_err().key, "dates.calculation_date");
    }

    #[test]
    fn return_window_must_close_before_pay_by() {
        let mut offer = example_offer();
        // sales_to + 91 = 2016-03-31 = pay_by: refused; 90 days is the most.
        offer.returns.return_days = 91;
        assert_eq!(offer.validate().unwrap_err().key, "returns.return_days");
        offer.returns.return_days = 90;
        assert_eq!(offer.validate(), Ok(()));
    }

    #[test]
    fn incentive_values() {
        let mut offer = example_offer();
        offer.incentive = Incentive {
            kind: IncentiveKind::PerUnit,
            rate: None,
            amount: Some("50.005".parse().unwrap()),
            cap: None,
        };
        assert_eq!(offer.validate(), Ok(()));
        offer.incentive.amount = Some("-1".parse().unwrap());
        assert_eq!(offer.validate().unwrap_err().key, "incentive.amount");
        offer.incentive.cap = Some("100.005".parse().unwrap());
        offer.incentive.amount = Some("1".parse().unwrap());
        assert_eq!(offer.validate().unwrap_err().key, "incentive.cap");
        offer.incentive.cap = None;
        offer.incentive.amount = None;
        assert_eq!(offer.validate().unwrap_err().key, "incentive.amount");
        offer.incentive.amount = Some("50.00".parse().unwrap());
        assert_eq!(offer.validate(), Ok(()));
    }
}
