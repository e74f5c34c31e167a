//! Everything residents see: pages, their building blocks, and the words on them.

pub mod components;
pub mod date_format;
pub mod dom;
pub mod icons;
pub mod island_scripts;
pub mod kept;
pub mod kiosk_screen;
#[cfg(feature = "ssr")]
pub mod kiosk_words;
pub mod labels;
pub mod locale;
pub mod pages;
pub mod staff;
pub mod status;
pub mod tools_css;

/// The public base URL of the site (for QR codes and shared links); provided per request.
#[derive(Clone, Debug)]
pub struct PublicUrl(pub String);

/// The operator's legal texts (from `LEGAL_FILE`, or the demo's); provided per request.
#[derive(Clone, Debug)]
pub struct Legal(pub std::sync::Arc<crate::domain::legal::LegalTexts>);

/// Whether pages should say that the data is the fictional demo city; provided per request.
#[derive(Clone, Copy, Debug)]
pub struct DemoNotice(pub bool);

/// A `tel:` link target for a phone number as printed ("02041 555-0100" → "tel:020415550100").
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    format!("tel:{digits}")
}
