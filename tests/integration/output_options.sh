#!/usr/bin/env bash
# Output options and the service's own lines, on the real broker:
#  1. --create-topics creates the output and dead-letter topics (as many
#     partitions as the input, or --partitions);
#  2. --key article keys every event by its article's id, so one article's
#     events share a partition and keep their order;
#  3. tombstones and empty values (a compacted input topic) and articles in
#     other languages are skipped and counted: no dead letter, committed;
#  4. the start-up line gives the effective settings with secrets hidden; a
#     status line comes every --status-interval-s with rates and lag;
#  5. two exactly-once instances with one transactional id: the fenced one
#     says what to do;
#  6. --log-format json: a dead letter's line carries topic, partition,
#     offset and reason.
. "$(dirname "$0")/lib.sh"

IN=in-$RUN_ID OUT=out-$RUN_ID DLQ=dlq-$RUN_ID G=g-$RUN_ID
topics "$IN" 4
articles_from "$NE_DEV" key 200 >"$WORK/articles.jsonl"
"$NE_BIN" extract <"$WORK/articles.jsonl" >"$WORK/expected.jsonl" 2>/dev/null
kcat -b "$B" -P -t "$IN" -l "$WORK/articles.jsonl"
# a tombstone (no value), an empty value, an article in French, a malformed record
printf 'gone:\n' | kcat -b "$B" -P -t "$IN" -K: -Z
printf 'empty:\n' | kcat -b "$B" -P -t "$IN" -K:
echo '{"id":"fr-1","language":"fr","text":"La Russie a accusé l Ukraine lundi."}' | kcat -b "$B" -P -t "$IN"
echo '{"text": "broken' | kcat -b "$B" -P -t "$IN"
total=$(end_offset "$IN")
[ "$total" = 204 ] || fail "$total input records (expected 204)"

# ---- 1-4, 6
start_service -i "$IN" -o "$OUT" --dead-letter "$DLQ" -g "$G" --create-topics --key article \
    --status-interval-s 1 --log-format json -X producer.ssl.key.password=hunter2-secret
log=$WORK/svc-$SVC_N.log
wait_committed "$G" "$IN" 120
sleep 1.5
stop_service "$SVC_PID"
parts=$(kcat -b "$B" -L -t "$OUT" | grep -c "partition [0-9]")
dparts=$(kcat -b "$B" -L -t "$DLQ" | grep -c "partition [0-9]")
note "--create-topics: $OUT has $parts partition(s), $DLQ $dparts (the input has 4)"
[ "$parts" = 4 ] && [ "$dparts" = 4 ] || fail "created topics with $parts/$dparts partitions"
kcat -b "$B" -C -t "$OUT" -o beginning -e -q -f '%k\t%p\t%s\n' >"$WORK/out.tsv"
"$PY" - "$WORK/out.tsv" "$WORK/expected.jsonl" <<'PY'
import json, sys
exp = set(json.loads(l)["event_id"] for l in open(sys.argv[2]))
part_of, seen = {}, set()
for line in open(sys.argv[1]):
    key, part, val = line.rstrip("\n").split("\t", 2)
    ev = json.loads(val)
    assert key == ev["article_id"], "key %s for article %s" % (key, ev["article_id"])
    assert part_of.setdefault(key, part) == part, "article %s on two partitions" % key
    seen.add(ev["event_id"])
assert seen == exp, "%d of %d events" % (len(seen & exp), len(exp))
print("--key article: %d events keyed by %d article ids, each article on one partition" % (len(seen), len(part_of)))
PY
[ "$(end_offset "$DLQ")" = 1 ] || fail "$(end_offset "$DLQ") dead letters (expected 1: only the malformed record)"
grep -q '"msg":"stopped: 204 records, 200 articles, [0-9]* events, 1 dead letters, 3 skipped"' "$log" ||
    fail "totals: $(grep -o '"msg":"stopped[^"]*' "$log")"
"$PY" - "$log" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
settings = [l["msg"] for l in lines if l["msg"].startswith("settings: ")]
assert settings and "ssl.key.password=(secret)" in settings[0], settings
assert not any("hunter2" in json.dumps(l) for l in lines), "a secret in the log"
status = [l["msg"] for l in lines if l["msg"].startswith("status: ")][::-1]
assert status and "records/s" in status[0] and "consumer lag" in status[0], status
dead = [l for l in lines if "dead letter:" in l["msg"]]
assert len(dead) == 1 and dead[0].get("reason") == "truncated_json" and "topic" in dead[0] \
    and "partition" in dead[0] and "offset" in dead[0], dead
print("settings line with the secret hidden; %d status line(s), the last %r; dead letter line %s"
      % (len(status), status[0][:90], {k: dead[0][k] for k in ("topic", "partition", "offset", "reason")}))
PY

# ---- 5. two exactly-once instances, one transactional id
IN5=in5-$RUN_ID OUT5=out5-$RUN_ID
topics "$IN5" 2 "$OUT5" 2 "dlq5-$RUN_ID" 1
kcat -b "$B" -P -t "$IN5" -l "$WORK/articles.jsonl"
eos=(-i "$IN5" -o "$OUT5" --dead-letter "dlq5-$RUN_ID" -g "g5-$RUN_ID" --guarantee exactly-once
     --transactional-id "same-$RUN_ID" --batch 5)
start_service "${eos[@]}"
first=$SVC_PID flog=$WORK/svc-$SVC_N.log
for _ in $(seq 1 100); do grep -q "assigned [1-9]" "$flog" && break; sleep 0.1; done
start_service "${eos[@]}"
second=$SVC_PID
for _ in $(seq 1 300); do kill -0 "$first" 2>/dev/null || break; sleep 0.1; done
grep -q "another instance started with the transactional id same-$RUN_ID" "$flog" ||
    fail "the fenced instance gave no hint: $(grep -i fenc "$flog" | tail -2)"
note "fenced: $(grep -o 'another instance started[^"]*' "$flog" | head -1 | cut -c1-100)..."
kill -TERM "$second"; wait "$second" || true
echo PASS
