//! `/<lang>/staff/places/<id>` and `/<lang>/staff/places/new`.

use super::fields::{Check, Field, Issues, Select};
use super::record_edit::{record_id, RecordPage};
use crate::domain::place_form::PlaceForm;
use crate::i18n::*;
use crate::serverfns::records::{get_place_editor, RecordEditor, SavePlace};
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;

#[component]
pub fn PlaceEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let Some(id) = record_id() else { return view! { <NotFoundPage/> }.into_any() };
    let title =
        if id.is_some() { t_string!(i18n, staff.edit_place) } else { t_string!(i18n, staff.new_place) };
    view! { <RecordPage title load={move || get_place_editor(id)} action={super::action::<SavePlace>()} fields=place_fields/> }
        .into_any()
}

fn place_fields(editor: RecordEditor<PlaceForm>, issues: Issues) -> impl IntoView {
    let i18n = use_i18n();
    let f = editor.form;
    let choices = |l: &[crate::domain::offer_form::Choice]| {
        l.iter().map(|c| (c.slug.clone(), c.name.clone())).collect::<Vec<_>>()
    };
    let names = crate::ui::locale::content_locales()
        .into_iter()
        .filter(|l| *l != "de")
        .map(|l| {
            let value = f.names.get(l).cloned().unwrap_or_default();
            let label = format!("{} ({l})", t_string!(i18n, staff.place_name));
            view! { <Field path=format!("names.{l}") label value issues=issues.clone()/> }
        })
        .collect_view();
    view! {
        <input type="hidden" name="form[version]" value=f.version/>
        <fieldset class="group">
            <legend>{t!(i18n, staff.section_basics)}</legend>
            <Field path="name" label=t_string!(i18n, staff.place_name) value=f.name issues=issues.clone() required=true/>
            <Field path="slug" label=t_string!(i18n, staff.field_slug) value=f.slug issues=issues.clone() hint=t_string!(i18n, staff.slug_hint) required=true/>
            <Select path="quarter" label=t_string!(i18n, staff.place_quarter) value=f.quarter options=choices(&editor.options.quarters) issues=issues.clone() blank=t_string!(i18n, staff.choose)/>
            <Select path="organisation" label=t_string!(i18n, staff.place_owner) value=f.organisation options=choices(&editor.options.organisations) issues=issues.clone() blank="–"/>
        </fieldset>
        <fieldset class="group">
            <legend>{t!(i18n, staff.place_address)}</legend>
            <Field path="street" label=t_string!(i18n, staff.street) value=f.street issues=issues.clone()/>
            <div class="field-row">
                <Field path="postcode" label=t_string!(i18n, staff.postcode) value=f.postcode issues=issues.clone()/>
                <Field path="city" label=t_string!(i18n, staff.city) value=f.city issues=issues.clone()/>
            </div>
            <div class="field-row">
                <Field path="lat" label=t_string!(i18n, staff.lat) value=f.lat issues=issues.clone()/>
                <Field path="lon" label=t_string!(i18n, staff.lon) value=f.lon issues=issues.clone()/>
            </div>
            <Check path="step_free" label=t_string!(i18n, offer.step_free) checked=!f.step_free.is_empty()/>
            <Check path="accessible_toilet" label=t_string!(i18n, offer.accessible_toilet) checked=!f.accessible_toilet.is_empty()/>
            <Field path="opening_hours" label=t_string!(i18n, offer.opening_hours) value=f.opening_hours issues=issues.clone()/>
        </fieldset>
        <fieldset class="group">
            <legend>{t!(i18n, staff.section_translations)}</legend>
            {names}
        </fieldset>
    }
}
