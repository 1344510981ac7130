#!/usr/bin/env bash
# bench/score-events, the project's scorer, on a small hand-made case that
# exercises each of its rules: state codes compared by their three letters,
# IGO codes whole, roots for the match and full codes for `code`, dates at
# the gold precision, one-to-one matching, articles outside the gold file
# ignored, lines that are not JSON counted.
set -euo pipefail
SRC=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d /tmp/ne-score-XXXX)
trap 'rm -rf "$W"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# one article a line
cat >"$W/gold.jsonl" <<'G'
{"id": "a1", "published": "2023-02-17", "text": "...", "events": [{"actor": "RUS", "action": "112", "root": "11", "counterpart": "WST", "date": "2023-02-17"}, {"actor": "ARM", "action": "036", "root": "03", "counterpart": "AZE", "date": "2023-02"}, {"actor": "IGOUN", "action": "010", "root": "01", "counterpart": null, "date": "2023"}, {"actor": "USA", "action": "190", "root": "19", "counterpart": "RUS", "date": "2023-02-17"}]}
{"id": "a2", "published": "2023-02-17", "text": "...", "events": []}
G
ev() { # article actor code counterpart date
    printf '{"article_id":"%s","actor":{"code":"%s"},"action":{"code":"%s"},"counterpart":%s,"date":{"value":"%s"}}\n' \
        "$1" "$2" "$3" "$([ "$4" = - ] && echo null || echo "{\"code\":\"$4\"}")" "$5"
}
{
    ev a1 RUSGOV 112 WST 2023-02-17    # matches RUS 112 WST: date and code agree
    ev a1 IGOEU 010 - 2022-01-01       # IGO codes are whole: not IGOUN (else date < 1)
    ev a1 ARMGOV 0361 AZE 2023-02-10   # root 03 matches; the full code does not; the month agrees
    ev a1 IGOUN 010 - 2023-06-01       # matches; the year agrees
    ev a1 RUS 112 WST 2023-02-17       # a second match for one gold event: spurious
    ev a2 USA 190 RUS 2023-02-17       # an article without gold events: spurious
    ev a3 USA 190 RUS 2023-02-17       # not in the gold file: ignored
    echo 'not json {'
} >"$W/pred.jsonl"

out=$("$SRC/bench/score-events" "$W/gold.jsonl" "$W/pred.jsonl" --json --errors 10)
echo "$out"
[ "$(echo "$out" | tail -1)" = "F1=0.600 P=0.500 R=0.750 date=1.000 code=0.667 (gold 4, predicted 6, matched 3)" ] ||
    fail "wrong summary"
[ "$(echo "$out" | grep -c $'^missed\ta1\t.*"USA"')" = 1 ] || fail "the missed USA 190 is not listed"
[ "$(echo "$out" | grep -c $'^spurious\t')" = 3 ] || fail "not three spurious events"
echo "$out" | grep -q '"unparsable_pred_lines": 1' || fail "the line that is not JSON is not counted"
rc=0; "$SRC/bench/score-events" "$W/gold.jsonl" 2>/dev/null || rc=$?
[ "$rc" = 2 ] || fail "a missing argument gave exit $rc, not 2"
echo PASS
