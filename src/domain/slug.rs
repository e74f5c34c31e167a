//! Slugs: the stable, printable names in URLs (`/de/welheim`). They end up on flyers, so they are
//! restricted to what survives being typed from paper.

/// Path segments the router uses itself; a quarter or offer may not be called like them.
pub const RESERVED: &[&str] = &[
    "api",
    "pkg",
    "q",
    "qr",
    "offers",
    "kiosk",
    "staff",
    "print",
    "feeds",
    "assets",
    "favicon.ico",
    "list",
    "privacy",
    "imprint",
    "accessibility",
    "healthz",
    "readyz",
];

/// Why a slug was rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SlugError {
    #[error("a slug needs 2 to 60 characters")]
    Length,
    #[error("a slug may hold only a–z, 0–9 and single hyphens inside")]
    Characters,
    #[error("{0:?} is used by the site itself")]
    Reserved(String),
}

/// Checks a slug: 2–60 of `a-z0-9`, single inner hyphens, not reserved.
pub fn check_slug(s: &str) -> Result<(), SlugError> {
    if !(2..=60).contains(&s.len()) {
        return Err(SlugError::Length);
    }
    let ok_chars = s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !ok_chars || s.starts_with('-') || s.ends_with('-') || s.contains("--") {
        return Err(SlugError::Characters);
    }
    if RESERVED.contains(&s) {
        return Err(SlugError::Reserved(s.to_owned()));
    }
    Ok(())
}

/// Makes a slug from a German name: umlauts transliterated, everything else folded to hyphens.
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    out.trim_end_matches('-').chars().take(60).collect::<String>().trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// German names become readable slugs.
    #[test]
    fn slugify_german_names() {
        assert_eq!(slugify("Batenbrock-Süd"), "batenbrock-sued");
        assert_eq!(slugify("Mütter-Café (1. Mittwoch)"), "muetter-caf-1-mittwoch");
        assert_eq!(slugify("Nord-Ost"), "nord-ost");
    }

    /// Malformed and reserved slugs are rejected.
    #[test]
    fn rejects_bad_slugs() {
        assert_eq!(check_slug("a"), Err(SlugError::Length));
        assert_eq!(check_slug("Welheim"), Err(SlugError::Characters));
        assert_eq!(check_slug("a--b"), Err(SlugError::Characters));
        assert_eq!(check_slug("-ab"), Err(SlugError::Characters));
        assert!(matches!(check_slug("kiosk"), Err(SlugError::Reserved(_))));
        assert_eq!(check_slug("welheim"), Ok(()));
    }

    proptest! {
        /// Whatever the name, slugify yields a slug that passes the check (or is too short).
        #[test]
        fn slugify_output_is_valid(name in "\\PC{0,80}") {
            let s = slugify(&name);
            match check_slug(&s) {
                Ok(()) | Err(SlugError::Length) | Err(SlugError::Reserved(_)) => {}
                Err(e) => prop_assert!(false, "{s:?}: {e}"),
            }
        }
    }
}
