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
python3 - "$NE_DEV" >"$WORK/newsplease.jsonl" <<'PY'
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
python3 - "$WORK/out.json" "$WORK/newsplease.jsonl" <<'PY'
import json, sys
ev = [json.loads(json.loads(l)["payload"]) for l in open(sys.argv[1])]
pubs = set()
for line in open(sys.argv[2]):
    if line.startswith("{"):
        pubs.add(json.loads(line)["date_publish"][:10])
assert len({e["article_id"] for e in ev}) > 80, "mapped records were not coded"
# an event dated by its article carries date_publish, not the record's timestamp (today)
by_article = [e["date"]["value"] for e in ev if e["date"]["source"] == "published"]
assert by_article and all(v in pubs for v in by_article), "date_publish was not used"
print("--map: %d events from news-please records, %d dated by date_publish" % (len(ev), len(by_article)))
PY

# /healthz is 503 while the group gives the instance no partition, 200 once
# it has one: A holds the only partition of a topic, B (with the endpoint)
# joins the group and gets nothing until A leaves
H_IN=hin-$RUN_ID H_OUT=hout-$RUN_ID H_G=hg-$RUN_ID
topics "$H_IN" 1 "$H_OUT" 1
start_service -i "$H_IN" -o "$H_OUT" --dead-letter "dlq-$RUN_ID" -g "$H_G"
a=$SVC_PID alog=$WORK/svc-$SVC_N.log
for _ in $(seq 1 300); do grep -q "assigned 1 partition" "$alog" && break; sleep 0.1; done
grep -q "assigned 1 partition" "$alog" || fail "instance A got no partition"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start_service -i "$H_IN" -o "$H_OUT" --dead-letter "dlq-$RUN_ID" -g "$H_G" --metrics-port "$port"
b=$SVC_PID
sleep 5 # B has joined the group, and the assignor left the partition with A
code=$(curl -s -o "$WORK/h0.txt" -w '%{http_code}' "http://127.0.0.1:$port/healthz" || true)
[ "$code" = 503 ] || fail "healthz $code with no partition assigned (expected 503): $(cat "$WORK/h0.txt")"
note "healthz with no partition: $code $(cat "$WORK/h0.txt")"
stop_service "$a"
for _ in $(seq 1 300); do
    code=$(curl -s -o "$WORK/h2.txt" -w '%{http_code}' "http://127.0.0.1:$port/healthz" || true)
    [ "$code" = 200 ] && break
    sleep 0.1
done
[ "$code" = 200 ] || fail "healthz $code after A left (expected 200): $(cat "$WORK/h2.txt")"
note "healthz once the partition moved to B: $code $(cat "$WORK/h2.txt")"
stop_service "$b"
echo PASS
