#!/usr/bin/env bash
# Issue #4's budgets B1/B2: the board HTML of a quarter with 50 and with 500 offers, brotli
# (quality 11, what a reverse proxy or precompression gives), measured from the running server.
# Prints a table and writes bench/results/board-size.json. Not part of the test command.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/.ci/env"
unset RUSTFLAGS
cd "$root"
cargo leptos build --split >/dev/null 2>&1 || cargo leptos build --split
bin="$CARGO_TARGET_DIR/debug/quartiersboard"
results="$root/bench/results"; mkdir -p "$results"
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
json="{"
printf '%-8s %12s %12s %10s\n' offers raw_bytes brotli_bytes budget
for n in 50 500; do
  python3 bench/make-city.py "$n" "$work/city-$n.json"
  DATA_DIR="$work/data-$n" "$bin" load-document "$work/city-$n.json" >/dev/null
  port=$((3200 + n % 97))
  DATA_DIR="$work/data-$n" LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site RUST_LOG=warn "$bin" &
  for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/de/bench" -o "$work/board-$n.html" && break; sleep 0.2; done
  raw=$(wc -c <"$work/board-$n.html"); br=$(brotli -c -q 11 "$work/board-$n.html" | wc -c)
  budget=$([ "$n" = 50 ] && echo 14000 || echo 61440)
  printf '%-8s %12s %12s %10s\n' "$n" "$raw" "$br" "$budget"
  json+="\"$n\":{\"raw\":$raw,\"brotli\":$br,\"budget\":$budget},"
  kill %% 2>/dev/null || true; wait 2>/dev/null || true
done
echo "${json%,}}" >"$results/board-size.json"
