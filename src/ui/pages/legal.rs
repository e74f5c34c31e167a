//! `/<lang>/imprint`, `/<lang>/privacy`, `/<lang>/accessibility`: the operator's texts (in
//! German, as operators write them; other languages mark them as such), linked from every page.

use super::NotFoundPage;
use crate::domain::legal::LegalTexts;
use crate::i18n::*;
use crate::serverfns::get_legal;
use crate::ui::components::page_frame::PageFrame;
use crate::ui::components::rich_text::RichText;
use crate::ui::components::untranslated::UntranslatedMark;
use crate::ui::locale::route_locale;
use leptos::prelude::*;

/// Which of the three texts a page shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Imprint,
    Privacy,
    Accessibility,
}

#[component]
pub fn ImprintPage() -> impl IntoView {
    view! { <LegalPage kind=Kind::Imprint/> }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! { <LegalPage kind=Kind::Privacy/> }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! { <LegalPage kind=Kind::Accessibility/> }
}

#[component]
fn LegalPage(kind: Kind) -> impl IntoView {
    if route_locale().is_none() {
        return view! { <NotFoundPage/> }.into_any();
    }
    let i18n = use_i18n();
    let title = match kind {
        Kind::Imprint => t_string!(i18n, legal.imprint),
        Kind::Privacy => t_string!(i18n, legal.privacy),
        Kind::Accessibility => t_string!(i18n, legal.accessibility),
    };
    let data = OnceResource::new(get_legal());
    let body = move || {
        Suspend::new(async move {
            match data.await {
                Ok(texts) => view! { <LegalText kind texts/> }.into_any(),
                Err(e) => super::load_failed(e),
            }
        })
    };
    view! {
        <PageFrame title>
            <h1>{title}</h1>
            <UntranslatedMark lang="de".to_string()/>
            <Suspense fallback=|| ()>{body}</Suspense>
        </PageFrame>
    }
    .into_any()
}

#[component]
fn LegalText(kind: Kind, texts: LegalTexts) -> impl IntoView {
    let i18n = use_i18n();
    let contact = view! {
        <p lang="de">{texts.operator.clone()}<br/>{texts.address.clone()}</p>
        <p><a href=format!("mailto:{}", texts.email) dir="ltr">{texts.email.clone()}</a></p>
        {texts.phone.clone().map(|p| view! { <p><a href=crate::ui::tel_href(&p) dir="ltr">{p.clone()}</a></p> })}
    };
    match kind {
        Kind::Imprint => view! {
            <h2>{t!(i18n, legal.operator)}</h2>
            {contact}
            <h2>{t!(i18n, legal.representative)}</h2>
            <p lang="de">{texts.representative}</p>
            <RichText text=texts.imprint_extra class="legal-text" lang="de"/>
        }
        .into_any(),
        Kind::Privacy => view! {
            <RichText text=texts.privacy class="legal-text" lang="de"/>
            <h2>{t!(i18n, legal.operator)}</h2>
            {contact}
        }
        .into_any(),
        Kind::Accessibility => {
            let a = texts.accessibility;
            view! {
                <h2>{t!(i18n, legal.status)}</h2>
                <p lang="de">{a.status}</p>
                <h2>{t!(i18n, legal.gaps)}</h2>
                <ul lang="de">{a.known_gaps.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
                <h2>{t!(i18n, legal.prepared)}</h2>
                <p lang="de">{a.prepared}</p>
                <h2>{t!(i18n, legal.feedback)}</h2>
                <RichText text=a.feedback class="legal-text" lang="de"/>
                <h2>{t!(i18n, legal.conciliation)}</h2>
                <RichText text=a.conciliation_body class="legal-text" lang="de"/>
            }
            .into_any()
        }
    }
}

/// The links to the three texts, for every page's footer.
#[component]
pub fn LegalLinks() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.get_locale_untracked().as_str();
    view! {
        <nav class="legal-links" aria-label=t_string!(i18n, legal.nav)>
            <a href=format!("/{lang}/imprint")>{t!(i18n, legal.imprint)}</a>
            " · "
            <a href=format!("/{lang}/privacy")>{t!(i18n, legal.privacy)}</a>
            " · "
            <a href=format!("/{lang}/accessibility")>{t!(i18n, legal.accessibility)}</a>
        </nav>
    }
}
