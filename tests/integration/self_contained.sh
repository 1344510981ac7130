#!/usr/bin/env bash
# The checkout is self-contained: no file names a path outside it (a
# ../shared folder, an absolute /work path, the NE_SHARED variable) except
# where the optional evaluation sets are looked for; the data the two
# commands need is inside; the sets whose licences keep them out are not.
# (build directories and .deps, what scripts/librdkafka-current.sh installs,
# are generated here and name the checkout's own path.)
set -euo pipefail
SRC=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
# the files that may look for the optional sets beside the checkout
allowed='^(bench/quality\.sh|tests/integration/quality_floor\.sh|README\.md)$'
hits=$(cd "$SRC" && find . \( -name .git -o -name 'build*' -o -name .deps \) -prune -o -type f -print |
    sed 's|^\./||' | grep -v '^tests/integration/self_contained\.sh$' |
    xargs grep -IlE '\.\./shared|NE_SHARED|shared-dir\.sh' | grep -vE "$allowed" || true)
[ -z "$hits" ] || fail "paths outside the checkout in: $hits"
hits=$(cd "$SRC" && find . \( -name .git -o -name 'build*' -o -name .deps \) -prune -o -type f -print |
    sed 's|^\./||' | grep -v '^tests/integration/self_contained\.sh$' | xargs grep -IlE '/work/' || true)
[ -z "$hits" ] || fail "absolute /work paths in: $hits"
for f in examples/seed-article.jsonl tests/data/dev-gold.jsonl bench/score-events; do
    [ -s "$SRC/$f" ] || fail "$f is missing"
done
found=$(cd "$SRC" && find . \( -name 'build*' -prune \) -o \( -name 'dev2-gold*' -o -name 'cameo-codebook*' -o -name 'peer-gsr*' \) -print)
[ -z "$found" ] || fail "sets that must stay outside the repository: $found"
echo PASS
