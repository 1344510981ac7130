# Helpers of the aggregate broker tests (sourced after lib.sh).

# Events for the aggregate tests: N articles of the dev set (each copy has
# its own id, so its own event ids) with one of five sources, coded by the
# offline coder, and every tenth event sent twice (an at-least-once
# producer upstream). Writes $WORK/events.jsonl; prints the line count.
agg_events() {
    local n=$1 prefix=$2
    articles_from "$NE_DEV" "$prefix" "$n" | python3 -c '
import json, sys
for i, l in enumerate(sys.stdin):
    a = json.loads(l)
    a["source"] = "source-%d.example" % (i % 5)
    print(json.dumps(a, ensure_ascii=False))' >"$WORK/agg-articles.jsonl"
    "$NE_BIN" extract <"$WORK/agg-articles.jsonl" 2>/dev/null >"$WORK/events-once.jsonl"
    awk '{print} NR % 10 == 0 {print}' "$WORK/events-once.jsonl" >"$WORK/events.jsonl"
    echo $(($(wc -l <"$WORK/events.jsonl") - $(wc -l <"$WORK/events-once.jsonl"))) >"$WORK/repeats"
    wc -l <"$WORK/events.jsonl"
}

# The offline twin's table of $WORK/events.jsonl with the options given.
agg_offline() {
    "$NE_BIN" aggregate -i "$WORK/events.jsonl" -o "$WORK/offline.jsonl" "$@" 2>"$WORK/offline.log" ||
        fail "the offline twin failed: $(tail -3 "$WORK/offline.log")"
    [ -s "$WORK/offline.jsonl" ] || fail "the offline twin wrote no aggregate"
}

# Start `newsevents aggregate` in the background: pid in AGG_PID, log $WORK/agg-N.log.
AGG_N=0
start_agg() {
    AGG_N=$((AGG_N + 1))
    "$NE_BIN" aggregate -b "$B" "$@" >"$WORK/agg-$AGG_N.log" 2>&1 &
    AGG_PID=$!
    PIDS+=("$AGG_PID")
}

# Compare the output topic's table (the latest record per key, read
# committed) with the offline table. Every aggregate must be equal, field by
# field, except the processing times (first_seen, last_seen). Prints a
# summary; exit status 0 when equal.
agg_compare() {
    local topic=$1 expected=$2
    kcat -b "$B" -C -t "$topic" -o beginning -e -q -J -X isolation.level=read_committed \
        >"$WORK/table-$topic.json" 2>/dev/null || true
    python3 - "$expected" "$WORK/table-$topic.json" "${3:-}" <<'PY'
import json, sys
def norm(a):
    a = dict(a)
    a.pop("first_seen", None); a.pop("last_seen", None)
    return a
exp = {}
for l in open(sys.argv[1]):
    a = json.loads(l)
    exp[a["key"]] = norm(a)
got, records = {}, 0
for l in open(sys.argv[2]):
    env = json.loads(l)
    records += 1
    if env.get("payload") is None:
        got.pop(env["key"], None)
        continue
    a = json.loads(env["payload"])
    assert a["key"] == env["key"], "record key %s holds aggregate %s" % (env["key"], a["key"])
    got[env["key"]] = norm(a)
missing = [k for k in exp if k not in got]
extra = [k for k in got if k not in exp]
differ = [k for k in exp if k in got and got[k] != exp[k]]
over = [k for k in differ if got[k]["num_events"] > exp[k]["num_events"]]
events = sum(a["num_events"] for a in got.values())
print("table: %d aggregates expected, %d in the topic (%d records): missing %d, unexpected %d, different %d "
      "(over-counted %d); events counted %d of %d"
      % (len(exp), len(got), records, len(missing), len(extra), len(differ), len(over), events,
         sum(a["num_events"] for a in exp.values())))
if sys.argv[3] == "verbose":
    for k in differ[:3]:
        print("  %s\n    expected %s\n    got      %s" % (k, json.dumps(exp[k], sort_keys=True), json.dumps(got[k], sort_keys=True)))
    for k in missing[:3]:
        print("  missing %s" % k)
sys.exit(0 if not missing and not extra and not differ else 1)
PY
}

# Wait (up to $3 s) until the output topic's table equals the offline one; fail with the difference.
# With a pid in $4, fail at once when that service stops meanwhile (its log: $5).
wait_table() {
    local topic=$1 expected=$2 limit=${3:-180} pid=${4:-} log=${5:-} t0=$SECONDS
    while [ $((SECONDS - t0)) -lt "$limit" ]; do
        agg_compare "$topic" "$expected" >"$WORK/compare.txt" && { cat "$WORK/compare.txt"; return 0; }
        if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
            [ -n "$log" ] && grep -v "delivery to\|_TRANSPORT" "$log" | tail -20 >&2
            fail "the service stopped before the table of $topic equalled the offline table"
        fi
        sleep 2
    done
    agg_compare "$topic" "$expected" verbose || true
    for f in "$WORK"/agg-*.log; do echo "== $f"; tail -5 "$f"; done
    fail "the table of $topic did not equal the offline table within ${limit}s"
}

# Records of a topic a read_committed consumer sees.
end_offset_committed() {
    kcat -b "$B" -C -t "$1" -o beginning -e -q -X isolation.level=read_committed -f 'x\n' 2>/dev/null | grep -c . || true
}
