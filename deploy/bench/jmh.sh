#!/usr/bin/env bash
# Runs common-lib's JMH benchmarks (classes *Benchmark under common-lib/src/test/java).
#
# Usage: deploy/bench/jmh.sh [JMH options...]       e.g.  deploy/bench/jmh.sh ProgressEnvelope -f 1 -wi 3 -i 5
# Without options it runs every benchmark with the settings used for docs/benchmarks.md.
set -euo pipefail
BAEUM_SCRIPT=jmh
# shellcheck source=deploy/local/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/../local/env.sh"
cd "$BAEUM_ROOT"

./mvnw -B -q -pl common-lib -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
classpath="common-lib/target/test-classes:common-lib/target/classes:$(cat common-lib/target/test.classpath)"
[[ $# -gt 0 ]] || set -- -f 1 -wi 3 -w 2s -i 5 -r 2s
exec java --enable-native-access=ALL-UNNAMED -cp "$classpath" org.openjdk.jmh.Main "$@"
