#!/usr/bin/env bash
# The long fuzzing run of issue 10: the relay's and admin-service's endpoints (FuzzIT, AdminFuzzIT, on the real servers) and the
# validation topology's consumer (ValidationFuzzTest) with $1 inputs each (default 20000).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ITERATIONS="${1:-20000}"
mvn -q -DskipTests install -pl common,stack,testkit,schemas,storage,web -am
mvn verify -pl ingress-relay,stream-processors,admin-service -Dit.test=FuzzIT,AdminFuzzIT -Dtest=ValidationFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Deventpipe.fuzz.iterations="$ITERATIONS"
