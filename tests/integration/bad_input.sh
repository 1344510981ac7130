#!/usr/bin/env bash
# Every class of bad input through `newsevents extract`: each gets its
# reason code (or is coded normally), the good records around it are all
# coded, the exit code is 0, and memory stays bounded. Prints the table of
# classes and reasons.
set -euo pipefail
BIN=$1
here=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d /tmp/ne-badinput-XXXX)
trap 'rm -rf "$W"' EXIT
python3 "$here/badinput.py" "$W/in.jsonl" "$W/expected.json"
rc=0
/usr/bin/time -f "%M" -o "$W/rss" "$BIN" extract --input "$W/in.jsonl" --output "$W/out.jsonl" \
    --rejects "$W/rejects.jsonl" 2>"$W/err.txt" || rc=$?
[ "$rc" = 0 ] || { tail "$W/err.txt"; echo "FAIL: exit $rc"; exit 1; }
python3 - "$W/expected.json" "$W/rejects.jsonl" "$W/out.jsonl" "$W/rss" <<'PY'
import json, sys
exp = json.load(open(sys.argv[1]))
rej = {r["line"]: r for r in map(json.loads, open(sys.argv[2]))}
out = [json.loads(l) for l in open(sys.argv[3])]
coded = {e["article_id"] for e in out}
bad = 0
print("%-36s %-22s %s" % ("class", "reason", "check"))
for i, c in enumerate(exp["classes"]):
    line = 2 * i + 2
    got = rej[line]["reason"] if line in rej else "coded"
    ok = got == c["reason"]
    bad += not ok
    print("%-36s %-22s %s" % (c["class"], got, "ok" if ok else "EXPECTED " + c["reason"]))
missing = [g for g in range(exp["good"]) if "good-%d" % g not in coded]
print("good records coded: %d of %d" % (exp["good"] - len(missing), exp["good"]))
rss = int(open(sys.argv[4]).read().split()[-1]) / 1024
print("peak memory: %.1f MB" % rss)
assert not missing, "good records lost: %s" % missing
assert not bad, "%d classes with the wrong outcome" % bad
nbad = sum(c["reason"] != "coded" for c in exp["classes"])
assert len(rej) == nbad, "%d rejects for %d bad records" % (len(rej), nbad)
assert "ctl" in coded, "the record with escaped control characters gave no event"
assert "bom" in coded, "the record after a byte order mark gave no event"
assert rss < 256, "memory not bounded"
PY
# a larger limit codes the 20 MB article, in memory bounded by the record
# (the coder tokenizes a window at a time)
python3 -c 'import json; print(json.dumps({"id":"big","published":"2021-11-10","text":("Russia condemned Ukraine on Monday. "*600000)[:20*1024*1024]}))' >"$W/big.jsonl"
/usr/bin/time -f "%M %e" -o "$W/rss2" "$BIN" extract --max-record-bytes 32M <"$W/big.jsonl" >"$W/big.out" 2>/dev/null
read -r kb secs <"$W/rss2"
n=$(wc -l <"$W/big.out")
echo "20 MB article with --max-record-bytes 32M: $n events in ${secs}s, peak memory $((kb / 1024)) MB"
[ "$n" -ge 1 ] || { echo "FAIL: the 20 MB article was not coded"; exit 1; }
[ "$kb" -lt $((256 * 1024)) ] || { echo "FAIL: the 20 MB article took $((kb / 1024)) MB"; exit 1; }
echo PASS
