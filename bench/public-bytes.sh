#!/usr/bin/env bash
# What a public page downloads (JS + wasm + CSS, raw and brotli), for this checkout and for a
# base commit, measured side by side; plus the staff-only chunks that public pages never load.
# Usage: bench/public-bytes.sh [BASE_COMMIT]   (default: the commit before the plan editor)
# Release builds with --split, as .ci/test builds. Writes bench/results/public-bytes.json.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/.ci/env"
unset RUSTFLAGS
base=${1:-3cbb649}
results="$root/bench/results"; mkdir -p "$results"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
br() { brotli -c -q 11 "$1" | wc -c; }
measure() { # measure NAME DIR
  local pkg="$2/target/site/pkg" raw=0 comp=0
  for f in quartiersboard.js quartiersboard.wasm quartiersboard.css __wasm_split.______________________.js; do
    [ -f "$pkg/$f" ] || continue
    raw=$((raw + $(stat -c %s "$pkg/$f"))); comp=$((comp + $(br "$pkg/$f")))
  done
  local lazy=0 lazy_br=0
  for f in "$pkg"/split_*.wasm; do
    [ -f "$f" ] || continue
    lazy=$((lazy + $(stat -c %s "$f"))); lazy_br=$((lazy_br + $(br "$f")))
  done
  printf '%-10s %12s %14s %14s %16s\n' "$1" "$raw" "$comp" "$lazy" "$lazy_br"
  echo "\"$1\":{\"public_raw\":$raw,\"public_br\":$comp,\"staff_chunks_raw\":$lazy,\"staff_chunks_br\":$lazy_br}"
}
git -C "$root" worktree add -f "$work/base" "$base" -q
mkdir -p "$work/head"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar -c) | tar -x -C "$work/head"
for v in base head; do
  (cd "$work/$v" && cargo leptos build --release --split --frontend-only >"$results/public-bytes-$v.log" 2>&1)
done
printf '%-10s %12s %14s %14s %16s\n' build public_raw public_brotli staff_raw staff_brotli
a=$(measure "base" "$work/base" | tee /dev/stderr | tail -1)
b=$(measure "head" "$work/head" | tee /dev/stderr | tail -1)
echo "{$a,$b}" >"$results/public-bytes.json"
git -C "$root" worktree remove --force "$work/base"
