//! Print products of a quarter — flyer, sticker, printed board — made from the live data, one
//! section per chosen language, each with the QR code of its short link.

use super::quarter::Office;
use super::week_plan::{PlannedOffer, TypicalEntry, WeekPlan};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which product and how it is laid out, from the address (`?langs=de,ar&size=a5`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintOptions {
    /// UI languages, in the order chosen; unknown ones dropped, at most 7, never empty.
    pub langs: Vec<String>,
    pub size: PaperSize,
    /// Printed board: this week's dates instead of the typical week.
    pub this_week: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PaperSize {
    A3,
    A4,
    A5,
}

impl PaperSize {
    pub fn code(self) -> &'static str {
        match self {
            PaperSize::A3 => "a3",
            PaperSize::A4 => "a4",
            PaperSize::A5 => "a5",
        }
    }
}

impl PrintOptions {
    /// Reads `langs`, `size` (among `sizes`, the first being the default) and `week=this`;
    /// nonsense falls back to the defaults. `known` says whether a language code exists.
    pub fn parse(query: &str, sizes: &[PaperSize], known: impl Fn(&str) -> bool) -> Self {
        let mut langs: Vec<String> = Vec::new();
        let mut size = sizes[0];
        let mut this_week = false;
        for (k, v) in query.split('&').filter_map(|p| p.split_once('=')) {
            match k {
                "langs" => {
                    for l in v.split([',', ' ']).map(str::trim).filter(|l| known(l)) {
                        if !langs.iter().any(|x| x == l) && langs.len() < 7 {
                            langs.push(l.to_owned());
                        }
                    }
                }
                "size" => {
                    if let Some(s) = sizes.iter().find(|s| s.code() == v) {
                        size = *s;
                    }
                }
                "week" => this_week = v == "this",
                _ => {}
            }
        }
        if langs.is_empty() {
            langs.push("de".to_owned());
        }
        Self { langs, size, this_week }
    }
}

/// Everything the print products show, per language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrintData {
    pub quarter_slug: String,
    /// "As of" on every product.
    pub today: NaiveDate,
    pub langs: Vec<PrintLang>,
    /// The board's short link without a language (`…/q/welheim`: the phone's language decides)
    /// and its QR code, for the sticker that speaks several languages at once.
    pub neutral_url: String,
    pub neutral_qr_svg: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrintLang {
    pub lang: String,
    pub rtl: bool,
    pub quarter_name: String,
    pub office: Office,
    pub typical: Vec<Vec<TypicalEntry>>,
    pub plan: WeekPlan,
    /// Offers without a weekday of their own, listed below the week (`outside_typical_week`).
    pub others: Vec<PlannedOffer>,
    /// The board's short link (`https://…/q/welheim/ar`) and its QR code as inline SVG.
    pub short_url: String,
    pub qr_svg: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_from_the_address() {
        let known = |l: &str| ["de", "ar", "ru", "fa"].contains(&l);
        let o = PrintOptions::parse("langs=de,ar,xx,de&size=a5", &[PaperSize::A4, PaperSize::A5], known);
        assert_eq!(o.langs, ["de", "ar"]);
        assert_eq!(o.size, PaperSize::A5);
        let o = PrintOptions::parse("size=a3&week=this", &[PaperSize::A4, PaperSize::A5], known);
        assert_eq!(
            (o.langs.as_slice(), o.size, o.this_week),
            (["de".to_owned()].as_slice(), PaperSize::A4, true)
        );
    }
}
