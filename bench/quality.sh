#!/usr/bin/env bash
# Quality of the coder, as bench/score-events defines it: event F1 at the
# CAMEO root level, with date and full-code agreement, one line per set; and
# for the sets with events in tests/data/location-gold.jsonl, a second line:
# location accuracy (bench/score-locations: exact GeoNames id, within 50 km).
#   bench/quality.sh [NEWSEVENTS_BINARY]
#
# Always: tests/data/dev-gold.jsonl (120 articles written and hand-coded for
# this project) and examples/seed-article.jsonl (the reference article).
# When present, also the evaluation sets whose licences keep them out of
# the repository: dev2-gold, cameo-codebook and peer-gsr, read from
# $NE_SHARED/data or else from ../shared/data beside the checkout. A last
# line names the optional sets that were absent, and where they were looked for.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/newsevents}
[ -x "$bin" ] || { echo "no binary $bin (build first)" >&2; exit 1; }
optional_dir=${NE_SHARED:-$root/../shared}/data
out=$(mktemp -d /tmp/newsevents-quality-XXXX)
trap 'rm -rf "$out"' EXIT

score() { # name gold.jsonl
    "$bin" extract <"$2" >"$out/$1.jsonl" 2>"$out/$1.err" ||
        { cat "$out/$1.err" >&2; echo "extract failed on $2" >&2; exit 1; }
    printf '%-14s %s\n' "$1" "$("$root/bench/score-events" "$2" "$out/$1.jsonl" | tail -1)"
    # event locations, where tests/data/location-gold.jsonl has events of the set
    # (bench/score-locations: exact GeoNames id, and within 50 km)
    if grep -q "\"set\": \"$1\"" "$root/tests/data/location-gold.jsonl"; then
        printf '%-14s %s\n' "$1" "$("$root/bench/score-locations" "$root/tests/data/location-gold.jsonl" \
            "$root/dict/gazetteer/geonames.tsv" "$out/$1.jsonl" "$1" | tail -1)"
    fi
}
score dev-gold "$root/tests/data/dev-gold.jsonl"
score seed-article "$root/examples/seed-article.jsonl"
absent=()
for set in dev2-gold cameo-codebook peer-gsr; do
    if [ -f "$optional_dir/$set.jsonl" ]; then
        score "$set" "$optional_dir/$set.jsonl"
    else
        absent+=("$set")
    fi
done
if [ ${#absent[@]} -gt 0 ]; then
    echo "optional sets absent from $optional_dir: ${absent[*]}"
fi
