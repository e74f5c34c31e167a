use super::*;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn t(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

fn entry(title: &str, times: Option<(&str, &str)>, cancelled: bool) -> KioskEntry {
    KioskEntry {
        title: title.into(),
        lang: "de".into(),
        place: "Quartiersbüro".into(),
        times: times.map(|(a, b)| (t(a), t(b))),
        cancelled,
        changed: false,
    }
}

fn days() -> Vec<KioskDay> {
    let monday = d("2026-10-19");
    (0..14)
        .map(|i| {
            let date = monday + Duration::days(i);
            let entries = if i == 5 {
                // Saturday 24 October
                vec![
                    entry("Bücherzelle", None, false),
                    entry("Krabbelcafé", Some(("09:00", "11:00")), false),
                    entry("Yoga", Some(("10:00", "11:00")), true),
                    entry("Spieleabend", Some(("18:00", "21:00")), false),
                ]
            } else {
                vec![entry(&format!("Tag {i}"), Some(("15:00", "17:00")), false)]
            };
            KioskDay { date, heading: date.to_string(), entries }
        })
        .collect()
}

fn titles(v: &[&KioskEntry]) -> Vec<String> {
    v.iter().map(|e| e.title.clone()).collect()
}

/// At 10:30 on Saturday: the all-day offer and the two running ones (one cancelled, marked) are
/// "now"; the evening one is "later"; at 11:00 sharp the morning ones have ended.
#[test]
fn now_and_later() {
    let days = days();
    let v = today_view(&days, d("2026-10-24").and_time(t("10:30")));
    assert_eq!(titles(&v.now), ["Bücherzelle", "Krabbelcafé", "Yoga"]);
    assert!(v.now[2].cancelled);
    assert_eq!(titles(&v.later), ["Spieleabend"]);
    let v = today_view(&days, d("2026-10-24").and_time(t("11:00")));
    assert_eq!(titles(&v.now), ["Bücherzelle"]);
    assert_eq!(titles(&v.later), ["Spieleabend"]);
}

/// At midnight "today" becomes the next day; a day the data does not reach shows nothing
/// (and the screen asks for fresh data).
#[test]
fn midnight_moves_today() {
    let days = days();
    let before = today_view(&days, d("2026-10-24").and_time(t("23:59")));
    assert_eq!(before.day.unwrap().date, d("2026-10-24"));
    let after = today_view(&days, d("2026-10-25").and_hms_opt(0, 0, 0).unwrap());
    assert_eq!(after.day.unwrap().date, d("2026-10-25"));
    assert_eq!(titles(&after.later), ["Tag 6"]);
    assert!(today_view(&days, d("2026-11-30").and_time(t("10:00"))).day.is_none());
}

/// The week pages change on Monday.
#[test]
fn week_changes_on_monday() {
    let days = days();
    let sunday = week_of(&days, d("2026-10-25"));
    assert_eq!(sunday.first().unwrap().date, d("2026-10-19"));
    let monday = week_of(&days, d("2026-10-26"));
    assert_eq!(monday.first().unwrap().date, d("2026-10-26"));
    assert_eq!(monday.len(), 7);
    assert!(covers(d("2026-10-19"), d("2026-11-01")));
    assert!(!covers(d("2026-10-19"), d("2026-11-02")));
    assert!(!covers(d("2026-10-26"), d("2026-10-25")));
}

/// Languages and views rotate: de-today, de-week, ar-today, ar-week, de-today …
#[test]
fn rotation_order() {
    let o = KioskOptions::parse("langs=de,ar&views=today,week&rotate=10", |l| ["de", "ar"].contains(&l));
    let seq: Vec<(usize, View)> = (0..5).map(|i| rotation(&o, i * 10 + 3)).collect();
    assert_eq!(seq, [(0, View::Today), (0, View::Week), (1, View::Today), (1, View::Week), (0, View::Today)]);
}

#[test]
fn options_fall_back_and_round_trip() {
    let known = |l: &str| ["de", "ar", "ru", "fa"].contains(&l);
    let o = KioskOptions::parse("langs=xx,,ar,ar,de&rotate=0&poll=abc&views=nope&awake=25:00-07:00", known);
    assert_eq!(o.langs, ["ar", "de"]);
    assert_eq!((o.rotate_secs, o.poll_secs), (20, 60));
    assert_eq!(o.views, [View::Today, View::Week]);
    assert_eq!(o.awake, None);
    let o = KioskOptions::parse("langs=de,ar,ru,fa&orientation=portrait&awake=07:00-19:00&rotate=5", known);
    assert_eq!(KioskOptions::parse(&o.to_query(), known), o);
    assert_eq!(KioskOptions::parse("", known), KioskOptions::default());
}

/// Awake hours, also across midnight.
#[test]
fn quiet_hours() {
    let known = |_: &str| true;
    let day = KioskOptions::parse("awake=07:00-19:00", known);
    assert!(is_quiet(&day, t("06:59")) && !is_quiet(&day, t("07:00")) && is_quiet(&day, t("19:00")));
    let night = KioskOptions::parse("awake=18:00-02:00", known);
    assert!(!is_quiet(&night, t("23:00")) && !is_quiet(&night, t("01:00")) && is_quiet(&night, t("12:00")));
    assert!(!is_quiet(&KioskOptions::default(), t("03:00")));
}

#[test]
fn backoff_grows_to_the_interval() {
    let o = KioskOptions { poll_secs: 60, ..Default::default() };
    let waits: Vec<u32> = (0..6).map(|f| retry_after(&o, f)).collect();
    assert_eq!(waits, [60, 5, 10, 20, 40, 60]);
    let fast = KioskOptions { poll_secs: 2, ..Default::default() };
    assert_eq!(retry_after(&fast, 3), 5);
}

proptest! {
    /// The shift stays within ±2 px and changes at most every ten minutes.
    #[test]
    fn burn_in_is_small(secs in 0u32..86_400) {
        let time = NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap();
        let (x, y) = burn_in_shift(time);
        prop_assert!((-2..=2).contains(&x) && (-2..=2).contains(&y));
        let same_slot = NaiveTime::from_num_seconds_from_midnight_opt(secs - secs % 600, 0).unwrap();
        prop_assert_eq!(burn_in_shift(same_slot), (x, y));
    }

    /// Every (language, view) pair gets its turn in every full cycle.
    #[test]
    fn rotation_visits_everything(langs in 1usize..5, both in any::<bool>(), rotate in 1u32..60) {
        let o = KioskOptions {
            langs: (0..langs).map(|i| i.to_string()).collect(),
            views: if both { vec![View::Today, View::Week] } else { vec![View::Week] },
            rotate_secs: rotate,
            ..Default::default()
        };
        let slots = langs * o.views.len();
        let seen: std::collections::BTreeSet<(usize, bool)> = (0..slots as u64)
            .map(|i| rotation(&o, i * u64::from(rotate)))
            .map(|(l, v)| (l, v == View::Today))
            .collect();
        prop_assert_eq!(seen.len(), slots);
    }

    /// Every timed entry of the day is either now, later or over — never two of them.
    #[test]
    fn each_entry_in_one_place(mins in 0u32..1440) {
        let days = days();
        let now = d("2026-10-24").and_time(NaiveTime::from_num_seconds_from_midnight_opt(mins * 60, 0).unwrap());
        let v = today_view(&days, now);
        for e in &v.now {
            prop_assert!(!v.later.contains(e));
        }
        prop_assert!(v.now.len() + v.later.len() <= 4);
    }
}

/// The listed address opens the quarter's kiosk with the usual languages, and the command quotes it.
#[test]
fn address_and_command() {
    let a = kiosk_address("https://example.org/", "welheim");
    assert_eq!(a, "https://example.org/kiosk/welheim?langs=de,ar,ru,fa&views=today,week&rotate=20&poll=60");
    let c = chromium_command(&a);
    assert!(c.starts_with("chromium --kiosk "));
    assert!(c.ends_with(&format!("'{a}'")));
    assert!(chromium_command("https://x/kiosk/a?b='c").ends_with("'https://x/kiosk/a?b=%27c'"));
}
