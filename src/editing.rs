//! What staff edits need beyond one storage call: checking a form against the rules and the
//! current choices, asking the policy about both the stored and the submitted scope, and
//! choosing between saving and submitting for approval. Server functions call one function here.

pub mod offers;

/// The content locales (those of the interface), German first.
pub fn locales() -> Vec<&'static str> {
    use leptos_i18n::Locale as _;
    crate::i18n::Locale::get_all().iter().map(|l| l.as_str()).collect()
}
