#!/usr/bin/env bash
# Installs what the tests use beyond Maven's own downloads, only when missing:
# kcat with Avro support (tools/kcat), the npm packages of tools/chain (anvil, solc) and pwa,
# Chromium for the browser tests and docker-compose to validate the compose file.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

as_root() {
  if [[ "$(id -u)" == 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "install-test-tools: need root for: $*" >&2; return 1; fi
}

# kcat with Avro / Schema Registry support (Debian's package lacks it): built once into tools/kcat/bin.
"$HOME_DIR/tools/kcat/build.sh"

if [[ ! -x "$HOME_DIR/tools/chain/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil" && -z "${EVENTPIPE_ANVIL_BIN:-}" ]]; then
  echo "install-test-tools: installing tools/chain (anvil, solc) with npm ci" >&2
  (cd "$HOME_DIR/tools/chain" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

# Chromium for the PWAs' end-to-end tests (driven by npm playwright-core, no browser download).
if [[ -z "${CHROMIUM:-}" ]] && ! command -v chromium >/dev/null; then
  echo "install-test-tools: installing Debian's chromium" >&2
  as_root apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

# Debian's docker-compose validates docker-compose.kafka.yml (config needs no Docker engine).
if ! command -v docker-compose >/dev/null; then
  echo "install-test-tools: installing Debian's docker-compose (a validator here; no engine is used)" >&2
  as_root apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi

# The Kubernetes and Strimzi schema validator of deploy/k8s (kubernetes-models, offline).
if [[ ! -d "$HOME_DIR/tools/k8s-validate/node_modules/kubernetes-models" ]]; then
  (cd "$HOME_DIR/tools/k8s-validate" && npm ci --no-audit --no-fund --loglevel=error)
fi

# The PWAs' npm packages (pwa/build.sh installs them too when the build runs).
if [[ ! -d "$HOME_DIR/pwa/node_modules/playwright-core" ]]; then
  (cd "$HOME_DIR/pwa" && npm ci --no-audit --no-fund --loglevel=error)
fi
