#!/usr/bin/env bash
# Architecture decision 1, measured: builds the browser bundle of the same app twice in release
# mode — islands (what we ship) and full hydration — and reports what a public page downloads
# (JS + wasm + CSS), raw and brotli-compressed. Writes bench/results/hydration-size.json.
# Not part of the test command; takes two release builds (~10 min each when cold).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/.ci/env"
# Release builds as shipped: cargo-leptos adds --cfg erase_components only to debug builds.
unset RUSTFLAGS
results="$root/bench/results"
mkdir -p "$results"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

size() { stat -c %s "$1"; }
brsize() { brotli -c -q 11 "$1" | wc -c; }

json="{"
printf '%-8s %10s %10s %10s %10s %12s\n' variant wasm js css total_raw total_brotli
for variant in islands full; do
  dir="$work/$variant"
  mkdir -p "$dir"
  (cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar -c) | tar -x -C "$dir"
  if [ "$variant" = full ]; then
    sed -i 's/^bin-features = \["ssr", "islands"\]/bin-features = ["ssr"]/; s/^lib-features = \["hydrate", "islands"\]/lib-features = ["hydrate"]/' "$dir/Cargo.toml"
    grep -q '^lib-features = \["hydrate"\]' "$dir/Cargo.toml"
  fi
  (cd "$dir" && cargo leptos build --release --split --frontend-only >"$results/build-$variant.log" 2>&1)
  pkg="$dir/target/site/pkg"
  w=$(size "$pkg/quartiersboard.wasm"); j=$(size "$pkg/quartiersboard.js"); c=$(size "$pkg/quartiersboard.css")
  wb=$(brsize "$pkg/quartiersboard.wasm"); jb=$(brsize "$pkg/quartiersboard.js"); cb=$(brsize "$pkg/quartiersboard.css")
  printf '%-8s %10s %10s %10s %10s %12s\n' "$variant" "$w/$wb" "$j/$jb" "$c/$cb" $((w + j + c)) $((wb + jb + cb))
  json+="\"$variant\":{\"wasm\":$w,\"wasm_br\":$wb,\"js\":$j,\"js_br\":$jb,\"css\":$c,\"css_br\":$cb,\"total\":$((w + j + c)),\"total_br\":$((wb + jb + cb))},"
done
json="${json%,}}"
echo "$json" >"$results/hydration-size.json"
echo "(sizes in bytes, raw/brotli; JSON in bench/results/hydration-size.json)"
