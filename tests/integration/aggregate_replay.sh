#!/usr/bin/env bash
# A replay of the event topic into a fresh group gives the same table: a
# first group aggregates the events into the output topic; a second, new
# group (its own repartition and changelog topics, an empty store) reads
# the event topic from its start and writes every aggregate again into the
# same output topic. The table stays equal to the offline twin's: the
# replay rewrites each aggregate with the same values, counting nothing twice.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/aggregate_lib.sh"

N=${AGG_ARTICLES:-1500}
EV=ev-$RUN_ID OUT=out-$RUN_ID
topics "$EV" 3
agg_events "$N" rp >/dev/null
kcat -b "$B" -P -t "$EV" -l "$WORK/events.jsonl" || fail "producing the events"
agg_offline --retention-days 0
counted=$(python3 -c 'import json,sys; print(sum(json.loads(l)["num_events"] for l in open(sys.argv[1])))' "$WORK/offline.jsonl")
for g in first replay; do
    start_agg -i "$EV" -o "$OUT" -g "$g-$RUN_ID" --create-topics --retention-days 0 \
        --guarantee exactly-once --transactional-id "tx-$g-$RUN_ID" --state-dir "$WORK/state-$g" \
        -X consumer.session.timeout.ms=6000
    pid=$AGG_PID
    wait_table "$OUT" "$WORK/offline.jsonl" 180
    # the replay is done when the topic holds every update twice
    if [ "$g" = replay ]; then
        for _ in $(seq 1 120); do
            [ "$(end_offset_committed "$OUT")" -ge $((2 * counted)) ] && break
            sleep 1
        done
    fi
    kill -TERM "$pid"
    wait "$pid" || fail "the $g run exited $? after SIGTERM"
done
records=$(kcat -b "$B" -C -t "$OUT" -o beginning -e -q -X isolation.level=read_committed | grep -c .)
[ "$records" = $((2 * counted)) ] || fail "the output holds $records updates, not twice the $counted events counted"
agg_compare "$OUT" "$WORK/offline.jsonl" || fail "the table after the replay differs from the offline table"
note "two runs wrote $records updates; the table is the offline table"
echo PASS
