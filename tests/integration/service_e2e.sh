#!/usr/bin/env bash
# The service end to end on a real broker: the reference article in, its
# events out (keyed by event id, with source headers), offsets committed,
# SIGTERM gives exit 0.
. "$(dirname "$0")/lib.sh"

IN=in-$RUN_ID OUT=out-$RUN_ID DLQ=dlq-$RUN_ID G=g-$RUN_ID
topics "$IN" 3 "$OUT" 3 "$DLQ" 1
kcat -b "$B" -P -t "$IN" -k seed <"$NE_SEED"
start_service -i "$IN" -o "$OUT" --dead-letter "$DLQ" -g "$G"
wait_committed "$G" "$IN" 120
stop_service "$SVC_PID"
grep -q "stopped: 1 records, 1 articles" "$WORK/svc-$SVC_N.log" || fail "unexpected totals: $(tail -1 "$WORK/svc-$SVC_N.log")"

consume_all "$OUT" >"$WORK/out.json"
python3 - "$WORK/out.json" "$WORK/events.jsonl" "$IN" <<'PY'
import json, sys
envs = [json.loads(l) for l in open(sys.argv[1])]
assert envs, "no events on the output topic"
with open(sys.argv[2], "w") as out:
    for e in envs:
        ev = json.loads(e["payload"])
        assert e["key"] == ev["event_id"], "record key is not the event id"
        h = dict(zip(e["headers"][::2], e["headers"][1::2]))
        assert h["ne_source_topic"] == sys.argv[3], h
        assert h["ne_source_offset"] == "0" and h["ne_source_partition"].isdigit(), h
        assert h["ne_schema_version"] == ev["schema_version"], h
        assert ev["article_id"] == "seed-0001"
        out.write(e["payload"] + "\n")
print("events:", len(envs))
PY
score=$("$NE_SCORE" "$NE_SEED" "$WORK/events.jsonl" | tail -1)
echo "$score"
matched=$(echo "$score" | sed -n 's/.*matched \([0-9]*\)).*/\1/p')
[ "${matched:-0}" -ge 4 ] || fail "only ${matched:-0} of 8 gold events matched through Kafka"
[ "$(end_offset "$DLQ")" = 0 ] || fail "the reference article went to the dead letters"

# `run` gives each event the location `extract` gives it (places.c; on by default)
"$NE_BIN" extract <"$NE_SEED" >"$WORK/extract.jsonl" 2>/dev/null
python3 - "$WORK/events.jsonl" "$WORK/extract.jsonl" <<'PY' || fail "the service's locations differ from extract's"
import json, sys
run = {e["event_id"]: e.get("location") for e in map(json.loads, open(sys.argv[1]))}
ext = {e["event_id"]: e.get("location") for e in map(json.loads, open(sys.argv[2]))}
assert any(ext.values()), "extract located no event of the reference article"
for k, loc in run.items():
    assert loc == ext.get(k), (k, loc, ext.get(k))
print("locations:", sum(1 for v in run.values() if v), "of", len(run), "events, as extract gives them")
PY
echo "PASS"
