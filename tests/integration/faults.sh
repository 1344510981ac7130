#!/usr/bin/env bash
# Faults against the real broker:
#  1. the broker stopped for 30 s mid-stream and restarted: the service
#     recovers by itself; at-least-once loses nothing, exactly-once loses
#     and duplicates nothing;
#  2. a missing output topic: a clear error, exit 1, no offsets committed;
#  3. a record that makes the coder fail is dead-lettered once, never loops;
#  4. the service killed with SIGKILL at random points, ten times over one
#     run: nothing lost.
. "$(dirname "$0")/lib.sh"

PAUSE=${FAULT_PAUSE_SECONDS:-30}
# the broker is shared with the other tests: whatever happens, it runs again
PAUSED=0
trap '[ "$PAUSED" = 1 ] && "$NE_SRC/tests/broker/kafka.sh" resume "$NE_BROKER_DIR" >/dev/null 2>&1; cleanup' EXIT
count_check() { # expected.jsonl out.json mode label
    "$PY" - "$@" <<'PY'
import json, sys
from collections import Counter
exp = Counter(json.loads(l)["event_id"] for l in open(sys.argv[1]))
got = Counter(json.loads(json.loads(l)["payload"])["event_id"] for l in open(sys.argv[2]))
missing = sum(1 for e in exp if e not in got)
dups = sum(c - 1 for c in got.values() if c > 1)
print("%s: sent %d events' articles, received %d records: lost %d, duplicated %d"
      % (sys.argv[4], len(exp), sum(got.values()), missing, dups))
assert missing == 0, "events lost"
if sys.argv[3] == "exactly-once":
    assert dups == 0, "events duplicated"
PY
}

# ---- 1. broker down for $PAUSE s, both guarantees
for mode in at-least-once exactly-once; do
    IN=in-$mode-$RUN_ID OUT=out-$mode-$RUN_ID G=g-$mode-$RUN_ID
    topics "$IN" 3 "$OUT" 3 "dlq-$mode-$RUN_ID" 1
    articles_from "$NE_DEV" "down-$mode" 4000 >"$WORK/$mode.jsonl"
    "$NE_BIN" extract <"$WORK/$mode.jsonl" >"$WORK/$mode-exp.jsonl" 2>/dev/null
    split -l 200 "$WORK/$mode.jsonl" "$WORK/$mode-chunk-"
    extra=()
    [ "$mode" = exactly-once ] && extra=(--transactional-id "tx-$mode-$RUN_ID" --batch 100)
    start_service -i "$IN" -o "$OUT" --dead-letter "dlq-$mode-$RUN_ID" -g "$G" --guarantee "$mode" "${extra[@]}"
    svc=$SVC_PID
    n=0
    for f in "$WORK/$mode-chunk-"*; do
        kcat -b "$B" -P -t "$IN" -l "$f"
        n=$((n + 1))
        if [ "$n" = 1 ]; then
            # the service is up and coding before the fault
            for _ in $(seq 1 600); do [ "$(end_offset "$OUT")" -gt 0 ] && break; sleep 0.1; done
        fi
        if [ "$n" = 7 ]; then
            sleep 0.5
            out_before=$(end_offset "$OUT")
            [ "$out_before" -gt 0 ] || fail "$mode: no events out before the fault"
            note "$mode: stopping the broker for ${PAUSE}s with $out_before events out, $(end_offset "$IN") articles in"
            PAUSED=1
            "$NE_SRC/tests/broker/kafka.sh" pause "$NE_BROKER_DIR"
            sleep "$PAUSE"
            kill -0 "$svc" || fail "the service died while the broker was down"
            "$NE_SRC/tests/broker/kafka.sh" resume "$NE_BROKER_DIR" >/dev/null
            PAUSED=0
            note "$mode: broker back"
        fi
    done
    wait_committed "$G" "$IN" 300
    stop_service "$svc"
    # the outage is told once a failure (not by librdkafka's log line and
    # the error callback both), and the recovery is told too
    slog=$WORK/svc-$SVC_N.log
    ! grep -q "error librdkafka FAIL" "$slog" || fail "$mode: connection failures logged twice"
    grep -q "the brokers answer again" "$slog" || fail "$mode: nothing logged when the brokers came back"
    note "$mode: $(grep -m1 -o '[a-z]*: the brokers answer again.*' "$slog")"
    consume_all "$OUT" >"$WORK/$mode-out.json"
    count_check "$WORK/$mode-exp.jsonl" "$WORK/$mode-out.json" "$mode" "broker down ${PAUSE}s, $mode"
done

# ---- 2. a missing output topic
IN=in-missing-$RUN_ID G=g-missing-$RUN_ID
topics "$IN" 1
echo '{"text":"Russia condemned Ukraine."}' | kcat -b "$B" -P -t "$IN"
rc=0
timeout 60 "$NE_BIN" run -b "$B" -i "$IN" -o "no-such-topic-$RUN_ID" -g "$G" 2>"$WORK/missing.log" || rc=$?
[ "$rc" = 1 ] || fail "missing output topic: exit $rc (expected 1)"
grep -q "output topic no-such-topic-$RUN_ID: does not exist" "$WORK/missing.log" || fail "no clear error: $(cat "$WORK/missing.log")"
[ "$(committed "$G" "$IN")" = 0 ] || fail "offsets committed with no output topic"
note "missing output topic: exit 1, '$(grep -o 'output topic.*' "$WORK/missing.log" | head -1)', 0 offsets committed"

# ---- 3. a record the coder fails on: dead-lettered once, never loops
IN=in-poison-$RUN_ID OUT=out-poison-$RUN_ID DLQ=dlq-poison-$RUN_ID G=g-poison-$RUN_ID
topics "$IN" 1 "$OUT" 1 "$DLQ" 1
{ articles_from "$NE_DEV" before 20
  echo '{"id":"poison","text":"Russia condemned Ukraine on Monday.","published":"2024-01-03"}'
  articles_from "$NE_DEV" after 20; } >"$WORK/poison.jsonl"
grep -v '"id": *"poison"' "$WORK/poison.jsonl" | "$NE_BIN" extract >"$WORK/poison-exp.jsonl" 2>/dev/null
kcat -b "$B" -P -t "$IN" -l "$WORK/poison.jsonl"
for run in 1 2; do
    NEWSEVENTS_TEST_FAIL_ID=poison start_service -i "$IN" -o "$OUT" --dead-letter "$DLQ" -g "$G"
    wait_committed "$G" "$IN" 60
    sleep 1
    stop_service "$SVC_PID"
done
[ "$(end_offset "$DLQ")" = 1 ] || fail "the failing record gave $(end_offset "$DLQ") dead letters (expected 1)"
consume_all "$DLQ" | grep -q '"ne_reason","coder_error"' || fail "the dead letter's reason is not coder_error"
consume_all "$OUT" >"$WORK/poison-out.json"
count_check "$WORK/poison-exp.jsonl" "$WORK/poison-out.json" at-least-once "the 40 records around the failing one"

# ---- 4. SIGKILL at random points, ten times over one run
IN=in-kill-$RUN_ID OUT=out-kill-$RUN_ID G=g-kill-$RUN_ID
topics "$IN" 3 "$OUT" 3 "dlq-kill-$RUN_ID" 1
# (the input arrives over 60 s, so that all ten kills, each followed by a
# new instance's join, land before it is done, however fast the service)
total=30000
articles_from "$NE_DEV" kill "$total" >"$WORK/kill.jsonl"
"$NE_BIN" extract <"$WORK/kill.jsonl" >"$WORK/kill-exp.jsonl" 2>/dev/null
stream_file "$WORK/kill.jsonl" "$IN" 120 0.5
# each instance is killed at a random moment up to 0.3 s after its first
# events reach the output topic, and before the input is all committed:
# ten kills mid-stream
kills=0
for k in $(seq 1 10); do
    out0=$(end_offset "$OUT")
    start_service -i "$IN" -o "$OUT" --dead-letter "dlq-kill-$RUN_ID" -g "$G" -X consumer.session.timeout.ms=6000
    log=$WORK/svc-$SVC_N.log
    for _ in $(seq 1 600); do grep -q "assigned [1-9]" "$log" && break; sleep 0.05; done
    grep -q "assigned [1-9]" "$log" || fail "instance $k got no partition in 30 s"
    for _ in $(seq 1 300); do [ "$(end_offset "$OUT")" -gt "$out0" ] && break; sleep 0.02; done
    [ "$(end_offset "$OUT")" -gt "$out0" ] || fail "instance $k produced nothing in 10 s with partitions"
    sleep "$(python3 -c 'import random; print(round(random.uniform(0, 0.3), 2))')"
    kill -9 "$SVC_PID" 2>/dev/null && kills=$((kills + 1))
    wait "$SVC_PID" 2>/dev/null || true
    done_now=$(committed "$G" "$IN")
    [ "$done_now" -lt "$total" ] || fail "kill $k came after the whole input was committed"
done
[ "$kills" = 10 ] || fail "killed $kills times (expected 10)"
wait "$STREAM_PID" || fail "the input stream failed"
[ "$(end_offset "$IN")" = "$total" ] || fail "produced $(end_offset "$IN") of $total articles"
note "killed $kills times mid-stream; $(committed "$G" "$IN") of $total committed"
start_service -i "$IN" -o "$OUT" --dead-letter "dlq-kill-$RUN_ID" -g "$G" -X consumer.session.timeout.ms=6000
wait_committed "$G" "$IN" 300
stop_service "$SVC_PID"
consume_all "$OUT" >"$WORK/kill-out.json"
count_check "$WORK/kill-exp.jsonl" "$WORK/kill-out.json" at-least-once "SIGKILL x$kills"
echo PASS
