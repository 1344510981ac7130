#!/usr/bin/env bash
# `newsevents extract`, the offline twin, as a user runs it: the reference
# article scores; bad lines are reported with line numbers and reasons and
# written to --rejects while good lines around them are still coded; exit
# codes say what happened.
set -euo pipefail
BIN=$1
SRC=$(cd "$(dirname "$0")/../.." && pwd)
SEED=$SRC/examples/seed-article.jsonl
W=$(mktemp -d /tmp/ne-extract-XXXX)
trap 'rm -rf "$W"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. the reference article
"$BIN" extract <"$SEED" >"$W/seed.jsonl"
score=$("$SRC/bench/score-events" "$SEED" "$W/seed.jsonl" | tail -1)
echo "seed: $score"
matched=$(echo "$score" | sed -n 's/.*matched \([0-9]*\)).*/\1/p')
[ "${matched:-0}" -ge 4 ] || fail "seed article: ${matched:-0} of 8 events matched"

# 2. bad lines between good ones
good='{"id":"g%d","published":"2021-11-10","text":"Poland accused Belarus on Monday of herding migrants."}'
{
    printf "$good\n" 1
    printf '{"text": "unterminated\n'
    printf '[1,2]\n'
    printf '\n'
    printf "$good\n" 2
    printf '{"text": "bad \xff byte"}\n'
    printf '{"text": 3}\n'
    printf "$good" 3   # no newline at the end of the file
} >"$W/mixed.jsonl"
rc=0
"$BIN" extract --input "$W/mixed.jsonl" --output "$W/out.jsonl" --rejects "$W/rejects.jsonl" 2>"$W/err.txt" || rc=$?
[ "$rc" = 0 ] || fail "exit $rc on bad lines (expected 0)"
cat "$W/err.txt"
grep -q "line 2: truncated_json" "$W/err.txt" || fail "line 2 not reported"
grep -q "line 3: not_object" "$W/err.txt" || fail "line 3 not reported"
grep -q "line 6: invalid_utf8" "$W/err.txt" || fail "line 6 not reported"
grep -q "line 7: wrong_type" "$W/err.txt" || fail "line 7 not reported"
python3 - "$W/out.jsonl" "$W/rejects.jsonl" "$W/mixed.jsonl" <<'PY'
import base64, json, sys
out = [json.loads(l) for l in open(sys.argv[1])]
assert sorted(e["article_id"] for e in out) == ["g1", "g2", "g3"], [e["article_id"] for e in out]
rej = [json.loads(l) for l in open(sys.argv[2])]
assert [(r["line"], r["reason"]) for r in rej] == [(2, "truncated_json"), (3, "not_object"), (6, "invalid_utf8"), (7, "wrong_type")], rej
lines = open(sys.argv[3], "rb").read().split(b"\n")
for r in rej:
    assert base64.b64decode(r["record_base64"]) == lines[r["line"] - 1], r
print("rejects file: %d records with exact bytes" % len(rej))
PY

# 3. a line over the limit is rejected without being kept
python3 -c 'import json; print(json.dumps({"text": "x " * 600000}))' >"$W/big.jsonl"
printf "$good\n" 4 >>"$W/big.jsonl"
"$BIN" extract --max-record-bytes 1M <"$W/big.jsonl" >"$W/big.out" 2>"$W/big.err"
grep -q "line 1: too_large" "$W/big.err" || fail "the large line was not rejected"
[ "$(wc -l <"$W/big.out")" = 1 ] || fail "the good line after the large one was not coded"

# 4. --map reads another record shape (news-please's maintext, date_publish)
echo '{"maintext": "Poland accused Belarus on Monday of herding migrants.", "date_publish": "2021-11-10 08:00:00", "url": "u"}' >"$W/np.jsonl"
"$BIN" extract --map text=maintext,published=date_publish <"$W/np.jsonl" >"$W/np.out" 2>"$W/np.err" ||
    fail "extract --map exit $?"
python3 - "$W/np.out" <<'PY' || fail "--map was not applied"
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])]
assert ev and ev[0]["actor"]["code"] == "POL" and ev[0]["date"]["value"] == "2021-11-08", ev
PY
"$BIN" extract <"$W/np.jsonl" >/dev/null 2>"$W/np.err"
grep -q 'line 1: missing_text: no "text" field' "$W/np.err" || fail "without --map, maintext is not the text"
echo "--map: news-please records coded"

# 5. an article in another language is skipped and counted (not rejected);
# English ones, tagged or not, are coded
{
    echo '{"id": "fr1", "language": "fr", "published": "2021-11-10", "text": "La Pologne a accusé lundi la Biélorussie."}'
    echo '{"id": "en1", "language": "en-GB", "published": "2021-11-10", "text": "Poland accused Belarus on Monday of herding migrants."}'
    echo '{"id": "un1", "published": "2021-11-10", "text": "Poland accused Belarus on Monday of herding migrants."}'
} >"$W/lang.jsonl"
"$BIN" extract --rejects "$W/lang.rej" --log-format json <"$W/lang.jsonl" >"$W/lang.out" 2>"$W/lang.err" ||
    fail "extract exit $? on a French article"
[ ! -s "$W/lang.rej" ] || fail "the French article was rejected"
python3 - "$W/lang.out" "$W/lang.err" <<'PY' || fail "language: $(cat "$W/lang.err")"
import json, sys
ids = sorted({json.loads(l)["article_id"] for l in open(sys.argv[1])})
assert ids == ["en1", "un1"], ids
logs = [json.loads(l) for l in open(sys.argv[2])]
skip = [l for l in logs if l.get("reason") == "language"]
assert len(skip) == 1 and skip[0]["id"] == "fr1" and skip[0]["line"] == 1 and skip[0]["level"] == "info", logs
assert logs[-1]["msg"].endswith("3 lines, 2 articles coded, 2 events, 0 rejected, 1 skipped (not English)"), logs[-1]
PY
echo "language: the French article skipped and counted"

# 6. JSON logs carry the line and the reason of a rejected line as fields
printf '[1]\n' | "$BIN" extract --log-format json 2>"$W/j.err" >/dev/null
python3 - "$W/j.err" <<'PY' || fail "JSON log fields: $(cat "$W/j.err")"
import json, sys
first = json.loads(open(sys.argv[1]).readline())
assert first["level"] == "warn" and first["line"] == 1 and first["reason"] == "not_object", first
assert first["msg"].startswith("line 1: not_object: "), first
PY
echo "JSON logs: line and reason fields"

# 7a. locations: on by default, off with --no-locations (and no gazetteer then needed)
loc_on=$("$BIN" extract <"$SRC/examples/seed-article.jsonl" 2>/dev/null | grep -c '"location":{' || true)
loc_off=$("$BIN" extract --no-locations <"$SRC/examples/seed-article.jsonl" 2>/dev/null |
    grep -c '"location"' || true)
[ "$loc_on" -gt 0 ] || fail "extract gave no event a location"
[ "$loc_off" = 0 ] || fail "--no-locations still gave $loc_off locations"
nogaz=$(mktemp -d)
cp "$SRC"/dict/*.tsv "$nogaz"/
"$BIN" extract --dict-base "$nogaz" --no-locations <"$SRC/examples/seed-article.jsonl" \
    >/dev/null 2>&1 || fail "--no-locations needs a gazetteer"
rc=0; "$BIN" extract --dict-base "$nogaz" <"$SRC/examples/seed-article.jsonl" >/dev/null \
    2>"$nogaz/err" || rc=$?
[ "$rc" != 0 ] || fail "extract ran without its gazetteer"
grep -q -- "--no-locations" "$nogaz/err" || fail "a missing gazetteer does not say how to go without"
rm -rf "$nogaz"
echo "locations: $loc_on of the seed's events located; none with --no-locations"

# 7b. --threads N: the same output, rejects and log lines (in the same
# order) as one thread, on a mix of articles, bad lines, a line over the
# record limit, an article in French and blank lines
python3 - "$SRC/tests/data/dev-gold.jsonl" >"$W/mix.jsonl" <<'PY'
import json, sys
arts = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
for i, a in enumerate(arts * 2):
    print(a)
    if i % 7 == 0: print('{"id": "bad-%d", "text": 5}' % i)
    if i % 11 == 0: print("not json")
    if i % 13 == 0: print(json.dumps({"id": "fr-%d" % i, "text": "Le ministre a condamné l'attaque.", "language": "fr"}))
    if i % 17 == 0: print("")
    if i % 19 == 0: print(json.dumps({"id": "long-%d" % i, "text": "word " * 20000}))
PY
for n in 1 3; do
    "$BIN" extract --threads "$n" --max-record-bytes 60000 --rejects "$W/rej-$n.jsonl" <"$W/mix.jsonl" \
        >"$W/ev-$n.jsonl" 2>"$W/log-$n.txt" || fail "extract --threads $n failed"
    sed -i 's/^[^ ]* //' "$W/log-$n.txt" # (the timestamps)
done
[ -s "$W/ev-1.jsonl" ] && [ -s "$W/rej-1.jsonl" ] || fail "the mixed input gave no events or no rejects"
cmp -s "$W/ev-1.jsonl" "$W/ev-3.jsonl" || fail "--threads 3 wrote other events (or another order) than one thread"
cmp -s "$W/rej-1.jsonl" "$W/rej-3.jsonl" || fail "--threads 3 wrote other rejects than one thread"
cmp -s "$W/log-1.txt" "$W/log-3.txt" || fail "--threads 3 logged otherwise than one thread"
echo "--threads 3: $(wc -l <"$W/ev-3.jsonl") events, $(wc -l <"$W/rej-3.jsonl") rejects, as with one thread"

# 7. exit codes: usage 2, I/O 1
rc=0; "$BIN" extract --bogus 2>/dev/null || rc=$?
[ "$rc" = 2 ] || fail "usage error gave $rc"
rc=0; "$BIN" extract --input /nonexistent/file 2>/dev/null || rc=$?
[ "$rc" = 1 ] || fail "missing input gave $rc"
"$BIN" --help | grep -q "extract" || fail "--help does not describe extract"
"$BIN" run --help | grep -q -- "--dead-letter" || fail "run --help does not describe --dead-letter"
echo PASS
