#!/usr/bin/env bash
# Prove the clean install: build a minimal Debian 12 root with mmdebstrap,
# put a clone of this repository in it (its committed HEAD, and nothing
# beside it), and run the README's two commands there in a chroot:
# scripts/demo.sh, then scripts/test.sh. Prints each command's last lines
# and exit code. Not part of CI: it downloads a few hundred MB; on 2 cores
# the demo took about a minute and the full test command about 15 minutes
# (measured 2026-12-04: demo 54 s, test.sh 847 s, both exit 0).
#
#   sudo scripts/fresh-root.sh              both commands
#   sudo scripts/fresh-root.sh --demo-only  scripts/demo.sh only
#   KEEP_ROOT=1 ...                         keep the root afterwards (printed)
#
# Two things belong to the machine, not to the project, and are carried in:
# its own CA certificates (/usr/local/share/ca-certificates, for an egress
# proxy that registries are reached through; Java's trust store is built
# from them when setup.sh installs the JDK) and its registry client settings
# (/etc/pip.conf, ~/.npmrc, ~/.m2/settings.xml). The chroot shares the
# machine's network, so the broker runs on 127.0.0.1 as usual. /proc and
# /dev are mounted into the root and unmounted on exit, whatever happens.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
demo_only=0
[ "${1:-}" = --demo-only ] && demo_only=1
[ "$(id -u)" = 0 ] || { echo "fresh-root: run as root (mmdebstrap, chroot, mount)" >&2; exit 2; }
command -v mmdebstrap >/dev/null || {
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null
}
[ -z "$(git -C "$src" status --porcelain)" ] ||
    echo "fresh-root: uncommitted changes are not tested (the root gets a clone of HEAD)" >&2

work=$(mktemp -d /tmp/newsevents-fresh-XXXX)
root=$work/root
logs=$work/logs
mkdir -p "$root" "$logs"

unmount_all() {
    # deepest first; a lazy unmount for anything still busy
    local m
    for m in $(awk -v r="$root/" 'index($2, r) == 1 {print $2}' /proc/mounts | sort -r); do
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done
}
cleanup() {
    unmount_all
    if awk -v r="$root/" 'index($2, r) == 1 {found = 1} END {exit !found}' /proc/mounts; then
        echo "fresh-root: mounts remain under $root: not deleting it" >&2
    elif [ -n "${KEEP_ROOT:-}" ]; then
        echo "fresh-root: root kept in $root" >&2
    else
        rm -rf --one-file-system "$root"
    fi
    echo "fresh-root: logs in $logs" >&2
}
trap cleanup EXIT

echo "== fresh-root: minimal Debian 12 root in $root" >&2
mmdebstrap --quiet --variant=minbase --include=ca-certificates bookworm "$root" >"$logs/mmdebstrap.log" 2>&1 ||
    { tail -20 "$logs/mmdebstrap.log" >&2; exit 1; }

echo "== fresh-root: a clone of $(git -C "$src" rev-parse --short HEAD), alone in /src/repo" >&2
mkdir -p "$root/src"
git clone -q "$src" "$root/src/repo"
git -C "$root/src/repo" checkout -q "$(git -C "$src" rev-parse HEAD)"

# the machine's own settings
cp /etc/resolv.conf "$root/etc/"
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
fi
[ -f /etc/pip.conf ] && cp /etc/pip.conf "$root/etc/"
[ -f "$HOME/.npmrc" ] && cp "$HOME/.npmrc" "$root/root/"
[ -f "$HOME/.m2/settings.xml" ] && mkdir -p "$root/root/.m2" && cp "$HOME/.m2/settings.xml" "$root/root/.m2/"

mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --make-rslave "$root/dev"

in_root() { # command line, run in the root with a clean environment
    chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/bash -c "$1"
}
in_root "update-ca-certificates >/dev/null 2>&1"

run() { # name command
    local rc=0 t0=$SECONDS
    echo "== fresh-root: $2 (log: $logs/$1.log)" >&2
    in_root "cd /src/repo && $2" >"$logs/$1.log" 2>&1 || rc=$?
    echo "---- $2: last lines"
    tail -15 "$logs/$1.log"
    echo "---- $2: exit code $rc ($((SECONDS - t0)) s)"
    return "$rc"
}
demo_rc=0 test_rc=0
run demo scripts/demo.sh || demo_rc=$?
[ "$demo_only" = 1 ] || run test scripts/test.sh || test_rc=$?
echo "fresh-root: scripts/demo.sh exit $demo_rc$([ "$demo_only" = 1 ] || echo ", scripts/test.sh exit $test_rc")"
[ "$demo_rc" = 0 ] && [ "$test_rc" = 0 ]
