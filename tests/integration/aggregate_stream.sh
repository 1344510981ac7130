#!/usr/bin/env bash
# The aggregate stage on a real broker equals its offline twin: the same
# events (with repeated event ids) through `newsevents aggregate -b` give
# the same table as `newsevents aggregate -i FILE`, every aggregate equal
# (counts, dates, samples, labels). Twice: exactly-once with the default
# key, and at-least-once with --code root --actor country --date-precision
# month. Every record validates against schemas/aggregate.schema.json. The
# state metrics are served and say what was counted. A restart
# on the same store starts from its checkpoint and dedups all it saw.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/aggregate_lib.sh"

N=${AGG_ARTICLES:-1500}
EV=ev-$RUN_ID
topics "$EV" 3
events=$(agg_events "$N" agg)
note "$events events (every tenth twice) from $N articles"
kcat -b "$B" -P -t "$EV" -l "$WORK/events.jsonl" || fail "producing the events"

# 1. exactly-once, the default key
agg_offline --retention-days 0
start_agg -i "$EV" -o "out1-$RUN_ID" -g "g1-$RUN_ID" --create-topics --retention-days 0 \
    --guarantee exactly-once --transactional-id "tx1-$RUN_ID" --state-dir "$WORK/state1" \
    -X consumer.session.timeout.ms=6000
pid=$AGG_PID
wait_table "out1-$RUN_ID" "$WORK/offline.jsonl" 180
kill -TERM "$pid"
wait "$pid" || fail "the service exited $? after SIGTERM"
grep -q "duplicate ids" "$WORK/agg-$AGG_N.log" || fail "no closing counts in the log"
dups=$(grep -o "[0-9]* duplicate ids" "$WORK/agg-$AGG_N.log" | tail -1 | grep -o "^[0-9]*")
[ "$dups" = "$(cat "$WORK/repeats")" ] || fail "$(cat "$WORK/repeats") repeated event ids sent, $dups seen as duplicates"
note "exactly-once: equal to the offline table; $dups repeated event ids not counted"
# every record of the output and of the offline table is valid against the aggregate schema
"$PY" - "$NE_SRC/schemas/aggregate.schema.json" "$WORK/table-out1-$RUN_ID.json" "$WORK/offline.jsonl" <<'PY' ||
import json, sys
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
v = Draft202012Validator(schema)
n = 0
for line in open(sys.argv[2]):
    rec = json.loads(json.loads(line)["payload"])
    errs = list(v.iter_errors(rec))
    assert not errs, "output record invalid: %s" % errs[0].message
    n += 1
for line in open(sys.argv[3]):
    errs = list(v.iter_errors(json.loads(line)))
    assert not errs, "offline record invalid: %s" % errs[0].message
    n += 1
print("%d aggregate records valid against %s" % (n, schema["$id"]))
PY
    fail "aggregate records do not validate against schemas/aggregate.schema.json"
# the same table again from what is in the topic once the service is gone
agg_compare "out1-$RUN_ID" "$WORK/offline.jsonl" >/dev/null || fail "the table changed after the stop"

# a restart on the same store starts from its checkpoint (nothing to read
# again), and still knows every event id: the same events sent once more
# are all duplicates, and the table does not change
start_agg -i "$EV" -o "out1-$RUN_ID" -g "g1-$RUN_ID" --retention-days 0 \
    --guarantee exactly-once --transactional-id "tx1-$RUN_ID" --state-dir "$WORK/state1" \
    -X consumer.session.timeout.ms=6000
pid=$AGG_PID
kcat -b "$B" -P -t "$EV" -l "$WORK/events.jsonl" || fail "producing the events again"
for _ in $(seq 1 240); do
    c=$(committed "g1-$RUN_ID" "$EV" 2>/dev/null || echo 0)
    [ "$c" -ge $((2 * events)) ] && break
    sleep 0.5
done
[ "$c" -ge $((2 * events)) ] || fail "the restarted service committed $c of $((2 * events)) input records"
sleep 3 # the last repartitioned records
kill -TERM "$pid"
wait "$pid" || fail "the restarted service exited $? after SIGTERM"
log=$WORK/agg-$AGG_N.log
grep -q "from the store's checkpoint" "$log" || fail "the restart did not start from the checkpoint: $(grep restored "$log")"
reread=$(grep -o "restored state partition [0-9]*: [0-9]* changelog" "$log" | awk '{s += $5} END {print s + 0}')
[ "$reread" = 0 ] || fail "the restart read $reread changelog records again"
dups=$(grep -o "[0-9]* duplicate ids" "$log" | tail -1 | grep -o "^[0-9]*")
counted=$(grep -o "events: [0-9]* counted" "$log" | tail -1 | grep -o "[0-9]* counted" | grep -o "^[0-9]*")
[ "$counted" = 0 ] && [ "$dups" = "$events" ] || fail "the same events again: $counted counted, $dups duplicates of $events"
agg_compare "out1-$RUN_ID" "$WORK/offline.jsonl" || fail "the table changed when the events came again"
note "restart from the checkpoint: 0 changelog records read again; the $events events sent again were all duplicates"

# 2. at-least-once, another key
agg_offline --retention-days 0 --code root --actor country --date-precision month
grep -q '"precision":"month"' "$WORK/offline.jsonl" || fail "no month aggregates with --date-precision month"
grep -q '"precision":"year"' "$WORK/offline.jsonl" || fail "a year-dated event should stay a year aggregate"
port=$((20000 + RANDOM % 20000))
start_agg -i "$EV" -o "out2-$RUN_ID" -g "g2-$RUN_ID" --create-topics --retention-days 0 \
    --code root --actor country --date-precision month --state-dir "$WORK/state2" \
    --metrics-port "$port" -X consumer.session.timeout.ms=6000
pid=$AGG_PID
wait_table "out2-$RUN_ID" "$WORK/offline.jsonl" 180
rows=$(wc -l <"$WORK/offline.jsonl")
# the topic holds the events twice now (the restart above): the table is
# complete after the first copy; the metrics are looked at once all is read
# (and every second copy seen as a duplicate), refreshed every second
want_dups=$(($(cat "$WORK/repeats") + events))
for _ in $(seq 1 240); do
    c=$(committed "g2-$RUN_ID" "$EV" 2>/dev/null || echo 0)
    [ "$c" -ge $((2 * events)) ] && break
    sleep 0.5
done
for _ in $(seq 1 60); do
    m=$(curl -fsS "http://127.0.0.1:$port/metrics") || fail "no metrics on port $port"
    dups=$(echo "$m" | awk '/^newsevents_aggregate_duplicate_events_total /{print $2}')
    [ "${dups:-0}" -ge "$want_dups" ] && break
    sleep 0.5
done
entries=$(echo "$m" | awk '/^newsevents_aggregate_state_entries /{print $2}')
for name in newsevents_aggregate_state_entries newsevents_aggregate_restore_records_total \
            newsevents_aggregate_restore_seconds_total newsevents_aggregates_emitted_total \
            newsevents_aggregate_late_events_total newsevents_aggregate_duplicate_events_total; do
    echo "$m" | grep -q "^$name " || fail "metric $name missing"
done
emitted=$(echo "$m" | awk '/^newsevents_aggregates_emitted_total /{print $2}')
# the store holds every aggregate and every event id it counted, at least
[ "$entries" -ge "$rows" ] || fail "state entries $entries < $rows aggregates"
[ "$emitted" -ge "$rows" ] || fail "emitted $emitted < $rows aggregates"
[ "$dups" = "$want_dups" ] || fail "the metrics count $dups duplicates, $want_dups were sent"
# each event counted once: one update emitted per counted event
[ "$emitted" = "$(python3 -c 'import json,sys; print(sum(json.loads(l)["num_events"] for l in open(sys.argv[1])))' "$WORK/offline.jsonl")" ] ||
    fail "$emitted updates emitted, not one per event counted"
agg_compare "out2-$RUN_ID" "$WORK/offline.jsonl" >/dev/null || fail "the table changed while the second copy was read"
note "at-least-once (root, country, month): equal; metrics: $entries state entries, $emitted updates emitted"
kill -TERM "$pid"
wait "$pid" || fail "the service exited $? after SIGTERM"
echo PASS
