#!/usr/bin/env bash
# Installs what the tests use beyond Maven's own downloads, only when missing.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

as_root() {
  if [[ "$(id -u)" == 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "install-test-tools: need root for: $*" >&2; return 1; fi
}

if ! command -v kcat >/dev/null 2>&1; then
  echo "install-test-tools: installing kcat (decodes Avro topics through the registry)" >&2
  as_root apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kcat >/dev/null
fi

if [[ ! -x "$HOME_DIR/tools/chain/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil" && -z "${EVENTPIPE_ANVIL_BIN:-}" ]]; then
  echo "install-test-tools: installing tools/chain (anvil, solc) with npm ci" >&2
  (cd "$HOME_DIR/tools/chain" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
