#!/usr/bin/env bash
# Output records of the service validate against schemas/event.schema.json
# with an independent validator (Python jsonschema, Draft 2020-12).
. "$(dirname "$0")/lib.sh"

IN=in-$RUN_ID OUT=out-$RUN_ID G=g-$RUN_ID
topics "$IN" 2 "$OUT" 2 "dlq-$RUN_ID" 1
articles_from "$NE_DEV" dev 120 >"$WORK/articles.jsonl"
cat "$NE_SEED" >>"$WORK/articles.jsonl"
kcat -b "$B" -P -t "$IN" -l "$WORK/articles.jsonl"
start_service -i "$IN" -o "$OUT" --dead-letter "dlq-$RUN_ID" -g "$G"
wait_committed "$G" "$IN" 120
stop_service "$SVC_PID"
consume_all "$OUT" >"$WORK/out.json"
"$PY" - "$NE_SRC/schemas/event.schema.json" "$NE_SRC/schemas/article.schema.json" \
    "$WORK/out.json" "$WORK/articles.jsonl" <<'PY'
import json, sys
from jsonschema import Draft202012Validator
ev_schema = json.load(open(sys.argv[1]))
art_schema = json.load(open(sys.argv[2]))
Draft202012Validator.check_schema(ev_schema)
Draft202012Validator.check_schema(art_schema)
v = Draft202012Validator(ev_schema)
texts = {}
for line in open(sys.argv[4]):
    a = json.loads(line)
    texts[a["id"]] = a["text"]
n = parties = 0
for line in open(sys.argv[3]):
    rec = json.loads(json.loads(line)["payload"])
    errs = sorted(v.iter_errors(rec), key=str)
    assert not errs, "invalid event %s: %s" % (rec.get("event_id"), errs[0].message)
    # evidence offsets (code points) point at the sentence and the trigger in the article text
    text, ev = texts[rec["article_id"]], rec["evidence"]
    assert text[ev["start"]:ev["end"]] == ev["sentence"], "evidence offsets of %s" % rec["event_id"]
    tr = ev["trigger"]
    assert ev["start"] <= tr["start"] < tr["end"] <= ev["end"], "trigger outside its sentence"
    assert text[tr["start"]:tr["end"]] == rec["action"]["text"], "trigger offsets of %s" % rec["event_id"]
    # the actor's and counterpart's mentions: where their codes came from
    for side in ("actor", "counterpart"):
        p = rec[side]
        if p and p["start"] is not None:
            assert text[p["start"]:p["end"]] == p["text"], "%s offsets of %s" % (side, rec["event_id"])
            parties += 1
    n += 1
assert n > 50, "only %d events" % n
assert parties > n, "only %d party offsets in %d events" % (parties, n)
va = Draft202012Validator(art_schema)
for line in open(sys.argv[4]):
    a = json.loads(line)
    errs = list(va.iter_errors(a))
    assert not errs, errs[0].message
print("%d event records valid against %s" % (n, ev_schema["$id"]))
PY
echo "PASS"
