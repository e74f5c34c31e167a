//! `/<lang>/staff/organisations/<id>` and `/<lang>/staff/organisations/new`.

use super::fields::{Area, Check, Field, Issues, Select};
use super::record_edit::{record_id, RecordPage};
use crate::domain::category::OrgKind;
use crate::domain::organisation_form::OrganisationForm;
use crate::i18n::*;
use crate::serverfns::records::{get_organisation_editor, RecordEditor, SaveOrganisation};
use crate::ui::labels;
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;

#[component]
pub fn OrganisationEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let Some(id) = record_id() else { return view! { <NotFoundPage/> }.into_any() };
    let title = if id.is_some() {
        t_string!(i18n, staff.edit_organisation)
    } else {
        t_string!(i18n, staff.new_organisation)
    };
    view! {
        <RecordPage title load={move || get_organisation_editor(id)} action={super::action::<SaveOrganisation>()} fields=organisation_fields/>
    }
    .into_any()
}

fn organisation_fields(editor: RecordEditor<OrganisationForm>, issues: Issues) -> impl IntoView {
    let i18n = use_i18n();
    let f = editor.form;
    let kinds: Vec<(String, String)> =
        OrgKind::ALL.iter().map(|k| (k.code().to_owned(), labels::org_kind(i18n, *k).to_owned())).collect();
    let approval = if editor.may_set_approval {
        view! { <Check path="editors_publish" label=t_string!(i18n, staff.editors_publish) checked=!f.editors_publish.is_empty()/> }.into_any()
    } else {
        view! { <input type="hidden" name="form[editors_publish]" value=f.editors_publish.clone()/> }
            .into_any()
    };
    view! {
        <input type="hidden" name="form[version]" value=f.version/>
        <fieldset class="group">
            <legend>{t!(i18n, staff.section_basics)}</legend>
            <Field path="name" label=t_string!(i18n, staff.organisation_name) value=f.name issues=issues.clone() required=true/>
            <Field path="slug" label=t_string!(i18n, staff.field_slug) value=f.slug issues=issues.clone() hint=t_string!(i18n, staff.slug_hint) required=true/>
            <Select path="kind" label=t_string!(i18n, staff.organisation_kind) value=f.kind options=kinds issues=issues.clone() blank=t_string!(i18n, staff.choose)/>
            <Area path="description" label=t_string!(i18n, staff.field_description) value=f.description issues=issues.clone() lang="de"/>
        </fieldset>
        <fieldset class="group">
            <legend>{t!(i18n, staff.section_contact)}</legend>
            <Field path="phone" label=t_string!(i18n, staff.field_contact_phone) value=f.phone issues=issues.clone() kind="tel"/>
            <Field path="email" label=t_string!(i18n, staff.field_contact_email) value=f.email issues=issues.clone() kind="email"/>
            <Field path="website" label=t_string!(i18n, staff.website) value=f.website issues=issues.clone() kind="url"/>
        </fieldset>
        <fieldset class="group">
            <legend>{t!(i18n, staff.section_internal)}</legend>
            {approval}
        </fieldset>
    }
}
