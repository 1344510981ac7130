#!/usr/bin/env bash
# Faults of a real cluster: three Apache Kafka nodes on 127.0.0.1 (combined
# broker and controller, static voters, replication factor 3,
# min.insync.replicas 2 for data, offsets and transaction state: kafka.sh
# cluster). Under each guarantee, while articles stream in and the service
# codes them:
#   leader    SIGKILL the leader of an output partition, start it 10 s later
#   txn-coord SIGKILL the transaction coordinator of the service's
#             transactional id mid-transaction, start it 10 s later
#             (exactly-once only: at-least-once has no transactions)
#   group     a second instance joins; SIGKILL the group coordinator during
#             that rebalance, start it 10 s later
#   rolling   restart all three nodes one after the other (SIGTERM, wait,
#             start, next)
#   pause     SIGSTOP the leader of an output partition for 60 s, then SIGCONT
# and network faults, injected by Toxiproxy (tests/broker/toxiproxy.sh), a
# proxy in front of each node that the nodes advertise to clients, so that
# every connection of the service passes one (the test's own clients, the
# writer, the checks and the reader, connect to the nodes directly):
#   latency   500 ms more on every connection for 60 s
#   reset     every connection reset (TCP RST), 1 s in every 5, for 30 s
#   blackhole nothing passes to or from the leader of an output partition
#             for 30 s (connections stay open)
# Each run's output is compared with `extract` on the same input, read by an
# independent client (kcat) with isolation.level=read_committed: missing 0
# always, duplicated 0 under exactly-once. Prints a table: fault, sent (the
# events extract finds in the input), received, missing, duplicated, time to
# recover: from the fault until the group has committed, in every input
# partition, a record written after the fault struck (the stream goes on
# through the fault, so a partition that stalls shows as a long time).
#   CLUSTER_FAULTS="leader pause"  a subset; CLUSTER_ARTICLES (default 3000)
. "$(dirname "$0")/lib.sh"

KAFKA=$NE_SRC/tests/broker/kafka.sh
TOXI=$NE_SRC/tests/broker/toxiproxy.sh
CL=$WORK/cluster
"$TOXI" start "$WORK/toxi"
trap '"$TOXI" stop "$WORK/toxi"; cleanup' EXIT
# shellcheck disable=SC1091
. "$WORK/toxi/env"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
proxies=("$(free_port)" "$(free_port)" "$(free_port)")
CLUSTER_ADVERTISE=$(IFS=,; echo "${proxies[*]}") "$KAFKA" cluster "$CL" 3 >/dev/null
trap '"$KAFKA" cluster-stop "$CL"; "$TOXI" stop "$WORK/toxi"; cleanup' EXIT
# shellcheck disable=SC1091
. "$CL/env"
B=$BOOTSTRAP            # the test's own clients: straight to the nodes
SB=$CLIENT_BOOTSTRAP    # the service: through the proxies
for i in 1 2 3; do
    up=NODE_${i}_CLIENT_PORT
    curl -fsS -X POST "$TOXI_API/proxies" -d "{\"name\":\"node$i\",\"listen\":\"127.0.0.1:${proxies[$((i - 1))]}\",\"upstream\":\"127.0.0.1:${!up}\",\"enabled\":true}" >/dev/null ||
        fail "toxiproxy: cannot create the proxy of node $i"
done
# toxic NODE NAME TYPE STREAM ATTRIBUTES-JSON, and untoxic NODE NAME
toxic() {
    curl -fsS -X POST "$TOXI_API/proxies/node$1/toxics" \
        -d "{\"name\":\"$2\",\"type\":\"$3\",\"stream\":\"$4\",\"toxicity\":1.0,\"attributes\":$5}" >/dev/null ||
        fail "toxiproxy: cannot add $3 to node $1"
}
untoxic() { curl -fsS -X DELETE "$TOXI_API/proxies/node$1/toxics/$2" >/dev/null || fail "toxiproxy: cannot remove $2 of node $1"; }
N=${CLUSTER_ARTICLES:-3000}
FAULTS=${CLUSTER_FAULTS:-leader txn-coord group rolling pause latency reset blackhole}
articles_from "$NE_DEV" cf "$N" >"$WORK/articles.jsonl"
"$NE_BIN" extract <"$WORK/articles.jsonl" >"$WORK/expected.jsonl" 2>/dev/null
note "cluster $B; $N articles, $(wc -l <"$WORK/expected.jsonl") expected events"
printf '%-14s %-10s %7s %9s %8s %8s %11s\n' guarantee fault sent received missing duplicated recovered_s \
    >"$WORK/table.txt"

committed_now() { committed "$1" "$2" 2>/dev/null || echo -1; }

# Milliseconds from T0 until GROUP has committed, in every partition of
# TOPIC, past the end offset TARGET ("o0 o1 ...") that partition had at the
# fault (polled every 0.25 s; run in the background from the moment of the
# fault).
recovery_time() {
    local group=$1 topic=$2 target=$3 t0=$4 c
    for _ in $(seq 1 2400); do
        c=$("$NE_TOPICS" -b "$B" committed-each "$group" "$topic" 2>/dev/null || true)
        if [ -n "$c" ] && python3 -c 'import sys; c, t = sys.argv[1].split(), sys.argv[2].split(); sys.exit(not (len(c) == len(t) and all(int(x) > int(y) for x, y in zip(c, t))))' "$c" "$target"; then
            echo $(( $(date +%s%N) / 1000000 - t0 ))
            return 0
        fi
        sleep 0.25
    done
    echo timeout
}

# The transaction coordinator of a transactional id, as Kafka's own tool sees it.
txn_coordinator() {
    "$KAFKA" tool "$CL/node-1" org.apache.kafka.tools.TransactionsCommand --bootstrap-server "$B" \
        describe --transactional-id "$1" 2>/dev/null | awk 'NR == 2 {print $1}'
}

run_fault() {
    local guarantee=$1 fault=$2 tag
    tag=$(echo "$guarantee-$fault" | tr -cd 'a-z-')
    local IN=in-$tag-$RUN_ID OUT=out-$tag-$RUN_ID DLQ=dlq-$tag-$RUN_ID G=g-$tag-$RUN_ID TID=""
    [ "$guarantee" = exactly-once ] && TID=tid-$tag-$RUN_ID
    topics "$IN" 6 "$OUT" 6 "$DLQ" 1
    local args=(-i "$IN" -o "$OUT" --dead-letter "$DLQ" -g "$G" --guarantee "$guarantee")
    [ -z "$TID" ] || args+=(--transactional-id "$TID")
    start_service -b "$SB" "${args[@]}"
    local a=$SVC_PID b="" writer
    # the input over about 20 s by an idempotent producer (acks=all), so that
    # a fault never duplicates or loses input: the service is given
    # everything exactly once
    stream_file "$WORK/articles.jsonl" "$IN" 40 0.5 -X enable.idempotence=true -X acks=all
    writer=$STREAM_PID
    # strike when the service is well into the stream
    for _ in $(seq 1 600); do
        [ "$(committed_now "$G" "$IN")" -ge $((N / 5)) ] && break
        sleep 0.1
    done
    local at t0 victim clock
    at=$("$NE_TOPICS" -b "$B" end-each "$IN")
    t0=$(( $(date +%s%N) / 1000000 ))
    recovery_time "$G" "$IN" "$at" "$t0" >"$WORK/recovery-$tag" &
    clock=$!
    case $fault in
        leader)
            victim=$("$NE_TOPICS" -b "$B" leader "$OUT" 0)
            "$KAFKA" node "$CL" "$victim" kill
            sleep 10
            "$KAFKA" node "$CL" "$victim" start ;;
        txn-coord)
            victim=$(txn_coordinator "$TID")
            [ -n "$victim" ] || fail "no transaction coordinator found for $TID"
            "$KAFKA" node "$CL" "$victim" kill
            sleep 10
            "$KAFKA" node "$CL" "$victim" start ;;
        group)
            victim=$("$NE_TOPICS" -b "$B" group-coordinator "$G")
            # (each exactly-once instance has its own transactional id: one
            # id shared would fence the first instance)
            start_service -b "$SB" "${args[@]}" ${TID:+--transactional-id "$TID-b"}
            b=$SVC_PID
            # the second member is joining: the rebalance is under way
            for _ in $(seq 1 40); do grep -q 'revoking\|assigned' "$WORK/svc-$SVC_N.log" && break; sleep 0.05; done
            "$KAFKA" node "$CL" "$victim" kill
            sleep 10
            "$KAFKA" node "$CL" "$victim" start ;;
        rolling)
            victim="1 2 3"
            for v in 1 2 3; do
                "$KAFKA" node "$CL" "$v" term
                "$KAFKA" node "$CL" "$v" start
            done ;;
        pause)
            victim=$("$NE_TOPICS" -b "$B" leader "$OUT" 0)
            "$KAFKA" node "$CL" "$victim" pause
            sleep 60
            "$KAFKA" node "$CL" "$victim" cont ;;
        latency)
            victim="1 2 3"
            for v in 1 2 3; do toxic "$v" lat latency downstream '{"latency":500,"jitter":0}'; done
            sleep 60
            for v in 1 2 3; do untoxic "$v" lat; done ;;
        reset)
            victim="1 2 3"
            for _ in 1 2 3 4 5 6; do
                for v in 1 2 3; do toxic "$v" rst reset_peer upstream '{"timeout":0}'; done
                sleep 1
                for v in 1 2 3; do untoxic "$v" rst; done
                sleep 4
            done ;;
        blackhole)
            victim=$("$NE_TOPICS" -b "$B" leader "$OUT" 0)
            toxic "$victim" hole timeout upstream '{"timeout":0}'
            toxic "$victim" hole-down timeout downstream '{"timeout":0}'
            sleep 30
            untoxic "$victim" hole
            untoxic "$victim" hole-down ;;
    esac
    local rec
    wait "$clock"
    rec=$(cat "$WORK/recovery-$tag")
    wait "$writer" || fail "$guarantee $fault: the input stream failed"
    # (a node just resumed from SIGSTOP may answer for a while as the leader
    # it was, with an old high watermark: ask until the cluster settles)
    local held=0
    for _ in $(seq 1 120); do
        held=$("$NE_TOPICS" -b "$B" end "$IN" 2>/dev/null || echo 0)
        [ "$held" = "$N" ] && break
        sleep 0.5
    done
    [ "$held" = "$N" ] || fail "$guarantee $fault: the input holds $held records, not $N"
    wait_committed "$G" "$IN" 300
    stop_service "$a"
    [ -z "$b" ] || stop_service "$b"
    # a commit returns once the coordinator has decided it; its markers reach
    # the output partitions after, later when a partition's leader has just
    # moved: read once no transaction is open (a reader stopping at the end
    # of a partition stops at its last stable offset)
    local s0 waited
    s0=$(date +%s%N)
    wait_stable "$OUT" 60
    waited=$(( ($(date +%s%N) - s0) / 1000000 ))
    kcat -b "$B" -C -t "$OUT" -o beginning -e -q -X isolation.level=read_committed -f '%k\n' \
        >"$WORK/got-$tag.txt" 2>/dev/null
    python3 - "$WORK/expected.jsonl" "$WORK/got-$tag.txt" "$guarantee" "$fault" "$N" "${rec:-?}" \
        "$victim" >>"$WORK/table.txt" <<'PY' || { diagnose "$tag" "$IN" "$OUT"; fail "$guarantee $fault: see the table above"; }
import json, sys
from collections import Counter
exp = {json.loads(l)["event_id"] for l in open(sys.argv[1])}
got = Counter(l.strip() for l in open(sys.argv[2]) if l.strip())
guarantee, fault, sent, rec, victim = sys.argv[3:8]
missing = len(exp - set(got))
dup = sum(c - 1 for c in got.values() if c > 1)
unexpected = len(set(got) - exp)
rec_s = "%.1f" % (int(rec) / 1000) if rec.isdigit() else rec
print("%-14s %-10s %7d %9d %8d %8d %11s" % (guarantee, fault, len(exp), sum(got.values()), missing, dup, rec_s))
sys.stdout.flush()
bad = missing or unexpected or (guarantee == "exactly-once" and dup)
if bad:
    print("  ^ node(s) %s: missing %d, duplicated %d, unexpected %d" % (victim, missing, dup, unexpected))
sys.exit(1 if bad else 0)
PY
    note "$guarantee $fault (node $victim): $(tail -1 "$WORK/table.txt") (output stable after $waited ms)"
}

# What a failed run leaves to go on: where the missing events' articles sit
# in the input, whether their events reached the output at all (read
# uncommitted: written in a transaction that was aborted or never ended),
# and what the service logged above info.
diagnose() {
    local tag=$1 IN=$2 OUT=$3
    echo "---- diagnosis of $tag" >&2
    kcat -b "$B" -C -t "$IN" -o beginning -e -q -f '%p %o %s\n' >"$WORK/in-$tag.txt" 2>/dev/null || true
    kcat -b "$B" -C -t "$OUT" -o beginning -e -q -X isolation.level=read_uncommitted \
        -f '%p %o %k\n' >"$WORK/raw-$tag.txt" 2>/dev/null || true
    # a second reader of another make: Kafka's Java console consumer, read_committed
    "$KAFKA" tool "$CL/node-1" org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$B" \
        --topic "$OUT" --from-beginning --timeout-ms 20000 --property print.key=true \
        --property print.value=false --consumer-property isolation.level=read_committed \
        >"$WORK/java-$tag.txt" 2>/dev/null || true
    python3 - "$WORK/expected.jsonl" "$WORK/got-$tag.txt" "$WORK/in-$tag.txt" "$WORK/raw-$tag.txt" \
        "$WORK/java-$tag.txt" >&2 <<'PY' || true
import json, sys
from collections import defaultdict
exp = {}
for l in open(sys.argv[1]):
    e = json.loads(l)
    exp[e["event_id"]] = e.get("article_id")
got = {l.strip() for l in open(sys.argv[2]) if l.strip()}
where = {}
for l in open(sys.argv[3]):
    p, o, s = l.split(" ", 2)
    try:
        where[json.loads(s)["id"]] = (int(p), int(o))
    except ValueError:
        pass
raw = defaultdict(list)
for l in open(sys.argv[4]):
    p, o, k = l.split()
    raw[k].append((int(p), int(o)))
missing = sorted(set(exp) - got)
arts = sorted({exp[m] for m in missing}, key=lambda a: where.get(a, (-1, -1)))
print("missing events: %d, from %d article(s)" % (len(missing), len(arts)))
print("their input records (partition offset): %s" % " ".join("%d:%d" % where.get(a, (-1, -1)) for a in arts))
seen = [m for m in missing if m in raw]
print("of them in the output read uncommitted: %d, at %s" % (len(seen), " ".join(
    "%d:%d" % raw[m][0] for m in seen[:40])))
java = {l.strip() for l in open(sys.argv[5]) if l.strip()}
print("Java console consumer (read_committed): %d records, %d of the missing" % (
    len(java), sum(m in java for m in missing)))
PY
    grep -h ' warn \| error ' "$WORK"/svc-*.log | tail -40 >&2 || true
}

trap '"$KAFKA" cluster-stop "$CL"; "$TOXI" stop "$WORK/toxi"; cat "$WORK/table.txt" >&2; cleanup' EXIT
for guarantee in at-least-once exactly-once; do
    for fault in $FAULTS; do
        [ "$fault" = txn-coord ] && [ "$guarantee" = at-least-once ] && continue
        run_fault "$guarantee" "$fault"
    done
done
echo PASS
