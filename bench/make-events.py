#!/usr/bin/env python3
"""Synthetic event records (schemas/event.schema.json 1.3.0) for bench/aggregate.sh.

usage: make-events.py OUT N [DAYS]

N events over DAYS days of event time (default 365) in roughly increasing
date order, as a news stream has them: each article yields 1 to 5 events,
dated its day or, one time in ten, one to three days earlier (late but
within any sensible retention); actors and counterparts from 60 codes and
CAMEO codes from dict/cameo.tsv, both Zipf-weighted, 40 sources; one event in twenty is sent
twice (an at-least-once producer upstream). Deterministic (seeded)."""
import datetime
import hashlib
import json
import os
import random
import sys

out, n = sys.argv[1], int(sys.argv[2])
days = int(sys.argv[3]) if len(sys.argv) > 3 else 365
rnd = random.Random(10)
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
codes = []
for line in open(os.path.join(root, "dict", "cameo.tsv"), encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    c, g, q, label = line.rstrip("\n").split("\t")[:4]
    if len(c) >= 3:
        codes.append((c, float(g), int(q), label))
countries = ["USA", "RUS", "CHN", "UKR", "ISR", "IRN", "FRA", "DEU", "GBR", "JPN", "IND", "PAK", "TUR", "SYR",
             "EGY", "BRA", "MEX", "NGA", "ZAF", "KOR", "PRK", "SAU", "IRQ", "AFG", "VEN"]
roles = ["", "GOV", "MIL", "OPP"]
parties = [c + r for c in countries for r in roles][:60]
# a few actors and codes are in most of the news: Zipf-like weights
pw = [1.0 / (i + 1) ** 1.1 for i in range(len(parties))]
cw = [1.0 / (i + 1) ** 1.1 for i in range(len(codes))]
start = datetime.date(2025, 1, 1)
per_day = max(1, n // days)
written, art = 0, 0
with open(out, "w", encoding="utf-8") as f:
    while written < n:
        day = min(days - 1, written // per_day)
        art += 1
        aid = "art-%d" % art
        src = "source-%d.example" % rnd.randrange(40)
        for k in range(rnd.randint(1, 5)):
            d = day - (rnd.randint(1, 3) if rnd.random() < 0.1 else 0)
            date = (start + datetime.timedelta(days=max(0, d))).isoformat()
            a, b = rnd.choices(parties, pw, k=2)
            if a == b:
                b = parties[(parties.index(a) + 1) % len(parties)]
            c, g, q, label = rnd.choices(codes, cw)[0]
            eid = hashlib.md5(("%s/%d" % (aid, k)).encode()).hexdigest()
            ev = {"schema_version": "1.3.0", "event_id": eid, "article_id": aid, "source": src,
                  "actor": {"text": None, "start": None, "end": None, "code": a, "country": a[:3],
                            "role": a[3:] or None},
                  "action": {"text": None, "code": c, "root": c[:2], "label": label, "quad_class": q,
                             "goldstein": g},
                  "counterpart": {"text": None, "start": None, "end": None, "code": b, "country": b[:3],
                                  "role": b[3:] or None},
                  "date": {"value": date, "precision": "day", "text": None, "source": "published"},
                  "evidence": {"sentence": "", "start": 0, "end": 0, "trigger": {"start": 0, "end": 0}}}
            line = json.dumps(ev, separators=(",", ":"))
            f.write(line + "\n")
            written += 1
            if rnd.random() < 0.05:
                f.write(line + "\n")
                written += 1
            if written >= n:
                break
