//! Short, stable public links for print and QR codes: `/q/<quarter>/<lang>` (the board),
//! `/q/<quarter>/<lang>/week` (the week plan) and `/o/<offer>/<lang>` (an offer). They redirect to
//! the page; an offer's former slugs keep redirecting after a rename. Quarter slugs never change.

/// What a short link opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target<'a> {
    Board {
        quarter: &'a str,
    },
    /// The board in the language the phone asks for.
    AnyLanguage {
        quarter: &'a str,
    },
    Week {
        quarter: &'a str,
    },
    Offer {
        offer: &'a str,
    },
}

/// The short link's path in `lang`.
pub fn short_path(target: Target<'_>, lang: &str) -> String {
    match target {
        Target::Board { quarter } => format!("/q/{quarter}/{lang}"),
        Target::AnyLanguage { quarter } => format!("/q/{quarter}"),
        Target::Week { quarter } => format!("/q/{quarter}/{lang}/week"),
        Target::Offer { offer } => format!("/o/{offer}/{lang}"),
    }
}

/// The page the short link redirects to (`offer` is the offer's current slug).
pub fn page_path(target: Target<'_>, lang: &str) -> String {
    match target {
        Target::Board { quarter } | Target::AnyLanguage { quarter } => format!("/{lang}/{quarter}"),
        Target::Week { quarter } => format!("/{lang}/{quarter}/week"),
        Target::Offer { offer } => format!("/{lang}/offers/{offer}"),
    }
}

/// Image formats of a QR code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    Svg,
    Png,
}

/// `ar.png` → (`ar`, PNG); `de-week.svg` → (`de`, SVG, week). Anything else: `None`.
pub fn parse_image_name(file: &str) -> Option<(&str, bool, ImageFormat)> {
    let (stem, format) = match file.rsplit_once('.')? {
        (stem, "svg") => (stem, ImageFormat::Svg),
        (stem, "png") => (stem, ImageFormat::Png),
        _ => return None,
    };
    let (lang, week) = match stem.strip_suffix("-week") {
        Some(lang) => (lang, true),
        None => (stem, false),
    };
    (lang.len() == 2 && lang.chars().all(|c| c.is_ascii_lowercase())).then_some((lang, week, format))
}

/// An address that names an offer by its slug — its page `/<lang>/offers/<slug>` or its feed
/// `/feeds/<lang>/offers/<slug>.ics` — split into what comes before the slug, the slug, and
/// what comes after it (so a former slug can be swapped for the current one).
pub fn offer_in_path(path: &str) -> Option<(&str, &str, &str)> {
    let parts: Vec<&str> = path.split('/').collect();
    let (slug, after) = match parts.as_slice() {
        ["", _lang, "offers", slug] if !slug.is_empty() => (*slug, ""),
        ["", "feeds", _lang, "offers", file] => {
            (file.strip_suffix(".ics").filter(|s| !s.is_empty())?, ".ics")
        }
        _ => return None,
    };
    let start = path.len() - slug.len() - after.len();
    Some((&path[..start], slug, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        let board = Target::Board { quarter: "welheim" };
        assert_eq!(short_path(board, "ar"), "/q/welheim/ar");
        assert_eq!(page_path(board, "ar"), "/ar/welheim");
        assert_eq!(page_path(Target::Week { quarter: "welheim" }, "de"), "/de/welheim/week");
        assert_eq!(short_path(Target::AnyLanguage { quarter: "welheim" }, "de"), "/q/welheim");
        assert_eq!(short_path(Target::Offer { offer: "yoga" }, "fa"), "/o/yoga/fa");
        assert_eq!(page_path(Target::Offer { offer: "yoga" }, "fa"), "/fa/offers/yoga");
    }

    #[test]
    fn image_names() {
        assert_eq!(parse_image_name("ar.png"), Some(("ar", false, ImageFormat::Png)));
        assert_eq!(parse_image_name("de-week.svg"), Some(("de", true, ImageFormat::Svg)));
        for bad in ["ar.gif", "arabic.png", "../x.png", "AR.svg", "de"] {
            assert_eq!(parse_image_name(bad), None, "{bad}");
        }
    }

    #[test]
    fn offer_slugs_in_addresses() {
        assert_eq!(offer_in_path("/de/offers/yoga"), Some(("/de/offers/", "yoga", "")));
        assert_eq!(offer_in_path("/feeds/ar/offers/yoga.ics"), Some(("/feeds/ar/offers/", "yoga", ".ics")));
        for other in [
            "/de/offers/",
            "/de/offers/yoga/x",
            "/de/welheim",
            "/feeds/de/offers/yoga",
            "/feeds/de/offers/.ics",
            "/de/staff/offers",
        ] {
            assert_eq!(offer_in_path(other), None, "{other}");
        }
    }
}
