#!/usr/bin/env python3
"""The suite's table and bench/results/suite.json from the measurements bench/run left in WORK.
Usage: report.py WORK B1 B2 B3 B7 B8 (bytes, bytes, bytes, "header_bytes status", peak RSS in kB)"""
import json, os, subprocess, sys

import stalls

work, b1, b2, b3, b7, b8 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]


def oha(name):
    path = os.path.join(work, name)
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    return json.load(open(path))


def rps(r):
    return r["summary"]["requestsPerSec"] if r else None


def p99_ms(r):
    return r["latencyPercentiles"]["p99"] * 1000 if r else None


def errors(r):
    if not r:
        return None
    codes = r.get("statusCodeDistribution", {})
    bad = sum(n for c, n in codes.items() if not c.startswith("2") and not c.startswith("3"))
    return bad + sum(r.get("errorDistribution", {}).values())


board, static = oha("b4-board.json"), oha("b4-static.json")
uncached = {n: oha(f"b5-{n}.json") for n in (50, 500)}
b4 = rps(board) / rps(static) if board and static and rps(static) else None
b5 = {n: p99_ms(r) for n, r in uncached.items()}
b7_bytes, b7_status = (b7.split() + ["", ""])[:2]
try:
    b6 = json.load(open(os.path.join(work, "b6.json")))
except (OSError, ValueError):
    b6 = {}
b6_p99 = None if b6.get("p99_ms") is None else round(b6["p99_ms"], 2)
lh = {}
try:
    lh = json.load(open(os.path.join(work, "b9.json")))
except (OSError, ValueError):
    pass
audit = lambda k: lh.get("audits", {}).get(k, {}).get("numericValue")
lcp, tbt, cls = audit("largest-contentful-paint"), audit("total-blocking-time"), audit("cumulative-layout-shift")

rows = [
    ("B1", "board HTML, 50 offers, brotli (bytes)", b1, "<= 14000", b1 <= 14000),
    ("B2", "board HTML, 500 offers, brotli (bytes)", b2, "<= 61440", b2 <= 61440),
    ("B3", "public JS + wasm + CSS, brotli (bytes)", b3, "<= 153600", b3 <= 153600),
    ("B4", "cached board ÷ static file, req/s", None if b4 is None else round(b4, 3), ">= 0.8", b4 is not None and b4 >= 0.8),
    *[("B5", f"uncached board, {n} offers, p99 at 250 req/s (ms)", None if b5[n] is None else round(b5[n], 2), "<= 10", b5[n] is not None and b5[n] <= 10) for n in (50, 500)],
    ("B6", f"staff save p99 under read load (ms; {b6.get('errors')} errors)", b6_p99, "<= 20", b6_p99 is not None and b6_p99 <= 20 and b6.get("errors") == 0),
    ("B7", f"kiosk 304 on the wire (bytes; status {b7_status})", int(b7_bytes or 0), "<= 400", b7_status == "304" and int(b7_bytes or 0) <= 400),
    ("B8", "peak RSS, 4 × 500 offers under load (kB)", int(b8 or 0), "<= 153600", 0 < int(b8 or 0) <= 153600),
    ("B9", "Lighthouse LCP (ms)", None if lcp is None else round(lcp), "<= 1500", lcp is not None and lcp <= 1500),
    ("B9", "Lighthouse TBT (ms)", None if tbt is None else round(tbt), "<= 50", tbt is not None and tbt <= 50),
    ("B9", "Lighthouse CLS", None if cls is None else round(cls, 3), "<= 0.01", cls is not None and cls <= 0.01),
]
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
print(f"commit {commit}; load figures: server on core 0, oha on core 1")
print(f"{'':3} {'measure':52} {'value':>12} {'budget':>10}  result")
for key, what, value, budget, ok in rows:
    verdict = "not measured" if value is None else ("ok" if ok else "OVER BUDGET")
    print(f"{key:3} {what:52} {'' if value is None else value:>12} {budget:>10}  {verdict}")
extra = {
    "b4_board_rps": rps(board),
    "b4_static_rps": rps(static),
    "b4_board_errors": errors(board),
    **{f"b5_{n}_errors": errors(r) for n, r in uncached.items()},
    **{f"b5_{n}_rps": rps(r) for n, r in uncached.items()},
    # B5's floor on this machine: the same load on a small uncached page and on a static file.
    **{f"b5_{k}_p99_ms": p99_ms(oha(f"b5-{k}.json")) for k in ("imprint", "static")},
    **{f"b5_{k}_p50_ms": oha(f"b5-{k}.json")["latencyPercentiles"]["p50"] * 1000 for k in ("imprint", "static", 50, 500) if oha(f"b5-{k}.json")},
}
print("details:", json.dumps(extra))
out = {"commit": commit, "rows": [dict(id=k, measure=w, value=v, budget=b, ok=o) for k, w, v, b, o in rows], **extra}
json.dump(out, open(os.path.join(os.path.dirname(__file__), "results", "suite.json"), "w"), indent=2)

# Where the tails came from: the slow requests of B5's and B6's loads grouped into stalls, and
# B6's slowest saves placed on the same clock (seconds after the read load began).
for name in ("b5-50", "b5-500", "b6-load"):
    path = os.path.join(work, name + ".db")
    if os.path.exists(path):
        print(f"{name}:", "\n  ".join(stalls.lines(stalls.read(path), t0=0)))
if b6.get("times"):
    t0 = float(open(os.path.join(work, "b6-load.t0")).read())
    worst = sorted(b6["times"], key=lambda t: -t[1])[:5]
    print("b6 slowest saves:", ", ".join("%.1f ms at %.2f s" % (ms, at - t0) for at, ms in worst))
