#!/usr/bin/env bash
# Takes a full logical backup of one BuildNest database and stores it, checksummed, with a manifest.
#
# Usage: ops/backup/full-backup.sh --database NAME --target dir:/path|s3://bucket/prefix [options]
#
#   --database NAME        the database to back up (required)
#   --target SPEC          where backups live: dir:/absolute/path or s3://bucket/prefix (required)
#   --host H --port P --user U   the MariaDB server (default 127.0.0.1, 3306, root)
#   --password-file FILE   the database password (or the variable BUILDNEST_DB_PASSWORD; never a flag)
#   --s3-endpoint URL      an S3-compatible endpoint (MinIO, S3Proxy, ...); default AWS
#   --s3-region REGION     the bucket's region
#   --s3-credentials FILE  lines access_key_id=... and secret_access_key=... (or the AWS_* variables)
#   --compress zstd|gzip   compression (default zstd where installed, else gzip)
#   --keep-full-days N     retention of full backups (default 30)
#   --keep-binlog-days N   retention of archived binlogs (default 7)
#   --no-prune             skip retention
#   --prune-only           apply retention to the target and take no backup (--database not needed)
#   --no-status            do not record the success in the database's ops_backup_status table
#   --dry-run              check the arguments and print the plan; touch nothing
#   --help                 this text
#
# What it does: mariadb-dump --single-transaction --routines --triggers --events (one consistent
# snapshot, no table locks beyond a brief FLUSH TABLES WITH READ LOCK to read the binlog coordinates
# when binary logging is on), compressed; SHA-256 of the dump into SHA256SUMS; then MANIFEST with
# key=value lines: format, kind, database, created_at (the snapshot time, UTC), finished_at,
# server_version, binlog_file and binlog_position (empty when the server has binary logging off:
# then no point-in-time recovery is possible from this backup), compression, dump_file,
# dump_bytes, dump_sha256, tables, liquibase_table, liquibase_changesets. It uploads the dump, SHA256SUMS and
# finally MANIFEST (a backup without MANIFEST is incomplete and is never restored), records the
# success in ops_backup_status (kind full), and prunes by retention (ops/backup/backup-lib.sh).
#
# Output: the backup's id (full/<YYYYMMDDTHHMMSSZ>) on standard output; progress on standard error.
# Exit status: 0 when the backup is stored; non-zero on any failure (nothing complete is left).
# Running it again simply takes another backup.
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=ops/backup/backup-lib.sh
. "$(dirname "$0")/backup-lib.sh"
parse_backup_flags "$@"
set -- "${REMAINING_ARGS[@]}"

database="" compress="" keep_full=30 keep_binlog=7 prune_old=true status=true prune_only=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --database) need_value "$@"; database=$2; shift 2 ;;
    --compress) need_value "$@"; compress=$2; shift 2 ;;
    --keep-full-days) need_value "$@"; need_number "$1" "$2"; keep_full=$2; shift 2 ;;
    --keep-binlog-days) need_value "$@"; need_number "$1" "$2"; keep_binlog=$2; shift 2 ;;
    --no-prune) prune_old=false; shift ;;
    --prune-only) prune_only=true; shift ;;
    --no-status) status=false; shift ;;
    *) fail "unknown argument '$1' (see --help)" ;;
  esac
done
[[ -n "$target" ]] || fail "--target is required"
if [[ "$prune_only" == true ]]; then
  backup_begin
  target_init "$target" "$s3_endpoint" "$s3_region" "$s3_credentials"
  prune "$keep_full" "$keep_binlog"
  exit 0
fi
[[ -n "$database" ]] || fail "--database is required"
valid_identifier --database "$database"
if [[ -z "$compress" ]]; then
  if command -v zstd >/dev/null; then compress=zstd; else compress=gzip; fi
fi
case "$compress" in
  zstd) extension=zst; compressor=(zstd -q -T0 -3 -c) ;;
  gzip) extension=gz; compressor=(gzip -c -6) ;;
  *) fail "--compress must be zstd or gzip, got '$compress'" ;;
esac
command -v "$compress" >/dev/null || fail "$compress is not installed"
for tool in mariadb mariadb-dump sha256sum; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done

backup_begin
target_init "$target" "$s3_endpoint" "$s3_region" "$s3_credentials"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
while [[ "$BUILDNEST_DRY_RUN" != true ]] && target_list full | grep -qxF "$stamp"; do
  sleep 1   # one backup per second: never write into another run's folder
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
done
id="full/$stamp"
dump_file="$database.sql.$extension"
if [[ "$BUILDNEST_DRY_RUN" == true ]]; then
  log "dry-run: would dump $database from $host:$port ($compress), store it as $target/$id/$dump_file with SHA256SUMS and MANIFEST"
  log "dry-run: would record kind=full in $database.ops_backup_status: $status; prune (full $keep_full days, binlog $keep_binlog days): $prune_old"
  exit 0
fi

options=$(db_option_file source "$host" "$port" "$user" "$password_file")
server_version=$(sql "$options" "" "SELECT VERSION()") || fail "cannot connect to $host:$port as $user"
[[ -n "$(sql "$options" "" "SHOW DATABASES LIKE '$database'")" ]] || fail "database $database does not exist on $host:$port"
log_bin=$(sql "$options" "" "SELECT @@log_bin")
coordinates=()
if [[ "$log_bin" == 1 ]]; then
  coordinates=(--master-data=2)
else
  log "WARNING: binary logging is off on $host:$port: this backup has no binlog coordinates, so no point-in-time recovery from it"
fi

started=$SECONDS
log "dumping $database from $host:$port (server $server_version) into $id/$dump_file"
(
  set -o pipefail
  mariadb-dump --defaults-extra-file="$options" --single-transaction --routines --triggers --events \
    --hex-blob --quick "${coordinates[@]}" "$database" | "${compressor[@]}" >"$backup_work/$dump_file"
) &
wait_with_progress $! "dump of $database" "$backup_work/$dump_file" || fail "mariadb-dump of $database failed"
dump_bytes=$(stat -c %s "$backup_work/$dump_file")

# The coordinates of the snapshot, from the dump's own "-- CHANGE MASTER TO ..." comment.
binlog_file="" binlog_position=""
if [[ "$log_bin" == 1 ]]; then
  change_master=$({ "$compress" -dc "$backup_work/$dump_file" 2>/dev/null || true; } | sed -n '/CHANGE MASTER TO/{p;q}')
  binlog_file=$(sed -n "s/.*MASTER_LOG_FILE='\([^']*\)'.*/\1/p" <<<"$change_master")
  binlog_position=$(sed -n 's/.*MASTER_LOG_POS=\([0-9]*\).*/\1/p' <<<"$change_master")
  [[ -n "$binlog_file" && -n "$binlog_position" ]] || fail "the dump holds no binlog coordinates"
fi
tables=$(sql "$options" "$database" "SELECT GROUP_CONCAT(table_name ORDER BY table_name SEPARATOR ' ')
  FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")
# Liquibase's own table (DATABASECHANGELOG on MariaDB, where table names are case-sensitive).
changelog_table=$(sql "$options" "$database" "SELECT table_name FROM information_schema.tables
  WHERE table_schema = DATABASE() AND LOWER(table_name) = 'databasechangelog'")
changesets=0
if [[ -n "$changelog_table" ]]; then
  changesets=$(sql "$options" "$database" "SELECT COUNT(*) FROM \`$changelog_table\`")
fi
(cd "$backup_work" && sha256sum "$dump_file" >SHA256SUMS)
dump_sha256=$(cut -d' ' -f1 "$backup_work/SHA256SUMS")
{
  echo "format=buildnest-backup-1"
  echo "kind=full"
  echo "database=$database"
  echo "created_at=$(date -u -d "@$(stamp_epoch "$stamp")" '+%Y-%m-%d %H:%M:%S')"
  echo "finished_at=$(date -u '+%Y-%m-%d %H:%M:%S')"
  echo "server=$host:$port"
  echo "server_version=$server_version"
  echo "binlog_file=$binlog_file"
  echo "binlog_position=$binlog_position"
  echo "compression=$compress"
  echo "dump_file=$dump_file"
  echo "dump_bytes=$dump_bytes"
  echo "dump_sha256=$dump_sha256"
  echo "tables=${tables/NULL/}"
  echo "liquibase_table=$changelog_table"
  echo "liquibase_changesets=$changesets"
} >"$backup_work/MANIFEST"

log "uploading $id ($dump_bytes bytes) to $target"
target_put "$backup_work/$dump_file" "$id/$dump_file"
target_put "$backup_work/SHA256SUMS" "$id/SHA256SUMS"
target_put "$backup_work/MANIFEST" "$id/MANIFEST"
log "stored $id in $((SECONDS - started)) s: $dump_bytes bytes, sha256 $dump_sha256, binlog ${binlog_file:-none}:${binlog_position:-}"

if [[ "$status" == true ]]; then
  record_success "$options" "$database" full "$id $dump_bytes bytes"
fi
if [[ "$prune_old" == true ]]; then
  prune "$keep_full" "$keep_binlog"
fi
echo "$id"
