#!/usr/bin/env bash
# Issue #7: long tasks while dragging in the weekly-plan editor with ≥ 200 blocks in a week and
# Chromium's CPU throttled 4× (release build). Prints JSON; writes bench/results/plan-drag.json.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/.ci/env"
unset RUSTFLAGS
cd "$root"
cargo leptos build --release --split --precompress >/dev/null 2>&1 || cargo leptos build --release --split --precompress
bin="$CARGO_TARGET_DIR/release/quartiersboard"
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
python3 bench/make-city.py "${OFFERS:-130}" "$work/city.json"
DATA_DIR="$work/data" "$bin" load-document "$work/city.json" >/dev/null
echo "Kaffee mit Milch 7" | DATA_DIR="$work/data" "$bin" create-admin --email bench@example.de >/dev/null
DATA_DIR="$work/data" LEPTOS_SITE_ADDR=127.0.0.1:3298 LEPTOS_SITE_ROOT=target/site RUST_LOG=warn "$bin" &
for _ in $(seq 1 50); do curl -sf http://127.0.0.1:3298/healthz -o /dev/null && break; sleep 0.2; done
mkdir -p bench/results
node bench/plan-drag.mjs http://127.0.0.1:3298 | tee bench/results/plan-drag.json
