//! Bank details (SPEC section 7): the form of an IBAN, BIC, payout currency
//! and postal address, the payee rules, and IBAN masking.

use std::fmt;

use iban::IbanLike;

use crate::error::RuleFailure;

use super::money::Currency;
use super::names::same_name;

/// Whether the account belongs to a business or a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolderType {
    Business,
    Personal,
}

impl HolderType {
    pub fn as_str(self) -> &'static str {
        match self {
            HolderType::Business => "business",
            HolderType::Personal => "personal",
        }
    }

    pub fn parse(text: &str) -> Option<HolderType> {
        match text {
            "business" => Some(HolderType::Business),
            "personal" => Some(HolderType::Personal),
            _ => None,
        }
    }
}

impl fmt::Display for HolderType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A valid IBAN in its stored form: no spaces, upper case. It deliberately
/// has no `Display`: printing one goes through `masked()` or `reveal()`.
#[derive(Clone, PartialEq, Eq)]
pub struct Iban(String);

impl Iban {
    /// The IBAN in clear, for storage and `--reveal` only.
    pub fn reveal(&self) -> &str {
        &self.0
    }

    pub fn masked(&self) -> String {
        mask_iban(&self.0)
    }

    /// Wraps an IBAN read back from the ledger (already validated when stored).
    pub fn from_stored(text: String) -> Iban {
        Iban(text)
    }
}

impl fmt::Debug for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Iban({})", self.masked())
    }
}

/// The text with every whitespace character removed, upper-cased.
fn compact_upper(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Masks an IBAN (or anything typed as one): the first four and the last
/// three characters kept, the rest `*`, grouped by four:
/// `NO9386011117947` -> `NO93 **** **** 947`. Spaces are dropped first and
/// letters upper-cased. Text too short to keep seven characters and still
/// hide one is masked entirely, so a mistyped fragment never shows in clear.
pub fn mask_iban(text: &str) -> String {
    let chars: Vec<char> = compact_upper(text).chars().collect();
    let len = chars.len();
    let masked: Vec<char> = chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if len >= 8 && (i < 4 || i >= len - 3) {
                *c
            } else {
                '*'
            }
        })
        .collect();
    masked
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Why an IBAN was refused. Messages never show the IBAN in clear.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IbanProblem {
    #[error(
        "{0} is not an IBAN (two letters, two check digits, then letters and digits, at most 34 characters)"
    )]
    Format(String),
    #[error("{0}: the check digits do not match (a typing error?)")]
    Checksum(String),
    #[error("{masked}: {country} is not a country that uses IBANs")]
    UnknownCountry { masked: String, country: String },
    #[error("{masked}: not the length or form of an IBAN of {country}")]
    CountryFormat { masked: String, country: String },
}

/// Parses an IBAN: spaces anywhere and lower case are accepted; the checksum
/// and the country's length and form are checked (crate `iban_validate`).
pub fn parse_iban(text: &str) -> Result<Iban, IbanProblem> {
    let compact = compact_upper(text);
    let masked = mask_iban(&compact);
    match compact.parse::<iban::Iban>() {
        Ok(parsed) => Ok(Iban(parsed.electronic_str().to_string())),
        Err(iban::ParseIbanError::InvalidBaseIban {
            source: iban::ParseBaseIbanError::InvalidChecksum,
        }) => Err(IbanProblem::Checksum(masked)),
        Err(iban::ParseIbanError::InvalidBaseIban { .. }) => Err(IbanProblem::Format(masked)),
        Err(iban::ParseIbanError::UnknownCountry(base)) => Err(IbanProblem::UnknownCountry {
            masked,
            country: base.country_code().to_string(),
        }),
        Err(iban::ParseIbanError::InvalidBban(base)) => Err(IbanProblem::CountryFormat {
            masked,
            country: base.country_code().to_string(),
        }),
    }
}

/// Parses a BIC: 4 letters (bank), 2 letters (country), 2 letters or digits
/// (location), optionally 3 letters or digits (branch); 8 or 11 characters.
/// Surrounding spaces and lower case are accepted; stored upper case.
pub fn parse_bic(text: &str) -> Option<String> {
    let bic = text.trim().to_ascii_uppercase();
    let bytes = bic.as_bytes();
    let form = (bytes.len() == 8 || bytes.len() == 11)
        && bytes[..6].iter().all(u8::is_ascii_uppercase)
        && bytes[6..].iter().all(u8::is_ascii_alphanumeric);
    form.then_some(bic)
}

/// Bank details as typed, before any check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankDetailsInput {
    pub holder: String,
    pub holder_type: HolderType,
    pub iban: String,
    pub bic: String,
    pub currency: String,
    pub address: String,
}

/// Bank details of a valid form, normalised for storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankDetails {
    pub holder: String,
    pub holder_type: HolderType,
    pub iban: Iban,
    pub bic: String,
    /// The reseller's preferred payout currency (ISO 4217).
    pub currency: String,
    pub address: String,
}

/// One malformed field, named by its flag. Never holds an IBAN in clear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub problem: String,
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.problem)
    }
}

impl BankDetailsInput {
    /// Checks the form of every field and reports every problem at once.
    pub fn validate(&self) -> Result<BankDetails, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut problem = |field, text: String| {
            problems.push(FieldProblem {
                field,
                problem: text,
            })
        };
        let holder = self.holder.trim();
        if holder.is_empty() {
            problem(
                "--holder",
                "the account holder's name must not be empty".into(),
            );
        }
        let iban = parse_iban(&self.iban)
            .map_err(|e| problem("--iban", e.to_string()))
            .ok();
        let bic = parse_bic(&self.bic);
        if bic.is_none() {
            problem(
                "--bic",
                format!(
                    "`{}` is not a BIC (8 or 11 characters: 4 letters bank, 2 letters country, 2 letters or digits location, optional 3 letters or digits branch)",
                    // Longer text may be an IBAN typed in the wrong field: never echo it in clear.
                    if compact_upper(&self.bic).len() > 11 {
                        mask_iban(&self.bic)
                    } else {
                        self.bic.trim().to_string()
                    }
                ),
            );
        }
        let currency = self.currency.trim().to_ascii_uppercase();
        if Currency::from_code(&currency).is_none() {
            problem(
                "--currency",
                format!(
                    "`{}` is not an ISO 4217 currency code",
                    self.currency.trim()
                ),
            );
        }
        let address = self.address.trim();
        if address.is_empty() {
            problem("--address", "the postal address must not be empty".into());
        }
        match (iban, bic) {
            (Some(iban), Some(bic)) if problems.is_empty() => Ok(BankDetails {
                holder: holder.to_string(),
                holder_type: self.holder_type,
                iban,
                bic,
                currency,
                address: address.to_string(),
            }),
            _ => Err(problems),
        }
    }
}

/// The payee rules: a business account (`bank.business_payee`) held in the
/// reseller's own name (`bank.payee_name_matches`, SPEC section 3's
/// comparison). Every failing rule is returned.
pub fn payee_refusals(
    holder: &str,
    holder_type: HolderType,
    reseller_name: &str,
) -> Vec<RuleFailure> {
    let mut refusals = Vec::new();
    if holder_type != HolderType::Business {
        refusals.push(RuleFailure::new(
            "bank.business_payee",
            "the account is a personal one; the incentive is paid only to a business account",
        ));
    }
    if !same_name(holder, reseller_name) {
        refusals.push(RuleFailure::new(
            "bank.payee_name_matches",
            format!("the account holder `{holder}` is not the reseller's name `{reseller_name}`"),
        ));
    }
    refusals
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NO: &str = "NO9386011117947";
    const DE: &str = "DE44500105175407324931";

    #[test]
    fn masks_as_the_spec_shows() {
        assert_eq!(mask_iban(NO), "NO93 **** **** 947");
        assert_eq!(mask_iban("no93 8601 1117 947"), "NO93 **** **** 947");
        assert_eq!(mask_iban(DE), "DE44 **** **** **** ***9 31");
        assert_eq!(mask_iban("NO93"), "****");
        assert_eq!(mask_iban("ABCDEFG"), "**** ***");
        assert_eq!(mask_iban("ABCDEFGH"), "ABCD *FGH");
        assert_eq!(mask_iban(""), "");
    }

    #[test]
    fn accepts_spaces_and_lower_case() {
        let iban = parse_iban(" no93 8601 1117 947 ").unwrap();
        assert_eq!(iban.reveal(), NO);
        assert_eq!(parse_iban("NO93 86011117 947").unwrap().reveal(), NO);
        assert_eq!(parse_iban(DE).unwrap().reveal(), DE);
        assert_eq!(format!("{iban:?}"), "Iban(NO93 **** **** 947)");
    }

    #[test]
    fn refuses_bad_ibans_without_showing_them() {
        let bad_checksum = parse_iban("NO9386011117948").unwrap_err();
        assert!(matches!(bad_checksum, IbanProblem::Checksum(_)));
        // Norway's IBANs are 15 characters; this one has a valid checksum
        // for 16 characters but not the country's length.
        let problems = [
            bad_checksum,
            parse_iban("NO93860111179470").unwrap_err(),
            parse_iban("XX0000").unwrap_err(),
            parse_iban("hello").unwrap_err(),
            parse_iban("").unwrap_err(),
        ];
        for problem in &problems {
            let text = problem.to_string();
            assert!(!text.contains("86011117"), "{text}");
        }
        assert!(matches!(
            parse_iban(&with_check_digits("QQ", "NWBK60161331926819")).unwrap_err(),
            IbanProblem::UnknownCountry { .. }
        ));
    }

    #[test]
    fn country_length_is_checked() {
        // GB82 WEST 1234 5698 7654 32 is the standard example; dropping a
        // digit and fixing the checksum is still not a British IBAN.
        assert!(parse_iban("GB82WEST12345698765432").is_ok());
        let short = with_check_digits("GB", "WEST1234569876543");
        assert!(matches!(
            parse_iban(&short).unwrap_err(),
            IbanProblem::CountryFormat { .. }
        ));
    }

    /// Builds an IBAN with correct check digits for any country and BBAN.
    fn with_check_digits(country: &str, bban: &str) -> String {
        let rearranged = format!("{bban}{country}00");
        let mut remainder: u32 = 0;
        for c in rearranged.chars() {
            let value = c.to_digit(36).unwrap();
            let digits = if value >= 10 { 100 } else { 10 };
            remainder = (remainder * digits + value) % 97;
        }
        format!("{country}{:02}{bban}", 98 - remainder)
    }

    #[test]
    fn bic_forms() {
        assert_eq!(parse_bic("DNBANOKK").as_deref(), Some("DNBANOKK"));
        assert_eq!(parse_bic(" dnbanokkxxx ").as_deref(), Some("DNBANOKKXXX"));
        assert_eq!(parse_bic("DEUTDEFF500").as_deref(), Some("DEUTDEFF500"));
        for bad in [
            "",
            "DNBANOK",
            "DNBANOKKX",
            "DNBANOKKXX",
            "DNB1NOKK",
            "DNBAN0KK",
            "DNBANOK_",
        ] {
            assert_eq!(parse_bic(bad), None, "{bad}");
        }
    }

    fn input() -> BankDetailsInput {
        BankDetailsInput {
            holder: " Nordic IT AS ".into(),
            holder_type: HolderType::Business,
            iban: "no93 8601 1117 947".into(),
            bic: "dnbanokk".into(),
            currency: "nok".into(),
            address: " Storgata 1, Oslo ".into(),
        }
    }

    #[test]
    fn valid_details_are_normalised() {
        let details = input().validate().unwrap();
        assert_eq!(details.holder, "Nordic IT AS");
        assert_eq!(details.iban.reveal(), NO);
        assert_eq!(details.bic, "DNBANOKK");
        assert_eq!(details.currency, "NOK");
        assert_eq!(details.address, "Storgata 1, Oslo");
    }

    #[test]
    fn every_malformed_field_is_reported() {
        let mut bad = input();
        bad.iban = "NO9386011117948".into();
        bad.bic = "DNB".into();
        bad.currency = "XYZ".into();
        bad.address = "  ".into();
        bad.holder = String::new();
        let problems = bad.validate().unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            ["--holder", "--iban", "--bic", "--currency", "--address"]
        );
        assert!(problems.iter().all(|p| !p.problem.contains("86011117")));
    }

    #[test]
    fn payee_rules() {
        assert!(payee_refusals("nordic  it as.", HolderType::Business, "Nordic IT AS").is_empty());
        let ids = |r: Vec<RuleFailure>| r.into_iter().map(|f| f.id).collect::<Vec<_>>();
        assert_eq!(
            ids(payee_refusals(
                "Nordic IT AS",
                HolderType::Personal,
                "Nordic IT AS"
            )),
            ["bank.business_payee"]
        );
        assert_eq!(
            ids(payee_refusals(
                "Nordic IT ASA",
                HolderType::Business,
                "Nordic IT AS"
            )),
            ["bank.payee_name_matches"]
        );
        assert_eq!(
            ids(payee_refusals(
                "Ola Nordmann",
                HolderType::Personal,
                "Nordic IT AS"
            )),
            ["bank.business_payee", "bank.payee_name_matches"]
        );
    }

    proptest! {
        /// Masking keeps exactly the first four and last three characters
        /// (of the compact form), hides the rest and groups by four.
        #[test]
        fn masking_hides_the_middle(text in "[A-Z]{2}[0-9]{2}[A-Z0-9]{4,30}") {
            let masked = mask_iban(&text);
            let compact: String = masked.chars().filter(|c| *c != ' ').collect();
            prop_assert_eq!(compact.len(), text.len());
            prop_assert_eq!(&compact[..4], &text[..4]);
            prop_assert_eq!(&compact[text.len() - 3..], &text[text.len() - 3..]);
            prop_assert!(compact[4..text.len() - 3].chars().all(|c| c == '*'));
            for (i, group) in masked.split(' ').enumerate() {
                let last = i == masked.split(' ').count() - 1;
                prop_assert!(group.len() == 4 || (last && !group.is_empty() && group.len() < 4));
            }
        }

        /// Whatever is typed, the mask never shows more than seven characters.
        #[test]
        fn masking_never_shows_more_than_seven(text in "\\PC{0,50}") {
            let masked = mask_iban(&text);
            prop_assert!(masked.chars().filter(|c| *c != ' ' && *c != '*').count() <= 7);
        }

        /// Every IBAN built with correct check digits for Norway's form
        /// parses, in any spacing and case, to its compact upper-case form.
        #[test]
        fn valid_ibans_parse_in_any_layout(bban in "[0-9]{11}", spaced in any::<bool>(), lower in any::<bool>()) {
            let iban = with_check_digits("NO", &bban);
            let mut typed = if spaced {
                iban.chars().collect::<Vec<_>>().chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
            } else {
                iban.clone()
            };
            if lower {
                typed = typed.to_lowercase();
            }
            let parsed = parse_iban(&typed).unwrap();
            prop_assert_eq!(parsed.reveal(), iban.as_str());
        }

        /// Changing one digit of a valid IBAN is always caught.
        #[test]
        fn one_wrong_digit_is_refused(bban in "[0-9]{11}", position in 4usize..15, delta in 1u32..10) {
            let iban = with_check_digits("NO", &bban);
            let mut chars: Vec<char> = iban.chars().collect();
            let digit = chars[position].to_digit(10).unwrap();
            chars[position] = char::from_digit((digit + delta) % 10, 10).unwrap();
            let typo: String = chars.into_iter().collect();
            prop_assert!(parse_iban(&typo).is_err());
        }

        /// The parsers never panic, whatever they are given.
        #[test]
        fn parsers_never_panic(text in "\\PC{0,60}") {
            let _ = parse_iban(&text);
            let _ = parse_bic(&text);
        }

        /// Any BIC of the right shape is accepted; other lengths never are.
        #[test]
        fn bic_shapes(bank in "[A-Za-z]{4}", country in "[A-Z]{2}", location in "[A-Z0-9]{2}", branch in proptest::option::of("[A-Z0-9]{3}"), extra in "[A-Z0-9]{1,2}") {
            let bic = format!("{bank}{country}{location}{}", branch.clone().unwrap_or_default());
            prop_assert_eq!(parse_bic(&bic), Some(bic.to_ascii_uppercase()));
            prop_assert_eq!(parse_bic(&format!("{bank}{country}{location}{extra}")), None);
        }
    }
}
