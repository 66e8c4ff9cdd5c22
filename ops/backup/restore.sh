#!/usr/bin/env bash
# Restores a BuildNest database from the backup target into a new database (on this or another
# MariaDB server): the full backup, then the archived binlogs up to the latest point or to a moment.
#
# Usage: ops/backup/restore.sh --target dir:/path|s3://bucket/prefix --host H --port P [options]
#
#   --target SPEC          where backups live: dir:/absolute/path or s3://bucket/prefix (required)
#   --s3-endpoint URL, --s3-region REGION, --s3-credentials FILE   as for full-backup.sh
#   --host H --port P --user U   the server to restore INTO (default 127.0.0.1, 3306, root)
#   --password-file FILE   its password (or the variable BUILDNEST_DB_PASSWORD; never a flag)
#   --database NAME        the database to restore into (default: the backed-up database's name)
#   --until "YYYY-MM-DD HH:MM:SS"   recover to this moment (UTC): the newest full backup taken at or
#                          before it, then binlog events before it. Default: the latest point the
#                          archive holds
#   --backup full/STAMP    restore this full backup instead of choosing one
#   --no-binlogs           restore the full backup only, without rolling forward
#   --include-staging DIR  also replay the binlog file(s) still in the archiver's staging folder DIR
#                          (binlog-archive.sh --staging): the file being streamed when the server was
#                          lost, which was never shipped. It must continue the archived sequence; it
#                          has no checksum, so it is checked for the binlog header, and the last file
#                          is replayed up to its last complete transaction (a torn tail is skipped).
#                          This is what brings the recovery point from --rotate-every to ~0
#   --force-overwrite      drop and replace the database if it already has tables, views,
#                          routines or events (without it such a database is never touched)
#   --dry-run              verify the backup and the binlogs and print the plan; touch no database
#   --help                 this text
#
# Order of work, so that nothing is touched by a bad backup: (1) download the chosen backup and
# verify its SHA-256 (SHA256SUMS and MANIFEST must agree, size and compression must check out) - a
# corrupt or truncated backup is refused here; (2) download the binlogs from the backup's
# coordinates on and verify each one's SHA-256 and that the sequence has no gap; (3) only then
# check the target database (an empty or absent one is used; a non-empty one is refused unless
# --force-overwrite); (4) load the dump; (5) replay the binlogs with mariadb-binlog
# --start-position=<recorded> --database=<backed-up name> [--stop-datetime=<until>], rewriting the
# database name when it differs, without writing the replayed events to the target's binlog (take a
# full backup of the restored database afterwards); (6) verify: every table in the MANIFEST exists, CHECK TABLE reports every table OK,
# the Liquibase changelog (DATABASECHANGELOG) holds at least as many changesets as at backup time,
# and the row count of every table is printed.
#
# Output (standard output, key=value lines, for ops/dr/drill.sh and people): backup=full/STAMP,
# database=NAME, binlog_files=N, until=..., then rows.<table>=N for every table, then restored=ok.
# Progress on standard error. Exit status non-zero on any failure or refusal.
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=ops/backup/backup-lib.sh
. "$(dirname "$0")/backup-lib.sh"
parse_backup_flags "$@"
set -- "${REMAINING_ARGS[@]}"

database="" until="" backup="" binlogs=true force=false staging=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --database) need_value "$@"; database=$2; shift 2 ;;
    --until) need_value "$@"; until=$2; shift 2 ;;
    --backup) need_value "$@"; backup=$2; shift 2 ;;
    --no-binlogs) binlogs=false; shift ;;
    --include-staging) need_value "$@"; staging=$2; shift 2 ;;
    --force-overwrite) force=true; shift ;;
    *) fail "unknown argument '$1' (see --help)" ;;
  esac
done
[[ -n "$target" ]] || fail "--target is required"
[[ -z "$database" ]] || valid_identifier --database "$database"
until_epoch=""
if [[ -n "$until" ]]; then
  [[ "$until" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}\ [0-9]{2}:[0-9]{2}:[0-9]{2}$ ]] \
    || fail "--until must look like \"YYYY-MM-DD HH:MM:SS\" (UTC), got '$until'"
  until_epoch=$(date -u -d "$until" +%s 2>/dev/null) || fail "--until is not a valid time: '$until'"
fi
[[ -z "$staging" || -d "$staging" ]] || fail "--include-staging: $staging is not a directory"
[[ -z "$backup" || "$backup" =~ ^full/[0-9]{8}T[0-9]{6}Z$ ]] || fail "--backup must look like full/YYYYMMDDTHHMMSSZ"
for tool in mariadb mariadb-binlog sha256sum; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done

backup_begin
target_init "$target" "$s3_endpoint" "$s3_region" "$s3_credentials"
started=$SECONDS

# ---- 1. choose and verify the full backup -------------------------------------------------------
if [[ -z "$backup" ]]; then
  for stamp in $(complete_full_backups); do
    if [[ -z "$until_epoch" ]] || (($(stamp_epoch "$stamp") <= until_epoch)); then backup="full/$stamp"; fi
  done
  [[ -n "$backup" ]] || fail "no complete full backup in $target${until:+ taken at or before $until}"
fi
target_has "$backup/MANIFEST" || fail "$backup is not a complete backup (no MANIFEST)"
log "verifying $backup"
local_backup="$backup_work/backup"
mkdir -p "$local_backup"
target_get "$backup/MANIFEST" "$local_backup/MANIFEST"
target_get "$backup/SHA256SUMS" "$local_backup/SHA256SUMS"
manifest="$local_backup/MANIFEST"
[[ "$(manifest_value "$manifest" format)" == buildnest-backup-1 ]] || fail "$backup: unknown MANIFEST format"
dump_file=$(manifest_value "$manifest" dump_file)
compression=$(manifest_value "$manifest" compression)
[[ "$dump_file" =~ ^[A-Za-z0-9_]+\.sql\.(zst|gz)$ ]] || fail "$backup: MANIFEST names an odd dump file '$dump_file'"
target_get "$backup/$dump_file" "$local_backup/$dump_file"
[[ "$(cut -d' ' -f1 "$local_backup/SHA256SUMS")" == "$(manifest_value "$manifest" dump_sha256)" ]] \
  || fail "REFUSED: $backup: SHA256SUMS and MANIFEST disagree - the backup is damaged; nothing was touched"
(cd "$local_backup" && sha256sum --quiet -c SHA256SUMS) >&2 \
  || fail "REFUSED: $backup: the dump does not match its SHA-256 (corrupt or truncated); nothing was touched"
[[ "$(stat -c %s "$local_backup/$dump_file")" == "$(manifest_value "$manifest" dump_bytes)" ]] \
  || fail "REFUSED: $backup: the dump's size differs from the MANIFEST; nothing was touched"
"$compression" -t -q "$local_backup/$dump_file" 2>/dev/null \
  || fail "REFUSED: $backup: the dump does not decompress; nothing was touched"
source_database=$(manifest_value "$manifest" database)
database=${database:-$source_database}
log "$backup is intact: $source_database at $(manifest_value "$manifest" created_at) UTC, $(manifest_value "$manifest" dump_bytes) bytes"

# ---- 2. the binlogs that roll it forward ------------------------------------------------------------
binlog_file=$(manifest_value "$manifest" binlog_file)
binlog_position=$(manifest_value "$manifest" binlog_position)
replay=()
if [[ "$binlogs" == true && -z "$binlog_file" ]]; then
  log "WARNING: $backup has no binlog coordinates (binary logging was off): restoring the backup alone"
elif [[ "$binlogs" == true ]]; then
  mkdir -p "$backup_work/binlog"
  expected=$binlog_file
  for name in $(target_list binlog | grep -v '\.sha256$' || true); do
    [[ "$name" < "$binlog_file" ]] && continue
    [[ "$name" == "$expected" ]] || fail "REFUSED: binlog $expected is missing from the archive (next archived: $name); cannot roll forward across a gap (use --until before the gap or --no-binlogs)"
    target_get "binlog/$name" "$backup_work/binlog/$name"
    target_get "binlog/$name.sha256" "$backup_work/binlog/$name.sha256"
    (cd "$backup_work/binlog" && sha256sum --quiet -c "$name.sha256") >&2 \
      || fail "REFUSED: archived binlog/$name does not match its SHA-256; nothing was touched"
    replay+=("$backup_work/binlog/$name")
    expected=$(expected_binlog_after "$name")
  done
  staged=0
  if [[ -n "$staging" ]]; then
    for name in $(find "$staging" -maxdepth 1 -type f -printf '%f\n' | LC_ALL=C sort); do
      [[ "$name" < "$expected" ]] && continue   # older than the backup, or shipped and archived already
      [[ "$name" == "$expected" ]] || fail "REFUSED: binlog $expected is in neither the archive nor $staging (next staged: $name); cannot roll forward across a gap"
      [[ -s "$staging/$name" ]] || { log "staged $name is empty: nothing to replay in it"; continue; }
      [[ "$(head -c 4 "$staging/$name" | od -An -tx1 | tr -d ' ')" == fe62696e ]] \
        || fail "REFUSED: staged $staging/$name is not a binlog file; nothing was touched"
      cp "$staging/$name" "$backup_work/binlog/$name"
      replay+=("$backup_work/binlog/$name")
      staged=$((staged + 1))
      expected=$(expected_binlog_after "$name")
    done
    if ((staged > 0)); then   # the newest staged file is the last one replayed: it may end torn
      stop_position=$(last_complete_transaction "${replay[-1]}")
      log "staged ${replay[-1]##*/}: replaying up to its last complete transaction, position $stop_position of $(stat -c %s "${replay[-1]}") bytes"
    fi
  fi
  if ((${#replay[@]} == 0)); then
    log "WARNING: no archived binlogs from $binlog_file on: restoring the backup alone"
  else
    log "${#replay[@]} binlog file(s) to replay, $staged of them from staging: ${replay[0]##*/} .. ${replay[-1]##*/}"
  fi
fi
if [[ "$BUILDNEST_DRY_RUN" == true ]]; then
  log "dry-run: would restore $backup into $database on $host:$port and replay ${#replay[@]} binlog file(s) from $binlog_file:$binlog_position${until:+ until $until}"
  exit 0
fi

# ---- 3. the target database -----------------------------------------------------------------------
options=$(db_option_file target "$host" "$port" "$user" "$password_file")
sql "$options" "" "SELECT 1" >/dev/null || fail "cannot connect to $host:$port as $user"
objects=$(sql "$options" "" "SELECT
    (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$database')
  + (SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema = '$database')
  + (SELECT COUNT(*) FROM information_schema.events WHERE event_schema = '$database')")
if ((objects > 0)); then
  [[ "$force" == true ]] || fail "REFUSED: database $database on $host:$port already holds $objects tables/routines/events; nothing was touched (pass --force-overwrite to replace it)"
  log "--force-overwrite: dropping $database on $host:$port ($objects objects)"
  sql "$options" "" "DROP DATABASE \`$database\`"
fi
sql "$options" "" "CREATE DATABASE IF NOT EXISTS \`$database\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

# ---- 4. the dump -------------------------------------------------------------------------------------
log "loading $backup into $database on $host:$port"
(
  set -o pipefail
  "$compression" -dc "$local_backup/$dump_file" | mariadb --defaults-extra-file="$options" "$database"
) &
wait_with_progress $! "loading the dump" || fail "loading the dump into $database failed"
log "dump loaded after $((SECONDS - started)) s"

# ---- 5. the binlogs ----------------------------------------------------------------------------------
if ((${#replay[@]} > 0)); then
  # --disable-log-bin: the replayed events keep the source's GTIDs and server id, which must not enter
  # the target server's own binlog (on the source server itself they would be out of order there).
  # --skip-gtid-strict-mode: an archive may hold such out-of-order GTIDs from elsewhere; replay in file order.
  replay_options=(--start-position="$binlog_position" --database="$source_database" --disable-log-bin
    --skip-gtid-strict-mode)
  if [[ -n "$until" ]]; then replay_options+=(--stop-datetime="$until"); fi
  if [[ -n "${stop_position:-}" ]]; then replay_options+=(--stop-position="$stop_position"); fi
  if [[ "$database" != "$source_database" ]]; then replay_options+=(--rewrite-db="$source_database->$database"); fi
  # One row event of a large transaction can exceed the server's max_allowed_packet (16M by default),
  # as replication's slave_max_allowed_packet (1G) allows: raise it for the replay, put it back after.
  packet_limit=$(sql "$options" "" "SELECT @@global.max_allowed_packet")
  if ((packet_limit < 1073741824)); then
    restore_packet_limit() { sql "$options" "" "SET GLOBAL max_allowed_packet = $packet_limit" || true; }
    backup_cleanup_hook=restore_packet_limit
    sql "$options" "" "SET GLOBAL max_allowed_packet = 1073741824"
    log "max_allowed_packet raised from $packet_limit to 1G for the replay (restored afterwards)"
  fi
  log "replaying ${#replay[@]} binlog file(s) from $binlog_file:$binlog_position${until:+ until $until UTC}"
  (
    set -o pipefail
    # --stop-datetime is read in the local time zone: make that UTC, as everything here is.
    TZ=UTC mariadb-binlog "${replay_options[@]}" "${replay[@]}" \
      | mariadb --defaults-extra-file="$options" --max-allowed-packet=1G "$database"
  ) &
  wait_with_progress $! "replaying binlogs" || fail "replaying the binlogs into $database failed"
  if [[ -n "${backup_cleanup_hook:-}" ]]; then restore_packet_limit; backup_cleanup_hook=""; fi
  log "binlogs replayed after $((SECONDS - started)) s"
fi

# ---- 6. verification -----------------------------------------------------------------------------
log "verifying $database"
for table in $(manifest_value "$manifest" tables); do
  [[ -n "$(sql "$options" "$database" "SHOW TABLES LIKE '$table'")" ]] || fail "verification: table $table is missing after the restore"
done
mapfile -t restored < <(sql "$options" "" "SELECT table_name FROM information_schema.tables
  WHERE table_schema = '$database' AND table_type = 'BASE TABLE' ORDER BY table_name")
if ((${#restored[@]} > 0)); then
  list=$(printf "\`$database\`.\`%s\`," "${restored[@]}")
  bad=$(sql "$options" "" "CHECK TABLE ${list%,}" | awk -F'\t' '$3 == "status" && $4 != "OK"' || true)
  [[ -z "$bad" ]] || fail "verification: CHECK TABLE reports problems: $bad"
fi
expected_changesets=$(manifest_value "$manifest" liquibase_changesets)
changelog_table=$(manifest_value "$manifest" liquibase_table)
if ((${expected_changesets:-0} > 0)); then
  changesets=$(sql "$options" "$database" "SELECT COUNT(*) FROM \`$changelog_table\`") \
    || fail "verification: the Liquibase changelog ($changelog_table) is missing"
  ((changesets >= expected_changesets)) \
    || fail "verification: databasechangelog holds $changesets changesets, the backup had $expected_changesets"
  log "Liquibase changelog present: $changesets changesets"
else
  log "WARNING: the backed-up database had no Liquibase changelog; not a BuildNest schema?"
fi
echo "backup=$backup"
echo "database=$database"
echo "binlog_files=${#replay[@]}"
echo "until=${until:-latest}"
for table in "${restored[@]}"; do
  echo "rows.$table=$(sql "$options" "$database" "SELECT COUNT(*) FROM \`$table\`")"
done
echo "restored=ok"
log "restored $database from $backup + ${#replay[@]} binlog file(s) in $((SECONDS - started)) s; CHECK TABLE all OK"
log "next: take a full backup of the restored database before relying on point-in-time recovery for it (the replayed events are not in its server's binlog), and archive a new server's binlogs to a new target prefix"
