#!/usr/bin/env bash
# Observability on a real broker: /metrics in the Prometheus text format
# (articles in, events out, dead letters by reason, the processing latency
# histogram, consumer lag per partition from librdkafka statistics) and
# /healthz (ready once partitions are assigned and the broker answers),
# bound to 127.0.0.1; JSON log lines. Input in news-please's shape, read
# through --map.
. "$(dirname "$0")/lib.sh"

IN=in-$RUN_ID OUT=out-$RUN_ID G=g-$RUN_ID
topics "$IN" 2 "$OUT" 2 "dlq-$RUN_ID" 1
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 - "$NE_SHARED/data/dev-gold.jsonl" >"$WORK/newsplease.jsonl" <<'PY'
import json, sys
for n, line in enumerate(open(sys.argv[1])):
    a = json.loads(line)
    # news-please field names and its date format
    print(json.dumps({"maintext": a["text"], "date_publish": a["published"] + " 09:30:00",
                      "title": a.get("title"), "url": "https://example.org/%d" % n,
                      "source_domain": "example.org"}))
print("not json")
PY
kcat -b "$B" -P -t "$IN" -l "$WORK/newsplease.jsonl"
start_service -i "$IN" -o "$OUT" --dead-letter "dlq-$RUN_ID" -g "$G" --metrics-port "$port" \
    --stats-interval-ms 1000 --map text=maintext,published=date_publish --log-format json
# not ready before the group has assigned partitions, then ready
code=$(curl -s -o "$WORK/h0.txt" -w '%{http_code}' "http://127.0.0.1:$port/healthz" || echo 000)
note "healthz at start: $code $(cat "$WORK/h0.txt" 2>/dev/null)"
wait_committed "$G" "$IN" 120
sleep 2.5 # a statistics interval or two, for the lag gauges
curl -sf "http://127.0.0.1:$port/metrics" >"$WORK/metrics.txt" || fail "no /metrics"
code=$(curl -s -o "$WORK/h1.txt" -w '%{http_code}' "http://127.0.0.1:$port/healthz")
[ "$code" = 200 ] || fail "healthz $code: $(cat "$WORK/h1.txt")"
cat "$WORK/metrics.txt" | grep -v "^#" | grep -E "records_in|articles|events_out|dead_letters_total\{reason=\"invalid_json\"\}|processing_seconds_count|consumer_lag|assigned"
grep -q '^newsevents_records_in_total 121$' "$WORK/metrics.txt" || fail "records_in is not 121"
grep -q '^newsevents_articles_total 120$' "$WORK/metrics.txt" || fail "articles is not 120"
grep -q 'newsevents_dead_letters_total{reason="invalid_json"} 1$' "$WORK/metrics.txt" || fail "dead letter not counted"
grep -q '^newsevents_processing_seconds_bucket{le="+Inf"} 120$' "$WORK/metrics.txt" || fail "histogram count"
grep -q "^newsevents_consumer_lag{topic=\"$IN\",partition=\"[01]\"} 0$" "$WORK/metrics.txt" || fail "no lag gauges"
events=$(grep '^newsevents_events_out_total' "$WORK/metrics.txt" | awk '{print $2}')
[ "$events" = "$(end_offset "$OUT")" ] || fail "events_out $events != $(end_offset "$OUT") on the topic"
# bound to loopback only
ss -ltnH "sport = :$port" | awk '{print $4}' | grep -qx "127.0.0.1:$port" || fail "not bound to 127.0.0.1"
# JSON log lines
head -1 "$WORK/svc-$SVC_N.log" | python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); assert d["level"] and d["msg"]' ||
    fail "log lines are not JSON"
stop_service "$SVC_PID"
consume_all "$OUT" >"$WORK/out.json"
python3 - "$WORK/out.json" <<'PY'
import json, sys
ev = [json.loads(json.loads(l)["payload"]) for l in open(sys.argv[1])]
assert len({e["article_id"] for e in ev}) > 80, "mapped records were not coded"
assert all(e["date"]["value"] for e in ev), "date_publish was not used"
print("--map: %d events from news-please records" % len(ev))
PY
echo PASS
