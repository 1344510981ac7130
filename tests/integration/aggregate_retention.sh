#!/usr/bin/env bash
# Retention in event time on a real broker: 60,000 synthetic events over
# 90 days (bench/make-events.py: dates rising, one in ten up to three days
# early, repeated ids) already in a 3-partition topic, whose partitions kcat
# fills unevenly. With --retention-days 5 the stream drops state as event
# time moves on; aligned in event time, it reads no event as late, and its
# table equals the offline twin's (which purges the same way); its state
# stays bounded by the retention. With --final-grace-days 4, each day gets
# a final record once the watermark is 4 days past it: the same days in the
# stream as offline (the tables compare the "final" flags too).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/aggregate_lib.sh"

EV=ev-$RUN_ID OUT=out-$RUN_ID
topics "$EV" 3
python3 "$NE_SRC/bench/make-events.py" "$WORK/events.jsonl" "${AGG_EVENTS:-60000}" 90
kcat -b "$B" -P -t "$EV" -l "$WORK/events.jsonl" || fail "producing the events"
agg_offline --retention-days 5 --final-grace-days 4
grep -q " 0 late" "$WORK/offline.log" || fail "the offline twin found late events: $(tail -1 "$WORK/offline.log")"
purged=$(grep -o "[0-9]* aggregates purged" "$WORK/offline.log" | grep -o "^[0-9]*")
[ "$purged" -gt 0 ] || fail "nothing was past the retention: nothing tested"
port=$((20000 + RANDOM % 20000))
finals=$(grep -c '"final":true' "$WORK/offline.jsonl" || true)
[ "$finals" -gt 0 ] || fail "the offline twin closed no day"
start_agg -i "$EV" -o "$OUT" -g "g-$RUN_ID" --create-topics --retention-days 5 --final-grace-days 4 \
    --guarantee exactly-once \
    --transactional-id "tx-$RUN_ID" --batch 1000 --state-dir "$WORK/state" --metrics-port "$port"
pid=$AGG_PID
wait_table "$OUT" "$WORK/offline.jsonl" 300
sleep 1.5 # the metrics are refreshed every second
m=$(curl -fsS "http://127.0.0.1:$port/metrics") || fail "no metrics"
late=$(echo "$m" | awk '/^newsevents_aggregate_late_events_total /{print $2}')
entries=$(echo "$m" | awk '/^newsevents_aggregate_state_entries /{print $2}')
total=$(wc -l <"$WORK/events.jsonl")
[ "$late" = 0 ] || fail "$late events were late"
# the store keeps a few days of ids (2 to 3 entries per event: its id, the
# aggregate, the article and source when new), not the 90 days' worth
[ "$entries" -gt 0 ] && [ "$entries" -lt "$total" ] || fail "$entries state entries for $total events: not bounded by the retention"
kill -TERM "$pid"
wait "$pid" || fail "the service exited $? after SIGTERM"
note "$total events, $purged aggregates purged and $finals closed (final records) offline; stream: the same table, 0 late, $entries state entries at the end"
echo PASS
