#!/usr/bin/env bash
# Exactly-once through a 90 s broker outage that begins in the middle of a
# transaction (a backlog keeps the service in transactions all the time).
# librdkafka's documented pattern: a retriable error (a timed-out commit,
# offsets that cannot be sent yet) is retried, an abortable one aborts and
# the batch is done again, only a fatal one stops the service. The outage is
# longer than the transaction timeout (60 s): when the coordinator comes back
# and expires the open transaction before the producer's abort reaches it,
# it fences the producer, and the service renews its producer and does the
# batch again (which of the two happens first is a race). When the outage
# began before the transaction's partitions reached the coordinator, the
# coordinator has no open transaction and answers the abort with
# INVALID_TXN_STATE (fatal): the producer is renewed too. The service must
# live through it, and a read_committed consumer must then see every
# expected event once: 0 missing, 0 duplicated.
. "$(dirname "$0")/lib.sh"

PAUSE=${EOS_PAUSE_SECONDS:-90}
N=${EOS_PAUSE_ARTICLES:-60000}
PAUSED=0
trap '[ "$PAUSED" = 1 ] && "$NE_SRC/tests/broker/kafka.sh" resume "$NE_BROKER_DIR" >/dev/null 2>&1; cleanup' EXIT
IN=in-$RUN_ID OUT=out-$RUN_ID G=g-$RUN_ID
topics "$IN" 3 "$OUT" 3 "dlq-$RUN_ID" 1
articles_from "$NE_DEV" pause "$N" >"$WORK/articles.jsonl"
"$NE_BIN" extract <"$WORK/articles.jsonl" >"$WORK/expected.jsonl" 2>/dev/null
kcat -b "$B" -P -t "$IN" -l "$WORK/articles.jsonl"
start_service -i "$IN" -o "$OUT" --dead-letter "dlq-$RUN_ID" -g "$G" --guarantee exactly-once \
    --transactional-id "tx-$RUN_ID" --batch 500
svc=$SVC_PID log=$WORK/svc-$SVC_N.log
# the first transactions are through: the service is busy with the backlog
for _ in $(seq 1 300); do [ "$(end_offset "$OUT")" -gt 1000 ] && break; sleep 0.1; done
[ "$(end_offset "$OUT")" -gt 1000 ] || fail "no output before the outage"
note "stopping the broker for ${PAUSE}s with $(end_offset "$OUT") records out"
PAUSED=1
"$NE_SRC/tests/broker/kafka.sh" pause "$NE_BROKER_DIR"
sleep "$PAUSE"
kill -0 "$svc" 2>/dev/null || { tail -20 "$log" >&2; fail "the service died during the outage"; }
"$NE_SRC/tests/broker/kafka.sh" resume "$NE_BROKER_DIR" >/dev/null
PAUSED=0
note "broker back"
wait_committed "$G" "$IN" 300 "$svc" "$log"
kill -0 "$svc" 2>/dev/null || { tail -20 "$log" >&2; fail "the service died after the outage"; }
stop_service "$svc"
note "the service through the outage: $(grep -c 'transaction aborted' "$log" || true) transaction(s) aborted and done again, $(grep -c 'retrying' "$log" || true) retry line(s), $(grep -c 'a new producer takes' "$log" || true) producer(s) renewed after a fatal error of the coordinator (an expired transaction fenced, or none to abort)"
wait_stable "$OUT"
kcat -b "$B" -C -t "$OUT" -o beginning -e -q -X isolation.level=read_committed -f '%s\n' >"$WORK/out.jsonl"
"$PY" - "$WORK/expected.jsonl" "$WORK/out.jsonl" "$PAUSE" <<'PY'
import json, sys
from collections import Counter
exp = set(json.loads(l)["event_id"] for l in open(sys.argv[1]))
got = Counter(json.loads(l)["event_id"] for l in open(sys.argv[2]))
missing = len(exp - set(got))
dups = sum(c - 1 for c in got.values() if c > 1)
print("exactly-once, broker down %ss mid-transaction: expected %d events, read_committed %d: "
      "missing %d, duplicated %d" % (sys.argv[3], len(exp), sum(got.values()), missing, dups))
assert missing == 0 and dups == 0
PY
echo PASS
