#!/usr/bin/env bash
# Security on a real broker with a second, secured listener: TLS (a CA and
# certificate made here with openssl) and SASL/SCRAM-SHA-256 (a user made
# with Kafka's own storage tool).
#  - the service connects with security.protocol, ssl.* and sasl.* settings;
#    the password comes from a file (@FILE) or from the environment;
#  - wrong credentials: a clear error and a non-zero exit, not a hang;
#  - the secret appears in no log line, error message or process list;
#  - the metrics endpoint binds 127.0.0.1 unless told otherwise.
# The broker is Kafka 4.1 when the program's librdkafka is 2.6.1 or later
# (scripts/librdkafka-current.sh), else Kafka 3.9: Debian 12's librdkafka
# 2.0.2 has a SCRAM bug (the client nonce, fixed in 2.6.1) that Kafka 4.x
# brokers reject.
. "$(dirname "$0")/lib.sh"

rdk=$("$NE_BIN" version | sed -n 's/.*librdkafka \([^)]*\)).*/\1/p')
if [ "$(printf '%s\n2.6.1\n' "$rdk" | sort -V | head -1)" = 2.6.1 ]; then
    SECURE_KAFKA_VERSION=${SECURE_KAFKA_VERSION:-4.1.1}
else
    SECURE_KAFKA_VERSION=${SECURE_KAFKA_VERSION:-3.9.1}
fi
note "librdkafka $rdk against a Kafka $SECURE_KAFKA_VERSION broker"
SB=$WORK/secure-broker
KAFKA_VERSION=$SECURE_KAFKA_VERSION KAFKA_SECURE=1 \
    "$NE_SRC/tests/broker/kafka.sh" start "$SB" >/dev/null
stop_secure() { KAFKA_VERSION=$SECURE_KAFKA_VERSION "$NE_SRC/tests/broker/kafka.sh" stop "$SB" || true; }
trap 'stop_secure; cleanup' EXIT
# shellcheck disable=SC1091
. "$SB/env"
SECRET=$(cat "$SCRAM_PASSWORD_FILE")
PLAIN=$BOOTSTRAP
IN=in-$RUN_ID OUT=out-$RUN_ID G=g-$RUN_ID
"$NE_TOPICS" -b "$PLAIN" create "$IN" 2 "$OUT" 2 "$OUT.dlq" 1
articles_from "$NE_DEV" sec 120 >"$WORK/articles.jsonl"
kcat -b "$PLAIN" -P -t "$IN" -l "$WORK/articles.jsonl"
cat >"$WORK/secure.conf" <<CONF
# the service's settings for the secured listener; the secret stays in its own file
brokers = $SECURE_BOOTSTRAP
security.protocol = SASL_SSL
sasl.mechanisms = SCRAM-SHA-256
sasl.username = $SCRAM_USER
sasl.password = @$SCRAM_PASSWORD_FILE
ssl.ca.location = $SECURE_CA
CONF

# 1. right credentials from a file: events arrive
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$NE_BIN" run -c "$WORK/secure.conf" -i "$IN" -o "$OUT" -g "$G" --metrics-port "$port" --log-level debug \
    >"$WORK/ok.log" 2>&1 &
pid=$!
PIDS+=("$pid")
sleep 2
ps -ww -o args= -p "$pid" >"$WORK/ps.txt"
ss -ltnH "sport = :$port" | awk '{print $4}' >"$WORK/bind.txt"
for _ in $(seq 1 240); do
    [ "$("$NE_TOPICS" -b "$PLAIN" committed "$G" "$IN" 2>/dev/null)" = "$("$NE_TOPICS" -b "$PLAIN" end "$IN")" ] && break
    sleep 0.5
done
kill -TERM "$pid"; wait "$pid" || fail "the TLS+SCRAM service exited non-zero"
[ "$("$NE_TOPICS" -b "$PLAIN" committed "$G" "$IN")" = "$("$NE_TOPICS" -b "$PLAIN" end "$IN")" ] ||
    fail "the TLS+SCRAM service did not commit the whole input"
n=$("$NE_TOPICS" -b "$PLAIN" end "$OUT")
[ "$n" -gt 50 ] || fail "only $n events through the secured listener"
grep -qx "127.0.0.1:$port" "$WORK/bind.txt" || fail "metrics not bound to 127.0.0.1: $(cat "$WORK/bind.txt")"
note "SASL_SSL/SCRAM-SHA-256 with the password from a file: $n events; metrics on $(cat "$WORK/bind.txt")"

# 2. the password from the environment
G2=g2-$RUN_ID
sed '/sasl.password/d' "$WORK/secure.conf" >"$WORK/nopw.conf"
NEWSEVENTS_X_SASL_PASSWORD=$SECRET timeout 120 "$NE_BIN" run -c "$WORK/nopw.conf" -i "$IN" -o "$OUT" -g "$G2" \
    >"$WORK/env.log" 2>&1 &
pid=$!
PIDS+=("$pid")
for _ in $(seq 1 240); do
    [ "$("$NE_TOPICS" -b "$PLAIN" committed "$G2" "$IN" 2>/dev/null)" = "$("$NE_TOPICS" -b "$PLAIN" end "$IN")" ] && break
    sleep 0.5
done
kill -TERM "$pid"; wait "$pid" || fail "the service with the password from the environment failed"
[ "$("$NE_TOPICS" -b "$PLAIN" committed "$G2" "$IN")" = "$("$NE_TOPICS" -b "$PLAIN" end "$IN")" ] ||
    fail "with the password from the environment, the group did not commit the whole input"
note "SASL_SSL with NEWSEVENTS_X_SASL_PASSWORD: group committed $("$NE_TOPICS" -b "$PLAIN" committed "$G2" "$IN")"

# 3. wrong credentials: a clear error and exit 1 within a bounded time
printf 'not-the-password' >"$WORK/wrong"
sed "s|sasl.password = .*|sasl.password = @$WORK/wrong|" "$WORK/secure.conf" >"$WORK/wrong.conf"
start=$(date +%s)
rc=0
timeout 90 "$NE_BIN" run -c "$WORK/wrong.conf" -i "$IN" -o "$OUT" -g "g3-$RUN_ID" >"$WORK/wrong.log" 2>&1 || rc=$?
took=$(($(date +%s) - start))
[ "$rc" = 1 ] || fail "wrong credentials: exit $rc after ${took}s (expected 1; 124 means it hung)"
grep -qi "authentication" "$WORK/wrong.log" || fail "no clear error: $(tail -3 "$WORK/wrong.log")"
note "wrong password: exit 1 after ${took}s: $(grep -i -m1 "authentication" "$WORK/wrong.log" | cut -c1-160)"

# 4. the secret never shows: logs (even at debug level), errors, process list
for f in "$WORK/ok.log" "$WORK/env.log" "$WORK/wrong.log" "$WORK/ps.txt"; do
    if grep -qF "$SECRET" "$f"; then fail "the secret appears in $(basename "$f")"; fi
done
if grep -qF "not-the-password" "$WORK/wrong.log"; then fail "the wrong password appears in its error"; fi
note "the secret is in no log (info, debug), error message or process list"
echo PASS
