#!/usr/bin/env bash
# Consumers in other services: a Python consumer (confluent-kafka, the
# README's example, tests/integration/consume_events.py) reads the event
# topic from the real broker, checks the CloudEvents headers and validates
# each record against the schema.
. "$(dirname "$0")/lib.sh"

IN=in-$RUN_ID OUT=out-$RUN_ID G=g-$RUN_ID
topics "$IN" 2 "$OUT" 2 "dlq-$RUN_ID" 1
articles_from "$NE_DEV" ce 120 >"$WORK/articles.jsonl"
kcat -b "$B" -P -t "$IN" -l "$WORK/articles.jsonl"
start_service -i "$IN" -o "$OUT" --dead-letter "dlq-$RUN_ID" -g "$G"
wait_committed "$G" "$IN" 120
stop_service "$SVC_PID"
n=$(end_offset "$OUT")
[ "$n" -gt 50 ] || fail "only $n events from 120 articles"
"$PY" "$(dirname "$0")/consume_events.py" "$B" "$OUT" "$NE_SRC/schemas/event.schema.json" 8 \
    >"$WORK/events.txt" 2>"$WORK/summary.txt" || { cat "$WORK/summary.txt" >&2; fail "the Python consumer failed"; }
cat "$WORK/summary.txt"
head -3 "$WORK/events.txt"
[ "$(wc -l <"$WORK/events.txt")" = "$n" ] || fail "the Python consumer read $(wc -l <"$WORK/events.txt") of $n events"
echo PASS
