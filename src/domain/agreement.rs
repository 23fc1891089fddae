//! Agreement lines (SPEC section 5): the import's columns and the validation
//! of one row's fields. Pure: the caller reads the file and stores the lines.

use chrono::NaiveDate;
use regex::Regex;

use crate::domain::codes::{is_country, is_reseller_id};
use crate::domain::money::{AmountError, Currency, parse_minor};

/// The import's columns, in the order exports write them.
pub const COLUMNS: [&str; 14] = [
    "agreement_number",
    "line",
    "reseller_id",
    "customer_id",
    "customer_name",
    "segment",
    "country",
    "sale_date",
    "product",
    "license_type",
    "quantity",
    "net_amount",
    "currency",
    "returned_on",
];

/// The header column that a rejects file adds and an import ignores.
pub const ERROR_COLUMN: &str = "error";

/// Positions in `COLUMNS`.
pub mod col {
    pub const AGREEMENT_NUMBER: usize = 0;
    pub const LINE: usize = 1;
    pub const RESELLER_ID: usize = 2;
    pub const CUSTOMER_ID: usize = 3;
    pub const CUSTOMER_NAME: usize = 4;
    pub const SEGMENT: usize = 5;
    pub const COUNTRY: usize = 6;
    pub const SALE_DATE: usize = 7;
    pub const PRODUCT: usize = 8;
    pub const LICENSE_TYPE: usize = 9;
    pub const QUANTITY: usize = 10;
    pub const NET_AMOUNT: usize = 11;
    pub const CURRENCY: usize = 12;
    pub const RETURNED_ON: usize = 13;
}

/// The fields every line of one agreement shares (its "header").
pub const HEADER_FIELDS: [usize; 6] = [
    col::RESELLER_ID,
    col::CUSTOMER_ID,
    col::CUSTOMER_NAME,
    col::SEGMENT,
    col::COUNTRY,
    col::SALE_DATE,
];

pub const SEGMENTS: [&str; 4] = ["commercial", "government", "education", "charity"];

/// One row's fields as read, in `COLUMNS` order.
pub type RawLine<'a> = [&'a str; 14];

/// A row whose every field is valid. Text fields borrow the row as read
/// (valid dates are already `YYYY-MM-DD`); numbers are parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidLine<'a> {
    pub fields: RawLine<'a>,
    pub line: i64,
    pub quantity: i64,
    pub net_minor: i64,
    /// `None` when the field is empty.
    pub returned_on: Option<&'a str>,
}

/// What is wrong with one field of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub problem: String,
}

impl FieldProblem {
    pub fn new(field: &'static str, problem: impl Into<String>) -> Self {
        FieldProblem {
            field,
            problem: problem.into(),
        }
    }
}

/// Validates rows against SPEC section 5. Holds the configured agreement
/// number pattern and small caches, because an import checks millions of rows
/// whose countries and currencies repeat.
pub struct LineValidator {
    number_pattern: Regex,
    /// Indexed by the two letters of a country code: known or not.
    countries: Vec<bool>,
    /// The last currencies seen with their minor digits.
    currencies: Vec<([u8; 3], u32)>,
}

impl LineValidator {
    pub fn new(number_pattern: Regex) -> Self {
        let mut countries = vec![false; 26 * 26];
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let code = [a, b];
                let code = std::str::from_utf8(&code).expect("ASCII letters");
                countries[country_index(code).expect("two letters")] = is_country(code);
            }
        }
        LineValidator {
            number_pattern,
            countries,
            currencies: Vec::new(),
        }
    }

    /// The row's typed values, or every problem it has (one per field).
    pub fn validate<'a>(
        &mut self,
        fields: RawLine<'a>,
    ) -> Result<ValidLine<'a>, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let number = fields[col::AGREEMENT_NUMBER];
        if !self.number_pattern.is_match(number) {
            problems.push(FieldProblem::new(
                "agreement_number",
                format!(
                    "`{number}` does not match the agreement number pattern {}",
                    self.number_pattern.as_str()
                ),
            ));
        }
        let line = positive_integer(fields[col::LINE])
            .map_err(|p| problems.push(FieldProblem::new("line", p)))
            .ok();
        let reseller_id = fields[col::RESELLER_ID];
        if !is_reseller_id(reseller_id) {
            problems.push(FieldProblem::new(
                "reseller_id",
                format!(
                    "`{reseller_id}` is not 1-32 characters of A-Za-z0-9._- starting with a letter or digit"
                ),
            ));
        }
        for index in [
            col::CUSTOMER_ID,
            col::CUSTOMER_NAME,
            col::PRODUCT,
            col::LICENSE_TYPE,
        ] {
            if let Err(problem) = plain_text(fields[index]) {
                problems.push(FieldProblem::new(COLUMNS[index], problem));
            }
        }
        let segment = fields[col::SEGMENT];
        if !SEGMENTS.contains(&segment) {
            problems.push(FieldProblem::new(
                "segment",
                format!("`{segment}` is not one of {}", SEGMENTS.join(", ")),
            ));
        }
        let country = fields[col::COUNTRY];
        if !country_index(country).is_some_and(|i| self.countries[i]) {
            problems.push(FieldProblem::new(
                "country",
                format!("`{country}` is not an ISO 3166 alpha-2 country code (e.g. NO)"),
            ));
        }
        let sale_date = parse_iso_date(fields[col::SALE_DATE])
            .map_err(|p| problems.push(FieldProblem::new("sale_date", p)))
            .ok();
        let quantity = positive_integer(fields[col::QUANTITY])
            .map_err(|p| problems.push(FieldProblem::new("quantity", p)))
            .ok();
        let currency = fields[col::CURRENCY];
        let digits = self.minor_digits(currency);
        if digits.is_none() {
            problems.push(FieldProblem::new(
                "currency",
                format!("`{currency}` is not an ISO 4217 currency code (e.g. NOK)"),
            ));
        }
        let net_text = fields[col::NET_AMOUNT];
        // Without a known currency the form can still be judged, with any
        // number of decimals.
        let net_minor = match parse_minor(net_text, digits.unwrap_or(u32::MAX)) {
            Ok(minor) => Some(minor),
            Err(AmountError::TooManyDigits { .. }) if digits.is_none() => None,
            Err(AmountError::TooLarge(_)) if digits.is_none() => None,
            Err(error) => {
                problems.push(FieldProblem::new(
                    "net_amount",
                    amount_problem(&error, currency),
                ));
                None
            }
        };
        let returned_text = fields[col::RETURNED_ON];
        let returned_on = if returned_text.is_empty() {
            None
        } else {
            match parse_iso_date(returned_text) {
                Ok(returned) => {
                    if let Some(sold) = sale_date
                        && returned < sold
                    {
                        problems.push(FieldProblem::new(
                            "returned_on",
                            format!("{returned} is before the sale_date {sold}"),
                        ));
                    }
                    Some(returned_text)
                }
                Err(problem) => {
                    problems.push(FieldProblem::new("returned_on", problem));
                    None
                }
            }
        };
        match (problems.is_empty(), line, quantity, net_minor) {
            (true, Some(line), Some(quantity), Some(net_minor)) => Ok(ValidLine {
                fields,
                line,
                quantity,
                net_minor,
                returned_on,
            }),
            _ => Err(problems),
        }
    }

    fn minor_digits(&mut self, code: &str) -> Option<u32> {
        let key: [u8; 3] = code.as_bytes().try_into().ok()?;
        if let Some((_, digits)) = self.currencies.iter().find(|(c, _)| *c == key) {
            return Some(*digits);
        }
        let digits = Currency::from_code(code)?.minor_digits();
        if self.currencies.len() < 64 {
            self.currencies.push((key, digits));
        }
        Some(digits)
    }
}

fn country_index(code: &str) -> Option<usize> {
    match code.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            Some(usize::from(a - b'A') * 26 + usize::from(b - b'A'))
        }
        _ => None,
    }
}

fn amount_problem(error: &AmountError, currency: &str) -> String {
    match error {
        AmountError::TooManyDigits { text, digits } => {
            format!("`{text}` has more than the {digits} decimal digits of {currency}")
        }
        AmountError::Negative(text) => format!("`{text}` is negative"),
        other => other.to_string(),
    }
}

/// A positive whole number written in digits only (`5`; not `0`, `+5`, `5.0`).
pub fn positive_integer(text: &str) -> Result<i64, String> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("`{text}` is not a positive whole number"));
    }
    match text.parse::<i64>() {
        Ok(0) => Err(format!("`{text}` is not a positive whole number")),
        Ok(value) => Ok(value),
        Err(_) => Err(format!("`{text}` is too large")),
    }
}

/// Required free text: not empty and without surrounding spaces (which would
/// make two spellings of one product or customer differ).
fn plain_text(text: &str) -> Result<(), String> {
    if text.is_empty() {
        Err("must not be empty".to_string())
    } else if text.trim() != text {
        Err(format!("`{text}` has leading or trailing spaces"))
    } else if text.chars().any(char::is_control) {
        Err("contains a control character (a line break or tab)".to_string())
    } else {
        Ok(())
    }
}

/// A date written exactly `YYYY-MM-DD`.
pub fn parse_iso_date(text: &str) -> Result<NaiveDate, String> {
    let bytes = text.as_bytes();
    let well_formed = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let number = |range: std::ops::Range<usize>| {
        bytes[range]
            .iter()
            .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
    };
    well_formed
        .then(|| {
            NaiveDate::from_ymd_opt(
                i32::try_from(number(0..4)).ok()?,
                number(5..7),
                number(8..10),
            )
        })
        .flatten()
        .ok_or_else(|| format!("`{text}` is not a date of the form YYYY-MM-DD"))
}

/// The header fields of one row, in `HEADER_FIELDS` order.
pub type Header<'a> = [&'a str; 6];

/// What the whole file says about a row that is valid on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Valid,
    /// Its key appeared earlier in the file (on `first_line_no`).
    Repeated {
        first_line_no: u64,
    },
    /// Its header fields disagree with the agreement's.
    Conflict(Vec<FieldProblem>),
}

/// Where an agreement's header values come from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Reference {
    /// The first line of the agreement in the file (by line number).
    File { line_no: u64 },
    /// The ledger's stored lines.
    Ledger,
}

#[derive(Debug)]
struct Group {
    number: String,
    header: [String; 6],
    reference: Reference,
    /// The stored header when the ledger holds the agreement.
    stored: Option<[String; 6]>,
    line: i64,
    line_first_at: u64,
}

/// An agreement whose rows have all been seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinishedAgreement {
    pub number: String,
    /// With `--amend`: the header the stored lines take, when it differs
    /// from the stored one.
    pub amend_to: Option<[String; 6]>,
}

/// Judges what only the whole file can tell: a key repeated, and lines of
/// one agreement that disagree on the header fields, within the file or
/// with the ledger. Rows must come sorted by agreement number, line and
/// position in the file, so that only one agreement is held at a time.
pub struct FileCheck {
    amend: bool,
    group: Option<Group>,
}

fn owned(header: Header<'_>) -> [String; 6] {
    header.map(str::to_string)
}

impl FileCheck {
    pub fn new(amend: bool) -> Self {
        FileCheck { amend, group: None }
    }

    /// Whether a row of agreement `number` would start a new agreement.
    pub fn starts(&self, number: &str) -> bool {
        self.group.as_ref().is_none_or(|g| g.number != number)
    }

    /// Judges the next row. `stored` is the ledger's header for the
    /// agreement (looked at on the agreement's first row only). Returns the
    /// previous agreement when this row starts a new one.
    pub fn row(
        &mut self,
        line_no: u64,
        number: &str,
        line: i64,
        header: Header<'_>,
        stored: Option<Header<'_>>,
    ) -> (Option<FinishedAgreement>, Verdict) {
        let mut finished = None;
        if self.starts(number) {
            finished = self.finish();
            let stored = stored.map(owned);
            let (reference, reference_header) = match &stored {
                Some(stored) if !self.amend => (Reference::Ledger, stored.clone()),
                _ => (Reference::File { line_no }, owned(header)),
            };
            self.group = Some(Group {
                number: number.to_string(),
                header: reference_header,
                reference,
                stored,
                line,
                line_first_at: line_no,
            });
        } else if let Some(group) = self.group.as_mut() {
            if group.line == line {
                return (
                    None,
                    Verdict::Repeated {
                        first_line_no: group.line_first_at,
                    },
                );
            }
            group.line = line;
            group.line_first_at = line_no;
        }
        let group = self.group.as_ref().expect("a current agreement");
        let problems: Vec<FieldProblem> = HEADER_FIELDS
            .iter()
            .enumerate()
            .filter(|(i, _)| header[*i] != group.header[*i])
            .map(|(i, column)| {
                let expected = &group.header[i];
                let found = header[i];
                let field = COLUMNS[*column];
                FieldProblem::new(
                    field,
                    match group.reference {
                        Reference::File { line_no } => format!(
                            "`{found}` differs from `{expected}` on line {line_no} for agreement {number}; the lines of an agreement must agree"
                        ),
                        Reference::Ledger => format!(
                            "`{found}` differs from `{expected}` stored for agreement {number}; use --amend to correct stored agreements"
                        ),
                    },
                )
            })
            .collect();
        let verdict = if problems.is_empty() {
            Verdict::Valid
        } else {
            Verdict::Conflict(problems)
        };
        (finished, verdict)
    }

    /// Ends the current agreement (call once more after the last row).
    pub fn finish(&mut self) -> Option<FinishedAgreement> {
        let group = self.group.take()?;
        let amend_to = match (&group.reference, &group.stored) {
            (Reference::File { .. }, Some(stored)) if *stored != group.header => Some(group.header),
            _ => None,
        };
        Some(FinishedAgreement {
            number: group.number,
            amend_to,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn validator() -> LineValidator {
        LineValidator::new(Regex::new("^[A-Z0-9][A-Z0-9-]{3,19}$").unwrap())
    }

    const GOOD: RawLine<'static> = [
        "V1000001",
        "1",
        "nordic-it",
        "C-17",
        "Fjord, Bær & \"Sønn\" AS",
        "commercial",
        "NO",
        "2015-08-14",
        "Office 365 E3",
        "cloud-open",
        "10",
        "1234.50",
        "NOK",
        "",
    ];

    fn with(index: usize, value: &'static str) -> RawLine<'static> {
        let mut fields = GOOD;
        fields[index] = value;
        fields
    }

    fn problem_fields(fields: RawLine<'_>) -> Vec<&'static str> {
        match validator().validate(fields) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(|p| p.field).collect(),
        }
    }

    #[test]
    fn a_good_line_is_typed() {
        let line = validator().validate(GOOD).unwrap();
        assert_eq!((line.line, line.quantity, line.net_minor), (1, 10, 123450));
        assert_eq!(line.returned_on, None);
        let returned = validator()
            .validate(with(col::RETURNED_ON, "2015-08-14"))
            .unwrap();
        assert_eq!(returned.returned_on, Some("2015-08-14"));
    }

    #[test]
    fn amounts_follow_the_currency() {
        let mut v = validator();
        let mut fields = with(col::NET_AMOUNT, "1234");
        fields[col::CURRENCY] = "JPY";
        assert_eq!(v.validate(fields).unwrap().net_minor, 1234);
        fields[col::NET_AMOUNT] = "12.5";
        assert_eq!(problem_fields(fields), vec!["net_amount"]);
        assert_eq!(
            problem_fields(with(col::NET_AMOUNT, "0")),
            Vec::<&str>::new()
        );
        for bad in ["1e3", "+1", "1,5", ".5", "-1", "1.234", "", " 1"] {
            assert_eq!(
                problem_fields(with(col::NET_AMOUNT, bad)),
                vec!["net_amount"],
                "{bad}"
            );
        }
    }

    #[test]
    fn every_field_is_checked() {
        let cases: [(usize, &str); 17] = [
            (col::AGREEMENT_NUMBER, "v1"),
            (col::LINE, "0"),
            (col::LINE, "1.0"),
            (col::RESELLER_ID, "-x"),
            (col::CUSTOMER_ID, ""),
            (col::CUSTOMER_NAME, " Fjord"),
            (col::SEGMENT, "Commercial"),
            (col::COUNTRY, "XX"),
            (col::COUNTRY, "no"),
            (col::SALE_DATE, "2015-8-14"),
            (col::SALE_DATE, "2015-02-30"),
            (col::PRODUCT, ""),
            (col::LICENSE_TYPE, "a\tb"),
            (col::QUANTITY, "-3"),
            (col::CURRENCY, "XYZ"),
            (col::RETURNED_ON, "2015-08-13"),
            (col::RETURNED_ON, "soon"),
        ];
        for (index, value) in cases {
            assert_eq!(
                problem_fields(with(index, value)),
                vec![COLUMNS[index]],
                "{value}"
            );
        }
    }

    #[test]
    fn all_problems_of_a_row_are_reported() {
        let mut fields = with(col::QUANTITY, "0");
        fields[col::COUNTRY] = "ZZ";
        fields[col::CURRENCY] = "EURO";
        assert_eq!(
            problem_fields(fields),
            vec!["country", "quantity", "currency"]
        );
    }

    #[test]
    fn dates_are_strict() {
        assert!(parse_iso_date("2016-02-29").is_ok());
        assert!(parse_iso_date("2015-02-29").is_err());
        assert!(parse_iso_date("2015-13-01").is_err());
        assert!(parse_iso_date("20150101").is_err());
        assert!(parse_iso_date("2015-01-01 ").is_err());
    }

    #[test]
    fn countries_agree_with_the_code_list() {
        let v = validator();
        assert!(v.countries[country_index("NO").unwrap()]);
        assert!(!v.countries[country_index("XX").unwrap()]);
    }

    const HEAD: Header<'static> = ["r1", "C1", "Kunde AS", "commercial", "NO", "2015-08-01"];

    fn other(index: usize, value: &'static str) -> Header<'static> {
        let mut header = HEAD;
        header[index] = value;
        header
    }

    #[test]
    fn repeated_keys_and_conflicts_within_the_file() {
        let mut check = FileCheck::new(false);
        assert_eq!(check.row(2, "V1", 1, HEAD, None), (None, Verdict::Valid));
        assert_eq!(
            check.row(9, "V1", 1, HEAD, None).1,
            Verdict::Repeated { first_line_no: 2 }
        );
        match check.row(4, "V1", 2, other(2, "Kunde ASA"), None).1 {
            Verdict::Conflict(problems) => {
                assert_eq!(problems.len(), 1);
                assert_eq!(problems[0].field, "customer_name");
                assert!(
                    problems[0].problem.contains("on line 2"),
                    "{:?}",
                    problems[0]
                );
            }
            other => panic!("{other:?}"),
        }
        let (finished, verdict) = check.row(3, "V2", 1, other(0, "r2"), None);
        assert_eq!(verdict, Verdict::Valid);
        assert_eq!(
            finished,
            Some(FinishedAgreement {
                number: "V1".into(),
                amend_to: None
            })
        );
    }

    #[test]
    fn the_ledger_is_the_reference_unless_amending() {
        let stored = other(1, "C0");
        let mut check = FileCheck::new(false);
        match check.row(2, "V1", 1, HEAD, Some(stored)).1 {
            Verdict::Conflict(problems) => {
                assert_eq!(problems[0].field, "customer_id");
                assert!(problems[0].problem.contains("--amend"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(check.finish().unwrap().amend_to, None);

        let mut amend = FileCheck::new(true);
        assert_eq!(amend.row(2, "V1", 1, HEAD, Some(stored)).1, Verdict::Valid);
        assert_eq!(amend.row(3, "V1", 2, HEAD, None).1, Verdict::Valid);
        assert_eq!(amend.finish().unwrap().amend_to, Some(owned(HEAD)));

        let mut same = FileCheck::new(true);
        same.row(2, "V1", 1, HEAD, Some(HEAD));
        assert_eq!(same.finish().unwrap().amend_to, None);
    }
}
