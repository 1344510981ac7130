#!/usr/bin/env bash
# Malformed records go to the dead-letter topic with their original bytes
# and a reason; the good records around them are still coded; nothing stalls.
. "$(dirname "$0")/lib.sh"

IN=in-$RUN_ID OUT=out-$RUN_ID DLQ=dlq-$RUN_ID G=g-$RUN_ID
topics "$IN" 1 "$OUT" 1 "$DLQ" 1
python3 - "$WORK/records.bin" "$WORK/expected.json" <<'PY'
import json, sys
good = lambda i: json.dumps({"id": "good-%d" % i, "published": "2023-06-07",
                             "text": "Poland accused Belarus on Monday of herding migrants toward the border."}).encode()
recs = [
    (good(1), None),
    (b'{"text": "Russia accused', "truncated_json"),
    (b'not json at all', "invalid_json"),
    (good(2), None),
    (b'[1, 2, 3]', "not_object"),
    (b'{"title": "no text"}', "missing_text"),
    (b'{"text": 42}', "wrong_type"),
    (b'{"text": "bad \xff\xfe bytes"}', "invalid_utf8"),
    (b'{"text": "a", "text": "b"}', "duplicate_key"),
    (b'{"text": "   "}', "empty_text"),
    (b'{"text": "x", "published": "yesterday"}', "invalid_date"),
    (good(3), None),
]
with open(sys.argv[1], "wb") as f:
    for r, _ in recs:
        assert b"\x1e" not in r
        f.write(r + b"\x1e")
json.dump([[r.decode("latin-1"), why] for r, why in recs], open(sys.argv[2], "w"))
PY
kcat -b "$B" -P -t "$IN" -D '\x1e' -k k -H origin=test -l "$WORK/records.bin"
[ "$(end_offset "$IN")" = 12 ] || fail "expected 12 input records, have $(end_offset "$IN")"
start_service -i "$IN" -o "$OUT" --dead-letter "$DLQ" -g "$G"
wait_committed "$G" "$IN" 120
stop_service "$SVC_PID"

consume_all "$DLQ" >"$WORK/dlq.json"
consume_all "$OUT" >"$WORK/out.json"
python3 - "$WORK/expected.json" "$WORK/dlq.json" "$WORK/out.json" "$IN" <<'PY'
import json, sys
expected = json.load(open(sys.argv[1]))
dl = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8", errors="surrogateescape")]
out = [json.loads(json.loads(l)["payload"]) for l in open(sys.argv[3])]
bad = [(i, r, why) for i, (r, why) in enumerate(expected) if why]
assert len(dl) == len(bad), "%d dead letters for %d bad records" % (len(dl), len(bad))
for (i, raw, why), env in zip(bad, dl):
    h = dict(zip(env["headers"][::2], env["headers"][1::2]))
    assert h["ne_reason"] == why, (i, h["ne_reason"], why)
    assert h["ne_error"], "no error message"
    assert h["ne_source_offset"] == str(i) and h["ne_source_topic"] == sys.argv[4], h
    assert h["origin"] == "test", "original headers were not kept"
    assert env["key"] == "k", "original key was not kept"
    # kcat prints the payload as text; compare through latin-1 for the invalid-UTF-8 one
    if why != "invalid_utf8":
        assert env["payload"] == raw, (env["payload"], raw)
    print("dead letter offset %d: %s" % (i, why))
ids = sorted({e["article_id"] for e in out})
assert ids == ["good-1", "good-2", "good-3"], ids
for e in out:
    assert (e["actor"]["code"], e["action"]["code"], e["counterpart"]["code"]) == ("POL", "112", "BLR"), e
print("good articles coded:", ids)
PY
# the invalid UTF-8 record's bytes, as bytes (kcat prints text): a Kafka client reads them
"$PY" - "$B" "$DLQ" "$WORK/records.bin" <<'PY'
import sys
from confluent_kafka import Consumer, TopicPartition
raw = next(r for r in open(sys.argv[3], "rb").read().split(b"\x1e") if b"\xff\xfe" in r)
c = Consumer({"bootstrap.servers": sys.argv[1], "group.id": "dead-letter-bytes", "enable.auto.commit": False})
c.assign([TopicPartition(sys.argv[2], 0, 0)])
values = []
while len(values) < 9:
    m = c.poll(10.0)
    if m is None:
        break
    if not m.error():
        values.append(m.value())
c.close()
assert raw in values, "the invalid UTF-8 record's bytes were not kept in its dead letter"
print("invalid UTF-8 dead letter: the original %d bytes, byte for byte" % len(raw))
PY
# ne_truncated: only a too_large record over 64 KiB is cut (to its first
# 64 KiB, its size in the header); a smaller too_large one is kept whole
IN2=in2-$RUN_ID OUT2=out2-$RUN_ID DLQ2=dlq2-$RUN_ID G2=g2-$RUN_ID
topics "$IN2" 1 "$OUT2" 1 "$DLQ2" 1
python3 -c 'import json; print(json.dumps({"id": "small", "text": "x " * 1000})); print(json.dumps({"id": "big", "text": "y " * 50000}))' \
    >"$WORK/large.jsonl"
kcat -b "$B" -P -t "$IN2" -l "$WORK/large.jsonl"
start_service -i "$IN2" -o "$OUT2" --dead-letter "$DLQ2" -g "$G2" --max-record-bytes 1k
wait_committed "$G2" "$IN2" 120
stop_service "$SVC_PID"
consume_all "$DLQ2" >"$WORK/dlq2.json"
python3 - "$WORK/dlq2.json" "$WORK/large.jsonl" <<'PY'
import json, sys
dl = [json.loads(l) for l in open(sys.argv[1])]
raw = open(sys.argv[2]).read().splitlines()
assert len(dl) == 2, "%d dead letters, not 2" % len(dl)
small, big = dl
hs = dict(zip(small["headers"][::2], small["headers"][1::2]))
hb = dict(zip(big["headers"][::2], big["headers"][1::2]))
assert hs["ne_reason"] == hb["ne_reason"] == "too_large", (hs, hb)
assert "ne_truncated" not in hs and small["payload"] == raw[0], "the 2 KB record was not kept whole"
assert hb["ne_truncated"] == str(len(raw[1])) and big["payload"] == raw[1][:65536], "the 100 KB record"
print("too_large: %d bytes kept whole; %d bytes cut to 64 KiB with ne_truncated" % (len(raw[0]), len(raw[1])))
PY
echo "PASS"
