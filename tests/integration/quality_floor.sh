#!/usr/bin/env bash
# Regression guard: the coder's figures on the shared evaluation data must
# not slide below floors set a little under the measured values
# (bench/quality.sh prints them). Raise the floors when the coder improves.
set -euo pipefail
BIN=$1
SRC=$(cd "$(dirname "$0")/../.." && pwd)
out=$("$SRC/bench/quality.sh" "$BIN")
echo "$out"
check() { # set metric floor
    local v
    v=$(echo "$out" | awk -v s="$1" '$1 == s' | grep -o "$2=[0-9.]*" | cut -d= -f2)
    python3 -c "import sys; v, f = float('$v'), float('$3'); sys.exit(0 if v >= f else 1)" ||
        { echo "FAIL: $1 $2=$v is below the floor $3" >&2; exit 1; }
}
check dev-gold F1 0.79
check dev-gold date 0.94
check dev-gold code 0.80
check seed-article F1 0.90
check peer-gsr F1 0.40
echo PASS
