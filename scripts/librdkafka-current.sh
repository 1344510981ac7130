#!/usr/bin/env bash
# Build the librdkafka of Debian 13 (trixie) from Debian's own source package
# on Debian 12, and install it in a prefix of this checkout that the build
# finds first (CMakeLists.txt: NE_LIBRDKAFKA_PREFIX, default .deps/librdkafka).
#
# Why: Debian 12's librdkafka 2.0.2 cannot authenticate with SCRAM to Kafka
# 4.x brokers (the client-nonce bug fixed in 2.6.1) and has no KIP-848
# consumer group protocol (group.protocol=consumer). Debian 13 packages 2.8.0,
# which has both.
#
#   scripts/librdkafka-current.sh            fetch, verify, build, install
#   scripts/setup.sh --librdkafka-current    the same, after the usual setup
#   PREFIX=/opt/rdkafka scripts/librdkafka-current.sh   another prefix
#                                            (then cmake -DNE_LIBRDKAFKA_PREFIX=...)
#
# The source package is pinned by its SHA-256 sums (from trixie's Sources
# index) and unpacked with dpkg-source, which applies Debian's patches. It is
# built with Debian's build flags and configured as Debian's rules do
# (dh_auto_configure: the mklove configure with the system's ssl, sasl, zstd,
# lz4, zlib and curl). Idempotent: a second run with the prefix in place
# builds nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
version=2.8.0
debrev=1
prefix=${PREFIX:-$repo/.deps/librdkafka}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
pool=$mirror/pool/main/libr/librdkafka
declare -A sha256=(
    [librdkafka_${version}-${debrev}.dsc]=0e9f099090072fe33da42303e1878f7f4713f91b94aa6523a9d630fe67eb2b51
    [librdkafka_${version}.orig.tar.gz]=5bd1c46f63265f31c6bfcedcde78703f77d28238eadf23821c2b43fc30be3e25
    [librdkafka_${version}-${debrev}.debian.tar.xz]=85381d3e0f2f8a5f871a408df59ed7ee3071a7bdbce9adefabfc5d3324418ed1
)

if [ -f "$prefix/lib/pkgconfig/rdkafka.pc" ] &&
   [ "$(PKG_CONFIG_PATH=$prefix/lib/pkgconfig pkg-config --modversion rdkafka)" = "$version" ]; then
    echo "librdkafka-current: $version already in $prefix" >&2
    exit 0
fi

# Debian's Build-Depends of the package (trixie's Sources), as bookworm names them
deps=(build-essential dpkg-dev pkg-config python3 curl ca-certificates
      libcurl4-openssl-dev liblz4-dev libsasl2-dev libssl-dev libzstd-dev zlib1g-dev)
# shellcheck source=scripts/packages.sh
. "$here/packages.sh"
ne_install_packages librdkafka-current "${deps[@]}"

work=$(mktemp -d /tmp/librdkafka-current-XXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
for f in "${!sha256[@]}"; do
    curl -fsS --retry 3 -o "$f" "$pool/$f" || { echo "librdkafka-current: cannot fetch $pool/$f" >&2; exit 1; }
    echo "${sha256[$f]}  $f" | sha256sum -c --quiet - ||
        { echo "librdkafka-current: $f does not match its SHA-256" >&2; exit 1; }
done
# the SHA-256 sums above stand for the signature (a minimal root has no
# Debian keyring): dpkg-source only unpacks and applies Debian's patches
dpkg-source -x "librdkafka_${version}-${debrev}.dsc" src >"$work/unpack.log" 2>&1 ||
    { cat "$work/unpack.log" >&2; exit 1; }
cd src
# Debian's flags (hardening, bindnow), as debian/rules sets them
export DEB_BUILD_MAINT_OPTIONS=hardening=+bindnow
eval "$(dpkg-buildflags --export=sh)"
./configure --prefix="$prefix" --libdir="$prefix/lib" --disable-debug-symbols >"$work/configure.log" 2>&1 ||
    { tail -20 "$work/configure.log" >&2; exit 1; }
make -j"$(nproc)" libs >"$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; exit 1; }
rm -rf "$prefix"
make install-subdirs >"$work/install.log" 2>&1 || { tail -20 "$work/install.log" >&2; exit 1; }
got=$(PKG_CONFIG_PATH=$prefix/lib/pkgconfig pkg-config --modversion rdkafka)
[ "$got" = "$version" ] || { echo "librdkafka-current: installed $got, wanted $version" >&2; exit 1; }
echo "librdkafka-current: librdkafka $version (Debian $version-$debrev) in $prefix" >&2
