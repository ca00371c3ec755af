#!/usr/bin/env bash
# Runs every test of EventPipe: unit tests (surefire) and integration tests (failsafe) on the
# real servers, which the tests start themselves. Installs first what the tests need and a
# fresh machine lacks: kcat with Avro support (tools/kcat) and the npm packages of tools/chain.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HOME_DIR"

"$HOME_DIR/scripts/install-test-tools.sh"

exec mvn -B verify "$@"
