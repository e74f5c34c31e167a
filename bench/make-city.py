#!/usr/bin/env python3
"""Writes a city document with one quarter ("bench") of N offers, derived from the demo city's
offers (texts, schedules, translations), for the board benchmarks. Usage: make-city.py N OUT.json"""
import copy, json, os, sys

n, out = int(sys.argv[1]), sys.argv[2]
demo = json.load(open(os.path.join(os.path.dirname(__file__), "..", "src", "demo", "demo_city.json")))
quarter = copy.deepcopy(demo["quarters"][0])
quarter.update(slug="bench", name="Bench")
places = copy.deepcopy(demo["places"])
for p in places:
    p["quarter"] = "bench"
source = [o for o in demo["offers"] if o["status"] == "published"]
offers = []
for i in range(n):
    o = copy.deepcopy(source[i % len(source)])
    o["slug"] = f"{o['slug'][:48]}-{i}"
    o["title"] = f"{o['title']} {i // len(source) + 1}" if i >= len(source) else o["title"]
    o["quarters"] = ["bench"]
    offers.append(o)
doc = {"quarters": [quarter], "organisations": demo["organisations"], "places": places, "offers": offers}
json.dump(doc, open(out, "w"), ensure_ascii=False)
