#!/usr/bin/env bash
# Issue #3's budget: one quarter's week plan for 500 offers, median ≤ 1 ms (criterion, release).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/.ci/env"
cd "$root"
cargo bench --features ssr,islands --bench week_plan -- --noplot "$@"
