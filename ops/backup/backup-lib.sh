#!/usr/bin/env bash
# Shared by ops/backup/*.sh; sourced after ops/lib/common.sh, never run on its own.
# - The options every script takes, the server and the target (parse_backup_flags); each script's
#   own loop handles the rest.
# - The database connection as a private (0600) [client] option file, so that no password is ever
#   on a command line (`ps`) or in the output: the password comes from a file (--password-file) or
#   from the environment variable BUILDNEST_DB_PASSWORD.
# - The backup target: a directory (`dir:/path` or `/path`) or an S3-compatible bucket
#   (`s3://bucket/prefix`, through rclone; endpoint --s3-endpoint, region --s3-region, keys from
#   the file --s3-credentials holding `access_key_id=...` and `secret_access_key=...` lines, or else
#   from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables).
# - The layout of a target:
#     full/<YYYYMMDDTHHMMSSZ>/<database>.sql.{zst,gz}  the dump
#     full/<stamp>/SHA256SUMS                          sha256sum -c format
#     full/<stamp>/MANIFEST                            key=value lines, written last: its presence
#                                                      marks a complete backup
#     binlog/<binlog file>  binlog/<binlog file>.sha256  finished binlog files, in raw form
# - Recording the last success in the table ops_backup_status (Liquibase: db/changelog/operations/),
#   which the application exports as the gauge buildnest_backup_last_success_seconds{kind}.

# backup_begin: a private work directory ($backup_work), removed on exit.
backup_begin() {
  backup_work=$(mktemp -d "${TMPDIR:-/tmp}/buildnest-backup.XXXXXX")
  chmod 700 "$backup_work"
  trap backup_end EXIT
}

backup_end() {
  local code=$?
  [[ -n "${backup_cleanup_hook:-}" ]] && "$backup_cleanup_hook"
  rm -rf "$backup_work"
  return "$code"
}

# need_value FLAG VALUE: fails unless the flag was given a value.
need_value() { [[ $# -ge 2 && -n "$2" && "$2" != --* ]] || fail "$1 needs a value (see --help)"; }

# need_number FLAG VALUE: fails unless the value is a whole number.
need_number() { [[ "$2" =~ ^[0-9]+$ ]] || fail "$1 must be a whole number, got '$2'"; }

# parse_backup_flags "$@": parse_common_flags (--help, --dry-run), then the options that every backup
# script accepts, the server and the target:
#   --host --port --user --password-file   -> host (127.0.0.1), port (3306), user (root), password_file
#   --target --s3-endpoint --s3-region --s3-credentials -> target, s3_endpoint, s3_region, s3_credentials
# It sets the variables shown (the defaults are in brackets; the rest default to ""). The script's
# own options are left in REMAINING_ARGS, in their order, for its own loop. That loop still fails
# on an unknown one. The password itself is never an option: only the file that holds it is.
# Each script's header (its --help) still lists these options alongside its own.
# shellcheck disable=SC2034 # the variables are read by the script that sources this file
parse_backup_flags() {
  host=127.0.0.1 port=3306 user=root password_file=""
  target="" s3_endpoint="" s3_region="" s3_credentials=""
  parse_common_flags "$@"
  set -- "${REMAINING_ARGS[@]}"
  REMAINING_ARGS=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --host) need_value "$@"; host=$2; shift 2 ;;
      --port) need_value "$@"; port=$2; shift 2 ;;
      --user) need_value "$@"; user=$2; shift 2 ;;
      --password-file) need_value "$@"; password_file=$2; shift 2 ;;
      --target) need_value "$@"; target=$2; shift 2 ;;
      --s3-endpoint) need_value "$@"; s3_endpoint=$2; shift 2 ;;
      --s3-region) need_value "$@"; s3_region=$2; shift 2 ;;
      --s3-credentials) need_value "$@"; s3_credentials=$2; shift 2 ;;
      *) REMAINING_ARGS+=("$1"); shift ;;
    esac
  done
}

# wait_with_progress PID WHAT [FILE]: waits for a background job, logging every 5 s how long it has
# run (and how large FILE has grown); returns the job's exit status.
wait_with_progress() {
  local pid=$1 what=$2 file=${3:-} started=$SECONDS ticks=0 size=""
  while kill -0 "$pid" 2>/dev/null; do
    sleep 0.2 & wait $!
    ticks=$((ticks + 1))
    if ((ticks % 25 == 0)) && kill -0 "$pid" 2>/dev/null; then
      [[ -n "$file" ]] && size=", $(($(stat -c %s "$file" 2>/dev/null || echo 0) / 1048576)) MiB written"
      log "... $what: $((SECONDS - started)) s$size"
    fi
  done
  wait "$pid"
}

# ---------------------------------------------------------------------------------------------
# Binlog files

# expected_binlog_after NAME: binlog.000041 -> binlog.000042
expected_binlog_after() {
  local base=${1%.*} number=${1##*.}
  printf '%s.%0*d\n' "$base" "${#number}" $((10#$number + 1))
}

# last_complete_transaction FILE: the position just after the last whole transaction in a binlog
# file whose tail may be torn or hold a transaction the server never finished sending (mariadb-binlog
# stops with "Event truncated" at a torn event; everything before it is read). A transaction opened
# by a GTID event that prints START TRANSACTION ends with its Xid event or a COMMIT query; a
# standalone GTID (DDL) ends with its one query; outside transactions every event is whole.
last_complete_transaction() {
  { mariadb-binlog "$1" 2>/dev/null || true; } | awk '
    /^#[0-9]{6} / && /end_log_pos [0-9]+/ {
      match($0, /end_log_pos [0-9]+/); end = substr($0, RSTART + 12, RLENGTH - 12) + 0
      query = 0
      if ($0 ~ /\tGTID /) { pending = "one"; next }
      if (pending == "") { boundary = end; next }
      if ($0 ~ /\tXid = /) { pending = ""; boundary = end; next }
      if ($0 ~ /\tQuery/) { query = end; if (pending == "one") { pending = ""; boundary = end } }
      next
    }
    /^START TRANSACTION/ && pending == "one" { pending = "commit"; next }
    /^COMMIT\/\*!\*\/;/ && pending == "commit" && query > 0 { pending = ""; boundary = query }
    END { print boundary + 0 }'
}

# ---------------------------------------------------------------------------------------------
# Database connection

# db_option_file NAME HOST PORT USER PASSWORD_FILE: writes a 0600 [client] option file in the work
# directory and prints its path. Every mariadb tool takes it as its first option:
# --defaults-extra-file=PATH.
db_option_file() {
  local name=$1 host=$2 port=$3 user=$4 password_file=$5 password="" file
  file="$backup_work/$name.cnf"
  if [[ -n "$password_file" ]]; then
    [[ -r "$password_file" ]] || fail "cannot read the password file $password_file"
    password=$(<"$password_file")
  elif [[ -n "${BUILDNEST_DB_PASSWORD:-}" ]]; then
    password=$BUILDNEST_DB_PASSWORD
  fi
  [[ "$port" =~ ^[0-9]+$ ]] || fail "--port must be a number, got '$port'"
  (
    umask 077
    printf '[client]\nprotocol=tcp\nhost=%s\nport=%s\nuser=%s\n' "$host" "$port" "$user" >"$file"
    if [[ -n "$password" ]]; then
      password=${password//\\/\\\\}
      printf 'password="%s"\n' "${password//\"/\\\"}" >>"$file"
    fi
  )
  echo "$file"
}

# sql OPTION_FILE DATABASE QUERY: runs QUERY, tab-separated without headers. DATABASE may be "".
sql() {
  local options=$1 database=$2 query=$3
  if [[ -n "$database" ]]; then
    mariadb --defaults-extra-file="$options" -N -B "$database" -e "$query"
  else
    mariadb --defaults-extra-file="$options" -N -B -e "$query"
  fi
}

# valid_identifier WHAT NAME: a database or table name we are willing to put into SQL unquoted.
valid_identifier() { [[ "$2" =~ ^[A-Za-z0-9_]{1,64}$ ]] || fail "$1 must be letters, digits or _, got '$2'"; }

# record_success OPTION_FILE DATABASE KIND DETAIL: upserts ops_backup_status. A missing table is
# reported, not fatal: the backup itself is good, and the gauge (never updated) will alert.
record_success() {
  local options=$1 database=$2 kind=$3 detail=${4//\'/}
  if [[ -z "$(sql "$options" "$database" "SHOW TABLES LIKE 'ops_backup_status'")" ]]; then
    log "WARNING: $database has no ops_backup_status table (Liquibase not applied?): the metric buildnest_backup_last_success_seconds{kind=\"$kind\"} is not updated"
    return 0
  fi
  sql "$options" "$database" "INSERT INTO ops_backup_status (kind, last_success_at, detail)
    VALUES ('$kind', UTC_TIMESTAMP(6), '${detail:0:500}')
    ON DUPLICATE KEY UPDATE last_success_at = VALUES(last_success_at), detail = VALUES(detail)"
}

# ---------------------------------------------------------------------------------------------
# Target: a directory or an S3 bucket

# target_init SPEC S3_ENDPOINT S3_REGION S3_CREDENTIALS_FILE: sets target_kind and target_root.
target_init() {
  local spec=$1 endpoint=$2 region=$3 credentials=$4
  case "$spec" in
    s3://*)
      command -v rclone >/dev/null || fail "an s3:// target needs rclone (apt-get install rclone)"
      local path=${spec#s3://}
      path=${path%/}
      [[ "$path" =~ ^[a-z0-9][a-z0-9.-]{2,62}(/.*)?$ ]] || fail "not an S3 bucket path: $spec"
      target_kind=s3
      target_root="buildnest:$path"
      # rclone's configuration entirely from the environment: nothing on a command line.
      export RCLONE_CONFIG="$backup_work/rclone.conf" RCLONE_CONFIG_BUILDNEST_TYPE=s3 \
        RCLONE_CONFIG_BUILDNEST_PROVIDER=Other RCLONE_S3_NO_CHECK_BUCKET=true
      : >"$RCLONE_CONFIG"
      [[ -n "$endpoint" ]] && export RCLONE_CONFIG_BUILDNEST_ENDPOINT="$endpoint"
      [[ -n "$region" ]] && export RCLONE_CONFIG_BUILDNEST_REGION="$region"
      if [[ -n "$credentials" ]]; then
        [[ -r "$credentials" ]] || fail "cannot read the S3 credentials file $credentials"
        RCLONE_CONFIG_BUILDNEST_ACCESS_KEY_ID=$(sed -n 's/^access_key_id *= *//p' "$credentials")
        RCLONE_CONFIG_BUILDNEST_SECRET_ACCESS_KEY=$(sed -n 's/^secret_access_key *= *//p' "$credentials")
        [[ -n "$RCLONE_CONFIG_BUILDNEST_ACCESS_KEY_ID" && -n "$RCLONE_CONFIG_BUILDNEST_SECRET_ACCESS_KEY" ]] \
          || fail "$credentials needs access_key_id= and secret_access_key= lines"
        export RCLONE_CONFIG_BUILDNEST_ACCESS_KEY_ID RCLONE_CONFIG_BUILDNEST_SECRET_ACCESS_KEY
      else
        export RCLONE_CONFIG_BUILDNEST_ENV_AUTH=true
      fi
      # rclone's S3 client cannot use AWS_CA_BUNDLE; hand the same bundle to rclone's own option.
      if [[ -n "${AWS_CA_BUNDLE:-}" ]]; then
        export RCLONE_CA_CERT="$AWS_CA_BUNDLE"
        unset AWS_CA_BUNDLE
      fi
      # A bucket that cannot be reached must stop the script here: later listings treat "nothing
      # there" as an answer (no backups to prune, none to restore), which would hide the fault.
      if [[ "${BUILDNEST_DRY_RUN:-false}" != true ]] && ! rclone lsf -q --max-depth 1 --retries 1 \
        --low-level-retries 2 --contimeout 5s --timeout 15s "buildnest:${path%%/*}" >/dev/null 2>"$backup_work/rclone.err"; then
        fail "the S3 bucket ${path%%/*} cannot be listed at ${endpoint:-the default endpoint}: $(grep -m1 -o 'ERROR.*' "$backup_work/rclone.err" | head -c 300)"
      fi
      ;;
    dir:/* | /*)
      target_kind=dir
      target_root=${spec#dir:}
      target_root=${target_root%/}
      ;;
    *) fail "--target must be dir:/absolute/path or s3://bucket/prefix, got '$spec'" ;;
  esac
}

# target_put LOCAL_FILE RELATIVE_PATH: uploads (a directory target gets it atomically by rename).
target_put() {
  if [[ "$target_kind" == s3 ]]; then
    rclone copyto -q "$1" "$target_root/$2"
  else
    mkdir -p "$(dirname "$target_root/$2")"
    cp "$1" "$target_root/$2.part"
    mv -f "$target_root/$2.part" "$target_root/$2"
  fi
}

# target_get RELATIVE_PATH LOCAL_FILE
target_get() {
  if [[ "$target_kind" == s3 ]]; then
    rclone copyto -q "$target_root/$1" "$2"
  else
    cp "$target_root/$1" "$2"
  fi
}

# target_list RELATIVE_DIR: the names in it (files and folders), sorted; nothing if it is absent.
target_list() {
  if [[ "$target_kind" == s3 ]]; then
    rclone lsf -q "$target_root/$1" | sed 's:/$::' | LC_ALL=C sort
  elif [[ -d "$target_root/$1" ]]; then
    find "$target_root/$1" -mindepth 1 -maxdepth 1 ! -name '*.part' -printf '%f\n' | LC_ALL=C sort
  fi
}

# target_list_times RELATIVE_DIR: "EPOCH_SECONDS NAME" for each file in it (the modification time
# of the file, which for a binlog is when its last event was written).
target_list_times() {
  local when name
  if [[ "$target_kind" == s3 ]]; then
    rclone lsf -q --files-only --format tp --separator $'\t' "$target_root/$1" \
      | while IFS=$'\t' read -r when name; do echo "$(date -u -d "$when" +%s) $name"; done
  elif [[ -d "$target_root/$1" ]]; then
    find "$target_root/$1" -mindepth 1 -maxdepth 1 -type f ! -name '*.part' -printf '%T@ %f\n' \
      | sed 's/\.[0-9]* / /'
  fi
}

# target_has RELATIVE_PATH: succeeds if the file exists.
target_has() {
  target_list "$(dirname "$1")" | grep -qxF "$(basename "$1")"
}

# target_remove RELATIVE_PATH: removes a file or a whole folder.
target_remove() {
  if [[ "$target_kind" == s3 ]]; then
    if target_has "$1"; then rclone deletefile -q "$target_root/$1"; else rclone purge -q "$target_root/$1"; fi
  else
    rm -rf "${target_root:?}/$1"
  fi
}

# ---------------------------------------------------------------------------------------------
# Backups on the target

# manifest_value FILE KEY: the value of KEY in a MANIFEST file.
manifest_value() { sed -n "s/^$2=//p" "$1" | head -n 1; }

# stamp_epoch STAMP: 20261126T040000Z -> Unix seconds.
stamp_epoch() {
  [[ "$1" =~ ^([0-9]{4})([0-9]{2})([0-9]{2})T([0-9]{2})([0-9]{2})([0-9]{2})Z$ ]] || return 1
  date -u -d "${BASH_REMATCH[1]}-${BASH_REMATCH[2]}-${BASH_REMATCH[3]} ${BASH_REMATCH[4]}:${BASH_REMATCH[5]}:${BASH_REMATCH[6]}" +%s
}

# complete_full_backups: the stamps of the full backups whose MANIFEST exists, oldest first.
complete_full_backups() {
  local stamp
  for stamp in $(target_list full); do
    stamp_epoch "$stamp" >/dev/null || continue
    if target_has "full/$stamp/MANIFEST"; then echo "$stamp"; fi
  done
}

# prune KEEP_FULL_DAYS KEEP_BINLOG_DAYS: removes full backups older than KEEP_FULL_DAYS and archived
# binlogs older than KEEP_BINLOG_DAYS, but never the newest complete full backup, never a binlog
# that the newest complete full backup needs to be rolled forward, and never the newest binlog.
# Incomplete backups (no MANIFEST, left by a failed run) older than a day go too.
prune() {
  local keep_full=$(($1 * 86400)) keep_binlog=$(($2 * 86400)) now stamp newest="" epoch
  local needed_binlog="" newest_binlog when name removed=0
  now=$(date -u +%s)
  newest=$(complete_full_backups | tail -n 1)
  for stamp in $(target_list full); do
    epoch=$(stamp_epoch "$stamp") || continue
    [[ "$stamp" == "$newest" ]] && continue
    if ! target_has "full/$stamp/MANIFEST"; then
      if ((now - epoch > 86400)); then
        run target_remove "full/$stamp"; log "pruned incomplete full/$stamp"; removed=$((removed + 1))
      fi
    elif ((now - epoch > keep_full)); then
      run target_remove "full/$stamp"; log "pruned full/$stamp (older than $1 days)"; removed=$((removed + 1))
    fi
  done
  if [[ -n "$newest" ]]; then
    target_get "full/$newest/MANIFEST" "$backup_work/newest.MANIFEST"
    needed_binlog=$(manifest_value "$backup_work/newest.MANIFEST" binlog_file)
  fi
  newest_binlog=$(target_list binlog | grep -v '\.sha256$' | tail -n 1 || true)
  while read -r when name; do
    [[ -z "$name" || "$name" == *.sha256 || "$name" == "$newest_binlog" ]] && continue
    [[ -n "$needed_binlog" && ! "$name" < "$needed_binlog" ]] && continue
    if ((now - when > keep_binlog)); then
      run target_remove "binlog/$name"
      if target_has "binlog/$name.sha256"; then run target_remove "binlog/$name.sha256"; fi
      log "pruned binlog/$name (older than $2 days)"; removed=$((removed + 1))
    fi
  done < <(target_list_times binlog)
  log "retention: $removed removed (full backups kept $1 days, binlogs $2 days; newest full backup: ${newest:-none})"
}
