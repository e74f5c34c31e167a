//! Texts staff wrote, shown to residents: plain text only. Blank lines make paragraphs, line
//! breaks stay, web and e-mail addresses become links. No HTML from the text is ever
//! interpreted (it is escaped like any text), and only http(s) and mailto links are made.

use leptos::prelude::*;
use linkify::{LinkFinder, LinkKind};

/// One piece of a line: text, or a link with its target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Link { href: String, text: String },
}

/// Paragraphs of lines of pieces.
pub fn pieces(text: &str) -> Vec<Vec<Vec<Piece>>> {
    let finder = LinkFinder::new();
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| p.lines().map(|line| line_pieces(&finder, line)).collect())
        .collect()
}

fn line_pieces(finder: &LinkFinder, line: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    for span in finder.spans(line) {
        let s = span.as_str().to_owned();
        let piece = match span.kind() {
            Some(LinkKind::Url) if s.starts_with("https://") || s.starts_with("http://") => {
                Piece::Link { href: s.clone(), text: s }
            }
            Some(LinkKind::Email) => Piece::Link { href: format!("mailto:{s}"), text: s },
            _ => Piece::Text(s),
        };
        out.push(piece);
    }
    out
}

/// The text as paragraphs with line breaks and links, in `lang`.
#[component]
pub fn RichText(
    #[prop(into)] text: String,
    #[prop(into)] lang: String,
    #[prop(into)] class: String,
) -> impl IntoView {
    let paragraphs = pieces(&text)
        .into_iter()
        .map(|lines| {
            let count = lines.len();
            let lines = lines
                .into_iter()
                .enumerate()
                .map(|(i, line)| {
                    let parts = line
                        .into_iter()
                        .map(|p| match p {
                            Piece::Text(t) => t.into_any(),
                            Piece::Link { href, text } => {
                                view! { <a href=href rel="noopener nofollow" dir="ltr">{text}</a> }.into_any()
                            }
                        })
                        .collect_view();
                    view! { {parts} {(i + 1 < count).then(|| view! { <br/> })} }
                })
                .collect_view();
            view! { <p>{lines}</p> }
        })
        .collect_view();
    view! { <div class=class lang=lang dir="auto">{paragraphs}</div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs, lines and links are found; markup and script links stay plain text.
    #[test]
    fn splits_and_links() {
        let p = pieces("Hallo!\nInfos: https://example.org/a?b=1\n\nMail: info@example.de");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].len(), 2);
        assert!(p[0][1].contains(&Piece::Link {
            href: "https://example.org/a?b=1".into(),
            text: "https://example.org/a?b=1".into()
        }));
        assert!(p[1][0]
            .iter()
            .any(|x| matches!(x, Piece::Link { href, .. } if href == "mailto:info@example.de")));
        let evil = pieces("<img src=x onerror=alert(1)> javascript:alert(1)");
        assert!(evil[0][0].iter().all(|x| matches!(x, Piece::Text(_))), "{evil:?}");
    }
}
