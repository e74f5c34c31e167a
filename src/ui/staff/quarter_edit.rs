//! `/<lang>/staff/quarters/<id>`: a quarter's name, description and office (administrators).

use super::fields::{Area, Field, Issues};
use super::record_edit::{record_id, RecordPage};
use crate::domain::quarter_form::QuarterForm;
use crate::i18n::*;
use crate::serverfns::records::{get_quarter_editor, RecordEditor, SaveQuarter};
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;

#[component]
pub fn QuarterEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let Some(Some(id)) = record_id() else { return view! { <NotFoundPage/> }.into_any() };
    view! {
        <RecordPage title=t_string!(i18n, staff.edit_quarter) load=move || get_quarter_editor(id)
            action={super::action::<SaveQuarter>()} fields=quarter_fields/>
    }
    .into_any()
}

fn quarter_fields(editor: RecordEditor<QuarterForm>, issues: Issues) -> impl IntoView {
    let i18n = use_i18n();
    let f = editor.form;
    let translations = crate::ui::locale::content_locales()
        .into_iter()
        .filter(|l| *l != "de")
        .map(|l| {
            let t = f.texts.get(l).cloned().unwrap_or_default();
            let open = !t.name.is_empty();
            view! {
                <details class="translation" open=open>
                    <summary lang=l>{l}</summary>
                    <Field path=format!("texts.{l}.name") label=t_string!(i18n, staff.quarter_name) value=t.name issues=issues.clone()/>
                    <Area path=format!("texts.{l}.description") label=t_string!(i18n, staff.field_description) value=t.description issues=issues.clone() lang=l/>
                    <Field path=format!("texts.{l}.hours") label=t_string!(i18n, offer.opening_hours) value=t.hours issues=issues.clone()/>
                </details>
            }
        })
        .collect_view();
    view! {
        <input type="hidden" name="form[version]" value=f.version/>
        <fieldset class="group">
            <legend>{t!(i18n, staff.section_basics)}</legend>
            <Field path="name" label=t_string!(i18n, staff.quarter_name) value=f.name issues=issues.clone() required=true/>
            <Area path="description" label=t_string!(i18n, staff.field_description) value=f.description issues=issues.clone() lang="de"/>
        </fieldset>
        <fieldset class="group">
            <legend>{t!(i18n, staff.quarter_office)}</legend>
            <Field path="office_name" label=t_string!(i18n, staff.name) value=f.office_name issues=issues.clone()/>
            <Field path="office_street" label=t_string!(i18n, staff.street) value=f.office_street issues=issues.clone()/>
            <div class="field-row">
                <Field path="office_postcode" label=t_string!(i18n, staff.postcode) value=f.office_postcode issues=issues.clone()/>
                <Field path="office_city" label=t_string!(i18n, staff.city) value=f.office_city issues=issues.clone()/>
            </div>
            <Field path="office_phone" label=t_string!(i18n, staff.field_contact_phone) value=f.office_phone issues=issues.clone() kind="tel"/>
            <Area path="hours" label=t_string!(i18n, offer.opening_hours) value=f.hours issues=issues.clone()/>
        </fieldset>
        <fieldset class="group">
            <legend>{t!(i18n, staff.section_translations)}</legend>
            {translations}
        </fieldset>
    }
}
