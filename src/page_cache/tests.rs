//! The page cache: one render for readers asking at once, new data versions, unkept answers,
//! readers that hang up, and the encodings a kept page is answered in.

use super::*;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use tokio::sync::Semaphore;

const BOARD: &str = "/de/welheim?age=7";

fn get(path: &str) -> Request {
    Request::builder().uri(path).body(Body::empty()).expect("a request")
}

fn html(status: StatusCode, text: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], text).into_response()
}

async fn text(res: Response) -> String {
    String::from_utf8(axum::body::to_bytes(res.into_body(), MAX_BODY).await.unwrap().to_vec()).unwrap()
}

/// How many requests are in line for an address (rendering or waiting).
fn in_line(cache: &PageCache, key: &str) -> usize {
    cache.flights.in_line(key)
}

async fn until_in_line(cache: &PageCache, n: usize) {
    let wait = async {
        while in_line(cache, BOARD) < n {
            tokio::task::yield_now().await;
        }
    };
    tokio::time::timeout(Duration::from_secs(30), wait).await.expect("requests never lined up");
}

/// Readers asking for a stale page at once: the first renders it, the others wait and get
/// the same page; then the line is forgotten.
#[tokio::test]
async fn readers_asking_at_once_cost_one_render() {
    let cache = Arc::new(PageCache::default());
    let (renders, release) = (Arc::new(AtomicUsize::new(0)), Arc::new(Semaphore::new(0)));
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let (cache, renders, release) = (cache.clone(), renders.clone(), release.clone());
            tokio::spawn(async move {
                let render = |_| async move {
                    renders.fetch_add(1, SeqCst);
                    release.acquire().await.unwrap().forget();
                    html(StatusCode::OK, "board")
                };
                cache.serve(1, get(BOARD), render).await
            })
        })
        .collect();
    until_in_line(&cache, 10).await;
    release.add_permits(10);
    for task in tasks {
        let res = task.await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(text(res).await, "board");
    }
    assert_eq!(renders.load(SeqCst), 1);
    assert_eq!(in_line(&cache, BOARD), 0);
    assert!(cache.flights.is_empty());
}

/// A kept page answers in the encoding the reader takes, each decoding to the page: brotli
/// made with the entry, gzip made on the first ask and kept, plain for the rest.
#[tokio::test]
async fn each_reader_gets_an_encoding_it_takes() {
    use std::io::Read;
    let cache = PageCache::default();
    let page = "board ".repeat(500);
    let renders = AtomicUsize::new(0);
    let ask = |encoding: &'static str| {
        let mut req = get(BOARD);
        req.headers_mut().insert(header::ACCEPT_ENCODING, HeaderValue::from_static(encoding));
        let (renders, page) = (&renders, page.clone());
        cache.serve(1, req, move |_| async move {
            renders.fetch_add(1, SeqCst);
            (StatusCode::OK, [(header::CONTENT_TYPE, "text/html")], page).into_response()
        })
    };
    let body = |res: Response| async move {
        let encoding = res.headers().get(header::CONTENT_ENCODING).map(|v| v.to_str().unwrap().to_owned());
        (encoding, axum::body::to_bytes(res.into_body(), MAX_BODY).await.unwrap().to_vec())
    };
    let (encoding, br) = body(ask("gzip, deflate, br").await).await;
    assert_eq!(encoding.as_deref(), Some("br"));
    let mut text = String::new();
    brotli::Decompressor::new(&br[..], 4096).read_to_string(&mut text).unwrap();
    assert_eq!(text, page);
    for _ in 0..2 {
        let (encoding, gz) = body(ask("gzip").await).await;
        assert_eq!(encoding.as_deref(), Some("gzip"));
        let mut text = String::new();
        flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut text).unwrap();
        assert_eq!(text, page);
    }
    let (encoding, plain) = body(ask("identity").await).await;
    assert_eq!((encoding, plain), (None, page.clone().into_bytes()));
    assert_eq!(renders.load(SeqCst), 1, "one render answered every reader");
}

/// A write moves the data version on: the next reader renders anew.
#[tokio::test]
async fn a_new_data_version_renders_again() {
    let cache = PageCache::default();
    let renders = AtomicUsize::new(0);
    for version in [1, 1, 2, 2] {
        let render = |_| async {
            renders.fetch_add(1, SeqCst);
            html(StatusCode::OK, "board")
        };
        assert_eq!(cache.serve(version, get(BOARD), render).await.status(), StatusCode::OK);
    }
    assert_eq!(renders.load(SeqCst), 2);
}

/// Answers that are not kept (a missing page) are rendered for every reader in line, and a
/// reader that hangs up mid-render lets the next one render.
#[tokio::test]
async fn unkept_answers_and_gone_readers_do_not_stop_the_line() {
    let cache = Arc::new(PageCache::default());
    let renders = Arc::new(AtomicUsize::new(0));
    let stuck = {
        let (cache, renders) = (cache.clone(), renders.clone());
        tokio::spawn(async move {
            let render = |_| async move {
                renders.fetch_add(1, SeqCst);
                std::future::pending::<Response>().await
            };
            cache.serve(1, get(BOARD), render).await
        })
    };
    until_in_line(&cache, 1).await;
    let next = {
        let (cache, renders) = (cache.clone(), renders.clone());
        tokio::spawn(async move {
            let render = |_| async move {
                renders.fetch_add(1, SeqCst);
                html(StatusCode::NOT_FOUND, "gone")
            };
            cache.serve(1, get(BOARD), render).await
        })
    };
    until_in_line(&cache, 2).await;
    stuck.abort();
    let res = next.await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(renders.load(SeqCst), 2);
    let again = cache.serve(1, get(BOARD), |_| async { html(StatusCode::NOT_FOUND, "gone") }).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    assert!(cache.flights.is_empty());
}
