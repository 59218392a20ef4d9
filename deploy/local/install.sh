#!/usr/bin/env bash
# Installs and starts what Baeum needs on a Debian bookworm machine, and only what is missing:
#   PostgreSQL 15 (+ pgvector, built from Debian trixie's source), Redis, the `baeum` role and one
#   database per service. Safe to re-run: when everything is in place it changes nothing and takes
#   a couple of seconds. No systemd is assumed (CI machines and containers have none).
#
# Usage: deploy/local/install.sh
# Environment:
#   BAEUM_FRESH_DATABASES=1   drop the suite's databases first (.ci/run starts the suite on fresh ones:
#                             a database another checkout migrated further is not CI's state)
set -euo pipefail

BAEUM_SCRIPT=install
# shellcheck source=deploy/local/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

started_at=$SECONDS
did=()   # what this run changed, printed at the end
note() { baeum_say "$*"; did+=("$*"); }

PG_BIN="/usr/lib/postgresql/$BAEUM_PG_VERSION/bin"

# --- apt: install only what is missing; `apt-get update` at most once per run -------------------
apt_updated=0
apt_update() {
  if [[ $apt_updated -eq 0 ]]; then
    baeum_say "apt-get update"
    "${BAEUM_SUDO[@]}" apt-get update -qq
    apt_updated=1
  fi
}
apt_install() {
  local missing=() pkg
  for pkg in "$@"; do
    # dpkg-query says "install ok installed" only for a fully installed package.
    if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]]; then
      missing+=("$pkg")
    fi
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  apt_update
  note "apt-get install ${missing[*]}"
  "${BAEUM_SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Run a command as the postgres OS user (peer auth on the local socket works on any Debian
# install, whatever pg_hba says about TCP). `cd /` avoids "could not change directory" noise.
as_postgres() {
  if [[ "$(id -u)" -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && sudo -u postgres "$@")
  fi
}
# psql as the superuser; -X ignores any ~/.psqlrc, -At prints bare values for checks.
pg_admin() { as_postgres psql -X -q -At -v ON_ERROR_STOP=1 -p "$BAEUM_PG_PORT" "$@"; }

# --- tools the launcher itself uses (health checks) ---------------------------------------------
apt_install curl

# --- the web client's browser tests (web/e2e): Debian's Chromium and Korean fonts for screenshots --
apt_install chromium fonts-nanum
command -v npm >/dev/null 2>&1 || baeum_say "WARNING: no npm on PATH: the web module (web/pom.xml) builds with the machine's Node 20 and npm"

# --- kubectl: deploy-tests renders deploy/k8s with `kubectl kustomize` (Debian's kubernetes-client;
# any kubectl already on the PATH will do) ------------------------------------------------------
command -v kubectl >/dev/null 2>&1 || apt_install kubernetes-client

# --- PostgreSQL 15 -----------------------------------------------------------------------------
apt_install "postgresql-$BAEUM_PG_VERSION" "postgresql-client-$BAEUM_PG_VERSION"

# The package normally creates the "main" cluster; create it if an image opted out of that.
if ! pg_lsclusters -h "$BAEUM_PG_VERSION" "$BAEUM_PG_CLUSTER" >/dev/null 2>&1 || \
   [[ -z "$(pg_lsclusters -h "$BAEUM_PG_VERSION" "$BAEUM_PG_CLUSTER" 2>/dev/null)" ]]; then
  note "creating PostgreSQL cluster $BAEUM_PG_VERSION/$BAEUM_PG_CLUSTER"
  "${BAEUM_SUDO[@]}" pg_createcluster "$BAEUM_PG_VERSION" "$BAEUM_PG_CLUSTER" --port "$BAEUM_PG_PORT" >/dev/null
fi

# pg_ctlcluster exits 0 from `status` only when the server runs. --skip-systemctl-redirect makes
# it start postgres directly instead of asking a systemd that is not there.
if ! "${BAEUM_SUDO[@]}" pg_ctlcluster "$BAEUM_PG_VERSION" "$BAEUM_PG_CLUSTER" status >/dev/null 2>&1; then
  note "starting PostgreSQL $BAEUM_PG_VERSION/$BAEUM_PG_CLUSTER"
  "${BAEUM_SUDO[@]}" pg_ctlcluster --skip-systemctl-redirect "$BAEUM_PG_VERSION" "$BAEUM_PG_CLUSTER" start
fi
for _ in $(seq 1 30); do
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$BAEUM_PG_PORT" && break
  sleep 1
done
"$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$BAEUM_PG_PORT" \
  || baeum_die "PostgreSQL does not answer on 127.0.0.1:$BAEUM_PG_PORT (see /var/log/postgresql/)"

# --- pgvector ----------------------------------------------------------------------------------
# bookworm has no pgvector package; trixie has a current one (0.8.x, with HNSW). We build trixie's *source* package against our PostgreSQL 15 instead of mixing in trixie
# binaries: the sources file below has only a deb-src line, so apt can never install a trixie
# binary from it.
PG_SHAREDIR="/usr/share/postgresql/$BAEUM_PG_VERSION"
if [[ -x "$PG_BIN/pg_config" ]]; then PG_SHAREDIR="$("$PG_BIN/pg_config" --sharedir)"; fi
if [[ ! -f "$PG_SHAREDIR/extension/vector.control" ]]; then
  pgvector_started=$SECONDS
  trixie_src=/etc/apt/sources.list.d/baeum-trixie-src.sources
  if [[ ! -f "$trixie_src" ]]; then
    note "adding trixie deb-src (source packages only) in $trixie_src, for the build"
    # bookworm's debian-archive-keyring already holds the keys trixie's Release is signed with.
    "${BAEUM_SUDO[@]}" tee "$trixie_src" >/dev/null <<'SRC'
# Added by Baeum deploy/local/install.sh to build pgvector from source. Source packages only:
# no trixie binary can be installed from this file.
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    apt_updated=0   # the new source list needs its index
  fi
  apt_install "postgresql-server-dev-$BAEUM_PG_VERSION" build-essential dpkg-dev
  apt_update
  build_dir="$(mktemp -d)"
  trap 'rm -rf "$build_dir"' EXIT
  note "building pgvector from trixie's source in $build_dir"
  # Quiet unless it fails (as root it also warns about an unsandboxed download: harmless).
  if ! (cd "$build_dir" && apt-get source -qq pgvector >"$build_dir/apt-source.log" 2>&1); then
    cat "$build_dir/apt-source.log" >&2
    baeum_die "apt-get source pgvector failed (is deb.debian.org reachable?)"
  fi
  src="$(find "$build_dir" -maxdepth 1 -mindepth 1 -type d -name 'pgvector-*' | head -n1)"
  [[ -n "$src" ]] || baeum_die "apt-get source pgvector produced no source tree in $build_dir"
  make -C "$src" -s -j"$(nproc)" PG_CONFIG="$PG_BIN/pg_config" >/dev/null
  "${BAEUM_SUDO[@]}" make -C "$src" -s install PG_CONFIG="$PG_BIN/pg_config" >/dev/null
  [[ -f "$PG_SHAREDIR/extension/vector.control" ]] || baeum_die "pgvector built but vector.control is not in $PG_SHAREDIR/extension"
  # Done with trixie's sources: drop the list so later `apt-get update`s don't fetch its index.
  "${BAEUM_SUDO[@]}" rm -f "$trixie_src"
  note "pgvector $(sed -n "s/^default_version = '\(.*\)'/\1/p" "$PG_SHAREDIR/extension/vector.control") installed in $((SECONDS - pgvector_started)) s"
fi

# --- Redis -------------------------------------------------------------------------------------
apt_install redis-server redis-tools
if ! redis-cli -h 127.0.0.1 -p "$BAEUM_REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
  note "starting Redis on 127.0.0.1:$BAEUM_REDIS_PORT"
  # No persistence: nothing in Redis is the only copy of anything (see ARCHITECTURE.md).
  # "-::1": bind IPv6 loopback too, but don't fail where IPv6 is off.
  (cd / && "${BAEUM_SUDO[@]}" redis-server --daemonize yes --bind 127.0.0.1 -::1 \
      --port "$BAEUM_REDIS_PORT" --save "" --appendonly no >/dev/null)
  for _ in $(seq 1 20); do
    redis-cli -h 127.0.0.1 -p "$BAEUM_REDIS_PORT" ping 2>/dev/null | grep -q PONG && break
    sleep 0.5
  done
  redis-cli -h 127.0.0.1 -p "$BAEUM_REDIS_PORT" ping 2>/dev/null | grep -q PONG \
    || baeum_die "Redis does not answer on 127.0.0.1:$BAEUM_REDIS_PORT"
fi

# --- role and databases ------------------------------------------------------------------------
# `baeum` is a plain role: LOGIN with a local-only password, CREATEDB so test fixtures can make
# throwaway baeum_test_* databases, and never SUPERUSER.
role="$(pg_admin -d postgres -c "SELECT concat(rolcanlogin::int, rolcreatedb::int, rolsuper::int) FROM pg_roles WHERE rolname = '$BAEUM_DB_USER'")"
if [[ -z "$role" ]]; then
  note "creating role $BAEUM_DB_USER (LOGIN CREATEDB)"
  pg_admin -d postgres -c "CREATE ROLE \"$BAEUM_DB_USER\" LOGIN CREATEDB NOSUPERUSER PASSWORD '$BAEUM_DB_PASSWORD'"
elif [[ "$role" != "110" ]]; then
  note "fixing role $BAEUM_DB_USER attributes (LOGIN CREATEDB NOSUPERUSER)"
  pg_admin -d postgres -c "ALTER ROLE \"$BAEUM_DB_USER\" LOGIN CREATEDB NOSUPERUSER"
fi

for db in "${BAEUM_DATABASES[@]}"; do
  if [[ "${BAEUM_FRESH_DATABASES:-0}" == "1" ]]; then
    note "dropping database $db (BAEUM_FRESH_DATABASES=1)"
    pg_admin -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
  fi
  owner="$(pg_admin -d postgres -c "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '$db'")"
  if [[ -z "$owner" ]]; then
    note "creating database $db owned by $BAEUM_DB_USER"
    pg_admin -d postgres -c "CREATE DATABASE \"$db\" OWNER \"$BAEUM_DB_USER\""
  elif [[ "$owner" != "$BAEUM_DB_USER" ]]; then
    note "database $db was owned by $owner; giving it to $BAEUM_DB_USER"
    pg_admin -d postgres -c "ALTER DATABASE \"$db\" OWNER TO \"$BAEUM_DB_USER\""
  fi
done

# --- password login over TCP -------------------------------------------------------------------
# Services connect to 127.0.0.1 with user/password. A fresh Debian cluster already accepts that
# (scram-sha-256 for host lines); only add a rule if this cluster has none that lets us in.
can_login() {
  PGPASSWORD="$BAEUM_DB_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -q -At -h 127.0.0.1 -p "$BAEUM_PG_PORT" \
    -U "$BAEUM_DB_USER" -d baeum_auth -c 'SELECT 1' >/dev/null 2>&1
}
if ! can_login; then
  # Maybe the role exists from elsewhere with another password: set ours (local-only default).
  pg_admin -d postgres -c "ALTER ROLE \"$BAEUM_DB_USER\" PASSWORD '$BAEUM_DB_PASSWORD'"
  if can_login; then
    note "reset the password of role $BAEUM_DB_USER to the local default"
  else
    hba="$(pg_admin -d postgres -c 'SHOW hba_file')"
    note "allowing password login for $BAEUM_DB_USER from 127.0.0.1 and ::1 in $hba"
    # First match wins in pg_hba.conf, so the rules go on top.
    "${BAEUM_SUDO[@]}" sed -i "1i host all $BAEUM_DB_USER 127.0.0.1/32 scram-sha-256\nhost all $BAEUM_DB_USER ::1/128 scram-sha-256" "$hba"
    pg_admin -d postgres -c 'SELECT pg_reload_conf()' >/dev/null
    sleep 1
    can_login || baeum_die "role $BAEUM_DB_USER still cannot log in over 127.0.0.1:$BAEUM_PG_PORT; check $hba"
  fi
fi

# --- the vector extension ----------------------------------------------------------------------
# rag-service's migration runs `CREATE EXTENSION IF NOT EXISTS vector` as role baeum, in
# baeum_rag and in the throwaway baeum_test_* databases its tests create (as baeum, from
# template1). pgvector (0.8.0 checked) is NOT a trusted extension: its vector.control has no
# `trusted = true`, so a non-superuser cannot create it, and making baeum a superuser is not an
# option. So a superuser pre-creates it in baeum_rag and in template1: every database created
# afterwards (the default template is template1) already has it, and the migration's
# IF NOT EXISTS is a no-op. (A database created WITH TEMPLATE template0 would not have it.)
# Should a future pgvector mark itself trusted, we let baeum create it (then it owns it).
control="$PG_SHAREDIR/extension/vector.control"
if grep -Eq '^[[:space:]]*trusted[[:space:]]*=[[:space:]]*true' "$control"; then
  has_vector="$(pg_admin -d baeum_rag -c "SELECT 1 FROM pg_extension WHERE extname = 'vector'")"
  if [[ -z "$has_vector" ]]; then
    # Prove it works as baeum (the same statement the migration runs; it is idempotent).
    PGPASSWORD="$BAEUM_DB_PASSWORD" psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BAEUM_PG_PORT" \
      -U "$BAEUM_DB_USER" -d baeum_rag -c 'CREATE EXTENSION IF NOT EXISTS vector'
    note "created extension vector in baeum_rag as $BAEUM_DB_USER (trusted extension)"
  fi
else
  for db in baeum_rag template1; do
    if [[ -z "$(pg_admin -d "$db" -c "SELECT 1 FROM pg_extension WHERE extname = 'vector'")" ]]; then
      note "pgvector is not a trusted extension here: creating it in $db as postgres"
      pg_admin -d "$db" -c 'CREATE EXTENSION IF NOT EXISTS vector'
    fi
  done
fi

# --- summary -----------------------------------------------------------------------------------
if [[ ${#did[@]} -eq 0 ]]; then
  baeum_say "everything already in place (PostgreSQL $BAEUM_PG_VERSION + pgvector, Redis, role and databases); nothing to do ($((SECONDS - started_at)) s)"
else
  baeum_say "done in $((SECONDS - started_at)) s: ${#did[@]} change(s)"
fi
