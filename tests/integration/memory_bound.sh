#!/usr/bin/env bash
# Memory is bounded per process, not only per record: an exactly-once batch
# of 500 records of 2 MiB would hold 1 GiB; the worker pool holds at most
# 64 MiB of records, so the batch is cut by bytes. 160 records of 2 MiB
# (320 MiB) go through with --batch 500; the service's peak resident memory
# must stay far below what the batch would have held.
. "$(dirname "$0")/lib.sh"

N=160
LIMIT_MB=${MEMORY_LIMIT_MB:-300}
if ldd "$NE_BIN" | grep -q libasan; then
    # AddressSanitizer keeps freed memory in a quarantine (256 MB) and adds
    # shadow memory: a small quarantine, and room for the shadow
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=8"
    LIMIT_MB=${MEMORY_LIMIT_MB:-400}
fi
IN=in-$RUN_ID OUT=out-$RUN_ID G=g-$RUN_ID
"$NE_TOPICS" -b "$B" create-config "$IN" 2 max.message.bytes=5000000
topics "$OUT" 2 "dlq-$RUN_ID" 1
"$PY" - "$WORK/big.bin" "$N" <<'PY'
import json, sys
# a 2 MiB article: one long text of plain words (few events, all of it decoded)
words = ("Russia accused Ukraine of shelling the plant near the river on Monday. " * 30000)[: 2 << 20]
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        f.write(json.dumps({"id": "mem-%d" % i, "published": "2023-06-07", "text": words}) + "\x1e")
PY
kcat -b "$B" -P -t "$IN" -D '\x1e' -X message.max.bytes=5000000 -l "$WORK/big.bin"
[ "$(end_offset "$IN")" = "$N" ] || fail "$(end_offset "$IN") input records"
start_service -i "$IN" -o "$OUT" --dead-letter "dlq-$RUN_ID" -g "$G" --guarantee exactly-once \
    --transactional-id "tx-$RUN_ID" --batch 500 -X consumer.fetch.message.max.bytes=5000000
svc=$SVC_PID
peak=0 c=0
# (320 MiB of text: about 2 minutes under ASan on two loaded cores, so the
# wait is a deadline in seconds, not a count of samples)
deadline=$((SECONDS + ${MEMORY_WAIT_S:-600}))
while [ "$SECONDS" -lt "$deadline" ]; do
    kill -0 "$svc" 2>/dev/null || { tail -20 "$WORK/svc-$SVC_N.log" >&2; fail "the service stopped with $c of $N committed"; }
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$svc/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss
    c=$(committed "$G" "$IN" 2>/dev/null || echo 0)
    [ "$c" = "$N" ] && break
    sleep 0.1
done
[ "$c" = "$N" ] || fail "committed $c of $N in ${MEMORY_WAIT_S:-600} s"
stop_service "$svc"
note "exactly-once, --batch 500, $N records of 2 MiB: peak RSS $((peak / 1024)) MB (limit $LIMIT_MB MB)"
[ $((peak / 1024)) -le "$LIMIT_MB" ] || fail "peak RSS $((peak / 1024)) MB"
echo PASS
