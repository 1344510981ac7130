#!/usr/bin/env bash
# Set up, build, and run every test: unit suites, the CLI, and the broker
# tests against a real Kafka broker that the tests start on 127.0.0.1.
#   scripts/test.sh            all tests
#   scripts/test.sh -L unit    only one label (ctest arguments pass through)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
build=${BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j"$(nproc)"
cd "$build"
ctest --output-on-failure "$@"
