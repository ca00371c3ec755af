#!/usr/bin/env bash
# The soak of issue 10: 30 minutes (or $1) of steady load at half the closed-loop rate on a fresh
# local stack; heap per service, consumer lag and answers every 30 s in target/soak/soak.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec ./eventpipe soak "${1:-30m}" "${@:2}"
