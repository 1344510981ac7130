#!/usr/bin/env bash
# The README's library example, as a user meets it: `cmake --install` into a
# prefix, the example compiled against that prefix, run on the reference
# article (events out), and run without the dictionaries (a message and
# exit 1, not a crash).
#   library_example.sh BUILD_DIR [SANITIZE]
set -euo pipefail
BUILD=$1
SANITIZE=${2:-0}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d /tmp/ne-library-XXXX)
trap 'rm -rf "$W"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$BUILD" --prefix "$W/prefix" >"$W/install.log" || { cat "$W/install.log"; fail "cmake --install"; }
for f in bin/newsevents lib/libnewsevents.a include/newsevents.h share/newsevents/dict/cameo.tsv \
         share/newsevents/schemas/event.schema.json; do
    [ -f "$W/prefix/$f" ] || fail "cmake --install did not install $f"
done
# the C block of the README's "As a library" section, for this prefix
python3 - "$SRC/README.md" "$W/prefix" >"$W/example.c" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
section = text[text.index("### As a library"):]
code = re.search(r"```c\n(.*?)```", section, re.S).group(1)
assert '"/usr/local/share/newsevents/dict"' in code, "the example no longer names the installed dictionaries"
print(code.replace('"/usr/local/share', '"%s/share' % sys.argv[2]), end="")
PY
flags=()
[ "$SANITIZE" = 1 ] || [ "$SANITIZE" = ON ] && flags=(-fsanitize=address,undefined)
cc -Wall -Werror "${flags[@]}" "$W/example.c" -o "$W/example" -I "$W/prefix/include" -L "$W/prefix/lib" \
    -lnewsevents $(pkg-config --libs jansson) || fail "the README's example does not compile"
"$W/example" <"$SRC/examples/seed-article.jsonl" >"$W/events.jsonl" || fail "the example exit $?"
python3 - "$W/events.jsonl" <<'PY' || fail "the example's events"
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])]
assert len(ev) >= 4 and all(e["article_id"] == "seed-0001" for e in ev), ev
print("example: %d events from the reference article" % len(ev))
PY
# without the dictionaries: the NULL check
rm -rf "$W/prefix/share/newsevents/dict"
rc=0
"$W/example" <"$SRC/examples/seed-article.jsonl" >/dev/null 2>"$W/err" || rc=$?
[ "$rc" = 1 ] || fail "without dictionaries the example exited $rc, not 1"
grep -q "^newsevents: .*dict" "$W/err" || fail "without dictionaries: '$(cat "$W/err")'"
echo "without dictionaries: $(cat "$W/err")"
echo PASS
