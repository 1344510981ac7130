# Shared helpers of the broker tests (sourced). Each test gets its own
# topics and group (a unique suffix), so tests can share one broker.
set -euo pipefail

: "${NE_BIN:?}" "${NE_TOPICS:?}" "${NE_BROKER_DIR:?}" "${NE_SRC:?}"
# the project's own data: the dev set, the reference article, the scorer
NE_DEV=$NE_SRC/tests/data/dev-gold.jsonl
NE_SEED=$NE_SRC/examples/seed-article.jsonl
NE_SCORE=$NE_SRC/bench/score-events
# shellcheck disable=SC1091
. "$NE_BROKER_DIR/env"
B=$BOOTSTRAP
# Debian's Python, where scripts/setup.sh installs jsonschema and confluent-kafka
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
RUN_ID="$(basename "$0" .sh)-$$-$(date +%s)"
WORK=$(mktemp -d "/tmp/ne-${RUN_ID}-XXXX")
PIDS=()

cleanup() {
    for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true; done
    [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
note() { echo "--- $*" >&2; }

topics() { "$NE_TOPICS" -b "$B" create "$@"; }
# (retried for a while: right after a broker restart the first answers fail)
end_offset() {
    local k
    for k in $(seq 1 60); do
        "$NE_TOPICS" -b "$B" end "$1" 2>/dev/null && return 0
        sleep 0.5
    done
    "$NE_TOPICS" -b "$B" end "$1"
}
committed() { "$NE_TOPICS" -b "$B" committed "$1" "$2"; }
# Wait until group $1 has committed at least $3 records of topic $2 (up to
# ${4:-1200} tries 0.05 s apart; the query fails while a transaction holds
# offsets: only an answer counts). Prints the last count.
committed_at_least() {
    local c=0 _
    for _ in $(seq 1 "${4:-1200}"); do
        c=$(committed "$1" "$2" 2>/dev/null || echo 0)
        [ "$c" -ge "$3" ] && break
        sleep 0.05
    done
    echo "$c"
}
# Wait (up to $2 seconds) until no transaction is open in topic $1: every
# partition's last stable offset has reached its high watermark. Kafka
# writes a commit's markers after the commit has returned to the producer,
# so a read_committed reader that stops at the end (kcat -e) reads after this.
wait_stable() {
    "$NE_TOPICS" -b "$B" stable "$1" "${2:-60}" >/dev/null || fail "$1: a transaction is still open"
}

# Start the service in the background; its pid in SVC_PID, log in $WORK/svc-N.log
SVC_N=0
declare -A SVC_LOG=()   # pid -> its log, so a failure shows the right one
start_service() {
    SVC_N=$((SVC_N + 1))
    "$NE_BIN" run -b "$B" "$@" >"$WORK/svc-$SVC_N.log" 2>&1 &
    SVC_PID=$!
    SVC_LOG[$SVC_PID]=$WORK/svc-$SVC_N.log
    PIDS+=("$SVC_PID")
}

# Wait (up to $3 seconds) until the group has committed every input record;
# with a service's pid as $4, fail at once if it stops meanwhile (its log,
# $5, is shown).
wait_committed() {
    local group=$1 topic=$2 limit=${3:-120} pid=${4:-} log=${5:-} end c
    end=$(end_offset "$topic")
    for _ in $(seq 1 $((limit * 2))); do
        c=$(committed "$group" "$topic" 2>/dev/null || echo -1)
        [ "$c" = "$end" ] && return 0
        if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
            [ -n "$log" ] && grep -v "_TRANSPORT\|Message timed out" "$log" | tail -20 >&2
            fail "the service stopped with $c of $end records of $topic committed"
        fi
        sleep 0.5
    done
    fail "group $group committed $c of $end records of $topic in ${limit}s"
}

# Core dumps of a service that crashes (kernel.core_pattern permitting): the
# threads' stacks go to the test's output, so a crash seen once in CI says
# where it happened.
ulimit -c unlimited 2>/dev/null || true
backtrace() {
    local core
    for core in "core.$1" core; do
        [ -f "$core" ] && [ "$core" -nt "$WORK" ] || continue
        command -v gdb >/dev/null || { echo "(a core dump is in $PWD/$core; gdb is not installed)" >&2; return 0; }
        gdb -batch -q -ex "thread apply all bt" "$NE_BIN" "$core" 2>/dev/null | head -150 >&2
        return 0
    done
}

# Stop the service with a signal and check that it exits 0 within 60 s.
stop_service() {
    local pid=$1 rc=0 dog
    kill -TERM "$pid" 2>/dev/null || true  # (it may have died already: the code below says how)
    # a watchdog, so that a shutdown that hangs fails here and says so
    (sleep 60; kill -9 "$pid") >/dev/null 2>&1 &
    dog=$!
    wait "$pid" || rc=$?
    kill "$dog" 2>/dev/null || true
    [ "$rc" = 137 ] && fail "service did not stop within 60 s of SIGTERM"
    if [ "$rc" != 0 ]; then
        tail -40 "${SVC_LOG[$pid]:-$WORK/svc-$SVC_N.log}" >&2
        backtrace "$pid"
        fail "service $pid exited $rc after SIGTERM"
    fi
}

# librdkafka's mock cluster in a process of its own (tests/tools/ne_mock.c),
# for error paths a real broker cannot produce on demand. Sets MOCK_B to its
# bootstrap servers; `mock CMD` sends it a command and checks the answer.
MOCK_PID=""
start_mock() {
    local brokers=${1:-3} line
    : "${NE_MOCK:?}"
    mkfifo "$WORK/mock.in" "$WORK/mock.out"
    "$NE_MOCK" "$brokers" <"$WORK/mock.in" >"$WORK/mock.out" 2>"$WORK/mock.err" &
    MOCK_PID=$!
    disown "$MOCK_PID" # (killed at the end without a job report)
    PIDS+=("$MOCK_PID")
    exec 7>"$WORK/mock.in" 8<"$WORK/mock.out"
    read -r -t 10 line <&8 || fail "the mock cluster did not start: $(cat "$WORK/mock.err")"
    MOCK_B=${line#BOOTSTRAP }
}
mock() {
    local answer
    echo "$*" >&7
    read -r -t 10 answer <&8 || fail "the mock cluster did not answer '$*'"
    [ "$answer" = ok ] || fail "mock $*: $answer"
}

# Partitions an instance holds, from its log: what it was assigned minus
# what it revoked.
holding() {
    [ -e "$1" ] || { echo 0; return; }
    awk '/ assigned [0-9]+ partition/ {for (i = 1; i <= NF; i++) if ($i == "assigned") s += $(i + 1)}
         / revoking [0-9]+ partition/ {for (i = 1; i <= NF; i++) if ($i == "revoking") s -= $(i + 1)}
         END {print s + 0}' "$1"
}

# Write FILE to TOPIC in CHUNKS pieces, INTERVAL seconds apart, in the
# background: a stream that the service codes as it arrives, so that a kill
# or a fault lands mid-stream however fast the service and its client are.
# The writer's pid in STREAM_PID; any further arguments go to kcat (-X ...),
# whose messages go to $WORK/stream.log.
stream_file() {
    local file=$1 topic=$2 chunks=$3 interval=$4 dir
    shift 4
    dir=$(mktemp -d "$WORK/stream-XXXX")
    split -n "l/$chunks" "$file" "$dir/chunk-"
    ( for f in "$dir"/chunk-*; do
          kcat -b "$B" -P -t "$topic" "$@" -l "$f" 2>>"$WORK/stream.log" || exit 1
          sleep "$interval"
      done ) &
    STREAM_PID=$!
    PIDS+=("$STREAM_PID")
}

# All records of a topic as JSON envelopes (kcat -J), one per line.
consume_all() {
    kcat -b "$B" -C -t "$1" -o beginning -e -q -J 2>/dev/null
}

# Articles of a JSONL file, numbered: id becomes "<prefix>-<n>".
articles_from() {
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
src, prefix, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
arts = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
for n in range(count):
    a = dict(arts[n % len(arts)])
    a.pop("events", None)
    a["id"] = "%s-%d" % (prefix, n)
    print(json.dumps(a, ensure_ascii=False))
PY
}
