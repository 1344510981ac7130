#!/usr/bin/env bash
# Replay and backfill on a real broker: `newsevents replay` exits 0 at the
# end offsets recorded when it starts, even while new records keep
# arriving; it commits no group offsets unless asked; replaying twice
# yields the same event ids; --from takes offsets and times; progress
# lines are printed when stderr is not a terminal.
. "$(dirname "$0")/lib.sh"

IN=in-$RUN_ID OUT1=out1-$RUN_ID OUT2=out2-$RUN_ID OUT3=out3-$RUN_ID G=g-$RUN_ID
topics "$IN" 3 "$OUT1" 3 "$OUT2" 3 "$OUT3" 3 "dlq-$RUN_ID" 1
articles_from "$NE_DEV" rp 3000 >"$WORK/articles.jsonl"
kcat -b "$B" -P -t "$IN" -l "$WORK/articles.jsonl"
sleep 1.5
midtime=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
sleep 1.5
articles_from "$NE_DEV" late 300 >"$WORK/late.jsonl"
kcat -b "$B" -P -t "$IN" -l "$WORK/late.jsonl"
total=$(end_offset "$IN")
"$NE_BIN" extract <"$WORK/articles.jsonl" >"$WORK/exp1.jsonl" 2>/dev/null
cat "$WORK/late.jsonl" >>"$WORK/articles.jsonl"
"$NE_BIN" extract <"$WORK/articles.jsonl" >"$WORK/expected.jsonl" 2>/dev/null

# 1. the whole topic, while a producer keeps appending until the replay
#    has exited: it still ends, at the end offsets it recorded at its start
#    (one kcat a record: kcat -P reading a pipe produces only at its end)
( k=0; while [ ! -e "$WORK/stop-writer" ] && [ "$k" -lt 1200 ]; do
      k=$((k + 1)); echo '{"id":"live-'$k'","text":"Russia condemned Ukraine."}' | kcat -b "$B" -P -t "$IN"
      sleep 0.05
  done ) &
writer=$!
PIDS+=("$writer")
rc=0
timeout 120 "$NE_BIN" replay -b "$B" -i "$IN" -o "$OUT1" --dead-letter "dlq-$RUN_ID" -g "$G" \
    2>"$WORK/r1.log" || rc=$?
sleep 0.5
end_after=$(end_offset "$IN")
touch "$WORK/stop-writer"
wait "$writer" || fail "the live producer failed"
[ "$rc" = 0 ] || { tail "$WORK/r1.log" >&2; fail "replay exited $rc"; }
recorded=$(grep -o "replay: [0-9]* record(s) in" "$WORK/r1.log" | grep -o "[0-9]*")
done_n=$(grep -o "replay: done: [0-9]* records" "$WORK/r1.log" | grep -o "[0-9]*")
grep -q "replay: $recorded/$recorded records (100.0%)" "$WORK/r1.log" || fail "no final progress line"
[ "$recorded" -ge "$total" ] || fail "replay recorded $recorded records to do, the topic had $total"
[ "$done_n" = "$recorded" ] || fail "replay did $done_n records, it recorded $recorded at its start"
[ "$end_after" -gt "$recorded" ] || fail "the producer added nothing during the replay; nothing was tested"
note "replay 1: recorded $recorded records at its start, did $done_n, while the topic grew to $end_after"
c=$(committed "$G" "$IN")
[ "$c" = 0 ] || fail "replay committed offsets ($c) without --commit"

# 2. again, to another topic, and commit this time: the same ids
timeout 120 "$NE_BIN" replay -b "$B" -i "$IN" -o "$OUT2" --dead-letter "dlq-$RUN_ID" -g "$G" --commit \
    --until end --progress lines 2>"$WORK/r2.log" || fail "second replay failed"
[ "$(committed "$G" "$IN")" -ge "$total" ] || fail "--commit did not commit the end offsets"

# 3. from a time, and from explicit offsets
timeout 120 "$NE_BIN" replay -b "$B" -i "$IN" -o "$OUT3" --dead-letter "dlq-$RUN_ID" --from "$midtime" \
    --until "$(date -u -d '+1 min' +%Y-%m-%dT%H:%M:%SZ)" --progress none 2>"$WORK/r3.log" ||
    fail "replay --from TIME failed"
consume_all "$OUT1" >"$WORK/o1.json"
consume_all "$OUT2" >"$WORK/o2.json"
consume_all "$OUT3" >"$WORK/o3.json"
python3 - "$WORK/expected.jsonl" "$WORK/o1.json" "$WORK/o2.json" "$WORK/o3.json" "$WORK/exp1.jsonl" <<'PY'
import json, sys
def ids(path, envelope=True):
    out = []
    for line in open(path):
        rec = json.loads(line)
        out.append(json.loads(rec["payload"]) if envelope else rec)
    return out
exp = {e["event_id"] for e in ids(sys.argv[1], False)}
early = {e["event_id"] for e in ids(sys.argv[5], False)}
r1 = ids(sys.argv[2]); r2 = ids(sys.argv[3]); r3 = ids(sys.argv[4])
s1 = {e["event_id"] for e in r1}; s2 = {e["event_id"] for e in r2}; s3 = {e["event_id"] for e in r3}
base1 = {e["event_id"] for e in r1 if not e["article_id"].startswith("live")}
base2 = {e["event_id"] for e in r2 if not e["article_id"].startswith("live")}
print("replay 1: %d events, replay 2: %d events; ids of the articles present in both: %s"
      % (len(r1), len(r2), "identical" if base1 == base2 else "DIFFERENT"))
assert exp <= s1, "replay 1 missed %d events" % len(exp - s1)
assert s1 <= s2, "replay 2 lacks ids of replay 1"
assert base1 == base2, "ids differ between replays"
late = exp - early
print("replay --from TIME: %d events (%d expected from the late articles)" % (len(s3), len(late)))
assert late <= s3, "the time range missed late articles"
assert not (s3 & early), "the time range included earlier articles"
PY
# 4. on a terminal: a progress bar (done/total, rate, ETA), run under a pseudo-terminal
script -qec "timeout 120 $NE_BIN replay -b $B -i $IN -o $OUT3 --dead-letter dlq-$RUN_ID --from earliest" /dev/null \
    >"$WORK/tty.txt" 2>&1 || fail "replay on a terminal failed"
grep -aqE '\[#+\.*\] [0-9]+/[0-9]+ +[0-9.]+% +[0-9]+ rec/s ETA [0-9]+:[0-9]+' "$WORK/tty.txt" ||
    fail "no progress bar on a terminal: $(tail -c 300 "$WORK/tty.txt")"
note "terminal: $(tr '\r' '\n' <"$WORK/tty.txt" | grep -a 'rec/s' | tail -1)"

# 5. explicit partition offsets: only what follows them
timeout 120 "$NE_BIN" replay -b "$B" -i "$IN" -o "$OUT3" --dead-letter "dlq-$RUN_ID" --from "0:999999,1:999999,2:999999" \
    --progress none 2>"$WORK/r4.log" || fail "replay --from offsets failed"
grep -q "replay: 0 record(s)" "$WORK/r4.log" || fail "offsets past the end should give an empty replay"
# ... and --commit with such offsets commits the end, never past it
G2=g2-$RUN_ID
timeout 120 "$NE_BIN" replay -b "$B" -i "$IN" -o "$OUT3" --dead-letter "dlq-$RUN_ID" -g "$G2" --commit \
    --from "0:999999,1:999999,2:999999" --progress none 2>"$WORK/r4c.log" || fail "replay --from past the end --commit failed"
[ "$(committed "$G2" "$IN")" = "$(end_offset "$IN")" ] ||
    fail "--from past the end committed $(committed "$G2" "$IN"), the log ends at $(end_offset "$IN")"
note "--from past the end with --commit: committed the end offsets ($(end_offset "$IN")), not 3 x 999999"
# the middle of each partition (a producer's batches fill partitions unevenly)
mid=() want=0
for p in 0 1 2; do
    e=$(kcat -b "$B" -Q -t "$IN:$p:-1" | awk '{print $NF}')
    mid+=($((e / 2)))
    want=$((want + e - e / 2))
done
from="0:${mid[0]},$IN:1:${mid[1]},2:${mid[2]}"
timeout 120 "$NE_BIN" replay -b "$B" -i "$IN" -o "$OUT3" --dead-letter "dlq-$RUN_ID" --from "$from" \
    --progress none 2>"$WORK/r5.log" || fail "replay --from mid-topic offsets failed"
grep -q "replay: done: $want records" "$WORK/r5.log" ||
    fail "--from $from: expected $want records; $(grep 'replay:' "$WORK/r5.log" | tail -1)"
note "replay --from $from: $want of $(end_offset "$IN") records"

# 6. a missing output topic: said at once, by name, exit 1, nothing read
rc=0
timeout 60 "$NE_BIN" replay -b "$B" -i "$IN" -o "no-such-$RUN_ID" --progress none 2>"$WORK/r6.log" || rc=$?
[ "$rc" = 1 ] || fail "replay to a missing topic exited $rc"
grep -q "output topic no-such-$RUN_ID: does not exist" "$WORK/r6.log" || fail "no clear error: $(tail -2 "$WORK/r6.log")"
note "replay to a missing topic: exit 1, '$(grep -o 'output topic no-such[^:]*: does not exist[^:]*' "$WORK/r6.log")'"
echo PASS
