#!/usr/bin/env bash
# Exactly-once when the transaction coordinator fences the producer, a fatal
# error (librdkafka's mock cluster answers EndTxn with PRODUCER_FENCED):
#  1. the transaction was older than transaction.timeout.ms (every answer of
#     the cluster delayed 1.5 s, the timeout 4 s): what a coordinator
#     does to a transaction it expired during an outage, so the service
#     renews its producer with the same transactional id, does the batch
#     again, and codes the rest of the input;
#  2. a transaction fenced young: another instance holds the transactional
#     id, so the service stops (exit 1) and says what to do;
#  3. an abort answered INVALID_TXN_STATE (fatal: the coordinator has no
#     open transaction of the producer, as after an outage that began
#     before the transaction's partitions reached it): the producer is
#     renewed and the batch done again.
# (The mock writes no transaction markers and keeps no transactional
# offsets: what is checked here is that nothing is missing from the output;
# exactly-once itself is proven on the real broker: exactly_once, eos_pause.)
. "$(dirname "$0")/lib.sh"

start_mock 1
IN=in-$RUN_ID OUT=out-$RUN_ID DLQ=dlq-$RUN_ID
mock topic "$IN" 1; mock topic "$OUT" 1; mock topic "$DLQ" 1
articles_from "$NE_DEV" ef 1500 >"$WORK/articles.jsonl"
"$NE_BIN" extract <"$WORK/articles.jsonl" >"$WORK/expected.jsonl" 2>/dev/null
B=$MOCK_B # (stream_file writes to $B)
args=(-b "$MOCK_B" -i "$IN" -o "$OUT" --dead-letter "$DLQ" --guarantee exactly-once --batch 50
      -X transaction.timeout.ms=4000 -X message.timeout.ms=3000)

# 1. an expired transaction fenced: renewed, and the whole input coded
stream_file "$WORK/articles.jsonl" "$IN" 30 0.5
start_service "${args[@]}" -g "g1-$RUN_ID" --transactional-id "t1-$RUN_ID"
svc=$SVC_PID log=$WORK/svc-$SVC_N.log
for _ in $(seq 1 200); do grep -q "assigned 1 partition" "$log" && break; sleep 0.1; done
for _ in $(seq 1 200); do
    [ "$(kcat -b "$MOCK_B" -C -t "$OUT" -o beginning -e -q -f '.\n' 2>/dev/null | wc -l)" -gt 0 ] && break
    sleep 0.1
done
# every answer 1.5 s late: a transaction now takes longer than its 4 s
# timeout (it is aborted as expired, and done again); 8 s on, the ones that
# began before are over, and the next EndTxn, of a transaction older than
# its timeout, is answered PRODUCER_FENCED
mock rtt 1 1500
sleep 8
mock error-list 26 90
for _ in $(seq 1 600); do grep -q "a new producer takes" "$log" && break; sleep 0.1; done
mock rtt 1 0
grep -q "a new producer takes the transactional id t1-$RUN_ID" "$log" ||
    { tail -20 "$log" >&2; fail "no producer was renewed after the fenced expired transaction"; }
wait "$STREAM_PID" || fail "the input stream failed"
kcat -b "$MOCK_B" -C -t "$OUT" -o beginning -e -q -f '%k\n' >"$WORK/got.txt" 2>/dev/null
for _ in $(seq 1 120); do
    missing=$("$PY" - "$WORK/expected.jsonl" "$WORK/got.txt" <<'PY'
import json, sys
exp = {json.loads(l)["event_id"] for l in open(sys.argv[1])}
got = {l.strip() for l in open(sys.argv[2])}
print(len(exp - got))
PY
)
    [ "$missing" = 0 ] && break
    sleep 0.5
    kcat -b "$MOCK_B" -C -t "$OUT" -o beginning -e -q -f '%k\n' >"$WORK/got.txt" 2>/dev/null
done
kill -0 "$svc" 2>/dev/null || { tail -20 "$log" >&2; fail "the service stopped after the fence"; }
note "expired transaction fenced: $(grep -m1 -o 'Fatal error: [^:]*: [^:]*' "$log" || true); producer renewed; $missing of $(wc -l <"$WORK/expected.jsonl") events missing"
[ "$missing" = 0 ] || fail "$missing events missing after the renewal"
stop_service "$svc"

# 2. a young transaction fenced: another instance has the id; stop and say so
mock errors 26 1 90
"$NE_BIN" run "${args[@]}" -g "g2-$RUN_ID" --transactional-id "t2-$RUN_ID" >"$WORK/young.log" 2>&1 &
young=$!
PIDS+=("$young")
rc=0
for _ in $(seq 1 600); do kill -0 "$young" 2>/dev/null || break; sleep 0.1; done
kill -0 "$young" 2>/dev/null && { kill -9 "$young"; fail "the service fenced on a young transaction did not stop"; }
wait "$young" || rc=$?
note "young transaction fenced: exit $rc: $(grep -m1 -o 'another instance started[^:]*' "$WORK/young.log" || true)"
[ "$rc" = 1 ] || { tail -10 "$WORK/young.log" >&2; fail "exit $rc (expected 1)"; }
grep -q "another instance started with the transactional id t2-$RUN_ID" "$WORK/young.log" ||
    { tail -10 "$WORK/young.log" >&2; fail "no hint about the other instance"; }
grep -q "a new producer takes" "$WORK/young.log" && fail "a young transaction's fence renewed the producer"
# 3. the abort of a failed transaction answered INVALID_TXN_STATE: renewed
IN3=in3-$RUN_ID OUT3=out3-$RUN_ID # (a new output: case 1 wrote the same events)
mock topic "$IN3" 1; mock topic "$OUT3" 1
a3=("${args[@]/#$IN/$IN3}"); a3=("${a3[@]/#$OUT/$OUT3}")
head -200 "$WORK/articles.jsonl" >"$WORK/a3.jsonl"
"$NE_BIN" extract <"$WORK/a3.jsonl" >"$WORK/expected3.jsonl" 2>/dev/null
kcat -b "$MOCK_B" -P -t "$IN3" -l "$WORK/a3.jsonl"
# the input is in, no transaction open: the next produce request (the
# service's first) is refused (POLICY_VIOLATION, a delivery failure: the
# transaction must abort), and the abort's EndTxn is answered
# INVALID_TXN_STATE
mock errors 0 1 44
mock errors 26 1 48
start_service "${a3[@]}" -g "g3-$RUN_ID" --transactional-id "t3-$RUN_ID"
svc=$SVC_PID log=$WORK/svc-$SVC_N.log
for _ in $(seq 1 300); do grep -q "a new producer takes" "$log" && break; sleep 0.1; done
grep -q "a new producer takes the transactional id t3-$RUN_ID.*INVALID_TXN_STATE\|a new producer takes the transactional id t3-$RUN_ID.*invalid state" "$log" ||
    { tail -20 "$log" >&2; fail "no producer was renewed after the abort answered INVALID_TXN_STATE"; }
for _ in $(seq 1 120); do
    kcat -b "$MOCK_B" -C -t "$OUT3" -o beginning -e -q -f '%k\n' >"$WORK/got3.txt" 2>/dev/null
    missing=$("$PY" - "$WORK/expected3.jsonl" "$WORK/got3.txt" <<'PY'
import json, sys
exp = {json.loads(l)["event_id"] for l in open(sys.argv[1])}
got = {l.strip() for l in open(sys.argv[2])}
print(len(exp - got))
PY
)
    [ "$missing" = 0 ] && break
    sleep 0.5
done
kill -0 "$svc" 2>/dev/null || { tail -20 "$log" >&2; fail "the service stopped after INVALID_TXN_STATE"; }
note "abort answered INVALID_TXN_STATE: producer renewed; $missing of $(wc -l <"$WORK/expected3.jsonl") events missing"
[ "$missing" = 0 ] || fail "$missing events missing after the renewal"
stop_service "$svc"
echo PASS
