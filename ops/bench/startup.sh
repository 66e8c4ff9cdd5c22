#!/usr/bin/env bash
# Measures BuildNest's start-up: wall time from launching the JVM to /actuator/health/readiness
# answering UP, CPU seconds used by then, and resident memory after 10 s idle. Each run starts
# from a fresh data directory (embedded) or an already-migrated database (services).
#
# Usage: ops/bench/startup.sh [--runs N] [--mode embedded|services] [--java PATH]
#                             [--layout jar|extracted|aot] [--opts "JVM OPTIONS"] [--dry-run]
#   --layout jar        java -jar on the fat jar
#   --layout extracted  Spring Boot's extracted layout (java -Djarmode=tools -jar app.jar extract)
#   --layout cds        extracted layout plus a class-data-sharing archive (JDK 17+) from one training run
#   --layout aot        extracted layout plus a JDK 25 AOT cache made by one training run
# Results go to standard output as one line per run plus a median line.
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"

runs=5 mode=embedded java_bin=java layout=jar opts=""
while (($#)); do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    --java) java_bin=$2; shift 2 ;;
    --layout) layout=$2; shift 2 ;;
    --opts) opts=$2; shift 2 ;;
    *) fail "unknown argument $1 (see --help)" ;;
  esac
done

jar=$(packaged_jar)
[[ -f "$jar" ]] || fail "no jar found; build it with ./mvnw -DskipTests package"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log "runs=$runs mode=$mode layout=$layout java=$("$java_bin" -version 2>&1 | head -1) opts='$opts'"
[[ "$BUILDNEST_DRY_RUN" == true ]] && exit 0

launch=("$java_bin")
# shellcheck disable=SC2206 # JVM options are meant to split on spaces
[[ -n "$opts" ]] && launch+=($opts)
case "$layout" in
  jar) launch+=(-jar "$jar") ;;
  extracted|cds|aot)
    "$java_bin" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
    if [[ "$layout" != extracted ]]; then
      record=(-XX:ArchiveClassesAtExit="$work/app.jsa") use=(-XX:SharedArchiveFile="$work/app.jsa")
      [[ "$layout" == aot ]] && record=(-XX:AOTCacheOutput="$work/app.aot") use=(-XX:AOTCache="$work/app.aot")
      log "training run for the $layout archive"
      "${launch[@]}" "${record[@]}" -Dspring.context.exit=onRefresh \
        -jar "$work/app/$(basename "$jar")" --buildnest.platform.data-dir="$work/training" >"$work/training.log" 2>&1 \
        || { tail -20 "$work/training.log"; fail "training run failed"; }
      launch+=("${use[@]}")
    fi
    launch+=(-jar "$work/app/$(basename "$jar")") ;;
  *) fail "unknown layout $layout" ;;
esac

environment=(env -u SPRING_PROFILES_ACTIVE -u SPRING_DATASOURCE_URL -u SPRING_DATA_REDIS_URL)
if [[ "$mode" == services ]]; then
  database="buildnest_bench_startup_$$"
  mariadb --protocol=tcp -h127.0.0.1 -uroot -e "CREATE DATABASE $database"
  trap 'mariadb --protocol=tcp -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $database"; rm -rf "$work"' EXIT
  environment+=(SPRING_PROFILES_ACTIVE=services SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:3306/$database")
fi

results=()
for run in $(seq 0 "$runs"); do
  port=$(free_port)
  data="$work/data-$run"
  start=$(date +%s%N)
  "${environment[@]}" "${launch[@]}" --server.port="$port" --buildnest.platform.data-dir="$data" \
    >"$work/run-$run.log" 2>&1 &
  pid=$!
  until curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$work/run-$run.log"; fail "run $run died"; }
    sleep 0.1
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  cpu_s=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz}')
  sleep 10
  rss_mib=$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  if (( run == 0 )); then
    log "warm-up run (not counted): ready in ${ready_ms} ms"
    continue
  fi
  echo "run $run: ready ${ready_ms} ms, cpu ${cpu_s} s, idle rss ${rss_mib} MiB"
  results+=("$ready_ms $rss_mib")
done
printf '%s\n' "${results[@]}" | sort -n | awk '{ms[NR]=$1; rss[NR]=$2} END {
  m = int((NR + 1) / 2); printf "median of %d: ready %d ms, idle rss %d MiB\n", NR, ms[m], rss[m] }'
