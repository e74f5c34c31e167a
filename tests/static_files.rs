//! The site's static files (`/pkg`, `/assets`): their own prefix, the build's fingerprint in the
//! addresses pages use, and the brotli and gzip copies a release build writes beside them
//! (`cargo leptos build --release --precompress`) sent as they are, so no request compresses
//! the wasm again; answers made per request compressed for each reader.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use leptos::config::get_configuration;
use tower::ServiceExt;

/// (status, content-encoding, body) of a GET asking for `encoding`.
async fn get(app: &axum::Router, path: &str, encoding: &str) -> (StatusCode, Option<String>, Vec<u8>) {
    let req = Request::get(path).header(header::ACCEPT_ENCODING, encoding).body(Body::empty()).unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let coding = res.headers().get(header::CONTENT_ENCODING).map(|v| v.to_str().unwrap().to_owned());
    (res.status(), coding, res.into_body().collect().await.unwrap().to_bytes().to_vec())
}

/// The app over a site folder holding `files`; keep the second part alive (the site folder and
/// the database) while using the app.
async fn app_with_site(
    kind: common::Kind,
    files: &[(&str, &[u8])],
) -> (axum::Router, (tempfile::TempDir, common::TestDb)) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("pkg")).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join("pkg").join(name), bytes).unwrap();
    }
    let t = common::with_demo(kind).await;
    let mut conf = get_configuration(Some("Cargo.toml")).unwrap().leptos_options;
    conf.site_root = dir.path().to_string_lossy().into_owned().into();
    (quartiersboard::server::router(t.db.clone(), conf, Default::default()).await.unwrap(), (dir, t))
}

/// Static files are served from their own prefix and not mistaken for a quarter board.
async fn static_assets_are_not_pages(kind: common::Kind) {
    let (app, _dir) = app_with_site(kind, &[("quartiersboard.css", b"body{}")]).await;
    let (status, _, body) = get(&app, "/pkg/quartiersboard.css", "identity").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, b"body{}");
    let (status, _, _) = get(&app, "/pkg/missing.js", "identity").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// A file with a `.br` and a `.gz` beside it: each browser gets the copy it can read, byte for
/// byte (the marker bytes are no real brotli: compressing again would change them).
async fn precompressed_copies_are_sent_as_they_are(kind: common::Kind) {
    let files: &[(&str, &[u8])] = &[
        ("quartiersboard.wasm", b"plain wasm"),
        ("quartiersboard.wasm.br", b"brotli copy"),
        ("quartiersboard.wasm.gz", b"gzip copy"),
    ];
    let (app, _dir) = app_with_site(kind, files).await;
    let path = "/pkg/quartiersboard.wasm";
    assert_eq!(
        get(&app, path, "gzip, deflate, br").await,
        (StatusCode::OK, Some("br".into()), b"brotli copy".to_vec())
    );
    assert_eq!(get(&app, path, "gzip").await, (StatusCode::OK, Some("gzip".into()), b"gzip copy".to_vec()));
    assert_eq!(get(&app, path, "identity").await, (StatusCode::OK, None, b"plain wasm".to_vec()));
}

/// Pages address the build's files under its fingerprint (`/v/<hash>/pkg/…`), without preloading
/// them; those answers may be kept for good (`immutable`), the plain `/pkg/…` ones and a missing
/// file may not. Another build is another address.
async fn pages_address_files_under_the_build_fingerprint(kind: common::Kind) {
    let files: &[(&str, &[u8])] = &[("quartiersboard.css", b"body{}"), ("quartiersboard.js", b"js")];
    let (app, _dir) = app_with_site(kind, files).await;
    let (_, _, page) = get(&app, "/de/welheim", "identity").await;
    let page = String::from_utf8(page).unwrap();
    let css = page
        .split('"')
        .find(|s| s.ends_with("/pkg/quartiersboard.css"))
        .expect("a stylesheet link")
        .to_owned();
    let root = css.trim_end_matches("/pkg/quartiersboard.css");
    assert!(root.starts_with("/v/") && root.len() == 3 + 16, "{root}");
    assert!(
        page.contains(&format!("(\"{root}\", \"pkg\", \"quartiersboard\"")),
        "the loader under the same root"
    );
    // The code loads when the browser is idle; nothing fetches it ahead of the page (issue #11, B9).
    assert!(!page.contains("preload"), "no preload links: {page}");
    let cache_control = |path: String| {
        let app = app.clone();
        async move {
            let res = app.oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
            let cc = res.headers().get(header::CACHE_CONTROL).map(|v| v.to_str().unwrap().to_owned());
            (res.status(), cc, res.into_body().collect().await.unwrap().to_bytes().to_vec())
        }
    };
    let forever = Some("public, max-age=31536000, immutable".to_owned());
    assert_eq!(cache_control(css.clone()).await, (StatusCode::OK, forever, b"body{}".to_vec()));
    let (status, cc, _) = cache_control(format!("{root}/pkg/missing.js")).await;
    assert_eq!((status, cc), (StatusCode::NOT_FOUND, None));
    let (status, cc, _) = cache_control("/pkg/quartiersboard.css".into()).await;
    assert_eq!((status, cc), (StatusCode::OK, None));

    let (other, _dir) = app_with_site(kind, &[("quartiersboard.css", b"body{color:red}")]).await;
    let (_, _, page) = get(&other, "/de/welheim", "identity").await;
    assert!(!String::from_utf8(page).unwrap().contains(root), "another build, another address");
}

/// An answer made per request (here the API's offers) is compressed on the way out: brotli for
/// a reader that takes it, gzip for one that takes only gzip, nothing for the rest; each decodes
/// to the plain answer.
async fn answers_made_per_request_are_compressed_for_each_reader(kind: common::Kind) {
    use std::io::Read;
    let (app, _dir) = app_with_site(kind, &[]).await;
    let path = "/api/v1/quarters/welheim/offers";
    let (status, coding, plain) = get(&app, path, "identity").await;
    assert_eq!((status, coding), (StatusCode::OK, None));
    assert!(plain.len() > 1000, "an answer worth compressing: {} bytes", plain.len());

    let (_, coding, br) = get(&app, path, "gzip, deflate, br").await;
    assert_eq!(coding.as_deref(), Some("br"));
    let mut decoded = Vec::new();
    brotli::Decompressor::new(&br[..], 4096).read_to_end(&mut decoded).unwrap();
    assert_eq!(decoded, plain);
    assert!(br.len() < plain.len() / 2, "brotli {} of {} bytes", br.len(), plain.len());

    let (_, coding, gz) = get(&app, path, "gzip").await;
    assert_eq!(coding.as_deref(), Some("gzip"));
    let mut decoded = Vec::new();
    flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut decoded).unwrap();
    assert_eq!(decoded, plain);
}

on_both!(
    static_assets_are_not_pages,
    precompressed_copies_are_sent_as_they_are,
    answers_made_per_request_are_compressed_for_each_reader,
    pages_address_files_under_the_build_fingerprint
);
