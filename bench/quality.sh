#!/usr/bin/env bash
# Quality of the coder, as ../shared/tools/score-events defines it: event
# F1 at the CAMEO root level, date and full-code agreement, on the dev set,
# the reference article and the peer validation sentences (PETRARCH-2's
# GSR, real news, that project's own codes).
#   bench/quality.sh [NEWSEVENTS_BINARY]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/newsevents}
shared=$("$root/scripts/shared-dir.sh")
[ -x "$bin" ] || { echo "no binary $bin (build first)" >&2; exit 1; }
out=$(mktemp -d /tmp/newsevents-quality-XXXX)
trap 'rm -rf "$out"' EXIT
for set in dev-gold seed-article peer-gsr; do
    "$bin" extract <"$shared/data/$set.jsonl" >"$out/$set.jsonl" 2>/dev/null
    printf '%-14s %s\n' "$set" "$("$shared/tools/score-events" "$shared/data/$set.jsonl" "$out/$set.jsonl" | tail -1)"
done
