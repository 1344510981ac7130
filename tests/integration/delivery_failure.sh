#!/usr/bin/env bash
# Deliveries that fail for good, on the real broker.
#  1. A 2 MiB record of random bytes between good articles becomes a dead
#     letter bigger than the dead-letter topic takes (the broker's default
#     1 MiB). With the cut switched off (NEWSEVENTS_TEST_NO_CUT), its
#     delivery fails for good: the service must end by itself with exit 1
#     within the flush timeout plus a few seconds, commit nothing past the
#     failed record, and a restart must fail the same way (no loss). Both
#     guarantees.
#  2. With the cut (the default), the dead letter carries the record's first
#     bytes and ne_truncated, and every good article around it is coded.
#  3. An event bigger than the output topic takes carries a window of its
#     sentence (evidence.truncated) that still validates against the schema.
. "$(dirname "$0")/lib.sh"

FLUSH_MS=5000
LIMIT_S=$((FLUSH_MS / 1000 + 5))
"$PY" - "$WORK/records.bin" "$WORK/good.jsonl" <<'PY'
import json, os, sys
good = []
for i in range(25):
    good.append(json.dumps({"id": "df-%d" % i, "published": "2023-06-07",
                            "text": "Poland accused Belarus on Monday of herding migrants toward the border."}))
with open(sys.argv[1], "wb") as f:
    for g in good[:5]:
        f.write(g.encode() + b"\x1e")
    f.write(os.urandom(2 << 20).replace(b"\x1e", b"x") + b"\x1e")
    for g in good[5:]:
        f.write(g.encode() + b"\x1e")
open(sys.argv[2], "w").write("\n".join(good) + "\n")
PY
"$NE_BIN" extract <"$WORK/good.jsonl" >"$WORK/expected.jsonl" 2>/dev/null
[ "$(wc -l <"$WORK/expected.jsonl")" = 25 ] || fail "extract found $(wc -l <"$WORK/expected.jsonl") events in 25 articles"

for mode in at-least-once exactly-once; do
    tag=$mode-$RUN_ID
    IN=in-$tag
    "$NE_TOPICS" -b "$B" create-config "$IN" 1 max.message.bytes=5000000
    kcat -b "$B" -P -t "$IN" -D '\x1e' -X message.max.bytes=5000000 -l "$WORK/records.bin"
    [ "$(end_offset "$IN")" = 26 ] || fail "$mode: $(end_offset "$IN") input records (expected 26)"
    extra=()
    [ "$mode" = exactly-once ] && extra=(--transactional-id "tx-$tag" --batch 3)

    # ---- 1. the delivery fails for good: exit 1 by itself, nothing committed past it
    topics "out-fail-$tag" 1 "dlq-fail-$tag" 1
    for run in 1 2; do
        t0=$(date +%s%N)
        rc=0
        NEWSEVENTS_TEST_NO_CUT=1 timeout 120 "$NE_BIN" run -b "$B" -i "$IN" -o "out-fail-$tag" \
            --dead-letter "dlq-fail-$tag" -g "g-fail-$tag" --guarantee "$mode" "${extra[@]}" \
            --flush-timeout-ms "$FLUSH_MS" >"$WORK/fail-$tag-$run.log" 2>&1 || rc=$?
        secs=$(( ($(date +%s%N) - t0) / 1000000000 ))
        c=$(committed "g-fail-$tag" "$IN")
        note "$mode, delivery refused, run $run: exit $rc after ${secs}s, committed offset $c (the failed record is at 5)"
        [ "$rc" = 1 ] || { tail -5 "$WORK/fail-$tag-$run.log" >&2; fail "$mode run $run: exit $rc (expected 1)"; }
        [ "$secs" -le $((LIMIT_S + 20)) ] || fail "$mode run $run: took ${secs}s"
        grep -q "Message size too large" "$WORK/fail-$tag-$run.log" || fail "$mode: no delivery failure seen"
        [ "$c" -le 5 ] || fail "$mode run $run: committed $c, past the failed record at 5"
    done
    # the time from the failure to the exit (the start-up, with a
    # transactional id, is not the service's to shorten)
    failed_at=$(grep -m1 "Message size too large" "$WORK/fail-$tag-2.log" | cut -c1-23)
    ended_at=$(grep "stopped:" "$WORK/fail-$tag-2.log" | cut -c1-23)
    took=$("$PY" -c 'import sys, datetime as d
f = lambda s: d.datetime.fromisoformat(s)
print(round((f(sys.argv[2]) - f(sys.argv[1])).total_seconds(), 1))' "$failed_at" "$ended_at")
    note "$mode: from the failed delivery to the exit: ${took}s (limit ${LIMIT_S}s)"
    "$PY" -c "import sys; sys.exit(0 if float('$took') <= $LIMIT_S else 1)" || fail "$mode: ${took}s to stop"

    # ---- 2. the default: the dead letter is cut to fit, nothing stalls
    topics "out-$tag" 1 "dlq-$tag" 1
    start_service -i "$IN" -o "out-$tag" --dead-letter "dlq-$tag" -g "g-$tag" --guarantee "$mode" "${extra[@]}"
    wait_committed "g-$tag" "$IN" 120
    stop_service "$SVC_PID"
    wait_stable "dlq-$tag"
    kcat -b "$B" -C -t "dlq-$tag" -o beginning -e -q -f '%h\n' -X fetch.message.max.bytes=2000000 \
        -X isolation.level=read_committed >"$WORK/dlq-$tag.h"
    [ "$(wc -l <"$WORK/dlq-$tag.h")" = 1 ] || fail "$mode: $(wc -l <"$WORK/dlq-$tag.h") dead letters (expected 1)"
    grep -q "ne_truncated=2097152" "$WORK/dlq-$tag.h" || fail "$mode: no ne_truncated=2097152: $(cat "$WORK/dlq-$tag.h")"
    grep -q "ne_source_offset=5" "$WORK/dlq-$tag.h" || fail "$mode: the dead letter's source offset"
    consume_all "out-$tag" >"$WORK/out-$tag.json"
    "$PY" - "$WORK/out-$tag.json" "$WORK/expected.jsonl" "$mode" <<'PY'
import json, sys
exp = set(json.loads(l)["event_id"] for l in open(sys.argv[2]))
got = [json.loads(json.loads(l)["payload"])["event_id"] for l in open(sys.argv[1])]
missing = len(exp - set(got))
print("%s: the dead letter cut to fit (ne_truncated=2097152); %d of %d good articles' events delivered"
      % (sys.argv[3], len(exp) - missing, len(exp)))
assert missing == 0
PY
    # the dead letter's bytes are the record's first bytes, under the topic's limit
    kcat -b "$B" -C -t "dlq-$tag" -o beginning -e -q -f '%s' -X fetch.message.max.bytes=2000000 >"$WORK/dlq-$tag.bin"
    "$PY" - "$WORK/records.bin" "$WORK/dlq-$tag.bin" <<'PY'
import sys
raw = open(sys.argv[1], "rb").read().split(b"\x1e")[5]
cut = open(sys.argv[2], "rb").read()
assert 0 < len(cut) < 1048588, len(cut)
assert raw.startswith(cut), "the dead letter is not the record's first bytes"
print("dead letter: the first %d of %d bytes" % (len(cut), len(raw)))
PY
done

# ---- 3. an event bigger than the output topic takes: a window of its sentence
IN=in-big-$RUN_ID OUT=out-big-$RUN_ID
topics "$IN" 1 "dlq-big-$RUN_ID" 1
"$NE_TOPICS" -b "$B" create-config "$OUT" 1 max.message.bytes=20000
"$PY" - >"$WORK/big.jsonl" <<'PY'
import json
# (a sentence is at most a few hundred tokens, but one token can be megabytes)
print(json.dumps({"id": "big-1", "published": "2023-06-07",
                  "text": "Poland accused Belarus on Monday of herding migrants toward the border near "
                          + "Zz" * 30000 + " village."}))
PY
"$NE_BIN" extract <"$WORK/big.jsonl" >"$WORK/big-exp.jsonl" 2>/dev/null
kcat -b "$B" -P -t "$IN" -l "$WORK/big.jsonl"
start_service -i "$IN" -o "$OUT" --dead-letter "dlq-big-$RUN_ID" -g "g-big-$RUN_ID"
wait_committed "g-big-$RUN_ID" "$IN" 60
stop_service "$SVC_PID"
consume_all "$OUT" >"$WORK/big-out.json"
"$PY" - "$NE_SRC/schemas/event.schema.json" "$WORK/big.jsonl" "$WORK/big-exp.jsonl" "$WORK/big-out.json" <<'PY'
import json, sys
from jsonschema import Draft202012Validator
v = Draft202012Validator(json.load(open(sys.argv[1])))
text = json.loads(open(sys.argv[2]).readline())["text"]
exp = [json.loads(l) for l in open(sys.argv[3])]
got = [json.loads(json.loads(l)["payload"]) for l in open(sys.argv[4])]
assert exp and sorted(e["event_id"] for e in exp) == sorted(g["event_id"] for g in got), "events differ"
for g in got:
    raw = json.dumps(g, ensure_ascii=False, separators=(",", ":")).encode()
    errs = list(v.iter_errors(g))
    assert not errs, errs[0].message
    ev = g["evidence"]
    assert ev.get("truncated") is True, "not cut"
    assert text[ev["start"]:ev["end"]] == ev["sentence"], "window offsets"
    assert ev["start"] <= ev["trigger"]["start"] < ev["trigger"]["end"] <= ev["end"]
    assert len(raw) < 20000, len(raw)
print("event cut to fit a 20000-byte topic: %d event(s), sentence window of %d of %d characters"
      % (len(got), len(got[0]["evidence"]["sentence"]), len(text)))
PY
echo PASS
