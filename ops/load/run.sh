#!/usr/bin/env bash
# The load harness (issue 9, docs/load-testing.md): the operators' traffic mix against BuildNest in the
# prod profile on MariaDB + Redis, on the production-scale data set. One command:
#   1. generates the data set into a MariaDB database named buildnest_load_u<users>_p<products>_o<orders>
#      (kept afterwards; --reuse takes it as it is instead of generating it again);
#   2. makes a MariaDB user of its own for the run and throwaway secrets (database password, JWT signing
#      key) in a temporary directory with 0600 files, and grants ADMIN to a few generated accounts (staff);
#   3. starts the packaged jar in the prod profile, with the simulated payment gateway explicitly allowed
#      (buildnest.payment.simulated.allowed-in-prod: refused together with live Razorpay mode), the seller
#      of deploy/k8s/base/config.env, and 127.0.0.2 as the trusted ingress the load comes through;
#   4. runs the Gatling simulation com.buildnest.load.TrafficMixSimulation (./mvnw -Pload gatling:test):
#      visits arrive at a rate (open model): 60 % browse and search, 25 % cart and checkout with simulated
#      payment, 10 % registration and login, 5 % admin (order lists, dashboard); the rate rises in steps
#      until a step breaks p95 < 500 ms, p99 < 1 s or errors < 0.1 %; the last passing step is the
#      highest sustainable throughput;
#   5. with --soak DURATION instead: one long step at --rate (default: half the last search's result),
#      sampling heap after GC, Hikari active/idle/pending, open files and threads from /actuator/prometheus
#      on the management port; fails on heap growth or a connection leak.
# Writes a latency-over-time plot (gnuplot) and tables under target/load/; with --record, into
# docs/benchmarks.md and docs/benchmarks/.
#
# Usage: ops/load/run.sh [--users N] [--products N] [--orders N] [--seed N] [--reuse] [--drop]
#                        [--rate R] [--increment R] [--steps N] [--step-seconds S] [--warmup S]
#                        [--soak DURATION] [--sample-every S] [--opts "JVM OPTIONS"] [--record] [--dry-run]
#   --users N         generated customer accounts (default 10000)
#   --products N      generated products (default 50000)
#   --orders N        generated orders (default 100000)
#   --seed N          generator seed (default 1)
#   --reuse           use the database generated earlier for these sizes as it is (fails when absent)
#   --drop            drop the database and the data directory at the end
#   --rate R          visits per second of the first step (default 10), or of the soak
#   --increment R     visits per second added at each step (default 10)
#   --steps N         steps at most (default 8); the run stops at the first step that breaks a target
#   --step-seconds S  length of each step (default 60)
#   --warmup S        a first period at the first rate that no verdict counts (default 60; 0 for none)
#   --soak DURATION   soak instead of the search, e.g. 30m, 2m or 90s
#   --sample-every S  soak sampling interval (default: a 60th of the soak, at least 10 s)
#   --opts "..."      JVM options for the application
#   --record          write the results into docs/benchmarks.md and the plot into docs/benchmarks/
# Full run (a quiet machine, about 15 minutes plus generation):  ops/load/run.sh --record
# Soak after it:                                                  ops/load/run.sh --reuse --soak 30m --record
# Needs: java, jcmd, mariadb client and server on 127.0.0.1:3306 (root), Redis on 127.0.0.1:6379 with
# redis-cli, curl, openssl, python3, gnuplot (apt-get install -y gnuplot-nox). Builds the jar when missing.
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"

users=10000 products=50000 orders=100000 seed=1 reuse=false drop=false
rate="" increment=10 steps=8 step_seconds=60 warmup=60 soak="" sample_every="" opts="" record=false
while (($#)); do
  case "$1" in
    --users|--products|--orders|--seed|--steps|--step-seconds|--warmup|--sample-every)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || fail "$1 needs a whole number"
      declare "$(tr - _ <<<"${1#--}")=$2"; shift 2 ;;
    --rate|--increment)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+(\.[0-9]+)?$ ]] || fail "$1 needs a number of visits per second"
      declare "${1#--}=$2"; shift 2 ;;
    --soak)
      [[ $# -ge 2 && "$2" =~ ^([0-9]+)(s|m|h)?$ ]] || fail "--soak needs a duration such as 30m, 2m or 90s"
      case "${BASH_REMATCH[2]}" in
        m) soak=$((BASH_REMATCH[1] * 60)) ;;
        h) soak=$((BASH_REMATCH[1] * 3600)) ;;
        *) soak=${BASH_REMATCH[1]} ;;
      esac
      shift 2 ;;
    --opts) [[ $# -ge 2 ]] || fail "--opts needs JVM options"; opts=$2; shift 2 ;;
    --reuse) reuse=true; shift ;;
    --drop) drop=true; shift ;;
    --record) record=true; shift ;;
    *) fail "unknown argument $1 (see --help)" ;;
  esac
done
((users >= 100)) || fail "--users must be at least 100 (staff, buyers and returning customers come from them)"
((products >= 100)) || fail "--products must be at least 100"
((steps >= 1 && step_seconds >= 10)) || fail "--steps must be at least 1 and --step-seconds at least 10"
[[ -z "$soak" ]] || ((soak >= 60)) || fail "--soak must last at least 60 s"

cd "$(dirname "$0")/../.."
database="buildnest_load_u${users}_p${products}_o${orders}_s${seed}"
state="target/load/$database"
if [[ -n "$soak" && -z "$rate" ]]; then
  if [[ -f "$state/max-rate" ]]; then
    rate=$(awk '{printf "%.2f", $1 / 2}' "$state/max-rate")
    log "soak rate: half of the last search's $(cut -d' ' -f1 "$state/max-rate") visits/s"
  elif [[ "$BUILDNEST_DRY_RUN" == true ]]; then
    rate="(half the last search's result)"
  else
    fail "no sustainable rate found by a search on this data set yet ($state/max-rate): run the search first or give --rate"
  fi
fi
rate=${rate:-10}

for tool in java jcmd mariadb redis-cli curl openssl python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done
command -v gnuplot >/dev/null || fail "gnuplot is missing: install it with apt-get install -y gnuplot-nox"
[[ "$BUILDNEST_DRY_RUN" == true ]] || mariadb --protocol=tcp -h127.0.0.1 -uroot -e "SELECT 1" >/dev/null \
  || fail "MariaDB on 127.0.0.1:3306 does not answer"
if [[ -n "$soak" ]]; then
  log "plan: ${warmup}s warm-up, then a soak for ${soak}s at $rate visits/s on $database (users=$users products=$products orders=$orders)"
else
  log "plan: ${warmup}s warm-up, then up to $steps steps of ${step_seconds}s from $rate visits/s (+$increment) on $database" \
    "(users=$users products=$products orders=$orders)"
fi
[[ "$BUILDNEST_DRY_RUN" == true ]] && exit 0

# The machine's load before this run adds its own: what says whether other work shared the cores.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

query() { mariadb --protocol=tcp -h127.0.0.1 -uroot -N -B "$database" -e "$1"; }
exists=$(mariadb --protocol=tcp -h127.0.0.1 -uroot -N -B -e \
  "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '$database'")

# shellcheck source=ops/lib/scratch-app.sh
. ops/lib/scratch-app.sh
jar=$(scratch_jar)
work=$(mktemp -d)
secrets="$work/secrets"
db_user="buildnest_load_$$"
app_pid="" sampler_pid=""
# The application caches under "<database>:" in Redis (entries live 10 min): a new or dropped data set
# must not meet the old one's entries.
forget_cache() {
  redis-cli -h 127.0.0.1 --scan --pattern "$database:*" | xargs -r -n 500 redis-cli -h 127.0.0.1 del >/dev/null
}
finish() {
  [[ -n "$sampler_pid" ]] && { kill "$sampler_pid" 2>/dev/null || true; }
  if [[ -n "$app_pid" ]]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  mariadb --protocol=tcp -h127.0.0.1 -uroot -e "DROP USER IF EXISTS '$db_user'@'127.0.0.1'" || true
  if [[ "$drop" == true ]]; then
    mariadb --protocol=tcp -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $database" || true
    forget_cache || true
    rm -rf "$state/data"
    log "dropped $database"
  fi
  rm -rf "$work"
}
trap finish EXIT

# 1. The data set.
if [[ "$reuse" == true ]]; then
  [[ "$exists" == 1 && -d "$state/data" ]] || fail "--reuse: no data set $database with its data directory $state/data"
  log "reusing $database as it is ($(query "SELECT COUNT(*) FROM ordering_order") orders now)"
else
  mariadb --protocol=tcp -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $database; CREATE DATABASE $database"
  forget_cache
  rm -rf "$state" && mkdir -p "$state"
  log "generating users=$users products=$products orders=$orders seed=$seed into $database (progress: $state/generate.log)"
  started=$SECONDS
  java -jar "$jar" generate --users="$users" --products="$products" --orders="$orders" --seed="$seed" \
    --spring.profiles.active=services --spring.datasource.url="jdbc:mariadb://127.0.0.1:3306/$database" \
    --spring.data.redis.url=redis://127.0.0.1:6379 --spring.cache.redis.key-prefix="$database:" \
    --buildnest.platform.data-dir="$state/data" >"$state/generate.log" 2>&1 \
    || { tail -30 "$state/generate.log"; fail "generation failed"; }
  log "generated in $((SECONDS - started)) s"
fi

# 2. A database user, throwaway secrets, staff accounts, the visit data.
db_password=$(openssl rand -hex 24)
mariadb --protocol=tcp -h127.0.0.1 -uroot -e "CREATE USER '$db_user'@'127.0.0.1' IDENTIFIED BY '$db_password';
  GRANT ALL PRIVILEGES ON $database.* TO '$db_user'@'127.0.0.1'"
(umask 077 && mkdir -p "$secrets" \
  && printf '%s' "$db_password" >"$secrets/spring.datasource.password" \
  && openssl rand -base64 64 | tr -d '\n' >"$secrets/buildnest.customer.jwt.secret")
unset db_password
admins=$((users / 10 < 50 ? users / 10 : 50))
query "INSERT IGNORE INTO customer_account_role (account_id, role)
       SELECT id, 'ADMIN' FROM customer_account WHERE enabled AND username NOT LIKE 'load-%' ORDER BY id LIMIT $admins"
data="$work/data"
mkdir -p "$data"
# Enabled accounts only: the generator disables 1 % of them, and their sign-in is refused (401).
accounts() { query "SELECT username FROM customer_account WHERE enabled AND username NOT LIKE 'load-%'
                    ORDER BY id LIMIT $1 OFFSET $2"; }
{ echo username; accounts "$admins" 0; } >"$data/admins.csv"
rest=$(( (users - admins) / 2 ))
{ echo username; accounts "$rest" "$admins"; } >"$data/buyers.csv"
{ echo username; accounts "$rest" $((admins + rest)); } >"$data/customers.csv"
{ echo productId,quantity; query "SELECT p.id, p.min_order_quantity FROM catalog_product p
    JOIN inventory_stock s ON s.sku = p.sku
    WHERE p.active AND s.on_hand - s.reserved >= 50 * p.min_order_quantity ORDER BY RAND(1) LIMIT 5000" | tr '\t' ,
} >"$data/products.csv"
{ echo slug; query "SELECT DISTINCT c.slug FROM catalog_category c JOIN catalog_product p ON p.category_id = c.id
    WHERE p.active"; } >"$data/categories.csv"
# What people type into a building-materials shop (the words of ops/bench/catalog.sh).
printf '%s\n' word cement tiles tile vitrified pipe wire tmt switch plywood putty primer hinge screw tank basin \
  emulsion mcb cpvc brick sand ultratech kajaria 'asian paints' havells polycab astral jaquar century 'wall tile' \
  'pvc pipe' 'fe 500d' '18 mm' white 'grey tile' waterproof socket cable aggregate block 'ppc cement' 'opc 53' \
  'gi pipe' 'drawer channel' 'exterior emulsion' '600 x 600' >"$data/words.csv"
(($(wc -l <"$data/products.csv") > 1)) || fail "no product has stock for 50 purchases"
log "$admins staff, $rest buyers, $rest returning customers, $(($(wc -l <"$data/products.csv") - 1)) products in stock"

# 3. BuildNest in the prod profile.
port=$(free_port)
management=$(free_port)
launch=(java)
# shellcheck disable=SC2206 # JVM options are meant to split on spaces
[[ -n "$opts" ]] && launch+=($opts)
seller=()
while IFS= read -r line; do seller+=("$line"); done \
  < <(grep -E '^(BUILDNEST_ORDERING_SELLER_|BUILDNEST_NOTIFICATION_FROM|BUILDNEST_CUSTOMER_SESSIONS_)' deploy/k8s/base/config.env)
log "starting BuildNest (prod profile) on port $port, management port $management"
env "${seller[@]}" SPRING_PROFILES_ACTIVE=prod BUILDNEST_SECRETSDIR="$secrets" \
  SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:3306/$database" SPRING_DATASOURCE_USERNAME="$db_user" \
  SPRING_DATA_REDIS_URL=redis://127.0.0.1:6379 SPRING_CACHE_REDIS_KEYPREFIX="$database:" \
  BUILDNEST_PLATFORM_DATADIR="$state/data" BUILDNEST_PAYMENT_GATEWAY=simulated \
  BUILDNEST_PAYMENT_SIMULATED_ALLOWEDINPROD=true BUILDNEST_PLATFORM_THROTTLE_TRUSTEDPROXIES=127.0.0.2/32 \
  "${launch[@]}" -jar "$jar" --server.port="$port" --management.server.port="$management" \
  >"$work/app.log" 2>&1 &
app_pid=$!
base="http://127.0.0.1:$port"
metrics="http://127.0.0.1:$management/actuator/prometheus"
ready() {
  kill -0 "$app_pid" 2>/dev/null || { tail -40 "$work/app.log" >&2; fail "BuildNest died while starting"; }
  curl -fsS "http://127.0.0.1:$management/actuator/health/readiness" | grep -q '"status":"UP"'
}
wait_for 600 "readiness" ready || { tail -40 "$work/app.log"; fail "BuildNest was not ready within 600 s"; }
active=$(query "SELECT COUNT(*) FROM catalog_product WHERE active")
indexed() { curl -fsS "$base/api/products?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["page"]["totalElements"])'; }
index_complete() { [[ "$(indexed)" -ge "$active" ]]; }
wait_for 600 "search index holds all $active active products" index_complete \
  || fail "the search index holds $(indexed) of $active active products"

# 4./5. The load, and for a soak the sampler.
out="$work/out"
mkdir -p "$out"
sample() { # sample PHASE: one row of samples.csv after a full GC; time counts from the load's start
  local origin
  origin=$(cat "$out/load-started" 2>/dev/null || date +%s)
  jcmd "$app_pid" GC.run >/dev/null 2>&1 || return 0
  curl -fsS "$metrics" | python3 ops/load/report.py sample "$1" "$origin" >>"$out/samples.csv"
}
if [[ -n "$soak" ]]; then
  sim_rate=$rate sim_steps=1 sim_seconds=$soak
  every=${sample_every:-$((soak / 60 > 10 ? soak / 60 : 10))}
  echo "t_s,phase,heap_after_gc_bytes,hikari_active,hikari_idle,hikari_pending,open_fds,threads" >"$out/samples.csv"
  sample before
  ( until [[ -s "$out/requests.csv" ]]; do sleep 1; done  # the simulation has started
    date +%s >"$out/load-started"
    sleep "$warmup"
    while sleep "$every"; do sample load; done ) &
  sampler_pid=$!
else
  sim_rate=$rate sim_steps=$steps sim_seconds=$step_seconds
fi
log "load: Gatling (./mvnw -Pload gatling:test); its console report follows every 5 s"
load_started=$(date -u +%FT%TZ)
./mvnw -B -ntp -Pload test-compile gatling:test -Dgatling.simulationClass=com.buildnest.load.TrafficMixSimulation \
  -Dload.baseUrl="$base" -Dload.data="$data" -Dload.out="$out" -Dload.rate="$sim_rate" \
  -Dload.increment="$increment" -Dload.steps="$sim_steps" -Dload.stepSeconds="$sim_seconds" \
  -Dload.warmupSeconds="$warmup" 2>&1 \
  | tee "$work/gatling.log" | grep --line-buffered -E '^(load:|> |---- |\[#|Simulation|Reports|\[ERROR\])' >&2 \
  || { tail -40 "$work/gatling.log"; fail "Gatling failed"; }
[[ -s "$out/steps.csv" ]] || { tail -40 "$work/gatling.log"; fail "the simulation wrote no step verdicts"; }
if [[ -n "$soak" ]]; then
  kill "$sampler_pid" 2>/dev/null || true
  wait "$sampler_pid" 2>/dev/null || true
  sampler_pid=""
  sleep 10 # the pool's connections come back, keep-alive connections close
  sample after
fi
errors=$(grep -c '"level":"ERROR"\|ERROR' "$work/app.log" || true)

# Reports: per-second series, plot, tables.
python3 ops/load/report.py series "$out/requests.csv" "$out/series.dat"
steps_table=$(python3 ops/load/report.py steps "$out/steps.csv")
requests_table=$(python3 ops/load/report.py requests "$out/requests.csv")
read -r best_rate best_rps <"$out/steps.csv.best" || true
result_dir="$state/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$result_dir"
cp "$out"/*.csv "$out/series.dat" "$result_dir/"
# The application's log stays with the results (it never holds a secret): what the errors were.
cp "$work/app.log" "$result_dir/app.log"
name=$([[ -n "$soak" ]] && echo load-soak || echo load-latency)
plot="$result_dir/$name.png"
ops/load/plot.sh "$out/series.dat" "$plot" "$warmup" "${soak:-$step_seconds}" "$([[ -n "$soak" ]] && echo "$out/samples.csv")"
echo "$steps_table"
echo
echo "$requests_table"
verdict=0
if [[ -n "$soak" ]]; then
  soak_report=$(python3 ops/load/report.py soak "$out/samples.csv" 2>&1) || verdict=$?
  echo "$soak_report"
  ((verdict != 2)) || fail "the soak could not be judged: $soak_report"
else
  if [[ "$best_rate" == none ]]; then
    log "no step met the targets: even $rate visits/s is too much"
  else
    echo "$best_rate $best_rps" >"$state/max-rate"
    log "highest sustainable rate: $best_rate visits/s ($best_rps requests/s)"
  fi
fi
log "results in $result_dir; application log lines with ERROR: $errors (in $result_dir/app.log)"

if [[ "$record" == true ]]; then
  mkdir -p docs/benchmarks
  cp "$plot" "docs/benchmarks/$name.png"
  section="$work/section.md"
  machine="$(nproc) vCPU, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1), MariaDB $(query 'SELECT VERSION()'), Redis $(redis-cli -h 127.0.0.1 INFO server 2>/dev/null | awk -F: '/redis_version/ {print $2}' | tr -d '\r')"
  command="ops/load/run.sh --users $users --products $products --orders $orders --seed $seed"
  if [[ -n "$soak" ]]; then
    command+=" --soak ${soak}s --rate $rate --warmup $warmup --record"
  else
    command+=" --rate $rate --increment $increment --steps $steps --step-seconds $step_seconds --warmup $warmup --record"
  fi
  {
    echo "<!-- $name:start -->"
    if [[ -n "$soak" ]]; then
      echo "## Soak: ${soak} s at $rate visits/s, prod profile on MariaDB + Redis (issue 9)"
    else
      echo "## Highest sustainable throughput of the traffic mix, prod profile on MariaDB + Redis (issue 9)"
    fi
    echo
    echo "Command: \`$command\` (docs/load-testing.md). Date: $load_started."
    echo "Machine: $machine; load average before the run: $load_before, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "(the run's own load included). Application, Gatling,"
    echo "MariaDB and Redis share the same cores. JVM options: ${opts:-none}."
    echo "Data: \`generate --users=$users --products=$products --orders=$orders --seed=$seed\`."
    echo "Mix (visits): 60 % browse and search, 25 % cart and checkout with simulated payment, 10 % registration"
    echo "and login, 5 % admin; targets p95 < 500 ms, p99 < 1 s, errors < 0.1 % per step."
    if awk -v cores="$(nproc)" '{exit !($1 > cores)}' <<<"$load_before"; then
      echo
      echo "**The machine was loaded by other work when this run began** (load average above its $(nproc) cores),"
      echo "so these figures check the harness, not the platform: run the command again on a quiet machine."
    fi
    if ((users != 10000 || products != 50000 || orders != 100000)); then
      echo
      echo "This run used a smaller data set than production's. The full run, on a quiet machine:"
      echo "\`ops/load/run.sh --record\` and then \`ops/load/run.sh --reuse --soak 30m --record\`."
    fi
    echo
    if [[ -n "$soak" ]]; then
      echo "Result: $([[ $verdict == 0 ]] && echo "no memory growth and no connection leak found" || echo "**a leak was found**")."
      echo
      echo '```'
      echo "$soak_report"
      echo '```'
    else
      if [[ "$best_rate" == none ]]; then
        echo "Result: **no step met the targets**, not even the first at $rate visits/s."
      else
        echo "Result: highest sustainable rate **${best_rate} visits/s (${best_rps} requests/s)**."
      fi
    fi
    echo
    echo "$steps_table"
    echo
    echo "![latency over time](benchmarks/$name.png)"
    echo
    echo "<details><summary>Every request of the run, warm-up included, by part of the mix</summary>"
    echo
    echo "$requests_table"
    echo
    echo "</details>"
    echo "<!-- $name:end -->"
  } >"$section"
  record_section "$name" "$section" docs/benchmarks.md
  log "recorded in docs/benchmarks.md and docs/benchmarks/$name.png"
fi
((verdict == 0)) || fail "the soak found a leak (see above)"
