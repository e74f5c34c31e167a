//! Staff accounts: roles, who is acting, and the rules for e-mail addresses and passwords.

use serde::{Deserialize, Serialize};

coded_enum! {
    /// What a staff member may do (see `domain::policy`).
    Role {
        Admin => "admin",
        Coordinator => "coordinator",
        Editor => "editor",
        Guide => "guide",
    }
}

/// The signed-in person as the rules see them: role and scope, nothing secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub user_id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// The organisation an editor works for.
    pub organisation: Option<i64>,
    /// The quarters a coordinator is responsible for.
    pub quarters: Vec<i64>,
}

/// A staff account as administrators see it in the user list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffUser {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub organisation: Option<String>,
    pub quarters: Vec<String>,
    pub disabled: bool,
    pub totp: bool,
}

/// Shortest password accepted (NIST SP 800-63B asks for at least 8; we ask a little more).
pub const MIN_PASSWORD: usize = 10;
/// Longest password accepted: hashing is deliberately slow, so length is bounded.
pub const MAX_PASSWORD: usize = 200;

/// Why a password was refused; the code is an i18n key under `staff_errors`.
pub fn check_password(password: &str, email: &str) -> Result<(), &'static str> {
    let len = password.chars().count();
    if len < MIN_PASSWORD {
        return Err("password_short");
    }
    if len > MAX_PASSWORD {
        return Err("password_long");
    }
    let lower = password.to_lowercase();
    if lower == email.trim().to_lowercase() || lower.chars().all(|c| c == lower.chars().next().unwrap_or(c)) {
        return Err("password_weak");
    }
    Ok(())
}

/// An e-mail address trimmed and lower-cased, or the i18n key of why it is not one.
pub fn normalise_email(raw: &str) -> Result<String, &'static str> {
    let e = raw.trim().to_lowercase();
    let valid = e.len() <= 254
        && !e.chars().any(char::is_whitespace)
        && e.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
        })
        && e.matches('@').count() == 1;
    if valid {
        Ok(e)
    } else {
        Err("email_invalid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Short, overlong, repeated-character and e-mail-equal passwords are refused.
    #[test]
    fn password_rules() {
        assert_eq!(check_password("short", "a@b.de"), Err("password_short"));
        assert_eq!(check_password(&"x".repeat(201), "a@b.de"), Err("password_long"));
        assert_eq!(check_password("aaaaaaaaaaaa", "a@b.de"), Err("password_weak"));
        assert_eq!(check_password("Anna@Welheim.de", "anna@welheim.de"), Err("password_weak"));
        assert_eq!(check_password("Kaffee mit Milch 7", "a@b.de"), Ok(()));
    }

    /// Addresses are trimmed and lower-cased; obvious non-addresses are refused.
    #[test]
    fn email_rules() {
        assert_eq!(normalise_email("  Anna@Example.DE "), Ok("anna@example.de".into()));
        for bad in ["", "anna", "anna@", "@example.de", "a b@example.de", "a@example", "a@@example.de"] {
            assert_eq!(normalise_email(bad), Err("email_invalid"), "{bad:?}");
        }
    }

    proptest! {
        /// A normalised address normalises to itself.
        #[test]
        fn normalising_is_idempotent(s in "\\PC{0,40}") {
            if let Ok(e) = normalise_email(&s) {
                prop_assert_eq!(normalise_email(&e), Ok(e.clone()));
            }
        }
    }
}
