//! The binary as an admin tool: subcommands, and bad configuration failing fast with a clear message.

use std::process::{Command, Output};

fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quartiersboard"));
    cmd.args(args).env_remove("DATABASE_URL").env_remove("SEED_DEMO").env("RUST_LOG", "warn");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `seed-demo` loads the demo city once and says so; the second run changes nothing.
#[test]
fn seed_demo_twice() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let first = run(&["seed-demo"], &[("DATA_DIR", data)]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(String::from_utf8_lossy(&first.stdout).trim(), "demo city loaded");
    let second = run(&["seed-demo"], &[("DATA_DIR", data)]);
    assert!(second.status.success());
    assert_eq!(String::from_utf8_lossy(&second.stdout).trim(), "demo city was already loaded");
    assert!(dir.path().join("quartiersboard.db").is_file());
}

/// A data directory that cannot be created stops `migrate` with its path in the message.
#[test]
fn unwritable_data_dir_fails_fast() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, b"x").unwrap();
    let bad = file.join("data");
    let out = run(&["migrate"], &[("DATA_DIR", bad.to_str().unwrap())]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot use the data directory"), "{}", stderr(&out));
}

/// A malformed or unsupported DATABASE_URL is named in the message.
#[test]
fn bad_database_url_fails_fast() {
    let out = run(&["migrate"], &[("DATABASE_URL", "definitely not a url")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("DATABASE_URL"), "{}", stderr(&out));
    let out = run(&["migrate"], &[("DATABASE_URL", "mysql://db/quartiersboard")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not supported"), "{}", stderr(&out));
}

/// A port that is taken stops the server with a message saying so, instead of a panic.
#[test]
fn port_in_use_fails_fast() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        &["serve"],
        &[
            ("DATA_DIR", dir.path().to_str().unwrap()),
            ("LEPTOS_SITE_ADDR", &addr),
            ("LEPTOS_OUTPUT_NAME", "quartiersboard"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already in use"), "{}", stderr(&out));
}

/// In production the server refuses to start without a public address for QR codes, or with a
/// local one.
#[test]
fn production_needs_a_public_url() {
    let dir = tempfile::tempdir().unwrap();
    let base = [
        ("DATA_DIR", dir.path().to_str().unwrap()),
        ("LEPTOS_SITE_ADDR", "127.0.0.1:0"),
        ("LEPTOS_OUTPUT_NAME", "quartiersboard"),
        ("LEPTOS_ENV", "PROD"),
    ];
    let out = run(&["serve"], &base);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("PUBLIC_URL is required in production"), "{}", stderr(&out));
    let mut local = base.to_vec();
    local.push(("PUBLIC_URL", "http://localhost:3000"));
    let out = run(&["serve"], &local);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is a local address"), "{}", stderr(&out));
}

/// School holidays imported from an .ics file take effect for the region; a bad file fails clearly.
#[test]
fn import_school_holidays_from_ics() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let ics = dir.path().join("ferien.ics");
    std::fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Sommerferien 2028\r\n\
         DTSTART;VALUE=DATE:20280710\r\nDTEND;VALUE=DATE:20280823\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let env = [("DATA_DIR", data.to_str().unwrap())];
    let out = run(&["import-school-holidays", ics.to_str().unwrap(), "--region", "DE-NW"], &env);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 school holiday periods imported for DE-NW"));
    let db = std::process::Command::new("sqlite3")
        .arg(data.join("quartiersboard.db"))
        .arg("SELECT name, first_day, last_day FROM school_holidays WHERE first_day = '2028-07-10'")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&db.stdout).trim(), "Sommerferien 2028|2028-07-10|2028-08-22");

    std::fs::write(&ics, "not a calendar").unwrap();
    let out = run(&["import-school-holidays", ics.to_str().unwrap()], &env);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("import failed"), "{}", stderr(&out));
}

/// A city document loads in one go; an invalid one is refused with the problems named.
#[test]
fn load_document_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let env = [("DATA_DIR", data.to_str().unwrap())];
    let demo = std::fs::read_to_string("src/demo/demo_city.json").unwrap();
    let broken = demo.replacen("\"place\": \"", "\"place\": \"nowhere-", 1);
    let file = dir.path().join("city.json");
    std::fs::write(&file, &broken).unwrap();
    let out = run(&["load-document", file.to_str().unwrap()], &env);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/place does not exist"), "{}", stderr(&out));
    std::fs::write(&file, &demo).unwrap();
    let out = run(&["load-document", file.to_str().unwrap()], &env);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("offers loaded"));
}

/// `create-admin` makes the first administrator from a password on standard input; a second
/// call with the same address and a too-short password are refused with a message.
#[test]
fn create_admin_from_stdin() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let create = |password: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_quartiersboard"))
            .args(["create-admin", "--email", "Chefin@Example.de"])
            .env_remove("DATABASE_URL")
            .env("DATA_DIR", data)
            .env("RUST_LOG", "warn")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
        child.wait_with_output().unwrap()
    };
    let short = create("kurz");
    assert_eq!(short.status.code(), Some(1));
    assert!(stderr(&short).contains("at least 10 characters"), "{}", stderr(&short));
    let ok = create("ein langes Passwort");
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert_eq!(String::from_utf8_lossy(&ok.stdout).trim(), "administrator chefin@example.de created");
    let again = create("ein langes Passwort");
    assert!(stderr(&again).contains("exists already"), "{}", stderr(&again));
}

/// A backup taken while another process writes is consistent; restored into a fresh data
/// directory, the app serves the same boards.
#[tokio::test]
async fn backup_while_writing_then_restore() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("live");
    let data_s = data.to_str().unwrap().to_owned();
    assert!(run(&["seed-demo"], &[("DATA_DIR", &data_s)]).status.success());
    let url = format!("sqlite://{}/quartiersboard.db", data_s);
    let db = quartiersboard::db::Db::connect(&url).await.unwrap();
    let writer = {
        let db = db.clone();
        tokio::spawn(async move {
            let ids: Vec<i64> = db.list_staff_offers(&["de"]).await.unwrap().iter().map(|r| r.id).collect();
            for round in 0..40 {
                let id = ids[round % ids.len()];
                let stored = db.get_stored_offer(id).await.unwrap();
                let mut record = stored.record.clone();
                record.internal_note = format!("Runde {round}");
                db.update_offer(&stored, &record, None, "update").await.unwrap();
            }
        })
    };
    let file = dir.path().join("backup.db");
    let backup = run(&["backup", file.to_str().unwrap()], &[("DATA_DIR", &data_s)]);
    assert!(backup.status.success(), "{}", stderr(&backup));
    writer.await.unwrap();
    let fresh = dir.path().join("restored");
    let fresh_s = fresh.to_str().unwrap();
    let restore = run(&["restore", file.to_str().unwrap()], &[("DATA_DIR", fresh_s)]);
    assert!(restore.status.success(), "{}", stderr(&restore));
    let restored =
        quartiersboard::db::Db::connect(&format!("sqlite://{fresh_s}/quartiersboard.db")).await.unwrap();
    assert!(restored.integrity_ok().await.unwrap());
    for quarter in ["welheim", "altstadt"] {
        let titles = |offers: Vec<quartiersboard::domain::offer::OfferSummary>| {
            let mut t: Vec<String> = offers.into_iter().map(|o| o.title).collect();
            t.sort();
            t
        };
        let live = titles(db.get_board_parts("de", quarter).await.unwrap().1);
        let back = titles(restored.get_board_parts("de", quarter).await.unwrap().1);
        assert_eq!(live, back, "{quarter}");
    }
}

/// The server logs one JSON line per request with the client's network only, and on SIGTERM it
/// finishes, closes the database and exits cleanly.
#[test]
fn json_logs_and_graceful_shutdown() {
    use std::io::{BufRead, BufReader, Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let port = 3400 + (std::process::id() % 500) as u16;
    let addr = format!("127.0.0.1:{port}");
    let mut server = Command::new(env!("CARGO_BIN_EXE_quartiersboard"))
        .env_remove("DATABASE_URL")
        .env("DATA_DIR", dir.path())
        .env("LEPTOS_SITE_ADDR", &addr)
        .env("LEPTOS_OUTPUT_NAME", "quartiersboard")
        .env("LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .stderr(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    assert!(lines.by_ref().take(50).any(|l| l.unwrap().contains("listening on")), "server did not start");
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    write!(stream, "GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    let access =
        lines.by_ref().take(20).map(Result::unwrap).find(|l| l.contains("\"target\":\"access\"")).unwrap();
    let entry: serde_json::Value = serde_json::from_str(&access).unwrap();
    assert_eq!(entry["fields"]["status"], 200);
    assert_eq!(entry["fields"]["client"], "127.0.0.0/24");
    assert!(entry["fields"]["latency_ms"].is_number());
    Command::new("kill").args(["-TERM", &server.id().to_string()]).status().unwrap();
    let status = server.wait().unwrap();
    assert!(status.success(), "exit {status:?}");
    assert!(lines.map(Result::unwrap).any(|l| l.contains("stopped")), "no clean stop logged");
}

/// `export` writes the city; `import --dry-run` checks a copy without writing; `import` loads it
/// into an empty installation; a broken copy is refused with its line named.
#[test]
fn export_then_import() {
    let dir = tempfile::tempdir().unwrap();
    let from = dir.path().join("from");
    let to = dir.path().join("to");
    let file = dir.path().join("city.json");
    assert!(run(&["seed-demo"], &[("DATA_DIR", from.to_str().unwrap())]).status.success());
    let out = run(&["export", file.to_str().unwrap()], &[("DATA_DIR", from.to_str().unwrap())]);
    assert!(out.status.success(), "{}", stderr(&out));
    let env = [("DATA_DIR", to.to_str().unwrap())];
    let out = run(&["import", "--dry-run", file.to_str().unwrap()], &env);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("nothing was written (dry run)"),
        "{}",
        stderr(&out)
    );
    let out = run(&["export", "-"], &env);
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"offers\": []"), "the dry run wrote");
    let out = run(&["import", file.to_str().unwrap()], &env);
    assert!(out.status.success(), "{}", stderr(&out));
    let exported = std::fs::read_to_string(&file).unwrap();
    let again = run(&["export", "-"], &env);
    assert_eq!(String::from_utf8_lossy(&again.stdout), exported);

    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, exported.replacen("\"format\"", "\"format\" oops", 1)).unwrap();
    let out = run(&["import", broken.to_str().unwrap()], &env);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("line 2, column"), "{}", stderr(&out));
}

/// `import-calendar` takes an organisation's calendar from its address: each event an offer
/// (drafts); a dry run writes nothing; an address that does not answer is named.
#[test]
fn import_calendar_from_an_address() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let env = [("DATA_DIR", data.to_str().unwrap())];
    assert!(run(&["seed-demo"], &env).status.success());
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nBEGIN:VEVENT\r\nUID:lauftreff@tv.example\r\n\
        SUMMARY:Lauftreff für Familien\r\nDTSTART;TZID=Europe/Berlin:20270109T100000\r\nDURATION:PT1H\r\n\
        RRULE:FREQ=WEEKLY;BYDAY=SA\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}/verein.ics", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        for _ in 0..2 {
            let (mut s, _) = listener.accept().unwrap();
            let mut request = [0u8; 4096];
            let _ = s.read(&mut request);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                ics.len()
            );
            s.write_all(head.as_bytes()).unwrap();
            s.write_all(ics.as_bytes()).unwrap();
        }
    });
    let args = |extra: &'static [&'static str]| {
        let mut a = vec![
            "import-calendar",
            address.as_str(),
            "--organisation",
            "tv-welheim",
            "--place",
            "sportplatz-welheim",
            "--category",
            "sport",
        ];
        a.extend_from_slice(extra);
        a.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    let call_with = |a: Vec<String>, private_hosts: &str| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_quartiersboard"));
        cmd.args(&a)
            .env("DATA_DIR", data.to_str().unwrap())
            .env("RUST_LOG", "warn")
            .env("CALENDAR_PRIVATE_HOSTS", private_hosts)
            .env_remove("DATABASE_URL");
        for proxy in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"] {
            cmd.env_remove(proxy);
        }
        cmd.output().unwrap()
    };
    let call = |a: Vec<String>| call_with(a, "127.0.0.1");
    // A local address is refused unless named as a private calendar host.
    let refused = call_with(args(&["--dry-run"]), "");
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("not a public address"), "{}", stderr(&refused));
    let dry = call(args(&["--dry-run"]));
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(
        String::from_utf8_lossy(&dry.stdout).contains("1 new, 0 updated, 0 unchanged; nothing was written")
    );
    let done = call(args(&[]));
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(String::from_utf8_lossy(&done.stdout).starts_with("1 new"));
    server.join().unwrap();
    let gone = call(args(&[]));
    assert_eq!(gone.status.code(), Some(1));
    assert!(stderr(&gone).contains("the calendar could not be fetched"), "{}", stderr(&gone));
}
