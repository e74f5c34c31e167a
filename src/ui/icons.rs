//! Pictograms from the Lucide icon set (ISC licence: `src/ui/icons/LICENSE`; copied by
//! `.ci/vendor-icons`). A page carries each once, in a hidden SVG sprite at the top of its body;
//! everything that shows one refers to it with `<use>` (a board of 50 cards repeats a short
//! reference, not the drawing). Nothing is loaded from elsewhere.

use crate::domain::category::Category;
use leptos::prelude::*;
use std::sync::OnceLock;

/// The pictograms besides the categories'.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    Star,
    Globe,
    Calendar,
    Place,
    Printer,
    Back,
    Chevron,
    Clock,
    Share,
    Phone,
}

/// (name, file) of every icon the sprite holds.
const FILES: &[(&str, &str)] = &[
    ("volleyball", include_str!("icons/volleyball.svg")),
    ("palette", include_str!("icons/palette.svg")),
    ("book-open", include_str!("icons/book-open.svg")),
    ("message-circle", include_str!("icons/message-circle.svg")),
    ("coffee", include_str!("icons/coffee.svg")),
    ("heart-pulse", include_str!("icons/heart-pulse.svg")),
    ("users-round", include_str!("icons/users-round.svg")),
    ("sun", include_str!("icons/sun.svg")),
    ("languages", include_str!("icons/languages.svg")),
    ("star", include_str!("icons/star.svg")),
    ("globe", include_str!("icons/globe.svg")),
    ("calendar-days", include_str!("icons/calendar-days.svg")),
    ("map-pin", include_str!("icons/map-pin.svg")),
    ("printer", include_str!("icons/printer.svg")),
    ("arrow-left", include_str!("icons/arrow-left.svg")),
    ("chevron-down", include_str!("icons/chevron-down.svg")),
    ("clock", include_str!("icons/clock.svg")),
    ("share-2", include_str!("icons/share-2.svg")),
    ("phone", include_str!("icons/phone.svg")),
];

/// The Lucide name of a category's pictogram.
pub fn category_name(c: Category) -> &'static str {
    match c {
        Category::Sport => "volleyball",
        Category::Culture => "palette",
        Category::Learning => "book-open",
        Category::Counselling => "message-circle",
        Category::Meeting => "coffee",
        Category::Health => "heart-pulse",
        Category::Family => "users-round",
        Category::Holiday => "sun",
        Category::Language => "languages",
    }
}

impl Icon {
    pub fn name(self) -> &'static str {
        match self {
            Icon::Star => "star",
            Icon::Globe => "globe",
            Icon::Calendar => "calendar-days",
            Icon::Place => "map-pin",
            Icon::Printer => "printer",
            Icon::Back => "arrow-left",
            Icon::Chevron => "chevron-down",
            Icon::Clock => "clock",
            Icon::Share => "share-2",
            Icon::Phone => "phone",
        }
    }
}

/// The drawing inside a Lucide file: what lies between its `<svg …>` tag and `</svg>`.
fn drawing(file: &str) -> &str {
    let start = file.find("<svg").and_then(|at| file[at..].find('>').map(|end| at + end + 1)).unwrap_or(0);
    let end = file.rfind("</svg>").unwrap_or(file.len());
    file[start..end].trim()
}

/// The sprite: one `<symbol id="i-<name>">` per icon, in a zero-sized SVG.
pub fn sprite_html() -> &'static str {
    static SPRITE: OnceLock<String> = OnceLock::new();
    SPRITE.get_or_init(|| {
        let mut s = String::from(r#"<svg class="sprite" aria-hidden="true" focusable="false">"#);
        for (name, file) in FILES {
            s.push_str(r#"<symbol viewBox="0 0 24 24" id="i-"#);
            s.push_str(name);
            s.push_str(r#"">"#);
            // Lucide writes each element on a line of its own: one space is enough between them.
            s.extend(drawing(file).split_whitespace().flat_map(|w| [w, " "]));
            s.push_str("</symbol>");
        }
        s.push_str("</svg>");
        s
    })
}

/// An icon as HTML text (markup written by hand, the board's cards): decorative, the words
/// next to it say what it means.
pub fn icon_html(name: &str, buf: &mut String) {
    buf.push_str(r##"<svg aria-hidden="true" focusable="false" class="icon"><use href="#i-"##);
    buf.push_str(name);
    buf.push_str(r#""></use></svg>"#);
}

/// The same element as `icon_html`, for `view!`.
#[component]
pub fn IconView(name: &'static str) -> impl IntoView {
    view! {
        <svg class="icon" aria-hidden="true" focusable="false">
            <use href=format!("#i-{name}")></use>
        </svg>
    }
}

/// The sprite, for the top of a page's body.
#[component]
pub fn IconSprite() -> impl IntoView {
    view! { <div class="sprite-holder" inner_html=sprite_html()></div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name in use has a drawing in the sprite, and each drawing is a real element list.
    #[test]
    fn every_icon_in_use_is_in_the_sprite() {
        let sprite = sprite_html();
        let icons = [
            Icon::Star,
            Icon::Globe,
            Icon::Calendar,
            Icon::Place,
            Icon::Printer,
            Icon::Back,
            Icon::Chevron,
            Icon::Clock,
            Icon::Share,
            Icon::Phone,
        ];
        let names = Category::ALL.iter().map(|c| category_name(*c)).chain(icons.iter().map(|i| i.name()));
        for name in names {
            assert!(sprite.contains(&format!(r#"id="i-{name}">"#)), "{name}");
        }
        for (name, file) in FILES {
            let d = drawing(file);
            assert!(d.starts_with('<') && d.ends_with("/>") && !d.contains("<svg"), "{name}: {d}");
        }
    }

    #[test]
    fn the_written_icon_is_the_rendered_one() {
        let mut written = String::new();
        icon_html("star", &mut written);
        let rendered = view! { <IconView name="star"/> }.to_html().replace("<!>", "");
        assert_eq!(written, rendered);
    }
}
