//! Rendered public pages kept in memory, per address (path and query), compressed once with
//! brotli (and with gzip the first time a client without brotli asks), with a strong ETag. An
//! entry is served while the database's data version is unchanged — every write on any instance
//! moves it on — and for at most a minute (pages show "today" and "now"). `If-None-Match` gets
//! `304 Not Modified`.
//!
//! A stale page is rendered once: while one request renders an address, the others asking for
//! it wait for that render and are answered from it (after a save, sixteen readers of a board
//! cost one render, not sixteen).

use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::future::Future;
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How long an entry may be served at all.
const MAX_AGE: Duration = Duration::from_secs(60);
/// Entries kept before the oldest are dropped.
const MAX_ENTRIES: usize = 2000;
/// Pages larger than this are not kept.
const MAX_BODY: usize = 2 * 1024 * 1024;
/// Brotli quality for kept pages. Every write makes every page stale, so this runs once per page
/// and write (or minute): on a 500-offer board quality 5 is half of quality 9's instructions
/// (26 M vs 51 M) for 4.5 % more bytes (17.9 vs 17.1 KB).
const BROTLI_QUALITY: u32 = 5;

struct Entry {
    version: i64,
    made: Instant,
    etag: HeaderValue,
    content_type: HeaderValue,
    /// The page's Content-Security-Policy (its script nonce is safe to repeat: any write that
    /// could inject markup moves the data version on, and the entry is rendered anew).
    csp: Option<HeaderValue>,
    plain: Bytes,
    br: Bytes,
    /// Made when a client without brotli first asks (every current browser takes brotli).
    gzip: OnceLock<Bytes>,
}

/// The cache of one server process.
#[derive(Default)]
pub struct PageCache {
    entries: Mutex<HashMap<String, Arc<Entry>>>,
    /// One turn to render per address; requests for an address being rendered wait here.
    flights: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// Every page is rendered anew (`PAGE_CACHE=off`, for measuring rendering).
    off: bool,
}

impl PageCache {
    /// A cache that keeps nothing.
    pub fn off() -> Self {
        PageCache { off: true, ..Default::default() }
    }
}

/// A request's place in the line to render one address; the line is forgotten when the last
/// request in it is done (or gone: a client that hangs up drops this too).
struct Flight<'a> {
    cache: &'a PageCache,
    key: String,
    turn: Arc<tokio::sync::Mutex<()>>,
}

impl<'a> Flight<'a> {
    fn join(cache: &'a PageCache, key: String) -> Self {
        let turn = cache.flights.lock().expect("not poisoned").entry(key.clone()).or_default().clone();
        Flight { cache, key, turn }
    }
}

impl Drop for Flight<'_> {
    fn drop(&mut self) {
        let mut flights = self.cache.flights.lock().expect("not poisoned");
        // Only the map and this request hold the line: nobody else is waiting.
        if Arc::strong_count(&self.turn) <= 2 {
            flights.remove(&self.key);
        }
    }
}

impl std::fmt::Debug for PageCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PageCache")
    }
}

/// Whether a request may be answered from the cache: a GET of a public page (locale first,
/// not the staff area), without a body.
fn cacheable(req: &Request) -> bool {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return false;
    }
    let mut segments = req.uri().path().trim_start_matches('/').split('/');
    let first = segments.next().unwrap_or("");
    crate::ui::locale::find_locale(first).is_some() && segments.next() != Some("staff")
}

fn encodings(req: &Request) -> (bool, bool) {
    let accept = req.headers().get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).unwrap_or("");
    let has = |name: &str| accept.split(',').any(|p| p.trim().split(';').next() == Some(name));
    (has("br"), has("gzip"))
}

fn answer(entry: &Entry, req: &Request) -> Response {
    let not_modified = req.headers().get(header::IF_NONE_MATCH).is_some_and(|v| v == entry.etag);
    let mut res = if not_modified {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let (br, gzip) = encodings(req);
        let (body, encoding) = if br {
            (entry.br.clone(), Some("br"))
        } else if gzip {
            (entry.gzip.get_or_init(|| to_gzip(&entry.plain)).clone(), Some("gzip"))
        } else {
            (entry.plain.clone(), None)
        };
        let mut res = Response::new(Body::from(body));
        res.headers_mut().insert(header::CONTENT_TYPE, entry.content_type.clone());
        if let Some(e) = encoding {
            res.headers_mut().insert(header::CONTENT_ENCODING, HeaderValue::from_static(e));
        }
        res
    };
    let h = res.headers_mut();
    h.insert(header::ETAG, entry.etag.clone());
    if let Some(csp) = &entry.csp {
        h.insert(header::CONTENT_SECURITY_POLICY, csp.clone());
    }
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

fn to_brotli(plain: &[u8]) -> Bytes {
    let mut br = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 4096, BROTLI_QUALITY, 22);
        let _ = w.write_all(plain);
    }
    Bytes::from(br)
}

fn to_gzip(plain: &[u8]) -> Bytes {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = gz.write_all(plain);
    Bytes::from(gz.finish().unwrap_or_default())
}

/// Middleware: answers public pages from the cache, or renders and keeps them.
pub async fn cache_pages(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if state.pages.off || !cacheable(&req) {
        return next.run(req).await;
    }
    let Ok(version) = state.db.get_data_version().await else {
        return next.run(req).await;
    };
    state.pages.serve(version, req, |req| on_own_thread(next.run(req))).await
}

/// Page renders and compressions running at once: at most one per core. More would not finish
/// sooner, and the blocking pool would grow a thread (and its memory) for each.
static CPU_TURNS: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
    tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get))
});

/// Renders a page on a thread of tokio's blocking pool, body and all: building a large board is
/// tens of milliseconds of CPU work that, on the async workers, would hold up every other request
/// (a staff member's save waited behind it). The operating system shares the core between them.
async fn on_own_thread(render: impl Future<Output = Response> + Send + 'static) -> Response {
    let Ok(_turn) = CPU_TURNS.acquire().await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let handle = tokio::runtime::Handle::current();
    let rendered = tokio::task::spawn_blocking(move || {
        handle.block_on(async move {
            let (parts, body) = render.await.into_parts();
            let body = axum::body::to_bytes(body, MAX_BODY).await.ok()?;
            Some(Response::from_parts(parts, Body::from(body)))
        })
    });
    rendered.await.ok().flatten().unwrap_or_else(|| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

impl PageCache {
    fn fresh(&self, key: &str, version: i64) -> Option<Arc<Entry>> {
        let cached = self.entries.lock().expect("not poisoned").get(key).cloned();
        cached.filter(|e| e.version == version && e.made.elapsed() < MAX_AGE)
    }

    /// Answers `req` from the entry for its address at `version`, rendering it with `render`
    /// when there is none — once, however many requests ask at the same time.
    async fn serve<F, Fut>(&self, version: i64, req: Request, render: F) -> Response
    where
        F: FnOnce(Request) -> Fut,
        Fut: Future<Output = Response>,
    {
        let key = req.uri().path_and_query().map_or_else(String::new, |p| p.as_str().to_owned());
        if let Some(entry) = self.fresh(&key, version) {
            metrics::counter!("page_cache_hits_total").increment(1);
            return answer(&entry, &req);
        }
        let flight = Flight::join(self, key.clone());
        let _turn = flight.turn.lock().await;
        if let Some(entry) = self.fresh(&key, version) {
            metrics::counter!("page_cache_waits_total").increment(1);
            return answer(&entry, &req);
        }
        metrics::counter!("page_cache_misses_total").increment(1);
        self.render(version, key, req, render).await
    }

    async fn render<F, Fut>(&self, version: i64, key: String, mut req: Request, render: F) -> Response
    where
        F: FnOnce(Request) -> Fut,
        Fut: Future<Output = Response>,
    {
        // Render uncompressed and unconditionally: the cache compresses once for later requests.
        let mut asked = Request::new(Body::empty());
        for name in [header::ACCEPT_ENCODING, header::IF_NONE_MATCH] {
            if let Some(v) = req.headers_mut().remove(&name) {
                asked.headers_mut().insert(name, v);
            }
        }
        let res = render(req).await;
        let storable = res.status() == StatusCode::OK
            && !res.headers().contains_key(header::SET_COOKIE)
            && !res.headers().contains_key(header::CONTENT_ENCODING)
            && res
                .headers()
                .get(header::CONTENT_TYPE)
                .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
        if !storable {
            return res;
        }
        let (parts, body) = res.into_parts();
        let Ok(plain) = axum::body::to_bytes(body, MAX_BODY).await else {
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        };
        // Compressing a large page is CPU work too: off the async workers.
        let packed = {
            let plain = plain.clone();
            let Ok(_turn) = CPU_TURNS.acquire().await else {
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            };
            tokio::task::spawn_blocking(move || (to_brotli(&plain), Sha256::digest(&plain))).await
        };
        let Ok((br, digest)) = packed else {
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        };
        let etag = HeaderValue::from_str(&format!("\"{digest:x}\"")).expect("hex is a valid header");
        let content_type =
            parts.headers.get(header::CONTENT_TYPE).cloned().unwrap_or(HeaderValue::from_static("text/html"));
        let csp = parts.headers.get(header::CONTENT_SECURITY_POLICY).cloned();
        let entry = Arc::new(Entry {
            version,
            made: Instant::now(),
            etag,
            content_type,
            csp,
            plain,
            br,
            gzip: OnceLock::new(),
        });
        {
            let mut entries = self.entries.lock().expect("not poisoned");
            if entries.len() >= MAX_ENTRIES {
                let oldest = entries.iter().min_by_key(|(_, e)| e.made).map(|(k, _)| k.clone());
                if let Some(k) = oldest {
                    entries.remove(&k);
                }
            }
            entries.insert(key, entry.clone());
        }
        // The fresh entry answers this request too, as it asked (encoding, condition).
        answer(&entry, &asked)
    }
}

#[cfg(test)]
mod tests {
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
        cache.flights.lock().unwrap().get(key).map_or(0, |t| Arc::strong_count(t) - 1)
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
        assert!(cache.flights.lock().unwrap().is_empty());
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
            let encoding =
                res.headers().get(header::CONTENT_ENCODING).map(|v| v.to_str().unwrap().to_owned());
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
        assert!(cache.flights.lock().unwrap().is_empty());
    }
}
