#!/usr/bin/env bash
# docker-compose.yml as the README describes it (Docker itself is not
# needed): the broker has a listener for the containers and one advertised
# as localhost:9094 for the host, published on the host's loopback; the
# processor serves its metrics on all its addresses, published on
# localhost:9464-9466 (one port per instance up to three); the topics job
# creates the three topics; the processor's command is one the program takes.
set -euo pipefail
SRC=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$1
/usr/bin/python3 - "$SRC/docker-compose.yml" "$BIN" <<'PY'
import subprocess, sys, yaml
c = yaml.safe_load(open(sys.argv[1]))["services"]
env = c["kafka"]["environment"]
listeners = dict(l.split("://") for l in env["KAFKA_ADVERTISED_LISTENERS"].split(","))
assert listeners == {"PLAINTEXT": "kafka:9092", "EXTERNAL": "localhost:9094"}, listeners
assert "EXTERNAL://:9094" in env["KAFKA_LISTENERS"].split(","), env["KAFKA_LISTENERS"]
assert "EXTERNAL:PLAINTEXT" in env["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].split(",")
assert env["KAFKA_INTER_BROKER_LISTENER_NAME"] == "PLAINTEXT"
assert c["kafka"]["ports"] == ["127.0.0.1:9094:9094"], c["kafka"]["ports"]
ne = c["newsevents"]
assert ne["ports"] == ["127.0.0.1:9464-9466:9464"], ne["ports"]
cmd = ne["command"]
assert cmd[cmd.index("--metrics-port") + 1] == "9464" and cmd[cmd.index("--metrics-bind") + 1] == "0.0.0.0", cmd
script = c["topics"]["command"][0]
for t in ("articles:6", "events:6", "events.dlq:1"):
    assert t in script, t
# the program takes the command line (it stops later, at the broker or the group check)
r = subprocess.run([sys.argv[2]] + cmd + ["--help"], capture_output=True, text=True)
assert r.returncode == 0, r.stderr
print("compose file: host listener localhost:9094, metrics on 127.0.0.1:9464-9466, topics, command")
PY
echo PASS
