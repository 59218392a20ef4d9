#!/usr/bin/env bash
# The test command: makes sure PostgreSQL (+pgvector), Redis, the baeum role and databases are
# installed and running (tests use the real servers, not fakes), then runs every test of the
# reactor with `./mvnw -B verify`. Extra arguments go to Maven, e.g.
#   deploy/local/test.sh -pl rag-service -am        # one module and what it needs
#   deploy/local/test.sh -Dtest=SomeTest -Dsurefire.failIfNoSpecifiedTests=false
set -euo pipefail

BAEUM_SCRIPT="test"
# shellcheck source=deploy/local/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

"$BAEUM_DEPLOY/install.sh"
cd "$BAEUM_ROOT"
# `verify`, never `install`: the local ~/.m2 may be shared, and nothing needs our snapshots there.
exec ./mvnw -B verify "$@"
