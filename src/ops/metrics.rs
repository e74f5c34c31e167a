//! Prometheus metrics: request counts and latencies by status, the database pool, cache hits.
//! Served on `METRICS_ADDR` (its own listener, meant for the internal network only).

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::Duration;

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Installs the recorder once per process.
pub fn install() -> &'static PrometheusHandle {
    HANDLE.get_or_init(|| {
        PrometheusBuilder::new().install_recorder().expect("one metrics recorder per process")
    })
}

/// Counts a request and its latency.
pub fn record_request(method: &str, status: u16, latency: Duration) {
    let class = format!("{}xx", status / 100);
    metrics::counter!("http_requests_total", "method" => method.to_owned(), "status" => class.clone())
        .increment(1);
    metrics::histogram!("http_request_duration_seconds", "status" => class).record(latency.as_secs_f64());
}

/// Serves `/metrics` on `addr` until the process ends; the pool gauges are read on each scrape.
pub async fn serve(addr: std::net::SocketAddr, db: crate::db::Db) -> std::io::Result<()> {
    let handle = install().clone();
    let app = axum::Router::new().route(
        "/metrics",
        axum::routing::get(move || {
            let (handle, db) = (handle.clone(), db.clone());
            async move {
                let (size, idle) = db.pool_state();
                metrics::gauge!("db_pool_connections").set(f64::from(size));
                metrics::gauge!("db_pool_idle_connections").set(idle as f64);
                handle.render()
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("metrics on http://{addr}/metrics");
    axum::serve(listener, app).await
}
