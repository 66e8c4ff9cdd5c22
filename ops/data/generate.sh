#!/usr/bin/env bash
# Fills a database with production-scale, realistic data for load tests and migration drills:
# categories, products (tier prices, pack sizes, attributes, images), customer accounts with
# addresses, a year of orders (lines, invoices, payments, refunds), stock with its ledger, reviews
# and sales facts. Runs the packaged jar's `generate` mode: Liquibase migrates first, the search
# index is rebuilt at the end, and a database that already has products is refused.
#
# Usage: ops/data/generate.sh [--users N] [--products N] [--orders N] [--seed N] [--append]
#                             [--allow-prod] [--skip-index] [--database NAME | --url JDBC_URL]
#                             [--data-dir DIR] [--dry-run]
#   --users N        customer accounts (default 10000)
#   --products N     products (default 50000)
#   --orders N       orders of the 12 months before 2026-11-01, with payments, stock movements,
#                    reviews and sales facts (default 100000; 0 for none)
#   --seed N         the same seed always gives the same data (default 1)
#   --append         add to a database that already has products
#   --allow-prod     run although the prod profile is active (staging copies only)
#   --skip-index     do not rebuild the search index; BuildNest rebuilds it when it starts
#   --database NAME  MariaDB database on 127.0.0.1:3306 (user root), created if missing,
#                    used with the services profile (MariaDB + Redis)
#   --url JDBC_URL   any database URL (credentials from SPRING_DATASOURCE_USERNAME/_PASSWORD)
#   --data-dir DIR   BuildNest's data directory, where the search index lives; give the same one
#                    the application will run with (default ./data)
# Without --database or --url it fills the embedded H2 database under the data directory.
# Every generated account's password is BuildNest-Load-Test-2026 (docs/data-generator.md).
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"

generator_args=() spring_args=() data_dir=./data
while (($#)); do
  case "$1" in
    --users|--products|--orders|--seed) [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || fail "$1 needs a whole number"
                               generator_args+=("$1=$2"); shift 2 ;;
    --append|--allow-prod|--skip-index) generator_args+=("$1"); shift ;;
    --database) [[ $# -ge 2 && "$2" =~ ^[A-Za-z0-9_]+$ ]] || fail "--database needs a name of letters, digits and _"
                database=$2; shift 2 ;;
    --url) [[ $# -ge 2 ]] || fail "--url needs a JDBC URL"; url=$2; shift 2 ;;
    --data-dir) [[ $# -ge 2 ]] || fail "--data-dir needs a directory"; data_dir=$2; shift 2 ;;
    *) fail "unknown argument $1 (see --help)" ;;
  esac
done

if [[ -n "${database:-}" ]]; then
  run mariadb --protocol=tcp -h127.0.0.1 -uroot -e "CREATE DATABASE IF NOT EXISTS $database"
  spring_args+=(--spring.profiles.active=services "--spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/$database")
elif [[ -n "${url:-}" ]]; then
  spring_args+=("--spring.datasource.url=$url")
fi
spring_args+=("--buildnest.platform.data-dir=$data_dir")

jar=$(packaged_jar)
if [[ -z "$jar" && "$BUILDNEST_DRY_RUN" == true ]]; then
  jar=target/buildnest.jar
fi
[[ -n "$jar" ]] || fail "no jar found; build it with ./mvnw -DskipTests package"
log "generating into ${database:-${url:-the embedded database under $data_dir}}: ${generator_args[*]:-defaults}"
run java -jar "$jar" generate "${generator_args[@]}" "${spring_args[@]}"
