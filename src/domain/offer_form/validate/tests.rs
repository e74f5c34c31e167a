use super::*;
use crate::domain::document::CityDocument;
use crate::domain::offer_form::TextForm;

fn doc() -> CityDocument {
    serde_json::from_str(include_str!("../../../demo/demo_city.json")).unwrap()
}

fn choices(d: &CityDocument) -> Choices {
    Choices {
        organisations: d.organisations.iter().map(|o| o.slug.clone()).collect(),
        places: d.places.iter().map(|p| p.slug.clone()).collect(),
        quarters: d.quarters.iter().map(|q| q.slug.clone()).collect(),
        locales: ["de", "en", "ru", "ar", "fa", "tr", "uk"].map(String::from).to_vec(),
    }
}

fn check(form: &OfferForm) -> Result<OfferRecord, Vec<FieldIssue>> {
    let d = doc();
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    validate_offer_form(form, &choices(&d), &HolidayCalendar::default(), OfferStatus::Draft, today)
}

fn fields(issues: &[FieldIssue]) -> Vec<&str> {
    issues.iter().map(|i| i.field.as_str()).collect()
}

/// Every demo offer, shown in the form and posted back unchanged, is the same record.
#[test]
fn demo_offers_round_trip_through_the_form() {
    let d = doc();
    for record in &d.offers {
        let form = OfferForm::from_record(record, 3);
        let back = validate_offer_form(
            &form,
            &choices(&d),
            &HolidayCalendar::default(),
            record.status,
            record.last_confirmed,
        )
        .unwrap_or_else(|e| panic!("{}: {e:?}", record.slug));
        let mut expected = record.clone();
        expected.quarters.sort();
        assert_eq!(
            serde_json::to_value(&back).unwrap(),
            serde_json::to_value(&expected).unwrap(),
            "{}",
            record.slug
        );
    }
}

/// Every wrong field is reported at once, each under its form path.
#[test]
fn reports_every_wrong_field() {
    let mut form = OfferForm::from_record(&doc().offers[0], 1);
    form.slug = "Not A Slug".into();
    form.texts.get_mut("de").unwrap().title = "  ".into();
    form.age_min = "abc".into();
    form.organisation = "nobody".into();
    form.quarters = vec![];
    form.contact_email = "not-an-address".into();
    form.texts.insert("ar".into(), TextForm { title: "عنوان".into(), ..Default::default() });
    form.schedules[0].freq = "weekly".into();
    form.schedules[0].days = vec!["9".into()];
    form.schedules[0].start = "25:00".into();
    let issues = check(&form).unwrap_err();
    let f = fields(&issues);
    for expected in [
        "slug",
        "texts.de.title",
        "age_min",
        "organisation",
        "quarters",
        "contact_email",
        "texts.ar.description",
        "schedules.0.days",
    ] {
        assert!(f.contains(&expected), "{expected} missing in {f:?}");
    }
}

/// Rows marked for removal and empty rows are dropped; errors keep the row's own number.
#[test]
fn removed_and_blank_rows_are_dropped() {
    let mut form = OfferForm::from_record(&doc().offers[0], 1);
    let good = form.schedules[0].clone();
    let mut removed = good.clone();
    removed.remove = "on".into();
    removed.days = vec!["nonsense".into()];
    let mut broken = good.clone();
    broken.start_date = "31.02.2026".into();
    form.schedules = vec![removed, ScheduleForm::default(), good.clone()];
    assert_eq!(check(&form).unwrap().schedules.len(), 1);
    form.schedules.push(broken);
    assert_eq!(fields(&check(&form).unwrap_err()), vec!["schedules.3.start_date"]);
}

/// A monthly "first Wednesday" schedule typed into the form becomes the right rule.
#[test]
fn first_wednesday_from_the_form() {
    let mut form = OfferForm::from_record(&doc().offers[0], 1);
    form.schedules = vec![ScheduleForm {
        freq: "monthly_nth".into(),
        start_date: "2026-12-01".into(),
        start: "15:00".into(),
        end: "17:00".into(),
        nth: "1".into(),
        weekday: "3".into(),
        ..Default::default()
    }];
    let record = check(&form).unwrap();
    assert_eq!(record.schedules[0].nth, Some(1));
    assert_eq!(record.schedules[0].weekday, Some(3));
}

/// What Chromium posts (brackets percent-encoded, repeated `[]` keys) decodes into the form,
/// the way the server function's URL-encoded input reads it (serde_qs, non-strict, depth 5).
#[test]
fn browser_encoded_form_decodes() {
    #[derive(serde::Deserialize)]
    struct Args {
        form: OfferForm,
    }
    let body = "form%5Bslug%5D=yoga&form%5Bquarters%5D%5B%5D=welheim&form%5Bquarters%5D%5B%5D=altstadt\
        &form%5Btexts%5D%5Bde%5D%5Btitle%5D=Yoga+f%C3%BCr+alle\
        &form%5Bschedules%5D%5B0%5D%5Bdays%5D%5B%5D=1&form%5Bschedules%5D%5B0%5D%5Bdays%5D%5B%5D=3\
        &form%5Bschedules%5D%5B0%5D%5Bexceptions%5D%5B0%5D%5Bdate%5D=2026-12-02\
        &form%5Bschedules%5D%5B1%5D%5Bfreq%5D=weekly";
    let args: Args = serde_qs::Config::new(5, false).deserialize_str(body).unwrap();
    assert_eq!(args.form.slug, "yoga");
    assert_eq!(args.form.quarters, vec!["welheim", "altstadt"]);
    assert_eq!(args.form.texts["de"].title, "Yoga für alle");
    assert_eq!(args.form.schedules[0].days, vec!["1", "3"]);
    assert_eq!(args.form.schedules[0].exceptions[0].date, "2026-12-02");
    assert_eq!(args.form.schedules[1].freq, "weekly");
}
