#!/usr/bin/env bash
# Stops exactly what deploy/local/up.sh started, found by its pid files in var/run/: TERM first
# (Spring shuts down gracefully, finishing in-flight requests), KILL whatever is still there after
# BAEUM_DOWN_GRACE seconds (default 25). Removes the pid files. Safe to run twice, and it never
# touches PostgreSQL or Redis (install.sh's, shared with everything else on the machine).
#
# Usage: deploy/local/down.sh
set -euo pipefail

BAEUM_SCRIPT=down
# shellcheck source=deploy/local/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

grace="${BAEUM_DOWN_GRACE:-25}"
started_at=$SECONDS

# Gateway first (stop taking traffic), then the services; ElasticMQ only once they are gone
# (services may still send or acknowledge messages while they shut down).
services_rev=()
for ((i = ${#BAEUM_SERVICES[@]} - 1; i >= 0; i--)); do services_rev+=("${BAEUM_SERVICES[i]}"); done

stopped=0
# stop <name...>: TERM each (all at once, so the grace period is not paid per process), wait
# for all of them together, KILL what is left after the grace period, remove the pid files.
stop() {
  local name f pid left
  local -A pids=()
  for name in "$@"; do
    f="$BAEUM_RUN_DIR/$name.pid"
    [[ -f "$f" ]] || continue
    pid="$(cat "$f")"
    # Only signal the pid if it is still the process up.sh started: its command line carries
    # -Dbaeum.launcher=<name>. Otherwise the pid file is stale (crash, reboot, pid reused).
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
       tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "-Dbaeum.launcher=$name "; then
      baeum_say "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids[$name]="$pid"
    else
      baeum_say "$name was not running (stale pid file removed)"
      rm -f "$f"
    fi
  done
  [[ ${#pids[@]} -eq 0 ]] && return 0
  local deadline=$((SECONDS + grace))
  while :; do
    left=()
    for name in "${!pids[@]}"; do
      kill -0 "${pids[$name]}" 2>/dev/null && left+=("$name")
    done
    [[ ${#left[@]} -eq 0 || $SECONDS -ge $deadline ]] && break
    sleep 0.5
  done
  for name in "${left[@]+"${left[@]}"}"; do
    baeum_say "$name did not stop within ${grace} s: KILL"
    kill -KILL "${pids[$name]}" 2>/dev/null || true
  done
  for name in "${!pids[@]}"; do rm -f "$BAEUM_RUN_DIR/$name.pid"; done
  stopped=$((stopped + ${#pids[@]}))
}

stop "${services_rev[@]}"
stop elasticmq

if [[ $stopped -eq 0 ]]; then
  baeum_say "nothing to stop"
else
  baeum_say "stopped $stopped process(es) in $((SECONDS - started_at)) s"
fi
