# shellcheck shell=bash
# Baeum local launcher: the process helpers shared by up.sh, down.sh and service.sh (sourced after
# env.sh). Defines functions and the PID table only; sourcing it starts or stops nothing.

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

# Where the services find SQS locally. Environment variables outrank application-local.yml, so
# only set what the caller has not; a service that doesn't use SQS simply ignores them.
export_service_environment() {
  export SPRING_CLOUD_AWS_SQS_ENDPOINT="${SPRING_CLOUD_AWS_SQS_ENDPOINT:-http://127.0.0.1:$BAEUM_SQS_PORT}"
  export SPRING_CLOUD_AWS_REGION_STATIC="${SPRING_CLOUD_AWS_REGION_STATIC:-ap-northeast-2}"
  export SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY="${SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY:-local}"
  export SPRING_CLOUD_AWS_CREDENTIALS_SECRET_KEY="${SPRING_CLOUD_AWS_CREDENTIALS_SECRET_KEY:-local}"
}

# start_service <svc>: one service's jar with the launcher's JVM options (BAEUM_JAVA_OPTS_<svc, dashes
# as underscores> if env.sh or the caller sets one, else BAEUM_JAVA_OPTS) and Spring profile.
start_service() {
  local svc="$1" java_opts own_opts
  own_opts="BAEUM_JAVA_OPTS_${svc//-/_}"
  read -r -a java_opts <<<"${!own_opts:-$BAEUM_JAVA_OPTS}"
  start "$svc" "${BAEUM_PORT[$svc]}" java "${java_opts[@]}" -Dbaeum.launcher="$svc" \
    -jar "$BAEUM_ROOT/$svc/target/$svc-exec.jar" --spring.profiles.active="$BAEUM_SPRING_PROFILE"
}

# start_elasticmq [keep|prune]: ElasticMQ (the SQS API) from deploy/local/elasticmq, its classpath resolved
# by Maven once and cached in var/ until that pom changes. Messages are kept in an H2 file under
# var/elasticmq/ (elasticmq.conf, messages-storage), so a stopped or killed ElasticMQ comes back with the
# messages it had accepted, as SQS would; `prune` (up.sh's fresh start) begins with empty queues.
start_elasticmq() {
  local mode="${1:-keep}" emq_cp="$BAEUM_VAR/elasticmq.classpath" emq_pom="$BAEUM_DEPLOY/elasticmq/pom.xml"
  if [[ ! -s "$emq_cp" || "$emq_pom" -nt "$emq_cp" ]]; then
    baeum_say "resolving the ElasticMQ classpath (cached in ${emq_cp#"$BAEUM_ROOT"/})"
    (cd "$BAEUM_ROOT" && ./mvnw -B -q -f "$emq_pom" dependency:build-classpath -Dmdep.outputFile="$emq_cp" >/dev/null)
  fi
  mkdir -p "$BAEUM_VAR/elasticmq"
  start elasticmq "$BAEUM_SQS_PORT" java -Xmx192m -XX:+UseSerialGC -Dbaeum.launcher=elasticmq \
    -Dconfig.file="$BAEUM_DEPLOY/elasticmq/elasticmq.conf" \
    -Dmessages-storage.uri="jdbc:h2:$BAEUM_VAR/elasticmq/messages" \
    -Dmessages-storage.prune-data-on-init="$([[ "$mode" == prune ]] && echo true || echo false)" \
    -cp "$(cat "$emq_cp")" org.elasticmq.server.Main
}

# --- readiness ---------------------------------------------------------------------------------
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

# wait_ready <started_at> <timeout_s> <name...>: waits until each named process (started above,
# so in PID) is ready, printing each as it becomes so; fails (log tail) if one exits or time runs out.
wait_ready() {
  local started_at="$1" timeout_s="$2" name ready deadline
  shift 2
  local pending=("$@") still
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
}

# kill_now <name>: SIGKILL (kill -9) the process <name> if it is ours (a crash: no shutdown hook, no
# graceful drain), wait until it is gone, remove its pid file. Adds 1 to $stopped if it was running.
kill_now() {
  local pid
  if pid="$(running_pid "$1")"; then
    baeum_say "kill -9 $1 (pid $pid)"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    rm -f "$(pid_file "$1")"
    stopped=$((stopped + 1))
  else
    baeum_say "$1 was not running"
  fi
}

# --- stopping ----------------------------------------------------------------------------------
stopped=0
# stop <name...>: TERM each (all at once, so the grace period is not paid per process), wait
# for all of them together, KILL what is left after BAEUM_DOWN_GRACE seconds (default 25), remove
# the pid files. Adds the number stopped to $stopped.
stop() {
  local name f pid left grace="${BAEUM_DOWN_GRACE:-25}"
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
