//! Offers as a spreadsheet over HTTP, as staff use it: download what one may edit, change it in a
//! spreadsheet, check it (dry run) with every problem named by line and column in the user's
//! language, nothing written while anything is wrong, then all lines written in one go; a stale
//! file and someone else's offer are refused.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::staff::*;
use common::Kind;
use leptos::config::get_configuration;
use quartiersboard::domain::audit::Entity;
use quartiersboard::domain::category::OfferStatus;
use quartiersboard::domain::offer_csv::COLUMNS;

/// The German message of `number_format`.
const NUMBER_FORMAT: &str = "Bitte eine Zahl eingeben.";

async fn app(t: &common::TestDb) -> axum::Router {
    let conf = get_configuration(Some("Cargo.toml")).unwrap();
    quartiersboard::server::router(t.db.clone(), conf.leptos_options, Default::default()).await.unwrap()
}

/// Posts `file` to the import as the browser's form does, then opens the page with the report.
async fn upload(c: &mut Client, lang: &str, file: &[u8], dry_run: bool) -> String {
    let boundary = "----quartiersboard-test";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"angebote.csv\"\r\nContent-Type: text/csv\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(b"\r\n");
    if dry_run {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\non\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let req = Request::post(format!("/{lang}/staff/import"))
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"));
    let r = c.send(req, Body::from(body)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location.as_deref(), Some(format!("/{lang}/staff/import").as_str()));
    let page = c.get(&format!("/{lang}/staff/import")).await;
    assert_eq!(page.status, StatusCode::OK);
    page.body.replace("<!-- -->", "").replace("<!>", "")
}

fn lines(csv: &str) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    r.records().map(|l| l.unwrap().iter().map(str::to_owned).collect()).collect()
}

fn write(lines: &[Vec<String>], delimiter: u8) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_writer(vec![]);
    for l in lines {
        w.write_record(l).unwrap();
    }
    w.into_inner().unwrap()
}

fn col(name: &str) -> usize {
    COLUMNS.iter().position(|(h, _)| *h == name).unwrap()
}

/// The downloaded spreadsheet with `n` new lines (`prefix-0`, …) copied from its first offer.
async fn with_new_lines(c: &mut Client, prefix: &str, n: usize) -> Vec<Vec<String>> {
    let mut table = lines(&c.get("/de/staff/offers.csv").await.body);
    let template = table[1].clone();
    for i in 0..n {
        let mut l = template.clone();
        l[col("Kennung")] = format!("{prefix}-{i}");
        l[col("Version")] = String::new();
        table.push(l);
    }
    table
}

/// Functional, not timed: looks at the import page again (as its link does) while `busy` holds.
async fn look_again_while(c: &mut Client, mut page: String, busy: impl Fn(&str) -> bool) -> String {
    for _ in 0..600 {
        if !busy(&page) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        page = c.get("/de/staff/import").await.body.replace("<!>", "");
    }
    page
}

/// The coordinator's whole story: download, unchanged upload, a file with mistakes, the fixed
/// file, and the same old file again.
async fn coordinator_edits_in_a_spreadsheet(kind: Kind) {
    let t = common::with_demo(kind).await;
    seed_staff(&t.db).await;
    let app = app(&t).await;
    let mut c = Client::new(&app);
    c.sign_in(COORDINATOR_X).await;
    let download = c.get("/de/staff/offers.csv").await;
    assert_eq!(download.status, StatusCode::OK);
    assert_eq!(download.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(download.body.starts_with('\u{feff}'));
    let mut table = lines(&download.body);
    assert_eq!(table[0], COLUMNS.iter().map(|(h, _)| (*h).to_owned()).collect::<Vec<_>>());
    let offers = table.len() - 1;
    assert!(offers > 3);
    assert!(
        table[1..].iter().all(|l| l[col("Quartiere")].contains("welheim")),
        "only the coordinator's quarter"
    );

    let page = upload(&mut c, "de", &write(&table, b';'), true).await;
    assert!(
        page.contains(&format!("Zeilen: {offers} – neu: 0, geändert: 0, unverändert: {offers}.")),
        "{page}"
    );
    assert!(page.contains("Geprüft, keine Fehler."));

    let slug = table[1][col("Kennung")].clone();
    table[1][col("Titel")] = "Neuer Titel aus der Tabelle".into();
    let mut new = table[2].clone();
    new[col("Kennung")] = "neu-aus-der-tabelle".into();
    new[col("Version")] = String::new();
    table.push(new);
    let mut broken = table[3].clone();
    broken[col("Kennung")] = "noch-eins-neu".into();
    broken[col("Kostenlos")] = "vielleicht".into();
    table.push(broken.clone());
    broken[col("Kennung")] = "und-noch-eins".into();
    broken[col("Kostenlos")] = "nein".into();
    broken[col("Alter von")] = "zwölf".into();
    table.push(broken);
    let page = upload(&mut c, "de", &write(&table, b';'), false).await;
    assert!(page.contains("Es wurde nichts gespeichert."), "{page}");
    let n = table.len();
    for (line, column, message) in
        [(n - 1, "Kostenlos", "Bitte „ja“ oder „nein“ eintragen."), (n, "Alter von", NUMBER_FORMAT)]
    {
        let row = format!("<td>{line}</td><td>{column}</td><td>{message}");
        assert!(page.contains(&row), "{row} not in {page}");
    }
    let stored = t.db.get_stored_offer(t.db.get_offer_id(&slug).await.unwrap()).await.unwrap();
    assert_ne!(stored.record.title, "Neuer Titel aus der Tabelle", "nothing written");
    assert!(t.db.get_offer_id("neu-aus-der-tabelle").await.is_err(), "nothing written");

    // The same problems, explained in English.
    let page = upload(&mut c, "en", &write(&table, b';'), true).await;
    assert!(page.contains("Please enter “ja” (yes) or “nein” (no)."), "{page}");

    table.truncate(n - 2);
    let page = upload(&mut c, "de", &write(&table, b';'), false).await;
    assert!(page.contains("Gespeichert."), "{page}");
    assert!(
        page.contains(&format!("Zeilen: {} – neu: 1, geändert: 1, unverändert: {}.", offers + 1, offers - 1)),
        "{page}"
    );
    let id = t.db.get_offer_id(&slug).await.unwrap();
    assert_eq!(t.db.get_stored_offer(id).await.unwrap().record.title, "Neuer Titel aus der Tabelle");
    let created =
        t.db.get_stored_offer(t.db.get_offer_id("neu-aus-der-tabelle").await.unwrap()).await.unwrap();
    assert_eq!(created.record.status, OfferStatus::Draft);
    assert_eq!(t.db.list_audit(Entity::Offer, id).await.unwrap()[0].action, "import");

    // The same file again: its versions are old now.
    let page = upload(&mut c, "de", &write(&table, b';'), false).await;
    assert!(page.contains("Das Angebot wurde inzwischen geändert."), "{page}");
}

/// An editor's file holding another organisation's offer: that line is refused, nothing written;
/// a file that is not UTF-8 is named as such; commas work as well as semicolons.
async fn editors_and_files(kind: Kind) {
    let t = common::with_demo(kind).await;
    seed_staff(&t.db).await;
    let app = app(&t).await;
    let mut admin = Client::new(&app);
    admin.sign_in(ADMIN).await;
    let all = lines(&admin.get("/de/staff/offers.csv").await.body);
    let mut editor = Client::new(&app);
    editor.sign_in(EDITOR_A).await;
    let own = lines(&editor.get("/de/staff/offers.csv").await.body);
    assert!(own.len() > 1 && own.len() < all.len());
    assert!(own[1..].iter().all(|l| l[col("Organisation")] == ORG_A));
    let foreign = all.iter().find(|l| l[col("Organisation")] == ORG_B).unwrap().clone();
    let mut file = own.clone();
    file.push(foreign);
    let page = upload(&mut editor, "de", &write(&file, b','), true).await;
    assert!(
        page.contains(&format!(
            "<td>{}</td><td>Kennung</td><td>Dieses Angebot dürfen Sie nicht bearbeiten.",
            file.len()
        )),
        "{page}"
    );
    let page = upload(&mut editor, "de", &write(&own, b','), true).await;
    assert!(page.contains("Geprüft, keine Fehler."), "{page}");
    let latin1: Vec<u8> = "Kennung;Titel\nkaese;K\u{e4}se".chars().map(|c| c as u32 as u8).collect();
    let page = upload(&mut editor, "de", &latin1, true).await;
    assert!(page.contains("nicht in UTF-8 gespeichert"), "{page}");
    // Quoted cells and CRLF line ends, as spreadsheets write them: the line is still named right.
    let crlf = "\"Kennung\";\"Titel\";\"Kostenlos\"\r\n\"neu-crlf\";\"Neu\";\"vielleicht\"\r\n";
    let page = upload(&mut editor, "de", crlf.as_bytes(), true).await;
    assert!(page.contains("<td>2</td><td>Kostenlos</td>"), "{page}");
    let mut guest = Client::new(&app);
    assert_eq!(guest.get("/de/staff/offers.csv").await.status, StatusCode::UNAUTHORIZED);
}

/// A file with more lines than run at once is checked and written in the background; the page
/// says it is running (with how far it got) until the report is there.
async fn large_file_in_the_background(kind: Kind) {
    let t = common::with_demo(kind).await;
    seed_staff(&t.db).await;
    let app = app(&t).await;
    let mut c = Client::new(&app);
    c.sign_in(COORDINATOR_X).await;
    let extra = quartiersboard::import_jobs::BACKGROUND_LINES + 50;
    let table = with_new_lines(&mut c, "viele-zeilen", extra).await;
    let page = upload(&mut c, "de", &write(&table, b';'), false).await;
    let page = look_again_while(&mut c, page, |p| p.contains("Die Datei wird geprüft.")).await;
    assert!(page.contains("Gespeichert."), "{page}");
    assert!(page.contains(&format!("neu: {extra},")), "{page}");
    assert!(t.db.get_offer_id(&format!("viele-zeilen-{}", extra - 1)).await.is_ok());
}

/// While a large import cannot finish (another transaction holds the data version, as a slow
/// write elsewhere would), the page shows that it is running and how far the check got, with a
/// link to look again; when the lock is gone, the report.
#[tokio::test]
async fn progress_shows_while_an_import_runs() {
    use sqlx::Connection;
    let t = common::with_demo(Kind::Postgres).await;
    seed_staff(&t.db).await;
    let app = app(&t).await;
    let mut c = Client::new(&app);
    c.sign_in(COORDINATOR_X).await;
    let extra = quartiersboard::import_jobs::BACKGROUND_LINES + 10;
    let table = with_new_lines(&mut c, "gesperrt", extra).await;
    let mut lock = sqlx::AnyConnection::connect(&t.url).await.unwrap();
    sqlx::query("BEGIN").execute(&mut lock).await.unwrap();
    sqlx::query("UPDATE data_version SET n = n + 1 WHERE id = 1").execute(&mut lock).await.unwrap();
    let page = upload(&mut c, "de", &write(&table, b';'), false).await;
    let total = table.len() - 1;
    let done = format!("Zeile {total} von {total} geprüft");
    let page = look_again_while(&mut c, page, |p| !p.contains(&done)).await;
    assert!(page.contains("Die Datei wird geprüft."), "{page}");
    assert!(page.contains(&format!("<progress max=\"{total}\" value=\"{total}\"")), "{page}");
    assert!(
        page.contains("<a href=\"/de/staff/import\" class=\"button secondary\">Stand ansehen</a>"),
        "{page}"
    );
    assert!(t.db.get_offer_id("gesperrt-0").await.is_err(), "nothing written yet");
    sqlx::query("ROLLBACK").execute(&mut lock).await.unwrap();
    let page = look_again_while(&mut c, page, |p| p.contains("Die Datei wird geprüft.")).await;
    assert!(page.contains("Gespeichert."), "{page}");
    assert!(t.db.get_offer_id(&format!("gesperrt-{}", extra - 1)).await.is_ok());
}

/// Random bytes as the file, and random cells under real headers: always a report, never a
/// server error, nothing written.
#[tokio::test]
async fn any_file_gets_a_report() {
    use rand::{Rng, SeedableRng};
    let t = common::sqlite_with_demo().await;
    seed_staff(&t.db).await;
    let app = app(&t).await;
    let mut c = Client::new(&app);
    c.sign_in(ADMIN).await;
    let before = t.db.list_offer_slugs().await.unwrap().len();
    let mut rng = rand::rngs::StdRng::seed_from_u64(27);
    let header = COLUMNS.iter().map(|(h, _)| *h).collect::<Vec<_>>().join(";");
    let alphabet: Vec<char> = "ab;,\"\n\r=+-'äöü0123456789 TZ:FREQ".chars().collect();
    for round in 0..40 {
        let file: Vec<u8> = if round % 2 == 0 {
            (0..rng.gen_range(0..400)).map(|_| rng.gen::<u8>()).collect()
        } else {
            let body: String =
                (0..rng.gen_range(0..600)).map(|_| alphabet[rng.gen_range(0..alphabet.len())]).collect();
            format!("{header}\n{body}").into_bytes()
        };
        let page = upload(&mut c, "de", &file, false).await;
        assert!(page.contains("Ergebnis"), "round {round}: {page}");
    }
    assert_eq!(t.db.list_offer_slugs().await.unwrap().len(), before);
}

on_both!(coordinator_edits_in_a_spreadsheet, editors_and_files, large_file_in_the_background);
