#!/usr/bin/env bash
# Starts Baeum locally without Docker: ElasticMQ (SQS API) and every service as plain JVM
# processes, each logging to var/log/<name>.log with its pid in var/run/<name>.pid, then waits
# until all of them are ready and prints where they are. deploy/local/down.sh stops them.
#
# Usage: deploy/local/up.sh [--no-build]
#   --no-build   use the jars already in <module>/target (e.g. right after `./mvnw verify`)
# Environment:
#   BAEUM_UP_TIMEOUT   seconds to wait for everything to be ready (default 180)
#   BAEUM_JAVA_OPTS    JVM options for each service (default in env.sh: small heap, SerialGC)
#   BAEUM_JAVA_OPTS_<service>  options for one service instead (dashes as underscores, e.g.
#                      BAEUM_JAVA_OPTS_heartbeat_service; env.sh sets that one)
#
# Idempotent: something already running (live pid from its pid file) is left alone, not started
# twice; a second run only waits for readiness and prints the table again.
set -euo pipefail

BAEUM_SCRIPT=up
# shellcheck source=deploy/local/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) baeum_die "unknown argument: $arg (try --help)" ;;
  esac
done
timeout_s="${BAEUM_UP_TIMEOUT:-180}"
started_at=$SECONDS

cd "$BAEUM_ROOT"
mkdir -p "$BAEUM_LOG_DIR" "$BAEUM_RUN_DIR"

# --- infrastructure: PostgreSQL, pgvector, Redis, role and databases (a no-op when in place) ----
"$BAEUM_DEPLOY/install.sh"

# --- process helpers ---------------------------------------------------------------------------
# Every process we start carries -Dbaeum.launcher=<name> on its command line, so a pid file is
# only trusted when that pid is still *our* process (pids get reused after a reboot or crash).
pid_file() { echo "$BAEUM_RUN_DIR/$1.pid"; }
running_pid() {   # prints the pid and succeeds if <name> is running from our pid file
  local f pid
  f="$(pid_file "$1")"
  [[ -f "$f" ]] || return 1
  pid="$(cat "$f")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
     tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "-Dbaeum.launcher=$1 "; then
    echo "$pid"
    return 0
  fi
  rm -f "$f"   # stale: the process is gone (or the pid now belongs to someone else)
  return 1
}
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
declare -A PID=()   # name -> pid of what is running now (started by us, now or earlier)

# --- build -------------------------------------------------------------------------------------
# Never rebuild jars under running JVMs (they read classes lazily from their jar, and a rewritten
# jar makes them fail in odd ways): when anything is already up, keep the jars as they are.
already=()
for name in elasticmq "${BAEUM_SERVICES[@]}"; do
  running_pid "$name" >/dev/null && already+=("$name")
done
if [[ $build -eq 1 && ${#already[@]} -gt 0 ]]; then
  baeum_say "not building: already running (${already[*]}); deploy/local/down.sh first to pick up changes"
elif [[ $build -eq 1 ]]; then
  baeum_say "building (./mvnw -B -q -DskipTests package)"
  ./mvnw -B -q -DskipTests package
fi
for svc in "${BAEUM_SERVICES[@]}"; do
  [[ -f "$svc/target/$svc-exec.jar" ]] || baeum_die "$svc/target/$svc-exec.jar is missing: run without --no-build"
done

# start <name> <port> <command...>: starts the command detached (own session, so closing the
# terminal or Ctrl-C in it does not kill it), stdout+stderr to var/log/<name>.log.
start() {
  local name="$1" port="$2" pid log
  shift 2
  if pid="$(running_pid "$name")"; then
    baeum_say "$name already running (pid $pid): not starting a second copy"
    PID[$name]="$pid"
    return 0
  fi
  if port_in_use "$port"; then
    baeum_die "port $port (for $name) is taken by a process this launcher did not start; see: ss -ltnp 'sport = :$port'"
  fi
  log="$BAEUM_LOG_DIR/$name.log"
  [[ -f "$log" ]] && mv -f "$log" "$log.1"   # keep the previous run's log for comparison
  setsid nohup "$@" </dev/null >"$log" 2>&1 &
  PID[$name]=$!
  echo $! >"$(pid_file "$name")"
  baeum_say "started $name (pid $!, port $port, log ${log#"$BAEUM_ROOT"/})"
}

# Check every port before starting anything, so a conflict leaves nothing half-started.
for name in elasticmq "${BAEUM_SERVICES[@]}"; do
  if [[ "$name" == elasticmq ]]; then port=$BAEUM_SQS_PORT; else port=${BAEUM_PORT[$name]}; fi
  if ! running_pid "$name" >/dev/null && port_in_use "$port"; then
    baeum_die "port $port (for $name) is taken by a process this launcher did not start; see: ss -ltnp 'sport = :$port'"
  fi
done

# --- ElasticMQ ---------------------------------------------------------------------------------
# Its classpath comes from deploy/local/elasticmq/pom.xml; cached in var/ until that pom changes.
emq_cp="$BAEUM_VAR/elasticmq.classpath"
emq_pom="$BAEUM_DEPLOY/elasticmq/pom.xml"
if [[ ! -s "$emq_cp" || "$emq_pom" -nt "$emq_cp" ]]; then
  baeum_say "resolving the ElasticMQ classpath (cached in ${emq_cp#"$BAEUM_ROOT"/})"
  ./mvnw -B -q -f "$emq_pom" dependency:build-classpath -Dmdep.outputFile="$emq_cp" >/dev/null
fi
start elasticmq "$BAEUM_SQS_PORT" java -Xmx192m -XX:+UseSerialGC -Dbaeum.launcher=elasticmq \
  -Dconfig.file="$BAEUM_DEPLOY/elasticmq/elasticmq.conf" -cp "$(cat "$emq_cp")" org.elasticmq.server.Main

# --- services ----------------------------------------------------------------------------------
# Where the services find SQS locally. Environment variables outrank application-local.yml, so
# only set what the caller has not; a service that doesn't use SQS simply ignores them.
export SPRING_CLOUD_AWS_SQS_ENDPOINT="${SPRING_CLOUD_AWS_SQS_ENDPOINT:-http://127.0.0.1:$BAEUM_SQS_PORT}"
export SPRING_CLOUD_AWS_REGION_STATIC="${SPRING_CLOUD_AWS_REGION_STATIC:-ap-northeast-2}"
export SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY="${SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY:-local}"
export SPRING_CLOUD_AWS_CREDENTIALS_SECRET_KEY="${SPRING_CLOUD_AWS_CREDENTIALS_SECRET_KEY:-local}"

# All at once: on 2 cores the total start-up CPU is the same either way, and the gateway does not
# need the others up to start (it only routes to them).
for svc in "${BAEUM_SERVICES[@]}"; do
  own_opts="BAEUM_JAVA_OPTS_${svc//-/_}"   # a per-service override (env.sh), else the common options
  read -r -a java_opts <<<"${!own_opts:-$BAEUM_JAVA_OPTS}"
  start "$svc" "${BAEUM_PORT[$svc]}" java "${java_opts[@]}" -Dbaeum.launcher="$svc" \
    -jar "$BAEUM_ROOT/$svc/target/$svc-exec.jar" --spring.profiles.active="$BAEUM_SPRING_PROFILE"
done

# --- wait until ready --------------------------------------------------------------------------
fail() {   # fail <name> <why>: show the end of its log and give up
  local log="$BAEUM_LOG_DIR/$1.log"
  baeum_say "FAILED: $1 $2"
  if [[ -f "$log" ]]; then
    echo "----- last 40 lines of ${log#"$BAEUM_ROOT"/} -----" >&2
    if command -v python3 >/dev/null 2>&1; then
      # The logs are JSON (ECS) lines: show them as "time level logger - message" plus the
      # error and its causes, which is what one reads first; other lines pass through as-is.
      tail -n 40 "$log" | python3 -c '
import json, sys
for line in sys.stdin:
    try:
        d = json.loads(line)
    except ValueError:
        print(line, end="")
        continue
    log = d.get("log", {})
    print(d.get("@timestamp", "")[11:19], log.get("level", ""), log.get("logger", "").rsplit(".", 1)[-1], "-", d.get("message", ""))
    err = d.get("error")
    if err:
        print("    error:", err.get("type", ""), "-", err.get("message", ""))
        for cause in err.get("stack_trace", "").splitlines():
            if cause.startswith("Caused by:"):
                print("    " + cause)
' >&2 || tail -n 40 "$log" >&2
    else
      tail -n 40 "$log" >&2
    fi
    echo "-----" >&2
  fi
  baeum_say "what did start is still running: deploy/local/down.sh stops it"
  exit 1
}
sqs_ready() {
  curl -sf -o /dev/null --max-time 2 -X POST -H 'X-Amz-Target: AmazonSQS.ListQueues' \
    -H 'Content-Type: application/x-amz-json-1.0' -d '{}' "http://127.0.0.1:$BAEUM_SQS_PORT/"
}
service_ready() {   # readiness answers 200 with status UP only when its db/redis are reachable
  curl -sf --max-time 2 "http://127.0.0.1:${BAEUM_PORT[$1]}/actuator/health/readiness" 2>/dev/null |
    grep -q '"status":"UP"'
}

pending=(elasticmq "${BAEUM_SERVICES[@]}")
deadline=$((started_at + timeout_s))
baeum_say "waiting for ${#pending[@]} processes to be ready (up to $((deadline - SECONDS)) s)"
while [[ ${#pending[@]} -gt 0 ]]; do
  still=()
  for name in "${pending[@]}"; do
    kill -0 "${PID[$name]}" 2>/dev/null || fail "$name" "exited during start-up"
    if [[ "$name" == elasticmq ]]; then ready=sqs_ready; else ready=service_ready; fi
    if "$ready" "$name"; then
      baeum_say "$name ready ($((SECONDS - started_at)) s)"
    else
      still+=("$name")
    fi
  done
  pending=("${still[@]+"${still[@]}"}")
  [[ ${#pending[@]} -eq 0 ]] && break
  [[ $SECONDS -ge $deadline ]] && fail "${pending[0]}" "not ready after ${timeout_s} s (also pending: ${pending[*]:1})"
  sleep 1
done

# --- where everything is -----------------------------------------------------------------------
echo
printf '  %-18s %-6s %-8s %s\n' SERVICE PORT PID "HEALTH"
for svc in "${BAEUM_SERVICES[@]}"; do
  printf '  %-18s %-6s %-8s %s\n' "$svc" "${BAEUM_PORT[$svc]}" "${PID[$svc]}" \
    "http://127.0.0.1:${BAEUM_PORT[$svc]}/actuator/health"
done
printf '  %-18s %-6s %-8s %s\n' elasticmq "$BAEUM_SQS_PORT" "${PID[elasticmq]}" \
  "http://127.0.0.1:$BAEUM_SQS_PORT/ (SQS API; queues: ${BAEUM_SQS_QUEUES[*]}, each + -dlq)"
echo
echo "  App (through the gateway): http://127.0.0.1:${BAEUM_PORT[gateway]}/"
echo "  Logs: var/log/<name>.log (JSON)   Stop: deploy/local/down.sh"

# --- HOOK: demo accounts -----------------------------------------------------------------------
# Demo data is seeded by the services themselves (through their own APIs / start-up seeders), not
# by this script. Contract: a service that creates a demo account logs one line whose message
# starts with "demo account: ", e.g. `demo account: admin@demo.baeum.local / demo-password (ADMIN)`.
# up.sh collects those messages from the logs (JSON: "message":"...") and shows them here.
demo="$(grep -h -o '"message":"demo account: [^"]*"' "$BAEUM_LOG_DIR"/*.log 2>/dev/null |
        sed 's/^"message":"demo account: //; s/"$//' | sort -u || true)"
if [[ -n "$demo" ]]; then
  echo
  echo "  Demo accounts (local only):"
  while IFS= read -r line; do echo "    $line"; done <<<"$demo"
fi
echo
baeum_say "all ready in $((SECONDS - started_at)) s"
