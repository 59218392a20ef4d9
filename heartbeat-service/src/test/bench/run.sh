#!/usr/bin/env bash
# Heartbeat load benchmark (docs/benchmarks.md): production's work, emission on. Needs Redis on 127.0.0.1:6379,
# wrk and gcc (wrk is installed if missing).
# Usage: heartbeat-service/src/test/bench/run.sh [sessions] [duration]
#
# Starts an ElasticMQ (BenchSqs, its own JVM, port $HB_BENCH_SQS_PORT, default 19324) unless
# HB_BENCH_SQS_DIR names a directory where one already wrote sqs.endpoint and sqs.queue (vs-reference.sh
# shares one with the Rust reference), the test JWKS (BenchSetup) and the service with emission on to
# that queue with production's emission settings. After the load it drains and checks (BenchDrain): every
# credited interval of every benchmark session is in the queue, HMAC verified and decoded, nothing
# missing, nothing twice. Per phase it prints beats/s, latency, CPU per beat (service, Redis, ElasticMQ,
# from /proc/<pid>/stat) and bytes allocated per beat (Micrometer's jvm.gc.memory.allocated from
# /actuator/prometheus, plus the eden space in use from jstat: allocation since the last collection).
# HB_BENCH_EMISSION=off: the old measurement, emission off (the backlog only grows in Redis).
# HB_BENCH_PORT, HB_BENCH_PREFIX: the service's port (18083) and Redis key prefix (bench:hb:).
# HB_BENCH_NO_BUILD=1: use the jars and classpath already built. HB_BENCH_PHASES="max low open" (default).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
SESSIONS=${1:-2000}; DURATION=${2:-30s}; OUT=heartbeat-service/target/bench; PORT=${HB_BENCH_PORT:-18083}
PREFIX=${HB_BENCH_PREFIX:-bench:hb:}   # the Redis key prefix of this run (two benchmarks at once need two)
BENCH=heartbeat-service/src/test/bench
PHASES=${HB_BENCH_PHASES:-max low open}
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || sudo apt-get install -y -qq wrk >/dev/null; }
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# one reactor run: common-lib, progress-contract and common-test resolve from their target/ (never from ~/.m2: nothing is installed);
# every module writes the classpath file, heartbeat-service (built last) wins
if [ -z "${HB_BENCH_NO_BUILD:-}" ] || [ ! -s $OUT.cp ]; then
  ./mvnw -B -q -pl heartbeat-service -am package dependency:build-classpath -DskipTests -Djacoco.skip=true \
    -Dmdep.outputFile="$PWD/$OUT.cp" -Dmdep.includeScope=test >/dev/null
fi
rm -rf $OUT; mkdir -p $OUT   # never start from a previous run's app.args (stale JWKS ports)
# every run starts from an empty bench keyspace (sessions, backlog stream and its consumer group)
redis-cli --scan --pattern "$PREFIX*" | xargs -r -n 1000 redis-cli unlink > /dev/null
gcc -O2 -o $OUT/openload $BENCH/openload.c
CP="heartbeat-service/target/test-classes:heartbeat-service/target/classes:progress-contract/target/classes:common-lib/target/classes:common-test/target/classes:$(cat $OUT.cp)"
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
EMISSION=(--baeum.heartbeat.emission.enabled=false)
SQS=; SQS_PID=
if [ "${HB_BENCH_EMISSION:-on}" != off ]; then
  SQS=${HB_BENCH_SQS_DIR:-}
  if [ -z "$SQS" ]; then
    SQS=$OUT/sqs; mkdir -p $SQS
    "$JAVA_HOME/bin/java" -Xmx512m -XX:+UseParallelGC -cp "$CP" io.baeum.heartbeat.bench.BenchSqs "${HB_BENCH_SQS_PORT:-19324}" $SQS > $OUT/sqs.log 2>&1 &
    PIDS+=($!)
    until [ -s $SQS/sqs.endpoint ]; do kill -0 "${PIDS[-1]}" || { cat $OUT/sqs.log; exit 1; }; sleep 0.2; done
  fi
  SQS_PID=$(ss -ltnpH "sport = :$(sed 's/.*://' $SQS/sqs.endpoint)" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
  # the queue holds only this run's messages
  curl -sf -o /dev/null -X POST "$(cat $SQS/sqs.endpoint)/" -H 'X-Amz-Target: AmazonSQS.PurgeQueue' \
    -H 'Content-Type: application/x-amz-json-1.0' -d "{\"QueueUrl\":\"$(cat $SQS/sqs.queue)\"}"
  EMISSION=(--baeum.heartbeat.emission.enabled=true --baeum.heartbeat.emission.queue="$(cat $SQS/sqs.queue)"
    --spring.cloud.aws.sqs.endpoint="$(cat $SQS/sqs.endpoint)" --spring.cloud.aws.credentials.access-key=test
    --spring.cloud.aws.credentials.secret-key=test)
fi
"$JAVA_HOME/bin/java" -cp "$CP" io.baeum.heartbeat.bench.BenchSetup "http://127.0.0.1:$PORT" $((SESSIONS * 4)) $OUT > $OUT/setup.log 2>&1 &
SETUP=$!; PIDS+=($SETUP)
until [ -s $OUT/app.args ]; do kill -0 $SETUP || { cat $OUT/setup.log; exit 1; }; sleep 0.2; done
# the service's JVM options: the launcher's (deploy/local/env.sh) unless HB_BENCH_JAVA_OPTS is set
# shellcheck source=../../../../deploy/local/env.sh
HB_BENCH_JAVA_OPTS=${HB_BENCH_JAVA_OPTS-$(source deploy/local/env.sh && echo "$BAEUM_JAVA_OPTS_heartbeat_service")}
echo "service JVM options: $HB_BENCH_JAVA_OPTS; emission ${HB_BENCH_EMISSION:-on}"
# GC pauses and safepoints go to $OUT/gc.log (asynchronously): a tail spike can be checked against them
# shellcheck disable=SC2046,SC2086
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED $HB_BENCH_JAVA_OPTS -Xlog:async -Xlog:gc,safepoint:file=$OUT/gc.log -jar heartbeat-service/target/heartbeat-service-exec.jar \
  --server.port=$PORT --baeum.heartbeat.state.key-prefix=$PREFIX "${EMISSION[@]}" \
  --logging.level.root=WARN ${HB_BENCH_APP_ARGS:-} $(cat $OUT/app.args) > $OUT/app.log 2>&1 &
APP=$!; PIDS+=($APP)
until grep -q READY $OUT/setup.log; do kill -0 $APP || { cat $OUT/app.log; exit 1; }; sleep 1; done
# every phase beats its own fresh sessions: a phase that replayed a previous phase's sequence numbers
# would measure repeats, which change nothing and skip the state write (cheaper than real beats)
split -n l/4 -d $OUT/sessions.txt $OUT/set.   # set.00 warm-up, .01 max, .02 low concurrency, .03 open model
# CPU seconds (user + system) a process has used so far, from /proc
cpu() { if [ -n "$1" ]; then awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' /proc/$1/stat; else echo 0; fi; }
REDIS=$(pgrep -o redis-server)
# bytes the service has allocated so far: Micrometer's counter (eden allocation up to the last young collection)
# plus what eden holds now (allocated since; eden's top minus its bottom, from jcmd GC.heap_info)
allocated() {
  local counted eden
  counted=$(curl -sf http://127.0.0.1:$PORT/actuator/prometheus | awk '/^jvm_gc_memory_allocated_bytes_total/ {printf "%.0f", $2}')
  eden=$("$JAVA_HOME/bin/jcmd" "$APP" GC.heap_info | sed -n 's/.*eden space.*\[0x\([0-9a-f]*\),0x\([0-9a-f]*\),.*/\1 \2/p')
  echo $((${counted:-0} + ${eden:+16#${eden#* } - 16#${eden% *}} + 0))
}
switches() { awk '/^ctxt/ {print $2}' /proc/stat; }
# runs a phase ("$@") and prints what it cost per beat answered: the service's, Redis's and ElasticMQ's CPU
# time, the service's allocation and the machine's context switches
measured() {
  local app0 redis0 sqs0 switches0 alloc0 beats
  app0=$(cpu $APP); redis0=$(cpu $REDIS); sqs0=$(cpu "$SQS_PID"); switches0=$(switches); alloc0=$(allocated)
  "$@" | tee $OUT/phase.txt
  beats=$(awk '/requests in/ {print $1}' $OUT/phase.txt)
  awk -v a0="$app0" -v a1="$(cpu $APP)" -v r0="$redis0" -v r1="$(cpu $REDIS)" -v q0="$sqs0" -v q1="$(cpu "$SQS_PID")" \
    -v s0="$switches0" -v s1="$(switches)" -v m0="$alloc0" -v m1="$(allocated)" -v n="$beats" \
    'BEGIN {printf "CPU per beat: service %.0f us, Redis %.0f us, ElasticMQ %.0f us; allocated per beat (service): %.1f KB; %.1f context switches per beat\n",
      (a1 - a0) / n * 1e6, (r1 - r0) / n * 1e6, (q1 - q0) / n * 1e6, (m1 - m0) / n / 1024, (s1 - s0) / n}' | tee -a $OUT/phase.txt
}
uptime
wrk -t1 -c64 -d10s -s $BENCH/beats.lua http://127.0.0.1:$PORT -- $OUT/set.00 > /dev/null # warm-up
if [[ " $PHASES " == *" max "* ]]; then
  echo "== max throughput (closed model, 1 thread, 64 connections)"
  measured wrk -t1 -c64 -d"$DURATION" --latency -s $BENCH/beats.lua http://127.0.0.1:$PORT -- $OUT/set.01
  cp $OUT/phase.txt $OUT/max.txt
fi
if [[ " $PHASES " == *" low "* ]]; then
  echo "== low concurrency (8 connections)"
  measured wrk -t1 -c8 -d"$DURATION" --latency -s $BENCH/beats.lua http://127.0.0.1:$PORT -- $OUT/set.02
fi
if [[ " $PHASES " == *" open "* ]] && [ -s $OUT/max.txt ]; then
  # open model: a constant arrival rate at 70 % of the maximum just measured; latency from intended send time
  MAX=$(awk '/Requests\/sec/ {print int($2)}' $OUT/max.txt)
  RATE=$((MAX * 70 / 100))
  echo "== open model at 70 % of $MAX beats/s = $RATE beats/s (constant arrival rate, 10 s warm-up unrecorded)"
  measured $OUT/openload 127.0.0.1 $PORT $OUT/set.03 "$RATE" "${DURATION%s}"
  cp $OUT/phase.txt $OUT/open.txt
fi
uptime
if [ -s $OUT/max.txt ]; then
  awk '/Requests\/sec/ {r = $2} /^ +99%/ {p = $2} /^CPU per beat/ {c = $5; m = $17} END {printf "RESULT heartbeat-service max %.0f beats/s, p99 %s, CPU %s us/beat, alloc %s KB/beat\n", r, p, c, m}' $OUT/max.txt
fi
if [ -n "$SQS" ]; then
  echo "== drain and check the queue"
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" io.baeum.heartbeat.playback.state.BenchDrain "$(cat $SQS/sqs.endpoint)" "$(cat $SQS/sqs.queue)" \
    $OUT/sessions.txt "$PREFIX" | tee $OUT/drain.txt
fi
