#!/usr/bin/env bash
# Install everything newsevents needs to build, test and run on Debian 12,
# and fetch the Apache Kafka broker jars for the tests and the demo.
# Idempotent: a second run installs and downloads nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

pkgs=(build-essential cmake pkg-config
      librdkafka-dev libjansson-dev check libmicrohttpd-dev
      kcat python3 python3-jsonschema python3-confluent-kafka iproute2 util-linux
      default-jdk-headless maven
      clang valgrind curl openssl)
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# java and mvn may come from elsewhere (the JDK the machine already has)
command -v java >/dev/null || { echo "setup: no java" >&2; exit 1; }
command -v mvn >/dev/null || { echo "setup: no mvn" >&2; exit 1; }
"$here/../tests/broker/kafka.sh" fetch
# the security tests run a Kafka 3.9 broker (see tests/integration/security.sh)
KAFKA_VERSION=3.9.1 "$here/../tests/broker/kafka.sh" fetch
echo "setup: done" >&2
