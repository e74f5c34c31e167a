#!/usr/bin/env python3
"""B6 of the suite: a staff member signs in and saves N new draft offers one after another, as the
offer form does (a plain form post to `save_offer`); prints the latencies' p50/p99 and errors as
JSON, with each save's start (seconds since the epoch) and latency so that bench/report.py can
place the slow ones beside the read load's stalls. Usage: staff-saves.py BASE EMAIL PASSWORD N"""
import json, re, sys, time, urllib.error, urllib.parse, urllib.request
from http.cookiejar import CookieJar

base, email, password, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))


def action(page, name):
    return re.search(r'action="(/api/[^"]*' + name + r'[^"]*)"', web.open(base + page).read().decode()).group(1)


def post(path, fields):
    req = urllib.request.Request(base + path, data=urllib.parse.urlencode(fields).encode(), method="POST")
    with web.open(req) as r:
        r.read()
        return r.status


post(action("/de/staff/sign-in", "sign_in"), {"email": email, "password": password})
save = action("/de/staff/offers/new", "save_offer")
stamp = int(time.time())
latencies, errors, times = [], 0, []
for i in range(n):
    fields = [
        ("form[slug]", f"bench-save-{stamp}-{i}"),
        ("form[organisation]", "tv-welheim"),
        ("form[place]", "sportplatz-welheim"),
        ("form[quarters][0]", "bench"),
        ("form[category]", "sport"),
        ("form[texts][de][title]", f"Messung {i}"),
        ("form[texts][de][description]", "Ein Angebot, das die Messung anlegt."),
    ]
    began, start = time.time(), time.perf_counter()
    try:
        ok = post(save, fields) < 400
    except urllib.error.HTTPError:
        ok = False
    latencies.append((time.perf_counter() - start) * 1000)
    times.append([began, round(latencies[-1], 2)])
    errors += 0 if ok else 1
latencies.sort()
pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
print(json.dumps({"saves": n, "errors": errors, "p50_ms": pick(0.5), "p99_ms": pick(0.99), "times": times}))
