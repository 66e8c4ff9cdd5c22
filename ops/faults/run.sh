#!/usr/bin/env bash
# Fault drill (issue 9, "Faults"): runs the packaged BuildNest against a MariaDB and a Redis of its
# own (a throwaway mariadbd with its own data directory and a redis-server without persistence, both
# on free ports; the shared servers on 3306 and 6379 are never touched), keeps buyers browsing,
# signing in and buying (com.buildnest.faults.FaultLoad) the whole time, and meanwhile:
#   1. kills MariaDB (SIGKILL) and starts it again on the same data directory;
#   2. stops Redis and starts it again (empty, as a replacement node would be);
#   3. kills the application (SIGKILL) while buyers are between checkout and payment, and while a
#      payment verification is in flight, then starts it again.
# Then it lets the reservation expiry and the payment reconciliation run (shortened to seconds) and
# judges (ops/faults/judge.py): no 500 and no 5xx without a problem body at any time; during the
# database outage 503 problems and a recovery without a restart; during the Redis outage no 5xx at
# all and cache entries back afterwards; every order the shop acknowledged is in the database (and
# every acknowledged payment is captured); no half-written order (order without lines, payment
# without order, reserved stock without reservation rows); the stock ledger explains every stock row;
# every captured payment belongs to a paid order, no order was paid twice, no order or payment stuck.
# Prints what it measured and exits non-zero on any breach.
#
# Usage: ops/faults/run.sh [--ci] [--buyers N] [--outage SECONDS] [--keep DIR] [--dry-run]
#   --ci            the small run CI makes: 4 buyers, 6 s outages, 100 products
#   --buyers N      concurrent buyers (default 8)
#   --outage S      how long each service stays down (default 10)
#   --products N    products to generate (default 300)
#   --keep DIR      copy the logs, the traffic record and the verdict into DIR
# Needs: java, mariadb-install-db, mariadbd, mariadb, redis-server, redis-cli, curl, python3.
# Builds the jar and the test classes when missing.
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"

buyers=8 outage=10 products=300 keep=""
while (($#)); do
  case "$1" in
    --ci) buyers=4 outage=6 products=100; shift ;;
    --buyers) buyers=$2; shift 2 ;;
    --outage) outage=$2; shift 2 ;;
    --products) products=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    *) fail "unknown argument $1 (see --help)" ;;
  esac
done
for number in "$buyers" "$outage" "$products"; do
  [[ "$number" =~ ^[0-9]+$ ]] || fail "$number is not a whole number"
done
((buyers >= 1 && buyers <= 64)) || fail "--buyers must be 1 to 64"
for tool in java mariadb-install-db mariadbd mariadb redis-server redis-cli curl python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done
log "plan: $buyers buyers, $products products, ${outage}s outages of MariaDB and Redis, one SIGKILL of the application"
[[ "$BUILDNEST_DRY_RUN" == true ]] && { log "dry-run: nothing started"; exit 0; }

cd "$(dirname "$0")/../.."
# shellcheck source=ops/lib/scratch-app.sh
. ops/lib/scratch-app.sh # for scratch_jar only: this drill's database is not a scratch one on the shared server
jar=$(scratch_jar)
log "compiling the traffic driver"
./mvnw -B -ntp -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/faults-classpath.txt >&2

work=$(mktemp -d /tmp/buildnest-faults-XXXXXX)
db_pid="" redis_pid="" app_pid="" load_pid=""
stop_all() {
  local pid
  for pid in "$load_pid" "$app_pid" "$redis_pid" "$db_pid"; do
    if [[ -n "$pid" ]]; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  if [[ -n "$keep" ]]; then
    mkdir -p "$keep" && cp "$work"/*.log "$work"/*.tsv "$work"/verdict.txt "$keep"/ 2>/dev/null
    log "logs kept in $keep"
  fi
  rm -rf "$work"
  return 0
}
trap stop_all EXIT
trap 'exit 130' INT TERM

db_port=$(free_port) redis_port=$(free_port) app_port=$(free_port)
base="http://127.0.0.1:$app_port"
database=buildnest_faults
phase() { printf '%s\t%s\n' "$(date +%s%3N)" "$1" >>"$work/phases.tsv"; log "phase: $1"; }

# --- MariaDB of its own -------------------------------------------------------------------
mariadb-install-db --no-defaults --datadir="$work/data" --user="$(id -un)" --auth-root-authentication-method=normal \
  --skip-test-db >"$work/mariadb-install.log" 2>&1 || { cat "$work/mariadb-install.log"; fail "mariadb-install-db failed"; }
db_start() {
  mariadbd --no-defaults --datadir="$work/data" --user="$(id -un)" --port="$db_port" --bind-address=127.0.0.1 \
    --socket="$work/mariadb.sock" --pid-file="$work/mariadb.pid" --log-error="$work/mariadb.log" \
    --innodb-buffer-pool-size=64M --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci &
  db_pid=$!
  wait_for 60 "MariaDB on port $db_port" mariadb --protocol=tcp -h127.0.0.1 -P"$db_port" -uroot -e "SELECT 1" \
    || fail "MariaDB did not start (see $work/mariadb.log)"
}
sql() { mariadb --protocol=tcp -h127.0.0.1 -P"$db_port" -uroot -N -B "$database" -e "$1"; }
db_start
mariadb --protocol=tcp -h127.0.0.1 -P"$db_port" -uroot -e "DELETE FROM mysql.global_priv WHERE user = ''; FLUSH PRIVILEGES;
  CREATE DATABASE $database CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

# --- Redis of its own ---------------------------------------------------------------------
redis_start() {
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" \
    --logfile "$work/redis.log" &
  redis_pid=$!
  wait_for 20 "Redis on port $redis_port" redis-cli -p "$redis_port" ping || fail "Redis did not start"
}
redis_start

# --- BuildNest ------------------------------------------------------------------------------
app=(env SPRING_PROFILES_ACTIVE=services SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:$db_port/$database"
  SPRING_DATASOURCE_USERNAME=root SPRING_DATASOURCE_PASSWORD= SPRING_DATA_REDIS_URL="redis://127.0.0.1:$redis_port"
  SPRING_CACHE_REDIS_KEY_PREFIX="faults:"
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m -jar "$jar")
log "generating $products products and $((buyers + 2)) customers"
"${app[@]}" generate --products="$products" --users=$((buyers + 2)) --orders=0 --seed=9 \
  --buildnest.platform.data-dir="$work/app-data" >"$work/generate.log" 2>&1 \
  || { tail -30 "$work/generate.log"; fail "generation failed"; }
# Timings shortened from minutes to seconds, so that expiry and reconciliation act within the drill.
drill_settings=(--buildnest.platform.data-dir="$work/app-data" --server.port="$app_port" --buildnest.ordering.reservation-ttl=15s --buildnest.ordering.expire-every=2s
  --buildnest.payment.reconciliation.after=3s --buildnest.payment.reconciliation.expire-after=15s
  --buildnest.payment.reconciliation.every=2s --buildnest.inventory.release-expired-every=2s
  --buildnest.platform.throttle.limits.login-ip.capacity=1000000 --buildnest.platform.throttle.limits.login-ip.period=1m)
ready() { curl -fsS "$base/actuator/health/readiness" | grep -q '"status":"UP"'; }
app_start() {
  "${app[@]}" "${drill_settings[@]}" >>"$work/app.log" 2>&1 &
  app_pid=$!
  wait_for 180 "BuildNest ready on port $app_port" ready || { tail -40 "$work/app.log"; fail "BuildNest was not ready"; }
}
app_start

# --- Traffic --------------------------------------------------------------------------------
sql "SELECT username FROM customer_account WHERE username NOT LIKE 'admin%' ORDER BY id" | head -n $((buyers + 1)) \
  >"$work/buyers.txt"
# The one password of every generated account (docs/data-generator.md).
password=BuildNest-Load-Test-2026
java -cp "target/test-classes:target/classes:$(cat target/faults-classpath.txt)" com.buildnest.faults.FaultLoad \
  "$base" "$work/buyers.txt" "$password" "$buyers" "$work" "$work/stop" >"$work/load.log" 2>&1 &
load_pid=$!
wait_for 60 "traffic flowing" test -s "$work/acknowledged.tsv" || { cat "$work/load.log"; fail "no purchase went through"; }
curl -fsS "$base/api/products?inStock=true&sort=newest&size=5" \
  | python3 -c 'import json,sys; print("\n".join(str(p["id"]) for p in json.load(sys.stdin)["content"]))' >"$work/offers.txt"
phase steady
sleep "$outage"

# 1. MariaDB killed and started again.
phase db-down
kill -KILL "$db_pid"; wait "$db_pid" 2>/dev/null || true
sleep 2
down_answer=$(curl -sS -i "$base/api/products/search?query=outage-probe-$RANDOM" | tr -d '\r' | grep -E '^HTTP|^Retry-After|"code"' \
  | tr '\n' ' ' || true)
log "a search while the database is down: ${down_answer:0:300}"
sleep $((outage > 2 ? outage - 2 : 0))
db_start
phase db-up
recovered() { [[ $(curl -s -o /dev/null -w '%{http_code}' "$base/api/products/search?query=recovery-$RANDOM") == 200 ]]; }
wait_for 60 "BuildNest answering from the database again" recovered || fail "BuildNest did not recover from the database restart"
phase db-recovered
sleep "$outage"

# 2. Redis stopped and started again, empty.
phase redis-down
kill "$redis_pid"; wait "$redis_pid" 2>/dev/null || true
sleep 1
# A sign-in while Redis is down (its throttle falls back to in-process buckets), besides the traffic's.
signin=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"username\":\"$(head -n 1 "$work/buyers.txt")\",\"password\":\"$password\"}" "$base/api/auth/login" || true)
printf '%s\tredis-down-sign-in\t%s\n' "$(date +%s%3N)" "$signin" >>"$work/phases.tsv"
product_page=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$base/api/products/$(head -n 1 "$work/offers.txt")" || true)
printf '%s\tredis-down-product\t%s\n' "$(date +%s%3N)" "$product_page" >>"$work/phases.tsv"
log "while Redis is down, a sign-in answered $signin and a product page $product_page"
sleep $((outage > 1 ? outage - 1 : 0))
redis_start
phase redis-up
sleep "$outage"
cached=$(redis-cli -p "$redis_port" --scan --pattern 'faults:*' | wc -l)
printf '%s\tredis-keys\t%s\n' "$(date +%s%3N)" "$cached" >>"$work/phases.tsv"
log "cache entries written since Redis returned: $cached"

# 3. The application killed mid-checkout: one buyer of the drill's own stops after paying (before
#    verifying); another is cut off while verifying; the traffic keeps everyone else mid-purchase.
drill_buyer=$(tail -n 1 "$work/buyers.txt")
token=$(curl -fsS -H 'Content-Type: application/json' -d "{\"username\":\"$drill_buyer\",\"password\":\"$password\"}" \
  "$base/api/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
api() { curl -sS -H 'Content-Type: application/json' -H "Authorization: Bearer $token" "$@"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
address=$(api -d '{"label":"Drill","recipientName":"Drill Buyer","phone":"+919845012345","line1":"Plot 1","city":"Bengaluru","state":"Karnataka","pinCode":"560001"}' \
  "$base/api/me/addresses" | field 'd["id"]')
product=$(curl -fsS "$base/api/products?inStock=true&sort=newest&size=1" | field 'd["content"][0]["id"]')
moq=$(curl -fsS "$base/api/products/$product" | field 'd["minimumOrderQuantity"]')
checkout_and_pay() {
  api -d "{\"productId\":$product,\"quantity\":$moq}" "$base/api/cart/items" >/dev/null
  local order gateway_order
  order=$(api -H "Idempotency-Key: drill-$1-$RANDOM" -d "{\"shippingAddressId\":$address,\"paymentMethod\":\"upi\"}" \
    "$base/api/checkout")
  printf '%s\t%s\tPENDING_PAYMENT\n' "$(date +%s%3N)" "$(field 'd["orderNumber"]' <<<"$order")" >>"$work/drill-orders.tsv"
  gateway_order=$(field 'd["payment"]["gatewayOrderId"]' <<<"$order")
  api -d '{"outcome":"success"}' "$base/api/payments/simulated/$gateway_order/pay"
}
checkout_and_pay paid-not-verified >/dev/null
browser=$(checkout_and_pay verifying)
api -d "$browser" "$base/api/payments/razorpay/verify" >/dev/null 2>&1 &
verifying=$!
sleep 0.1 # the verification reaches the application
phase app-killed
kill -KILL "$app_pid"; wait "$app_pid" 2>/dev/null || true
wait "$verifying" 2>/dev/null || true
kill_orders=$(sql "SELECT COUNT(*) FROM ordering_order WHERE status = 'PENDING_PAYMENT'")
printf '%s\tpending-at-kill\t%s\n' "$(date +%s%3N)" "$kill_orders" >>"$work/phases.tsv"
log "orders awaiting payment when the application died: $kill_orders"
sleep 2
app_start
phase app-up
sleep "$outage"

# --- Settle and judge -------------------------------------------------------------------------
touch "$work/stop"
wait "$load_pid" || { cat "$work/load.log"; fail "the traffic driver failed"; }
load_pid=""
phase traffic-stopped
settled() { [[ $(sql "SELECT (SELECT COUNT(*) FROM ordering_order WHERE status IN ('PENDING_PAYMENT', 'PAYMENT_FAILED'))
  + (SELECT COUNT(*) FROM payment WHERE status = 'CREATED')
  + (SELECT COUNT(*) FROM ordering_order WHERE refund_owed_paise > 0)") == 0 ]]; }
wait_for 90 "every unpaid order expired or reconciled, every refund owed paid" settled || log "some orders are still unsettled after 90 s"
phase settled

for query in orders-without-lines payments-without-order reserved-without-reservations ledger-on-hand \
    ledger-reserved stock-out-of-bounds captured-not-paid refunds-owed paid-not-captured paid-twice amount-mismatch \
    stuck-orders stuck-payments active-reservations-of-closed-orders; do
  case "$query" in
    orders-without-lines) q="SELECT COUNT(*) FROM ordering_order o WHERE NOT EXISTS (SELECT 1 FROM ordering_order_line l WHERE l.order_id = o.id)" ;;
    payments-without-order) q="SELECT COUNT(*) FROM payment p WHERE NOT EXISTS (SELECT 1 FROM ordering_order o WHERE o.order_number = p.order_number)" ;;
    reserved-without-reservations) q="SELECT COUNT(*) FROM inventory_stock s WHERE s.reserved <> (SELECT COALESCE(SUM(r.quantity), 0) FROM inventory_reservation r WHERE r.sku = s.sku AND r.status = 'ACTIVE')" ;;
    ledger-on-hand) q="SELECT COUNT(*) FROM inventory_stock s WHERE s.on_hand <> (SELECT COALESCE(SUM(m.on_hand_change), 0) FROM inventory_movement m WHERE m.sku = s.sku)" ;;
    ledger-reserved) q="SELECT COUNT(*) FROM inventory_stock s WHERE s.reserved <> (SELECT COALESCE(SUM(m.reserved_change), 0) FROM inventory_movement m WHERE m.sku = s.sku)" ;;
    stock-out-of-bounds) q="SELECT COUNT(*) FROM inventory_stock WHERE on_hand < 0 OR reserved < 0 OR reserved > on_hand" ;;
    captured-not-paid) q="SELECT COUNT(*) FROM payment p JOIN ordering_order o ON o.order_number = p.order_number WHERE p.status = 'CAPTURED' AND o.status <> 'PAID' AND o.refund_owed_paise = 0" ;;
    refunds-owed) q="SELECT COUNT(*) FROM ordering_order WHERE refund_owed_paise > 0" ;;
    paid-not-captured) q="SELECT COUNT(*) FROM ordering_order o LEFT JOIN payment p ON p.order_number = o.order_number WHERE o.status = 'PAID' AND (p.status IS NULL OR p.status <> 'CAPTURED')" ;;
    paid-twice) q="SELECT COUNT(*) FROM (SELECT order_id FROM ordering_status_change WHERE to_status = 'PAID' GROUP BY order_id HAVING COUNT(*) > 1) twice" ;;
    amount-mismatch) q="SELECT COUNT(*) FROM payment p JOIN ordering_order o ON o.order_number = p.order_number WHERE p.amount_paise <> o.total_paise" ;;
    stuck-orders) q="SELECT COUNT(*) FROM ordering_order WHERE status IN ('PENDING_PAYMENT', 'PAYMENT_FAILED')" ;;
    stuck-payments) q="SELECT COUNT(*) FROM payment WHERE status = 'CREATED'" ;;
    active-reservations-of-closed-orders) q="SELECT COUNT(*) FROM inventory_reservation r JOIN ordering_order o ON o.order_number = r.reference WHERE r.status = 'ACTIVE' AND o.status NOT IN ('PENDING_PAYMENT', 'PAYMENT_FAILED')" ;;
  esac
  printf '%s\t%s\n' "$query" "$(sql "$q")"
done >"$work/invariants.tsv"
sql "SELECT o.order_number, o.status, COALESCE(p.status, '-') FROM ordering_order o LEFT JOIN payment p ON p.order_number = o.order_number" \
  >"$work/orders.tsv"

python3 ops/faults/judge.py "$work" | tee "$work/verdict.txt"
verdict=${PIPESTATUS[0]}
((verdict == 0)) || { tail -20 "$work/app.log"; fail "the shop did not hold under faults (see above)"; }
log "the shop held under every fault"
