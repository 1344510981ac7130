#!/usr/bin/env bash
# Soak: the service for SOAK_MINUTES (default 30) on a stream of
# SOAK_ARTICLES (default 1,000,000) small articles written at a steady rate
# into a real broker on 127.0.0.1, sampling every 10 s the service's RSS,
# open file descriptors, threads and consumer lag. Writes a CSV and a PNG
# (gnuplot) and prints the growth of memory and descriptors over the last
# 20 minutes; exits 1 when either grew by 5% or more, or when the service
# did not commit the whole stream. A benchmark, not a test: run it by hand.
#
#   bench/soak.sh [OUTDIR]        (default bench/out/soak-DATE)
#   SOAK_MINUTES=30 SOAK_ARTICLES=1000000 SOAK_GUARANTEE=exactly-once
#   NE_BIN=build/newsevents NE_TOPICS=build/tests/ne_topics
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
minutes=${SOAK_MINUTES:-30}
count=${SOAK_ARTICLES:-1000000}
guarantee=${SOAK_GUARANTEE:-exactly-once}
bin=${NE_BIN:-$src/build/newsevents}
topics=${NE_TOPICS:-$src/build/tests/ne_topics}
out=${1:-$src/bench/out/soak-$(date +%Y%m%d-%H%M%S)}
[ -x "$bin" ] && [ -x "$topics" ] || { echo "soak: build first (cmake --build build)" >&2; exit 2; }
command -v gnuplot >/dev/null || { echo "soak: gnuplot not found (scripts/setup.sh installs gnuplot-nox)" >&2; exit 2; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
broker=$out/broker
"$src/tests/broker/kafka.sh" start "$broker" >/dev/null
pids=()
finish() {
    for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
    "$src/tests/broker/kafka.sh" stop "$broker" >/dev/null 2>&1 || true
}
trap finish EXIT
# shellcheck disable=SC1091
. "$broker/env"
B=$BOOTSTRAP
"$topics" -b "$B" create soak-in 4 soak-out 4 soak-out.dlq 1
for _ in $(seq 1 40); do "$topics" -b "$B" end soak-in >/dev/null 2>&1 && break; sleep 0.5; done

# The stream: small articles (a sentence or two of the dev set each, a new
# id every time), written at the rate that spreads SOAK_ARTICLES over all
# but the last minute of the run.
rate=$(( count / ((minutes - 1) * 60) + 1 ))
python3 - "$src/tests/data/dev-gold.jsonl" "$count" "$rate" <<'PY' |
import json, re, sys, time
src, count, rate = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sents = []
for line in open(src, encoding="utf-8"):
    a = json.loads(line)
    for s in re.split(r"(?<=[.!?])\s+", a["text"]):
        if 40 <= len(s) <= 400:
            sents.append((s, a["published"]))
start = time.time()
for n in range(count):
    s, date = sents[n % len(sents)]
    art = {"id": "soak-%d" % n, "published": date, "text": s}
    sys.stdout.write(json.dumps(art) + "\n")
    if n % 100 == 99:
        sys.stdout.flush()
        ahead = (n + 1) / rate - (time.time() - start)
        if ahead > 0:
            time.sleep(ahead)
PY
    kcat -b "$B" -P -t soak-in 2>"$out/writer.log" &
pids+=($!)
"$bin" run -b "$B" -i soak-in -o soak-out -g soak --guarantee "$guarantee" --status-interval-s 60 \
    >"$out/service.log" 2>&1 &
svc=$!
pids+=("$svc")

csv=$out/soak.csv
echo "t_s,rss_kb,fds,threads,lag,committed" >"$csv"
t0=$(date +%s)
end=$((t0 + minutes * 60))
while [ "$(date +%s)" -lt "$end" ]; do
    kill -0 "$svc" 2>/dev/null || { tail -20 "$out/service.log" >&2; echo "soak: the service died" >&2; exit 1; }
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$svc/status")
    threads=$(awk '/^Threads:/ {print $2}' "/proc/$svc/status")
    fds=$(find "/proc/$svc/fd" -mindepth 1 -maxdepth 1 | wc -l)
    # the committed offset first: the end only grows, so the lag is never negative
    c=$("$topics" -b "$B" committed soak soak-in 2>/dev/null || echo 0)
    e=$("$topics" -b "$B" end soak-in 2>/dev/null || echo 0)
    [ "$c" -ge 0 ] 2>/dev/null || c=0
    echo "$(( $(date +%s) - t0 )),$rss,$fds,$threads,$((e - c)),$c" >>"$csv"
    sleep 10
done
kill -TERM "$svc"
wait "$svc" || { echo "soak: the service exited non-zero on SIGTERM" >&2; exit 1; }
written=$("$topics" -b "$B" end soak-in)
done_=$("$topics" -b "$B" committed soak soak-in)

gnuplot <<GP
set terminal pngcairo size 1200,900 noenhanced
set output "$out/soak.png"
set datafile separator ","
set multiplot layout 3,1 title "newsevents soak: $written articles, $minutes min, $guarantee"
set xlabel "minutes"
set ylabel "RSS (MB)"
plot "$csv" every ::1 using (\$1/60):(\$2/1024) with lines title "RSS"
set ylabel "count"
plot "$csv" every ::1 using (\$1/60):3 with lines title "open fds", "" every ::1 using (\$1/60):4 with lines title "threads"
set ylabel "records"
plot "$csv" every ::1 using (\$1/60):5 with lines title "consumer lag"
unset multiplot
GP

python3 - "$csv" "$minutes" "$written" "$done_" "$count" "$out" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1]))]
minutes, written, done, count, out = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
t = [int(r["t_s"]) for r in rows]
def window(lo, hi, key):
    v = [int(r[key]) for r in rows if lo <= int(r["t_s"]) < hi]
    return sum(v) / len(v) if v else float("nan")
last = t[-1]
w0 = max(0, last - 20 * 60)  # the last 20 minutes
ok = True
print("soak: %d minutes, %d samples; %d articles written, %d committed (of %d)"
      % (minutes, len(rows), written, done, count))
for key, name in (("rss_kb", "RSS"), ("fds", "open descriptors"), ("threads", "threads")):
    a, b = window(w0, w0 + 60, key), window(last - 60, last + 1, key)
    peak = max(int(r[key]) for r in rows if int(r["t_s"]) >= w0)
    growth = (b - a) / a * 100
    print("  %-17s first minute of the last 20: %9.1f  last minute: %9.1f  growth %+.1f%%  (peak %d)"
          % (name, a, b, growth, peak))
    if key != "threads" and growth >= 5:
        ok = False
lag = [int(r["lag"]) for r in rows]
print("  consumer lag: median %d, max %d records" % (sorted(lag)[len(lag) // 2], max(lag)))
print("  CSV %s/soak.csv, plot %s/soak.png" % (out, out))
if done != written:
    print("soak: the group committed %d of %d" % (done, written)); ok = False
sys.exit(0 if ok else 1)
PY
