//! Reads an offer TOML file (SPEC section 4): required keys, defaults, unknown
//! keys named with a suggestion, no floats where exact values are needed.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use toml::{Table, Value};

use crate::domain::codes::suggest;
use crate::domain::money::{AmountError, parse_decimal};
use crate::domain::offer::{
    Criteria, Exclusion, Incentive, IncentiveKind, NoticeRules, Offer, OfferDates, OfferProblem,
    ReturnRules,
};

const TOP_KEYS: [&str; 11] = [
    "code",
    "name",
    "currency",
    "regions",
    "terms_version",
    "dates",
    "criteria",
    "exclusion",
    "incentive",
    "notices",
    "returns",
];
const DATE_KEYS: [&str; 6] = [
    "opens_on",
    "submit_before",
    "sales_from",
    "sales_to",
    "calculation_date",
    "payout_within_days",
];
const CRITERIA_KEYS: [&str; 5] = [
    "products",
    "license_types",
    "segments",
    "min_quantity",
    "min_new_customers",
];
const EXCLUSION_KEYS: [&str; 3] = ["program", "from", "to"];
const INCENTIVE_KEYS: [&str; 4] = ["kind", "rate", "amount", "cap"];
const NOTICE_KEYS: [&str; 2] = ["response_days", "max_notices"];
const RETURN_KEYS: [&str; 1] = ["return_days"];

/// Parses and validates an offer; the error names the key (or the TOML line).
pub fn parse_offer(text: &str) -> Result<Offer, OfferProblem> {
    let table: Table = text.parse().map_err(|e: toml::de::Error| OfferProblem {
        key: "TOML".into(),
        problem: e.to_string().trim().replace('\n', " "),
    })?;
    let offer = read_offer(&table)?;
    offer.validate()?;
    Ok(offer)
}

fn problem(key: &str, text: impl Into<String>) -> OfferProblem {
    OfferProblem {
        key: key.to_string(),
        problem: text.into(),
    }
}

/// A table of the file, with its path for messages.
struct Section<'a> {
    path: &'a str,
    table: &'a Table,
}

impl<'a> Section<'a> {
    fn key(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.path)
        }
    }

    fn known(&self, names: &[&str]) -> Result<(), OfferProblem> {
        for key in self.table.keys() {
            if !names.contains(&key.as_str()) {
                let hint = match suggest(key, names) {
                    Some(close) => format!("; did you mean `{close}`?"),
                    None => format!("; known keys here: {}", names.join(", ")),
                };
                return Err(problem(&self.key(key), format!("unknown key{hint}")));
            }
        }
        Ok(())
    }

    fn get(&self, name: &str) -> Option<&'a Value> {
        self.table.get(name)
    }

    fn required<T>(
        &self,
        name: &str,
        read: impl Fn(&Self, &str) -> Result<Option<T>, OfferProblem>,
    ) -> Result<T, OfferProblem> {
        read(self, name)?.ok_or_else(|| problem(&self.key(name), "required key is missing"))
    }

    fn string(&self, name: &str) -> Result<Option<String>, OfferProblem> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(self.wrong_type(name, "a string", other)),
        }
    }

    fn strings(&self, name: &str) -> Result<Vec<String>, OfferProblem> {
        match self.get(name) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Value::String(s) => Ok(s.clone()),
                    other => Err(self.wrong_type(name, "a list of strings", other)),
                })
                .collect(),
            Some(other) => Err(self.wrong_type(name, "a list of strings", other)),
        }
    }

    fn date(&self, name: &str) -> Result<Option<NaiveDate>, OfferProblem> {
        let text = match self.get(name) {
            None => return Ok(None),
            Some(Value::Datetime(dt)) if dt.date.is_some() && dt.time.is_none() => dt.to_string(),
            Some(Value::String(s)) => s.clone(),
            Some(other) => return Err(self.wrong_type(name, "a date (YYYY-MM-DD)", other)),
        };
        crate::cli::parse_date(&text)
            .map(Some)
            .map_err(|e| problem(&self.key(name), e))
    }

    fn count(&self, name: &str) -> Result<Option<u64>, OfferProblem> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Integer(n)) if *n >= 0 => Ok(Some(*n as u64)),
            Some(Value::Integer(n)) => Err(problem(&self.key(name), format!("{n} is negative"))),
            Some(other) => Err(self.wrong_type(name, "a whole number", other)),
        }
    }

    fn days(&self, name: &str) -> Result<Option<u32>, OfferProblem> {
        match self.count(name)? {
            None => Ok(None),
            Some(n) if n <= 36_500 => Ok(Some(n as u32)),
            Some(n) => Err(problem(&self.key(name), format!("{n} is more than 36500"))),
        }
    }

    fn decimal(&self, name: &str) -> Result<Option<Decimal>, OfferProblem> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Integer(n)) => Ok(Some(Decimal::from(*n))),
            Some(Value::String(s)) => parse_decimal(s).map(Some).map_err(|e| {
                let text = match e {
                    AmountError::NotDecimal(_) => {
                        format!("`{s}` is not a decimal number such as \"7.5\"")
                    }
                    other => other.to_string(),
                };
                problem(&self.key(name), text)
            }),
            Some(Value::Float(f)) => Err(problem(
                &self.key(name),
                format!("TOML floats are not exact; write the value as a string: \"{f}\""),
            )),
            Some(other) => Err(self.wrong_type(name, "a decimal string such as \"7.5\"", other)),
        }
    }

    fn table(&self, name: &'a str) -> Result<Option<Section<'a>>, OfferProblem> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Table(table)) => Ok(Some(Section { path: name, table })),
            Some(other) => Err(self.wrong_type(name, "a table", other)),
        }
    }

    fn wrong_type(&self, name: &str, expected: &str, found: &Value) -> OfferProblem {
        problem(
            &self.key(name),
            format!("expected {expected}, found {}", found.type_str()),
        )
    }
}

fn read_offer(table: &Table) -> Result<Offer, OfferProblem> {
    let top = Section { path: "", table };
    top.known(&TOP_KEYS)?;
    let dates = top
        .table("dates")?
        .ok_or_else(|| problem("dates", "required table [dates] is missing"))?;
    dates.known(&DATE_KEYS)?;
    let incentive = top
        .table("incentive")?
        .ok_or_else(|| problem("incentive", "required table [incentive] is missing"))?;
    incentive.known(&INCENTIVE_KEYS)?;
    let empty = Table::new();
    let or_empty = |section: Option<Section<'_>>| -> Table {
        section
            .map(|s| s.table.clone())
            .unwrap_or_else(|| empty.clone())
    };
    let criteria_table = or_empty(top.table("criteria")?);
    let criteria = Section {
        path: "criteria",
        table: &criteria_table,
    };
    criteria.known(&CRITERIA_KEYS)?;
    let notices_table = or_empty(top.table("notices")?);
    let notices = Section {
        path: "notices",
        table: &notices_table,
    };
    notices.known(&NOTICE_KEYS)?;
    let returns_table = or_empty(top.table("returns")?);
    let returns = Section {
        path: "returns",
        table: &returns_table,
    };
    returns.known(&RETURN_KEYS)?;

    let exclusion = match top.table("exclusion")? {
        None => None,
        Some(section) => {
            section.known(&EXCLUSION_KEYS)?;
            Some(Exclusion {
                program: section.required("program", Section::string)?,
                from: section.required("from", Section::date)?,
                to: section.required("to", Section::date)?,
            })
        }
    };

    let kind_text = incentive.required("kind", Section::string)?;
    let kind = IncentiveKind::parse(&kind_text).ok_or_else(|| {
        problem(
            "incentive.kind",
            format!(
                "`{kind_text}` is not one of {}",
                IncentiveKind::NAMES.join(", ")
            ),
        )
    })?;

    Ok(Offer {
        code: top.required("code", Section::string)?,
        name: top.required("name", Section::string)?,
        currency: top.required("currency", Section::string)?,
        regions: top.strings("regions")?,
        terms_version: top.required("terms_version", Section::string)?,
        dates: OfferDates {
            opens_on: dates.required("opens_on", Section::date)?,
            submit_before: dates.required("submit_before", Section::date)?,
            sales_from: dates.required("sales_from", Section::date)?,
            sales_to: dates.required("sales_to", Section::date)?,
            calculation_date: dates.required("calculation_date", Section::date)?,
            payout_within_days: dates.days("payout_within_days")?.unwrap_or(60),
        },
        criteria: Criteria {
            products: criteria.strings("products")?,
            license_types: criteria.strings("license_types")?,
            segments: criteria.strings("segments")?,
            min_quantity: criteria.count("min_quantity")?.unwrap_or(0),
            min_new_customers: criteria.count("min_new_customers")?.unwrap_or(0),
        },
        exclusion,
        incentive: Incentive {
            kind,
            rate: incentive.decimal("rate")?,
            amount: incentive.decimal("amount")?,
            cap: incentive.decimal("cap")?,
        },
        notices: NoticeRules {
            response_days: notices.days("response_days")?.unwrap_or(5),
            max_notices: notices.days("max_notices")?.unwrap_or(3),
        },
        returns: ReturnRules {
            return_days: returns.days("return_days")?.unwrap_or(0),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../../examples/10at5-cloud-open.toml");

    #[test]
    fn reads_the_spec_example() {
        let offer = parse_offer(EXAMPLE).unwrap();
        let mut expected = crate::domain::offer::tests::example_offer();
        expected
            .criteria
            .products
            .push("Office 365 Business Premium".into());
        assert_eq!(offer, expected);
    }

    #[test]
    fn defaults() {
        let text = r#"
code = "x"
name = "X"
currency = "EUR"
terms_version = "1"
[dates]
opens_on = 2015-01-01
submit_before = "2015-02-01"
sales_from = 2015-01-01
sales_to = 2015-01-31
calculation_date = 2015-02-28
[incentive]
kind = "flat"
amount = 100
"#;
        let offer = parse_offer(text).unwrap();
        assert_eq!(offer.dates.payout_within_days, 60);
        assert_eq!(
            offer.notices,
            NoticeRules {
                response_days: 5,
                max_notices: 3
            }
        );
        assert_eq!(offer.returns.return_days, 0);
        assert!(offer.regions.is_empty() && offer.exclusion.is_none());
        assert_eq!(offer.incentive.amount, Some(Decimal::from(100)));
    }

    #[test]
    fn unknown_key_with_suggestion() {
        let text = EXAMPLE.replace("submit_before", "submit_befor");
        let err = parse_offer(&text).unwrap_err();
        assert_eq!(err.key, "dates.submit_befor");
        assert!(
            err.problem.contains("did you mean `submit_before`"),
            "{err}"
        );
    }

    #[test]
    fn floats_are_refused() {
        let text = EXAMPLE.replace("rate = \"10\"", "rate = 7.5");
        let err = parse_offer(&text).unwrap_err();
        assert_eq!(err.key, "incentive.rate");
        assert!(err.problem.contains("floats"));
    }

    #[test]
    fn missing_and_malformed() {
        let err = parse_offer(&EXAMPLE.replace("terms_version = \"2015-07\"", "")).unwrap_err();
        assert_eq!(err.key, "terms_version");
        let err = parse_offer(&EXAMPLE.replace("\"NOK\"", "\"NOKK\"")).unwrap_err();
        assert_eq!(err.key, "currency");
        let err = parse_offer("code = [").unwrap_err();
        assert_eq!(err.key, "TOML");
        let err = parse_offer(&EXAMPLE.replace("sales_to = 2015-12-31", "sales_to = 2015-13-31"))
            .unwrap_err();
        assert_eq!(err.key, "TOML");
    }
}
