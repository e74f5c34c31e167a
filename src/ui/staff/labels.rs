//! Words of the staff area for codes: roles, statuses, notices, field errors, audit actions.

use crate::domain::category::OfferStatus;
use crate::domain::staff::Role;
use crate::i18n::*;
use leptos_i18n::I18nContext;

type I18n = I18nContext<Locale>;

pub fn role(i18n: I18n, r: Role) -> &'static str {
    match r {
        Role::Admin => t_string!(i18n, staff.role_admin),
        Role::Coordinator => t_string!(i18n, staff.role_coordinator),
        Role::Editor => t_string!(i18n, staff.role_editor),
        Role::Guide => t_string!(i18n, staff.role_guide),
    }
}

pub fn status(i18n: I18n, s: OfferStatus) -> &'static str {
    match s {
        OfferStatus::Draft => t_string!(i18n, staff.status_draft),
        OfferStatus::Published => t_string!(i18n, staff.status_published),
        OfferStatus::Archived => t_string!(i18n, staff.status_archived),
    }
}

/// The message of a field problem: staff-form reasons, else schedule reasons.
pub fn field_error(i18n: I18n, reason: &str) -> &'static str {
    match reason {
        "required" => t_string!(i18n, staff_errors.required),
        "too_long" => t_string!(i18n, staff_errors.too_long),
        "accent_format" => t_string!(i18n, staff_errors.accent_format),
        "accent_contrast" => t_string!(i18n, staff_errors.accent_contrast),
        "slug_invalid" => t_string!(i18n, staff_errors.slug_invalid),
        "slug_reserved" => t_string!(i18n, staff_errors.slug_reserved),
        "taken" => t_string!(i18n, staff_errors.taken),
        "unknown_choice" => t_string!(i18n, staff_errors.unknown_choice),
        "number_format" => t_string!(i18n, staff_errors.number_format),
        "date_format" => t_string!(i18n, staff_errors.date_format),
        "age_range" => t_string!(i18n, staff_errors.age_range),
        "age_order" => t_string!(i18n, staff_errors.age_order),
        "period_order" => t_string!(i18n, staff_errors.period_order),
        "period_long" => t_string!(i18n, staff_errors.period_long),
        "translation_incomplete" => t_string!(i18n, staff_errors.translation_incomplete),
        "phone_invalid" => t_string!(i18n, staff_errors.phone_invalid),
        "email_invalid" => t_string!(i18n, staff_errors.email_invalid),
        "password_short" => t_string!(i18n, staff_errors.password_short),
        "password_long" => t_string!(i18n, staff_errors.password_long),
        "password_weak" => t_string!(i18n, staff_errors.password_weak),
        "password_mismatch" => t_string!(i18n, staff_errors.password_mismatch),
        "code_wrong" => t_string!(i18n, staff_errors.code_wrong),
        "not_yourself" => t_string!(i18n, staff_errors.not_yourself),
        "postcode_invalid" => t_string!(i18n, staff_errors.postcode_invalid),
        "coordinate_invalid" => t_string!(i18n, staff_errors.coordinate_invalid),
        "coordinates_together" => t_string!(i18n, staff_errors.coordinates_together),
        "website_invalid" => t_string!(i18n, staff_errors.website_invalid),
        "csv_unknown_column" => t_string!(i18n, staff_errors.csv_unknown_column),
        "csv_missing_column" => t_string!(i18n, staff_errors.csv_missing_column),
        "csv_yes_no" => t_string!(i18n, staff_errors.csv_yes_no),
        "csv_schedule" => t_string!(i18n, staff_errors.csv_schedule),
        "csv_needs_approval" => t_string!(i18n, staff_errors.csv_needs_approval),
        "csv_forbidden" => t_string!(i18n, staff_errors.csv_forbidden),
        "csv_conflict" => t_string!(i18n, staff_errors.csv_conflict),
        "csv_encoding" => t_string!(i18n, staff_errors.csv_encoding),
        "csv_row_limit" => t_string!(i18n, staff_errors.csv_row_limit),
        "csv_too_large" => t_string!(i18n, staff_errors.csv_too_large),
        "csv_unreadable" => t_string!(i18n, staff_errors.csv_unreadable),
        "csv_empty" => t_string!(i18n, staff_errors.csv_empty),
        "csv_twice" => t_string!(i18n, staff_errors.csv_twice),
        "csv_failed" => t_string!(i18n, staff_errors.csv_failed),
        "ics_unreadable" => t_string!(i18n, staff_errors.ics_unreadable),
        "ics_too_deep" => t_string!(i18n, staff_errors.ics_too_deep),
        "ics_fetch" => t_string!(i18n, staff_errors.ics_fetch),
        "ics_missing" => t_string!(i18n, staff_errors.ics_missing),
        "ics_bad_date" => t_string!(i18n, staff_errors.ics_bad_date),
        "ics_bad_zone" => t_string!(i18n, staff_errors.ics_bad_zone),
        "ics_needs_end" => t_string!(i18n, staff_errors.ics_needs_end),
        "ics_uid_twice" => t_string!(i18n, staff_errors.ics_uid_twice),
        "ics_no_event" => t_string!(i18n, staff_errors.ics_no_event),
        "ics_rule" => t_string!(i18n, staff_errors.ics_rule),
        "json_encoding" => t_string!(i18n, staff_errors.json_encoding),
        "json_syntax" => t_string!(i18n, staff_errors.json_syntax),
        "json_key_twice" => t_string!(i18n, staff_errors.json_key_twice),
        "json_format" => t_string!(i18n, staff_errors.json_format),
        "json_time_zone" => t_string!(i18n, staff_errors.json_time_zone),
        other => crate::ui::labels::schedule_error(i18n, other),
    }
}

/// The one-line message left by a form post; `None` for unknown keys.
pub fn notice(i18n: I18n, key: &str) -> Option<&'static str> {
    Some(match key {
        "created" => t_string!(i18n, staff_notice.created),
        "saved" => t_string!(i18n, staff_notice.saved),
        "submitted" => t_string!(i18n, staff_notice.submitted),
        "published" => t_string!(i18n, staff_notice.published),
        "archived" => t_string!(i18n, staff_notice.archived),
        "confirmed" => t_string!(i18n, staff_notice.confirmed),
        "approved" => t_string!(i18n, staff_notice.approved),
        "restored" => t_string!(i18n, staff_notice.restored),
        "invited" => t_string!(i18n, staff_notice.invited),
        "reset_link" => t_string!(i18n, staff_notice.reset_link),
        "disabled" => t_string!(i18n, staff_notice.disabled),
        "enabled" => t_string!(i18n, staff_notice.enabled),
        "totp_enrolled" => t_string!(i18n, staff_notice.totp_enrolled),
        "not_found" => t_string!(i18n, staff_notice.not_found),
        "forbidden" => t_string!(i18n, staff_notice.forbidden),
        "conflict" => t_string!(i18n, staff_notice.conflict),
        "rate_limited" => t_string!(i18n, staff_notice.rate_limited),
        "unavailable" => t_string!(i18n, staff_notice.unavailable),
        "invalid" => t_string!(i18n, staff_notice.invalid),
        "failed" => t_string!(i18n, staff_notice.failed),
        "calendar_removed" => t_string!(i18n, staff_notice.calendar_removed),
        "calendar_read" => t_string!(i18n, staff_notice.calendar_read),
        "deleted" => t_string!(i18n, staff_notice.deleted),
        "image_added" => t_string!(i18n, staff_notice.image_added),
        "image_alt_missing" => t_string!(i18n, staff_notice.image_alt_missing),
        "image_alt_long" => t_string!(i18n, staff_notice.image_alt_long),
        "image_too_large" => t_string!(i18n, staff_notice.image_too_large),
        "image_unreadable" => t_string!(i18n, staff_notice.image_unreadable),
        "image_svg_text" => t_string!(i18n, staff_notice.image_svg_text),
        "image_too_small" => t_string!(i18n, staff_notice.image_too_small),
        _ => return None,
    })
}

/// What an audit entry's action code means.
pub fn audit_action(i18n: I18n, code: &str) -> String {
    match code {
        "create" => t_string!(i18n, staff_action.create).to_owned(),
        "update" => t_string!(i18n, staff_action.update).to_owned(),
        "publish" => t_string!(i18n, staff_action.publish).to_owned(),
        "unpublish" => t_string!(i18n, staff_action.unpublish).to_owned(),
        "archive" => t_string!(i18n, staff_action.archive).to_owned(),
        "restore" => t_string!(i18n, staff_action.restore).to_owned(),
        "confirm" => t_string!(i18n, staff_action.confirm).to_owned(),
        "submit" => t_string!(i18n, staff_action.submit).to_owned(),
        "approve" => t_string!(i18n, staff_action.approve).to_owned(),
        "plan" => t_string!(i18n, staff_action.plan).to_owned(),
        other => t_string!(i18n, staff_action.other, code = other).to_string(),
    }
}
