//! `/<lang>/staff/identity`: administrators give the public pages the city's look — its name and
//! logo in the header, one accent colour (checked for contrast), and the programme's and
//! funders' logos with the funding line in every page's footer.

use super::fields::{Area, Check, Field, IssueSummary, Issues};
use super::frame::StaffFrame;
use crate::domain::identity::{Image, ImageRole};
use crate::i18n::*;
use crate::serverfns::identity::{get_identity_editor, DeleteIdentityImage, IdentityEditor, SaveIdentity};
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;

#[component]
pub fn IdentityPage() -> impl IntoView {
    let Some(locale) = route_locale() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let i18n = use_i18n();
    let data = OnceResource::new(get_identity_editor());
    let page = move || {
        Suspend::new(async move {
            match data.await {
                Ok(editor) => view! { <IdentityView editor lang=locale.as_str()/> }.into_any(),
                Err(crate::error::AppError::Unauthorized) => ().into_any(),
                Err(e) => crate::ui::pages::load_failed(e),
            }
        })
    };
    view! {
        <StaffFrame title=t_string!(i18n, identity.title)>
            <h1>{t!(i18n, identity.title)}</h1>
            <p>{t!(i18n, identity.intro)}</p>
            <Suspense fallback=|| ()>{page}</Suspense>
        </StaffFrame>
    }
    .into_any()
}

#[component]
fn IdentityView(editor: IdentityEditor, lang: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let IdentityEditor { editor, identity } = editor;
    let issues = Issues(std::sync::Arc::new(editor.issues.clone()));
    let f = editor.form;
    let partners = identity.partners.into_iter().map(|image| view! { <Logo image/> }).collect_view();
    view! {
        <IssueSummary issues=issues.clone()/>
        <form method="post" action={super::action::<SaveIdentity>()} class="staff-form narrow" novalidate>
            <input type="hidden" name="form[version]" value=f.version/>
            <Field path="name" label=t_string!(i18n, identity.name) value=f.name issues=issues.clone() hint=t_string!(i18n, identity.name_hint)/>
            <Field path="accent" label=t_string!(i18n, identity.accent) value=f.accent issues=issues.clone() hint=t_string!(i18n, identity.accent_hint)/>
            <Area path="funding_line" label=t_string!(i18n, identity.funding_line) value=f.funding_line issues=issues.clone() hint=t_string!(i18n, identity.funding_hint) lang="de"/>
            <Check path="eu_funded" label=t_string!(i18n, identity.eu_funded) checked=f.eu_funded == "on"/>
            <p><button type="submit" class="button">{t!(i18n, staff.save)}</button></p>
        </form>
        <section aria-labelledby="logo-heading">
            <h2 id="logo-heading">{t!(i18n, identity.logo_heading)}</h2>
            {identity.logo.map(|image| view! { <ul class="logo-list"><Logo image/></ul> })}
            <Upload lang role=ImageRole::Logo/>
        </section>
        <section aria-labelledby="partners-heading">
            <h2 id="partners-heading">{t!(i18n, identity.partners_heading)}</h2>
            <p>{t!(i18n, identity.partners_intro)}</p>
            <ul class="logo-list">{partners}</ul>
            <Upload lang role=ImageRole::Partner/>
        </section>
    }
}

/// A stored logo as it will show, with its text and a button to remove it.
#[component]
fn Logo(image: Image) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="logo-item">
            <img src=image.src() alt="" width=image.width height=image.height/>
            <span lang="de">{image.alt.clone()}</span>
            <form method="post" action={super::action::<DeleteIdentityImage>()} class="inline-form">
                <input type="hidden" name="id" value=image.id/>
                <button type="submit" class="button secondary small">
                    {t!(i18n, identity.remove)} <span class="visually-hidden">": " {image.alt}</span>
                </button>
            </form>
        </li>
    }
}

/// The upload form of one kind of logo.
#[component]
fn Upload(lang: &'static str, role: ImageRole) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("upload-{}", role.code());
    let (file_id, alt_id) = (format!("{id}-file"), format!("{id}-alt"));
    let button = match role {
        ImageRole::Logo => t_string!(i18n, identity.upload_logo),
        ImageRole::Partner => t_string!(i18n, identity.upload_partner),
    };
    view! {
        <form method="post" action=format!("/{lang}/staff/identity/images") enctype="multipart/form-data" class="staff-form narrow">
            <input type="hidden" name="role" value=role.code()/>
            <div class="field">
                <label for=file_id.clone()>{t!(i18n, identity.file)}</label>
                <input type="file" id=file_id name="file" accept=".png,.jpg,.jpeg,.svg,image/png,image/jpeg,image/svg+xml" required/>
                <p class="hint">{t!(i18n, identity.file_hint)}</p>
            </div>
            <div class="field">
                <label for=alt_id.clone()>{t!(i18n, identity.alt)}</label>
                <input type="text" id=alt_id name="alt" maxlength="160" required/>
                <p class="hint">{t!(i18n, identity.alt_hint)}</p>
            </div>
            <p><button type="submit" class="button">{button}</button></p>
        </form>
    }
}
