#!/usr/bin/env bash
# Builds kcat with Avro / Schema Registry support into tools/kcat/bin/kcat.
#
# Debian's kcat package is built without Avro (libserdes is not packaged), so
# `kcat -s value=avro -r URL` cannot decode EventPipe's topics with it. This builds the same
# kcat version from Debian's source package, against serdes/ (EventPipe's implementation of
# the libserdes interface kcat uses) and Debian's avro-c, curl, jansson and librdkafka.
# The apt sources for the source package are derived from the machine's own apt sources.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KCAT_VERSION=1.7.1
BIN="$DIR/bin/kcat"

if [[ -x "$BIN" && "${1:-}" != "--force" ]]; then
  exit 0
fi

as_root() {
  if [[ "$(id -u)" == 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "kcat build: need root for: $*" >&2; return 1; fi
}

echo "kcat build: installing build dependencies" >&2
as_root apt-get update -qq >/dev/null
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  gcc make pkg-config libavro-dev libcurl4-openssl-dev libjansson-dev librdkafka-dev libyajl-dev \
  zlib1g-dev libssl-dev libsasl2-dev libzstd-dev liblz4-dev >/dev/null

WORK="$DIR/build"
rm -rf "$WORK"
mkdir -p "$WORK/apt/lists/partial" "$WORK/apt/sources.d" "$WORK/lib"

# Source entries for the suites the machine already uses.
for f in /etc/apt/sources.list.d/*.sources; do
  [[ -f "$f" ]] || continue
  sed -e 's/^Types:.*/Types: deb-src/' "$f" > "$WORK/apt/sources.d/$(basename "$f")"
done
if [[ -f /etc/apt/sources.list ]]; then
  grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' > "$WORK/apt/sources.d/list.list" || true
fi
APT=(-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$WORK/apt/sources.d" -o Dir::State::Lists="$WORK/apt/lists"
     -o APT::Sandbox::User=root)
echo "kcat build: fetching the kcat $KCAT_VERSION source package" >&2
apt-get "${APT[@]}" update -qq >/dev/null 2>&1 || true
(cd "$WORK" && apt-get "${APT[@]}" source --download-only kafkacat >/dev/null 2>&1) || true
ORIG="$(ls "$WORK"/kafkacat_${KCAT_VERSION}.orig.tar.* 2>/dev/null | head -1)"
if [[ -z "$ORIG" ]]; then
  echo "kcat build: the kafkacat source package could not be fetched" >&2
  exit 1
fi
tar -xf "$ORIG" -C "$WORK"
SRC="$(find "$WORK" -maxdepth 1 -type d -name 'kafkacat-*' -o -maxdepth 1 -type d -name 'kcat-*' | head -1)"

echo "kcat build: compiling serdes and kcat" >&2
gcc -O2 -fPIC -Wall -Wextra -shared -o "$WORK/lib/libserdes.so" "$DIR/serdes/serdes.c" -I"$DIR/serdes" \
  $(pkg-config --cflags jansson libcurl) -lcurl -ljansson -lavro
mkdir -p "$DIR/lib" "$DIR/bin"
cp "$WORK/lib/libserdes.so" "$DIR/lib/"
(
  cd "$SRC"
  CPPFLAGS="-I$DIR/serdes" LDFLAGS="-L$DIR/lib -Wl,-rpath,$DIR/lib" \
    ./configure --enable-json --enable-avro >"$WORK/configure.log" 2>&1 || { cat "$WORK/configure.log" >&2; exit 1; }
  grep -q 'ENABLE_AVRO 1' config.h || { echo "kcat build: configure did not enable Avro" >&2; cat "$WORK/configure.log" >&2; exit 1; }
  make -j2 >"$WORK/make.log" 2>&1 || { tail -30 "$WORK/make.log" >&2; exit 1; }
)
cp "$SRC/kcat" "$BIN"
rm -rf "$WORK"
echo "kcat build: $BIN ($("$BIN" -V 2>&1 | grep -o 'Version [^ ]*'))" >&2
