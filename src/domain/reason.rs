//! Problem reasons are codes (`required`, `ics_bad_date`, …): pages show them in the reader's
//! language (`ui::staff::labels::field_error`); the command line shows them in English here.

/// The English text of a reason code; unknown codes are shown as they are.
pub fn english(reason: &str) -> &str {
    match reason {
        "required" => "is missing or empty",
        "too_long" => "is too long",
        "unknown_choice" => "does not exist",
        "taken" => "exists already",
        "csv_twice" => "is used twice in the file",
        "slug_invalid" => "is not a valid slug (2 to 60 of a–z, 0–9, single hyphens inside)",
        "slug_reserved" => "is used by the site itself",
        "age_range" => "is above the highest age",
        "age_order" => "minimum age is above maximum age",
        "coordinates_together" => "latitude and longitude go together",
        "csv_too_large" => "the file is too large; at most",
        "json_encoding" => "the file is not UTF-8 text",
        "json_syntax" => "is not valid JSON here",
        "json_key_twice" => "this key is given twice",
        "json_format" => "is not this format; expected quartiersboard/1, got",
        "json_time_zone" => "is not this installation's time zone; it keeps times in",
        "ics_unreadable" => "the file is not an iCalendar file",
        "ics_too_deep" => "components are nested too deeply; at most",
        "ics_fetch" => "the calendar could not be fetched",
        "ics_missing" => "is missing",
        "ics_bad_date" => "is not a date or a date and time",
        "ics_bad_zone" => "names an unknown time zone",
        "ics_needs_end" => "a timed event needs DTEND or DURATION",
        "ics_uid_twice" => "the UID is used twice",
        "ics_no_event" => "changes an event the calendar does not have",
        "ics_rule" => "cannot be taken over",
        other => other,
    }
}

/// "`path`: text (detail)" for the command line.
pub fn describe(path: &str, reason: &str, detail: Option<&str>) -> String {
    let path = if path.is_empty() { String::new() } else { format!("{path} ") };
    let detail = detail.map(|d| format!(" ({d})")).unwrap_or_default();
    format!("{path}{}{detail}", english(reason))
}
