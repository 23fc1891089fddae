//! Company-name comparison as SPEC section 3 defines it.

use unicode_normalization::UnicodeNormalization;

/// The comparable form of a company name: NFKC, case folded, `.` and `,`
/// removed, whitespace runs collapsed to one space, trimmed.
pub fn normalise(name: &str) -> String {
    let folded: String = name
        .nfkc()
        .flat_map(char::to_lowercase)
        .flat_map(fold_lowercase)
        .filter(|c| *c != '.' && *c != ',')
        .collect();
    // Lower-casing, and removing a `.` between a letter and a combining
    // mark, can leave text that NFKC writes differently ("g.\u{301}" -> "ǵ"):
    // normalise last, so that the result is its own normal form.
    let folded: String = folded.nfkc().collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Case folding beyond lower case, for the letters whose folded form differs
/// from their lower-case form once NFKC has been applied: sharp s folds to
/// "ss" and final sigma to sigma (Unicode CaseFolding.txt, status F and C).
fn fold_lowercase(c: char) -> impl Iterator<Item = char> {
    let (first, second) = match c {
        'ß' => ('s', Some('s')),
        'ς' => ('σ', None),
        other => (other, None),
    };
    std::iter::once(first).chain(second)
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
    fn case_folding_goes_beyond_lower_case() {
        assert!(same_name("Straße Data AS", "STRASSE DATA AS"));
        assert!(same_name("ΟΔΟΣ ΑΕ", "οδος αε"));
        assert!(same_name("Οδός AE", "ΟΔΌΣ AE"));
    }

    #[test]
    fn a_removed_point_does_not_block_composition() {
        // Found by fuzzing: the result must be its own normal form.
        assert_eq!(normalise("g.\u{301}"), "\u{1f5}");
        assert!(same_name("g.\u{301} AS", "\u{1f5} AS"));
        assert_eq!(normalise(&normalise("g.\u{301}")), normalise("g.\u{301}"));
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
