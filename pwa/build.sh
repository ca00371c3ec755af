#!/usr/bin/env bash
# Builds the PWAs with the machine's Node.js and npm (no Node download): installs the locked
# npm packages when they changed, type-checks, bundles into dist/; `test` runs the Vitest suite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v npm >/dev/null || { echo "pwa: npm is required (Node.js 20.19 or newer)" >&2; exit 1; }
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
case "${1:-build}" in
  build) npm run --silent build ;;
  test) npx vitest run --reporter=dot ;;
  *) echo "usage: pwa/build.sh [build|test]" >&2; exit 2 ;;
esac
