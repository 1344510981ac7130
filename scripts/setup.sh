#!/usr/bin/env bash
# Install everything newsevents needs to build, test and run on Debian 12,
# and fetch the Apache Kafka broker jars for the tests and the demo.
# Idempotent: a second run installs and downloads nothing.
#   scripts/setup.sh                        Debian 12's packages (librdkafka 2.0.2)
#   scripts/setup.sh --librdkafka-current   also Debian 13's librdkafka 2.8.0, built
#                                           from its source package into .deps/ (SCRAM
#                                           with Kafka 4.x, KIP-848); the build uses it
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
current=0
case "${1:-}" in
    "") ;;
    --librdkafka-current) current=1 ;;
    *) echo "setup: unknown option ${1} (try --librdkafka-current)" >&2; exit 2 ;;
esac

# A minimal Debian 12 root has only the "required" packages: everything
# else the build, the scripts and the tests call is listed here.
pkgs=(build-essential cmake pkg-config                  # cc, make, cmake, ctest
      librdkafka-dev libjansson-dev check libmicrohttpd-dev
      liblmdb-dev                                       # the aggregate stage's state store
      kcat                                              # an independent Kafka client
      python3 python3-jsonschema python3-confluent-kafka python3-yaml
      iproute2                                          # ss (metrics test)
      procps                                            # ps (security test)
      time                                              # /usr/bin/time (bad_input, bench/speed.sh)
      util-linux bsdutils                               # taskset, script (replay test)
      ca-certificates curl openssl
      default-jdk-headless maven                        # the Kafka broker and its jars
      golang-go                                         # builds Toxiproxy (network fault tests)
      clang libclang-rt-14-dev                          # fuzzers: libFuzzer and sanitizer runtimes
      valgrind
      gnuplot-nox)                                      # bench/soak.sh plots
# shellcheck source=scripts/packages.sh
. "$here/packages.sh"
ne_install_packages setup "${pkgs[@]}"
# What the packages above must provide (java and mvn may also come from
# elsewhere, such as a JDK the machine already has)
lacking=()
for c in cc make cmake ctest pkg-config kcat python3 ss ps /usr/bin/time taskset script \
         timeout curl openssl java mvn clang valgrind; do
    command -v "$c" >/dev/null || lacking+=("$c")
done
# Debian's Python, which the tests use for these modules (tests/integration/lib.sh)
/usr/bin/python3 -c 'import jsonschema, confluent_kafka, yaml' 2>/dev/null ||
    lacking+=("modules jsonschema, confluent_kafka and yaml of /usr/bin/python3")
# clang prints the bare name when it does not find the runtime
case $(clang -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null) in
    /*) ;;
    *) lacking+=("the libFuzzer runtime (libclang-rt-14-dev)") ;;
esac
[ ${#lacking[@]} -eq 0 ] || { echo "setup: missing after install: ${lacking[*]}" >&2; exit 1; }
"$here/../tests/broker/kafka.sh" fetch
# the security test runs a Kafka 3.9 broker with Debian 12's librdkafka
# (see tests/integration/security.sh)
KAFKA_VERSION=3.9.1 "$here/../tests/broker/kafka.sh" fetch
"$here/../tests/broker/toxiproxy.sh" fetch
[ "$current" = 0 ] || "$here/librdkafka-current.sh"
echo "setup: done" >&2
