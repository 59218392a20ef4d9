#!/usr/bin/env bash
# heartbeat-service against the Rust reference (../shared/bench/rust-reference), emission on for both, in the
# same window: per round the reference's max (wrk, 1 thread, C connections, its own lua script and sessions),
# then heartbeat-service's run.sh (same C for max, open model at 70 %, drain and check), order alternating
# between rounds. One ElasticMQ (BenchSqs) and the one Redis serve both. Prints each round's ratio and the spread.
# Usage: heartbeat-service/src/test/bench/vs-reference.sh [rounds=3] [duration=20s] [sessions per phase=2000]
# HB_BENCH_NO_BUILD=1: use the jars already built; HB_BENCH_PHASES: run.sh's phases (default "max open")
# Needs cargo and Debian's librust-* crates listed in the reference's README (built offline into
# heartbeat-service/target/rust-reference from a copy: the reference itself is never changed or built in place).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
ROUNDS=${1:-3}; DURATION=${2:-20s}; SESSIONS=${3:-2000}; C=64
OUT=heartbeat-service/target/vs-reference; REF=heartbeat-service/target/rust-reference
REF_PORT=18090
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
SRC=${HB_REFERENCE_SRC:-}
for candidate in ../shared/bench/rust-reference ../../shared/bench/rust-reference; do
  [ -z "$SRC" ] && [ -f $candidate/Cargo.toml ] && SRC=$candidate
done
[ -n "$SRC" ] || { echo "no Rust reference found (set HB_REFERENCE_SRC)"; exit 2; }
if [ ! -x $REF/target/release/hb-reference ]; then
  mkdir -p $REF && (cd "$SRC" && tar --exclude=./target --exclude=./bench/out -cf - .) | (cd $REF && tar -xf -)
  (cd $REF && cargo build --release -q)
fi
if [ ! -s $REF/bench/keys/jwt-public.pem ]; then
  mkdir -p $REF/bench/keys
  openssl genrsa -out $REF/bench/keys/jwt-private.pem 2048 2>/dev/null
  openssl rsa -in $REF/bench/keys/jwt-private.pem -pubout -out $REF/bench/keys/jwt-public.pem 2>/dev/null
fi
# heartbeat-service's jars and classpath (run.sh builds them the same way)
if [ -z "${HB_BENCH_NO_BUILD:-}" ] || [ ! -s heartbeat-service/target/bench.cp ]; then
  ./mvnw -B -q -pl heartbeat-service -am package dependency:build-classpath -DskipTests -Djacoco.skip=true \
    -Dmdep.outputFile="$PWD/heartbeat-service/target/bench.cp" -Dmdep.includeScope=test >/dev/null
fi
rm -rf $OUT; mkdir -p $OUT/sqs
CP="heartbeat-service/target/test-classes:heartbeat-service/target/classes:progress-contract/target/classes:common-lib/target/classes:common-test/target/classes:$(cat heartbeat-service/target/bench.cp)"
"$JAVA_HOME/bin/java" -Xmx512m -XX:+UseParallelGC -cp "$CP" io.baeum.heartbeat.bench.BenchSqs "${HB_BENCH_SQS_PORT:-19324}" $OUT/sqs > $OUT/sqs.log 2>&1 &
SQS_JVM=$!
trap 'kill $SQS_JVM 2>/dev/null || true' EXIT
until [ -s $OUT/sqs/sqs.endpoint ]; do kill -0 $SQS_JVM || { cat $OUT/sqs.log; exit 1; }; sleep 0.2; done
ENDPOINT=$(cat $OUT/sqs/sqs.endpoint); QUEUE=$(cat $OUT/sqs/sqs.queue)
REDIS=$(pgrep -o redis-server)
ticks() { awk '{print $14 + $15}' /proc/$1/stat; }
HZ=$(getconf CLK_TCK)

reference() {   # one reference measurement: max beats/s at C connections, emission to the shared ElasticMQ
  local s=$OUT/ref-sessions.txt w=$OUT/ref-wrk-$1.txt pid a0 a1 r0 r1 q0 q1
  HB_PUBKEY=$REF/bench/keys/jwt-public.pem HB_LISTEN=127.0.0.1:$REF_PORT HB_SQS_ENDPOINT="$ENDPOINT/" HB_SQS_QUEUE_URL="$QUEUE" \
    $REF/target/release/hb-reference > $OUT/ref-server-$1.log 2>&1 &
  pid=$!
  for _ in $(seq 50); do curl -sf -o /dev/null http://127.0.0.1:$REF_PORT/healthz && break; sleep 0.1; done
  $REF/target/release/hbtool sqs-purge --endpoint "$ENDPOINT/" --queue-url "$QUEUE" > /dev/null
  $REF/target/release/hbtool prep --n $((C * 4)) --out $s --key $REF/bench/keys/jwt-private.pem --server http://127.0.0.1:$REF_PORT > /dev/null
  wrk -t1 -c$C -d5s -s $REF/bench/heartbeat.lua http://127.0.0.1:$REF_PORT -- $s 200 > /dev/null
  a0=$(ticks $pid); r0=$(ticks $REDIS); q0=$(ticks $SQS_JVM)
  wrk -t1 -c$C -d"$DURATION" --latency -s $REF/bench/heartbeat.lua http://127.0.0.1:$REF_PORT -- $s 200 > $w
  a1=$(ticks $pid); r1=$(ticks $REDIS); q1=$(ticks $SQS_JVM)
  sleep 1   # the last batches reach the queue
  $REF/target/release/hbtool sqs-check --endpoint "$ENDPOINT/" --queue-url "$QUEUE" --max 20 > $OUT/ref-check-$1.txt 2>&1 || true
  curl -s http://127.0.0.1:$REF_PORT/stats > $OUT/ref-stats-$1.json
  kill $pid; wait $pid 2>/dev/null || true
  $REF/target/release/hbtool sqs-purge --endpoint "$ENDPOINT/" --queue-url "$QUEUE" > /dev/null
  awk -v a="$((a1 - a0))" -v r="$((r1 - r0))" -v q="$((q1 - q0))" -v hz=$HZ -v stats="$(cat $OUT/ref-stats-$1.json)" \
    '/Requests\/sec/ {rps = $2} /requests in/ {n = $1} /^ +99%/ {p99 = $2} /Non-2xx|Socket errors/ {err = err $0 ";"}
     END {printf "RESULT reference max %.0f beats/s, p99 %s, CPU %.0f us/beat (Redis %.0f, ElasticMQ %.0f)%s; stats %s\n",
       rps, p99, a / hz / n * 1e6, r / hz / n * 1e6, q / hz / n * 1e6, err == "" ? "" : " ERRORS " err, stats}' $w
  tail -1 $OUT/ref-check-$1.txt
}

java() {   # one heartbeat-service measurement (run.sh: max at C connections, open model at 70 %, drain and check)
  HB_BENCH_NO_BUILD=1 HB_BENCH_SQS_DIR=$OUT/sqs HB_BENCH_PHASES="${HB_BENCH_PHASES:-max open}" \
    heartbeat-service/src/test/bench/run.sh "$SESSIONS" "$DURATION" > $OUT/java-$1.txt 2>&1 || { tail -20 $OUT/java-$1.txt; return 1; }
  grep -E '^RESULT|^drain check|^latency from intended|^CPU per beat' $OUT/java-$1.txt
}

for round in $(seq "$ROUNDS"); do
  echo "== round $round ($(uptime | sed 's/.*load/load/'))"
  if [ $((round % 2)) = 1 ]; then reference "$round"; java "$round"; else java "$round"; reference "$round"; fi \
    | tee $OUT/round-$round.txt
done
echo "== summary: heartbeat-service max beats/s / reference max beats/s, same round ($(uptime | sed 's/.*load/load/'))"
for round in $(seq "$ROUNDS"); do
  awk -v r="$round" '/^RESULT reference/ {ref = $4} /^RESULT heartbeat-service/ {hb = $4; cpu = $9; alloc = $12}
    END {printf "round %d: reference %d, heartbeat-service %d beats/s: ratio %.3f (heartbeat-service %s us, %s KB per beat)\n", r, ref, hb, hb / ref, cpu, alloc}' \
    $OUT/round-$round.txt
done | tee $OUT/summary.txt
