//! Fuzz targets as property tests over the library's parsers: whatever the
//! input, they never panic; what they accept round-trips; what they refuse
//! comes with a message.
//!
//! `CASHBACK_FUZZ_CASES` sets the number of cases per target (default 256,
//! for CI). A long run:
//!
//! ```text
//! CASHBACK_FUZZ_CASES=200000 cargo test --release --test fuzz
//! ```

use std::str::FromStr;

use cashback::cli::parse_date;
use cashback::domain::codes::{is_country, is_offer_code, is_reseller_id};
use cashback::domain::email::domain_of;
use cashback::domain::money::{
    AmountError, format_minor, minor_to_decimal, parse_decimal, parse_minor,
};
use cashback::domain::names::{normalise, same_name};
use cashback::domain::offer::Offer;
use cashback::io::config::Config;
use cashback::io::offer_toml::parse_offer;
use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn cases() -> u32 {
    std::env::var("CASHBACK_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        // Shrinking long mutated files can take a while; keep it bounded.
        max_shrink_iters: 2048,
        ..ProptestConfig::default()
    }
}

/// Text that looks like input people type: printable Unicode, control
/// characters, NUL, and the separators parsers care about.
fn wild_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => any::<char>(),
            4 => prop::char::range(' ', '~'),
            2 => prop::sample::select(vec![
                '\0', '\n', '\r', '\t', '"', '\'', '\\', '.', ',', '-', '+', 'e', 'E', '0', '9',
                '\u{a0}', '\u{200b}', '\u{feff}', '\u{301}', 'ß', 'İ', 'ﬁ', '٣', '０',
            ]),
        ],
        0..max,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// Number-like text: signs, digits, points, exponents, spaces, in any mix.
fn number_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "[-+]?[0-9]{0,32}(\\.[0-9]{0,32})?([eE][-+]?[0-9]{1,4})?",
        "[0-9 ,._eE+-]{0,40}",
        "[0-9]{1,30}\\.[0-9]{0,30}",
        wild_text(24),
    ]
}

// ---------------------------------------------------------------- amounts

proptest! {
    #![proptest_config(config())]

    #[test]
    fn amounts_never_panic_and_accepted_ones_round_trip(text in number_like(), digits in 0u32..5) {
        match parse_minor(&text, digits) {
            Ok(minor) => {
                prop_assert!(minor >= 0);
                // The exact value the text wrote, in minor units.
                let exact = Decimal::from_str(&text).unwrap();
                prop_assert_eq!(minor_to_decimal(minor, digits), exact);
                // Printed and read back, it is the same amount.
                prop_assert_eq!(parse_minor(&format_minor(minor, digits), digits), Ok(minor));
            }
            Err(error) => {
                let message = error.to_string();
                prop_assert!(message.contains(&text), "{message}");
            }
        }
    }

    #[test]
    fn plain_amounts_within_the_digits_are_accepted(
        whole in "[1-9][0-9]{0,14}|0",
        fraction in "[0-9]{0,4}",
        digits in 0u32..5,
    ) {
        let text = if fraction.is_empty() { whole.clone() } else { format!("{whole}.{fraction}") };
        let result = parse_minor(&text, digits);
        let minor_units = Decimal::from_str(&text).unwrap() * Decimal::from(10_i64.pow(digits));
        if fraction.len() as u32 <= digits && minor_units > Decimal::from(i64::MAX) {
            prop_assert!(matches!(result, Err(AmountError::TooLarge(_))), "{text}: {result:?}");
        } else if fraction.len() as u32 <= digits {
            prop_assert!(result.is_ok(), "{text}: {result:?}");
        } else {
            prop_assert!(matches!(result, Err(AmountError::TooManyDigits { .. })), "{text}: {result:?}");
        }
    }

    #[test]
    fn decimals_never_panic(text in number_like()) {
        if let Ok(value) = parse_decimal(&text) {
            prop_assert_eq!(Some(value), Decimal::from_str(&text).ok());
        }
    }
}

// ------------------------------------------------------------------ dates

proptest! {
    #![proptest_config(config())]

    #[test]
    fn dates_never_panic_and_accepted_ones_are_what_was_written(
        text in prop_oneof![
            "[0-9]{4}-[0-9]{2}-[0-9]{2}",
            "[0-9+-]{0,12}",
            wild_text(12),
        ]
    ) {
        match parse_date(&text) {
            Ok(date) => prop_assert_eq!(date.format("%Y-%m-%d").to_string(), text),
            Err(message) => prop_assert!(message.contains("YYYY-MM-DD"), "{message}"),
        }
    }

    #[test]
    fn every_real_date_is_read(days in 0u64..=3_652_424) {
        // 0000-01-01 plus up to 3,652,424 days: every date through 9999-12-31.
        let date = NaiveDate::from_ymd_opt(0, 1, 1).unwrap() + chrono::Days::new(days);
        prop_assert!(date.year() <= 9999);
        prop_assert_eq!(parse_date(&date.format("%Y-%m-%d").to_string()), Ok(date));
    }
}

// ------------------------------------------------------------------ names

proptest! {
    #![proptest_config(config())]

    #[test]
    fn names_normalise_to_a_fixed_point(name in wild_text(40)) {
        let once = normalise(&name);
        prop_assert_eq!(normalise(&once), once.clone());
        prop_assert!(!once.contains('.') && !once.contains(','));
        prop_assert!(!once.starts_with(char::is_whitespace) && !once.ends_with(char::is_whitespace));
        prop_assert!(same_name(&name, &once));
        prop_assert!(same_name(&name, &name));
    }

    #[test]
    fn case_points_commas_and_spacing_do_not_matter(name in "[A-Za-z0-9 .,]{0,30}") {
        let shouted = format!("  {}. ", name.to_uppercase().replace(' ', " \t "));
        prop_assert!(same_name(&name, &shouted), "{name:?} vs {shouted:?}");
    }
}

// ------------------------------------------------------------ identifiers

proptest! {
    #![proptest_config(config())]

    #[test]
    fn identifiers_never_panic_and_follow_their_form(text in wild_text(40)) {
        if is_reseller_id(&text) {
            prop_assert!((1..=32).contains(&text.len()));
            prop_assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)));
        }
        if is_offer_code(&text) {
            prop_assert!(text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        }
        if is_country(&text) {
            prop_assert!(text.len() == 2 && text.bytes().all(|b| b.is_ascii_uppercase()));
        }
        if let Some(domain) = domain_of(&text) {
            prop_assert!(domain.contains('.'));
            prop_assert_eq!(domain.to_ascii_lowercase(), domain);
        }
    }
}

// ------------------------------------------------------------- offer TOML

const OFFER_TOML: &str = include_str!("../examples/10at5-cloud-open.toml");

/// Values that break parsers: wrong types, overflow, impossible dates,
/// floats, quotes, control characters.
const HOSTILE_VALUES: &[&str] = &[
    "-1",
    "0",
    "1.5",
    "7.5e3",
    "nan",
    "-inf",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "\"99999999999999999999999999999999\"",
    "\"1e5\"",
    "\"-0\"",
    "\"0.000000000000000000000000001\"",
    "\"\"",
    "\"\\u0000\"",
    "\"x'); DROP TABLE offers;--\"",
    "2015-02-30",
    "2015-02-28",
    "0000-01-01",
    "9999-12-31",
    "2015-07-01T10:00:00",
    "true",
    "[]",
    "[1, \"a\"]",
    "{}",
    "{ a = 1 }",
    "\"",
    "[",
    "'''",
    "\"NOK\"",
    "\"percent\"",
    "\"per_new_customer\"",
    "36500",
    "36501",
];

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    ReplaceValue(usize, &'static str),
    Insert(usize, String),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), prop::sample::select(HOSTILE_VALUES))
            .prop_map(|(i, v)| Mutation::ReplaceValue(i, v)),
        (any::<usize>(), wild_text(12)).prop_map(|(i, t)| Mutation::Insert(i, t)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

/// Applies mutations to a file, line by line (or byte by byte for inserts
/// and truncation, on character boundaries).
fn mutate(base: &str, mutations: &[Mutation]) -> String {
    let mut lines: Vec<String> = base.lines().map(str::to_string).collect();
    for m in mutations {
        if lines.is_empty() {
            break;
        }
        match m {
            Mutation::DeleteLine(i) => {
                lines.remove(i % lines.len());
            }
            Mutation::DuplicateLine(i) => {
                let line = lines[i % lines.len()].clone();
                lines.insert(i % lines.len(), line);
            }
            Mutation::ReplaceValue(i, value) => {
                let n = i % lines.len();
                if let Some((key, _)) = lines[n].split_once('=') {
                    lines[n] = format!("{key}= {value}");
                }
            }
            Mutation::Insert(i, text) => {
                let n = i % lines.len();
                let line = &mut lines[n];
                let mut at = i % (line.len() + 1);
                while !line.is_char_boundary(at) {
                    at -= 1;
                }
                line.insert_str(at, text);
            }
            Mutation::Truncate(i) => {
                let n = i % lines.len();
                lines.truncate(n + 1);
            }
        }
    }
    lines.join("\n")
}

fn check_offer(text: &str) -> Result<(), TestCaseError> {
    match parse_offer(text) {
        Ok(offer) => {
            prop_assert!(offer.validate().is_ok());
            // What the ledger stores reads back as the same offer.
            let stored = serde_json::to_string(&offer).unwrap();
            let back: Offer = serde_json::from_str(&stored).unwrap();
            prop_assert_eq!(back, offer);
        }
        Err(problem) => {
            prop_assert!(!problem.key.is_empty());
            prop_assert!(!problem.problem.trim().is_empty());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn offer_files_never_panic(mutations in prop::collection::vec(mutation(), 1..6)) {
        check_offer(&mutate(OFFER_TOML, &mutations))?;
    }

    #[test]
    fn offer_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        // Non-UTF-8 is refused before parsing; the rest is parsed.
        if let Ok(text) = std::str::from_utf8(&bytes) {
            check_offer(text)?;
        }
    }

    #[test]
    fn offer_text_never_panics(text in wild_text(200)) {
        check_offer(&text)?;
    }
}

// ------------------------------------------------------------ config TOML

const CONFIG_TOML: &str = r#"[registration]
personal_email_domains = ["online.no"]
business_email_domains = ["example-firm.no"]
[agreements]
number_pattern = "^V[0-9]{7}$"
[ledger]
busy_timeout_seconds = 30
"#;

const HOSTILE_PATTERNS: &[&str] = &[
    "\"(\"",
    "\"[\"",
    "\"a{1000000}{1000000}\"",
    "\"(a*)*b\"",
    "\"\\\\\"",
    "\"\\\\p{Nope}\"",
    "\"\"",
    "\"(?<n>a)(?<n>b)\"",
];

proptest! {
    #![proptest_config(config())]

    #[test]
    fn config_files_never_panic(
        mutations in prop::collection::vec(mutation(), 0..5),
        pattern in prop::sample::select(HOSTILE_PATTERNS),
        use_pattern in any::<bool>(),
    ) {
        let mut text = mutate(CONFIG_TOML, &mutations);
        if use_pattern {
            text = text.replace("\"^V[0-9]{7}$\"", pattern);
        }
        match Config::parse(&text) {
            Ok(config) => prop_assert!(config.busy_timeout_seconds <= 86_400),
            Err(message) => prop_assert!(!message.trim().is_empty()),
        }
    }
}

// ---------------------------------------------------------- agreements CSV

use cashback::domain::agreement::{COLUMNS, LineValidator, ValidLine};
use cashback::io::agreements_csv::{AgreementsCsv, ReadError};

const CSV_ROWS: [[&str; 14]; 3] = [
    [
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
    ],
    [
        "V1000001",
        "2",
        "nordic-it",
        "C-17",
        "Fjord, Bær & \"Sønn\" AS",
        "commercial",
        "NO",
        "2015-08-14",
        "Office 365 Business Premium",
        "cloud-open",
        "5",
        "99",
        "NOK",
        "2015-09-01",
    ],
    [
        "V1000002",
        "1",
        "fjord-data",
        "C-9",
        "Kunde AS",
        "education",
        "SE",
        "2015-12-31",
        "Office 365 E3",
        "cloud-open",
        "1",
        "0",
        "JPY",
        "",
    ],
];

const HOSTILE_FIELDS: &[&str] = &[
    "",
    "0",
    "-1",
    "+1",
    "1e3",
    "1.005",
    "1.5",
    "2.50",
    ".5",
    "5.",
    "1,5",
    " 7",
    "7 ",
    "99999999999999999999",
    "9223372036854775807",
    "\"",
    "\"\"",
    "a\nb",
    "a\r\nb",
    "\0",
    "2015-02-30",
    "2016-13-45",
    "0000-01-01",
    "9999-12-31",
    "NOK",
    "nok",
    "JPY",
    "KWD",
    "XYZ",
    "no",
    "NO",
    "commercial",
    "Commercial",
    "V1000001",
    "x'); DROP TABLE agreement_lines;--",
    "\u{feff}",
    "ﬁ",
    "١٢٣",
    "error",
];

#[derive(Debug, Clone)]
enum CsvMutation {
    Field(usize, usize, &'static str),
    RandomField(usize, usize, String),
    SwapColumns(usize, usize),
    DropColumn(usize),
    DuplicateRow(usize),
    InsertByte(usize, u8),
    Truncate(usize),
}

fn csv_mutation() -> impl Strategy<Value = CsvMutation> {
    prop_oneof![
        4 => (any::<usize>(), any::<usize>(), prop::sample::select(HOSTILE_FIELDS))
            .prop_map(|(r, c, v)| CsvMutation::Field(r, c, v)),
        2 => (any::<usize>(), any::<usize>(), wild_text(10))
            .prop_map(|(r, c, v)| CsvMutation::RandomField(r, c, v)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| CsvMutation::SwapColumns(a, b)),
        1 => any::<usize>().prop_map(CsvMutation::DropColumn),
        1 => any::<usize>().prop_map(CsvMutation::DuplicateRow),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(i, b)| CsvMutation::InsertByte(i, b)),
        1 => any::<usize>().prop_map(CsvMutation::Truncate),
    ]
}

/// A CSV from the header and rows, mutated. `quoted` writes fields the way
/// a CSV writer would; otherwise they are joined raw (broken quoting).
fn mutated_csv(mutations: &[CsvMutation], quoted: bool) -> Vec<u8> {
    let mut rows: Vec<Vec<String>> = std::iter::once(COLUMNS.map(str::to_string).to_vec())
        .chain(CSV_ROWS.iter().map(|r| r.map(str::to_string).to_vec()))
        .collect();
    let mut bytes_ops = Vec::new();
    for m in mutations {
        match m {
            CsvMutation::Field(r, c, v) => {
                let n = 1 + r % (rows.len() - 1);
                let row = &mut rows[n];
                let n = c % row.len();
                row[n] = v.to_string();
            }
            CsvMutation::RandomField(r, c, v) => {
                let n = 1 + r % (rows.len() - 1);
                let row = &mut rows[n];
                let n = c % row.len();
                row[n] = v.clone();
            }
            CsvMutation::SwapColumns(a, b) => {
                let width = rows[0].len();
                for row in &mut rows {
                    if row.len() == width {
                        row.swap(a % width, b % width);
                    }
                }
            }
            CsvMutation::DropColumn(c) => {
                let n = c % rows[0].len();
                if rows[0].len() > 1 {
                    for row in &mut rows {
                        if n < row.len() {
                            row.remove(n);
                        }
                    }
                }
            }
            CsvMutation::DuplicateRow(r) => {
                let n = 1 + r % (rows.len() - 1);
                let row = rows[n].clone();
                rows.insert(n, row);
            }
            other => bytes_ops.push(other.clone()),
        }
    }
    let mut bytes = if quoted {
        let mut writer = csv::Writer::from_writer(Vec::new());
        for row in &rows {
            writer.write_record(row).unwrap();
        }
        writer.into_inner().unwrap()
    } else {
        rows.iter()
            .map(|r| r.join(","))
            .collect::<Vec<_>>()
            .join("\n")
            .into_bytes()
    };
    for op in bytes_ops {
        match op {
            CsvMutation::InsertByte(i, b) => {
                let at = i % (bytes.len() + 1);
                bytes.insert(at, b);
            }
            CsvMutation::Truncate(i) => {
                let at = i % (bytes.len() + 1);
                bytes.truncate(at);
            }
            _ => unreachable!("field mutations are applied above"),
        }
    }
    bytes
}

/// What one import's reading and row validation make of the bytes.
struct CsvOutcome {
    valid: Vec<(u64, [String; 14], i64, i64, i64)>,
    invalid_rows: usize,
    stopped: Option<String>,
}

thread_local! {
    /// Built once: it compiles the number pattern and a country table.
    static VALIDATOR: std::cell::RefCell<LineValidator> = std::cell::RefCell::new(
        LineValidator::new(
            regex::Regex::new(cashback::io::config::DEFAULT_NUMBER_PATTERN).unwrap(),
        ),
    );
}

fn read_csv(bytes: &[u8]) -> Result<CsvOutcome, TestCaseError> {
    VALIDATOR.with(|validator| read_csv_with(bytes, &mut validator.borrow_mut()))
}

fn read_csv_with(bytes: &[u8], validator: &mut LineValidator) -> Result<CsvOutcome, TestCaseError> {
    let mut outcome = CsvOutcome {
        valid: Vec::new(),
        invalid_rows: 0,
        stopped: None,
    };
    let mut csv = match AgreementsCsv::new(bytes, "fuzz.csv") {
        Ok(csv) => csv,
        Err(error) => {
            outcome.stopped = Some(error.to_string());
            return Ok(outcome);
        }
    };
    let mut last_line = 1;
    loop {
        match csv.next_record() {
            Ok(None) => break,
            Ok(Some(record)) => {
                let line_no = record.line_no;
                // Not strictly greater: after a CR LF line end the reader
                // reports the line before (see the ignored test
                // `crlf_files_report_physical_lines` in tests/hostile.rs).
                prop_assert!(line_no >= last_line, "line {line_no} after {last_line}");
                last_line = record.line_no;
                let Some(fields) = record.fields else {
                    outcome.invalid_rows += 1;
                    continue;
                };
                match validator.validate(fields) {
                    Ok(ValidLine {
                        fields,
                        line,
                        quantity,
                        net_minor,
                        returned_on,
                    }) => {
                        prop_assert!(line >= 1 && quantity >= 1 && net_minor >= 0);
                        prop_assert_eq!(
                            returned_on,
                            (!fields[13].is_empty()).then_some(fields[13])
                        );
                        outcome.valid.push((
                            record.line_no,
                            fields.map(str::to_string),
                            line,
                            quantity,
                            net_minor,
                        ));
                    }
                    Err(problems) => {
                        prop_assert!(!problems.is_empty());
                        for p in problems {
                            prop_assert!(COLUMNS.contains(&p.field));
                            prop_assert!(!p.problem.is_empty());
                        }
                        outcome.invalid_rows += 1;
                    }
                }
            }
            Err(error) => {
                let message = error.to_string();
                prop_assert!(message.starts_with("fuzz.csv:"), "{message}");
                prop_assert!(matches!(
                    error,
                    ReadError::Stopped(_) | ReadError::Header(_)
                ));
                outcome.stopped = Some(message);
                break;
            }
        }
    }
    Ok(outcome)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn agreement_rows_never_panic_and_valid_rows_round_trip(
        mutations in prop::collection::vec(csv_mutation(), 0..6),
        quoted in any::<bool>(),
    ) {
        let bytes = mutated_csv(&mutations, quoted);
        let outcome = read_csv(&bytes)?;
        if outcome.stopped.is_some() || outcome.valid.is_empty() {
            return Ok(());
        }
        // The valid rows, written back as a CSV the way an export does, read
        // back to the same values.
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(COLUMNS).unwrap();
        for (_, fields, ..) in &outcome.valid {
            writer.write_record(fields).unwrap();
        }
        let again = read_csv(&writer.into_inner().unwrap())?;
        prop_assert!(again.stopped.is_none(), "{:?}", again.stopped);
        prop_assert_eq!(again.invalid_rows, 0);
        let strip = |rows: &[(u64, [String; 14], i64, i64, i64)]| {
            rows.iter().map(|(_, f, l, q, n)| (f.clone(), *l, *q, *n)).collect::<Vec<_>>()
        };
        prop_assert_eq!(strip(&again.valid), strip(&outcome.valid));
    }

    #[test]
    fn agreement_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let mut input = COLUMNS.join(",").into_bytes();
        input.push(b'\n');
        input.extend(bytes);
        read_csv(&input)?;
    }
}

// ------------------------------------------------------------- IBAN / BIC

use cashback::domain::bank::{
    BankDetailsInput, HolderType, IbanProblem, mask_iban, parse_bic, parse_iban,
};

/// Valid IBANs of several countries (the registries' published examples).
const IBANS: &[&str] = &[
    "NO9386011117947",
    "GB82WEST12345698765432",
    "DE89370400440532013000",
    "FR1420041010050500013M02606",
    "SE4550000000058398257466",
    "DK5000400440116243",
    "FI2112345600000785",
    "NL91ABNA0417164300",
    "BE68539007547034",
    "CH9300762011623852957",
];

/// The message must not show the IBAN in clear: no run of more than the
/// seven characters a mask keeps.
fn shows_no_iban(message: &str, compact: &str) -> Result<(), TestCaseError> {
    if compact.chars().count() >= 8 {
        let chars: Vec<char> = compact.chars().collect();
        for window in chars.windows(8) {
            let clear: String = window.iter().collect();
            prop_assert!(!message.contains(&clear), "{clear} in {message}");
        }
    }
    Ok(())
}

fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

fn spaced_and_lowered(iban: &str, spaces: &[usize], lower: bool) -> String {
    let mut text: String = if lower {
        iban.to_lowercase()
    } else {
        iban.to_string()
    };
    for at in spaces {
        let at = at % (text.len() + 1);
        text.insert(at, ' ');
    }
    text
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn ibans_never_panic_nor_show_in_errors(text in prop_oneof![
        wild_text(40),
        "[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]{0,34}",
    ]) {
        match parse_iban(&text) {
            Ok(iban) => {
                let stored = iban.reveal();
                prop_assert_eq!(stored, compact(&text));
                prop_assert!((15..=34).contains(&stored.len()));
                prop_assert_eq!(parse_iban(stored), Ok(iban.clone()));
                prop_assert_eq!(iban.masked(), mask_iban(&text));
                shows_no_iban(&format!("{iban:?}"), stored)?;
            }
            Err(problem) => shows_no_iban(&problem.to_string(), &compact(&text))?,
        }
        let masked = mask_iban(&text);
        shows_no_iban(&masked, &compact(&text))?;
    }

    #[test]
    fn valid_ibans_are_read_however_typed(
        iban in prop::sample::select(IBANS),
        spaces in prop::collection::vec(any::<usize>(), 0..6),
        lower in any::<bool>(),
    ) {
        let typed = spaced_and_lowered(iban, &spaces, lower);
        let parsed = parse_iban(&typed);
        prop_assert!(parsed.is_ok(), "{typed}: {parsed:?}");
        let parsed = parsed.unwrap();
        prop_assert_eq!(parsed.reveal(), iban);
        let masked: String = parsed.masked().chars().filter(|c| *c != ' ').collect();
        prop_assert_eq!(&masked[..4], &iban[..4]);
        prop_assert!(masked.ends_with(&iban[iban.len() - 3..]));
        prop_assert_eq!(masked.len(), iban.len());
        prop_assert_eq!(masked.matches('*').count(), iban.len() - 7);
    }

    #[test]
    fn one_wrong_character_is_caught(
        iban in prop::sample::select(IBANS),
        at in any::<usize>(),
        shift in 1u8..10,
    ) {
        // Any single digit typed wrong fails the ISO 7064 check (or the
        // country's form), and the message keeps the IBAN masked.
        let mut chars: Vec<char> = iban.chars().collect();
        let digits: Vec<usize> = (2..chars.len()).filter(|i| chars[*i].is_ascii_digit()).collect();
        let at = digits[at % digits.len()];
        let old = chars[at] as u8 - b'0';
        chars[at] = char::from(b'0' + (old + shift) % 10);
        let typed: String = chars.into_iter().collect();
        match parse_iban(&typed) {
            Ok(_) => prop_assert!(false, "{typed} accepted"),
            Err(problem) => {
                prop_assert!(
                    matches!(problem, IbanProblem::Checksum(_) | IbanProblem::CountryFormat { .. }),
                    "{problem:?}"
                );
                shows_no_iban(&problem.to_string(), &typed)?;
            }
        }
    }

    #[test]
    fn bics_never_panic_and_accepted_ones_are_canonical(text in prop_oneof![
        wild_text(14),
        "[A-Za-z]{6}[A-Za-z0-9]{2}([A-Za-z0-9]{3})?",
        " ?[a-zA-Z0-9]{6,12} ?",
    ]) {
        if let Some(bic) = parse_bic(&text) {
            prop_assert!(bic.len() == 8 || bic.len() == 11);
            prop_assert_eq!(bic.to_ascii_uppercase(), bic.clone());
            prop_assert_eq!(parse_bic(&bic), Some(bic.clone()));
        }
    }

    #[test]
    fn bank_details_problems_never_show_the_iban(
        iban in prop_oneof![prop::sample::select(IBANS).prop_map(str::to_string), wild_text(30)],
        bic in wild_text(12),
        currency in prop_oneof![Just("NOK".to_string()), wild_text(4)],
        holder in wild_text(20),
        address in wild_text(20),
    ) {
        let input = BankDetailsInput {
            holder,
            holder_type: HolderType::Business,
            iban: iban.clone(),
            bic,
            currency,
            address,
        };
        match input.validate() {
            Ok(details) => prop_assert_eq!(details.iban.reveal(), compact(&iban)),
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for problem in problems {
                    if problem.field == "--iban" {
                        shows_no_iban(&problem.to_string(), &compact(&iban))?;
                    }
                }
            }
        }
    }
}
