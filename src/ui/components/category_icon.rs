//! Small inline SVG icons per category (no icon font, nothing loaded from elsewhere).
//! Decorative: the category name is always written next to them.

use crate::domain::category::Category;
use leptos::prelude::*;

/// SVG path data on a 24×24 grid, drawn with a 2-px stroke.
fn path(c: Category) -> &'static str {
    match c {
        // a ball
        Category::Sport => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M3.5 9h17M3.5 15h17M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18",
        // a brush over a palette
        Category::Culture => "M12 3a9 9 0 0 0 0 18c1.5 0 2-1 2-2s-1-2 0-3h3a4 4 0 0 0 4-4c0-5-4-9-9-9M7.5 10.5h.01M11 7h.01M15.5 8.5h.01",
        // an open book
        Category::Learning => "M3 5h6a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H3zM21 5h-6a3 3 0 0 0-3 3v12a2 2 0 0 1 2-2h7z",
        // a speech bubble
        Category::Counselling => "M4 5h16v11H9l-5 4z",
        // a cup
        Category::Meeting => "M4 8h12v6a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5zM16 10h2a2 2 0 0 1 0 4h-2M8 3v2M12 3v2",
        // a heart
        Category::Health => "M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.5A4 4 0 0 1 19 10c0 5.5-7 10-7 10z",
        // two figures
        Category::Family => "M8 7a2.5 2.5 0 1 0 0-.01M16 9a2 2 0 1 0 0-.01M4 20v-4a4 4 0 0 1 8 0v4M13 20v-3a3 3 0 0 1 6 0v3",
        // a sun
        Category::Holiday => "M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8M12 2v2M12 20v2M2 12h2M20 12h2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4",
        // letters
        Category::Language => "M4 18l4-12l4 12M5.5 14h5M14 9h6M17 7v2M15 17c3-1 4-4 4-8M15 12c1 2 3 4 5 5",
    }
}

/// The icon as HTML text, for markup written by hand (the board's cards): the same element the
/// component renders (a test holds the two together).
pub fn icon_html(c: Category, buf: &mut String) {
    buf.push_str(r#"<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" class="icon"><path d=""#);
    buf.push_str(path(c));
    buf.push_str(r#"" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"></path></svg>"#);
}

#[component]
pub fn CategoryIcon(category: Category) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path d=path(category) fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_icon_is_the_rendered_one() {
        for c in Category::ALL {
            let mut written = String::new();
            icon_html(*c, &mut written);
            let rendered = view! { <CategoryIcon category=*c/> }.to_html().replace("<!>", "");
            assert_eq!(written, rendered, "{c:?}");
        }
    }
}
