# shellcheck shell=bash disable=SC2034  # the variables here are used by the scripts sourcing it
# Baeum local launcher: shared settings, sourced by install.sh, up.sh, down.sh and test.sh.
# Everything a script needs to know about "what runs where" lives here, in one place.
# Sourcing it never starts or changes anything; it only sets variables and helpers.

# Repo root: this file is deploy/local/env.sh, so the root is two levels up.
BAEUM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BAEUM_DEPLOY="$BAEUM_ROOT/deploy/local"
# Runtime state (logs, pid files, cached classpath). var/ is git-ignored.
BAEUM_VAR="$BAEUM_ROOT/var"
BAEUM_LOG_DIR="$BAEUM_VAR/log"
BAEUM_RUN_DIR="$BAEUM_VAR/run"
export BAEUM_ROOT BAEUM_DEPLOY BAEUM_VAR BAEUM_LOG_DIR BAEUM_RUN_DIR

# The services, in start order (gateway last: it fronts the others). The module directory,
# the jar name and the short name used for logs/pid files are all the same string.
BAEUM_SERVICES=(auth-service learning-service heartbeat-service exam-service billing-service rag-service gateway)
declare -A BAEUM_PORT=(
  [gateway]=8080
  [auth-service]=8081
  [learning-service]=8082
  [heartbeat-service]=8083
  [exam-service]=8084
  [billing-service]=8085
  [rag-service]=8086
)
# Services that own a database (database name = baeum_<short name>).
BAEUM_DATABASES=(baeum_auth baeum_learning baeum_exam baeum_billing baeum_rag)

# Local-only credentials: the defaults baked into common-lib's baeum-service-defaults.yml.
# Nothing here is a secret; production passes its own through the environment.
BAEUM_DB_USER="${BAEUM_DB_USER:-baeum}"
BAEUM_DB_PASSWORD="${BAEUM_DB_PASSWORD:-baeum}"
BAEUM_PG_VERSION=15
# The Debian cluster name and ports can be overridden to try install.sh against a scratch cluster
# (e.g. BAEUM_PG_CLUSTER=scratch BAEUM_PG_PORT=5440); the services themselves expect the defaults.
BAEUM_PG_CLUSTER="${BAEUM_PG_CLUSTER:-main}"
BAEUM_PG_PORT="${BAEUM_PG_PORT:-5432}"
BAEUM_REDIS_PORT="${BAEUM_REDIS_PORT:-6379}"

# ElasticMQ (SQS API) for local runs; the queues are declared in elasticmq/elasticmq.conf.
BAEUM_SQS_PORT=9324
BAEUM_SQS_QUEUES=(progress-events learning-events rag-events exam-events billing-events)

# JVM settings: 7 service JVMs + ElasticMQ share one machine, so keep each heap modest.
BAEUM_JAVA_OPTS="${BAEUM_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED}"
# A service may override them with BAEUM_JAVA_OPTS_<name, dashes as underscores>. heartbeat-service is
# the hot path: full JIT and the throughput collector with a fixed young generation gave the best
# beats/s and tail on this machine (docs/benchmarks.md, heartbeat-service).
BAEUM_JAVA_OPTS_heartbeat_service="${BAEUM_JAVA_OPTS_heartbeat_service:--Xmx2g -XX:+UseParallelGC -Xmn1g --enable-native-access=ALL-UNNAMED}"
BAEUM_SPRING_PROFILE="${BAEUM_SPRING_PROFILE:-local}"

# Prints the feature version (17, 21, 25, ...) of the java binary given as $1, or 0.
baeum_java_major() {
  local v
  v="$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
  echo "${v:-0}"
}

# JAVA_HOME: keep the caller's JDK if it is >= 21 (the build's floor, enforced by the reactor);
# otherwise (the machine default is JDK 17) take the newest JDK >= 21 under /usr/lib/jvm,
# preferring Temurin 25, which this project is verified on.
baeum_pick_java() {
  local current="" candidate
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    current="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    current="$(command -v java)"
  fi
  if [[ -n "$current" && "$(baeum_java_major "$current")" -ge 21 ]]; then
    # Resolve symlinks (/usr/bin/java -> .../bin/java) to find the JDK home.
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$current")")")"
  else
    JAVA_HOME=""
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* \
                     /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/*-2[1-9]-* /usr/lib/jvm/*; do
      if [[ -x "$candidate/bin/javac" && "$(baeum_java_major "$candidate/bin/java")" -ge 21 ]]; then
        JAVA_HOME="$candidate"
        break
      fi
    done
  fi
  if [[ -z "$JAVA_HOME" ]]; then
    echo "error: Baeum needs a JDK >= 21 (25 recommended); none found on PATH or under /usr/lib/jvm." >&2
    echo "       Install Temurin 25 (or openjdk-21-jdk) and export JAVA_HOME=/path/to/jdk." >&2
    return 1
  fi
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
}
baeum_pick_java

# Maven itself (guice) calls sun.misc.Unsafe, which JDK 24+ warns about on every ./mvnw run;
# allow it quietly. The option does not exist before JDK 23, so only add it where it does.
if [[ "$(baeum_java_major "$JAVA_HOME/bin/java")" -ge 24 && "${MAVEN_OPTS:-}" != *sun-misc-unsafe* ]]; then
  export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
fi

# Root does things directly; anyone else goes through sudo (install.sh only).
if [[ "$(id -u)" -eq 0 ]]; then BAEUM_SUDO=(); else BAEUM_SUDO=(sudo); fi

# Small output helpers so every script prints the same way.
baeum_say()  { printf '[%s] %s\n' "${BAEUM_SCRIPT:-baeum}" "$*"; }
baeum_die()  { printf '[%s] error: %s\n' "${BAEUM_SCRIPT:-baeum}" "$*" >&2; exit 1; }
