#!/usr/bin/env bash
# Soak: runs the test classes that used to hang on an unanswered keep-alive request (reactor-netty #4361,
# docs/adr/0005-unanswered-keep-alive-requests.md) N times in a row while background processes keep every
# core busy, as on a loaded CI machine. Prints each run's result and time, then a summary; exits non-zero
# if any run failed.
#   deploy/local/soak-tests.sh 10                 # 10 runs
#   BAEUM_SOAK_BURNERS=0 deploy/local/soak-tests.sh 3   # without the CPU burners
# Each run is one `./mvnw test` of the three classes (common-lib, auth-service, learning-service and what
# they need). The tests' own client deadlines turn an unanswered request into a failure; a run still going
# after BAEUM_SOAK_RUN_TIMEOUT seconds (default 3600: a starved machine is slow, not hung) is stopped and
# counted as hung, after thread dumps of its test JVMs and the machine's TCP sockets (`ss -tnp`, look for
# a Recv-Q that stays full) were saved next to its log.
# Needs what deploy/local/test.sh needs (PostgreSQL, Redis: deploy/local/install.sh).
set -euo pipefail

BAEUM_SCRIPT="soak"
# shellcheck source=deploy/local/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

runs="${1:-10}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || baeum_die "usage: $0 RUNS (a positive number)"
burners="${BAEUM_SOAK_BURNERS:-$(nproc)}"
run_timeout="${BAEUM_SOAK_RUN_TIMEOUT:-3600}"

# the classes that hung, and the keep-alive regression test of the bug itself
tests="CatalogAndEnrollmentIntegrationTests,JwksAndKeyRotationTests,KeepAliveAfterSynchronousAnswerTests"
modules="common-lib,auth-service,learning-service"

burner_pids=()
stop_burners() {
  local pid
  for pid in "${burner_pids[@]+"${burner_pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  burner_pids=()
}
trap stop_burners EXIT
descendants() {   # descendants <pid>: every process below it
  local child
  for child in $(pgrep -P "$1" || true); do echo "$child"; descendants "$child"; done
}
trap 'exit 130' INT TERM

cd "$BAEUM_ROOT"
mkdir -p "$BAEUM_LOG_DIR"
log_dir="$BAEUM_LOG_DIR/soak-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$log_dir"

baeum_say "compiling once (not timed, no load)"
./mvnw -B -q -pl "$modules" -am test-compile >"$log_dir/compile.log" 2>&1 \
  || baeum_die "the build failed: $log_dir/compile.log"

for _ in $(seq 1 "$burners"); do
  ( while :; do :; done ) &
  burner_pids+=("$!")
done
baeum_say "$runs runs of $tests; $burners CPU burners (pids ${burner_pids[*]:-none}); logs in $log_dir"

passed=0
failed=0
results=()
for run in $(seq 1 "$runs"); do
  started=$SECONDS
  status=0
  hung=0
  ./mvnw -B -pl "$modules" -am test -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
      >"$log_dir/run-$run.log" 2>&1 &
  maven=$!
  while kill -0 "$maven" 2>/dev/null && ((SECONDS - started < run_timeout)); do sleep 5; done
  if kill -0 "$maven" 2>/dev/null; then
    hung=1
    mapfile -t tree < <(descendants "$maven")
    for pid in "${tree[@]+"${tree[@]}"}"; do
      [[ "$(ps -o comm= -p "$pid" 2>/dev/null)" == java ]] && "$JAVA_HOME/bin/jstack" "$pid" >>"$log_dir/run-$run.jstack" 2>&1
    done
    ss -tnp >"$log_dir/run-$run.ss" 2>&1 || true
    kill "${tree[@]+"${tree[@]}"}" "$maven" 2>/dev/null || true
  fi
  wait "$maven" || status=$?
  took=$((SECONDS - started))
  # "Tests run: 7, Failures: 0, ..." per class; add up the totals of the three classes
  counts="$(grep -h '^\[[A-Z]*\] Tests run:.* in io\.baeum' "$log_dir/run-$run.log" \
             | awk -F'[:,]' '{t+=$2; f+=$4; e+=$6} END {printf "%d tests, %d failed, %d errors", t, f, e}')"
  if [[ $status -eq 0 ]]; then
    passed=$((passed + 1))
    results+=("$(printf 'run %2d  PASS  %4d s  %s' "$run" "$took" "$counts")")
  else
    failed=$((failed + 1))
    [[ $hung -eq 1 ]] && counts="HUNG: stopped after ${run_timeout} s, thread dumps in run-$run.jstack; $counts"
    results+=("$(printf 'run %2d  FAIL  %4d s  %s (log: %s)' "$run" "$took" "$counts" "$log_dir/run-$run.log")")
  fi
  printf '%s\n' "${results[-1]}"
done
stop_burners

printf '\n=== soak summary: %d runs, %d passed, %d failed (load: %s CPU burners on %s cores) ===\n' \
  "$runs" "$passed" "$failed" "$burners" "$(nproc)"
printf '  %s\n' "${results[@]}"
[[ $failed -eq 0 ]]
