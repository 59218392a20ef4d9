#!/usr/bin/env bash
# Stops or starts one service of a suite started by deploy/local/up.sh, the same way up.sh and
# down.sh do (pid file in var/run, log in var/log, -Dbaeum.launcher=<name>, readiness wait): for
# trying a service's outage and recovery by hand, and for suite-tests' stopped-service scenario.
#
# Usage: deploy/local/service.sh stop|start|restart <service>
#   <service>  one of: auth-service learning-service heartbeat-service exam-service billing-service
#              rag-service gateway
#   start      uses the jar in <service>/target (never builds: the others run from the same tree),
#              returns once the service reports ready
# Environment:
#   BAEUM_UP_TIMEOUT   seconds to wait for readiness (default 180)
#   BAEUM_DOWN_GRACE   seconds between TERM and KILL (default 25)
set -euo pipefail

BAEUM_SCRIPT=service
# shellcheck source=deploy/local/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=deploy/local/launcher.sh
source "$BAEUM_DEPLOY/launcher.sh"

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
if [[ $# -eq 1 && ( "$1" == -h || "$1" == --help ) ]]; then usage; exit 0; fi
[[ $# -eq 2 ]] || { usage >&2; exit 2; }
action="$1"
svc="$2"
[[ -n "${BAEUM_PORT[$svc]:-}" ]] || baeum_die "unknown service: $svc (one of: ${BAEUM_SERVICES[*]})"

cd "$BAEUM_ROOT"
mkdir -p "$BAEUM_LOG_DIR" "$BAEUM_RUN_DIR"

do_stop() {
  local started_at=$SECONDS
  stop "$svc"
  if [[ $stopped -eq 0 ]]; then
    baeum_say "$svc was not running"
  else
    baeum_say "stopped $svc in $((SECONDS - started_at)) s"
  fi
}

do_start() {
  local started_at=$SECONDS
  [[ -f "$svc/target/$svc-exec.jar" ]] || baeum_die "$svc/target/$svc-exec.jar is missing: build first (./mvnw -B -q -DskipTests package)"
  export_service_environment
  start_service "$svc"
  wait_ready "$started_at" "${BAEUM_UP_TIMEOUT:-180}" "$svc"
}

case "$action" in
  stop) do_stop ;;
  start) do_start ;;
  restart) do_stop; do_start ;;
  *) usage >&2; exit 2 ;;
esac
