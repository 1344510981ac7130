#!/usr/bin/env bash
# Every class of bad input through the service on a real broker: each goes
# to the dead-letter topic with its reason (the 20 MB record as too_large,
# truncated, without being parsed), every good record around it is coded,
# nothing stalls, and the service's memory stays bounded.
. "$(dirname "$0")/lib.sh"

IN=in-$RUN_ID OUT=out-$RUN_ID DLQ=dlq-$RUN_ID G=g-$RUN_ID
"$NE_TOPICS" -b "$B" create-config "$IN" 1 max.message.bytes=26214400
topics "$OUT" 1 "$DLQ" 1
python3 "$(dirname "$0")/badinput.py" "$WORK/in.jsonl" "$WORK/expected.json"
kcat -b "$B" -P -t "$IN" -X message.max.bytes=26214400 -l "$WORK/in.jsonl"
total=$(end_offset "$IN")
start_service -i "$IN" -o "$OUT" --dead-letter "$DLQ" -g "$G"
wait_committed "$G" "$IN" 180
rss=$(awk '/VmHWM/ {print $2}' "/proc/$SVC_PID/status")
stop_service "$SVC_PID"
consume_all "$DLQ" >"$WORK/dlq.json"
consume_all "$OUT" >"$WORK/out.json"
"$PY" - "$WORK/expected.json" "$WORK/dlq.json" "$WORK/out.json" "$rss" "$total" <<'PY'
import json, sys
exp = json.load(open(sys.argv[1]))
dl = {}
ndl = 0
for line in open(sys.argv[2], encoding="utf-8", errors="surrogateescape"):
    env = json.loads(line)
    h = dict(zip(env["headers"][::2], env["headers"][1::2]))
    dl[int(h["ne_source_offset"])] = h
    ndl += 1
coded = {json.loads(json.loads(l)["payload"])["article_id"] for l in open(sys.argv[3])}
bad = 0
print("%-36s %-22s %s" % ("class", "dead letter (service)", "check"))
for i, c in enumerate(exp["classes"]):
    off = 2 * i + 1
    got = dl[off]["ne_reason"] if off in dl else "coded"
    ok = got == c["reason"]
    if got == "too_large":
        ok = ok and dl[off].get("ne_truncated") == str(c["bytes"])
    bad += not ok
    print("%-36s %-22s %s" % (c["class"], got, "ok" if ok else "EXPECTED " + c["reason"]))
missing = [g for g in range(exp["good"]) if "good-%d" % g not in coded]
print("records: %s; good records coded: %d of %d; service peak memory %.1f MB"
      % (sys.argv[5], exp["good"] - len(missing), exp["good"], int(sys.argv[4]) / 1024))
assert not missing and not bad
nbad = sum(c["reason"] != "coded" for c in exp["classes"])
assert ndl == nbad, "%d dead letters for %d bad records" % (ndl, nbad)
assert "ctl" in coded, "the record with escaped control characters gave no event"
assert "bom" in coded, "the record after a byte order mark gave no event"
assert int(sys.argv[4]) < 512 * 1024, "memory not bounded"
PY
echo PASS
