//! The shortlist (Merkliste): offers a family or the guide marked. It lives only in the URL
//! (`?list=a,b,c`): no account, no cookie, nothing kept on the server.

/// The most offers a list holds.
pub const MAX_ITEMS: usize = 20;

/// The slugs of a `list` parameter: valid slugs only, each once, at most [`MAX_ITEMS`].
pub fn parse_list(value: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for slug in value.split(',').map(str::trim) {
        if super::slug::check_slug(slug).is_ok() && !out.iter().any(|s| s == slug) && out.len() < MAX_ITEMS {
            out.push(slug.to_owned());
        }
    }
    out
}

/// The `list` parameter value for `slugs`.
pub fn list_value(slugs: &[String]) -> String {
    slugs.join(",")
}

/// The list with `slug` added (at the end) or removed.
pub fn toggled(slugs: &[String], slug: &str) -> Vec<String> {
    if slugs.iter().any(|s| s == slug) {
        slugs.iter().filter(|s| *s != slug).cloned().collect()
    } else {
        let mut out = slugs.to_vec();
        if out.len() < MAX_ITEMS {
            out.push(slug.to_owned());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Junk, duplicates and overflow are dropped; toggling adds and removes.
    #[test]
    fn list_handling() {
        let list = parse_list("a1,b2,,Bad Slug,a1,<script>");
        assert_eq!(list, ["a1", "b2"]);
        assert_eq!(toggled(&list, "c3"), ["a1", "b2", "c3"]);
        assert_eq!(toggled(&list, "a1"), ["b2"]);
        let many = (0..30).map(|i| format!("o{i}")).collect::<Vec<_>>().join(",");
        assert_eq!(parse_list(&many).len(), MAX_ITEMS);
    }
}
