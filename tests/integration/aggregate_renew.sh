#!/usr/bin/env bash
# The exactly-once aggregate service after a fatal error a new producer
# recovers from: a produce request refused (POLICY_VIOLATION, the
# transaction must abort) and the abort answered INVALID_TXN_STATE (the
# coordinator holds no open transaction of the producer, as after an outage
# that began before the transaction reached it). The service renews its
# producer, does the batch again, and every aggregate of the offline twin
# reaches the output. librdkafka's mock cluster: it injects the errors, but
# writes no transaction markers, so aborted records stay visible there and
# may count twice; no aggregate may count fewer events than offline.
# (Exactly-once itself is proven on the real broker: aggregate_kill9.)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/aggregate_lib.sh"

start_mock 1
B=$MOCK_B # (the helpers read $B)
EV=ev-$RUN_ID OUT=out-$RUN_ID
mock topic "$EV" 1
total=$(agg_events 600 ar)
kcat -b "$B" -P -t "$EV" -l "$WORK/events.jsonl"
agg_offline --retention-days 0
# the input is in, nothing open: the service's first produce request is
# refused, and the abort that follows is answered INVALID_TXN_STATE
mock errors 0 1 44
mock errors 26 1 48
start_agg -i "$EV" -o "$OUT" -g "g-$RUN_ID" --create-topics --guarantee exactly-once \
    --transactional-id "t-$RUN_ID" --retention-days 0 --state-dir "$WORK/state"
pid=$AGG_PID log=$WORK/agg-$AGG_N.log
for _ in $(seq 1 300); do grep -q "a new producer takes" "$log" && break; sleep 0.1; done
grep -q "a new producer takes the transactional id t-$RUN_ID.*invalid state" "$log" ||
    { grep -v "delivery to" "$log" | tail -20 >&2; fail "no producer was renewed after the abort answered INVALID_TXN_STATE"; }
short=-1
for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || { grep -v "delivery to" "$log" | tail -20 >&2; fail "the service stopped after the renewal"; }
    kcat -b "$B" -C -t "$OUT" -o beginning -e -q -J >"$WORK/table.json" 2>/dev/null || true
    short=$(python3 - "$WORK/offline.jsonl" "$WORK/table.json" <<'PY'
import json, sys
exp = {json.loads(l)["key"]: json.loads(l)["num_events"] for l in open(sys.argv[1])}
got = {}
for l in open(sys.argv[2]):
    env = json.loads(l)
    if env.get("payload"):
        a = json.loads(env["payload"])
        got[a["key"]] = a["num_events"]
print(sum(1 for k, n in exp.items() if got.get(k, 0) < n))
PY
)
    [ "$short" = 0 ] && break
    sleep 0.5
done
note "abort answered INVALID_TXN_STATE: producer renewed; $short of $(wc -l <"$WORK/offline.jsonl") aggregates short of the offline table ($total events)"
[ "$short" = 0 ] || fail "$short aggregates short after the renewal"
kill -TERM "$pid"
wait "$pid" || fail "the service did not stop cleanly"
echo PASS
