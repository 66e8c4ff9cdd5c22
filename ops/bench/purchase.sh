#!/usr/bin/env bash
# Benchmarks complete purchases on MariaDB + Redis (issue 5's target: at least 100 a second at 16
# concurrent buyers on this 2-core machine): generates a catalogue with stock into a scratch
# database (dropped at the end), starts the packaged jar on it with the services profile and the
# simulated payment gateway (which also delivers its webhooks to the application, as Razorpay
# would), then runs com.buildnest.ordering.PurchaseLoad: each buyer adds a product to the cart,
# checks out with an Idempotency-Key, pays at the simulated gateway and verifies the payment, over
# and over; a warm-up, then a measured period. Afterwards it checks the books in the database:
# every purchase counted is a PAID order with a captured payment, no stock is negative or
# over-reserved. Also reports the application's CPU milliseconds per complete purchase (its process
# CPU time over the measured period, from /proc): the figure to compare when other work shares the
# machine and purchases a second swing with it. Prints a Markdown table and, with --record,
# replaces the purchase section of docs/benchmarks.md with it.
#
# Usage: ops/bench/purchase.sh [--buyers N] [--duration SECONDS] [--warmup SECONDS]
#                              [--products N] [--opts "JVM OPTIONS"] [--record] [--dry-run]
#   --buyers N       concurrent buyers (default 16)
#   --duration S     measured period (default 60)
#   --warmup S       warm-up period (default 120: the JIT compiler needs about two minutes on two
#                    shared cores; at 30 s it still took 30 % of the application's CPU)
#   --products N     products to generate (default 10000)
#   --opts "..."     JVM options for the application
#   --record         write the results into docs/benchmarks.md
# Needs: java, mariadb client and server on 127.0.0.1:3306 (root), Redis on 127.0.0.1:6379, curl;
# wrk (apt-get install -y wrk) for the trivial endpoint's rate, the machine's speed, printed beside the result.
# Builds the jar and the test classes when missing.
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"

buyers=16 duration=60 warmup=120 products=10000 opts="" record=false
while (($#)); do
  case "$1" in
    --buyers) buyers=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --products) products=$2; shift 2 ;;
    --opts) opts=$2; shift 2 ;;
    --record) record=true; shift ;;
    *) fail "unknown argument $1 (see --help)" ;;
  esac
done
for number in "$buyers" "$duration" "$warmup" "$products"; do
  [[ "$number" =~ ^[0-9]+$ ]] || fail "$number is not a whole number"
done
for tool in java mariadb curl; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done
mariadb --protocol=tcp -h127.0.0.1 -uroot -e "SELECT 1" >/dev/null || fail "MariaDB on 127.0.0.1:3306 does not answer"
log "buyers=$buyers warm-up=${warmup}s measured=${duration}s products=$products"
[[ "$BUILDNEST_DRY_RUN" == true ]] && exit 0

cd "$(dirname "$0")/../.."
# shellcheck source=ops/lib/scratch-app.sh
. ops/lib/scratch-app.sh
jar=$(scratch_jar)
log "compiling the load driver"
./mvnw -B -ntp -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
scratch_begin buildnest_bench_purchase
log "generating $products products with stock into $database"
scratch_generate "$jar" --products="$products" --users=$((buyers > 100 ? buyers : 100)) --orders=0 --seed=1
scratch_start "$jar" "$opts"

scratch_query "SELECT username FROM customer_account ORDER BY id LIMIT $buyers" >"$work/buyers.txt"
# The machine's own speed, for comparing runs on different machines of the kind (their trivial rate
# has ranged from 2,500 to 16,500 requests a second): a request that does nothing, before the load.
trivial="not measured (wrk is missing)"
if command -v wrk >/dev/null; then
  wrk -t2 -c"$buyers" -d5s "$base/livez" >/dev/null
  trivial="$(wrk -t2 -c"$buyers" -d10s "$base/livez" | awk '/Requests\/sec/ {printf "%.0f", $2}') requests/s"
fi
log "trivial endpoint (/livez, wrk, $buyers connections): $trivial"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# MariaDB's own counters, server-wide: statements received and transactions committed.
server_counters() {
  scratch_query "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_commit', 'Com_select', 'Com_insert', 'Com_update', 'Com_delete')" \
    | awk '{printf "%s=%s ", $1, $2}'
}
counters_before=$(server_counters)
# The one password of every generated account (docs/data-generator.md).
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" com.buildnest.ordering.PurchaseLoad \
  "$base" "$buyers" "$warmup" "$duration" "$work/buyers.txt" BuildNest-Load-Test-2026 "$app_pid" >"$work/load.txt"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cat "$work/load.txt"
log "load average before the load: $load_before; after it: $load_after"
result=$(grep '^RESULT' "$work/load.txt") || fail "the load driver gave no result"
declare -A r=()
for pair in ${result#RESULT }; do r[${pair%%=*}]=${pair#*=}; done

sleep 5 # webhooks still in flight settle the last orders a second time (idempotently)
paid=$(scratch_query "SELECT COUNT(*) FROM ordering_order WHERE status = 'PAID'")
pending=$(scratch_query "SELECT COUNT(*) FROM ordering_order WHERE status IN ('PENDING_PAYMENT', 'PAYMENT_FAILED')")
captured=$(scratch_query "SELECT COUNT(*) FROM payment WHERE status = 'CAPTURED'")
negative=$(scratch_query "SELECT COUNT(*) FROM inventory_stock WHERE on_hand < 0 OR reserved < 0 OR reserved > on_hand")
log "orders PAID=$paid (pending or failed: $pending), payments captured=$captured, stock rows out of bounds=$negative"
counters_after=$(server_counters)
# Per order placed over the whole run (warm-up included; the other statements of the run are few).
orders=$(scratch_query "SELECT COUNT(*) FROM ordering_order")
per_order=$(python3 - "$counters_before" "$counters_after" "$orders" <<'PY'
import sys
before = dict(pair.split("=") for pair in sys.argv[1].split())
after = dict(pair.split("=") for pair in sys.argv[2].split())
orders = int(sys.argv[3])
print(", ".join(f"{name} {(int(after[name]) - int(before[name])) / orders:.1f}" for name in
                ("Questions", "Com_select", "Com_insert", "Com_update", "Com_delete", "Com_commit")))
PY
)
log "MariaDB per order placed: $per_order"
((negative == 0)) || fail "stock went out of bounds"
((paid == captured)) || fail "$paid paid orders but $captured captured payments"
((paid >= r[purchases])) || fail "the driver counted ${r[purchases]} purchases in the measured period but only $paid orders are PAID"

table=$(printf '%s\n' "| buyers | complete purchases/s | app CPU ms per purchase | purchase p50 ms | p90 ms | p99 ms | failed calls | orders PAID (whole run) | stock out of bounds |" \
  "|---|---|---|---|---|---|---|---|---|" \
  "| $buyers | ${r[per_second]} | ${r[cpu_ms_per_purchase]} | ${r[p50_ms]} | ${r[p90_ms]} | ${r[p99_ms]} | ${r[failed]} | $paid | $negative |")
echo "$table"

if [[ "$record" == true ]]; then
  section="$work/section.md"
  {
    echo "<!-- purchase-bench:start -->"
    echo "## Complete purchases on MariaDB + Redis (issue 5)"
    echo
    echo "Target: at least 100 complete purchases a second (cart, checkout, simulated payment, verify) at 16"
    echo "concurrent buyers."
    echo
    echo "Command: \`ops/bench/purchase.sh --record\` (after \`./mvnw -DskipTests package\`). Date: $(date -u +%F)."
    echo "Machine: $(nproc) vCPU, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1),"
    echo "MariaDB $(scratch_query "SELECT VERSION()"), Redis; load average before the load: $load_before, after it: $load_after."
    echo "Data: $products generated products with stock (\`generate --products=$products --users=100 --seed=1\`)."
    echo "Load: \`com.buildnest.ordering.PurchaseLoad\`, $buyers buyers each on its own thread and connection, a"
    echo "${warmup} s warm-up then ${duration} s measured; each purchase is four API calls (add to cart, checkout"
    echo "with an Idempotency-Key, pay at the simulated gateway, verify), and the gateway also posts its"
    echo "webhooks to the application. App, load driver, MariaDB and Redis on the same 2 cores. JVM options: ${opts:-none}."
    echo "The same application's trivial endpoint (/livez, wrk, $buyers connections, just before the load): $trivial."
    echo
    echo "$table"
    echo
    echo "Per step (measured period):"
    echo
    echo '```'
    grep -E '^  |^application CPU|^CPU per|^application ÷' "$work/load.txt"
    echo "MariaDB per order placed (whole run): $per_order"
    echo '```'
    echo "<!-- purchase-bench:end -->"
  } >"$section"
  record_section purchase-bench "$section" docs/benchmarks.md
  log "recorded in docs/benchmarks.md"
fi
