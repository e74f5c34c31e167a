//! Kiosk screens: what the server sends (two weeks of a quarter's occurrences in every rotated
//! language, with the words already translated) and the rules the screen applies to it on its
//! own clock — which day is today, what runs now, what comes later, which page and language is
//! up, when to rest, how far to shift against burn-in and how long to wait after failures.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

pub use super::schedule::rule::monday_of;

/// The kiosk's settings, from its URL (`/kiosk/welheim?langs=de,ar&views=today,week&…`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KioskOptions {
    /// Languages to rotate through, in order (known locales only, at most 7; German if none).
    pub langs: Vec<String>,
    /// Pages to rotate through.
    pub views: Vec<View>,
    /// Seconds each page stays up.
    pub rotate_secs: u32,
    /// Seconds between data refreshes while all is well.
    pub poll_secs: u32,
    /// Forced layout, or `None` to follow the screen.
    pub orientation: Option<Orientation>,
    /// Local times between which the screen is awake (`07:00-19:00`); quiet outside.
    pub awake: Option<(NaiveTime, NaiveTime)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    /// Now running and later today.
    Today,
    /// Monday to Sunday of this week.
    Week,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Orientation {
    Landscape,
    Portrait,
}

impl Default for KioskOptions {
    fn default() -> Self {
        Self {
            langs: vec!["de".into()],
            views: vec![View::Today, View::Week],
            rotate_secs: 20,
            poll_secs: 60,
            orientation: None,
            awake: None,
        }
    }
}

impl KioskOptions {
    /// Reads the URL's query; anything unknown or malformed falls back to the default, so a
    /// typo on a screen nobody touches still shows something. `known` says which locales exist.
    pub fn parse(query: &str, known: impl Fn(&str) -> bool) -> Self {
        let mut o = Self::default();
        for (k, v) in query.split('&').filter_map(|p| p.split_once('=')) {
            match k {
                "langs" => {
                    let mut langs: Vec<String> = vec![];
                    for l in v.split(',').map(str::trim).filter(|l| known(l)) {
                        if !langs.iter().any(|x| x == l) && langs.len() < 7 {
                            langs.push(l.to_owned());
                        }
                    }
                    if !langs.is_empty() {
                        o.langs = langs;
                    }
                }
                "views" => {
                    let views: Vec<View> = v
                        .split(',')
                        .filter_map(|x| match x {
                            "today" => Some(View::Today),
                            "week" => Some(View::Week),
                            _ => None,
                        })
                        .collect();
                    if !views.is_empty() {
                        o.views = views;
                    }
                }
                "rotate" => {
                    o.rotate_secs = v.parse().ok().filter(|s| (1..=3600).contains(s)).unwrap_or(o.rotate_secs)
                }
                "poll" => {
                    o.poll_secs = v.parse().ok().filter(|s| (1..=3600).contains(s)).unwrap_or(o.poll_secs)
                }
                "orientation" => {
                    o.orientation = match v {
                        "portrait" => Some(Orientation::Portrait),
                        "landscape" => Some(Orientation::Landscape),
                        _ => None,
                    }
                }
                "awake" => o.awake = parse_hours(v),
                _ => {}
            }
        }
        o
    }

    /// The query that reproduces these options (canonical order).
    pub fn to_query(&self) -> String {
        let mut q = format!("langs={}", self.langs.join(","));
        let views: Vec<&str> =
            self.views.iter().map(|v| if *v == View::Today { "today" } else { "week" }).collect();
        q.push_str(&format!(
            "&views={}&rotate={}&poll={}",
            views.join(","),
            self.rotate_secs,
            self.poll_secs
        ));
        if let Some(o) = self.orientation {
            q.push_str(if o == Orientation::Portrait {
                "&orientation=portrait"
            } else {
                "&orientation=landscape"
            });
        }
        if let Some((a, b)) = self.awake {
            q.push_str(&format!("&awake={}-{}", a.format("%H:%M"), b.format("%H:%M")));
        }
        q
    }
}

/// The address of a quarter's kiosk with the usual settings (German, Arabic, Russian, Farsi;
/// both pages; 20 s each).
pub fn kiosk_address(public_url: &str, quarter: &str) -> String {
    let options =
        KioskOptions { langs: ["de", "ar", "ru", "fa"].map(String::from).to_vec(), ..Default::default() };
    format!("{}/kiosk/{quarter}?{}", public_url.trim_end_matches('/'), options.to_query())
}

/// A Chromium command line that shows `address` full-screen on a kiosk device, with nothing a
/// passer-by could use to leave it (no error dialogs, bars, translation offers or swipe-back).
pub fn chromium_command(address: &str) -> String {
    format!(
        "chromium --kiosk --noerrdialogs --disable-infobars --no-first-run --disable-session-crashed-bubble \
         --disable-features=Translate --overscroll-history-navigation=0 --disable-pinch \
         --user-data-dir=\"$HOME/.quartiersboard-kiosk\" '{}'",
        address.replace('\'', "%27")
    )
}

fn parse_hours(v: &str) -> Option<(NaiveTime, NaiveTime)> {
    let (a, b) = v.split_once('-')?;
    let t = |s: &str| NaiveTime::parse_from_str(s.trim(), "%H:%M").ok();
    Some((t(a)?, t(b)?)).filter(|(a, b)| a != b)
}

/// Everything a kiosk shows, for every language it rotates through.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KioskData {
    /// The deployed front end's fingerprint: when it changes, the screen reloads itself.
    pub version: String,
    /// Time zone of all times (the server's), e.g. `Europe/Berlin`.
    pub tz: String,
    /// Monday of the first of the two weeks included.
    pub from: NaiveDate,
    /// The quarter board's address, as the QR code says.
    pub board_url: String,
    pub qr_svg: String,
    pub langs: Vec<KioskLang>,
}

/// One language's texts and days.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KioskLang {
    pub lang: String,
    pub rtl: bool,
    pub quarter_name: String,
    pub office_name: String,
    pub office_hours: String,
    pub words: KioskWords,
    /// 14 days from `from`.
    pub days: Vec<KioskDay>,
}

/// The screen's words in one language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KioskWords {
    pub now: String,
    pub later: String,
    pub this_week: String,
    pub nothing_now: String,
    pub nothing_later: String,
    pub nothing_day: String,
    pub cancelled: String,
    pub changed: String,
    pub all_day: String,
    pub office: String,
    pub scan: String,
    /// Contains `{{ time }}`.
    pub offline_since: String,
    pub quiet: String,
    /// Contains `{{ quarter }}`.
    pub page_title: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KioskDay {
    pub date: NaiveDate,
    /// "Mittwoch 2.12." in the language.
    pub heading: String,
    pub entries: Vec<KioskEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KioskEntry {
    pub title: String,
    /// Language of the title (German when untranslated).
    pub lang: String,
    pub place: String,
    /// Local start and end; `None` for all-day.
    pub times: Option<(NaiveTime, NaiveTime)>,
    pub cancelled: bool,
    pub changed: bool,
}

/// What the "today" page shows at a moment.
#[derive(Clone, Debug, PartialEq)]
pub struct TodayView<'a> {
    pub day: Option<&'a KioskDay>,
    pub now: Vec<&'a KioskEntry>,
    pub later: Vec<&'a KioskEntry>,
}

/// The day `date` among the data's days, if the data reaches it.
pub fn day_of(days: &[KioskDay], date: NaiveDate) -> Option<&KioskDay> {
    days.iter().find(|d| d.date == date)
}

/// At local time `now`: what runs (all-day offers and those between start and end) and what is
/// still to come today. Cancelled ones are listed where they would have been, marked.
pub fn today_view(days: &[KioskDay], now: NaiveDateTime) -> TodayView<'_> {
    let day = day_of(days, now.date());
    let (mut running, mut later) = (vec![], vec![]);
    for e in day.map(|d| d.entries.as_slice()).unwrap_or_default() {
        match e.times {
            None => running.push(e),
            Some((start, end)) if start <= now.time() && now.time() < end => running.push(e),
            Some((start, _)) if start > now.time() => later.push(e),
            Some(_) => {}
        }
    }
    TodayView { day, now: running, later }
}

/// Monday to Sunday of the week holding `today`, as far as the data reaches.
pub fn week_of(days: &[KioskDay], today: NaiveDate) -> Vec<&KioskDay> {
    let monday = monday_of(today);
    (0..7).filter_map(|i| day_of(days, monday + Duration::days(i))).collect()
}

/// Which language and page are up `elapsed_secs` after start: every language shows every view
/// in turn, each for `rotate_secs`.
pub fn rotation(options: &KioskOptions, elapsed_secs: u64) -> (usize, View) {
    let views = options.views.len().max(1);
    let slots = (options.langs.len().max(1) * views) as u64;
    let slot = (elapsed_secs / u64::from(options.rotate_secs.max(1))) % slots;
    let view = options.views.get(slot as usize % views).copied().unwrap_or(View::Today);
    (slot as usize / views, view)
}

/// Whether the screen rests at local time `t` (outside its awake hours; hours may span midnight).
pub fn is_quiet(options: &KioskOptions, t: NaiveTime) -> bool {
    match options.awake {
        None => false,
        Some((from, to)) if from < to => !(from <= t && t < to),
        Some((from, to)) => to <= t && t < from,
    }
}

/// Burn-in care: a shift of a few pixels that moves every ten minutes and repeats daily.
pub fn burn_in_shift(t: NaiveTime) -> (i32, i32) {
    let step = (t.num_seconds_from_midnight() / 600) as i32; // 0..144
    ((step % 5) - 2, ((step / 5) % 5) - 2)
}

/// Seconds to wait before the next try after `failures` failed refreshes in a row: the usual
/// interval while all is well, then 5, 10, 20, 40 s … capped at the interval (at least 5 s).
pub fn retry_after(options: &KioskOptions, failures: u32) -> u32 {
    let poll = options.poll_secs.max(1);
    if failures == 0 {
        return poll;
    }
    let backoff = 5u32.saturating_mul(1 << failures.min(10).saturating_sub(1));
    backoff.min(poll.max(5))
}

/// Whether data starting at `from` covers `today` and the rest of its week.
pub fn covers(from: NaiveDate, today: NaiveDate) -> bool {
    from <= monday_of(today) && monday_of(today) + Duration::days(6) < from + Duration::days(14)
}

#[cfg(test)]
mod tests;
