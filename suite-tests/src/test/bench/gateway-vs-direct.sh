#!/usr/bin/env bash
# Heartbeats direct to heartbeat-service vs through the gateway, at the same offered load (issue 6,
# docs/benchmarks.md "gateway overhead"). Needs Redis on 127.0.0.1:6379, gcc and wrk (installed if missing).
#
# Usage: suite-tests/src/test/bench/gateway-vs-direct.sh [sessions-per-phase] [duration]
#
# One heartbeat-service (port 18083) and one gateway (port 18080, routing /api/v1/playback/** to it)
# run from their exec jars with the same JVM options; heartbeat-service's bench fixture (BenchSetup)
# serves test JWKS and opens 5 x N sessions with valid tokens. Each phase gets its own fresh sessions,
# so every measured beat is a new beat (a repeated sequence number is a cheap no-op and would flatter
# whichever side ran second):
#   warm-up   wrk through the gateway (warms both JVMs)
#   max       wrk closed model, 1 thread x 64 connections: direct, then through the gateway
#   open      constant arrival rate (heartbeat-service's openload.c, latency from the intended send time) at 70 % of the
#             gateway's maximum, the same rate for both: direct, then through the gateway
# The gateway runs exactly as deployed (token verification, deny-list lookups in Redis with its 2 s
# cache, in-memory rate limit, circuit breaker, metrics) except that it accepts the bench tokens'
# audience (heartbeat-service): verifying them costs the same.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
SESSIONS=${1:-2000}; DURATION=${2:-20s}; OUT=suite-tests/target/bench-gateway
HB_PORT=18083; GW_PORT=18080
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx1g}
mkdir -p suite-tests/target
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || sudo apt-get install -y -qq wrk >/dev/null; }
# one reactor run packages and resolves (siblings resolve from the reactor); heartbeat-service comes
# last, so its test classpath is what stays in the file
./mvnw -B -q -pl heartbeat-service -am package dependency:build-classpath -DskipTests -Djacoco.skip=true \
  -Dmdep.outputFile="$PWD/$OUT.cp" -Dmdep.includeScope=test >/dev/null
./mvnw -B -q -pl gateway -am package -DskipTests -Djacoco.skip=true
rm -rf $OUT; mkdir -p $OUT
# an empty bench keyspace, as in heartbeat-service/src/test/bench/run.sh (the backlog stream only grows)
redis-cli --scan --pattern 'bench:hb:*' | xargs -r -n 1000 redis-cli unlink > /dev/null
gcc -O2 -o $OUT/openload heartbeat-service/src/test/bench/openload.c
CP="heartbeat-service/target/test-classes:heartbeat-service/target/classes:common-lib/target/classes:common-test/target/classes:$(cat $OUT.cp)"
"$JAVA_HOME/bin/java" -cp "$CP" io.baeum.heartbeat.bench.BenchSetup "http://127.0.0.1:$HB_PORT" $((SESSIONS * 5)) $OUT > $OUT/setup.log 2>&1 &
SETUP=$!
until [ -s $OUT/app.args ]; do kill -0 $SETUP || { cat $OUT/setup.log; exit 1; }; sleep 0.2; done
# the heartbeat service as in heartbeat-service/src/test/bench/run.sh (emission off: no SQS here)
# shellcheck disable=SC2046
"$JAVA_HOME/bin/java" $JAVA_OPTS --enable-native-access=ALL-UNNAMED -jar heartbeat-service/target/heartbeat-service-exec.jar \
  --server.port=$HB_PORT --baeum.heartbeat.state.key-prefix=bench:hb: --baeum.heartbeat.emission.enabled=false \
  --logging.level.root=WARN $(cat $OUT/app.args) > $OUT/heartbeat.log 2>&1 &
HB=$!
JWKS=$(tr ' ' '\n' < $OUT/app.args | sed -n 's/^--baeum.security.token.jwks-uri=//p')
# GW_BENCH_JAVA_OPTS: extra options for the gateway only (e.g. -XX:StartFlightRecording=... to profile it)
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" $JAVA_OPTS ${GW_BENCH_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -jar gateway/target/gateway-exec.jar \
  --server.port=$GW_PORT --baeum.gateway.services.heartbeat=http://127.0.0.1:$HB_PORT \
  --baeum.security.token.jwks-uri="$JWKS" --baeum.security.token.audience=heartbeat-service \
  --logging.level.root=WARN > $OUT/gateway.log 2>&1 &
GW=$!
trap 'kill $HB $GW $SETUP 2>/dev/null || true' EXIT
until grep -q READY $OUT/setup.log; do kill -0 $SETUP || { cat $OUT/setup.log; exit 1; }; sleep 1; done
until curl -sf http://127.0.0.1:$GW_PORT/actuator/health/readiness >/dev/null; do sleep 0.5; done
split -n l/5 -d $OUT/sessions.txt $OUT/set.   # set.00 .. set.04: one per phase
LUA=heartbeat-service/src/test/bench/beats.lua
wrk -t1 -c64 -d10s -s $LUA http://127.0.0.1:$GW_PORT -- $OUT/set.00 > /dev/null   # warm-up, both JVMs
echo "== max throughput, direct (closed model, 1 thread, 64 connections)"
wrk -t1 -c64 -d"$DURATION" --latency -s $LUA http://127.0.0.1:$HB_PORT -- $OUT/set.01 | tee $OUT/max-direct.txt
echo "== max throughput, through the gateway"
wrk -t1 -c64 -d"$DURATION" --latency -s $LUA http://127.0.0.1:$GW_PORT -- $OUT/set.02 | tee $OUT/max-gateway.txt
MAX_DIRECT=$(awk '/Requests\/sec/ {print int($2)}' $OUT/max-direct.txt)
MAX_GATEWAY=$(awk '/Requests\/sec/ {print int($2)}' $OUT/max-gateway.txt)
RATE=$((MAX_GATEWAY * 70 / 100))
echo "== open model at $RATE beats/s (70 % of the gateway's maximum), direct"
$OUT/openload 127.0.0.1 $HB_PORT $OUT/set.03 "$RATE" "${DURATION%s}" | tee $OUT/open-direct.txt || true
echo "== open model at $RATE beats/s, through the gateway"
$OUT/openload 127.0.0.1 $GW_PORT $OUT/set.04 "$RATE" "${DURATION%s}" | tee $OUT/open-gateway.txt || true
errors=$(grep -h 'Non-2xx' $OUT/max-*.txt || true)
[ -z "$errors" ] || echo "!! non-2xx answers during the closed-model runs: $errors"
echo "== summary"
echo "max beats/s: direct $MAX_DIRECT, through the gateway $MAX_GATEWAY (ratio $(awk "BEGIN {printf \"%.2f\", $MAX_GATEWAY / $MAX_DIRECT}"))"
grep -h 'latency from intended' $OUT/open-direct.txt | sed 's/^/direct:  /'
grep -h 'latency from intended' $OUT/open-gateway.txt | sed 's/^/gateway: /'
