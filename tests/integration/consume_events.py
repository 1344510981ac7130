#!/usr/bin/env python3
"""A consumer of newsevents' output in another language: Python with
confluent-kafka. It reads the event topic as a consumer group, checks the
CloudEvents headers (Kafka protocol binding, binary mode) and validates
every record against schemas/event.schema.json.

usage: consume_events.py BROKERS TOPIC SCHEMA [MAX_IDLE_SECONDS]
Prints one line per event and a summary; exits 1 on the first invalid record.
"""
import json
import sys

from confluent_kafka import Consumer
from jsonschema import Draft202012Validator

brokers, topic, schema_path = sys.argv[1:4]
idle_limit = float(sys.argv[4]) if len(sys.argv) > 4 else 10.0
validator = Draft202012Validator(json.load(open(schema_path)))
consumer = Consumer({"bootstrap.servers": brokers, "group.id": "events-reader-" + topic,
                     "auto.offset.reset": "earliest", "isolation.level": "read_committed"})
consumer.subscribe([topic])
count, idle = 0, 0.0
try:
    while idle < idle_limit:
        msg = consumer.poll(0.5)
        if msg is None:
            idle += 0.5
            continue
        idle = 0.0
        if msg.error():
            raise SystemExit("consume error: %s" % msg.error())
        headers = {k: v.decode() for k, v in (msg.headers() or [])}
        event = json.loads(msg.value())
        errors = list(validator.iter_errors(event))
        if errors:
            raise SystemExit("invalid event %s: %s" % (event.get("event_id"), errors[0].message))
        assert headers["ce_specversion"] == "1.0", headers
        assert headers["ce_id"] == event["event_id"] == msg.key().decode(), headers
        assert headers["ce_type"] and headers["ce_source"] and headers["ce_time"], headers
        assert headers["content-type"] == "application/json", headers
        count += 1
        print("%s %s %s %s %s" % (event["date"]["value"], event["actor"]["code"],
                                  event["action"]["code"], (event["counterpart"] or {}).get("code"),
                                  event["action"]["label"]))
finally:
    consumer.close()
print("%d events valid against %s" % (count, validator.schema["$id"]), file=sys.stderr)
