use super::*;
use crate::domain::document::CityDocument;
use proptest::prelude::*;

fn demo() -> CityDocument {
    serde_json::from_str(include_str!("../../demo/demo_city.json")).unwrap()
}

fn header_cells() -> Vec<String> {
    COLUMNS.iter().map(|(h, _)| (*h).to_owned()).collect()
}

/// An exported line read back over the stored form gives the same form, for every demo offer.
#[test]
fn export_then_import_changes_nothing() {
    let positions = read_header(&header_cells()).unwrap();
    for o in demo().offers {
        let form = OfferForm::from_record(&o, 3);
        let line = row_of(&form, &o.schedules, o.status.code());
        let back = apply_row(form.clone(), &o.schedules, &positions, &line).unwrap();
        assert_eq!(back, form, "{}", o.slug);
    }
}

/// A changed `Termine` cell replaces the dates; the format reads back what it writes.
#[test]
fn changed_dates_replace_the_schedules() {
    let o = &demo().offers[0];
    let positions = read_header(&header_cells()).unwrap();
    let mut line = row_of(&OfferForm::from_record(o, 1), &o.schedules, "published");
    let termine = COLUMNS.iter().position(|(h, _)| *h == "Termine").unwrap();
    line[termine] = format!("{SCHEDULE_EXAMPLE}\n2026-12-24 RDATE=2026-12-31 PUBLIC_HOLIDAYS=YES");
    let form = apply_row(OfferForm::from_record(o, 1), &o.schedules, &positions, &line).unwrap();
    assert_eq!(form.schedules.len(), 2);
    assert_eq!(
        (form.schedules[0].freq.as_str(), form.schedules[0].days.clone()),
        ("weekly", vec!["3".to_owned()])
    );
    assert_eq!(
        (form.schedules[1].freq.as_str(), form.schedules[1].public_holidays.as_str()),
        ("dates", "on")
    );
    line[termine] = "2026-09-02T15:00 PT1H30M FREQ=DAILY".into();
    let issues = apply_row(OfferForm::from_record(o, 1), &o.schedules, &positions, &line).unwrap_err();
    assert_eq!((issues[0].column.as_str(), issues[0].reason.as_str()), ("Termine", "csv_schedule"));
    assert!(issues[0].detail.as_deref().unwrap().starts_with("1: FREQ=DAILY"), "{issues:?}");
}

/// Headers: unknown ones and missing required ones are named; the order is free.
#[test]
fn headers_are_checked_by_name() {
    let issues = read_header(&["Titel".into(), "Farbe".into()]).unwrap_err();
    assert!(issues.iter().any(|i| i.column == "Farbe" && i.reason == "csv_unknown_column"));
    assert!(issues.iter().any(|i| i.column == "Kennung" && i.reason == "csv_missing_column"));
    let positions = read_header(&["\u{feff}Titel".into(), "Kennung".into()]).unwrap();
    assert_eq!((positions[0], positions[2]), (Some(1), Some(0)));
}

/// Formula-looking text is exported defused and read back as typed; yes/no is strict.
#[test]
fn formulas_and_flags() {
    let mut o = demo().offers[0].clone();
    o.title = "=HYPERLINK(\"http://x\")".into();
    let form = OfferForm::from_record(&o, 1);
    let line = row_of(&form, &o.schedules, "draft");
    assert!(line[2].starts_with("'="));
    let positions = read_header(&header_cells()).unwrap();
    assert_eq!(apply_row(form.clone(), &o.schedules, &positions, &line).unwrap().texts["de"].title, o.title);
    let mut bad = line.clone();
    bad[11] = "vielleicht".into();
    let issues = apply_row(form, &o.schedules, &positions, &bad).unwrap_err();
    assert_eq!((issues[0].column.as_str(), issues[0].reason.as_str()), ("Kostenlos", "csv_yes_no"));
}

/// Form problems land in their column.
#[test]
fn form_fields_map_to_columns() {
    assert_eq!(column_of("texts.de.title"), "Titel");
    assert_eq!(column_of("schedules.2.start"), "Termine");
    assert_eq!(column_of("age_min"), "Alter von");
}

proptest! {
    /// Any cells: an answer, never a panic.
    #[test]
    fn any_cells_are_answered(cells in proptest::collection::vec(".{0,40}", 0..25)) {
        let positions = read_header(&header_cells()).unwrap();
        let _ = apply_row(OfferForm::default(), &[], &positions, &cells);
        let _ = read_header(&cells);
        let _ = parse_schedules_text(&cells.join("\n"));
    }
}
