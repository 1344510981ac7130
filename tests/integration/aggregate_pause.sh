#!/usr/bin/env bash
# The exactly-once aggregate service when the coordinator expires its open
# transaction: the service is frozen (SIGSTOP) for longer than its
# transaction timeout (10 s here) while events arrive, so the coordinator
# aborts the transaction and fences the producer's epoch. Thawed, the
# service meets the fence (or first its own messages' timeout), renews its
# producer or aborts, rolls its store back and does the batch again; the
# final table must equal the offline twin's.
# A renewal once stopped the service instead: its check of whether the
# ended transaction had been committed after all read the group's offset of
# the repartition topic, which points at the transaction marker just before
# the batch's first record, as a commit. A freeze may fall between two
# transactions (then nothing expires): the test freezes the service up to
# four times until one of the two recoveries happens, and fails if none did
# or if the service stops.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/aggregate_lib.sh"

FREEZE=${AGG_FREEZE_SECONDS:-22}

# recovery LOG LINE: the way the service recovered from a frozen transaction,
# logged after line LINE of its log. Which one happens depends on who notices
# first: librdkafka's own message timeout (capped at the transaction timeout)
# fails the batch with an abortable error, and the service aborts and redoes
# it; or the coordinator has already fenced the epoch, and the service renews
# its producer. Both must end in the offline twin's table.
recovery() {
    local l
    l=$(tail -n +"$(($2 + 1))" "$1" | grep -m1 -e "a new producer takes" -e "transaction aborted") || return 1
    case $l in
        *"a new producer takes"*) echo "the producer was renewed: $(echo "$l" | cut -c1-160)" ;;
        *) echo "the transaction was aborted and the batch redone: $(echo "$l" | cut -c1-160)" ;;
    esac
}
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
recovered=0
for round in 1 2 3 4; do
    c=$(committed_at_least "$G" "$EV" $((total * round / 10)) 600)
    [ "$c" -lt "$total" ] || break
    note "freezing the service for ${FREEZE}s with at least $c of $total events committed"
    before=$(wc -l <"$log")
    kill -STOP "$pid"
    sleep "$FREEZE"
    kill -CONT "$pid"
    for _ in $(seq 1 100); do
        recovery "$log" "$before" >/dev/null && break
        if ! kill -0 "$pid" 2>/dev/null; then
            grep -v "delivery to" "$log" | tail -20 >&2
            fail "the service stopped after the freeze"
        fi
        sleep 0.1
    done
    if r=$(recovery "$log" "$before"); then
        recovered=1
        note "round $round: $r"
        break
    fi
done
[ "$recovered" = 1 ] || fail "no freeze fell inside a transaction: nothing was aborted or renewed, nothing was tested"
wait "$STREAM_PID" || fail "the input stream failed"
[ "$(end_offset "$EV")" = "$total" ] || fail "produced $(end_offset "$EV") of $total events"
wait_table "$OUT" "$WORK/offline.jsonl" 300 "$pid" "$log"
stop_service "$pid"
agg_compare "$OUT" "$WORK/offline.jsonl" || fail "the table changed after the stop"
echo PASS
