#!/usr/bin/env bash
# Migration test at production scale: the previous release's schema and data, then this release's
# migrations, each changeset timed and its locks probed; rollback to the previous release's tag and
# re-apply; schema and data checked at every step. Writes a Markdown report and a timed log.
#
# Usage: ops/db/migration-test.sh [--from REF|empty] [--users N] [--products N] [--orders N]
#          [--seed N] [--host HOST] [--port PORT] [--user USER] [--password-file FILE]
#          [--out DIR] [--fresh-data] [--keep] [--dry-run]
#   --from REF        the previous release: a git ref (tag v1.4.0, a commit); its jar is built once
#                     (cached by commit id) and migrates and generates the data. Default: the newest
#                     v* tag before HEAD, or "empty" when there is none (all migrations are new)
#   --users N         customer accounts (default 10000)
#   --products N      products (default 50000)
#   --orders N        orders (default 100000), when the generator can make orders
#   --seed N          the same seed gives the same data (default 1)
#   --host, --port, --user   the MariaDB/MySQL server (default 127.0.0.1, 3306, root); the password
#                     comes from the environment variable MIGRATION_TEST_DB_PASSWORD or from
#                     --password-file FILE (first line), never from the command line; none by default
#   --out DIR         where the report and log go (default target/migration-test)
#   --fresh-data      generate the data even when a snapshot of it is kept. The data is the same for
#                     the same generator, sizes, seed and server, so the first run saves it under
#                     ~/.cache/buildnest/migration-test/snapshots/ (InnoDB tablespaces, checksummed)
#                     and later runs restore it in seconds; that needs the server's data directory
#                     on this host (SELECT @@datadir), otherwise every run generates
#   --keep            keep the scratch databases (named migtest_<timestamp>…) for a look afterwards
#   --dry-run         check the prerequisites only (tools, jar, server, privileges) and exit
# Exit status: 0 when every phase passed, 1 otherwise. See docs/runbooks/database-migrations.md.
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"
cd "$(dirname "$0")/../.."

from="" users=10000 products=50000 orders=100000 seed=1 fresh_data=false
host=127.0.0.1 port=3306 user=root password_file="" out=target/migration-test keep=false
while (($#)); do
  case "$1" in
    --users|--products|--orders|--seed|--port)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || fail "$1 needs a whole number"
      printf -v "${1#--}" '%s' "$2"; shift 2 ;;
    --from) [[ $# -ge 2 && -n "$2" ]] || fail "--from needs a git ref or 'empty'"; from=$2; shift 2 ;;
    --host) [[ $# -ge 2 && "$2" =~ ^[A-Za-z0-9._:-]+$ ]] || fail "--host needs a host name"; host=$2; shift 2 ;;
    --user) [[ $# -ge 2 && "$2" =~ ^[A-Za-z0-9._@-]+$ ]] || fail "--user needs a user name"; user=$2; shift 2 ;;
    --password-file) [[ $# -ge 2 && -r "$2" ]] || fail "--password-file needs a readable file"
                     password_file=$2; shift 2 ;;
    --out) [[ $# -ge 2 && -n "$2" ]] || fail "--out needs a directory"; out=$2; shift 2 ;;
    --keep) keep=true; shift ;;
    --fresh-data) fresh_data=true; shift ;;
    *) fail "unknown argument $1 (see --help)" ;;
  esac
done

((BASH_VERSINFO[0] >= 4)) || fail "needs bash 4 or newer (macOS: brew install bash), this is $BASH_VERSION"

now_ms() { if [[ -n "${EPOCHREALTIME:-}" ]]; then local t=${EPOCHREALTIME/[.,]/}; echo "${t:0:${#t}-3}"; else echo $(($(date +%s) * 1000)); fi; }
seconds() { printf '%d.%d' $(($1 / 1000)) $(($1 % 1000 / 100)); }

work=$(mktemp -d)
chmod 700 "$work"
databases=() session_pid="" session_output=""
cleanup() {
  local database
  if [[ -n "$session_pid" ]]; then # a run that failed mid-step: its migrate session ends too
    kill "$session_pid" 2>/dev/null || true
    session_end
  fi
  for database in "${databases[@]}"; do
    if [[ "$keep" == true ]]; then log "kept database $database (--keep)"; else db -e "DROP DATABASE IF EXISTS \`$database\`" || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

# The password reaches the client through an owner-only option file and Java through its
# environment: never a command line, never the log.
password=${MIGRATION_TEST_DB_PASSWORD:-}
[[ -n "$password_file" ]] && IFS= read -r password <"$password_file"
printf '[client]\npassword="%s"\n' "${password//\"/\\\"}" >"$work/client.cnf"
chmod 600 "$work/client.cnf"
client=mariadb
command -v mariadb >/dev/null || client=mysql
db() { "$client" --defaults-extra-file="$work/client.cnf" --protocol=tcp -h"$host" -P"$port" -u"$user" "$@"; }
dump=mariadb-dump
command -v mariadb-dump >/dev/null || dump=mysqldump
in_db() { local database=$1; shift; db -N -B "$database" "$@"; }
# No profile: a SPRING_PROFILES_ACTIVE=prod (or services) in the caller's environment must not leak in.
jdbc_env() { echo env -u SPRING_PROFILES_ACTIVE SPRING_DATASOURCE_URL="jdbc:mariadb://$host:$port/$1" SPRING_DATASOURCE_USERNAME="$user"; }
export SPRING_DATASOURCE_PASSWORD=$password

# ---- report bookkeeping -----------------------------------------------------------------------
declare -a phase_rows=() check_rows=() failures=()
phase_started=0 phase_name=""
phase() { phase_end; phase_name=$1; phase_started=$(now_ms); log "== $1"; }
phase_end() {
  [[ -n "$phase_name" ]] || return 0
  local took=$(($(now_ms) - phase_started))
  phase_rows+=("| $phase_name | $(seconds "$took") s |")
  log "== $phase_name: $(seconds "$took") s"
  phase_name=""
}
check() { # check NAME RESULT DETAIL: RESULT is pass or fail
  check_rows+=("| $1 | $([[ $2 == pass ]] && echo pass || echo '**FAIL**') | $3 |")
  if [[ $2 == pass ]]; then log "check $1: pass ($3)"; else failures+=("$1: $3"); log "check $1: FAIL ($3)"; fi
}

# ---- 1. prerequisites ---------------------------------------------------------------------------
phase "prerequisites"
command -v java >/dev/null || fail "java is not on the PATH (JDK 17 or newer)"
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
((java_major >= 17)) || fail "Java 17 or newer is needed, found ${java_major:-none}"
command -v "$client" >/dev/null || fail "the mariadb (or mysql) client is not on the PATH"
if [[ -n "$from" && "$from" != empty ]]; then
  command -v git >/dev/null || fail "git is needed to build the previous release $from"
fi
jar=$(packaged_jar)
if [[ -z "$jar" ]]; then
  if [[ "$BUILDNEST_DRY_RUN" == true ]]; then
    log "no packaged jar: a real run builds it with ./mvnw -DskipTests package"
  else
    log "no packaged jar: building it"
    ./mvnw -B -ntp -q -DskipTests package
    jar=$(packaged_jar)
    [[ -n "$jar" ]] || fail "the build made no jar"
  fi
fi
server=$(db -N -B -e 'SELECT VERSION()' 2>"$work/connect.err") \
  || fail "cannot connect to $host:$port as $user: $(tail -1 "$work/connect.err")"
log "server $host:$port: $server"
grants=$(db -N -B -e 'SHOW GRANTS')
if ! grep -q 'ALL PRIVILEGES ON \*\.\*' <<<"$grants"; then
  for privilege in SELECT INSERT UPDATE DELETE CREATE DROP ALTER INDEX REFERENCES; do
    grep -Eq "GRANT .*\\b$privilege\\b.* ON (\\*\\.\\*|\`migtest)" <<<"$grants" \
      || fail "$user lacks $privilege on *.* (or on migtest%.*): the test creates and drops its own databases"
  done
fi
log "privileges: enough to create, change and drop scratch databases"
if [[ -z "$from" ]]; then
  from=empty
  if command -v git >/dev/null && head=$(git rev-parse -q --verify HEAD 2>/dev/null); then
    while read -r tag; do
      [[ -n "$tag" && "$(git rev-parse "$tag^{commit}")" != "$head" ]] && { from=$tag; break; }
    done < <(git tag --merged HEAD --list 'v*' --sort=-v:refname)
  fi
fi
if [[ "$from" != empty ]]; then
  from_commit=$(git rev-parse -q --verify "$from^{commit}") || fail "--from $from is not a git ref here"
  log "previous release: $from ($from_commit)"
else
  log "previous release: none (empty database); every changeset counts as new"
fi
if [[ "$BUILDNEST_DRY_RUN" == true ]]; then
  phase_end
  log "dry-run: prerequisites met; nothing created"
  exit 0
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
log_file="$out/migration-test.log"
: >"$log_file"
exec > >(tee -a "$log_file") 2>&1
log "log: $log_file"
run_started=$(now_ms)
stamp=$(date -u +%Y%m%d%H%M%S)
fresh_db="migtest_${stamp}_fresh"
upgrade_db="migtest_${stamp}"

create_database() {
  db -e "CREATE DATABASE \`$1\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  databases+=("$1")
  log "created database $1"
}

# tables DATABASE [all]: its tables, Liquibase's own left out unless "all".
tables() {
  in_db "$1" -e "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()
    AND table_type = 'BASE TABLE' $([[ ${2:-} == all ]] || echo "AND table_name NOT LIKE 'databasechangelog%'") ORDER BY table_name"
}

# row_counts DATABASE TABLE...: exact row count of each table, "table<TAB>rows".
row_counts() {
  local database=$1 table sql=""; shift
  for table in "$@"; do sql+="${sql:+ UNION ALL }SELECT '$table', COUNT(*) FROM \`$table\`"; done
  [[ -z "$sql" ]] || in_db "$database" -e "$sql"
}

# counts DATABASE FILE: exact row count of every table (Liquibase's own left out).
counts() {
  local all
  mapfile -t all < <(tables "$1")
  row_counts "$1" "${all[@]}" >"$2"
}

# same_counts NAME BEFORE AFTER: every table of BEFORE has the same rows in AFTER.
same_counts() {
  local differing
  differing=$(join -t $'\t' -a 1 -a 2 -e missing -o 0,1.2,2.2 <(sort "$2") <(sort "$3") | awk -F '\t' '$2 != $3 {print $1 " " $2 "→" $3}' | paste -sd ' ' -)
  if [[ -z "$differing" ]]; then check "$1" pass "$(wc -l <"$2" | tr -d ' ') tables, $(awk -F '\t' '{s += $2} END {print s + 0}' "$2") rows"
  else check "$1" fail "$differing"; fi
}

# schema DATABASE: columns (with type, nullability, default), indexes and foreign keys, for comparing two databases.
schema() {
  in_db "$1" -e "
    SELECT 'column', table_name, column_name, column_type, is_nullable, IFNULL(column_default, 'NULL')
      FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name NOT LIKE 'databasechangelog%'
    UNION ALL SELECT 'index', table_name, index_name, GROUP_CONCAT(column_name ORDER BY seq_in_index), non_unique, ''
      FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name NOT LIKE 'databasechangelog%'
      GROUP BY table_name, index_name, non_unique
    UNION ALL SELECT 'foreign key', table_name, constraint_name,
      GROUP_CONCAT(column_name ORDER BY ordinal_position), referenced_table_name,
      GROUP_CONCAT(referenced_column_name ORDER BY ordinal_position)
      FROM information_schema.key_column_usage WHERE table_schema = DATABASE() AND referenced_table_name IS NOT NULL
      GROUP BY table_name, constraint_name, referenced_table_name" | sort
}

# ---- integrity ----------------------------------------------------------------------------------
# columns_of DATABASE: every "table.column" it has, into the associative array $present; has_column
# TABLE COLUMN asks it (one query per check instead of one client start per column).
declare -A present=()
columns_of() {
  local column
  present=()
  while read -r column; do present[$column]=1; done < <(in_db "$1" -e "SELECT CONCAT(table_name, '.', column_name)
    FROM information_schema.columns WHERE table_schema = DATABASE()")
}
has_column() { [[ -n "${present[$1.$2]:-}" ]]; }

# integrity DATABASE WHEN: orphans (foreign keys and ops/db/references.tsv), unexplained ids,
# order totals against their lines, stock against its ledger.
integrity() {
  local database=$1 when=$2 table column parent parent_column except sql="" broken checked=0 unlisted
  columns_of "$database"
  while IFS=$'\t' read -r table column parent parent_column except; do
    [[ "$parent" == - ]] && continue
    if ! has_column "$table" "$column" || ! has_column "$parent" "$parent_column"; then
      continue # a table or column this release does not have (yet)
    fi
    sql+="${sql:+ UNION ALL }SELECT '$table.$column->$parent', COUNT(*) FROM \`$table\` c LEFT JOIN \`$parent\` p
      ON p.\`$parent_column\` = c.\`$column\` WHERE c.\`$column\` IS NOT NULL AND p.\`$parent_column\` IS NULL${except:+ AND c.\`$column\` NOT IN ($except)}"
    checked=$((checked + 1))
  done < <(grep -v '^#' ops/db/references.tsv; in_db "$database" -e "SELECT table_name, column_name, referenced_table_name,
      referenced_column_name FROM information_schema.key_column_usage WHERE table_schema = DATABASE()
      AND referenced_table_name IS NOT NULL")
  broken=$([[ -z "$sql" ]] || in_db "$database" -e "$sql" | awk -F '\t' '$2 != 0 {print $1 ": " $2}' | paste -sd ' ' -)
  if [[ -z "$broken" ]]; then check "no orphans ($when)" pass "$checked references resolve"
  else check "no orphans ($when)" fail "$broken"; fi

  unlisted=$(in_db "$database" -e "SELECT CONCAT(c.table_name, '.', c.column_name) FROM information_schema.columns c
      WHERE c.table_schema = DATABASE() AND c.column_name LIKE '%\\_id' AND c.table_name NOT LIKE 'databasechangelog%'
      AND NOT EXISTS (SELECT 1 FROM information_schema.key_column_usage k WHERE k.table_schema = c.table_schema
        AND k.table_name = c.table_name AND k.column_name = c.column_name AND k.referenced_table_name IS NOT NULL)" \
    | awk -F '\t' 'NR == FNR { if ($0 !~ /^#/) known[$1 "." $2] = 1; next } !($0 in known)' ops/db/references.tsv - \
    | paste -sd ' ' -)
  if [[ -z "$unlisted" ]]; then check "every id column is a known reference ($when)" pass "foreign keys plus ops/db/references.tsv"
  else check "every id column is a known reference ($when)" fail "add to ops/db/references.tsv: $unlisted"; fi

  if has_column inventory_stock on_hand && has_column inventory_movement on_hand_change; then
    invariant "stock = ledger ($when)" "$database" "SELECT COUNT(*) FROM inventory_stock s LEFT JOIN (SELECT sku,
      SUM(on_hand_change) on_hand, SUM(reserved_change) reserved FROM inventory_movement GROUP BY sku) m ON m.sku = s.sku
      WHERE s.on_hand <> COALESCE(m.on_hand, 0) OR s.reserved <> COALESCE(m.reserved, 0)" inventory_stock \
      "SKUs differ from the sum of their movements"
  fi
  if has_column ordering_order goods_paise && has_column ordering_order_line taxable_paise; then
    invariant "order totals = lines ($when)" "$database" "SELECT COUNT(*) FROM ordering_order o LEFT JOIN (SELECT order_id,
      SUM(taxable_paise) goods, SUM(cgst_paise) cgst, SUM(sgst_paise) sgst, SUM(igst_paise) igst FROM ordering_order_line
      GROUP BY order_id) l ON l.order_id = o.id WHERE l.order_id IS NULL OR o.goods_paise <> l.goods
      OR o.total_paise <> o.goods_paise + o.delivery_paise + o.cgst_paise + o.sgst_paise + o.igst_paise
      OR o.cgst_paise < l.cgst OR o.sgst_paise < l.sgst OR o.igst_paise < l.igst OR o.refunded_paise > o.total_paise" \
      ordering_order "orders disagree with their lines (goods, tax, total, refunds)"
  fi
  if has_column payment amount_paise && has_column payment refunded_paise; then
    invariant "payments refund no more than was paid ($when)" "$database" \
      "SELECT COUNT(*) FROM payment WHERE refunded_paise > amount_paise OR amount_paise <= 0" payment "payments"
  fi
}

# invariant NAME DATABASE VIOLATIONS_SQL TABLE WHAT: passes when the query counts no violation among TABLE's rows.
invariant() {
  local wrong total
  wrong=$(in_db "$2" -e "$3")
  total=$(in_db "$2" -e "SELECT COUNT(*) FROM \`$4\`")
  check "$1" "$([[ $wrong == 0 ]] && echo pass || echo fail)" "$wrong of $total $5"
}

# ---- the previous release's jar -----------------------------------------------------------------
# previous_jar: builds the previous release from its git tree once; cached by commit id.
previous_jar() {
  local cache="${XDG_CACHE_HOME:-$HOME/.cache}/buildnest/migration-test" built
  mkdir -p "$cache"
  if [[ ! -f "$cache/$from_commit.jar" ]]; then
    log "building the previous release $from ($from_commit) once; later runs reuse $cache/$from_commit.jar"
    mkdir "$work/previous"
    git archive "$from_commit" | tar -x -C "$work/previous"
    (cd "$work/previous" && if [[ -x mvnw ]]; then ./mvnw -B -ntp -q -DskipTests package; else mvn -B -ntp -q -DskipTests package; fi) \
      || fail "building $from failed"
    built=$(cd "$work/previous" && packaged_jar)
    [[ -n "$built" ]] || fail "building $from made no jar"
    cp "$work/previous/$built" "$cache/$from_commit.jar.part" && mv "$cache/$from_commit.jar.part" "$cache/$from_commit.jar"
    rm -rf "$work/previous"
  fi
  echo "$cache/$from_commit.jar"
}

# generate JAR DATABASE: the jar's data generator, with the scale asked for where it understands it.
generate() {
  local generator=$1 database=$2 options skip_index args=(--users="$users" --products="$products" --seed="$seed")
  options=$(java -jar "$generator" generate --help)
  if grep -q -- '--orders' <<<"$options"; then args+=(--orders="$orders"); else log "this generator makes no orders: --orders $orders ignored"; orders_note="the generator ($3) makes no orders yet"; fi
  # A search index rebuild is no part of a migration test: skipped where the generator allows it.
  skip_index=$(grep -oE -- '--(skip|no)-[a-z-]*index[a-z-]*' <<<"$options" | head -1 || true)
  [[ -n "$skip_index" ]] && args+=("$skip_index")
  # shellcheck disable=SC2046 # the environment words are meant to split
  $(jdbc_env "$database") java -XX:TieredStopAtLevel=1 -jar "$generator" generate "${args[@]}" \
    --buildnest.platform.data-dir="$work/data" --spring.jpa.properties.hibernate.search.backend.directory.type=local-heap \
    --logging.level.root=warn
}
orders_note=""

# ---- one migrate process per database ------------------------------------------------------------
# session_start DATABASE: this release's `migrate session` on DATABASE, one JVM for every migrate step
# there (Liquibase and Hibernate load once); session_run ARGS...: one step, its exit code returned and
# its output logged and kept in $session_output; session_end: the process ends with its input.
session_start() {
  mkfifo "$work/session.in" "$work/session.out"
  # shellcheck disable=SC2046 # the environment words are meant to split
  $(jdbc_env "$1") java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" migrate session \
    <"$work/session.in" >"$work/session.out" &
  session_pid=$!
  exec {session_in}>"$work/session.in" {session_out}<"$work/session.out"
}
session_run() {
  local line
  session_output=""
  printf '%s\n' "$*" >&"$session_in"
  while IFS= read -r line <&"$session_out"; do
    [[ "$line" =~ ^"migrate session: exit "([0-9]+)$ ]] && return "${BASH_REMATCH[1]}"
    printf '%s\n' "$line"
    session_output+="${session_output:+; }$line"
  done
  log "the migrate session ended before answering: $*"
  return 1
}
session_end() {
  [[ -n "$session_pid" ]] || return 0
  exec {session_in}>&- {session_out}<&-
  kill -0 "$session_pid" 2>/dev/null && ! wait "$session_pid" && log "the migrate session ended with a failed step (checked above)"
  rm -f "$work/session.in" "$work/session.out"
  session_pid=""
}

# ---- the data, generated once and then restored --------------------------------------------------
# The data is a function of the generator (the previous release's commit, or this jar's classes and
# changelog), the sizes, the seed and the server version: generated once, it is kept as InnoDB
# transportable tablespaces (FLUSH TABLES … FOR EXPORT, the .ibd and .cfg files with their
# checksums) and later runs import them (DISCARD / IMPORT TABLESPACE) instead of generating again.
snapshot_root="${XDG_CACHE_HOME:-$HOME/.cache}/buildnest/migration-test/snapshots"
snapshot_dir="" data_source="" generated=false

# datadir_of DATABASE: the server's directory of DATABASE when it is on this host and writable here.
datadir_of() {
  local dir
  dir=$(db -N -B -e 'SELECT @@datadir')
  dir="${dir%/}/$1"
  if [[ -d "$dir" && -w "$dir" ]]; then echo "$dir"; fi
}

# snapshot_key: everything that decides the data, hashed.
snapshot_key() {
  local generator
  if [[ "$from" != empty ]]; then generator="release $from_commit"
  else # what decides the data in this jar: the changelog, the configuration, the generator and the
    # order and money rules it borrows (Money, IndianDay and five ordering types), by their
    # checksums; not the rest of the application, so that a change elsewhere keeps the kept data
    # (--fresh-data generates it anyway)
    generator="jar $(unzip -v "$jar" 'BOOT-INF/classes/*' | awk '$8 ~ /^BOOT-INF\/classes\/(db\/|datagen\/|application[^\/]*\.yaml$|com\/buildnest\/datagen\/|com\/buildnest\/shared\/(Money|IndianDay)[.$]|com\/buildnest\/ordering\/(OrderingProperties|OrderStatus|TaxSplit|FinancialYear|DeliveryCharges)[.$])/ {print $7, $8}' | sha256sum | cut -c1-32)"
  fi
  printf 'format 2; %s; users %s; products %s; orders %s; seed %s; server %s' \
    "$generator" "$users" "$products" "$orders" "$seed" "$server" | sha256sum | cut -c1-32
}

# save_snapshot DATABASE SECONDS: keeps DATABASE's tables (with Liquibase's, given a previous release:
# its history and tag belong to its data) as the snapshot; SECONDS is what generating took.
save_snapshot() {
  local database=$1 dir part="$snapshot_dir.part" list=() table flush="" auto
  dir=$(datadir_of "$database")
  mapfile -t list < <(tables "$database" "$([[ "$from" != empty ]] && echo all)")
  rm -rf "$part" && mkdir -p "$part"
  "$dump" --defaults-extra-file="$work/client.cnf" --protocol=tcp -h"$host" -P"$port" -u"$user" --no-data \
    --skip-comments --skip-triggers "$database" "${list[@]}" >"$part/schema.sql"
  auto=$(in_db "$database" -e "SELECT table_name, auto_increment FROM information_schema.tables
    WHERE table_schema = DATABASE() AND auto_increment IS NOT NULL")
  join -t $'\t' -a 1 -e '' -o 0,1.2,2.2 <(row_counts "$database" "${list[@]}" | sort) <(sort <<<"$auto") >"$part/manifest"
  for table in "${list[@]}"; do flush+="${flush:+, }\`$table\`"; done
  # The read lock lasts as long as this client session: the files are copied inside it.
  {
    echo "FLUSH TABLES $flush FOR EXPORT;"
    for table in "${list[@]}"; do echo "system cp -- '$dir/$table.ibd' '$dir/$table.cfg' '$part/'"; done
    echo "UNLOCK TABLES;"
  } | in_db "$database"
  local by="the previous release $from"
  [[ "$from" != empty ]] || by="this release's generator"
  echo "generated $(date -u '+%Y-%m-%d %H:%M UTC') in $2 s by $by" >"$part/about"
  (cd "$part" && sha256sum -- *.ibd *.cfg schema.sql manifest about >SHA256SUMS)
  rm -rf "$snapshot_dir" && mv "$part" "$snapshot_dir"
  log "data kept for next time: $snapshot_dir ($(du -sh "$snapshot_dir" | cut -f1))"
  prune_snapshots
}

# prune_snapshots: keeps the $keep_snapshots most recently used snapshots (a restore marks one used)
# and deletes the others, which a changed generator or scale left behind (704 MB each at full scale).
keep_snapshots=3
prune_snapshots() {
  local old
  while read -r old; do
    [[ -n "$old" ]] || continue
    rm -rf -- "${snapshot_root:?}/$old" && log "deleted an older data snapshot: $old"
  done < <(cd "$snapshot_root" && find . -mindepth 1 -maxdepth 1 -type d ! -name '*.part' -printf '%T@ %f\n' \
    | sort -rn | tail -n +$((keep_snapshots + 1)) | cut -d' ' -f2)
}

# restore_snapshot DATABASE: the snapshot's tables into DATABASE (created from its schema where
# DATABASE lacks them), checksums checked before and row counts after; fails loudly.
restore_snapshot() {
  local database=$1 dir owner list=() table rows auto sql
  touch "$snapshot_dir" # most recently used: kept when older snapshots are pruned
  (cd "$snapshot_dir" && sha256sum --quiet -c SHA256SUMS) \
    || fail "the data snapshot $snapshot_dir does not match its checksums: delete it, or run with --fresh-data"
  dir=$(datadir_of "$database")
  owner=$(stat -c %u:%g "$dir")
  mapfile -t list < <(cut -f1 "$snapshot_dir/manifest")
  [[ -n "$(tables "$database" all)" ]] || in_db "$database" <"$snapshot_dir/schema.sql"
  {
    echo "SET foreign_key_checks = 0;"
    for table in "${list[@]}"; do echo "ALTER TABLE \`$table\` DISCARD TABLESPACE;"; done
    for table in "${list[@]}"; do
      echo "system cp -- '$snapshot_dir/$table.ibd' '$snapshot_dir/$table.cfg' '$dir/' && chown $owner '$dir/$table.ibd' '$dir/$table.cfg'"
    done
    for table in "${list[@]}"; do echo "ALTER TABLE \`$table\` IMPORT TABLESPACE;"; done
    while IFS=$'\t' read -r table rows auto; do
      [[ -z "$auto" ]] || echo "ALTER TABLE \`$table\` AUTO_INCREMENT = $auto;"
    done <"$snapshot_dir/manifest"
    for table in "${list[@]}"; do echo "system rm -f -- '$dir/$table.cfg'"; done
  } | in_db "$database" || fail "importing the data snapshot $snapshot_dir failed: delete it, or run with --fresh-data"
  sql=$(diff <(cut -f1,2 "$snapshot_dir/manifest") <(row_counts "$database" "${list[@]}" | sort) | head -c 600 | paste -sd ' ' -) \
    || fail "the restored data differs from the snapshot's row counts: $sql"
}

# load_data GENERATOR DATABASE LABEL: the data, restored from its snapshot or generated.
load_data() {
  local started took rows
  started=$(now_ms)
  if [[ -n "$snapshot_dir" && -f "$snapshot_dir/SHA256SUMS" && "$fresh_data" != true ]]; then
    restore_snapshot "$2"
    took=$(seconds $(($(now_ms) - started)))
    rows=$(awk -F '\t' '{s += $2} END {print s + 0}' "$snapshot_dir/manifest")
    data_source="restored from a snapshot in $took s ($rows rows in $(wc -l <"$snapshot_dir/manifest" | tr -d ' ') tables; $(cat "$snapshot_dir/about"))"
    check "data restored from its snapshot" pass "files match their checksums, $rows rows as saved"
    return 0
  fi
  [[ -n "$1" ]] || return 1
  generate "$1" "$2" "$3" || return 1
  generated_in=$(seconds $(($(now_ms) - started)))
  generated=true
  data_source="generated by $3 in $generated_in s"
  if [[ -z "$snapshot_dir" ]]; then data_source+=" (no snapshot: the server's data directory is not on this host)"
  elif [[ "$fresh_data" == true ]]; then data_source+=" (--fresh-data)"; fi
}
generated_in=""

# keep_data DATABASE: saves freshly generated data as the snapshot, once every check so far passed.
keep_data() {
  [[ "$generated" == true && -n "$snapshot_dir" ]] || return 0
  if ((${#failures[@]})); then log "data not kept: a check failed"; return 0; fi
  local started
  started=$(now_ms)
  save_snapshot "$1" "$generated_in"
  data_source+="; kept as a snapshot in $(seconds $(($(now_ms) - started))) s"
}

# ---- 2. every migration on an empty database, and the schema verified -------------------------
# With a previous release, a database of its own; without one the upgrade below starts from empty.
fresh() { # fresh DATABASE VERIFY-OPTIONS...: every migration from empty, the schema checked against the changelog
  local database=$1; shift
  session_run update --timings="$out/fresh-changesets.tsv" || { check "migrations apply to an empty database" fail "see the log"; exit 1; }
  check "migrations apply to an empty database" pass "$(wc -l <"$out/fresh-changesets.tsv" | tr -d ' ') changesets"
  if session_run verify "$@"; then check "schema = changelog$([[ $# -eq 0 ]] && echo ", entities validate") (from empty)" pass "$session_output"
  else check "schema = changelog (from empty)" fail "see the log"; fi
  schema "$database" >"$work/fresh.schema"
}
if [[ "$from" != empty ]]; then
  phase "fresh database: every migration from empty, schema verified"
  create_database "$fresh_db"
  session_start "$fresh_db"
  fresh "$fresh_db" --skip-entities
  session_end
fi

# ---- 3. the previous release's schema and data ---------------------------------------------------
create_database "$upgrade_db"
session_start "$upgrade_db"
if [[ -n "$(datadir_of "$upgrade_db")" ]]; then
  snapshot_dir="$snapshot_root/$(snapshot_key)"
  mkdir -p "$snapshot_root"
else
  log "the server's data directory is not on this host (or not writable here): the data is generated every run"
fi
if [[ "$from" != empty ]]; then
  phase "previous release: its migrations and data ($users users, $products products, $orders orders)"
  if [[ -z "$snapshot_dir" || ! -f "$snapshot_dir/SHA256SUMS" || "$fresh_data" == true ]]; then old_jar=$(previous_jar); else old_jar=""; fi
  load_data "$old_jar" "$upgrade_db" "$from" || fail "the previous release's generator failed"
  release_tag=$from
  session_run tag "$release_tag" || fail "tagging the previous release's database failed"
  integrity "$upgrade_db" "previous release"
  keep_data "$upgrade_db"
else
  release_tag=empty
fi
counts "$upgrade_db" "$work/before.counts"

# ---- 4. this release's migrations, timed and probed ----------------------------------------------
if [[ "$from" != empty ]]; then
  phase "upgrade: this release's migrations on the previous release's data"
  if session_run update --timings="$out/upgrade-changesets.tsv"; then
    check "this release's migrations apply on the previous release's data" pass "$(wc -l <"$out/upgrade-changesets.tsv" | tr -d ' ') changesets"
  else
    check "this release's migrations apply on the previous release's data" fail "see the log"; exit 1
  fi
  counts "$upgrade_db" "$work/upgraded.counts"
  phase "upgraded database: schema and data verified"
  if session_run verify; then check "schema = changelog, entities validate (upgraded)" pass "$session_output"
  else check "schema = changelog, entities validate (upgraded)" fail "see the log"; fi
  if diff <(schema "$upgrade_db") "$work/fresh.schema" >"$work/schema.diff"; then check "upgraded schema = fresh schema" pass "columns with types and defaults, indexes, foreign keys"
  else check "upgraded schema = fresh schema" fail "$(head -c 600 "$work/schema.diff" | paste -sd ' ' -)"; fi
else
  phase "upgrade: every migration from empty, schema and entities verified"
  # Hibernate checks every entity against the schema here (the generator's start did, when it runs).
  fresh "$upgrade_db"
  cp "$out/fresh-changesets.tsv" "$out/upgrade-changesets.tsv"
  counts "$upgrade_db" "$work/upgraded.counts"
  phase "data: $users users, $products products, $orders orders"
  load_data "$jar" "$upgrade_db" "this release" || { check "the generator runs on this release's schema" fail "see the log"; exit 1; }
  [[ "$generated" == true ]] && check "the generator runs on this release's schema" pass "its start validates every entity (ddl-auto=validate)"
fi
integrity "$upgrade_db" "upgraded"
[[ "$from" == empty ]] && keep_data "$upgrade_db"
counts "$upgrade_db" "$work/data.counts"

# ---- 5. rollback to the previous release's tag, and re-apply -------------------------------------
phase "rollback to $release_tag"
if session_run rollback "$release_tag" --timings="$out/rollback-changesets.tsv"; then
  check "rollback to $release_tag" pass "$(wc -l <"$out/rollback-changesets.tsv" | tr -d ' ') changesets rolled back"
else check "rollback to $release_tag" fail "see the log"; exit 1; fi
counts "$upgrade_db" "$work/rolled-back.counts"
same_counts "row counts after rollback = before the upgrade" "$work/before.counts" "$work/rolled-back.counts"
[[ "$from" != empty ]] && integrity "$upgrade_db" "rolled back"

phase "re-apply this release's migrations"
if session_run update --timings="$out/reapply-changesets.tsv"; then
  check "migrations re-apply after the rollback" pass "$(wc -l <"$out/reapply-changesets.tsv" | tr -d ' ') changesets"
else check "migrations re-apply after the rollback" fail "see the log"; exit 1; fi
counts "$upgrade_db" "$work/reapplied.counts"
same_counts "row counts after re-apply = after the first upgrade" "$work/upgraded.counts" "$work/reapplied.counts"
if diff <(schema "$upgrade_db") "$work/fresh.schema" >"$work/schema.diff"; then check "re-applied schema = fresh schema" pass "columns with types and defaults, indexes, foreign keys"
else check "re-applied schema = fresh schema" fail "$(head -c 600 "$work/schema.diff" | paste -sd ' ' -)"; fi
[[ "$from" != empty ]] && integrity "$upgrade_db" "re-applied"
session_end
phase_end

# ---- 6. the report -------------------------------------------------------------------------------
total=$(($(now_ms) - run_started))
changeset_table() { # changeset_table FILE: one row per changeset, slowest first
  [[ -s "$1" ]] || { echo "(none)"; return; }
  echo "| changeset | file | ms | how it locks |"
  echo "|---|---|---:|---|"
  sort -t $'\t' -k4,4nr "$1" | awk -F '\t' '{gsub(/\|/, "/", $5); printf "| %s | %s | %s | %s |\n", $1, $3, $4, $5}'
}
table_counts() { # table_counts FILE: the largest tables
  echo "| table | rows |"; echo "|---|---:|"
  sort -t $'\t' -k2,2nr "$1" | head -15 | awk -F '\t' '{printf "| %s | %s |\n", $1, $2}'
}
blocking=$(cut -f5 "$out/upgrade-changesets.tsv" | grep -c 'WRITES BLOCKED' || true)
{
  echo "# Migration test report"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC') · $(uname -sm) · $(nproc 2>/dev/null || sysctl -n hw.ncpu) CPUs · load $(uptime | sed 's/.*load averages*: //') · Java $java_major · $server"
  echo
  echo "- previous release: **$from**$([[ $from != empty ]] && echo " ($from_commit)") · rollback tag: \`$release_tag\`"
  echo "- this release: $(git rev-parse --short HEAD 2>/dev/null || echo unknown) ($jar)"
  echo "- scale: $users users, $products products, $orders orders (seed $seed)${orders_note:+ — $orders_note}"
  echo "- data: $data_source"
  echo "- result: **$([[ ${#failures[@]} -eq 0 ]] && echo PASSED || echo "FAILED (${#failures[@]} checks)")** in $(seconds "$total") s"
  echo
  echo "## Phases"
  echo
  echo "| phase | time |"; echo "|---|---:|"
  printf '%s\n' "${phase_rows[@]}"
  echo "| **whole run** | **$(seconds "$total") s** |"
  echo
  echo "## Checks"
  echo
  echo "| check | result | detail |"; echo "|---|---|---|"
  printf '%s\n' "${check_rows[@]}"
  echo
  if [[ "$from" != empty ]]; then echo "## This release's changesets on the previous release's data"
  else echo "## Every changeset, on an empty database (no previous release: pass --from REF for data)"; fi
  echo
  echo "Duration measured around each changeset; lock found by running each statement first on an empty"
  echo "copy of its table with ALGORITHM=INSTANT, then INPLACE with LOCK=NONE, then LOCK=SHARED, then COPY."
  echo "Changesets that block writes: **$blocking**."
  echo
  changeset_table "$out/upgrade-changesets.tsv"
  echo
  echo "## Rollback to \`$release_tag\`"
  echo
  changeset_table "$out/rollback-changesets.tsv"
  echo
  echo "## Rows before the upgrade (largest tables)"
  echo
  if [[ -s "$work/before.counts" ]]; then table_counts "$work/before.counts"; else echo "(no tables: the previous release is the empty database)"; fi
  echo
  echo "## Rows after the upgrade and data (largest tables)"
  echo
  table_counts "$work/data.counts"
  echo
  echo "Every migration from empty: $(awk -F '\t' '{s += $4} END {printf "%.1f", s / 1000}' "$out/fresh-changesets.tsv") s in changesets (per changeset: fresh-changesets.tsv). Log: migration-test.log."
} >"$out/report.md"
log "report: $out/report.md"

if ((${#failures[@]})); then
  printf '%s\n' "${failures[@]}" | while read -r failure; do log "FAILED check: $failure"; done
  exit 1
fi
log "migration test passed in $(seconds "$total") s"
