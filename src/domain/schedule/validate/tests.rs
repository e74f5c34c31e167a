use super::*;

/// A cancellation reason is a line, not a letter: over 200 characters it is refused at its field.
#[test]
fn cancellation_reasons_are_bounded() {
    let mut input = weekly(vec![3]);
    let date = Some("2026-11-04".parse().unwrap());
    input.exceptions = vec![ExceptionInput { date, cancelled: Some("ä".repeat(200)), ..Default::default() }];
    assert!(parse_schedule(&input, &HolidayCalendar::default()).is_ok());
    input.exceptions[0].cancelled = Some("ä".repeat(201));
    let issues = parse_schedule(&input, &HolidayCalendar::default()).unwrap_err();
    assert_eq!(issues, vec![issue("exceptions.0.cancelled", "reason_long")]);
}

fn weekly(days: Vec<i64>) -> ScheduleInput {
    ScheduleInput {
        start_date: Some("2026-11-02".parse().unwrap()),
        start: Some("15:00".into()),
        end: Some("16:30".into()),
        freq: "weekly".into(),
        days,
        ..Default::default()
    }
}

fn fields(r: Result<Parsed, Vec<FieldIssue>>) -> Vec<(String, String)> {
    r.unwrap_err().into_iter().map(|i| (i.field, i.reason)).collect()
}

/// A plain weekly schedule parses.
#[test]
fn weekly_parses() {
    let p = parse_schedule(&weekly(vec![2, 4]), &HolidayCalendar::default()).unwrap();
    assert!(matches!(p.schedule.rule, Rule::Weekly { interval: 1, ref days } if days.len() == 2));
    assert!(p.warnings.is_empty());
}

/// BYDAY=6WE: a sixth Wednesday is rejected on the field `nth`.
#[test]
fn sixth_weekday_is_rejected() {
    let input =
        ScheduleInput { freq: "monthly_nth".into(), nth: Some(6), weekday: Some(3), ..weekly(vec![]) };
    assert_eq!(
        fields(parse_schedule(&input, &HolidayCalendar::default())),
        [("nth".into(), "nth_range".into())]
    );
}

/// End before start, and until before the start date, are named.
#[test]
fn end_and_until_before_start() {
    let mut input = weekly(vec![1]);
    input.end = Some("14:00".into());
    input.until = Some("2026-10-01".parse().unwrap());
    let got = fields(parse_schedule(&input, &HolidayCalendar::default()));
    assert!(got.contains(&("end".into(), "end_not_after_start".into())), "{got:?}");
    assert!(got.contains(&("until".into(), "until_before_start".into())), "{got:?}");
}

/// "Monthly on the 31st" is accepted with a warning that short months are skipped.
#[test]
fn monthly_31st_warns() {
    let input = ScheduleInput { freq: "monthly_day".into(), day: Some(31), ..weekly(vec![]) };
    let p = parse_schedule(&input, &HolidayCalendar::default()).unwrap();
    assert_eq!(p.warnings, [issue("day", "day_skips_months")]);
}

/// A rule with no occurrence in its validity is rejected.
#[test]
fn no_occurrence_is_rejected() {
    // Every Monday, but only until the Sunday right after the start.
    let mut input = weekly(vec![1]);
    input.start_date = Some("2026-11-03".parse().unwrap());
    input.until = Some("2026-11-08".parse().unwrap());
    assert_eq!(
        fields(parse_schedule(&input, &HolidayCalendar::default())),
        [("freq".into(), "no_occurrence".into())]
    );
}

/// Nonsense frequency, weekdays out of range and absurd counts are each reported.
#[test]
fn collects_every_error() {
    let mut input = weekly(vec![0, 8]);
    input.count = Some(100_000);
    input.interval = Some(0);
    let got = fields(parse_schedule(&input, &HolidayCalendar::default()));
    assert!(got.contains(&("days".into(), "weekday_range".into())), "{got:?}");
    assert!(got.contains(&("count".into(), "count_range".into())), "{got:?}");
    assert!(got.contains(&("interval".into(), "interval_range".into())), "{got:?}");
}

#[test]
fn warnings_name_their_schedule() {
    let monthly = |day| ScheduleInput {
        start_date: NaiveDate::from_ymd_opt(2026, 1, 1),
        start: Some("10:00".into()),
        end: Some("11:00".into()),
        freq: "monthly_day".into(),
        day: Some(day),
        ..Default::default()
    };
    let w = warnings_of(&[monthly(15), monthly(31)], &HolidayCalendar::default());
    assert_eq!(w, vec![issue("schedules.1.day", "day_skips_months")]);
}
