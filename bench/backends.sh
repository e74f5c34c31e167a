#!/usr/bin/env bash
# Issue #10: board page throughput and p99 latency with SQLite vs PostgreSQL, and with two
# instances behind a small round-robin proxy vs one — measured side by side in one run, release
# build, the quarter board of 50 generated offers. The server (both instances) is pinned to CPU 0;
# wrk and the proxy run on CPU 1. Prints a table and writes bench/results/backends.json.
# Not part of the test command.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/.ci/env"
unset RUSTFLAGS
cd "$root"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cargo leptos build --release --split --precompress >/dev/null 2>&1 || cargo leptos build --release --split --precompress
bin="$CARGO_TARGET_DIR/release/quartiersboard"
results="$root/bench/results"; mkdir -p "$results"
work=$(mktemp -d)
pg_db="qb_bench_$$"
cleanup() { kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true
  psql -h 127.0.0.1 -U root -d postgres -qc "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"; }
trap cleanup EXIT
duration=${DURATION:-15s}
python3 bench/make-city.py 50 "$work/city.json"

start() { # start NAME PORT DATABASE_URL
  DATABASE_URL="$3" DATA_DIR="$work/$1" LEPTOS_SITE_ADDR="127.0.0.1:$2" LEPTOS_SITE_ROOT=target/site \
    RUST_LOG=warn taskset -c 0 "$bin" >"$work/$1-$2.log" 2>&1 &
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$2/readyz" >/dev/null && return; sleep 0.1; done
  echo "server $1 on $2 did not start" >&2; cat "$work/$1-$2.log" >&2; exit 1
}
load() { # load PORT -> "rps p99_ms"
  curl -sf "http://127.0.0.1:$1/de/bench" -o /dev/null
  taskset -c 1 wrk -t1 -c16 -d"$duration" --latency "http://127.0.0.1:$1/de/bench" >"$work/wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$work/wrk.txt")
  echo "$rps $p99"
}

sqlite_url="sqlite://$work/sqlite/qb.db"
mkdir -p "$work/sqlite"
DATABASE_URL="$sqlite_url" "$bin" load-document "$work/city.json" >/dev/null
psql -h 127.0.0.1 -U root -d postgres -qc "CREATE DATABASE $pg_db" >/dev/null
pg_url="postgres://root@127.0.0.1:5432/$pg_db"
DATABASE_URL="$pg_url" "$bin" load-document "$work/city.json" >/dev/null

start sqlite 3301 "$sqlite_url"; read -r s_rps s_p99 < <(load 3301); kill %1; wait %1 2>/dev/null || true
start pg 3302 "$pg_url"; read -r p_rps p_p99 < <(load 3302)
start pg 3303 "$pg_url"
taskset -c 1 node bench/proxy.mjs 3310 3302 3303 & sleep 0.5
read -r two_rps two_p99 < <(load 3310)
taskset -c 1 node bench/proxy.mjs 3311 3302 & sleep 0.5
read -r one_rps one_p99 < <(load 3311)

printf '%-36s %10s %10s\n' setup req/s p99_ms
printf '%-36s %10s %10s\n' "SQLite, one instance" "$s_rps" "$s_p99"
printf '%-36s %10s %10s\n' "PostgreSQL, one instance" "$p_rps" "$p_p99"
printf '%-36s %10s %10s\n' "PostgreSQL, one instance via proxy" "$one_rps" "$one_p99"
printf '%-36s %10s %10s\n' "PostgreSQL, two instances via proxy" "$two_rps" "$two_p99"
ratio() { python3 -c "print(round($1/$2, 2))"; }
echo "PostgreSQL/SQLite throughput: $(ratio "$p_rps" "$s_rps")   two/one instances (same core): $(ratio "$two_rps" "$one_rps")"
cat >"$results/backends.json" <<JSON
{"sqlite":{"rps":$s_rps,"p99_ms":$s_p99},"postgres":{"rps":$p_rps,"p99_ms":$p_p99},
 "postgres_proxy_one":{"rps":$one_rps,"p99_ms":$one_p99},"postgres_proxy_two":{"rps":$two_rps,"p99_ms":$two_p99}}
JSON
