#!/usr/bin/env bash
# Exactly-once aggregation on a real broker: the events arrive over ~15 s;
# `newsevents aggregate --guarantee exactly-once` is killed with SIGKILL
# twice mid-stream and restarted each time (its state is rebuilt from the
# changelog). The final table must equal the offline twin's: no aggregate
# counts an event twice, none misses one.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/aggregate_lib.sh"

N=${AGG_ARTICLES:-3000}
EV=ev-$RUN_ID OUT=out-$RUN_ID G=g-$RUN_ID
topics "$EV" 3
total=$(agg_events "$N" k9)
agg_offline --retention-days 0
stream_file "$WORK/events.jsonl" "$EV" 60 0.25

eos() {
    start_agg -i "$EV" -o "$OUT" -g "$G" --create-topics --retention-days 0 --guarantee exactly-once \
        --transactional-id "tx-$RUN_ID" --batch 200 --state-dir "$WORK/state" \
        -X consumer.session.timeout.ms=6000
}
prev=0
for round in 1 2; do
    eos
    pid=$AGG_PID
    c=$(committed_at_least "$G" "$EV" $((total * round / 3)))
    kill -9 "$pid"
    wait "$pid" 2>/dev/null || true
    note "round $round: killed with at least $c of $total events committed"
    [ "$c" -gt "$prev" ] || fail "no transaction committed before kill $round; nothing was tested"
    [ "$c" -lt "$total" ] || fail "the input was all done before kill $round"
    prev=$c
done
wait "$STREAM_PID" || fail "the input stream failed"
[ "$(end_offset "$EV")" = "$total" ] || fail "produced $(end_offset "$EV") of $total events"
eos
wait_table "$OUT" "$WORK/offline.jsonl" 300
# the third run restored what the killed ones had committed
restored=$(grep -o "restored state partition [0-9]*: [0-9]* changelog" "$WORK/agg-$AGG_N.log" |
           awk '{s += $5} END {print s + 0}')
[ "$restored" -gt 0 ] || fail "the restart restored no changelog record"
note "the restart restored $restored changelog records"
stop_service "$AGG_PID"
agg_compare "$OUT" "$WORK/offline.jsonl" || fail "the table changed after the stop"
echo PASS
