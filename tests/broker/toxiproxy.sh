#!/usr/bin/env bash
# Toxiproxy, Shopify's TCP proxy for fault injection (latency, bandwidth,
# connection resets, black holes), between the service and the brokers in
# the network fault tests. Built from its Go module with Debian 12's Go
# (golang-go 1.19; toxiproxy 2.5.0 is the newest release that builds with
# it) and cached outside the build tree, like the Kafka jars.
#
#   toxiproxy.sh fetch        build the server (idempotent)
#   toxiproxy.sh start DIR    start it on a free port; writes DIR/env (TOXI_API=URL)
#   toxiproxy.sh stop DIR     stop it
set -euo pipefail
version=2.5.0
cache=${NEWSEVENTS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsevents}
bin=$cache/toxiproxy-$version/toxiproxy-server

die() { echo "toxiproxy.sh: $*" >&2; exit 1; }

fetch() {
    [ -x "$bin" ] && return 0
    local go=/usr/lib/go-1.19/bin/go
    [ -x "$go" ] || go=$(command -v go) || die "no Go (run scripts/setup.sh: golang-go)"
    local tmp
    tmp=$(mktemp -d /tmp/toxiproxy-build-XXXX)
    # a module cache of its own, deleted afterwards; GOTOOLCHAIN=local: this
    # Go builds it, whatever a newer Go on the machine would fetch
    (cd "$tmp" && GOPATH=$tmp/gopath GOBIN=$tmp/bin GOFLAGS="-buildvcs=false -modcacherw" \
        GOTOOLCHAIN=local "$go" install "github.com/Shopify/toxiproxy/v2/cmd/server@v$version") >&2 ||
        { rm -rf "$tmp"; die "could not build toxiproxy $version"; }
    mkdir -p "$(dirname "$bin")"
    mv "$tmp/bin/server" "$bin"
    rm -rf "$tmp"
}

start() {
    local dir=$1 port pid
    fetch
    mkdir -p "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    "$bin" -host 127.0.0.1 -port "$port" >"$dir/toxiproxy.log" 2>&1 &
    pid=$!
    echo "$pid" >"$dir/toxiproxy.pid"
    for _ in $(seq 1 50); do
        if curl -fsS "http://127.0.0.1:$port/version" >/dev/null 2>&1; then
            printf 'TOXI_API=http://127.0.0.1:%s\n' "$port" >"$dir/env"
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || { cat "$dir/toxiproxy.log" >&2; die "toxiproxy exited"; }
        sleep 0.1
    done
    die "toxiproxy does not answer on port $port"
}

stop() {
    local pid
    pid=$(cat "$1/toxiproxy.pid" 2>/dev/null) || return 0
    kill "$pid" 2>/dev/null || true
    rm -f "$1/toxiproxy.pid"
}

cmd=${1:-}; shift || true
case "$cmd" in
    fetch) fetch ;;
    start) [ $# -eq 1 ] || die "usage: toxiproxy.sh start DIR"; start "$1" ;;
    stop) [ $# -eq 1 ] || die "usage: toxiproxy.sh stop DIR"; stop "$1" ;;
    *) die "usage: toxiproxy.sh fetch|start DIR|stop DIR" ;;
esac
