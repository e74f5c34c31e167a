//! Reading school holidays from an iCalendar file (as ministries and school portals publish
//! them): one all-day VEVENT per holiday period, DTEND exclusive as RFC 5545 defines.

use crate::domain::holidays::SchoolHoliday;
use chrono::{Duration, NaiveDate};
use icalendar::parser::{read_calendar, unfold};

/// The holiday periods of an `.ics` file, sorted by first day. Errors name the event.
pub fn parse_school_holidays(ics: &str) -> Result<Vec<SchoolHoliday>, String> {
    let unfolded = unfold(ics);
    let calendar = read_calendar(&unfolded)?;
    let mut out = Vec::new();
    for (i, event) in calendar.components.iter().filter(|c| c.name == "VEVENT").enumerate() {
        let name = event.find_prop("SUMMARY").map(|p| p.val.as_str().trim().to_owned()).unwrap_or_default();
        let label = if name.is_empty() { format!("event {}", i + 1) } else { name.clone() };
        let date = |key: &str| -> Result<Option<NaiveDate>, String> {
            event
                .find_prop(key)
                .map(|p| {
                    let v = p.val.as_str();
                    NaiveDate::parse_from_str(v.get(..8).unwrap_or(v), "%Y%m%d")
                        .map_err(|_| format!("{label}: {key} {v:?} is not a date"))
                })
                .transpose()
        };
        let first = date("DTSTART")?.ok_or_else(|| format!("{label}: no DTSTART"))?;
        let last = match date("DTEND")? {
            Some(end) if end > first => end - Duration::days(1),
            Some(_) => return Err(format!("{label}: DTEND is not after DTSTART")),
            None => first,
        };
        out.push(SchoolHoliday {
            name: if name.is_empty() { label } else { name },
            first_day: first,
            last_day: last,
        });
    }
    out.sort_by_key(|h| h.first_day);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// All-day events become inclusive periods; a one-day event without DTEND is one day.
    #[test]
    fn reads_periods() {
        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n\
            BEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Osterferien\r\nDTSTART;VALUE=DATE:20270322\r\nDTEND;VALUE=DATE:20270404\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:2\r\nSUMMARY:Pfingstferien\r\nDTSTART;VALUE=DATE:20270518\r\nEND:VEVENT\r\n\
            END:VCALENDAR\r\n";
        let got = parse_school_holidays(ics).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(
            (got[0].first_day.to_string(), got[0].last_day.to_string()),
            ("2027-03-22".into(), "2027-04-03".into())
        );
        assert_eq!(got[1].last_day, got[1].first_day);
    }

    /// A broken date is reported with the event's name.
    #[test]
    fn names_bad_event() {
        let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Herbst\r\nDTSTART:2027XX01\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let e = parse_school_holidays(ics).unwrap_err();
        assert!(e.contains("Herbst"), "{e}");
    }
}
