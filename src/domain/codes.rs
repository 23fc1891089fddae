//! Identifier and code forms: reseller ids, offer codes, country codes.

static COUNTRIES: &str = include_str!("../../data/iso3166-alpha2.txt");

/// An ISO 3166-1 alpha-2 code (upper case) that exists.
pub fn is_country(code: &str) -> bool {
    code.len() == 2 && COUNTRIES.lines().any(|line| line == code)
}

/// Reseller ids: 1-32 characters of `A-Za-z0-9._-`, starting alphanumeric.
pub fn is_reseller_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphanumeric())
        && id.len() <= 32
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// Offer codes: 1-40 characters of `a-z0-9-`.
pub fn is_offer_code(code: &str) -> bool {
    (1..=40).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Program codes for enrolments (`MRI`): 1-32 characters of `A-Za-z0-9._-`.
pub fn is_program_code(code: &str) -> bool {
    is_reseller_id(code)
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (row[j] + 1).min(row[j + 1] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries() {
        assert!(is_country("NO"));
        assert!(is_country("SE"));
        assert!(!is_country("no"));
        assert!(!is_country("XX"));
        assert!(!is_country("NOR"));
    }

    #[test]
    fn reseller_ids() {
        assert!(is_reseller_id("nordic-it"));
        assert!(is_reseller_id("A.b_c-1"));
        assert!(is_reseller_id(&"a".repeat(32)));
        assert!(!is_reseller_id(&"a".repeat(33)));
        assert!(!is_reseller_id("-x"));
        assert!(!is_reseller_id(""));
        assert!(!is_reseller_id("a b"));
        assert!(!is_reseller_id("blåbær"));
    }

    #[test]
    fn offer_codes() {
        assert!(is_offer_code("10at5-cloud-open"));
        assert!(!is_offer_code("10@5"));
        assert!(!is_offer_code("Upper"));
        assert!(!is_offer_code(""));
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            suggest("submit_befor", &["opens_on", "submit_before"]),
            Some("submit_before")
        );
        assert_eq!(suggest("xyz", &["opens_on", "submit_before"]), None);
    }
}
