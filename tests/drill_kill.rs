//! Failure drill: the real server process is killed with `kill -9` twenty times at random
//! moments while three clients keep saving new offers. After every restart, each save the
//! server acknowledged is there, and SQLite's integrity check passes.

mod common;

use common::staff::{enc, new_offer_body, save_offer_path, sign_in_path, ADMIN, PASSWORD};
use rand::Rng;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_quartiersboard");

/// A plain HTTP/1.1 exchange: status, the `Set-Cookie` pair if any, body.
fn http(
    port: u16,
    path: &str,
    cookie: Option<&str>,
    body: &str,
) -> std::io::Result<(u16, Option<String>, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    let method = if body.is_empty() { "GET" } else { "POST" };
    let cookie = cookie.map(|c| format!("Cookie: {c}\r\n")).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{cookie}\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text.split_once("\r\n\r\n").ok_or(std::io::ErrorKind::UnexpectedEof)?;
    let status =
        head.split(' ').nth(1).and_then(|c| c.parse().ok()).ok_or(std::io::ErrorKind::InvalidData)?;
    let set_cookie = head
        .lines()
        .find_map(|l| l.to_ascii_lowercase().starts_with("set-cookie:").then(|| l[11..].trim().to_owned()))
        .map(|c| c.split(';').next().unwrap().to_owned());
    Ok((status, set_cookie, body.to_owned()))
}

fn start(data: &Path, port: u16) -> Child {
    let child = Command::new(BIN)
        .env("DATA_DIR", data)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the server");
    let started = Instant::now();
    while !matches!(http(port, "/healthz", None, ""), Ok((200, _, _))) {
        assert!(started.elapsed() < Duration::from_secs(30), "the server did not come up again");
        std::thread::sleep(Duration::from_millis(50));
    }
    child
}

fn run(data: &Path, args: &[&str], stdin: &str) {
    let mut child = Command::new(BIN)
        .args(args)
        .env("DATA_DIR", data)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success(), "{args:?}");
}

#[test]
fn acknowledged_saves_survive_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    run(&data, &["seed-demo"], "");
    run(&data, &["create-admin", "--email", ADMIN], &format!("{PASSWORD}\n"));
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = start(&data, port);
    let form = format!("email={}&password={}", enc(ADMIN), enc(PASSWORD));
    let (status, cookie, body) = http(port, &sign_in_path(), None, &form).unwrap();
    assert_eq!(status, 200, "{body}");
    // The session lives in the database, so it survives every restart.
    let cookie = cookie.expect("session cookie");

    let stop = Arc::new(AtomicBool::new(false));
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let clients: Vec<_> = (0..3)
        .map(|c| {
            let (stop, acknowledged, cookie) = (stop.clone(), acknowledged.clone(), cookie.clone());
            std::thread::spawn(move || {
                let mut attempts = 0;
                while !stop.load(Ordering::SeqCst) {
                    attempts += 1;
                    let slug = format!("drill-{c}-{attempts}");
                    let body = new_offer_body(&slug, &format!("Drill {c}/{attempts}"));
                    match http(port, save_offer_path(), Some(&cookie), &body) {
                        Ok((200, _, _)) => acknowledged.lock().unwrap().push(slug),
                        Ok((status, _, body)) => assert!(
                            status >= 500 || body.is_empty(),
                            "a save was refused for a reason other than the crash: {status} {body}"
                        ),
                        // The server is down or died mid-answer: not acknowledged.
                        Err(_) => std::thread::sleep(Duration::from_millis(20)),
                    }
                }
                attempts
            })
        })
        .collect();

    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let url = format!("sqlite://{}/quartiersboard.db?mode=rw", data.display());
    let check = |acknowledged: &[String]| {
        rt.block_on(async {
            let db = quartiersboard::db::Db::connect(&url).await.unwrap();
            assert!(db.integrity_ok().await.unwrap(), "integrity check failed");
            for slug in acknowledged {
                assert!(db.get_offer_id(slug).await.is_ok(), "acknowledged save {slug} is lost");
            }
            db.close().await;
        })
    };
    let mut rng = rand::thread_rng();
    for _ in 0..20 {
        std::thread::sleep(Duration::from_millis(rng.gen_range(100..700)));
        server.kill().unwrap(); // SIGKILL
        server.wait().unwrap();
        let before_kill = acknowledged.lock().unwrap().clone();
        server = start(&data, port);
        check(&before_kill);
    }
    std::thread::sleep(Duration::from_millis(300));
    stop.store(true, Ordering::SeqCst);
    let attempts: i32 = clients.into_iter().map(|c| c.join().unwrap()).sum();
    server.kill().unwrap();
    server.wait().unwrap();

    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() >= 20,
        "too few saves got through to make the drill meaningful: {acknowledged:?}"
    );
    check(&acknowledged);
    println!("{} of {attempts} saves acknowledged across 20 kills; all present", acknowledged.len());
}
