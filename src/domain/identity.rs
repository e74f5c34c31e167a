//! The city's look on every public page: its name and logo in the header, one accent colour,
//! and in the footer the programme's and funders' logos with the funding line (EU-funded
//! programmes must show the EU emblem and say so on public material).

use serde::{Deserialize, Serialize};

/// What an administrator set; the defaults are Quartiersboard's own look.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// Shown beside the logo in the header ("Stadt Bottrop"); empty: the site's own name.
    pub name: String,
    /// The accent colour, checked for contrast when saved; `None`: the default blue.
    pub accent: Option<Rgb>,
    /// The funding line under the partners' logos, as the funder prescribes it (German).
    pub funding_line: String,
    /// Show the EU emblem with "Co-funded by the European Union" in the page language.
    pub eu_funded: bool,
    pub version: i64,
    /// The city's logo for the header.
    pub logo: Option<Image>,
    /// The programme's and funders' logos for the footer, in order.
    pub partners: Vec<Image>,
}

/// An uploaded logo, as the server prepared it (PNG in two sizes, `/media/<id>-<hash>-s.png`
/// for screens and `-l.png` for print).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    pub id: i64,
    /// Of the prepared files: a new upload is a new address, so an address may be kept forever.
    pub hash: String,
    /// What the logo says or shows, for screen readers.
    pub alt: String,
    /// Of the screen size.
    pub width: u32,
    pub height: u32,
}

impl Image {
    /// The screen-sized file's address.
    pub fn src(&self) -> String {
        format!("/media/{}-{}-s.png", self.id, self.hash)
    }

    /// The print-sized file's address.
    pub fn print_src(&self) -> String {
        format!("/media/{}-{}-l.png", self.id, self.hash)
    }
}

/// Which of the two kinds of logo an image is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImageRole {
    Logo,
    Partner,
}

impl ImageRole {
    pub fn code(self) -> &'static str {
        match self {
            ImageRole::Logo => "logo",
            ImageRole::Partner => "partner",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [ImageRole::Logo, ImageRole::Partner].into_iter().find(|r| r.code() == code)
    }
}

/// A colour of the sRGB space.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rgb(pub u8, pub u8, pub u8);

pub const WHITE: Rgb = Rgb(255, 255, 255);

/// WCAG 2.2's minimum contrast for text (1.4.3): the accent carries white text on buttons and
/// is the colour of links on white.
pub const TEXT_CONTRAST: f64 = 4.5;

impl Rgb {
    /// `#rrggbb` or `#rgb`, in any case.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        let digit = |i: usize, len: usize| u8::from_str_radix(hex.get(i..i + len)?, 16).ok();
        match hex.len() {
            6 => Some(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            3 => Some(Rgb(digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
            _ => None,
        }
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG's relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG's contrast ratio of two colours, 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

/// Why an accent colour cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum AccentProblem {
    /// Not `#rrggbb`.
    NotAColour,
    /// White text on it (and it as text on white) would be too faint: the ratio it has.
    TooLight(f64),
}

/// The accent colour an administrator typed: empty for the default, else a colour white text
/// can be read on.
pub fn check_accent(text: &str) -> Result<Option<Rgb>, AccentProblem> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let colour = Rgb::parse(text).ok_or(AccentProblem::NotAColour)?;
    let ratio = colour.contrast(WHITE);
    if ratio < TEXT_CONTRAST {
        return Err(AccentProblem::TooLight(ratio));
    }
    Ok(Some(colour))
}

/// Longest name, funding line and alternative text an administrator may enter.
pub const NAME_MAX: usize = 80;
pub const FUNDING_MAX: usize = 400;
pub const ALT_MAX: usize = 160;

/// The identity form as posted (every field text).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IdentityForm {
    pub version: String,
    pub name: String,
    pub accent: String,
    pub funding_line: String,
    /// "on" when ticked.
    pub eu_funded: String,
}

/// What a valid identity form says.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IdentityValues {
    pub name: String,
    pub accent: Option<Rgb>,
    pub funding_line: String,
    pub eu_funded: bool,
}

impl IdentityForm {
    pub fn of(identity: &Identity) -> Self {
        IdentityForm {
            version: identity.version.to_string(),
            name: identity.name.clone(),
            accent: identity.accent.map(Rgb::hex).unwrap_or_default(),
            funding_line: identity.funding_line.clone(),
            eu_funded: if identity.eu_funded { "on".into() } else { String::new() },
        }
    }

    /// Checks every field; each problem names its field.
    pub fn check(&self) -> Result<IdentityValues, Vec<super::schedule::validate::FieldIssue>> {
        let mut is = super::form::Issues::default();
        let name = is.text("name", &self.name, NAME_MAX, false).unwrap_or_default();
        let funding_line =
            is.text("funding_line", &self.funding_line, FUNDING_MAX, false).unwrap_or_default();
        let accent = match check_accent(&self.accent) {
            Ok(a) => a,
            Err(AccentProblem::NotAColour) => {
                is.add("accent", "accent_format");
                None
            }
            Err(AccentProblem::TooLight(_)) => {
                is.add("accent", "accent_contrast");
                None
            }
        };
        let eu_funded = matches!(self.eu_funded.as_str(), "1" | "on");
        if is.0.is_empty() {
            Ok(IdentityValues { name, accent, funding_line, eu_funded })
        } else {
            Err(is.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The known ratios of WCAG's definition.
    #[test]
    fn contrast_as_wcag_defines_it() {
        assert!((Rgb(0, 0, 0).contrast(WHITE) - 21.0).abs() < 1e-9);
        assert!((WHITE.contrast(WHITE) - 1.0).abs() < 1e-9);
        // #767676 is the lightest grey with 4.5:1 on white.
        assert!(Rgb::parse("#767676").unwrap().contrast(WHITE) >= 4.5);
        assert!(Rgb::parse("#777777").unwrap().contrast(WHITE) < 4.5);
    }

    #[test]
    fn accents_are_checked() {
        assert_eq!(check_accent(""), Ok(None));
        assert_eq!(check_accent(" #0B5CAD "), Ok(Some(Rgb(0x0b, 0x5c, 0xad))));
        assert_eq!(check_accent("#036"), Ok(Some(Rgb(0, 0x33, 0x66))));
        assert_eq!(check_accent("blue"), Err(AccentProblem::NotAColour));
        assert_eq!(check_accent("#12345g"), Err(AccentProblem::NotAColour));
        assert!(matches!(check_accent("#ffcc00"), Err(AccentProblem::TooLight(r)) if r < 2.0));
    }

    /// The category colours in the stylesheet carry white pictograms and white text.
    #[test]
    fn category_colours_have_text_contrast() {
        let css = include_str!("../../style/main.css");
        let mut found = 0;
        for line in css.lines().filter(|l| l.starts_with(".cat-") && l.contains("--cat:")) {
            let hex = line.split("--cat:").nth(1).and_then(|r| r.split(';').next()).unwrap().trim();
            let ratio = Rgb::parse(hex).unwrap().contrast(WHITE);
            assert!(ratio >= TEXT_CONTRAST, "{line}: {ratio:.2}");
            found += 1;
        }
        assert_eq!(found, crate::domain::category::Category::ALL.len());
    }

    /// Every problem of the form at once, each naming its field.
    #[test]
    fn the_form_names_each_wrong_field() {
        let form = IdentityForm {
            version: "3".into(),
            name: "x".repeat(NAME_MAX + 1),
            accent: "#fff000".into(),
            funding_line: String::new(),
            eu_funded: "1".into(),
        };
        let issues = form.check().unwrap_err();
        let fields = issues.iter().map(|i| (i.field.as_str(), i.reason.as_str())).collect::<Vec<_>>();
        assert_eq!(fields, [("name", "too_long"), ("accent", "accent_contrast")]);
        let ok = IdentityForm { name: " Stadt Bottrop ".into(), accent: "#003399".into(), ..form };
        let v = ok.check().unwrap();
        assert_eq!(
            (v.name.as_str(), v.accent, v.eu_funded),
            ("Stadt Bottrop", Some(Rgb(0, 0x33, 0x99)), true)
        );
        assert_eq!(
            IdentityForm { accent: "rot".into(), ..ok }.check().unwrap_err()[0].reason,
            "accent_format"
        );
    }

    proptest! {
        /// Any colour written as hex reads back; contrast is symmetric and between 1 and 21.
        #[test]
        fn colours_round_trip(r: u8, g: u8, b: u8, r2: u8, g2: u8, b2: u8) {
            let (c, d) = (Rgb(r, g, b), Rgb(r2, g2, b2));
            prop_assert_eq!(Rgb::parse(&c.hex()), Some(c));
            prop_assert_eq!(Rgb::parse(&c.hex().to_uppercase()), Some(c));
            let ratio = c.contrast(d);
            prop_assert!((1.0..=21.0 + 1e-9).contains(&ratio));
            prop_assert!((ratio - d.contrast(c)).abs() < 1e-12);
            prop_assert_eq!(check_accent(&c.hex()).is_ok(), c.contrast(WHITE) >= TEXT_CONTRAST);
        }
    }
}
