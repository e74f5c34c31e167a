//! One log line per request: method, path, status, latency and the client's address shortened
//! (IPv4 to /24, IPv6 to /48) so that logs hold no personal data.

use axum::extract::{ConnectInfo, Request};
use axum::middleware::Next;
use axum::response::Response;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Instant;

/// The network an address belongs to, precise enough for abuse handling, too coarse for a person.
pub fn shorten(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            format!("{}/24", Ipv4Addr::new(a, b, c, 0))
        }
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{}/48", Ipv6Addr::new(s[0], s[1], s[2], 0, 0, 0, 0, 0))
        }
    }
}

/// `path` as it may be logged: the secret of an invitation or reset link is left out.
pub fn loggable(path: &str) -> std::borrow::Cow<'_, str> {
    match path.split_once("/staff/link/") {
        Some((before, _)) => format!("{before}/staff/link/…").into(),
        None => path.into(),
    }
}

/// Middleware: logs the request after it is answered and counts it for the metrics.
pub async fn log_request(request: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = request.method().clone();
    let path = loggable(request.uri().path()).into_owned();
    let client = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| shorten(c.0.ip()));
    let response = next.run(request).await;
    let latency = start.elapsed();
    let status = response.status().as_u16();
    super::metrics::record_request(method.as_str(), status, latency);
    tracing::info!(
        target: "access",
        method = %method,
        path = %path,
        status,
        latency_ms = latency.as_secs_f64() * 1000.0,
        client = client.as_deref().unwrap_or("-"),
        "request"
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The host part of addresses is dropped.
    #[test]
    fn addresses_are_shortened() {
        assert_eq!(shorten("192.0.2.77".parse().unwrap()), "192.0.2.0/24");
        assert_eq!(shorten("2001:db8:1:2:3:4:5:6".parse().unwrap()), "2001:db8:1::/48");
    }

    /// Invitation and reset tokens never reach the log; other paths do unchanged.
    #[test]
    fn link_tokens_are_not_logged() {
        let token = "ab".repeat(32);
        assert_eq!(loggable(&format!("/de/staff/link/{token}")), "/de/staff/link/…");
        assert_eq!(loggable("/de/welheim"), "/de/welheim");
    }
}
