#!/usr/bin/env bash
# Stops, starts or crashes one process of a suite started by deploy/local/up.sh, the same way up.sh and
# down.sh do (pid file in var/run, log in var/log, -Dbaeum.launcher=<name>, readiness wait), or restarts
# the machine's Redis or PostgreSQL the way install.sh starts them: for trying an outage and the
# recovery by hand, and for suite-tests' stopped-service and fault scenarios (docs/runbook.md, "Faults").
#
# Usage: deploy/local/service.sh stop|start|restart|kill <name>
#   <name>     a service: auth-service learning-service heartbeat-service exam-service billing-service
#              rag-service gateway; or elasticmq; or redis / postgresql (stop|start|restart only)
#   start      a service uses the jar in <service>/target (never builds: the others run from the same
#              tree); returns once it reports ready (ElasticMQ: answers ListQueues; it keeps the
#              messages it had accepted). Redis and PostgreSQL: once they answer PING / pg_isready.
#   kill       kill -9: no shutdown hook, no graceful drain (a crash); does not start it again
#   redis      stop = SHUTDOWN SAVE (the data go to a dump file), start = redis-server as install.sh
#              starts it, loading that dump (then removed): sessions and the progress backlog survive
#   postgresql pg_ctlcluster <version> <cluster> stop|start|restart -m fast
#   Redis and PostgreSQL are the machine's, shared with everything else on it (other checkouts' tests).
# Environment:
#   BAEUM_UP_TIMEOUT   seconds to wait for readiness (default 180)
#   BAEUM_DOWN_GRACE   seconds between TERM and KILL (default 25)
set -euo pipefail

BAEUM_SCRIPT=service
# shellcheck source=deploy/local/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=deploy/local/launcher.sh
source "$BAEUM_DEPLOY/launcher.sh"

usage() { sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
if [[ $# -eq 1 && ( "$1" == -h || "$1" == --help ) ]]; then usage; exit 0; fi
[[ $# -eq 2 ]] || { usage >&2; exit 2; }
action="$1"
svc="$2"
case "$svc" in
  elasticmq|redis|postgresql) ;;
  *) [[ -n "${BAEUM_PORT[$svc]:-}" ]] ||
       baeum_die "unknown name: $svc (one of: ${BAEUM_SERVICES[*]} elasticmq redis postgresql)" ;;
esac

cd "$BAEUM_ROOT"
mkdir -p "$BAEUM_LOG_DIR" "$BAEUM_RUN_DIR"

# --- the suite's own processes (services and ElasticMQ) -----------------------------------------
do_stop() {
  local started_at=$SECONDS
  stop "$svc"
  if [[ $stopped -eq 0 ]]; then
    baeum_say "$svc was not running"
  else
    baeum_say "stopped $svc in $((SECONDS - started_at)) s"
  fi
}

do_kill() {
  kill_now "$svc"
}

do_start() {
  local started_at=$SECONDS
  if [[ "$svc" == elasticmq ]]; then
    start_elasticmq keep
  else
    [[ -f "$svc/target/$svc-exec.jar" ]] || baeum_die "$svc/target/$svc-exec.jar is missing: build first (./mvnw -B -q -DskipTests package)"
    export_service_environment
    start_service "$svc"
  fi
  wait_ready "$started_at" "${BAEUM_UP_TIMEOUT:-180}" "$svc"
}

# --- the machine's Redis (install.sh starts it daemonized, no persistence) -------------------------
redis() { redis-cli -h 127.0.0.1 -p "$BAEUM_REDIS_PORT" "$@"; }
redis_up() { redis ping 2>/dev/null | grep -q PONG; }
redis_setting() { redis config get "$1" | sed -n 2p; }
redis_stop() {
  if ! redis_up; then baeum_say "Redis was not running"; return 0; fi
  # what it runs with, to start it again the same way (whoever started it: install.sh or the machine)
  {
    echo "dir=$(redis_setting dir)"
    echo "dbfilename=$(redis_setting dbfilename)"
    echo "bind=$(redis_setting bind)"
    echo "logfile=$(redis_setting logfile)"
    echo "save=$(redis_setting save)"
    echo "appendonly=$(redis_setting appendonly)"
  } >"$BAEUM_RUN_DIR/redis.settings"
  baeum_say "Redis: SHUTDOWN SAVE (dump in $(redis_setting dir))"
  redis shutdown save >/dev/null 2>&1 || true
  local deadline=$((SECONDS + 30))
  while redis_up; do
    [[ $SECONDS -ge $deadline ]] && baeum_die "Redis still answers 30 s after SHUTDOWN"
    sleep 0.2
  done
  baeum_say "Redis stopped"
}
redis_start() {
  local started_at=$SECONDS
  if redis_up; then baeum_say "Redis already running"; return 0; fi
  # defaults: install.sh's command line (no persistence, started in /)
  local dir=/ dbfilename=dump.rdb bind="127.0.0.1 -::1" logfile="" save="" appendonly=no key value
  if [[ -f "$BAEUM_RUN_DIR/redis.settings" ]]; then
    while IFS='=' read -r key value; do
      case "$key" in
        dir) dir="$value" ;; dbfilename) dbfilename="$value" ;; bind) bind="$value" ;;
        logfile) logfile="$value" ;; save) save="$value" ;; appendonly) appendonly="$value" ;;
      esac
    done <"$BAEUM_RUN_DIR/redis.settings"
  fi
  local args=(--daemonize yes --port "$BAEUM_REDIS_PORT" --dir "$dir" --dbfilename "$dbfilename"
              --save "$save" --appendonly "$appendonly")
  read -r -a binds <<<"$bind"
  args+=(--bind "${binds[@]}")
  [[ -n "$logfile" ]] && args+=(--logfile "$logfile")
  (cd / && "${BAEUM_SUDO[@]}" redis-server "${args[@]}" >/dev/null)
  local deadline=$((SECONDS + 30))
  until redis_up; do
    [[ $SECONDS -ge $deadline ]] && baeum_die "Redis does not answer on 127.0.0.1:$BAEUM_REDIS_PORT"
    sleep 0.2
  done
  # loaded: without persistence configured, drop the dump so that a later plain start never loads stale data
  if [[ -z "$save" && "$appendonly" == no ]]; then "${BAEUM_SUDO[@]}" rm -f "$dir/$dbfilename"; fi
  rm -f "$BAEUM_RUN_DIR/redis.settings"
  baeum_say "Redis ready ($((SECONDS - started_at)) s; $(redis dbsize) keys)"
}

# --- the machine's PostgreSQL (install.sh's cluster) -----------------------------------------------
postgresql() {
  local pg_action="$1" started_at=$SECONDS
  local pg_args=(--skip-systemctl-redirect "$BAEUM_PG_VERSION" "$BAEUM_PG_CLUSTER" "$pg_action")
  [[ "$pg_action" != start ]] && pg_args+=(-m fast)
  baeum_say "PostgreSQL: pg_ctlcluster ${pg_args[*]}"
  "${BAEUM_SUDO[@]}" pg_ctlcluster "${pg_args[@]}"
  [[ "$pg_action" == stop ]] && return 0
  local deadline=$((SECONDS + 60))
  until "/usr/lib/postgresql/$BAEUM_PG_VERSION/bin/pg_isready" -q -h 127.0.0.1 -p "$BAEUM_PG_PORT"; do
    [[ $SECONDS -ge $deadline ]] && baeum_die "PostgreSQL does not answer on 127.0.0.1:$BAEUM_PG_PORT"
    sleep 0.2
  done
  baeum_say "PostgreSQL ready ($((SECONDS - started_at)) s)"
}

case "$svc:$action" in
  redis:stop) redis_stop ;;
  redis:start) redis_start ;;
  redis:restart) redis_stop; redis_start ;;
  postgresql:stop|postgresql:start|postgresql:restart) postgresql "$action" ;;
  redis:*|postgresql:*) baeum_die "$svc: only stop, start and restart" ;;
  *:stop) do_stop ;;
  *:start) do_start ;;
  *:restart) do_stop; do_start ;;
  *:kill) do_kill ;;
  *) usage >&2; exit 2 ;;
esac
