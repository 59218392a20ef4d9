#!/usr/bin/env bash
# Heartbeat load benchmark (docs/benchmarks.md). Needs Redis on 127.0.0.1:6379, wrk and gcc (wrk is installed if missing).
# Usage: heartbeat-service/src/test/bench/run.sh [sessions] [duration]
set -euo pipefail
cd "$(dirname "$0")/../../../.."
SESSIONS=${1:-2000}; DURATION=${2:-30s}; OUT=heartbeat-service/target/bench; PORT=18083
BENCH=heartbeat-service/src/test/bench
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || sudo apt-get install -y -qq wrk >/dev/null; }
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# one reactor run: common-lib, progress-contract and common-test resolve from their target/ (never from ~/.m2: nothing is installed);
# every module writes the classpath file, heartbeat-service (built last) wins
./mvnw -B -q -pl heartbeat-service -am package dependency:build-classpath -DskipTests -Djacoco.skip=true \
  -Dmdep.outputFile="$PWD/$OUT.cp" -Dmdep.includeScope=test >/dev/null
rm -rf $OUT; mkdir -p $OUT   # never start from a previous run's app.args (stale JWKS ports)
# every run starts from an empty bench keyspace: with emission off the backlog stream only grows, and a
# Redis holding earlier runs' millions of entries is slower than one holding a run's own
redis-cli --scan --pattern 'bench:hb:*' | xargs -r -n 1000 redis-cli unlink > /dev/null
gcc -O2 -o $OUT/openload $BENCH/openload.c
CP="heartbeat-service/target/test-classes:heartbeat-service/target/classes:progress-contract/target/classes:common-lib/target/classes:common-test/target/classes:$(cat $OUT.cp)"
"$JAVA_HOME/bin/java" -cp "$CP" io.baeum.heartbeat.bench.BenchSetup "http://127.0.0.1:$PORT" $((SESSIONS * 4)) $OUT > $OUT/setup.log 2>&1 &
SETUP=$!
until [ -s $OUT/app.args ]; do kill -0 $SETUP || { cat $OUT/setup.log; exit 1; }; sleep 0.2; done
# the service's JVM options: the launcher's (deploy/local/env.sh) unless HB_BENCH_JAVA_OPTS is set
# shellcheck source=../../../../deploy/local/env.sh
HB_BENCH_JAVA_OPTS=${HB_BENCH_JAVA_OPTS-$(source deploy/local/env.sh && echo "$BAEUM_JAVA_OPTS_heartbeat_service")}
echo "service JVM options: $HB_BENCH_JAVA_OPTS"
# emission off: the backlog would only grow in Redis without an SQS endpoint; beats are judged and stored all the same
# GC pauses and safepoints go to $OUT/gc.log (asynchronously): a tail spike can be checked against them
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED $HB_BENCH_JAVA_OPTS -Xlog:async -Xlog:gc,safepoint:file=$OUT/gc.log -jar heartbeat-service/target/heartbeat-service-exec.jar \
  --server.port=$PORT --baeum.heartbeat.state.key-prefix=bench:hb: --baeum.heartbeat.emission.enabled=false \
  --logging.level.root=WARN ${HB_BENCH_APP_ARGS:-} $(cat $OUT/app.args) > $OUT/app.log 2>&1 &
APP=$!
trap 'kill $APP $SETUP 2>/dev/null || true' EXIT
until grep -q READY $OUT/setup.log; do sleep 1; done
# every phase beats its own fresh sessions: a phase that replayed a previous phase's sequence numbers
# would measure repeats, which change nothing and skip the state write (cheaper than real beats)
split -n l/4 -d $OUT/sessions.txt $OUT/set.   # set.00 warm-up, .01 max, .02 low concurrency, .03 open model
# CPU seconds (user + system) a process has used so far, from /proc
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' /proc/$1/stat; }
REDIS=$(pgrep -o redis-server)
switches() { awk '/^ctxt/ {print $2}' /proc/stat; }
faults() { awk '/^pgmajfault/ {print $2}' /proc/vmstat; }
# runs a phase ("$@") and prints what it cost: the service's and Redis's CPU time per beat answered, the
# machine's context switches per beat, and its major page faults (a stall that reads pages back from disk)
measured() {
  local app0 redis0 switches0 faults0 beats
  app0=$(cpu $APP); redis0=$(cpu $REDIS); switches0=$(switches); faults0=$(faults)
  "$@" | tee $OUT/phase.txt
  beats=$(awk '/requests in/ {print $1}' $OUT/phase.txt)
  awk -v a0="$app0" -v a1="$(cpu $APP)" -v r0="$redis0" -v r1="$(cpu $REDIS)" -v s0="$switches0" -v s1="$(switches)" \
    -v f0="$faults0" -v f1="$(faults)" -v n="$beats" 'BEGIN {printf "CPU per beat: service %.0f us, Redis %.0f us; per beat (machine): %.1f context switches; major page faults: %d\n", (a1 - a0) / n * 1e6, (r1 - r0) / n * 1e6, (s1 - s0) / n, f1 - f0}'
}
uptime
wrk -t1 -c64 -d10s -s $BENCH/beats.lua http://127.0.0.1:$PORT -- $OUT/set.00 > /dev/null # warm-up
echo "== max throughput (closed model, 1 thread, 64 connections)"
measured wrk -t1 -c64 -d"$DURATION" --latency -s $BENCH/beats.lua http://127.0.0.1:$PORT -- $OUT/set.01
cp $OUT/phase.txt $OUT/max.txt
echo "== low concurrency (8 connections)"
measured wrk -t1 -c8 -d"$DURATION" --latency -s $BENCH/beats.lua http://127.0.0.1:$PORT -- $OUT/set.02
# open model: a constant arrival rate at 70 % of the maximum just measured; latency from intended send time
MAX=$(awk '/Requests\/sec/ {print int($2)}' $OUT/max.txt)
RATE=$((MAX * 70 / 100))
echo "== open model at 70 % of $MAX beats/s = $RATE beats/s (constant arrival rate, 10 s warm-up unrecorded)"
measured $OUT/openload 127.0.0.1 $PORT $OUT/set.03 "$RATE" "${DURATION%s}"
uptime
