#!/usr/bin/env bash
# B5's work per request, counted: instructions of one uncached board request (PAGE_CACHE=off,
# brotli asked for) on boards of 50 and 500 offers, by valgrind's callgrind. Counts, not seconds:
# the same binary and data give the same figure whatever else the machine is doing, so a change
# to rendering can be judged on a shared machine. Builds nothing: run after a release build
# (`bench/run` or `cargo leptos build --release`).
# Usage: bench/render-cost.sh [REQUESTS per board, default 10]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/.ci/env"
cd "$root"
requests=${1:-10}
bin="${BIN:-$CARGO_TARGET_DIR/release/quartiersboard}"
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"' EXIT
port=${RENDER_COST_PORT:-3292}
url="http://127.0.0.1:$port/de/bench"

printf '%-8s %16s %14s\n' offers instructions bytes
for n in 50 500; do
  python3 bench/make-city.py "$n" "$work/city-$n.json"
  DATA_DIR="$work/data-$n" "$bin" load-document "$work/city-$n.json" >/dev/null
  DATA_DIR="$work/data-$n" LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site RUST_LOG=error \
    CALENDAR_REFRESH_HOURS=0 PAGE_CACHE=off \
    valgrind --tool=callgrind --callgrind-out-file="$work/cg-$n" "$bin" 2>/dev/null &
  pid=$!
  for _ in $(seq 1 600); do curl -sf "$url" -o /dev/null && break; sleep 0.5; done
  # Warm: the first requests fill the connection pool, every connection's statement cache and the
  # formatters (three warm requests left some connections cold: statements prepared while counting).
  for _ in $(seq 1 30); do curl -sf -H "accept-encoding: br" "$url" -o /dev/null; done
  callgrind_control --zero "$pid" >/dev/null 2>&1
  bytes=0
  for _ in $(seq 1 "$requests"); do bytes=$(curl -sf -H "accept-encoding: br" "$url" | wc -c); done
  callgrind_control --dump "$pid" >/dev/null 2>&1
  total=$(awk '/^(summary|totals):/{print $2}' "$work"/cg-"$n".* | sort -n | tail -n1)
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; pid=""
  printf '%-8s %16s %14s\n' "$n" "$((total / requests))" "$bytes"
done
