#!/usr/bin/env bash
# Smoke test of the embedded default, as a newcomer meets it: starts the packaged jar with no
# services configured (fresh data directory, environment cleared of SPRING_* settings), waits for
# readiness, checks the demo catalogue, the demo admin line and a problem body, then stops it with
# SIGTERM and expects a graceful exit. Prints the time to readiness and the resident memory.
#
# Usage: ops/smoke/embedded-default.sh [path/to/buildnest.jar] [--dry-run]
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
parse_common_flags "$@"

jar=${REMAINING_ARGS[0]:-$(packaged_jar)}
[[ -f "$jar" ]] || fail "no jar found; build it with ./mvnw -DskipTests package"
data=$(mktemp -d)
port=$(free_port)
out="$data/app.log"
log "starting $jar on port $port with data directory $data"
[[ "$BUILDNEST_DRY_RUN" == true ]] && { log "dry-run: would start, probe and stop the jar"; exit 0; }

started=$(date +%s%N)
env -u SPRING_PROFILES_ACTIVE -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME \
    -u SPRING_DATASOURCE_PASSWORD -u SPRING_DATA_REDIS_URL \
  java -jar "$jar" --server.port="$port" --buildnest.platform.data-dir="$data" >"$out" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

ready() { curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" | grep -q '"status":"UP"'; }
if ! wait_for 120 "readiness UP" ready; then
  tail -50 "$out" >&2
  fail "the embedded default did not become ready within 120 s"
fi
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
sleep 2
rss_kib=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")

# Every product of the demo catalogue's file, as packed in the jar, is in the shop (after its header line).
demo_products=$(python3 -c 'import sys, zipfile
rows = zipfile.ZipFile(sys.argv[1]).read("BOOT-INF/classes/catalog/demo-products.tsv").decode().splitlines()
print(sum(1 for row in rows[1:] if row.strip()))' "$jar")
curl -fsS "http://127.0.0.1:$port/api/products?size=1" | grep -q "\"totalElements\":${demo_products}[,}]" \
  || fail "the demo catalogue of $demo_products products is not there"
curl -sS "http://127.0.0.1:$port/api/no-such-thing" | grep -q '"code":"request.not-found"' \
  || fail "unknown routes do not answer with a problem"
grep -q "Demo admin login: username 'admin'" "$out" || fail "the log does not print the demo admin's login"
login=$(printf '{"username":"admin","password":"%s"}' "$(tr -d '\n' <"$data/demo-admin-password")")
access=$(curl -fsS -H 'Content-Type: application/json' -d "$login" "http://127.0.0.1:$port/api/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])') \
  || fail "the demo admin cannot sign in with the printed password"
curl -fsS -H "Authorization: Bearer $access" "http://127.0.0.1:$port/api/admin/customers" >/dev/null \
  || fail "the demo admin cannot open the admin API"
grep -q "BuildNest is ready at http://localhost:$port/" "$out" || fail "the log does not print the URL"

kill -TERM "$pid"
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$pid" 2>/dev/null; then fail "did not stop within 30 s of SIGTERM"; fi
wait "$pid" || code=$?
[[ "${code:-0}" == 0 || "${code:-0}" == 143 ]] || fail "exited with $code after SIGTERM"
grep -q "Graceful shutdown complete" "$out" || fail "shutdown was not graceful"
log "embedded default: ready in ${elapsed_ms} ms, resident memory $((rss_kib / 1024)) MiB, stopped gracefully"

# The same jar in the prod profile with nothing configured must refuse to start, clearly.
log "starting $jar in the prod profile with no settings: it must refuse"
refusal="$data/prod.log"
set +e
env -u SPRING_PROFILES_ACTIVE -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME \
    -u SPRING_DATASOURCE_PASSWORD -u SPRING_DATA_REDIS_URL \
  timeout 120 java -jar "$jar" --spring.profiles.active=prod --server.port="$port" \
    --buildnest.secrets-dir="$data/no-secrets" >"$refusal" 2>&1
code=$?
set -e
[[ $code != 0 && $code != 124 ]] || fail "the prod profile did not refuse to start (exit $code)"
grep -q "refuses to start in the prod profile" "$refusal" || fail "the refusal does not say why"
if grep -q $'^\tat ' "$refusal"; then fail "the refusal printed a stack trace"; fi
log "prod profile without settings: refused with exit code $code naming $(grep -o '  - ' "$refusal" | wc -l) problems"
