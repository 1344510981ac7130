#!/usr/bin/env bash
# At-least-once on a real broker: kill -9 the service mid-stream over a few
# thousand articles, restart it, and check that every article's events
# arrive (compared by event id with the offline coder's output).
. "$(dirname "$0")/lib.sh"

N=${KILL9_ARTICLES:-10000}
IN=in-$RUN_ID OUT=out-$RUN_ID G=g-$RUN_ID
topics "$IN" 3 "$OUT" 3 "dlq-$RUN_ID" 1
articles_from "$NE_DEV" art "$N" >"$WORK/articles.jsonl"
"$NE_BIN" extract <"$WORK/articles.jsonl" >"$WORK/expected.jsonl" 2>/dev/null
expected=$(wc -l <"$WORK/expected.jsonl")
[ "$expected" -gt $((N / 2)) ] || fail "the offline coder found only $expected events in $N articles"
start_service -i "$IN" -o "$OUT" --dead-letter "dlq-$RUN_ID" -g "$G" -X consumer.session.timeout.ms=6000
first=$SVC_PID
# the input arrives over 5 s: the kill comes while most of it is unwritten
stream_file "$WORK/articles.jsonl" "$IN" 20 0.25
for _ in $(seq 1 600); do
    got=$(end_offset "$OUT")
    [ "$got" -ge $((expected / 5)) ] && break
    sleep 0.01
done
kill -9 "$first"
wait "$first" 2>/dev/null || true
at_kill=$(end_offset "$OUT")
note "killed after $at_kill of $expected events"
[ "$at_kill" -gt 0 ] || fail "the service was killed before it produced anything; nothing was tested"
[ "$at_kill" -lt "$expected" ] || fail "the service finished before the kill; nothing was tested"
wait "$STREAM_PID" || fail "the input stream failed"
[ "$(end_offset "$IN")" = "$N" ] || fail "produced $(end_offset "$IN") of $N articles"

start_service -i "$IN" -o "$OUT" --dead-letter "dlq-$RUN_ID" -g "$G" -X consumer.session.timeout.ms=6000
wait_committed "$G" "$IN" 300
stop_service "$SVC_PID"

consume_all "$OUT" >"$WORK/out.json"
python3 - "$WORK/expected.jsonl" "$WORK/out.json" <<'PY'
import json, sys
from collections import Counter
exp = Counter(json.loads(l)["event_id"] for l in open(sys.argv[1]))
got = Counter(json.loads(json.loads(l)["payload"])["event_id"] for l in open(sys.argv[2]))
missing = [e for e in exp if e not in got]
dups = sum(c - 1 for c in got.values() if c > 1)
extra = [e for e in got if e not in exp]
print("expected %d distinct events, received %d records: missing %d, duplicated %d, unexpected %d"
      % (len(exp), sum(got.values()), len(missing), dups, len(extra)))
assert not missing, "lost events: %s" % missing[:5]
assert not extra, "events the offline coder does not produce: %s" % extra[:5]
PY
echo "PASS"
