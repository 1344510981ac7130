#!/usr/bin/env bash
# The KIP-848 consumer group protocol (group.protocol=consumer), generally
# available since Kafka 4.0: the broker assigns partitions and owns the
# session. librdkafka has it from 2.4 (scripts/librdkafka-current.sh builds
# Debian 13's 2.8.0); Debian 12's 2.0.2 has not.
#  - a librdkafka that has it: the scaling test under the consumer protocol
#    (two instances share six partitions, one stops mid-stream, the other
#    takes its partitions: nothing lost, per-partition order kept), and the
#    broker lists the group as a Consumer group, not a Classic one;
#  - one that has not: -X group.protocol=consumer is refused at start with a
#    message naming the property and the librdkafka version (exit 2), so a
#    user sees why instead of a silently classic group.
. "$(dirname "$0")/lib.sh"

rdk=$("$NE_BIN" version | sed -n 's/.*librdkafka \([^)]*\)).*/\1/p')
[ -n "$rdk" ] || fail "no librdkafka version in: $("$NE_BIN" version)"
if [ "$(printf '%s\n2.4.0\n' "$rdk" | sort -V | head -1)" != 2.4.0 ]; then
    rc=0
    "$NE_BIN" run -b "$B" -i "in-$RUN_ID" -o "out-$RUN_ID" -g "g-$RUN_ID" -X group.protocol=consumer \
        >"$WORK/old.log" 2>&1 || rc=$?
    [ "$rc" = 2 ] || fail "librdkafka $rdk: exit $rc, not 2"
    grep -qF "unknown librdkafka property 'group.protocol'" "$WORK/old.log" && grep -qF "(librdkafka $rdk)" "$WORK/old.log" ||
        fail "librdkafka $rdk: the refusal does not name the property and version: $(head -1 "$WORK/old.log")"
    note "librdkafka $rdk has no KIP-848 protocol: refused with '$(head -1 "$WORK/old.log")'"
    note "build with scripts/setup.sh --librdkafka-current to run the consumer protocol test"
    echo PASS
    exit 0
fi
note "librdkafka $rdk: the scaling test with group.protocol=consumer"
GROUP_PROTOCOL=consumer "$NE_SRC/tests/integration/scaling.sh"
