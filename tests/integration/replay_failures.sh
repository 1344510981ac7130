#!/usr/bin/env bash
# A replay whose output fails does not pretend it succeeded (librdkafka's
# mock cluster injects the errors a real broker gives rarely):
#  1. produce requests refused (MSG_SIZE_TOO_LARGE): the replay exits 1 and
#     --commit commits nothing;
#  2. a partition whose offset for --from TIME cannot be found (the request
#     refused): the replay exits 1 and names the topic, instead of skipping
#     the partition as if it had nothing after that time. (librdkafka 2.0.2
#     reports a refused request for the whole call; an error the broker
#     gives one partition in an answer takes the same exit, see replay.c.)
. "$(dirname "$0")/lib.sh"

start_mock 2
IN=in-$RUN_ID OUT=out-$RUN_ID DLQ=dlq-$RUN_ID G=g-$RUN_ID
mock topic "$IN" 2; mock topic "$OUT" 2; mock topic "$DLQ" 1
articles_from "$NE_DEV" rf 445 >"$WORK/articles.jsonl"
kcat -b "$MOCK_B" -P -t "$IN" -l "$WORK/articles.jsonl"
IN2=in2-$RUN_ID
mock topic "$IN2" 2
mock leader "$IN2" 0 1; mock leader "$IN2" 1 2
kcat -b "$MOCK_B" -P -t "$IN2" -l "$WORK/articles.jsonl"
"$NE_BIN" extract <"$WORK/articles.jsonl" >"$WORK/expected.jsonl" 2>/dev/null

# 1. the next 30 produce requests fail for good (10: MSG_SIZE_TOO_LARGE)
mock errors 0 30 10
rc=0
timeout 120 "$NE_BIN" replay -b "$MOCK_B" -i "$IN" -o "$OUT" --dead-letter "$DLQ" -g "$G" --commit \
    --progress none 2>"$WORK/r1.log" || rc=$?
out=$(kcat -b "$MOCK_B" -C -t "$OUT" -o beginning -e -q -f '%o\n' | wc -l)
c=$("$NE_TOPICS" -b "$MOCK_B" committed "$G" "$IN" 2>/dev/null || echo 0)
failed=$(grep -c "delivery to $OUT failed" "$WORK/r1.log" || true)
note "produce refused: exit $rc, $failed failed deliveries logged, $out of $(wc -l <"$WORK/expected.jsonl") events out, $c offsets committed"
[ "$rc" = 1 ] || { tail -5 "$WORK/r1.log" >&2; fail "replay exited $rc with failed deliveries"; }
[ "$failed" -gt 0 ] || fail "no failed delivery was seen: the injection did not work"
[ "$c" = 0 ] || fail "replay committed $c offsets although deliveries failed"
grep -q "nothing committed" "$WORK/r1.log" || fail "no message saying nothing was committed"
mock clear 0

# 2. --from TIME, the offsets request refused (29: TOPIC_AUTHORIZATION_FAILED);
#    for the partition that leads on broker 2: its two watermark requests
#    (ListOffsets, API 2) pass, the third, for the time, fails, while the
#    other partition's answer is fine
mock broker-errors 2 2 0 0 29
rc=0
timeout 120 "$NE_BIN" replay -b "$MOCK_B" -i "$IN2" -o "$OUT" --dead-letter "$DLQ" \
    --from 2024-01-01T00:00:00Z --progress none 2>"$WORK/r2.log" || rc=$?
note "offsets for a time refused: exit $rc: $(grep -m1 'offsets for time' "$WORK/r2.log" | cut -c31-)"
[ "$rc" = 1 ] || { tail -5 "$WORK/r2.log" >&2; fail "replay exited $rc when a partition's start could not be found"; }
grep -q "offsets for time in $IN2" "$WORK/r2.log" || fail "the error does not name the topic: $(tail -2 "$WORK/r2.log")"
echo PASS
