#!/usr/bin/env bash
# The exactly-once aggregate service when the coordinator expires its open
# transaction: the service is frozen (SIGSTOP) for longer than its
# transaction timeout (10 s here) while events arrive, so the coordinator
# aborts the transaction and fences the producer's epoch. Thawed, the
# service meets the fence, renews its producer, rolls its store back and
# does the batch again; the final table must equal the offline twin's.
# A renewal once stopped the service instead: its check of whether the
# ended transaction had been committed after all read the group's offset of
# the repartition topic, which points at the transaction marker just before
# the batch's first record, as a commit. A freeze may fall between two
# transactions (then nothing expires): the test freezes the service up to
# four times until a renewal happens, and fails if none did.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/aggregate_lib.sh"

FREEZE=${AGG_FREEZE_SECONDS:-22}
N=${AGG_ARTICLES:-4000}
EV=ev-$RUN_ID OUT=out-$RUN_ID G=g-$RUN_ID
topics "$EV" 2
total=$(agg_events "$N" ap)
agg_offline --retention-days 0
stream_file "$WORK/events.jsonl" "$EV" 400 0.05
start_agg -i "$EV" -o "$OUT" -g "$G" --create-topics --retention-days 0 --guarantee exactly-once \
    --transactional-id "tx-$RUN_ID" --batch 100 --state-dir "$WORK/state" \
    -X producer.transaction.timeout.ms=10000
pid=$AGG_PID log=$WORK/agg-$AGG_N.log
renewed=0
for round in 1 2 3 4; do
    c=$(committed_at_least "$G" "$EV" $((total * round / 10)) 600)
    [ "$c" -lt "$total" ] || break
    note "freezing the service for ${FREEZE}s with at least $c of $total events committed"
    kill -STOP "$pid"
    sleep "$FREEZE"
    kill -CONT "$pid"
    for _ in $(seq 1 100); do
        grep -q "a new producer takes" "$log" && break
        sleep 0.1
    done
    renewed=$(grep -c "a new producer takes" "$log" || true)
    [ "$renewed" -gt 0 ] && break
done
[ "$renewed" -gt 0 ] || fail "no freeze fell inside a transaction: no producer was renewed, nothing was tested"
note "the producer was renewed after round $round: $(grep "a new producer takes" "$log" | head -1 | cut -c1-200)"
wait "$STREAM_PID" || fail "the input stream failed"
[ "$(end_offset "$EV")" = "$total" ] || fail "produced $(end_offset "$EV") of $total events"
wait_table "$OUT" "$WORK/offline.jsonl" 300 "$pid" "$log"
stop_service "$pid"
agg_compare "$OUT" "$WORK/offline.jsonl" || fail "the table changed after the stop"
echo PASS
