#!/usr/bin/env bash
# Starts the local MariaDB and Redis that the test suite and CI use, if they are not already
# running, and waits until both answer. Idempotent: running services are left alone.
#
# Usage: ops/services/ensure-local-services.sh [--dry-run]
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
parse_common_flags "$@"

if mariadb-admin --protocol=tcp -h127.0.0.1 -uroot ping >/dev/null 2>&1; then
  log "MariaDB is running"
else
  log "starting MariaDB"
  run start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  [[ "$BUILDNEST_DRY_RUN" == true ]] || wait_for 60 "MariaDB answers" \
    mariadb-admin --protocol=tcp -h127.0.0.1 -uroot ping || fail "MariaDB did not start within 60 s"
fi

redis_answers() { [[ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" == PONG ]]; }

if redis_answers; then
  log "Redis is running"
else
  log "starting Redis"
  run redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  [[ "$BUILDNEST_DRY_RUN" == true ]] || wait_for 30 "Redis answers" \
    redis_answers || fail "Redis did not start within 30 s"
fi
