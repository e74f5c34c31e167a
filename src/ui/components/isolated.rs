//! Dates, times and names inside a translated phrase, each isolated (`<bdi>`) so that in a
//! right-to-left line "15:00–16:30" stays one left-to-right unit, a German address does not
//! reorder the words around it, and a time range never breaks across lines.

use html_escape::encode_text_to_string as text;

/// A piece put into a phrase.
pub enum Piece<'a> {
    /// A time or time range: left to right in every language, kept on one line.
    Time(&'a str),
    /// A date, name or address: isolated, its direction its own.
    Own(&'a str),
}

/// Where piece `i` goes in a phrase made by the translations (a private-use character no
/// translation contains).
pub fn mark(i: usize) -> String {
    char::from_u32(0xE000 + i as u32).map(String::from).unwrap_or_default()
}

/// `phrase` as HTML: its text escaped, each `mark(i)` replaced by piece `i` in its own `<bdi>`.
pub fn isolated_html(phrase: &str, pieces: &[Piece]) -> String {
    let mut out = String::with_capacity(phrase.len() + 40 * pieces.len());
    for c in phrase.chars() {
        let at = (c as u32).wrapping_sub(0xE000) as usize;
        match pieces.get(at) {
            Some(Piece::Time(t)) => {
                out.push_str(r#"<bdi class="time" dir="ltr">"#);
                text(t, &mut out);
                out.push_str("</bdi>");
            }
            Some(Piece::Own(t)) => {
                out.push_str("<bdi>");
                text(t, &mut out);
                out.push_str("</bdi>");
            }
            None => {
                let mut b = [0u8; 4];
                text(c.encode_utf8(&mut b), &mut out);
            }
        }
    }
    out
}

/// Phrases joined by `sep`, the ones flagged as times isolated as times.
pub fn parts_html(parts: &[(String, bool)], sep: &str) -> String {
    let mut out = String::new();
    for (i, (part, is_time)) in parts.iter().enumerate() {
        if i > 0 {
            text(sep, &mut out);
        }
        out.push_str(&isolated_html(
            &mark(0),
            &[if *is_time { Piece::Time(part) } else { Piece::Own(part) }],
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces land where their marks were, escaped, each in its own isolate.
    #[test]
    fn pieces_are_isolated_and_escaped() {
        let phrase = format!("Mi {}, {} <b>", mark(0), mark(1));
        let html = isolated_html(&phrase, &[Piece::Own("25.11.<2026>"), Piece::Time("15:00–16:30")]);
        assert_eq!(
            html,
            r#"Mi <bdi>25.11.&lt;2026&gt;</bdi>, <bdi class="time" dir="ltr">15:00–16:30</bdi> &lt;b&gt;"#
        );
        assert_eq!(
            parts_html(&[("jeden Mittwoch".into(), false), ("10:00".into(), true)], " · "),
            r#"<bdi>jeden Mittwoch</bdi> · <bdi class="time" dir="ltr">10:00</bdi>"#
        );
    }
}
