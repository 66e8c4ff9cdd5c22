#!/usr/bin/env bash
# The blue-green release drill, on this machine: runs the current build as "blue" and a second build
# as "green" against one scratch MariaDB database (buildnest_bluegreen_<pid>, created and dropped
# here) and the shared Redis (own key prefix, removed at the end), each on its own free application
# and management port, behind a local nginx (its own config, pid and logs in a temporary directory,
# never the system service). While shoppers (ops/release/load.py) keep browsing, signing in and
# filling carts through the proxy, it:
#   1. starts green, whose own Liquibase run applies green's migrations to the shared database while
#      blue serves; new changesets that contract the schema (drop, rename, NOT NULL, ...: see
#      ops/release/changesets.py) fail the drill (docs/runbooks/blue-green.md: expand first,
#      contract in a later release);
#   2. runs the release smoke test (deploy/k8s/base/smoke-test.py) against green directly, and
#      against blue again, which now runs on green's schema (what a rollback relies on);
#   3. switches nginx to green (nginx -s reload: old workers finish their requests), waits until the
#      old workers are gone, and keeps blue running, drained: no request reaches it (its own request
#      counter must not move) while it stays ready and warm for the rollback window (--duration);
#   4. rolls back by a switch only: blue still ready, nginx back to blue, then green drained and
#      stopped with SIGTERM (graceful shutdown), timing the rollback from the decision to the first
#      answer from blue and until every request goes to blue; blue stops gracefully at the end.
# Writes report.md (requests sent and failed, latency p50/p99/max in windows around each switch, the
# rollback times) and the raw requests.tsv and events.log to --out. Cleans up everything it started,
# also on failure or Ctrl-C. Exits 1 if any request failed or the rollback took 10 s or longer.
#
# Usage: ops/release/blue-green-drill.sh [--green-jar PATH | --green-ref GIT_REF] [--workers N]
#                                        [--duration SECONDS] [--out DIR] [--java PATH] [--dry-run]
#   --green-jar PATH   the green build (default: the same jar as blue; every switch is still exercised)
#   --green-ref REF    build green from a git ref in a temporary worktree (cached by commit)
#   --workers N        concurrent shoppers (default 6)
#   --duration S       seconds of traffic on each side before and after each switch, and the rollback
#                      window in which blue stays up drained (default 20)
#   --out DIR          where the report goes (default target/blue-green-drill)
#   --java PATH        the java that runs both builds (default: java on the PATH)
# Needs: java, python3, curl, mariadb client and server on 127.0.0.1:3306 (root), Redis on
# 127.0.0.1:6379 with redis-cli, nginx (installed from Debian with apt-get when missing), git for
# --green-ref. Builds the jar when there is none.
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"

green_jar="" green_ref="" workers=6 duration=20 out="" java_bin=java
rollback_target=10
while (($#)); do
  case "$1" in
    --green-jar) green_jar=${2:?--green-jar needs a path}; shift 2 ;;
    --green-ref) green_ref=${2:?--green-ref needs a git ref}; shift 2 ;;
    --workers) workers=${2:?--workers needs a number}; shift 2 ;;
    --duration) duration=${2:?--duration needs a number}; shift 2 ;;
    --out) out=${2:?--out needs a directory}; shift 2 ;;
    --java) java_bin=${2:?--java needs a path}; shift 2 ;;
    *) fail "unknown argument $1 (see --help)" ;;
  esac
done
[[ "$workers" =~ ^[0-9]+$ ]] || fail "--workers must be a whole number, not $workers"
((workers >= 1 && workers <= 200)) || fail "--workers must be 1 to 200, not $workers"
[[ "$duration" =~ ^[0-9]+$ ]] || fail "--duration must be a whole number of seconds, not $duration"
((duration >= 1)) || fail "--duration must be at least 1 s"
[[ -z "$green_jar" || -z "$green_ref" ]] || fail "give --green-jar or --green-ref, not both"
[[ -z "$green_jar" || -f "$green_jar" ]] || fail "no green jar at $green_jar"

# Paths given are relative to where the drill was started; it works from the repository's root.
[[ -z "$green_jar" ]] || green_jar=$(realpath "$green_jar")
[[ -z "$out" ]] || out=$(realpath -m "$out")
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=${out:-target/blue-green-drill}
for tool in "$java_bin" python3 curl mariadb redis-cli; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done
[[ -z "$green_ref" ]] || command -v git >/dev/null || fail "git is missing (needed for --green-ref)"
if [[ -n "$green_ref" ]]; then
  green_commit=$(git rev-parse --verify --quiet "$green_ref^{commit}") || fail "$green_ref is not a commit here"
fi
mariadb --protocol=tcp -h127.0.0.1 -uroot -e "SELECT 1" >/dev/null || fail "MariaDB on 127.0.0.1:3306 does not answer"
redis-cli -h 127.0.0.1 -p 6379 ping | grep -q PONG || fail "Redis on 127.0.0.1:6379 does not answer"
log "workers=$workers duration=${duration}s green=${green_jar:-${green_ref:-the same jar as blue}} out=$out"
if [[ "$BUILDNEST_DRY_RUN" == true ]]; then
  command -v nginx >/dev/null || log "dry-run: would install nginx (apt-get install -y nginx)"
  log "dry-run: would create database buildnest_bluegreen_$$, start blue, nginx and $workers shoppers," \
    "start green, smoke-test it and blue, switch, keep blue drained for ${duration} s, switch back to blue," \
    "stop green and write $out/report.md"
  exit 0
fi
if ! command -v nginx >/dev/null; then
  log "installing nginx from Debian's packages"
  { apt-get install -y -qq nginx || { apt-get update -qq && apt-get install -y -qq nginx; }; } >/dev/null \
    || fail "could not install nginx"
fi

# --- everything started below is stopped by cleanup, also on failure or Ctrl-C ----------------------
database="buildnest_bluegreen_$$"
prefix="$database:"
work=$(mktemp -d /tmp/buildnest-bluegreen.XXXXXX)
proxy="$work/nginx"
declare -A app_pid=() app_port=() mgmt_port=() archive_out=()
load_pid="" nginx_started=false database_created=false green_tree=""

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  [[ -n "$load_pid" ]] && { touch "$work/stop"; wait "$load_pid" 2>/dev/null || true; }
  for colour in "${!app_pid[@]}"; do stop_app "$colour" || true; done
  if [[ "$nginx_started" == true && -f "$proxy/nginx.pid" ]]; then
    kill -QUIT "$(cat "$proxy/nginx.pid")" 2>/dev/null || true
    for _ in $(seq 1 50); do [[ -f "$proxy/nginx.pid" ]] || break; sleep 0.2; done
  fi
  if [[ "$database_created" == true ]]; then
    mariadb --protocol=tcp -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $database" || true
    redis-cli -h 127.0.0.1 -p 6379 --scan --pattern "$prefix*" | xargs -r redis-cli -h 127.0.0.1 -p 6379 del >/dev/null || true
  fi
  [[ -z "$green_tree" ]] || git worktree remove --force "$green_tree" 2>/dev/null || true
  if ((code != 0)) && [[ -d "$out" ]]; then
    cp "$work"/*.log "$work"/requests.tsv "$out/" 2>/dev/null || true
    cp "$proxy/error.log" "$out/nginx-error.log" 2>/dev/null || true
    log "logs of the failed drill kept in $out"
  fi
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

event() { echo "$(date +%s.%N) $*" >>"$work/events.log"; log "$*"; }

# --- the two builds ------------------------------------------------------------------------------
# shellcheck source=ops/lib/scratch-app.sh
. ops/lib/scratch-app.sh
blue_jar=$(scratch_jar)
[[ -f "$blue_jar" ]] || fail "no jar found; build it with ./mvnw -DskipTests package"
cache="target/release-cache"
mkdir -p "$cache" "$out"
if [[ -n "$green_ref" ]]; then
  green_jar="$cache/green-$green_commit.jar"
  if [[ ! -f "$green_jar" ]]; then
    green_tree="$work/green-src"
    log "building green from $green_ref ($green_commit) in a temporary worktree"
    git worktree add --detach --quiet "$green_tree" "$green_commit"
    (cd "$green_tree" && ./mvnw -B -ntp -q -DskipTests package >&2) || fail "green did not build"
    cp "$(cd "$green_tree" && packaged_jar | sed "s|^|$green_tree/|")" "$green_jar"
    git worktree remove --force "$green_tree"; green_tree=""
  else
    log "green from $green_ref: cached build $green_jar"
  fi
fi
green_jar=${green_jar:-$blue_jar}
[[ "$green_jar" -ef "$blue_jar" ]] && log "green is the same build as blue: no new migrations, every switch still exercised"

# Fast start (docs/adr/0003-start-up.md): the extracted layout, cached per build, with a class-data
# archive (dynamic CDS, one per JDK) recorded at the first run's exit and used from then on; C1
# only and the serial collector. (JDK 25's AOT cache was tried: its recording run starts twice as
# slowly and writing the cache at exit outlasts a graceful stop on this machine.)
java_major=$("$java_bin" -version 2>&1 | sed -n '1s/^[^"]*"\([0-9]*\).*/\1/p')
[[ "$java_major" =~ ^[0-9]+$ ]] || fail "cannot tell the version of $java_bin"
prepare_build() {
  local jar=$1 sum dir
  sum=$(sha256sum "$jar" | cut -c1-16)
  dir="$cache/$sum"
  if [[ ! -f "$dir/app/$(basename "$jar")" ]]; then
    rm -rf "$dir"
    "$java_bin" -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >/dev/null || fail "could not extract $jar"
  fi
  echo "$dir"
}

# Throwaway secrets shared by both colours: the JWT signing key (a token from blue must be valid on
# green) and the smoke account's password. Files of mode 0600 in a 0700 directory, never printed.
secrets="$work/secrets"
mkdir -m 700 "$secrets"
(umask 077
 head -c 64 /dev/urandom | base64 -w0 >"$secrets/buildnest.customer.jwt.secret"
 head -c 24 /dev/urandom | base64 -w0 | tr '+/' '-_' >"$secrets/smoke-password")

mariadb --protocol=tcp -h127.0.0.1 -uroot -e "CREATE DATABASE $database CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
database_created=true
log "scratch database $database, Redis key prefix $prefix"

# start_app COLOUR JAR: starts that build on free ports; returns once it is ready.
start_app() {
  local colour=$1 jar=$2 dir launch=("$java_bin" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k)
  dir=$(prepare_build "$jar")
  # The archive is written under a name of its own and moved into place once that JVM has exited,
  # so a running JVM that maps the archive never sees it rewritten; one JVM at a time records it.
  local archive="$dir/app-jdk$java_major.jsa"
  archive_out[$colour]=""
  if [[ -f "$archive" ]]; then
    launch+=(-XX:SharedArchiveFile="$archive")
  elif ! printf '%s\n' "${archive_out[@]}" | grep -q "^$archive"; then
    archive_out[$colour]="$archive.$colour.$$"
    launch+=(-XX:ArchiveClassesAtExit="${archive_out[$colour]}")
  fi
  app_port[$colour]=$(free_port)
  mgmt_port[$colour]=$(free_port)
  mkdir -p "$work/data-$colour"
  env -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
    SPRING_PROFILES_ACTIVE=services SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:3306/$database" \
    SPRING_DATA_REDIS_URL=redis://127.0.0.1:6379 SPRING_CACHE_REDIS_KEY_PREFIX="$prefix" \
    "${launch[@]}" -jar "$dir/app/$(basename "$jar")" \
    --server.port="${app_port[$colour]}" --management.server.port="${mgmt_port[$colour]}" \
    --buildnest.platform.data-dir="$work/data-$colour" \
    --buildnest.customer.jwt.secret-file="$secrets/buildnest.customer.jwt.secret" \
    --buildnest.platform.throttle.trusted-proxies=127.0.0.1/32 \
    >>"$work/$colour.log" 2>&1 &
  app_pid[$colour]=$!
  local deadline=$((SECONDS + 600))
  until ready "$colour"; do
    kill -0 "${app_pid[$colour]}" 2>/dev/null || { tail -40 "$work/$colour.log" >&2; fail "$colour died while starting"; }
    ((SECONDS < deadline)) || { tail -40 "$work/$colour.log" >&2; fail "$colour was not ready within 600 s"; }
    sleep 0.2
  done
}

# stop_app COLOUR: SIGTERM, then waits for the graceful shutdown to finish (SIGKILL after 60 s, or
# 180 s while the JVM writes its start-up archive at exit).
stop_app() {
  local colour=$1 pid=${app_pid[$1]:-} archive=${archive_out[$1]:-} patience=300 killed=false
  [[ -n "$pid" ]] || return 0
  [[ -z "$archive" ]] || patience=900
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 "$patience"); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    log "$colour did not stop within $((patience / 5)) s of SIGTERM: killing it"
    kill -KILL "$pid" 2>/dev/null || true
    killed=true
  fi
  wait "$pid" 2>/dev/null || true
  unset "app_pid[$colour]"
  if [[ -n "$archive" && "$killed" == false && -s "$archive" && ! -f "${archive%.*.*}" ]]; then
    mv "$archive" "${archive%.*.*}"
    log "start-up archive ${archive%.*.*} recorded"
  elif [[ -n "$archive" ]]; then rm -f "$archive"; fi
  archive_out[$colour]=""
}

# answered COLOUR: requests that COLOUR's application port has answered so far, from its own
# metrics (the management port's actuator requests are not counted): the proof of a drain.
answered() {
  curl -fsS "http://127.0.0.1:${mgmt_port[$1]}/actuator/prometheus" \
    | awk '/^http_server_requests_seconds_count\{/ && !/uri="\/actuator/ {n += $NF} END {printf "%d\n", n}'
}

ready() {
  curl -fsS --max-time 2 "http://127.0.0.1:${mgmt_port[$1]}/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'
}

# smoke COLOUR: the release smoke test against COLOUR directly, not through the proxy.
smoke() {
  SMOKE_USERNAME=bluegreen-smoke SMOKE_EMAIL=bluegreen-smoke@buildnest.invalid \
    SMOKE_PASSWORD_FILE="$secrets/smoke-password" \
    python3 deploy/k8s/base/smoke-test.py "http://127.0.0.1:${app_port[$1]}" >"$work/smoke-$1.log" 2>&1
}

# --- nginx as an ordinary process on a free port, upstream = blue --------------------------------------
point_proxy_at() {
  printf 'upstream buildnest {\n    server 127.0.0.1:%s;\n}\n' "${app_port[$1]}" >"$proxy/upstream.conf"
}

# switch_to COLOUR: graceful nginx reload to COLOUR; returns once every old worker has finished.
switch_to() {
  local colour=$1 master old
  master=$(cat "$proxy/nginx.pid")
  old=$(pgrep -P "$master" | tr '\n' ' ')
  point_proxy_at "$colour"
  nginx -t -q -p "$proxy" -e "$proxy/error.log" -c "$proxy/nginx.conf" || fail "the new proxy configuration is invalid"
  nginx -p "$proxy" -e "$proxy/error.log" -c "$proxy/nginx.conf" -s reload
  event "switch-to-$colour" "nginx reloaded: upstream 127.0.0.1:${app_port[$colour]}"
  local deadline=$((SECONDS + 120)) pid
  for pid in $old; do
    while kill -0 "$pid" 2>/dev/null; do
      ((SECONDS < deadline)) || fail "old nginx worker $pid still runs 120 s after the reload"
      sleep 0.05
    done
  done
}

proxy_port=$(free_port)
mkdir -p "$proxy/temp"
nginx_user=""
((EUID == 0)) && nginx_user="user root;"
cat >"$proxy/nginx.conf" <<NGINX
$nginx_user
worker_processes 1;
pid $proxy/nginx.pid;
error_log $proxy/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $proxy/temp/body;
    proxy_temp_path $proxy/temp/proxy;
    fastcgi_temp_path $proxy/temp/fastcgi;
    uwsgi_temp_path $proxy/temp/uwsgi;
    scgi_temp_path $proxy/temp/scgi;
    include $proxy/upstream.conf;
    server {
        listen 127.0.0.1:$proxy_port;
        location / {
            proxy_pass http://buildnest;
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_read_timeout 60s;
            add_header X-Served-By \$upstream_addr always;
        }
    }
}
NGINX

# --- the drill ---------------------------------------------------------------------------------
log "starting blue ($blue_jar)"
: >"$work/events.log"
started_at=$SECONDS
start_app blue "$blue_jar"
event blue-ready "port ${app_port[blue]}, management ${mgmt_port[blue]}, ready in $((SECONDS - started_at)) s"

point_proxy_at blue
nginx -p "$proxy" -e "$proxy/error.log" -c "$proxy/nginx.conf" || fail "nginx did not start"
nginx_started=true
wait_for 30 "nginx on port $proxy_port" curl -fsS "http://127.0.0.1:$proxy_port/readyz" \
  || fail "nginx on port $proxy_port does not reach blue"

python3 ops/release/load.py run "http://127.0.0.1:$proxy_port" --workers "$workers" --out "$work/requests.tsv" \
  --stop-file "$work/stop" --max-seconds $((duration * 6 + 1200)) 2>>"$work/load.log" &
load_pid=$!
event load-started "$workers shoppers through nginx on port $proxy_port"
sleep "$duration"
kill -0 "$load_pid" 2>/dev/null || fail "the load generator stopped early: $(tail -5 "$work/load.log")"

changesets() {
  mariadb --protocol=tcp -h127.0.0.1 -uroot -N -B "$database" \
    -e "SELECT COALESCE(MAX(ORDEREXECUTED), 0) FROM DATABASECHANGELOG"
}
before=$(changesets)
event green-starting "$green_jar; $before changesets applied so far"
started_at=$SECONDS
start_app green "$green_jar"
event green-ready "port ${app_port[green]}, management ${mgmt_port[green]}, ready in $((SECONDS - started_at)) s"

# Green's migrations ran at its start; blue kept serving on the expanded schema meanwhile. Any new
# changeset whose kind removes or changes what the running blue uses fails the drill.
mariadb --protocol=tcp -h127.0.0.1 -uroot -N -B "$database" -e "SELECT ID, AUTHOR, FILENAME, DESCRIPTION
  FROM DATABASECHANGELOG WHERE ORDEREXECUTED > $before ORDER BY ORDEREXECUTED" >"$work/new-changesets.tsv"
new_changesets=$(wc -l <"$work/new-changesets.tsv")
set +e
python3 ops/release/changesets.py "$work/new-changesets.tsv" >"$work/changeset-verdicts.tsv"
contracts=$?
set -e
((contracts <= 1)) || fail "could not classify green's changesets"
review=$(awk -F'\t' '$1 == "review" {print $2}' "$work/changeset-verdicts.tsv" | tr '\n' ' ')
event migrations-applied "$new_changesets new changesets from green"
[[ -z "$review" ]] || log "review by hand (raw SQL, type changes, dropped constraints): $review"
((contracts == 0)) || fail "green's migrations contract the schema while blue still runs:" \
  "$(awk -F'\t' '$1 == "contract" {print $2 " (" $3 ")"}' "$work/changeset-verdicts.tsv" | tr '\n' ';')"

log "smoke test against green directly"
smoke green || { cat "$work/smoke-green.log" >&2; fail "the smoke test failed against green: blue keeps the traffic"; }
event smoke-passed "green: $(cat "$work/smoke-green.log")"
# A rollback hands the traffic back to blue's code on green's schema: prove that works before the switch.
smoke blue || { cat "$work/smoke-blue.log" >&2; fail "blue fails on green's schema, so a rollback would fail: blue keeps the traffic"; }
event blue-smoke-passed "blue on green's schema: $(cat "$work/smoke-blue.log")"

switch_to green
drained_from=$(answered blue) || fail "cannot read blue's request count"
event blue-drained "every old nginx worker finished; blue keeps running, drained ($drained_from requests answered so far)"
sleep "$duration"

# The rollback window ends in a rollback: blue must still be there, ready, and have had no traffic.
rollback_started=$(date +%s%N)
event rollback-decided "back to blue on port ${app_port[blue]}, which kept running drained"
kill -0 "${app_pid[blue]}" 2>/dev/null || fail "blue is gone: nothing to roll back to"
ready blue || fail "blue is not ready: nothing to roll back to"
drained_to=$(answered blue) || fail "cannot read blue's request count"
((drained_to == drained_from)) \
  || fail "blue answered $((drained_to - drained_from)) requests while drained: the switch to green left traffic on it"
switch_to blue
rollback_ms=$(( ($(date +%s%N) - rollback_started) / 1000000 ))
event green-drained "all traffic on blue $rollback_ms ms after the rollback decision; stopping green"
stop_app green
grep -q "Graceful shutdown complete" "$work/green.log" || fail "green's shutdown was not graceful"
event green-stopped "graceful shutdown complete"
sleep "$duration"

touch "$work/stop"
wait "$load_pid" || fail "the load generator failed: $(tail -5 "$work/load.log")"
load_pid=""
event load-stopped ""
stop_app blue
grep -q "Graceful shutdown complete" "$work/blue.log" || fail "blue's shutdown was not graceful"
event blue-stopped "graceful shutdown complete"

# --- the report ------------------------------------------------------------------------------------
cp "$work/requests.tsv" "$work/events.log" "$out/"
set +e
python3 ops/release/load.py report "$out/requests.tsv" "$out/events.log" "$work/load-report.md" \
  --title "Blue-green drill, $(date -u +%Y-%m-%dT%H:%MZ)" >"$work/load-summary.txt"
set -e
read -r _ sent_pair failed_pair p50_pair p99_pair max_pair <"$work/load-summary.txt" || fail "no load summary"
first_ms=$(sed -n 's/^ROLLBACK first_ms=\([0-9]*\) .*/\1/p' "$work/load-summary.txt")
failed=${failed_pair#failed=}
verdict=passed
((failed == 0 && rollback_ms < rollback_target * 1000)) || verdict=FAILED
{
  echo "<!-- $verdict: ${sent_pair} ${failed_pair} rollback_ms=$rollback_ms first_blue_ms=${first_ms:-none} -->"
  head -2 "$work/load-report.md"
  echo "**Result: $verdict.** Targets: zero failed requests (${failed_pair#failed=} failed of ${sent_pair#sent=}), rollback under ${rollback_target} s ($((rollback_ms / 1000)).$(printf '%03d' $((rollback_ms % 1000))) s from the decision to all traffic on blue, first answer from blue after ${first_ms:-no} ms; blue kept running drained for ${duration} s and answered no request meanwhile)."
  echo
  echo "Latency over the whole drill: p50 ${p50_pair#p50=} ms, p99 ${p99_pair#p99=} ms, max ${max_pair#max=} ms. $workers shoppers, ${duration} s on each side of each switch."
  echo "Blue: \`$blue_jar\`. Green: \`$green_jar\`$([[ "$green_jar" -ef "$blue_jar" ]] && echo ' (the same build: no new migrations, every switch still exercised)')."
  echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end (shared with other work)."
  echo
  echo "Green's new changesets: $new_changesets, none contracting.$([[ -n "$review" ]] && echo " To review by hand: $review")"
  echo
  tail -n +3 "$work/load-report.md"
} >"$out/report.md"
log "report: $out/report.md"
log "sent ${sent_pair#sent=}, failed $failed, p50 ${p50_pair#p50=} ms, p99 ${p99_pair#p99=} ms, max ${max_pair#max=} ms," \
  "rollback $rollback_ms ms (first answer from blue after ${first_ms:-no} ms)"
[[ "$verdict" == passed ]] || fail "a target was missed: $failed failed requests, rollback $rollback_ms ms (target under ${rollback_target} s)"
log "drill passed"
