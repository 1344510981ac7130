#!/usr/bin/env bash
# Speed and memory of the coder, on one core: builds a corpus of at least
# 50 MB (bench/make-corpus.py), then prints the throughput of the coder
# library (bench/speed.c) and of `newsevents extract` end to end, with the
# peak memory of each. Run it on a 100 MB corpus too to see that peak
# memory does not grow with the corpus:  SIZE_MB=100 bench/speed.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-release}
size=${SIZE_MB:-50}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target newsevents ne_speed >/dev/null
corpus=${CORPUS:-/tmp/newsevents-corpus-${size}.jsonl}
[ -s "$corpus" ] || python3 "$root/bench/make-corpus.py" "$corpus" "$size"
# scratch files of this run only (two runs at once must not read each other's)
tmp=$(mktemp -d /tmp/newsevents-speed-XXXX)
trap 'rm -rf "$tmp"' EXIT
echo "== coder library, one core (taskset -c 0), 3 runs"
for run in 1 2 3; do
    echo "-- run $run"
    taskset -c 0 "$build/bench/ne_speed" "$corpus"
done
echo "== newsevents extract, end to end (decode + code + encode + I/O), one core"
bytes=$(stat -c %s "$corpus")
articles=$(wc -l <"$corpus")
/usr/bin/time -f "%e %M" -o "$tmp/time.txt" taskset -c 0 "$build/newsevents" extract \
    <"$corpus" >/dev/null 2>/dev/null
read -r secs kb <"$tmp/time.txt"
python3 - "$bytes" "$articles" "$secs" "$kb" <<'PY'
import sys
b, n, s, kb = float(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print("extract: %.1f MB in %.2f s: %.0f articles/s, %.1f MB/s; peak RSS %.1f MB" % (b / 1e6, s, n / s, b / 1e6 / s, kb / 1024))
PY
echo "== newsevents extract --threads N, all cores (output identical to one thread's)"
"$build/newsevents" extract <"$corpus" 2>/dev/null | md5sum >"$tmp/t1.md5"
for n in 1 2; do
    /usr/bin/time -f "%e %M" -o "$tmp/time.txt" "$build/newsevents" extract --threads "$n" \
        <"$corpus" >"$tmp/tn.jsonl" 2>/dev/null
    read -r secs kb <"$tmp/time.txt"
    same=$(md5sum <"$tmp/tn.jsonl" | cmp -s - "$tmp/t1.md5" && echo identical || echo DIFFERENT)
    [ "$n" = 1 ] && t1=$secs
    python3 - "$bytes" "$secs" "$kb" "$n" "$t1" "$same" <<'PY'
import sys
b, s, kb, n, t1, same = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], float(sys.argv[5]), sys.argv[6]
print("extract --threads %s: %.2f s, %.1f MB/s, speed-up %.2fx over one thread; peak RSS %.1f MB; output %s"
      % (n, s, b / 1e6 / s, t1 / s, kb / 1024, same))
PY
done
