#!/usr/bin/env bash
# The service's speed against the offline coder and against Kafka itself,
# in one run on one machine: a real broker on 127.0.0.1 (tests/broker/kafka.sh)
# holds the corpus (bench/make-corpus.py, SIZE_MB, default 50) in an input
# topic of PARTITIONS partitions (default 4), and the script times
#   offline   `newsevents extract` over the same articles from a file;
#   kcat      the input topic read and written to another topic by kcat
#             (what Kafka alone costs: the ceiling of any consumer);
#   service   `newsevents run`, one thread and --threads 2, each in a group
#             of its own, from its first assignment until the output topic
#             holds every event (the group's join is not counted), checking
#             then that the group commits every input record.
# It prints MB/s (of article bytes) for each and the ratios the speed issue
# asks for: service/offline with one thread, and --threads 2 against one,
# and the CPU seconds the service and the broker used meanwhile (the broker
# runs on the same cores). SERVICE_ARGS adds flags to the service's command
# line (e.g. SERVICE_ARGS="-X compression.type=none").
# A benchmark, not a test: run it by hand on a quiet machine.
#
#   bench/service-speed.sh            SIZE_MB=50 PARTITIONS=4 GUARANTEE=at-least-once
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-release}
size=${SIZE_MB:-50}
parts=${PARTITIONS:-4}
guarantee=${GUARANTEE:-at-least-once}
command -v kcat >/dev/null || { echo "service-speed: kcat not found (scripts/setup.sh installs it)" >&2; exit 2; }
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target newsevents ne_topics >/dev/null
bin=$build/newsevents
topics=$build/tests/ne_topics
corpus=${CORPUS:-/tmp/newsevents-corpus-${size}.jsonl}
[ -s "$corpus" ] || python3 "$root/bench/make-corpus.py" "$corpus" "$size"
bytes=$(stat -c %s "$corpus")
articles=$(wc -l <"$corpus")

work=$(mktemp -d /tmp/ne-service-speed-XXXX)
pids=()
finish() {
    for p in "${pids[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true; done
    "$root/tests/broker/kafka.sh" stop "$work/broker" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap finish EXIT
"$root/tests/broker/kafka.sh" start "$work/broker" >/dev/null
# shellcheck disable=SC1091
. "$work/broker/env"
B=$BOOTSTRAP
"$topics" -b "$B" create in "$parts" pass "$parts" out-1 "$parts" out-2 "$parts" dlq 1
for _ in $(seq 1 40); do "$topics" -b "$B" end in >/dev/null 2>&1 && break; sleep 0.5; done
now() { date +%s.%N; }
# CPU seconds (user + system) a process has used so far: how much of the
# machine's cores the broker takes while the service runs beside it
tck=$(getconf CLK_TCK)
cpu() { awk -v t="$tck" '{printf "%.2f\n", ($14 + $15) / t}' "/proc/$1/stat" 2>/dev/null || echo 0; }
broker_pid=$(cat "$work/broker/pid")
mbs() { python3 -c "import sys; print('%.1f' % ($bytes / 1e6 / float(sys.argv[1])))" "$1"; }

echo "corpus: $corpus, $((bytes / 1000000)) MB, $articles articles; broker $B, $parts partitions; $(nproc) cores"
# (lz4, as a pipeline would, and large batches: loading is not measured)
kcat -b "$B" -P -t in -z lz4 -X linger.ms=50 -X batch.num.messages=10000 <"$corpus"
held=$("$topics" -b "$B" end in)
[ "$held" = "$articles" ] || { echo "service-speed: the input topic holds $held of $articles records" >&2; exit 1; }

echo "== offline: newsevents extract <file"
t0=$(now)
TIMEFORMAT='%U+%S' # (bash's own time: user + system CPU seconds)
{ time "$bin" extract <"$corpus" >"$work/offline.jsonl" 2>/dev/null; } 2>"$work/cpu-off"
t_off=$(python3 -c "print($(now) - $t0)")
events=$(wc -l <"$work/offline.jsonl")
rm -f "$work/offline.jsonl"
echo "offline: $(printf '%.2f' "$t_off") s, $(mbs "$t_off") MB/s, $events events; CPU $(python3 -c "print('%.2f' % ($(cat "$work/cpu-off")))") s"

echo "== kcat: consume the input topic and produce it to another topic"
b0=$(cpu "$broker_pid")
t0=$(now)
kcat -b "$B" -C -t in -o beginning -e -q -D '\n' -K '' 2>/dev/null |
    kcat -b "$B" -P -t pass -z lz4 -X linger.ms=50 2>/dev/null
t_kcat=$(python3 -c "print($(now) - $t0)")
echo "kcat: $(printf '%.2f' "$t_kcat") s, $(mbs "$t_kcat") MB/s; broker CPU $(python3 -c "print('%.2f' % ($(cpu "$broker_pid") - $b0))") s"

# service N: run in a group of its own; time from its first assignment to the
# group's commit of every input record
service() {
    local n=$1 log=$work/svc-$1.log svc t0 c
    local tid=()
    [ "$guarantee" = exactly-once ] && tid=(--transactional-id "speed-$n")
    "$bin" run -b "$B" -i in -o "out-$n" --dead-letter dlq -g "speed-$n" --threads "$n" \
        --guarantee "$guarantee" "${tid[@]}" ${SERVICE_ARGS:-} >"$log" 2>&1 &
    svc=$!
    pids+=("$svc")
    for _ in $(seq 1 600); do grep -q 'assigned [1-9]' "$log" && break; sleep 0.05; done
    local b0 s0
    b0=$(cpu "$broker_pid")
    s0=$(cpu "$svc")
    t0=$(now)
    # (at-least-once: the clock stops when the service produced the last
    # event: the newest output record's timestamp, which the producer sets
    # when the service hands it over, less the log's time of the assignment;
    # the offsets' commit follows within auto.commit.interval.ms. The check
    # that it is done runs only every half second: each check is a Kafka
    # client of its own, and on two cores checking often slows the service.
    # exactly-once: when the transactions have committed every offset, as
    # the output's end offset counts transaction markers too)
    while :; do
        kill -0 "$svc" 2>/dev/null || { tail -20 "$log" >&2; echo "service-speed: the service stopped" >&2; exit 1; }
        if [ "$guarantee" = exactly-once ]; then
            c=$("$topics" -b "$B" committed "speed-$n" in 2>/dev/null || echo 0)
            [ "$c" = "$articles" ] && break
        else
            c=$("$topics" -b "$B" end "out-$n" 2>/dev/null || echo 0)
            [ "$c" -ge "$events" ] && break
        fi
        sleep 0.5
    done
    python3 -c "print($(now) - $t0)" >"$work/t-$n"
    if [ "$guarantee" != exactly-once ]; then
        local last=0 ts p
        for p in $(seq 0 $((parts - 1))); do
            ts=$(kcat -b "$B" -C -t "out-$n" -p "$p" -o -1 -e -q -f '%T\n' 2>/dev/null | tail -1)
            [ -n "$ts" ] && [ "$ts" -gt "$last" ] && last=$ts
        done
        python3 - "$log" "$last" >"$work/t-$n" <<'PY'
import re, sys, datetime
log, last = sys.argv[1], int(sys.argv[2])
for line in open(log, encoding="utf-8", errors="replace"):
    m = re.match(r"(\S+Z) info\s+assigned [1-9]", line)
    if m:
        t = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%fZ")
        start = t.replace(tzinfo=datetime.timezone.utc).timestamp()
        print(last / 1000.0 - start)
        break
PY
    fi
    python3 -c "print('service CPU %.2f s, broker CPU %.2f s' % ($(cpu "$svc") - $s0, $(cpu "$broker_pid") - $b0))" >"$work/c-$n"
    for _ in $(seq 1 300); do
        c=$("$topics" -b "$B" committed "speed-$n" in 2>/dev/null || echo 0)
        [ "$c" = "$articles" ] && break
        sleep 0.2
    done
    [ "$c" = "$articles" ] || { echo "service-speed: group speed-$n committed $c of $articles" >&2; exit 1; }
    kill -TERM "$svc"
    wait "$svc" || { tail -20 "$log" >&2; echo "service-speed: the service exited $? on SIGTERM" >&2; exit 1; }
}
for n in 1 2; do
    echo "== service: newsevents run --threads $n ($guarantee)"
    service "$n"
    t=$(cat "$work/t-$n")
    echo "service --threads $n: $(printf '%.2f' "$t") s, $(mbs "$t") MB/s; $(cat "$work/c-$n")"
done
python3 - "$t_off" "$t_kcat" "$(cat "$work/t-1")" "$(cat "$work/t-2")" <<'PY'
import sys
off, kc, s1, s2 = map(float, sys.argv[1:5])
print("ratios: service(1 thread)/offline %.2f (target >= 0.90); service --threads 2 / 1 thread %.2f "
      "(target > 1); service(1)/kcat %.2f" % (off / s1, s1 / s2, kc / s1))
PY
