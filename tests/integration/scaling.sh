#!/usr/bin/env bash
# Scaling out on a real broker: two instances in one consumer group over a
# 6-partition topic share the partitions (cooperative-sticky, or KIP-848's
# broker-side assignment with GROUP_PROTOCOL=consumer); stopping one
# moves its partitions to the other with nothing lost. The instances run
# with --threads 3: each source partition's events must leave in the
# order of their source offsets.
. "$(dirname "$0")/lib.sh"

N=${SCALE_ARTICLES:-20000}
IN=in-$RUN_ID OUT=out-$RUN_ID G=g-$RUN_ID
topics "$IN" 6 "$OUT" 6 "dlq-$RUN_ID" 1
articles_from "$NE_DEV" sc "$N" >"$WORK/articles.jsonl"
"$NE_BIN" extract <"$WORK/articles.jsonl" >"$WORK/expected.jsonl" 2>/dev/null
expected=$(wc -l <"$WORK/expected.jsonl")
common=(-i "$IN" -o "$OUT" --dead-letter "dlq-$RUN_ID" -g "$G" --threads 3)
# GROUP_PROTOCOL=consumer: the KIP-848 protocol (tests/integration/group_protocol.sh),
# where the broker owns the session timeout and the assignment
if [ "${GROUP_PROTOCOL:-classic}" = consumer ]; then
    common+=(-X group.protocol=consumer)
else
    common+=(-X consumer.session.timeout.ms=6000)
fi
start_service "${common[@]}"
a=$SVC_PID; alog=$WORK/svc-$SVC_N.log
start_service "${common[@]}"
b=$SVC_PID; blog=$WORK/svc-$SVC_N.log
# both instances hold partitions before any input arrives
for _ in $(seq 1 120); do
    pa=$(holding "$alog"); pb=$(holding "$blog")
    [ "$pa" -ge 1 ] && [ "$pb" -ge 1 ] && [ $((pa + pb)) = 6 ] && break
    sleep 0.25
done
note "instance A holds $pa partition(s), instance B $pb"
[ "$pa" -ge 1 ] && [ "$pb" -ge 1 ] && [ $((pa + pb)) = 6 ] || fail "the two instances do not share the 6 partitions ($pa/$pb)"
# the stream: twenty chunks, a quarter of a second apart
stream_file "$WORK/articles.jsonl" "$IN" 20 0.25
writer=$STREAM_PID
# stop instance A a third of the way in: its partitions move to B
for _ in $(seq 1 600); do
    [ "$(end_offset "$IN")" -ge $((N / 3)) ] && break
    sleep 0.05
done
blines=$(wc -l <"$blog")
kill -TERM "$a"; wait "$a" || fail "instance A exited non-zero on SIGTERM"
at_stop=$(end_offset "$IN")
note "stopped instance A with $at_stop of $N articles written"
[ "$at_stop" -lt "$N" ] || fail "the stream had ended before A stopped; nothing was tested"
wait "$writer"
total=$(end_offset "$IN")
for _ in $(seq 1 120); do [ "$(holding "$blog")" = 6 ] && break; sleep 0.25; done
wait_committed "$G" "$IN" 300
[ "$(holding "$blog")" = 6 ] || fail "B holds $(holding "$blog") partitions after A stopped, not 6"
# cooperative-sticky: B took A's partitions without giving up its own (an
# eager assignor revokes everything at every rebalance)
if tail -n +$((blines + 1)) "$blog" | grep -q " revoking "; then
    fail "B revoked partitions while A left: $(tail -n +$((blines + 1)) "$blog" | grep -m1 ' revoking ')"
fi
if [ "${GROUP_PROTOCOL:-classic}" = consumer ]; then
    # the broker's own view: a group of the new protocol, not a classic one
    "$NE_SRC/tests/broker/kafka.sh" tool "$NE_BROKER_DIR" org.apache.kafka.tools.GroupsCommand \
        --bootstrap-server "$B" --list >"$WORK/groups.txt" 2>/dev/null
    grep -qE "^$G +Consumer +consumer *\$" "$WORK/groups.txt" ||
        fail "the broker does not list $G as a Consumer group: $(grep "^$G " "$WORK/groups.txt")"
    note "the broker lists the group as: $(grep "^$G " "$WORK/groups.txt" | tr -s ' ')"
fi
stop_service "$b"
consume_all "$OUT" >"$WORK/out.json"
python3 - "$WORK/expected.jsonl" "$WORK/out.json" <<'PY'
import json, sys
from collections import Counter, defaultdict
exp = Counter(json.loads(l)["event_id"] for l in open(sys.argv[1]))
got = Counter()
order = defaultdict(list)  # (output partition, source partition) -> source offsets
for line in open(sys.argv[2]):
    env = json.loads(line)
    ev = json.loads(env["payload"])
    got[ev["event_id"]] += 1
    h = dict(zip(env["headers"][::2], env["headers"][1::2]))
    order[(env["partition"], h["ne_source_partition"])].append(int(h["ne_source_offset"]))
missing = [e for e in exp if e not in got]
print("scaling: expected %d events, received %d: missing %d, duplicated %d"
      % (len(exp), sum(got.values()), len(missing), sum(c - 1 for c in got.values() if c > 1)))
assert not missing, "events lost in the handover"
# within one output partition, events of one source partition follow its
# offsets: no step backwards at all, the handover included
bad = 0
for key, offs in order.items():
    drops = sum(1 for x, y in zip(offs, offs[1:]) if y < x)
    bad += drops
print("order: %d (output, source) partition pairs, %d backward steps" % (len(order), bad))
assert bad == 0, "per-partition order not kept"
PY
echo PASS
