#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft) on 127.0.0.1 for the tests
# and the demo. The jars come from Maven Central (pom.xml beside this script)
# and are cached outside the build tree, so only the first run downloads.
#
#   kafka.sh fetch            download the jars (idempotent)
#   kafka.sh start DIR        format storage in DIR, start the broker on free
#                             ports, wait until it answers; writes DIR/env
#                             (BOOTSTRAP=host:port, KAFKA_PID=...)
#   kafka.sh stop DIR         SIGTERM the broker and wait for it
#   kafka.sh tool DIR CLASS [ARGS...]   run a Kafka Java tool (TopicCommand, ...)
#
# KAFKA_VERSION selects the broker version (default 4.1.1; 3.9.x also works
# with a reload4j backend, see pom.xml).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
version=${KAFKA_VERSION:-4.1.1}
cache=${NEWSEVENTS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsevents}
jars="$cache/kafka-$version"

die() { echo "kafka.sh: $*" >&2; exit 1; }

fetch() {
    [ -f "$jars/.complete" ] && return 0
    command -v mvn >/dev/null || die "mvn not found (run scripts/setup.sh)"
    mkdir -p "$jars"
    mvn -B -q -f "$here/pom.xml" -Dkafka.version="$version" \
        dependency:copy-dependencies -DincludeScope=runtime \
        -DoutputDirectory="$jars" >&2 || die "could not fetch Kafka $version jars"
    touch "$jars/.complete"
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

java_run() {
    java -Xms256m -Xmx1g -XX:+UseG1GC -Djava.awt.headless=true \
        -Dlog4j2.configurationFile="file:$here/${LOG4J_CONF:-log4j2.xml}" \
        -cp "$jars/*" "$@"
}

start() {
    local dir=$1
    fetch
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    # a fresh broker every time: no topics, offsets or cluster id left over
    stop "$dir"
    rm -rf "$dir/data" "$dir/env"
    local port cport
    port=$(free_port); cport=$(free_port)
    while [ "$cport" = "$port" ]; do cport=$(free_port); done
    # Extra listeners (TLS, SASL) can be appended by a caller through
    # KAFKA_EXTRA_PROPS (a file of properties lines).
    cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
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
auto.create.topics.enable=true
PROPS
    if [ -n "${KAFKA_EXTRA_PROPS:-}" ]; then
        cat "$KAFKA_EXTRA_PROPS" >> "$dir/server.properties"
    fi
    local id
    id=$(java_run kafka.tools.StorageTool random-uuid | tail -1)
    java_run kafka.tools.StorageTool format -t "$id" \
        -c "$dir/server.properties" --ignore-formatted >"$dir/format.log" 2>&1 \
        || { cat "$dir/format.log" >&2; die "storage format failed"; }
    java_run kafka.Kafka "$dir/server.properties" >"$dir/broker.log" 2>&1 &
    local pid=$!
    echo "$pid" > "$dir/pid"
    local i
    for i in $(seq 1 120); do
        if grep -q "Kafka Server started" "$dir/broker.log" 2>/dev/null; then
            break
        fi
        kill -0 "$pid" 2>/dev/null || { tail -30 "$dir/broker.log" >&2; die "broker exited"; }
        sleep 0.5
    done
    grep -q "Kafka Server started" "$dir/broker.log" || { stop "$dir"; die "broker did not start in 60 s"; }
    # The log line says the JVM is up; a metadata answer says clients can use it.
    for i in $(seq 1 40); do
        if kcat -b "127.0.0.1:$port" -L -m 2 >/dev/null 2>&1; then
            printf 'BOOTSTRAP=127.0.0.1:%s\nKAFKA_PID=%s\nKAFKA_CONTROLLER_PORT=%s\n' \
                "$port" "$pid" "$cport" > "$dir/env"
            echo "127.0.0.1:$port"
            return 0
        fi
        sleep 0.5
    done
    stop "$dir"
    die "broker started but does not answer metadata requests"
}

stop() {
    local dir=$1 pid
    [ -f "$dir/pid" ] || return 0
    pid=$(cat "$dir/pid")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/pid"
    rm -rf "$dir/data"
}

cmd=${1:-}; shift || true
case "$cmd" in
    fetch) fetch ;;
    start) [ $# -eq 1 ] || die "usage: kafka.sh start DIR"; start "$1" ;;
    stop)  [ $# -eq 1 ] || die "usage: kafka.sh stop DIR"; stop "$1" ;;
    tool)  [ $# -ge 2 ] || die "usage: kafka.sh tool DIR CLASS [ARGS]"; shift; fetch
           LOG4J_CONF=log4j2-tools.xml java_run "$@" ;;
    *) die "usage: kafka.sh fetch|start DIR|stop DIR|tool DIR CLASS [ARGS]" ;;
esac
