#!/usr/bin/env bash
# Time per MB against article size: the same sentences (those of
# bench/make-corpus.py) packed into articles of about 3 KB, 30 KB, 300 KB and
# 3 MB, 24 MB of text in each corpus, coded by `newsevents extract` on one
# core. A path quadratic in the article's length would show as a time per MB
# that grows with the size; flat is the target (issue 12). Prints one line
# per size and the ratio of the slowest to the fastest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-release}
total_mb=${TOTAL_MB:-24}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target newsevents >/dev/null
work=$(mktemp -d /tmp/ne-flat-XXXX)
trap 'rm -rf "$work"' EXIT
python3 - "$root" "$work" "$total_mb" <<'PY'
import importlib.util, json, os, random, sys
root, work, total = sys.argv[1], sys.argv[2], float(sys.argv[3]) * 1e6
spec = importlib.util.spec_from_file_location("make_corpus", os.path.join(root, "bench/make-corpus.py"))
make_corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_corpus)
sentences = make_corpus.load_sentences(root)
for size in (3000, 30000, 300000, 3000000):
    rng = random.Random(7)  # the same sentence stream for every size
    written = n = 0
    with open(os.path.join(work, "%d.jsonl" % size), "w", encoding="utf-8") as f:
        while written < total:
            parts, length = [], 0
            while length < size:
                s = rng.choice(sentences)
                parts.append(s)
                length += len(s) + 1
            art = {"id": "flat-%d-%d" % (size, n), "published": "2024-03-01", "text": " ".join(parts)}
            line = json.dumps(art, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            n += 1
PY
best=0 worst=0
for size in 3000 30000 300000 3000000; do
    f=$work/$size.jsonl
    bytes=$(stat -c %s "$f")
    /usr/bin/time -f "%e %M" -o "$work/t" taskset -c 0 "$build/newsevents" extract --max-record-bytes 8000000 \
        <"$f" >"$work/out" 2>/dev/null
    read -r secs kb <"$work/t"
    python3 - "$size" "$bytes" "$(wc -l <"$f")" "$secs" "$kb" "$(wc -l <"$work/out")" <<'PY' | tee -a "$work/rows"
import sys
size, b, n, s, kb, ev = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
print("articles of ~%7d bytes: %5d articles, %.1f MB in %6.2f s: %.3f s/MB, %.1f MB/s; %d events; peak RSS %.1f MB"
      % (size, n, b / 1e6, s, s / (b / 1e6), b / 1e6 / s, ev, kb / 1024))
PY
done
python3 - "$work/rows" <<'PY'
import re, sys
per = [float(re.search(r"([0-9.]+) s/MB", l).group(1)) for l in open(sys.argv[1])]
print("time per MB, slowest / fastest size: %.2f" % (max(per) / min(per)))
PY
