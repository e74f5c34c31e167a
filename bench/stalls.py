#!/usr/bin/env python3
"""Where a load run's slow requests were: oha's per-request database (`oha --db-url F.db ...`)
read back, the slow ones (> 10 ms) grouped into stalls by when they started. Tells a stall
everyone waited through (a rebuild, the machine) from a tail spread over the run.
Usage: stalls.py F.db   (bench/report.py uses `read` and `lines` for B5 and B6)"""
import sqlite3, sys


def read(path):
    """The requests of one oha run as (start, end) in seconds since the epoch, by start."""
    db = sqlite3.connect(path)
    cols = [r[1] for r in db.execute("pragma table_info(oha)")]
    i = {c: n for n, c in enumerate(cols)}
    # With a fixed rate (`-q`), a request's latency counts from when it should have been sent.
    def start(r):
        corrected = r[i['start_latency_correction']] if 'start_latency_correction' in i else None
        return r[i['start']] if corrected is None else corrected

    return sorted((start(r), r[i['end']]) for r in db.execute("select * from oha"))


def lines(reqs, t0=None, slow=0.010, gap=0.2):
    """A summary line and one line per stall (slow requests whose starts are within `gap` s of
    each other), times in seconds after `t0` (the first request when not given)."""
    if not reqs:
        return ["no requests"]
    t0 = reqs[0][0] if t0 is None else t0
    lat = sorted(e - s for s, e in reqs)
    out = ["n %d p50 %.2f p99 %.2f max %.1f ms" % (len(lat), lat[len(lat) // 2] * 1e3, lat[int(len(lat) * .99)] * 1e3, lat[-1] * 1e3)]
    stalls = []
    for s, e in reqs:
        if e - s <= slow:
            continue
        at, ms = s - t0, (e - s) * 1e3
        if stalls and at - stalls[-1][1] < gap:
            stalls[-1][1] = at; stalls[-1][2] += 1; stalls[-1][3] = max(stalls[-1][3], ms)
        else:
            stalls.append([at, at, 1, ms])
    out.append("slow (> %d ms): %d in %d stalls" % (slow * 1e3, sum(c[2] for c in stalls), len(stalls)))
    out += ["  at %6.2f s .. %6.2f s: %3d slow, worst %.1f ms" % tuple(c) for c in stalls]
    return out


if __name__ == "__main__":
    print("\n".join(lines(read(sys.argv[1]))))
