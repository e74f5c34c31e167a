#!/usr/bin/env bash
# Runs bench/filter-latency.mjs against a 500-offer board (debug build of the server; the wasm
# is what cargo-leptos builds for development unless you run `cargo leptos build --release`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/.ci/env"
unset RUSTFLAGS
cd "$root"
profile=${PROFILE:-release}
if [ "$profile" = release ]; then cargo leptos build --release --split --precompress >/dev/null; bin="$CARGO_TARGET_DIR/release/quartiersboard"
else cargo leptos build --split >/dev/null; bin="$CARGO_TARGET_DIR/debug/quartiersboard"; fi
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
python3 bench/make-city.py 500 "$work/city.json"
DATA_DIR="$work/data" "$bin" load-document "$work/city.json" >/dev/null
DATA_DIR="$work/data" LEPTOS_SITE_ADDR=127.0.0.1:3299 LEPTOS_SITE_ROOT=target/site RUST_LOG=warn "$bin" &
for _ in $(seq 1 50); do curl -sf http://127.0.0.1:3299/de/bench -o /dev/null && break; sleep 0.2; done
mkdir -p bench/results
node bench/filter-latency.mjs http://127.0.0.1:3299/de/bench "${SAMPLES:-40}" | tee bench/results/filter-latency.json
