//! Exact money: integer minor units with a currency, decimal parsing and the
//! one rounding function of the program.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

/// An ISO 4217 currency with its number of minor digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    code: iso_currency::Currency,
}

impl Currency {
    /// The currency for an ISO 4217 code (upper case); `None` when unknown.
    pub fn from_code(code: &str) -> Option<Currency> {
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        iso_currency::Currency::from_code(code).map(|code| Currency { code })
    }

    pub fn code(&self) -> &'static str {
        self.code.code()
    }

    /// Digits after the decimal point (2 for NOK, 0 for JPY, 3 for KWD).
    pub fn minor_digits(&self) -> u32 {
        self.code.exponent().map(u32::from).unwrap_or(0)
    }

    /// Parses a non-negative decimal with at most this currency's minor digits
    /// into minor units.
    pub fn parse_minor(&self, text: &str) -> Result<i64, AmountError> {
        parse_minor(text, self.minor_digits())
    }

    pub fn format_minor(&self, minor: i64) -> String {
        format_minor(minor, self.minor_digits())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("`{0}` is not a decimal number (digits with an optional point, e.g. 1234.50)")]
    NotDecimal(String),
    #[error("`{0}` is negative")]
    Negative(String),
    #[error("`{text}` has more than {digits} decimal digits")]
    TooManyDigits { text: String, digits: u32 },
    #[error("`{0}` is too large")]
    TooLarge(String),
}

/// Parses a plain decimal (`1234`, `1234.5`, `0.50`; no sign, exponent,
/// thousands separator or spaces) with at most `digits` decimals into minor
/// units.
pub fn parse_minor(text: &str, digits: u32) -> Result<i64, AmountError> {
    let decimal = parse_decimal(text)?;
    if decimal.is_sign_negative() && !decimal.is_zero() {
        return Err(AmountError::Negative(text.to_string()));
    }
    if decimal.scale() > digits {
        return Err(AmountError::TooManyDigits {
            text: text.to_string(),
            digits,
        });
    }
    to_minor(decimal, digits).ok_or_else(|| AmountError::TooLarge(text.to_string()))
}

/// Parses a plain decimal string, sign allowed only as a leading `-` (which
/// callers refuse where amounts must be non-negative).
pub fn parse_decimal(text: &str) -> Result<Decimal, AmountError> {
    let body = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match body.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (body, None),
    };
    let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits_only(whole) || fraction.is_some_and(|f| !digits_only(f)) {
        return Err(AmountError::NotDecimal(text.to_string()));
    }
    text.parse::<Decimal>()
        .map_err(|_| AmountError::TooLarge(text.to_string()))
}

/// Minor units of an exact decimal that has at most `digits` decimals.
fn to_minor(decimal: Decimal, digits: u32) -> Option<i64> {
    let scaled = decimal.checked_mul(Decimal::from(10_i64.checked_pow(digits)?))?;
    i64::try_from(scaled.trunc()).ok()
}

/// The decimal value of `minor` units.
pub fn minor_to_decimal(minor: i64, digits: u32) -> Decimal {
    Decimal::new(minor, digits)
}

/// `1234.50` for 123450 minor units with 2 digits.
pub fn format_minor(minor: i64, digits: u32) -> String {
    minor_to_decimal(minor, digits).to_string()
}

/// The program's one rounding: half away from zero to the currency's minor
/// unit, returning minor units. `None` if the amount does not fit.
pub fn round_to_minor(amount: Decimal, digits: u32) -> Option<i64> {
    let rounded = amount.round_dp_with_strategy(digits, RoundingStrategy::MidpointAwayFromZero);
    to_minor(rounded, digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_plain_decimals_only() {
        assert_eq!(parse_minor("1234.5", 2), Ok(123450));
        assert_eq!(parse_minor("0", 2), Ok(0));
        assert_eq!(parse_minor("7", 0), Ok(7));
        assert!(matches!(
            parse_minor("1e3", 2),
            Err(AmountError::NotDecimal(_))
        ));
        assert!(matches!(
            parse_minor("1,5", 2),
            Err(AmountError::NotDecimal(_))
        ));
        assert!(matches!(
            parse_minor(" 1", 2),
            Err(AmountError::NotDecimal(_))
        ));
        assert!(matches!(
            parse_minor("+1", 2),
            Err(AmountError::NotDecimal(_))
        ));
        assert!(matches!(
            parse_minor(".5", 2),
            Err(AmountError::NotDecimal(_))
        ));
        assert!(matches!(
            parse_minor("5.", 2),
            Err(AmountError::NotDecimal(_))
        ));
        assert!(matches!(
            parse_minor("-1", 2),
            Err(AmountError::Negative(_))
        ));
        assert!(matches!(
            parse_minor("1.234", 2),
            Err(AmountError::TooManyDigits { .. })
        ));
        assert!(matches!(
            parse_minor("1.5", 0),
            Err(AmountError::TooManyDigits { .. })
        ));
        assert!(parse_minor("99999999999999999999999", 2).is_err());
    }

    #[test]
    fn formats_with_the_currency_digits() {
        assert_eq!(format_minor(123450, 2), "1234.50");
        assert_eq!(format_minor(5, 2), "0.05");
        assert_eq!(format_minor(7, 0), "7");
        assert_eq!(format_minor(1234, 3), "1.234");
        let nok = Currency::from_code("NOK").unwrap();
        assert_eq!(nok.format_minor(10), "0.10");
        assert_eq!(Currency::from_code("JPY").unwrap().minor_digits(), 0);
        assert!(Currency::from_code("nok").is_none());
        assert!(Currency::from_code("XYZ").is_none());
    }

    #[test]
    fn rounds_half_away_from_zero() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(round_to_minor(d("1.005"), 2), Some(101));
        assert_eq!(round_to_minor(d("1.0049999"), 2), Some(100));
        assert_eq!(round_to_minor(d("2.5"), 0), Some(3));
        assert_eq!(round_to_minor(d("-2.5"), 0), Some(-3));
        assert_eq!(round_to_minor(d("0.125"), 2), Some(13));
    }

    proptest! {
        #[test]
        fn format_then_parse_is_identity(minor in 0i64..1_000_000_000_000, digits in 0u32..4) {
            prop_assert_eq!(parse_minor(&format_minor(minor, digits), digits), Ok(minor));
        }

        #[test]
        fn rounding_moves_at_most_half_a_unit(units in -1_000_000_000i64..1_000_000_000, extra in 0u32..1000) {
            // a value with three more decimals than the currency has
            let value = Decimal::new(units * 1000 + i64::from(extra), 5);
            let rounded = round_to_minor(value, 2).unwrap();
            let back = Decimal::new(rounded, 2);
            let diff = (back - value).abs();
            prop_assert!(diff <= Decimal::new(5, 3));
            if diff == Decimal::new(5, 3) {
                // a tie goes away from zero
                prop_assert!(back.abs() > value.abs());
            }
        }
    }
}
