//! Company-name comparison as SPEC section 3 defines it.

use unicode_normalization::UnicodeNormalization;

/// The comparable form of a company name: NFKC, case folded, `.` and `,`
/// removed, whitespace runs collapsed to one space, trimmed.
pub fn normalise(name: &str) -> String {
    let folded: String = name.nfkc().flat_map(char::to_lowercase).collect();
    // Lower-casing can produce text that NFKC would write differently.
    let folded: String = folded.nfkc().filter(|c| *c != '.' && *c != ',').collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether two names are "the same name".
pub fn same_name(a: &str, b: &str) -> bool {
    normalise(a) == normalise(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn spec_examples() {
        assert!(same_name("Nordic IT AS", "nordic  it as"));
        assert!(same_name("Nordic IT AS", "Nordic IT AS."));
        assert!(same_name("Nordic IT AS", " Nordic\tIT\u{00A0}A.S "));
        assert!(!same_name("Nordic IT AS", "Nordic IT"));
        assert!(!same_name("Nordic IT AS", "Nordic IT ASA"));
    }

    #[test]
    fn unicode_forms_compare_equal() {
        assert!(same_name("Blåbær Data AS", "BLÅBÆR DATA AS"));
        // composed and decomposed å; full-width letters
        assert!(same_name("Bl\u{00E5}b\u{00E6}r", "Bla\u{030A}b\u{00E6}r"));
        assert!(same_name("ＡＢＣ AS", "abc as"));
        assert!(same_name("Acme, Inc.", "ACME INC"));
    }

    proptest! {
        #[test]
        fn normalising_is_idempotent(name in "\\PC{0,40}") {
            let once = normalise(&name);
            prop_assert_eq!(normalise(&once), once.clone());
            prop_assert!(!once.starts_with(' ') && !once.ends_with(' '));
            prop_assert!(!once.contains("  "));
            prop_assert!(!once.contains('.') && !once.contains(','));
        }
    }
}
