#!/usr/bin/env bash
# Two instances of `newsevents aggregate` (exactly-once, each with its own
# transactional id and store) share the work while the events arrive; one
# is stopped mid-stream, and the other takes its partitions over, state
# included (restored from the changelog). The final table equals the
# offline twin's.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/aggregate_lib.sh"

N=${AGG_ARTICLES:-3000}
EV=ev-$RUN_ID OUT=out-$RUN_ID G=g-$RUN_ID
topics "$EV" 4
total=$(agg_events "$N" ho)
agg_offline --retention-days 0
stream_file "$WORK/events.jsonl" "$EV" 60 0.25

instance() {
    start_agg -i "$EV" -o "$OUT" -g "$G" --create-topics --retention-days 0 --guarantee exactly-once \
        --transactional-id "tx-$1-$RUN_ID" --batch 200 --state-dir "$WORK/state-$1" \
        -X consumer.session.timeout.ms=6000
}
instance a
a=$AGG_PID a_log=$WORK/agg-$AGG_N.log
sleep 2
instance b
b=$AGG_PID b_log=$WORK/agg-$AGG_N.log
# both hold partitions, then A goes while events still arrive
for _ in $(seq 1 600); do
    [ "$(holding "$a_log")" -gt 0 ] && [ "$(holding "$b_log")" -gt 0 ] && break
    sleep 0.1
done
[ "$(holding "$a_log")" -gt 0 ] && [ "$(holding "$b_log")" -gt 0 ] || fail "the two instances did not share the partitions"
c=$(committed_at_least "$G" "$EV" $((total / 2)))
[ "$c" -lt "$total" ] || fail "the input was all done before the handover"
kill -TERM "$a"
wait "$a" || fail "instance A exited $? after SIGTERM"
note "instance A stopped with at least $c of $total events committed"
grep -q "counted" "$a_log" || fail "instance A logged no counts"
a_counted=$(grep -o "[0-9]* counted" "$a_log" | tail -1 | grep -o "^[0-9]*")
[ "$a_counted" -gt 0 ] || fail "instance A counted nothing before it stopped; nothing was handed over"
wait "$STREAM_PID" || fail "the input stream failed"
wait_table "$OUT" "$WORK/offline.jsonl" 300
restored=$(grep -o "restored state partition [0-9]*: [0-9]* changelog" "$b_log" | awk '{s += $5} END {print s + 0}')
[ "$restored" -gt 0 ] || fail "instance B restored no changelog record: nothing was handed over"
note "A counted $a_counted events before it stopped; B restored $restored changelog records"
kill -TERM "$b"
wait "$b" || fail "instance B exited $? after SIGTERM"
echo PASS
