#!/usr/bin/env python3
"""Where a load run's slow requests were: oha's per-request database (`oha --db-url F.db ...`)
read back, the slow ones (> 10 ms) grouped into stalls by when they started. Tells a stall
everyone waited through (a rebuild, the machine) from a tail spread over the run.
Usage: stalls.py F.db"""
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
cols = [r[1] for r in db.execute("pragma table_info(oha)")]
rows = db.execute("select * from oha").fetchall()
i = {c: n for n, c in enumerate(cols)}
start_col = 'start_latency_correction' if 'start_latency_correction' in i else 'start'
reqs = sorted((r[i[start_col]], r[i['end']]) for r in rows)
t0 = reqs[0][0]
lat = sorted(e - s for s, e in reqs)
print("n", len(reqs), "p50 %.2f p99 %.2f max %.1f ms" % (lat[len(lat)//2]*1e3, lat[int(len(lat)*.99)]*1e3, lat[-1]*1e3))
slow = [(s - t0, (e - s) * 1e3) for s, e in reqs if e - s > 0.010]
print("slow (>10ms):", len(slow))
# clusters: slow requests whose starts are within 0.2 s of each other
cl = []
for s, l in slow:
    if cl and s - cl[-1][1] < 0.2:
        cl[-1][1] = s; cl[-1][2] += 1; cl[-1][3] = max(cl[-1][3], l)
    else:
        cl.append([s, s, 1, l])
for a, b, n, m in cl:
    print("  at %6.2f s .. %6.2f s: %3d slow, worst %.1f ms" % (a, b, n, m))
