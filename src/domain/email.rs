//! The business e-mail rule: addresses on free-mail or personal domains are
//! refused. The built-in list is a dated snapshot compiled into the binary
//! (see `data/README.md`); it is only read when an address is checked, so
//! start-up does not pay for it.

use std::collections::HashSet;
use std::sync::OnceLock;

static FREE_MAIL_LIST: &str = include_str!("../../data/free-email-domains.txt");

/// Providers that own their name under many country suffixes
/// (`hotmail.no`, `yahoo.co.uk`): the name followed by any public suffix.
const FAMILIES: [&str; 6] = ["hotmail", "outlook", "live", "yahoo", "gmx", "yandex"];

fn free_mail_domains() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| FREE_MAIL_LIST.lines().filter(|l| !l.is_empty()).collect())
}

/// The configured exceptions to the built-in list.
#[derive(Debug, Clone, Default)]
pub struct DomainPolicy {
    /// Added to the built-in list (lower case).
    pub personal: Vec<String>,
    /// Allowed although the list holds them (lower case).
    pub business: Vec<String>,
}

/// The domain part of a well-formed address, lower case; `None` when the
/// address is not well formed.
pub fn domain_of(address: &str) -> Option<String> {
    let parsed: email_address::EmailAddress = address.parse().ok()?;
    let domain = parsed.domain();
    // Require a dotted host name: `a@localhost` or `a@[1.2.3.4]` is no business address.
    let host_like = domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    host_like.then(|| domain.to_ascii_lowercase())
}

/// Whether mail on `domain` (lower case) is personal under the built-in list,
/// the provider families and the policy.
pub fn is_personal_domain(domain: &str, policy: &DomainPolicy) -> bool {
    if policy.business.iter().any(|d| d == domain) {
        return false;
    }
    policy.personal.iter().any(|d| d == domain)
        || free_mail_domains().contains(domain)
        || in_family(domain)
}

/// `hotmail.no`, `yahoo.co.uk`, `live.com.au`: a family name followed by
/// exactly a public suffix (the Public Suffix List, compiled in by `psl`),
/// so `hotmail.nordic-it.no` and `livestock.no` are not in a family.
fn in_family(domain: &str) -> bool {
    let Some((name, rest)) = domain.split_once('.') else {
        return false;
    };
    FAMILIES.contains(&name)
        && psl::suffix(domain.as_bytes())
            .is_some_and(|suffix| suffix.is_known() && suffix.as_bytes() == rest.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn personal(domain: &str) -> bool {
        is_personal_domain(domain, &DomainPolicy::default())
    }

    #[test]
    fn list_is_large_and_sorted() {
        let lines: Vec<&str> = FREE_MAIL_LIST.lines().collect();
        assert!(lines.len() > 10_000);
        assert!(lines.windows(2).all(|w| w[0] < w[1]));
        assert!(lines.iter().all(|l| *l == l.to_ascii_lowercase()));
    }

    #[test]
    fn families_under_any_suffix() {
        for domain in [
            "hotmail.no",
            "yahoo.co.uk",
            "outlook.com",
            "live.se",
            "gmx.de",
            "yandex.ru",
            "gmx.net",
        ] {
            assert!(personal(domain), "{domain}");
        }
        assert!(!personal("hotmail.nordic-it.no"));
        assert!(!personal("yahoo.nordic.co.uk"));
        assert!(!personal("hotmail.not-a-tld"));
        assert!(!personal("livestock.no"));
        assert!(!personal("nordic-it.no"));
    }

    #[test]
    fn list_members_are_personal() {
        assert!(personal("gmail.com"));
        assert!(personal("online.no"));
        assert!(personal("protonmail.com"));
    }

    #[test]
    fn policy_adds_and_allows() {
        let policy = DomainPolicy {
            personal: vec!["example-isp.no".into()],
            business: vec!["gmail.com".into()],
        };
        assert!(is_personal_domain("example-isp.no", &policy));
        assert!(!is_personal_domain("gmail.com", &policy));
    }

    #[test]
    fn domains_of_addresses() {
        assert_eq!(
            domain_of("Post@Nordic-IT.no").as_deref(),
            Some("nordic-it.no")
        );
        assert_eq!(domain_of("not an address"), None);
        assert_eq!(domain_of("a@localhost"), None);
        assert_eq!(domain_of("a@@b.no"), None);
    }
}
