#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft) on 127.0.0.1 for the tests
# and the demo. The jars come from Maven Central (pom.xml beside this script)
# and are cached outside the build tree, so only the first run downloads.
#
#   kafka.sh fetch            download the jars (idempotent)
#   kafka.sh start DIR        format storage in DIR, start the broker on free
#                             ports, wait until it answers; writes DIR/env
#                             (BOOTSTRAP=host:port, KAFKA_PID=...)
#   kafka.sh stop DIR         SIGTERM the broker, wait for it, delete its data
#   kafka.sh pause DIR        SIGTERM the broker and wait, keeping its data
#   kafka.sh resume DIR       start a paused broker again on the same ports
#   kafka.sh tool DIR CLASS [ARGS...]   run a Kafka Java tool (TopicCommand, ...)
#   kafka.sh cluster DIR [N]  a cluster of N nodes (default 3) in DIR/node-I, each
#                             a combined broker and controller (static voters),
#                             replication factor 3, min.insync.replicas 2; DIR/env
#                             gives BOOTSTRAP (every node) and NODE_I_PORT. With
#                             CLUSTER_ADVERTISE=P1,P2,P3 each node also has a
#                             CLIENT listener (NODE_I_CLIENT_PORT) advertised as
#                             127.0.0.1:Pi, where a proxy forwards to it
#                             (CLIENT_BOOTSTRAP: the proxies)
#   kafka.sh node DIR I kill|term|start|pause|cont   one node of the cluster
#   kafka.sh cluster-stop DIR stop every node and delete the data
#
# With KAFKA_SECURE=1 the broker also has a SASL_SSL listener (TLS with a
# certificate made here by openssl, SASL/SCRAM-SHA-256 with a user created
# by Kafka's own storage tool): DIR/env gives SECURE_BOOTSTRAP, SECURE_CA,
# SCRAM_USER and SCRAM_PASSWORD_FILE. (librdkafka before 2.6.1, Debian 12 has
# 2.0.2, fails SCRAM against Kafka 4.x brokers: the security test runs 3.9.)
#
# KAFKA_VERSION selects the broker version (default 4.1.1); 3.x versions use
# pom-3.xml (reload4j logging) and log4j.properties.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
version=${KAFKA_VERSION:-4.1.1}
major=${version%%.*}
pom=pom.xml
[ "$major" = 3 ] && pom=pom-3.xml
cache=${NEWSEVENTS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsevents}
jars="$cache/kafka-$version"

die() { echo "kafka.sh: $*" >&2; exit 1; }

fetch() {
    [ -f "$jars/.complete" ] && return 0
    command -v mvn >/dev/null || die "mvn not found (run scripts/setup.sh)"
    mkdir -p "$jars"
    mvn -B -q -f "$here/$pom" -Dkafka.version="$version" \
        dependency:copy-dependencies -DincludeScope=runtime \
        -DoutputDirectory="$jars" >&2 || die "could not fetch Kafka $version jars"
    touch "$jars/.complete"
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

java_run() {
    # exec: in the background, $! is then the JVM itself, which stop signals
    local logging
    if [ "$major" = 3 ]; then
        logging=-Dlog4j.configuration="file:$here/${LOG4J_CONF:+log4j-tools.properties}${LOG4J_CONF:-log4j.properties}"
    else
        logging=-Dlog4j2.configurationFile="file:$here/${LOG4J_CONF:-log4j2.xml}"
    fi
    exec java -Xms256m -Xmx1g -XX:+UseG1GC -Djava.awt.headless=true "$logging" -cp "$jars/*" "$@"
}

start() {
    local dir=$1
    fetch
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    # a fresh broker every time: no topics, offsets or cluster id left over
    stop "$dir"
    rm -rf "$dir/data" "$dir/env" "$dir/broker.log" "$dir/starts" "$dir/tls"
    local port cport sport
    port=$(free_port); cport=$(free_port); sport=$(free_port)
    while [ "$cport" = "$port" ]; do cport=$(free_port); done
    while [ "$sport" = "$port" ] || [ "$sport" = "$cport" ]; do sport=$(free_port); done
    local secure=${KAFKA_SECURE:-0} scram_pw="" listeners protomap advertised
    listeners="PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport"
    advertised="PLAINTEXT://127.0.0.1:$port"
    protomap="CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"
    if [ "$secure" = 1 ]; then
        make_tls "$dir/tls"
        scram_pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
        printf '%s' "$scram_pw" > "$dir/tls/scram-password"
        chmod 600 "$dir/tls/scram-password"
        listeners="$listeners,SASL_SSL://127.0.0.1:$sport"
        advertised="$advertised,SASL_SSL://127.0.0.1:$sport"
        protomap="$protomap,SASL_SSL:SASL_SSL"
    fi
    # Extra listeners (TLS, SASL) can be appended by a caller through
    # KAFKA_EXTRA_PROPS (a file of properties lines).
    cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=$listeners
advertised.listeners=$advertised
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=$protomap
log.dirs=$dir/data
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=2
auto.create.topics.enable=false
PROPS
    if [ "$secure" = 1 ]; then
        cat >> "$dir/server.properties" <<PROPS
sasl.enabled.mechanisms=SCRAM-SHA-256
listener.name.sasl_ssl.sasl.enabled.mechanisms=SCRAM-SHA-256
listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
ssl.keystore.type=PKCS12
ssl.keystore.location=$dir/tls/broker.p12
ssl.keystore.password=changeit
ssl.key.password=changeit
PROPS
    fi
    if [ -n "${KAFKA_EXTRA_PROPS:-}" ]; then
        cat "$KAFKA_EXTRA_PROPS" >> "$dir/server.properties"
    fi
    local id
    id=$( (java_run kafka.tools.StorageTool random-uuid) | tail -1)
    local scram=()
    [ "$secure" = 1 ] && scram=(--add-scram "SCRAM-SHA-256=[name=newsevents,password=$scram_pw]")
    (java_run kafka.tools.StorageTool format -t "$id" \
        -c "$dir/server.properties" --ignore-formatted "${scram[@]}") >"$dir/format.log" 2>&1 \
        || { cat "$dir/format.log" >&2; die "storage format failed"; }
    printf 'PORT=%s\nSECURE_PORT=%s\n' "$port" "$sport" > "$dir/ports"
    launch "$dir"
}

# Start the JVM on an already formatted DIR and wait until clients can use it.
launch() {
    spawn "$1"
    ready "$1"
}

spawn() {
    local dir=$1
    (java_run kafka.Kafka "$dir/server.properties") >>"$dir/broker.log" 2>&1 &
    echo "$!" > "$dir/pid"
}

# Wait until the JVM of DIR says it started and answers a metadata request.
ready() {
    local dir=$1 port sport pid
    port=$(sed -n 's/^PORT=//p' "$dir/ports")
    sport=$(sed -n 's/^SECURE_PORT=//p' "$dir/ports")
    pid=$(cat "$dir/pid")
    # the log is appended to across pause/resume: count the start lines
    local i before started=0
    before=$(cat "$dir/starts" 2>/dev/null || echo 0)
    for i in $(seq 1 120); do
        started=$(grep -c "Kafka Server started" "$dir/broker.log" 2>/dev/null || true)
        [ "${started:-0}" -gt "$before" ] && break
        kill -0 "$pid" 2>/dev/null || { tail -30 "$dir/broker.log" >&2; die "broker exited"; }
        sleep 0.5
    done
    [ "${started:-0}" -gt "$before" ] || { stop "$dir"; die "broker did not start in 60 s"; }
    echo "$started" > "$dir/starts"
    # The log line says the JVM is up; a metadata answer says clients can use it.
    for i in $(seq 1 40); do
        if kcat -b "127.0.0.1:$port" -L -m 2 >/dev/null 2>&1; then
            printf 'BOOTSTRAP=127.0.0.1:%s\nKAFKA_PID=%s\nSECURE_BOOTSTRAP=127.0.0.1:%s\nSECURE_CA=%s\nSCRAM_USER=newsevents\nSCRAM_PASSWORD_FILE=%s\n' \
                "$port" "$pid" "$sport" "$dir/tls/ca.pem" "$dir/tls/scram-password" > "$dir/env"
            echo "127.0.0.1:$port"
            return 0
        fi
        sleep 0.5
    done
    stop "$dir"
    die "broker started but does not answer metadata requests"
}

# A CA and a broker certificate for 127.0.0.1, and the broker's PKCS12 keystore.
make_tls() {
    local d=$1
    mkdir -p "$d"
    [ -f "$d/broker.p12" ] && return 0
    command -v openssl >/dev/null || die "openssl not found (run scripts/setup.sh)"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=newsevents-test-ca" \
        -keyout "$d/ca.key" -out "$d/ca.pem" >/dev/null 2>&1 || die "openssl: CA"
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
        -keyout "$d/broker.key" -out "$d/broker.csr" >/dev/null 2>&1 || die "openssl: CSR"
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > "$d/san.ext"
    openssl x509 -req -in "$d/broker.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" -CAcreateserial \
        -days 2 -extfile "$d/san.ext" -out "$d/broker.pem" >/dev/null 2>&1 || die "openssl: sign"
    openssl pkcs12 -export -in "$d/broker.pem" -inkey "$d/broker.key" -certfile "$d/ca.pem" \
        -name broker -out "$d/broker.p12" -passout pass:changeit >/dev/null 2>&1 || die "openssl: p12"
}

# SIGTERM the broker and wait for it; the data stays (pause/resume).
halt() {
    local dir=$1 pid
    [ -f "$dir/pid" ] || return 0
    pid=$(cat "$dir/pid")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/pid"
}

# SIGTERM the broker, wait for it, and delete its data.
stop() {
    halt "$1"
    rm -rf "$1/data"
}

# ---- a cluster: N nodes, each a combined broker and controller ----------
# Static voters, replication factor 3 and min.insync.replicas 2 for data,
# offsets and transaction state, as a production cluster has them; three
# partitions of each internal topic, so that coordinators spread over nodes.
cluster() {
    local dir=$1 n=${2:-3} i voters="" id
    fetch
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    cluster_stop "$dir"
    rm -rf "$dir"/node-* "$dir/env"
    # CLUSTER_ADVERTISE=P1,P2,...: each node also has a CLIENT listener that it
    # advertises as 127.0.0.1:Pi, a port where a proxy (toxiproxy.sh) forwards
    # to it; the nodes talk to each other on their own listeners.
    local adv=()
    IFS=, read -r -a adv <<<"${CLUSTER_ADVERTISE:-}"
    [ ${#adv[@]} = 0 ] || [ ${#adv[@]} = "$n" ] || die "CLUSTER_ADVERTISE names ${#adv[@]} ports for $n nodes"
    for i in $(seq 1 "$n"); do
        mkdir -p "$dir/node-$i"
        printf 'PORT=%s\nCPORT=%s\nCLIENT_PORT=%s\nSECURE_PORT=\n' "$(free_port)" "$(free_port)" \
            "$([ ${#adv[@]} = 0 ] || free_port)" >"$dir/node-$i/ports"
        voters="$voters${voters:+,}$i@127.0.0.1:$(sed -n 's/^CPORT=//p' "$dir/node-$i/ports")"
    done
    id=$( (java_run kafka.tools.StorageTool random-uuid) | tail -1)
    local rf=$((n < 3 ? n : 3)) isr=$((n < 3 ? 1 : 2)) bootstrap="" clients="" port cport lport
    local listeners advertised
    for i in $(seq 1 "$n"); do
        port=$(sed -n 's/^PORT=//p' "$dir/node-$i/ports")
        cport=$(sed -n 's/^CPORT=//p' "$dir/node-$i/ports")
        bootstrap="$bootstrap${bootstrap:+,}127.0.0.1:$port"
        listeners="PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport"
        advertised="PLAINTEXT://127.0.0.1:$port"
        if [ ${#adv[@]} != 0 ]; then
            lport=$(sed -n 's/^CLIENT_PORT=//p' "$dir/node-$i/ports")
            listeners="$listeners,CLIENT://127.0.0.1:$lport"
            advertised="$advertised,CLIENT://127.0.0.1:${adv[$((i - 1))]}"
            clients="$clients${clients:+,}127.0.0.1:${adv[$((i - 1))]}"
        fi
        cat > "$dir/node-$i/server.properties" <<PROPS
process.roles=broker,controller
node.id=$i
controller.quorum.voters=$voters
listeners=$listeners
advertised.listeners=$advertised
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,CLIENT:PLAINTEXT
log.dirs=$dir/node-$i/data
num.partitions=1
default.replication.factor=$rf
min.insync.replicas=$isr
offsets.topic.replication.factor=$rf
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=$rf
transaction.state.log.min.isr=$isr
transaction.state.log.num.partitions=3
share.coordinator.state.topic.replication.factor=$rf
share.coordinator.state.topic.min.isr=$isr
unclean.leader.election.enable=false
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=2
auto.create.topics.enable=false
PROPS
        (java_run kafka.tools.StorageTool format -t "$id" -c "$dir/node-$i/server.properties" \
            --ignore-formatted) >"$dir/node-$i/format.log" 2>&1 \
            || { cat "$dir/node-$i/format.log" >&2; die "storage format of node $i failed"; }
    done
    # every node at once: none finishes starting before a quorum of voters runs
    for i in $(seq 1 "$n"); do spawn "$dir/node-$i"; done
    for i in $(seq 1 "$n"); do ready "$dir/node-$i" >/dev/null; done
    # the cluster answers when every node is in its metadata
    for i in $(seq 1 60); do
        [ "$(kcat -b "$bootstrap" -L -m 5 2>/dev/null | grep -c '^  broker [0-9]* at ')" = "$n" ] && break
        sleep 0.5
    done
    { printf 'BOOTSTRAP=%s\nCLIENT_BOOTSTRAP=%s\nNODES=%s\n' "$bootstrap" "${clients:-$bootstrap}" "$n"
      for i in $(seq 1 "$n"); do
          printf 'NODE_%s_PORT=%s\nNODE_%s_CLIENT_PORT=%s\n' "$i" "$(sed -n 's/^PORT=//p' "$dir/node-$i/ports")" \
              "$i" "$(sed -n 's/^CLIENT_PORT=//p' "$dir/node-$i/ports")"
      done; } >"$dir/env"
    echo "$bootstrap"
}

cluster_stop() {
    local d
    for d in "$1"/node-*; do [ -d "$d" ] && stop "$d"; done
    return 0
}

# One node of a cluster: kill (SIGKILL), term (SIGTERM and wait), start
# (and wait until it answers), pause (SIGSTOP), cont (SIGCONT).
node() {
    local d=$1/node-$2 what=$3 pid
    [ -f "$d/server.properties" ] || die "no node $2 in $1"
    pid=$(cat "$d/pid" 2>/dev/null || true)
    case "$what" in
        kill) [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
              while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
              rm -f "$d/pid" ;;
        term) halt "$d" ;;
        start) launch "$d" >/dev/null ;;
        pause) kill -STOP "$pid" ;;
        cont) kill -CONT "$pid" ;;
        *) die "usage: kafka.sh node DIR I kill|term|start|pause|cont" ;;
    esac
}

cmd=${1:-}; shift || true
case "$cmd" in
    fetch) fetch ;;
    start) [ $# -eq 1 ] || die "usage: kafka.sh start DIR"; start "$1" ;;
    stop)  [ $# -eq 1 ] || die "usage: kafka.sh stop DIR"; stop "$1" ;;
    pause) [ $# -eq 1 ] || die "usage: kafka.sh pause DIR"; halt "$1" ;;
    resume) [ $# -eq 1 ] || die "usage: kafka.sh resume DIR"; launch "$1" ;;
    tool)  [ $# -ge 2 ] || die "usage: kafka.sh tool DIR CLASS [ARGS]"; shift; fetch
           (LOG4J_CONF=log4j2-tools.xml java_run "$@") ;;
    cluster) [ $# -ge 1 ] || die "usage: kafka.sh cluster DIR [N]"; cluster "$@" ;;
    cluster-stop) [ $# -eq 1 ] || die "usage: kafka.sh cluster-stop DIR"; cluster_stop "$1" ;;
    node)  [ $# -eq 3 ] || die "usage: kafka.sh node DIR I kill|term|start|pause|cont"; node "$@" ;;
    *) die "usage: kafka.sh fetch|start DIR|stop DIR|pause DIR|resume DIR|tool DIR CLASS [ARGS]|cluster DIR [N]|cluster-stop DIR|node DIR I ACTION" ;;
esac
