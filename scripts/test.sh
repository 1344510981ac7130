#!/usr/bin/env bash
# Set up, build, and run every test:
#   1. the unit suites, the CLI tests and the broker tests (a real Kafka
#      broker that the tests start on 127.0.0.1 and stop themselves);
#   2. the same unit and broker suites built with AddressSanitizer and
#      UndefinedBehaviorSanitizer;
#   3. valgrind --leak-check=full over `newsevents extract` on the dev set;
#   4. each libFuzzer target for 60 s (clang), from the seed corpus in tests/fuzz.
# Any failure fails the whole run.
#   scripts/test.sh             everything
#   scripts/test.sh --fast      stage 1 only
#   scripts/test.sh -L unit     stage 1 only, with these ctest arguments
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
fast=0
if [ "${1:-}" = --fast ]; then fast=1; shift; fi
[ $# -gt 0 ] && fast=1
jobs=$(nproc)
build=${BUILD_DIR:-$root/build}

echo "== 1. build and test" >&2
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} >/dev/null
cmake --build "$build" -j"$jobs"
(cd "$build" && ctest --output-on-failure "$@")
[ "$fast" = 1 ] && exit 0

echo "== 2. unit and broker suites under ASan and UBSan" >&2
asan=$root/build-asan
cmake -S "$root" -B "$asan" -DCMAKE_BUILD_TYPE=Debug -DNE_SANITIZE=ON >/dev/null
cmake --build "$asan" -j"$jobs"
(cd "$asan" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ctest --output-on-failure -L "unit|broker" -LE quality)

echo "== 3. valgrind on extract over the dev set" >&2
valgrind --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all --error-exitcode=1 \
    "$build/newsevents" extract <"$root/tests/data/dev-gold.jsonl" >/dev/null 2>"$build/valgrind.log" ||
    { tail -30 "$build/valgrind.log"; exit 1; }
grep -E "ERROR SUMMARY|All heap blocks were freed|definitely lost" "$build/valgrind.log" >&2

echo "== 4. fuzzing, 60 s per target" >&2
fuzz=$root/build-fuzz
cmake -S "$root" -B "$fuzz" -DNE_FUZZ=ON -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$fuzz" -j"$jobs" --target fuzz_decode fuzz_coder
for t in decode coder; do
    work=$(mktemp -d /tmp/newsevents-fuzz-XXXX)
    cp "$root/tests/fuzz/corpus/$t/"* "$work/"
    "$fuzz/tests/fuzz/fuzz_$t" -max_total_time=${FUZZ_SECONDS:-60} -max_len=16384 \
        -artifact_prefix="$build/fuzz-$t-" "$work" 2>"$build/fuzz-$t.log" ||
        { tail -40 "$build/fuzz-$t.log"; rm -rf "$work"; exit 1; }
    tail -1 "$build/fuzz-$t.log" >&2
    rm -rf "$work"
done
echo "== all tests passed" >&2
