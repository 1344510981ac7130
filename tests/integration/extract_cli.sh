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

# 4. exit codes: usage 2, I/O 1
rc=0; "$BIN" extract --bogus 2>/dev/null || rc=$?
[ "$rc" = 2 ] || fail "usage error gave $rc"
rc=0; "$BIN" extract --input /nonexistent/file 2>/dev/null || rc=$?
[ "$rc" = 1 ] || fail "missing input gave $rc"
"$BIN" --help | grep -q "extract" || fail "--help does not describe extract"
"$BIN" run --help | grep -q -- "--dead-letter" || fail "run --help does not describe --dead-letter"
echo PASS
