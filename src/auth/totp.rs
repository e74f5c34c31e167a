//! Second factor: time-based one-time passwords (RFC 6238, 6 digits, 30 s, ±1 step), enrolled by
//! scanning a QR code with an authenticator app.

use totp_rs::{Algorithm, Secret, TOTP};

/// A new random secret, base32 as authenticator apps show it.
pub fn new_secret() -> String {
    Secret::generate_secret().to_encoded().to_string()
}

fn totp(secret: &str, account: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret.to_owned()).to_bytes().ok()?;
    TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes, Some("Quartiersboard".into()), account.to_owned()).ok()
}

/// Whether `code` is valid for `secret` now (or one step before or after).
pub fn verify(secret: &str, code: &str) -> bool {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    totp(secret, "x").is_some_and(|t| t.check_current(&code).unwrap_or(false))
}

/// The time step (30-second period since 1970) `code` belongs to, if it is valid for `secret`
/// now or one step before or after; compared in constant time.
pub fn matching_step(secret: &str, code: &str) -> Option<u64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let t = totp(secret, "x")?;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs() / 30;
    let mut found = None;
    for step in [now.saturating_sub(1), now, now + 1] {
        let expected = t.generate(step * 30);
        if constant_time_eq(expected.as_bytes(), code.as_bytes()) {
            found = Some(step);
        }
    }
    found
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The current code (for tests and for the enrolment check).
pub fn current_code(secret: &str) -> Option<String> {
    totp(secret, "x")?.generate_current().ok()
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn provisioning_url(secret: &str, account: &str) -> Option<String> {
    Some(totp(secret, account)?.get_url())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh secret verifies its own current code and rejects others.
    #[test]
    fn codes_verify() {
        let s = new_secret();
        let code = current_code(&s).unwrap();
        assert!(verify(&s, &code));
        assert!(verify(&s, &format!("{} {}", &code[..3], &code[3..])));
        let wrong = if code == "000000" { "111111" } else { "000000" };
        assert!(!verify(&s, wrong));
        assert!(provisioning_url(&s, "anna@example.de").unwrap().starts_with("otpauth://totp/"));
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 30;
        let step = matching_step(&s, &code).unwrap();
        assert!(step.abs_diff(now) <= 1);
        assert_eq!(matching_step(&s, wrong), None);
    }
}
