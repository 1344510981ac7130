#!/usr/bin/env bash
# The offline twin against an independent reckoning: events coded from the
# dev set (copies of each article from several sources, every seventh event
# record twice) are aggregated by `newsevents aggregate -i` under several key
# options, and a Python reading of the same events (its own keys, counts of
# distinct ids, dates, samples, CAMEO table) must give the same table,
# aggregate by aggregate. Also: usage errors of the command.
set -euo pipefail
BIN=${1:?usage: aggregate_cli.sh NEWSEVENTS}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d /tmp/ne-aggregate-cli-XXXX)
trap 'rm -rf "$W"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

python3 - "$SRC/tests/data/dev-gold.jsonl" >"$W/articles.jsonl" <<'PY'
import json, sys
arts = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
for n in range(5 * len(arts)):
    a = dict(arts[n % len(arts)])
    a.pop("events", None)
    a["id"] = "c-%d" % n
    if n % 4:  # one copy in four names no source
        a["source"] = "src-%d.example" % (n // len(arts) % 3)
    print(json.dumps(a, ensure_ascii=False))
PY
"$BIN" extract <"$W/articles.jsonl" 2>/dev/null | awk '{print} NR % 7 == 0 {print}' >"$W/events.jsonl"
[ "$(wc -l <"$W/events.jsonl")" -gt 500 ] || fail "too few events to test"

check() {
    "$BIN" aggregate -i "$W/events.jsonl" -o "$W/table.jsonl" --retention-days 0 "$@" 2>"$W/log" ||
        fail "aggregate $*: $(tail -2 "$W/log")"
    python3 - "$W/events.jsonl" "$W/table.jsonl" "$SRC/dict/cameo.tsv" "$@" <<'PY'
import datetime, json, sys
events, table, cameo_file = sys.argv[1:4]
opts = sys.argv[4:]
def opt(name, default):
    return opts[opts.index(name) + 1] if name in opts else default
root = opt("--code", "full") == "root"
country = opt("--actor", "code") == "country"
prec = ["day", "month", "year"].index(opt("--date-precision", "day"))
cameo = {}
for line in open(cameo_file, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    c, g, q, label = line.rstrip("\n").split("\t")[:4]
    cameo[c] = (label, int(q), float(g))
def party(p):
    if p is None:
        return "-"
    return p["country"] if country and p.get("country") else p["code"]
def first_day(d):
    parts = [int(x) for x in d.split("-")] + [1, 1]
    return datetime.date(parts[0], parts[1], parts[2]).toordinal()
aggs = {}
for line in open(events, encoding="utf-8"):
    e = json.loads(line)
    d = e["date"]["value"]
    if d is None:
        continue
    own = {10: 0, 7: 1, 4: 2}[len(d)]
    p = max(prec, own)
    period = d[:[10, 7, 4][p]]
    code = e["action"]["code"][:2] if root else e["action"]["code"]
    key = "%s|%s|%s|%s" % (period, party(e["actor"]), code, party(e["counterpart"]))
    a = aggs.setdefault(key, {"period": period, "precision": ["day", "month", "year"][p], "code": code,
                              "ev": set(), "art": set(), "src": set(), "dates": []})
    if e["event_id"] in a["ev"]:
        continue
    a["ev"].add(e["event_id"]); a["art"].add(e["article_id"])
    if e.get("source"):
        a["src"].add(e["source"])
    a["dates"].append(d)
got = {}
for line in open(table, encoding="utf-8"):
    r = json.loads(line)
    got[r["key"]] = r
assert set(got) == set(aggs), "keys differ: %d vs %d" % (len(got), len(aggs))
for k, a in aggs.items():
    r = got[k]
    label, q, g = cameo[a["code"]]
    dates = sorted(a["dates"], key=lambda d: (first_day(d), d))
    want = {"num_events": len(a["ev"]), "num_articles": len(a["art"]), "num_sources": len(a["src"]),
            "period": a["period"], "precision": a["precision"], "label": label, "quad_class": q, "goldstein": g,
            "first_event_date": dates[0], "last_event_date": dates[-1],
            "sample_article_ids": sorted(a["art"])[:5], "sample_event_ids": sorted(a["ev"])[:5]}
    for f, v in want.items():
        assert r[f] == v, "%s: %s is %r, expected %r" % (k, f, r[f], v)
print("aggregate %s: %d aggregates, %d events, equal to the independent reckoning"
      % (" ".join(opts) or "(defaults)", len(aggs), sum(len(a["ev"]) for a in aggs.values())))
PY
}
check
check --code root --actor country
check --date-precision month
check --date-precision year --code root

# usage errors say what is wrong and where the help is
err=$("$BIN" aggregate --date-precision week 2>&1 >/dev/null) && fail "a bad precision was accepted"
echo "$err" | grep -q "date-precision: expected day, month or year, not 'week'" || fail "message: $err"
err=$("$BIN" aggregate -b 127.0.0.1:1 -i events -o out 2>&1 >/dev/null) && fail "no group was accepted"
echo "$err" | grep -q "no consumer group (-g)" || fail "message: $err"
err=$("$BIN" aggregate --rejects r.jsonl 2>&1 >/dev/null) && fail "--rejects was accepted"
echo "$err" | grep -q "is an option of extract, not of aggregate" || fail "message: $err"
echo PASS
