#!/usr/bin/env bash
# Benchmarks the catalogue at production scale on MariaDB + Redis: generates N products into a
# scratch database (dropped at the end), starts the packaged jar on it with the services
# profile, waits for readiness and for the search index to hold every product, then drives wrk
# (32 connections, 2 threads) at a trivial endpoint (/livez, the baseline), product details over
# random ids (first with few product views cached, then again after every product page was viewed
# once), category listings over random categories and keyword searches with facets over
# realistic words: a warm-up run, then a measured run, each. Prints a Markdown table and, with
# --record, replaces the catalogue section of docs/benchmarks.md with it.
#
# Usage: ops/bench/catalog.sh [--products N] [--duration SECONDS] [--warmup SECONDS]
#                             [--connections N] [--opts "JVM OPTIONS"] [--record] [--dry-run]
#   --products N     products to generate (default 50000)
#   --duration S     measured run per endpoint (default 30)
#   --warmup S       warm-up run per endpoint (default 20)
#   --connections N  wrk connections (default 32; always 2 threads)
#   --opts "..."     JVM options for the application
#   --record         write the results into docs/benchmarks.md
# Needs: java, mariadb client and server on 127.0.0.1:3306 (root), Redis on 127.0.0.1:6379,
# curl, python3 and wrk (apt-get install -y wrk). Builds the jar when there is none.
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"

products=50000 duration=30 warmup=20 connections=32 opts="" record=false
while (($#)); do
  case "$1" in
    --products) products=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --opts) opts=$2; shift 2 ;;
    --record) record=true; shift ;;
    *) fail "unknown argument $1 (see --help)" ;;
  esac
done
for number in "$products" "$duration" "$warmup" "$connections"; do
  [[ "$number" =~ ^[0-9]+$ ]] || fail "$number is not a whole number"
done

for tool in java mariadb curl python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done
command -v wrk >/dev/null || fail "wrk is missing: install it with apt-get install -y wrk"
mariadb --protocol=tcp -h127.0.0.1 -uroot -e "SELECT 1" >/dev/null || fail "MariaDB on 127.0.0.1:3306 does not answer"
log "products=$products warm-up=${warmup}s measured=${duration}s connections=$connections threads=2"
[[ "$BUILDNEST_DRY_RUN" == true ]] && exit 0

cd "$(dirname "$0")/../.."
# shellcheck source=ops/lib/scratch-app.sh
. ops/lib/scratch-app.sh
jar=$(scratch_jar)
scratch_begin buildnest_bench_catalog
query() { scratch_query "$1"; }
log "generating $products products into $database"
scratch_generate "$jar" --products="$products" --users=1000 --orders=0 --seed=1
scratch_start "$jar" "$opts"

active=$(query "SELECT COUNT(*) FROM catalog_product WHERE active")
indexed() {
  curl -fsS "$base/api/products?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["page"]["totalElements"])'
}
index_complete() { [[ "$(indexed)" == "$active" ]]; }
wait_for 300 "search index holds all $active active products" index_complete \
  || fail "the search index holds $(indexed) of $active active products"

query "SELECT id FROM catalog_product WHERE active" >"$work/ids.txt"
query "SELECT DISTINCT c.slug FROM catalog_category c JOIN catalog_product p ON p.category_id = c.id WHERE p.active" \
  >"$work/slugs.txt"
# What people type into a building-materials shop: materials, brands, sizes, two-word phrases.
printf '%s\n' cement tiles tile vitrified pipe wire tmt switch plywood putty primer hinge screw tank basin \
  emulsion mcb cpvc brick sand ultratech kajaria asian%20paints havells polycab astral jaquar century \
  wall%20tile pvc%20pipe fe%20500d 18%20mm white grey%20tile waterproof socket cable aggregate block \
  ppc%20cement opc%2053 gi%20pipe drawer%20channel exterior%20emulsion 600%20x%20600 >"$work/words.txt"
log "$(wc -l <"$work/ids.txt") product ids, $(wc -l <"$work/slugs.txt") categories, $(wc -l <"$work/words.txt") search words"

script="ops/bench/wrk/random-path.lua"
scenarios=(
  "trivial (/livez)|/livez|"
  "product details, views not yet cached|/api/products/%s|$work/ids.txt"
  "PRIME"
  "product details, every view cached once|/api/products/%s|$work/ids.txt"
  "category listing|/api/products?category=%s&size=24|$work/slugs.txt"
  "keyword search with facets|/api/products/search?query=%s&size=24|$work/words.txt"
)
rows=()
baseline=""
for scenario in "${scenarios[@]}"; do
  if [[ "$scenario" == PRIME ]]; then
    # Every product page viewed once, as in a shop that has been open a while: their views are now
    # in the cache (Redis), while the stock on each page is still read live.
    log "viewing every product once"
    python3 - "$base" "$work/ids.txt" <<'PY'
import http.client, sys, threading, urllib.parse
base, ids = urllib.parse.urlsplit(sys.argv[1]), [l.strip() for l in open(sys.argv[2]) if l.strip()]
failed = []
def view(part):
    connection = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
    for product in part:
        connection.request("GET", "/api/products/" + product)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            failed.append(product)
threads = [threading.Thread(target=view, args=(ids[i::8],)) for i in range(8)]
[t.start() for t in threads]
[t.join() for t in threads]
print(f"viewed {len(ids)} products, {len(failed)} failed", file=sys.stderr)
PY
    continue
  fi
  IFS='|' read -r name template values <<<"$scenario"
  wrk_args=(-t2 -c"$connections" --timeout 10s -s "$script" "$base" -- "$template")
  [[ -n "$values" ]] && wrk_args+=("$values")
  log "$name: warm-up ${warmup}s"
  wrk -d"${warmup}s" "${wrk_args[@]}" >"$work/warmup.txt"
  log "$name: measured ${duration}s"
  wrk -d"${duration}s" "${wrk_args[@]}" >"$work/run.txt"
  result=$(grep '^RESULT' "$work/run.txt") || { cat "$work/run.txt"; fail "wrk gave no result for $name"; }
  log "$name: $result"
  declare -A r=()
  for pair in ${result#RESULT }; do r[${pair%%=*}]=${pair#*=}; done
  [[ -z "$baseline" ]] && baseline=${r[rps]}
  share=$(python3 -c "print(f'{100 * ${r[rps]} / $baseline:.1f} %')")
  rows+=("| $name | ${r[rps]} | ${r[p50_ms]} | ${r[p90_ms]} | ${r[p99_ms]} | ${r[non2xx]} | ${r[socket_errors]} | $share |")
  unset r
done

categories=$(query "SELECT COUNT(*) FROM catalog_category")
table=$(printf '%s\n' "| endpoint | req/s | p50 ms | p90 ms | p99 ms | status ≥ 400 | socket errors | throughput vs trivial |" \
  "|---|---|---|---|---|---|---|---|" "${rows[@]}")
echo "$table"

if [[ "$record" == true ]]; then
  section="$work/section.md"
  {
    echo "<!-- catalog-bench:start -->"
    echo "## Catalogue under load: 50,000 products on MariaDB + Redis (issue 4)"
    echo
    echo "Targets: p99 < 50 ms and throughput ≥ 40 % of the trivial endpoint, for product details,"
    echo "category listings and keyword search with facets."
    echo
    echo "Command: \`ops/bench/catalog.sh --record\` (after \`./mvnw -DskipTests package\`). Date: $(date -u +%F)."
    echo "Machine: $(nproc) vCPU, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1),"
    echo "MariaDB $(query "SELECT VERSION()"), Redis; load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) (the machine"
    echo "was shared with other builds). Data: $products products in $categories categories from"
    echo "\`generate --products=$products --users=1000 --seed=1\`; wrk 4.1.0, 2 threads, $connections connections, a"
    echo "${warmup} s warm-up then ${duration} s measured per endpoint over random ids, category slugs and search words"
    echo "(\`ops/bench/wrk/random-path.lua\`); app and wrk on the same 2 cores. JVM options: ${opts:-none}."
    echo
    echo "$table"
    echo "<!-- catalog-bench:end -->"
  } >"$section"
  record_section catalog-bench "$section" docs/benchmarks.md
  log "recorded in docs/benchmarks.md"
fi
