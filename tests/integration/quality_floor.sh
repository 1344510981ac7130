#!/usr/bin/env bash
# Regression guard: the coder's figures must not slide below floors set a
# little under the measured values (bench/quality.sh prints them). The
# in-repository sets are always checked; the optional sets (kept outside
# the repository for their licences) only when bench/quality.sh finds them.
# Raise the floors when the coder improves.
set -euo pipefail
BIN=$1
SRC=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
out=$("$SRC/bench/quality.sh" "$BIN")
echo "$out"
value() { # set metric: the figure, or nothing when the set has no line
    echo "$out" | awk -v s="$1" '$1 == s' | grep -o "\(^\| \)$2=[0-9.]*" | head -1 | cut -d= -f2
}
check() { # set metric floor
    local v
    v=$(value "$1" "$2")
    [ -n "$v" ] || fail "no $2 figure for $1"
    python3 -c "import sys; sys.exit(0 if float('$v') >= float('$3') else 1)" ||
        fail "$1 $2=$v is below the floor $3"
}
optional() { # set metric floor: checked only when the set was found
    if echo "$out" | grep -q "^optional sets absent.*[ :]$1\b"; then
        echo "--- $1 absent: its floor is not checked"
    else
        check "$@"
    fi
}
check dev-gold F1 0.95
check dev-gold date 0.98
check dev-gold code 0.85
# event locations (tests/data/location-gold.jsonl), exact GeoNames id and within 50 km
check dev-gold exact 0.94
check dev-gold 50km 0.94
optional dev2-gold exact 0.87
# the reference article: all 8 events and nothing else
check seed-article F1 1.0
optional dev2-gold F1 0.87
optional dev2-gold date 0.93
optional cameo-codebook F1 0.82
optional cameo-codebook R 0.77
optional peer-gsr F1 0.54

# without the optional sets, the report still has the in-repository ones
# and says which sets it did not find
none=$(NE_SHARED=/nonexistent "$SRC/bench/quality.sh" "$BIN")
echo "$none"
[ "$(echo "$none" | grep -c '^dev-gold \+F1=\|^seed-article \+F1=')" = 2 ] ||
    fail "without the optional sets, dev-gold and seed-article are not both reported"
echo "$none" | grep -qx "optional sets absent from /nonexistent/data: dev2-gold cameo-codebook peer-gsr" ||
    fail "the absent optional sets are not named"
echo PASS
