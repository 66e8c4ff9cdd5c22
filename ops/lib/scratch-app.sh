#!/usr/bin/env bash
# Shared by the benchmarks that run BuildNest at scale on a scratch MariaDB database: create the
# database (dropped again on exit, with the application stopped first), generate data into it, start
# the packaged jar on it under the services profile and wait until it is ready.
# Source it after common.sh; the caller cds to the repository root first.
# Sets: database, work (a temporary directory), app_pid, base (the application's URL).
# Also record_section, which writes a benchmark's section into docs/benchmarks.md.

# scratch_begin NAME: a new database NAME_<pid> and a work directory, both removed on exit.
scratch_begin() {
  database="$1_$$"
  work=$(mktemp -d)
  app_pid=""
  trap scratch_end EXIT
  mariadb --protocol=tcp -h127.0.0.1 -uroot -e "CREATE DATABASE $database"
  log "scratch database $database"
}

scratch_end() {
  if [[ -n "$app_pid" ]]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  mariadb --protocol=tcp -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $database" || true
  rm -rf "$work"
}

# scratch_query SQL: runs SQL in the scratch database, tab-separated without headers.
scratch_query() { mariadb --protocol=tcp -h127.0.0.1 -uroot -N -B "$database" -e "$1"; }

# scratch_environment: the variables that point BuildNest at the scratch database and Redis.
scratch_environment() {
  echo env SPRING_PROFILES_ACTIVE=services SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:3306/$database" \
    SPRING_DATA_REDIS_URL=redis://127.0.0.1:6379 SPRING_CACHE_REDIS_KEY_PREFIX="$database:"
}

# scratch_generate JAR ARGS...: the data generator into the scratch database.
scratch_generate() {
  local jar=$1; shift
  local started=$SECONDS
  # shellcheck disable=SC2046 # the environment words are meant to split
  $(scratch_environment) java -jar "$jar" generate "$@" --buildnest.platform.data-dir="$work/data" \
    >"$work/generate.log" 2>&1 || { tail -30 "$work/generate.log"; fail "generation failed"; }
  log "generated ($*) in $((SECONDS - started)) s"
}

# scratch_start JAR "JVM OPTIONS" ARGS...: starts BuildNest on the scratch database on a free port
# and waits (up to 300 s) until it is ready.
scratch_start() {
  local jar=$1 opts=$2; shift 2
  local port launch=(java)
  port=$(free_port)
  # shellcheck disable=SC2206 # JVM options are meant to split on spaces
  [[ -n "$opts" ]] && launch+=($opts)
  log "starting BuildNest on port $port"
  # shellcheck disable=SC2046 # the environment words are meant to split
  $(scratch_environment) "${launch[@]}" -jar "$jar" --server.port="$port" \
    --buildnest.platform.data-dir="$work/data" "$@" >"$work/app.log" 2>&1 &
  app_pid=$!
  base="http://127.0.0.1:$port"
  wait_for 300 "readiness" scratch_ready || { tail -40 "$work/app.log"; fail "BuildNest was not ready within 300 s"; }
}

scratch_ready() {
  kill -0 "$app_pid" 2>/dev/null || { tail -40 "$work/app.log" >&2; fail "BuildNest died while starting"; }
  curl -fsS "$base/actuator/health/readiness" | grep -q '"status":"UP"'
}

# scratch_jar: the packaged jar, built first when there is none.
scratch_jar() {
  local jar
  jar=$(packaged_jar)
  if [[ -z "$jar" ]]; then
    log "no jar yet: building it"
    ./mvnw -B -ntp -q -DskipTests package >&2
    jar=$(packaged_jar)
  fi
  echo "$jar"
}

# record_section NAME FILE DOC: replaces the part of DOC between <!-- NAME:start --> and
# <!-- NAME:end --> with FILE (which carries those markers itself), or appends FILE when DOC has none.
record_section() {
  python3 - "$1" "$2" "$3" <<'PY'
import re, sys
name, section, path = sys.argv[1], open(sys.argv[2]).read().rstrip("\n"), sys.argv[3]
text = open(path).read()
pattern = re.compile(r"<!-- " + re.escape(name) + r":start -->.*?<!-- " + re.escape(name) + r":end -->", re.S)
text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w").write(text)
PY
}
