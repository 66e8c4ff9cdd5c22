#!/usr/bin/env bash
# Archives the MariaDB server's binary logs to the backup target, continuously, so that a restore
# can roll a full backup forward to within seconds of any moment.
#
# Usage: ops/backup/binlog-archive.sh --target dir:/path|s3://bucket/prefix [options]
#
#   --target SPEC          where backups live: dir:/absolute/path or s3://bucket/prefix (required)
#   --host H --port P --user U   the MariaDB server (default 127.0.0.1, 3306, root); the user needs
#                          REPLICATION SLAVE (to stream) and RELOAD or BINLOG ADMIN (to rotate)
#   --password-file FILE   the database password (or the variable BUILDNEST_DB_PASSWORD; never a flag)
#   --s3-endpoint URL, --s3-region REGION, --s3-credentials FILE   as for full-backup.sh
#   --staging DIR          local folder for the binlog being streamed; keep it on a persistent volume
#                          (default /var/tmp/buildnest-binlog-HOST-PORT)
#   --status-database NAME record each shipped file in NAME.ops_backup_status (kind binlog); this is
#                          what the gauge buildnest_backup_last_success_seconds{kind="binlog"} shows
#   --rotate-every SECONDS FLUSH BINARY LOGS this often, so that the newest shipped file is never
#                          older than this: the recovery point (default 60; 0 = never rotate)
#   --ship-every SECONDS   how often finished files are shipped (default 5)
#   --once                 fetch and ship what is there, then exit (no --stop-never); for cron and tests
#   --flush                with --once: rotate first, so that everything written so far is shipped
#   --dry-run              check the arguments and print the plan; touch nothing
#   --help                 this text
#
# How: mariadb-binlog --read-from-remote-server --raw --stop-never streams each binlog file into
# the staging folder. A file is finished once the server has moved on to the next one (the stream
# then opens a newer file); finished files are checksummed and shipped as binlog/<file> plus
# binlog/<file>.sha256, then removed from staging. Restart-safe: on start it first ships finished
# files left in staging, then resumes from the file still in staging, or else from the file after
# the newest one already archived, or else from the server's oldest binlog. A gap (binlogs purged
# on the server before they were archived) is reported loudly: point-in-time recovery cannot cross
# it, so take a full backup. Shipping a file that is already archived with the same checksum is a
# no-op, so running it twice is harmless (but run one archiver per server and target).
#
# Output: one line per shipped file on standard output ("shipped binlog/<file>"); progress on
# standard error. SIGTERM or SIGINT stops it after shipping what is finished.
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=ops/backup/backup-lib.sh
. "$(dirname "$0")/backup-lib.sh"
parse_backup_flags "$@"
set -- "${REMAINING_ARGS[@]}"

staging="" status_database="" rotate_every=60 ship_every=5 once=false flush=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --staging) need_value "$@"; staging=$2; shift 2 ;;
    --status-database) need_value "$@"; status_database=$2; shift 2 ;;
    --rotate-every) need_value "$@"; need_number "$1" "$2"; rotate_every=$2; shift 2 ;;
    --ship-every) need_value "$@"; need_number "$1" "$2"; ship_every=$2; shift 2 ;;
    --once) once=true; shift ;;
    --flush) flush=true; shift ;;
    *) fail "unknown argument '$1' (see --help)" ;;
  esac
done
[[ -n "$target" ]] || fail "--target is required"
[[ -z "$status_database" ]] || valid_identifier --status-database "$status_database"
((ship_every > 0)) || fail "--ship-every must be at least 1"
[[ "$flush" == false || "$once" == true ]] || fail "--flush goes with --once (the continuous mode rotates by --rotate-every)"
staging=${staging:-/var/tmp/buildnest-binlog-$host-$port}
for tool in mariadb mariadb-binlog sha256sum; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done

backup_begin
target_init "$target" "$s3_endpoint" "$s3_region" "$s3_credentials"
if [[ "$BUILDNEST_DRY_RUN" == true ]]; then
  log "dry-run: would stream binlogs of $host:$port into $staging and ship finished ones to $target/binlog/"
  log "dry-run: once=$once flush=$flush rotate every ${rotate_every}s, ship every ${ship_every}s, status in ${status_database:-nowhere}"
  exit 0
fi
options=$(db_option_file source "$host" "$port" "$user" "$password_file")
[[ "$(sql "$options" "" "SELECT @@log_bin")" == 1 ]] || fail "binary logging is off on $host:$port: there is nothing to archive (start mariadbd with --log-bin)"
mkdir -p "$staging"
chmod 700 "$staging"

# staged: the binlog files in staging, oldest first.
staged() { find "$staging" -maxdepth 1 -type f -printf '%f\n' | LC_ALL=C sort; }

# ship_finished: ships every staged file except the newest (which may still be growing).
ship_finished() {
  local files name sum
  mapfile -t files < <(staged)
  ((${#files[@]} > 1)) || return 0
  for name in "${files[@]:0:${#files[@]}-1}"; do
    sum=$(sha256sum "$staging/$name" | cut -d' ' -f1)
    if target_has "binlog/$name.sha256" && target_get "binlog/$name.sha256" "$backup_work/archived.sha256" \
      && [[ "$(cut -d' ' -f1 "$backup_work/archived.sha256")" == "$sum" ]]; then
      log "binlog/$name is already archived"
    else
      echo "$sum  $name" >"$backup_work/$name.sha256"
      target_put "$staging/$name" "binlog/$name"
      target_put "$backup_work/$name.sha256" "binlog/$name.sha256"
      rm -f "$backup_work/$name.sha256"
      echo "shipped binlog/$name"
      log "shipped binlog/$name ($(stat -c %s "$staging/$name") bytes)"
    fi
    if [[ -n "$status_database" ]]; then
      record_success "$options" "$status_database" binlog "binlog/$name" || log "WARNING: could not record the binlog success"
    fi
    rm -f "$staging/$name"
  done
}

# start_file: the binlog file to stream from (see the header).
start_file() {
  local server newest_staged newest_archived next
  mapfile -t server < <(sql "$options" "" "SHOW BINARY LOGS" | cut -f1)
  ((${#server[@]} > 0)) || fail "the server lists no binary logs"
  newest_staged=$(staged | tail -n 1)
  if [[ -n "$newest_staged" ]]; then
    echo "$newest_staged"; return
  fi
  newest_archived=$(target_list binlog | grep -v '\.sha256$' | tail -n 1 || true)
  if [[ -z "$newest_archived" ]]; then
    echo "${server[0]}"; return
  fi
  for next in "${server[@]}"; do
    if [[ "$next" > "$newest_archived" ]]; then
      if [[ "$next" == "${server[0]}" && "$(expected_binlog_after "$newest_archived")" != "$next" ]]; then
        log "GAP: the server purged binlogs after $newest_archived before they were archived; point-in-time recovery cannot cross this gap - take a full backup now"
      fi
      echo "$next"; return
    fi
  done
  fail "the newest archived binlog $newest_archived is not older than any binlog on the server"
}

rotate() { sql "$options" "" "FLUSH BINARY LOGS"; }

ship_finished
if [[ "$once" == true ]]; then
  if [[ "$flush" == true ]]; then rotate; fi
  from=$(start_file)
  log "fetching binlogs from $from up to the server's current one"
  mariadb-binlog --defaults-extra-file="$options" --read-from-remote-server --raw --to-last-log \
    --result-file="$staging/" "$from" || fail "mariadb-binlog failed"
  ship_finished
  exit 0
fi

streamer=""
stopping=false
stop() {
  stopping=true
  if [[ -n "$streamer" ]]; then kill "$streamer" 2>/dev/null || true; fi
}
trap stop TERM INT
last_rotation=$SECONDS
while [[ "$stopping" == false ]]; do
  from=$(start_file)
  log "streaming binlogs from $from into $staging"
  mariadb-binlog --defaults-extra-file="$options" --read-from-remote-server --raw --stop-never \
    --result-file="$staging/" "$from" &
  streamer=$!
  while [[ "$stopping" == false ]] && kill -0 "$streamer" 2>/dev/null; do
    sleep "$ship_every" & wait $! || true
    if ((rotate_every > 0 && SECONDS - last_rotation >= rotate_every)) && [[ "$stopping" == false ]]; then
      rotate || log "WARNING: FLUSH BINARY LOGS failed"
      last_rotation=$SECONDS
      sleep 0.5 & wait $! || true   # let the stream open the next file
    fi
    ship_finished
  done
  wait "$streamer" 2>/dev/null || true
  streamer=""
  ship_finished
  if [[ "$stopping" == false ]]; then
    log "the binlog stream ended (server restarted or connection lost); resuming in 5 s"
    sleep 5 & wait $! || true
  fi
done
log "stopped"
