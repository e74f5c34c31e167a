//! What the operator must publish: imprint, privacy notice and the accessibility statement
//! (Erklärung zur Barrierefreiheit, BITV 2.0 § 7). Their content is configuration (`LEGAL_FILE`,
//! JSON); the demo city brings a fictional one.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalTexts {
    /// Who runs the site (the city's social office), with postal address.
    pub operator: String,
    pub address: String,
    pub email: String,
    #[serde(default)]
    pub phone: Option<String>,
    /// Who represents the operator (imprint).
    pub representative: String,
    /// Anything else the imprint must say (plain text, paragraphs by blank lines).
    #[serde(default)]
    pub imprint_extra: String,
    /// The privacy notice (plain text).
    pub privacy: String,
    pub accessibility: AccessibilityStatement,
}

/// The parts BITV 2.0 requires of an accessibility statement.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessibilityStatement {
    /// State of compliance: "fully", "partially" or "not" compliant, in words.
    pub status: String,
    /// Content that is not accessible, and why.
    pub known_gaps: Vec<String>,
    /// How the statement was made (self-assessment, test) and when.
    pub prepared: String,
    /// Where to report barriers (e-mail, phone, address).
    pub feedback: String,
    /// The conciliation body (Schlichtungsstelle) with its contact.
    pub conciliation_body: String,
}

impl LegalTexts {
    /// Checks that nothing required is empty; names what is missing.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        for (name, value) in [
            ("operator", &self.operator),
            ("address", &self.address),
            ("email", &self.email),
            ("representative", &self.representative),
            ("privacy", &self.privacy),
            ("accessibility.status", &self.accessibility.status),
            ("accessibility.prepared", &self.accessibility.prepared),
            ("accessibility.feedback", &self.accessibility.feedback),
            ("accessibility.conciliation_body", &self.accessibility.conciliation_body),
        ] {
            if value.trim().is_empty() {
                out.push(name);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The demo's texts are complete; an empty file names every required part.
    #[test]
    fn demo_texts_are_complete() {
        let demo: LegalTexts = serde_json::from_str(include_str!("../demo/legal.json")).unwrap();
        assert!(demo.missing().is_empty(), "{:?}", demo.missing());
        assert_eq!(LegalTexts::default().missing().len(), 9);
    }
}
