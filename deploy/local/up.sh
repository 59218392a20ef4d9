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

# shellcheck source=deploy/local/launcher.sh
source "$BAEUM_DEPLOY/launcher.sh"

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

# Check every port before starting anything, so a conflict leaves nothing half-started.
for name in elasticmq "${BAEUM_SERVICES[@]}"; do
  if [[ "$name" == elasticmq ]]; then port=$BAEUM_SQS_PORT; else port=${BAEUM_PORT[$name]}; fi
  if ! running_pid "$name" >/dev/null && port_in_use "$port"; then
    baeum_die "port $port (for $name) is taken by a process this launcher did not start; see: ss -ltnp 'sport = :$port'"
  fi
done

# --- ElasticMQ ---------------------------------------------------------------------------------
# A fresh start begins with empty queues (prune); service.sh start keeps what ElasticMQ had accepted.
start_elasticmq prune

# --- services ----------------------------------------------------------------------------------
export_service_environment

# All at once: on 2 cores the total start-up CPU is the same either way, and the gateway does not
# need the others up to start (it only routes to them).
for svc in "${BAEUM_SERVICES[@]}"; do
  start_service "$svc"
done

# --- wait until ready --------------------------------------------------------------------------
wait_ready "$started_at" "$timeout_s" elasticmq "${BAEUM_SERVICES[@]}"

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
echo "  API docs (every service, one Swagger UI): http://127.0.0.1:${BAEUM_PORT[gateway]}/docs"
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
