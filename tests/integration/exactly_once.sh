#!/usr/bin/env bash
# Exactly-once on a real broker: 10,000 articles, the service killed with
# SIGKILL twice mid-stream and restarted; a read_committed consumer (Kafka's
# own Java ConsoleConsumer, an independent client) must see every expected
# event exactly once: 0 missing, 0 duplicated, counted by event id.
. "$(dirname "$0")/lib.sh"

N=${EOS_ARTICLES:-10000}
IN=in-$RUN_ID OUT=out-$RUN_ID DLQ=dlq-$RUN_ID G=g-$RUN_ID
topics "$IN" 3 "$OUT" 3 "$DLQ" 1
articles_from "$NE_DEV" eos "$N" >"$WORK/articles.jsonl"
# a few malformed records: their dead letters must be exactly-once too
for k in 1 2 3; do echo '{"text": "broken' >>"$WORK/articles.jsonl"; done
"$NE_BIN" extract <"$WORK/articles.jsonl" >"$WORK/expected.jsonl" 2>/dev/null
expected=$(wc -l <"$WORK/expected.jsonl")
total=$((N + 3))
# the input arrives over 15 s, so that both kills land mid-stream
stream_file "$WORK/articles.jsonl" "$IN" 60 0.25

eos() {
    start_service -i "$IN" -o "$OUT" --dead-letter "$DLQ" -g "$G" --guarantee exactly-once \
        --transactional-id "tx-$RUN_ID" --batch 200 -X consumer.session.timeout.ms=6000
}
[ "$expected" -gt $((N / 2)) ] || fail "the offline coder found only $expected events in $N articles"
kills=0 prev=0
for round in 1 2; do
    eos
    pid=$SVC_PID
    # wait for some committed progress, then kill in the middle of the
    # stream. (The query fails while a transaction holds offsets, which is
    # most of the time: only a successful answer counts as progress, and
    # after the kill there is none until the next instance fences it.)
    c=0
    for _ in $(seq 1 1200); do
        c=$(committed "$G" "$IN" 2>/dev/null || echo 0)
        [ "$c" -ge $((total * round / 3)) ] && break
        sleep 0.05
    done
    kill -9 "$pid"
    wait "$pid" 2>/dev/null || true
    note "round $round: killed with at least $c of $total records committed"
    [ "$c" -gt "$prev" ] || fail "no transaction committed before kill $round; nothing was tested"
    [ "$c" -lt "$total" ] || fail "the service finished before kill $round"
    prev=$c
    kills=$((kills + 1))
done
wait "$STREAM_PID" || fail "the input stream failed"
[ "$(end_offset "$IN")" = "$total" ] || fail "produced $(end_offset "$IN") of $total records"
eos
wait_committed "$G" "$IN" 300
stop_service "$SVC_PID"

# an independent read_committed consumer: Kafka's Java console consumer
"$NE_SRC/tests/broker/kafka.sh" tool "$NE_BROKER_DIR" org.apache.kafka.tools.consumer.ConsoleConsumer \
    --bootstrap-server "$B" --topic "$OUT" --from-beginning --timeout-ms 20000 \
    --consumer-property isolation.level=read_committed >"$WORK/committed.jsonl" 2>"$WORK/cc.err" || true
"$NE_SRC/tests/broker/kafka.sh" tool "$NE_BROKER_DIR" org.apache.kafka.tools.consumer.ConsoleConsumer \
    --bootstrap-server "$B" --topic "$DLQ" --from-beginning --timeout-ms 10000 \
    --consumer-property isolation.level=read_committed >"$WORK/dlq.txt" 2>"$WORK/cc-dlq.err" || true
# the console consumer ends by its --timeout-ms (its exit code says so, not
# whether it read): it must have said how many records it read, and read them all
for f in cc cc-dlq; do
    grep -q "Processed a total of" "$WORK/$f.err" || fail "the console consumer did not finish: $(tail -3 "$WORK/$f.err")"
done
read_n=$(grep -o "Processed a total of [0-9]*" "$WORK/cc.err" | grep -o "[0-9]*$")
[ "$read_n" = "$(grep -c . "$WORK/committed.jsonl")" ] || fail "the console consumer read $read_n records, wrote $(grep -c . "$WORK/committed.jsonl")"
python3 - "$WORK/expected.jsonl" "$WORK/committed.jsonl" "$WORK/dlq.txt" "$kills" <<'PY'
import json, sys
from collections import Counter
exp = Counter(json.loads(l)["event_id"] for l in open(sys.argv[1]))
got = Counter()
for line in open(sys.argv[2]):
    line = line.strip()
    if line.startswith("{"):
        got[json.loads(line)["event_id"]] += 1
missing = [e for e in exp if e not in got]
dups = sum(c - 1 for c in got.values() if c > 1)
extra = [e for e in got if e not in exp]
dead = sum(1 for l in open(sys.argv[3]) if l.strip())
print("exactly-once: %s kills; expected %d events, read_committed saw %d records: missing %d, duplicated %d, unexpected %d; dead letters %d (expected 3)"
      % (sys.argv[4], len(exp), sum(got.values()), len(missing), dups, len(extra), dead))
assert not missing and not dups and not extra, "not exactly once"
assert dead == 3, "dead letters not exactly once"
PY
echo PASS
