//! The kiosk's words in each language it rotates through, translated on the server (the screen
//! switches languages on its own, without asking again).

use crate::domain::kiosk::KioskWords;
use crate::i18n::*;
use chrono::{Datelike, NaiveDate, Weekday};

/// Every word the screen shows, in `l`.
pub fn words(l: Locale) -> KioskWords {
    let s = |v: &str| v.to_owned();
    KioskWords {
        now: s(td_string!(l, kiosk.now)),
        later: s(td_string!(l, kiosk.later)),
        this_week: s(td_string!(l, kiosk.this_week)),
        nothing_now: s(td_string!(l, kiosk.nothing_now)),
        nothing_later: s(td_string!(l, kiosk.nothing_later)),
        nothing_day: s(td_string!(l, week.nothing)),
        cancelled: s(td_string!(l, occurrence.cancelled)),
        changed: s(td_string!(l, occurrence.changed)),
        all_day: s(td_string!(l, summary.all_day)),
        office: s(td_string!(l, kiosk.office)),
        scan: s(td_string!(l, kiosk.scan)),
        offline_since: td_string!(l, kiosk.offline_since, time = "{{ time }}").to_string(),
        quiet: s(td_string!(l, kiosk.quiet)),
        page_title: td_string!(l, kiosk.page_title, quarter = "{{ quarter }}").to_string(),
    }
}

/// "Mittwoch 02.12." — the weekday's name and the day in the language's date order.
pub fn heading(l: Locale, d: NaiveDate) -> String {
    let day = match d.weekday() {
        Weekday::Mon => td_string!(l, days.mon),
        Weekday::Tue => td_string!(l, days.tue),
        Weekday::Wed => td_string!(l, days.wed),
        Weekday::Thu => td_string!(l, days.thu),
        Weekday::Fri => td_string!(l, days.fri),
        Weekday::Sat => td_string!(l, days.sat),
        Weekday::Sun => td_string!(l, days.sun),
    };
    format!("{day} {}", d.format(td_string!(l, kiosk.day_format)))
}
