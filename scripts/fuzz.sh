#!/usr/bin/env bash
# The long fuzzing run of issue 10, with $1 inputs per target (default 20000): the relay's and
# admin-service's endpoints (FuzzIT, AdminFuzzIT, on the real servers) and the validation topology's
# consumer (ValidationFuzzTest). ConsumersPoisonIT (launcher) fuzzes every other consumer; CI runs it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ITERATIONS="${1:-20000}"
mvn -q -B -DskipTests install -pl ingress-relay,stream-processors,admin-service -am
mvn -B test -pl stream-processors -Dtest=ValidationFuzzTest -Deventpipe.fuzz.iterations="$ITERATIONS"
for target in ingress-relay:FuzzIT admin-service:AdminFuzzIT; do
  mvn -B verify -pl "${target%%:*}" -Dit.test="${target##*:}" -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Deventpipe.fuzz.iterations="$ITERATIONS"
done
