//! The fields of the offer form: basics, texts per language, who it is for, cost and
//! registration, contact, internal note. Schedules are in `schedule_fields`.

use super::fields::{Area, Check, Checks, Field, Issues, Select};
use crate::domain::category::{Audience, Category};
use crate::domain::offer_form::{Choice, FormOptions, OfferForm, SPOKEN};
use crate::i18n::*;
use crate::ui::labels;
use crate::ui::locale::find_locale;
use leptos::prelude::*;

fn choices(list: &[Choice]) -> Vec<(String, String)> {
    list.iter().map(|c| (c.slug.clone(), c.name.clone())).collect()
}

#[component]
pub fn OfferFields(
    form: OfferForm,
    options: FormOptions,
    issues: Issues,
    /// Content locales other than German, with whether their translation is stale.
    translations: Vec<(String, bool)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let de = form.texts.get("de").cloned().unwrap_or_default();
    let categories: Vec<(String, String)> =
        Category::ALL.iter().map(|c| (c.code().to_owned(), labels::category(i18n, *c).to_owned())).collect();
    let audiences: Vec<(String, String)> =
        Audience::ALL.iter().map(|a| (a.code().to_owned(), labels::audience(i18n, *a).to_owned())).collect();
    let spoken: Vec<(String, String)> =
        SPOKEN.iter().map(|c| ((*c).to_owned(), labels::spoken_language(i18n, c))).collect();
    let translated = translations
        .into_iter()
        .map(|(locale, stale)| {
            let t = form.texts.get(&locale).cloned().unwrap_or_default();
            let autonym = find_locale(&locale).map(|l| autonym(l).to_owned()).unwrap_or_else(|| locale.clone());
            let open = stale || !t.title.is_empty();
            view! {
                <details class="translation" open=open>
                    <summary lang=locale.clone()>{autonym} {stale.then(|| view! { " – " <span class="badge pending">{t!(i18n, staff.translation_stale)}</span> })}</summary>
                    {stale.then(|| view! { <p class="hint">{t!(i18n, staff.translation_stale_note)}</p> })}
                    <Field path=format!("texts.{locale}.title") label=t_string!(i18n, staff.field_title) value=t.title issues=issues.clone()/>
                    <Area path=format!("texts.{locale}.description") label=t_string!(i18n, staff.field_description) value=t.description issues=issues.clone() lang=locale.clone()/>
                </details>
            }
        })
        .collect_view();
    view! {
        <fieldset class="group">
            <legend>{t!(i18n, staff.section_basics)}</legend>
            <Field path="texts.de.title" label=t_string!(i18n, staff.field_title) value=de.title issues=issues.clone() required=true/>
            <Field path="slug" label=t_string!(i18n, staff.field_slug) value=form.slug issues=issues.clone() hint=t_string!(i18n, staff.slug_hint) required=true/>
            <Select path="organisation" label=t_string!(i18n, staff.field_organisation) value=form.organisation options=choices(&options.organisations) issues=issues.clone() blank=t_string!(i18n, staff.choose)/>
            <Select path="place" label=t_string!(i18n, staff.field_place) value=form.place options=choices(&options.places) issues=issues.clone() blank=t_string!(i18n, staff.choose)/>
            <Checks path="quarters" legend=t_string!(i18n, staff.field_quarters) selected=form.quarters options=choices(&options.quarters) issues=issues.clone()/>
            <Select path="category" label=t_string!(i18n, staff.field_category) value=form.category options=categories issues=issues.clone() blank=t_string!(i18n, staff.choose)/>
        </fieldset>
        <fieldset class="group">
            <legend>{t!(i18n, staff.section_texts)}</legend>
            <Area path="texts.de.description" label=t_string!(i18n, staff.field_description) value=de.description issues=issues.clone() lang="de"/>
            <Area path="texts.de.easy" label=t_string!(i18n, staff.field_easy) value=de.easy issues=issues.clone() lang="de"/>
        </fieldset>
        <fieldset class="group">
            <legend>{t!(i18n, staff.section_translations)}</legend>
            {translated}
        </fieldset>
        <fieldset class="group">
            <legend>{t!(i18n, staff.section_who)}</legend>
            <div class="field-row">
                <Field path="age_min" label=t_string!(i18n, staff.field_age_min) value=form.age_min issues=issues.clone() kind="number"/>
                <Field path="age_max" label=t_string!(i18n, staff.field_age_max) value=form.age_max issues=issues.clone() kind="number" hint=t_string!(i18n, staff.age_hint)/>
            </div>
            <Checks path="audiences" legend=t_string!(i18n, staff.field_audiences) selected=form.audiences options=audiences issues=issues.clone()/>
            <Checks path="languages" legend=t_string!(i18n, staff.field_languages) selected=form.languages options=spoken issues=issues.clone()/>
        </fieldset>
        <fieldset class="group">
            <legend>{t!(i18n, staff.section_cost)}</legend>
            <Check path="free" label=t_string!(i18n, staff.field_free) checked=!form.free.is_empty()/>
            <Field path="cost" label=t_string!(i18n, staff.field_cost) value=form.cost issues=issues.clone()/>
            <Check path="registration_required" label=t_string!(i18n, staff.field_registration) checked=!form.registration_required.is_empty()/>
            <Field path="registration_text" label=t_string!(i18n, staff.field_registration_text) value=form.registration_text issues=issues.clone()/>
        </fieldset>
        <fieldset class="group">
            <legend>{t!(i18n, staff.section_contact)}</legend>
            <Field path="contact_name" label=t_string!(i18n, staff.field_contact_name) value=form.contact_name issues=issues.clone()/>
            <Field path="contact_phone" label=t_string!(i18n, staff.field_contact_phone) value=form.contact_phone issues=issues.clone() kind="tel"/>
            <Field path="contact_email" label=t_string!(i18n, staff.field_contact_email) value=form.contact_email issues=issues.clone() kind="email"/>
        </fieldset>
        <fieldset class="group">
            <legend>{t!(i18n, staff.section_internal)}</legend>
            <Area path="internal_note" label=t_string!(i18n, staff.field_note) value=form.internal_note issues hint=t_string!(i18n, staff.note_hint)/>
        </fieldset>
    }
}

/// A language's own name ("العربية").
fn autonym(locale: Locale) -> &'static str {
    td_string!(locale, meta.autonym)
}
