//! Rendered public pages kept in memory, per address (path and query), compressed once with
//! brotli (and with gzip the first time a client without brotli asks), with a strong ETag. An
//! entry is served while the database's data version is unchanged — every write on any instance
//! moves it on — and for at most a minute (pages show "today" and "now"). `If-None-Match` gets
//! `304 Not Modified`.
//!
//! A stale page is rendered once: while one request renders an address, the others asking for
//! it wait for that render and are answered from it (after a save, sixteen readers of a board
//! cost one render, not sixteen).

use crate::flights::Flights;
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
    flights: Flights,
    /// Every page is rendered anew (`PAGE_CACHE=off`, for measuring rendering).
    off: bool,
}

impl PageCache {
    /// A cache that keeps nothing.
    pub fn off() -> Self {
        PageCache { off: true, ..Default::default() }
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
        let flight = self.flights.join(&key);
        let _turn = flight.turn().lock().await;
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
mod tests;
