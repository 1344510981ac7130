#!/usr/bin/env bash
# The main job end to end on a local broker: set up, build, start a Kafka
# broker on 127.0.0.1, put the reference article on the input topic, run
# the service, print the events it produced, and stop everything.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
build=${BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null
article=${1:-$root/examples/seed-article.jsonl}

dir=$(mktemp -d /tmp/newsevents-demo-XXXX)
svc=""
cleanup() {
    [ -n "$svc" ] && kill -TERM "$svc" 2>/dev/null && wait "$svc" 2>/dev/null || true
    "$root/tests/broker/kafka.sh" stop "$dir/broker" || true
    rm -rf "$dir"
}
trap cleanup EXIT
echo "demo: starting a Kafka broker on 127.0.0.1" >&2
B=$("$root/tests/broker/kafka.sh" start "$dir/broker")
"$build/tests/ne_topics" -b "$B" create articles 3 events 3 events.dlq 1
kcat -b "$B" -P -t articles -l "$article"
echo "demo: running newsevents on $B (articles -> events)" >&2
"$build/newsevents" run -b "$B" -i articles -o events -g demo 2>"$dir/service.log" &
svc=$!
want=$(wc -l <"$article")
for _ in $(seq 1 120); do
    [ "$("$build/tests/ne_topics" -b "$B" committed demo articles 2>/dev/null)" = "$want" ] && break
    sleep 0.5
done
kill -TERM "$svc"; wait "$svc"; svc=""
echo "demo: events on the 'events' topic:" >&2
kcat -b "$B" -C -t events -o beginning -e -q -f '%s\n' | python3 -c '
import json, sys
for line in sys.stdin:
    e = json.loads(line)
    cp = e["counterpart"]["code"] if e["counterpart"] else "-"
    print("%-8s %-5s %-8s %-10s %s" % (e["actor"]["code"], e["action"]["code"], cp,
          e["date"]["value"], e["action"]["label"]))
    print("         evidence: %s" % e["evidence"]["sentence"][:100])
'
tail -1 "$dir/service.log" >&2
