#!/usr/bin/env bash
# The aggregate stage on a stream of at least 1M events (a benchmark, not a
# test): memory and state stay bounded by the retention, and the state's
# restore time is measured.
#   bench/aggregate.sh BROKER_DIR          (a broker of tests/broker/kafka.sh)
# EVENTS (default 1000000) synthetic events over DAYS (365) days of event
# time (bench/make-events.py), RETENTION_DAYS (7), exactly-once, 3 partitions.
# Prints, while the stream is counted, the events done, the state store's
# entries (aggregates and the ids they count) and the resident memory
# (anonymous, and file-backed: LMDB's mapped pages); then the offline
# twin's table compared with the stream's, and the time a new instance
# takes to restore the state from the changelog.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bdir=${1:?usage: bench/aggregate.sh BROKER_DIR}
build=${BUILD_DIR:-$root/build}
events=${EVENTS:-1000000} days=${DAYS:-365} ret=${RETENTION_DAYS:-7}
# shellcheck disable=SC1091
. "$bdir/env"
B=$BOOTSTRAP
bin=$build/newsevents
w=$(mktemp -d /tmp/ne-bench-aggregate-XXXX)
pids=()
trap 'for p in "${pids[@]:-}"; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$w"' EXIT
id=bench-$$-$(date +%s)
ev=ev-$id out=out-$id g=g-$id port=$((20000 + RANDOM % 20000))
data=${EVENTS_FILE:-/tmp/newsevents-agg-events-$events-$days.jsonl}
[ -s "$data" ] || python3 "$root/bench/make-events.py" "$data" "$events" "$days"
"$build/tests/ne_topics" -b "$B" create "$ev" 3
t0=$(date +%s.%N)
kcat -b "$B" -P -t "$ev" -X linger.ms=50 -X batch.num.messages=10000 -l "$data"
echo "produced $(wc -l <"$data") events in $(echo "$(date +%s.%N) - $t0" | bc) s"

metric() { curl -fsS "http://127.0.0.1:$1/metrics" 2>/dev/null | awk -v n="$2" '$1 == n {print $2}'; }
mem() { awk '/^(VmRSS|RssAnon|RssFile):/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$1/status"; }

"$bin" aggregate -b "$B" -i "$ev" -o "$out" -g "$g" --create-topics --retention-days "$ret" \
    --guarantee exactly-once --transactional-id "tx-$id" --batch 2000 --state-dir "$w/state1" \
    --metrics-port "$port" >"$w/agg1.log" 2>&1 &
pid=$!
pids+=("$pid")
t0=$(date +%s)
peak_entries=0 peak_rss=0 last=-1 still=0
printf "%6s %10s %12s  %s\n" secs events state-entries memory
while :; do
    sleep 5
    kill -0 "$pid" 2>/dev/null || { tail "$w/agg1.log"; echo "the service died" >&2; exit 1; }
    emitted=$(metric "$port" newsevents_aggregates_emitted_total)
    dups=$(metric "$port" newsevents_aggregate_duplicate_events_total)
    late=$(metric "$port" newsevents_aggregate_late_events_total)
    entries=$(metric "$port" newsevents_aggregate_state_entries)
    done_=$(( ${emitted:-0} + ${dups:-0} + ${late:-0} ))
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
    [ "${entries:-0}" -gt "$peak_entries" ] && peak_entries=$entries
    [ "$rss" -gt "$peak_rss" ] && peak_rss=$rss
    printf "%6d %10d %12d  %s\n" $(( $(date +%s) - t0 )) "$done_" "${entries:-0}" "$(mem "$pid")"
    [ "$done_" -ge "$events" ] && break
    # no progress for a minute: say so rather than wait for ever
    if [ "$done_" = "$last" ]; then still=$((still + 1)); else still=0; fi
    last=$done_
    [ "$still" -ge 12 ] && { echo "no progress for 60 s at $done_ of $events events" >&2; tail "$w/agg1.log" >&2; exit 1; }
done
secs=$(( $(date +%s) - t0 ))
echo "counted $events events in $secs s ($((events / (secs > 0 ? secs : 1))) events/s, exactly-once, one instance)"
echo "peak state entries $peak_entries, peak RSS $((peak_rss / 1024)) MB; late events dropped: $late"
kill -TERM "$pid"
wait "$pid" || true
grep "aggregate stopped" "$w/agg1.log" | sed 's/^[^ ]* //'

# the offline twin, for the same table
/usr/bin/time -f "%e %M" -o "$w/time" "$bin" aggregate -i "$data" -o "$w/offline.jsonl" --retention-days "$ret" \
    --batch 2000 2>"$w/offline.log"
read -r osecs okb <"$w/time"
echo "offline twin: $osecs s, peak RSS $((okb / 1024)) MB (it keeps the whole table), $(wc -l <"$w/offline.jsonl") aggregates"
kcat -b "$B" -C -t "$out" -o beginning -e -q -J >"$w/out.json" 2>/dev/null
python3 - "$w/offline.jsonl" "$w/out.json" <<'PY'
import json, sys
def norm(a):
    a = dict(a); a.pop("first_seen"); a.pop("last_seen"); return a
exp = {}
for l in open(sys.argv[1]):
    a = json.loads(l); exp[a["key"]] = norm(a)
got = {}
for l in open(sys.argv[2]):
    e = json.loads(l)
    if e.get("payload"):
        got[e["key"]] = norm(json.loads(e["payload"]))
same = sum(1 for k in exp if got.get(k) == exp[k])
print("stream table vs offline table: %d of %d aggregates equal, %d in the stream only" %
      (same, len(exp), len([k for k in got if k not in exp])))
PY

# restore: a new instance with an empty store takes the group over
"$bin" aggregate -b "$B" -i "$ev" -o "$out" -g "$g" --retention-days "$ret" --guarantee exactly-once \
    --transactional-id "tx-$id-2" --state-dir "$w/state2" >"$w/agg2.log" 2>&1 &
pid=$!
pids+=("$pid")
for _ in $(seq 1 600); do
    [ "$(grep -c "restored state partition" "$w/agg2.log")" -ge 3 ] && break
    sleep 1
done
grep "restored state partition" "$w/agg2.log" | sed 's/^[^ ]* [^ ]* *//' | tee "$w/restored"
awk '{r += $5; ms += $9} END {printf "restore: %d changelog records in %.1f s (%.0f records/s)\n", r, ms / 1000, r / (ms > 0 ? ms / 1000 : 1)}' "$w/restored"
kill -TERM "$pid"
wait "$pid" || true

# a restart on the kept store (it stopped cleanly: a checkpoint) reads only what came after it
"$bin" aggregate -b "$B" -i "$ev" -o "$out" -g "$g" --retention-days "$ret" --guarantee exactly-once \
    --transactional-id "tx-$id" --state-dir "$w/state1" >"$w/agg3.log" 2>&1 &
pid=$!
pids+=("$pid")
for _ in $(seq 1 600); do
    [ "$(grep -c "restored state partition" "$w/agg3.log")" -ge 3 ] && break
    sleep 1
done
grep "restored state partition" "$w/agg3.log" | sed 's/^[^ ]* [^ ]* *//' | tee "$w/restored3"
awk '{r += $5; ms += $9} END {printf "restart on the kept store: %d changelog records in %.3f s\n", r, ms / 1000}' "$w/restored3"
kill -TERM "$pid"
wait "$pid" || true
