#!/usr/bin/env python3
"""Writes a city document of QUARTERS quarters ("bench", "bench-2", …) with N offers each, derived
from the demo city's offers (texts, schedules, translations) and places, for the benchmarks.
Usage: make-city.py N OUT.json [QUARTERS]"""
import copy, json, os, sys

n, out = int(sys.argv[1]), sys.argv[2]
quarters_n = int(sys.argv[3]) if len(sys.argv) > 3 else 1
demo = json.load(open(os.path.join(os.path.dirname(__file__), "..", "src", "demo", "demo_city.json")))
source = [o for o in demo["offers"] if o["status"] == "published"]
quarters, places, offers = [], [], []
for k in range(quarters_n):
    slug = "bench" if k == 0 else f"bench-{k + 1}"
    suffix = "" if k == 0 else f"-q{k + 1}"
    quarter = copy.deepcopy(demo["quarters"][0])
    quarter.update(slug=slug, name="Bench" if k == 0 else f"Bench {k + 1}")
    quarters.append(quarter)
    for p in demo["places"]:
        p = copy.deepcopy(p)
        p["slug"] = p["slug"][:55] + suffix
        p["quarter"] = slug
        places.append(p)
    for i in range(n):
        o = copy.deepcopy(source[i % len(source)])
        o["slug"] = f"{o['slug'][:44]}-{i}{suffix}"
        o["title"] = f"{o['title']} {i // len(source) + 1}" if i >= len(source) else o["title"]
        o["quarters"] = [slug]
        o["place"] = o["place"][:55] + suffix
        for s in o.get("schedules", []):
            if s.get("place"):
                s["place"] = s["place"][:55] + suffix
            for e in s.get("exceptions", []):
                if e.get("place"):
                    e["place"] = e["place"][:55] + suffix
        offers.append(o)
doc = {"quarters": quarters, "organisations": demo["organisations"], "places": places, "offers": offers}
json.dump(doc, open(out, "w"), ensure_ascii=False)
