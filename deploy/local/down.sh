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

# shellcheck source=deploy/local/launcher.sh
source "$BAEUM_DEPLOY/launcher.sh"
started_at=$SECONDS

# Gateway first (stop taking traffic), then the services; ElasticMQ only once they are gone
# (services may still send or acknowledge messages while they shut down).
services_rev=()
for ((i = ${#BAEUM_SERVICES[@]} - 1; i >= 0; i--)); do services_rev+=("${BAEUM_SERVICES[i]}"); done

stop "${services_rev[@]}"
stop elasticmq

if [[ $stopped -eq 0 ]]; then
  baeum_say "nothing to stop"
else
  baeum_say "stopped $stopped process(es) in $((SECONDS - started_at)) s"
fi
