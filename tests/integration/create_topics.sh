#!/usr/bin/env bash
# The README's command for creating a topic on the demo's broker (Kafka's
# TopicCommand from the broker's jars) works as written.
. "$(dirname "$0")/lib.sh"

T=topic-$RUN_ID
cmd=$(grep '^    tests/broker/kafka.sh tool BROKER_DIR org.apache.kafka.tools.TopicCommand ' "$NE_SRC/README.md" | head -1)
[ -n "$cmd" ] || fail "the README shows no TopicCommand line for the demo's broker"
cmd=${cmd#    }
cmd=${cmd//BROKER_DIR/$NE_BROKER_DIR}
cmd=${cmd//127.0.0.1:PORT/$B}
cmd=${cmd//--topic articles/--topic $T}
note "$cmd"
(cd "$NE_SRC" && eval "$cmd") >"$WORK/tool.log" 2>&1 || { cat "$WORK/tool.log"; fail "the README's command failed"; }
n=$(kcat -b "$B" -L -t "$T" 2>/dev/null | grep -c 'partition [0-9]')
[ "$n" = 3 ] || fail "topic $T has $n partitions, not the README's 3"
echo "created $T with $n partitions"
echo PASS
