//! Dates and times in the page language, from the CLDR data of ICU4X: "25.11.2026" (de),
//! "Nov 25, 2026" (en), "25 нояб. 2026 г." (ru), "25‏/11‏/2026" (ar).
//!
//! Three choices are fixed for every language (Unicode locale extensions): the Gregorian
//! calendar (Farsi's default is the Persian one, but the dates are appointments in Bottrop), Latin
//! digits (flyers, phone numbers and house numbers use them) and the 24-hour clock (flyers,
//! kiosks, printed boards and the calendar feeds all say 15:00). Everything else — order,
//! separators, month names — is the locale's own.
//!
//! The formatting runs on the server only: public pages are rendered there and the islands get
//! words, not dates, so the browser's wasm carries no ICU date data. The browser build (reached
//! only by the full-hydration measurement build) falls back to the locale file's pattern.

use crate::i18n::*;
use chrono::{NaiveDate, NaiveTime};

/// A calendar date, medium length ("25.11.2026").
pub fn date(locale: Locale, d: NaiveDate) -> String {
    imp::date(locale, d, Style::Medium)
}

/// Day and month, short, for dates of the coming weeks ("23.12.").
pub fn day_month(locale: Locale, d: NaiveDate) -> String {
    imp::date(locale, d, Style::DayMonth)
}

/// Day and month in words ("7. Dezember").
pub fn day_month_long(locale: Locale, d: NaiveDate) -> String {
    imp::date(locale, d, Style::DayMonthLong)
}

/// A date in words ("13. Dezember 2026").
pub fn date_long(locale: Locale, d: NaiveDate) -> String {
    imp::date(locale, d, Style::Long)
}

/// How much of a date is written, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    Medium,
    DayMonth,
    DayMonthLong,
    Long,
}

/// A time of day, hours and minutes ("15:00").
pub fn time(locale: Locale, t: NaiveTime) -> String {
    imp::time(locale, t)
}

#[cfg(feature = "ssr")]
mod imp {
    use super::Style;
    use crate::i18n::*;
    use crate::ui::kept::Kept;
    use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
    use icu_calendar::{Date, Gregorian};
    use icu_datetime::fieldsets::{MD, T, YMD};
    use icu_datetime::input::Time;
    use icu_datetime::options::TimePrecision;
    use icu_datetime::{DateTimeFormatterPreferences, FixedCalendarDateTimeFormatter, NoCalendarFormatter};
    use icu_locale_core::Locale as IcuLocale;
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::sync::LazyLock;

    /// The locale ICU formats with: the page language plus the fixed choices above.
    fn icu_tag(locale: Locale) -> String {
        format!("{}-u-ca-gregory-hc-h23-nu-latn", locale.as_str())
    }

    struct Formatters {
        date: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
        long: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
        day_month: FixedCalendarDateTimeFormatter<Gregorian, MD>,
        day_month_long: FixedCalendarDateTimeFormatter<Gregorian, MD>,
        time: NoCalendarFormatter<T>,
    }

    /// One pair of formatters per language, built on first use (the data is compiled in).
    static FORMATTERS: LazyLock<HashMap<Locale, Formatters>> = LazyLock::new(|| {
        Locale::get_all()
            .iter()
            .map(|&l| {
                let tag: IcuLocale = icu_tag(l).parse().expect("a valid locale tag");
                let prefs = DateTimeFormatterPreferences::from(&tag);
                let date = FixedCalendarDateTimeFormatter::try_new(prefs, YMD::medium())
                    .expect("compiled date data for every page language");
                let long = FixedCalendarDateTimeFormatter::try_new(prefs, YMD::long())
                    .expect("compiled date data for every page language");
                let day_month = FixedCalendarDateTimeFormatter::try_new(prefs, MD::short())
                    .expect("compiled date data for every page language");
                let day_month_long = FixedCalendarDateTimeFormatter::try_new(prefs, MD::long())
                    .expect("compiled date data for every page language");
                let time = NoCalendarFormatter::try_new(
                    prefs,
                    T::medium().with_time_precision(TimePrecision::Minute),
                )
                .expect("compiled time data for every page language");
                (l, Formatters { date, long, day_month, day_month_long, time })
            })
            .collect()
    });

    /// Entries a thread keeps per kind (a bound, not a working size: a server meets a few
    /// hundred dates and times). ICU's formatting was most of a card's rendering cost, and the
    /// text of a date or a time in a language never changes.
    pub(super) const MADE_MAX: usize = 4096;

    thread_local! {
        static DATES: RefCell<Kept<(Locale, NaiveDate, Style), String>> = RefCell::new(Kept::new(MADE_MAX));
        static TIMES: RefCell<Kept<(Locale, NaiveTime), String>> = RefCell::new(Kept::new(MADE_MAX));
    }

    pub fn date(locale: Locale, d: NaiveDate, style: Style) -> String {
        DATES.with_borrow_mut(|kept| kept.get((locale, d, style), || format_date(locale, d, style)))
    }

    pub fn time(locale: Locale, t: NaiveTime) -> String {
        TIMES.with_borrow_mut(|kept| kept.get((locale, t), || format_time(locale, t)))
    }

    pub(super) fn format_date(locale: Locale, d: NaiveDate, style: Style) -> String {
        let ymd = Date::try_new_gregorian(d.year(), d.month() as u8, d.day() as u8)
            .expect("a chrono date is valid");
        let f = &FORMATTERS[&locale];
        match style {
            Style::Medium => f.date.format(&ymd).to_string(),
            Style::Long => f.long.format(&ymd).to_string(),
            Style::DayMonth => f.day_month.format(&ymd).to_string(),
            Style::DayMonthLong => f.day_month_long.format(&ymd).to_string(),
        }
    }

    pub(super) fn format_time(locale: Locale, t: NaiveTime) -> String {
        let hm = Time::try_new(t.hour() as u8, t.minute() as u8, 0, 0).expect("a chrono time is valid");
        FORMATTERS[&locale].time.format(&hm).to_string()
    }
}

#[cfg(not(feature = "ssr"))]
mod imp {
    use super::Style;
    use crate::i18n::*;
    use chrono::{NaiveDate, NaiveTime};

    pub fn date(locale: Locale, d: NaiveDate, _style: Style) -> String {
        d.format(td_string!(locale, formats.date)).to_string()
    }

    pub fn time(_locale: Locale, t: NaiveTime) -> String {
        crate::domain::time_text::format_time(t)
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn nov_25() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    /// Each language writes the date its own way.
    #[test]
    fn dates_follow_the_language() {
        assert_eq!(date(Locale::de, nov_25()), "25.11.2026");
        assert_eq!(date(Locale::en, nov_25()), "Nov 25, 2026");
        assert!(date(Locale::ru, nov_25()).contains("нояб"), "{}", date(Locale::ru, nov_25()));
        assert!(date(Locale::uk, nov_25()).contains("лист"), "{}", date(Locale::uk, nov_25()));
        assert!(date(Locale::tr, nov_25()).contains("Kas"), "{}", date(Locale::tr, nov_25()));
    }

    /// Dates of the coming weeks without their year, and dates in words.
    #[test]
    fn short_and_long_dates() {
        assert_eq!(day_month(Locale::de, nov_25()), "25.11.");
        assert_eq!(day_month_long(Locale::de, nov_25()), "25. November");
        assert_eq!(date_long(Locale::de, nov_25()), "25. November 2026");
        assert!(
            day_month_long(Locale::ar, nov_25()).contains("نوفمبر"),
            "{}",
            day_month_long(Locale::ar, nov_25())
        );
        assert!(!day_month(Locale::ru, nov_25()).contains("2026"));
    }

    /// Farsi and Arabic keep the Gregorian calendar and Latin digits: 2026, not 1405 or ٢٠٢٦.
    #[test]
    fn right_to_left_languages_keep_gregorian_latin_dates() {
        for l in [Locale::ar, Locale::fa] {
            let text = date(l, nov_25());
            assert!(text.contains("2026") && text.contains("25"), "{l:?}: {text}");
            assert!(!text
                .chars()
                .any(|c| ('\u{0660}'..='\u{0669}').contains(&c) || ('\u{06F0}'..='\u{06F9}').contains(&c)));
        }
    }

    /// Times use the 24-hour clock in every language, English included.
    #[test]
    fn times_use_the_24_hour_clock() {
        let t = NaiveTime::from_hms_opt(15, 5, 0).unwrap();
        for &l in Locale::get_all() {
            assert_eq!(time(l, t), "15:05", "{l:?}");
        }
    }

    /// The words kept per thread are the words ICU makes, also after the keeper starts afresh.
    #[test]
    fn kept_words_are_the_made_ones() {
        let first = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        for i in 0..(imp::MADE_MAX as i64 + 10) {
            let d = first + chrono::Duration::days(i % (imp::MADE_MAX as i64 + 3));
            assert_eq!(date(Locale::ru, d), imp::format_date(Locale::ru, d, Style::Medium));
        }
        for minutes in 0..24 * 60 {
            let t = NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0).unwrap();
            for l in [Locale::en, Locale::ar] {
                assert_eq!(time(l, t), imp::format_time(l, t));
                assert_eq!(time(l, t), imp::format_time(l, t), "asked again");
            }
        }
    }

    proptest! {
        /// Any date in any language gives text with its year in Latin digits.
        #[test]
        fn any_date_names_its_year(days in 0i64..40_000, which in 0usize..7) {
            let d = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::Duration::days(days);
            let l = Locale::get_all()[which];
            prop_assert!(date(l, d).contains(&d.format("%Y").to_string()));
        }
    }
}
