#!/usr/bin/env bash
# Runs the JMH benchmarks (classes *Benchmark under src/test/java) of common-lib or progress-contract.
#
# Usage: deploy/bench/jmh.sh [module] [JMH options...]
#   e.g. deploy/bench/jmh.sh progress-contract ProgressEnvelope -f 1 -wi 3 -i 5
#        deploy/bench/jmh.sh AccessToken                      (module defaults to common-lib)
# Without options it runs every benchmark of the module with the settings used for docs/benchmarks.md.
set -euo pipefail
BAEUM_SCRIPT=jmh
# shellcheck source=deploy/local/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/../local/env.sh"
cd "$BAEUM_ROOT"

module=common-lib
if [[ $# -gt 0 && -f "$1/pom.xml" ]]; then module=$1; shift; fi
./mvnw -B -q -pl "$module" -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
# the reactor's own modules resolve from their target/classes (nothing is installed)
classpath="$module/target/test-classes:$module/target/classes:common-lib/target/classes:common-test/target/classes:$(cat "$module/target/test.classpath")"
[[ $# -gt 0 ]] || set -- -f 1 -wi 3 -w 2s -i 5 -r 2s
exec java --enable-native-access=ALL-UNNAMED -cp "$classpath" org.openjdk.jmh.Main "$@"
