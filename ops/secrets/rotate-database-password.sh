#!/usr/bin/env bash
# Rotates BuildNest's database password without a restart or a failed request. MariaDB 10.11 has
# no dual passwords, so two database users with the same grants take turns (buildnest_a and
# buildnest_b unless --users says otherwise):
#   1. (re)creates the user not in use now with a new random password and the grants of the user
#      in use (read from DIR/spring.datasource.username);
#   2. writes DIR/spring.datasource.username and DIR/spring.datasource.password (atomically,
#      owner-only) and the rotation record DIR/buildnest.rotated-at.database, then runs --apply
#      (e.g. the command that publishes DIR as the Kubernetes Secret);
#   3. waits until no connection of the old user is left: every replica tries the new credentials
#      within buildnest.platform.secrets.reload-interval, opens new connections with them and
#      retires the old ones as they come back. --max-wait bounds the wait (default 1860 s, the
#      pool's 30 min max-lifetime plus a minute); past it the old user is kept and the script fails,
#      unless --kill-leftovers (an emergency: the password leaked, and whoever holds it may keep a
#      session open) ends the old user's remaining sessions;
#   4. drops the old user.
# Prints the new user's name, never a password. The administrator's credentials come from a
# MariaDB option file (--admin-defaults-file: [client] user, password, host, port), never from an
# argument; passwords reach the server on standard input only.
#
# Usage: ops/secrets/rotate-database-password.sh --secrets-dir DIR --admin-defaults-file FILE
#          [--users USER_A,USER_B] [--user-host HOST] [--max-wait SECONDS] [--kill-leftovers]
#          [--apply COMMAND] [--dry-run]
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=ops/lib/secret-files.sh
. "$(dirname "$0")/../lib/secret-files.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"

dir="" admin="" users="buildnest_a,buildnest_b" user_host="%" max_wait=1860 apply="" kill_leftovers=false
while (($#)); do
  case "$1" in
    --secrets-dir) dir=$2; shift 2 ;;
    --admin-defaults-file) admin=$2; shift 2 ;;
    --users) users=$2; shift 2 ;;
    --user-host) user_host=$2; shift 2 ;;
    --max-wait) max_wait=$2; shift 2 ;;
    --apply) apply=$2; shift 2 ;;
    --kill-leftovers) kill_leftovers=true; shift ;;
    *) fail "unknown argument $1 (see --help)" ;;
  esac
done
[[ -n "$dir" && -n "$admin" ]] || fail "--secrets-dir and --admin-defaults-file are required"
[[ -d "$dir" ]] || fail "$dir is not a directory"
[[ -r "$admin" ]] || fail "cannot read $admin"
[[ "$max_wait" =~ ^[0-9]+$ ]] || fail "--max-wait takes a number of seconds"
IFS=, read -r user_a user_b <<<"$users"
for name in "$user_a" "$user_b"; do
  [[ "$name" =~ ^[A-Za-z0-9_]{1,64}$ ]] || fail "user names are letters, digits and _ (got '$name')"
done
[[ "$user_host" =~ ^[A-Za-z0-9_.%:-]+$ ]] || fail "unusable --user-host '$user_host'"
[[ -r "$dir/spring.datasource.username" ]] \
  || fail "$dir/spring.datasource.username is missing: write the user in use there first"
current=$(tr -d '\n' <"$dir/spring.datasource.username")
case "$current" in
  "$user_a") next=$user_b ;;
  "$user_b") next=$user_a ;;
  *) fail "the user in use, '$current', is neither $user_a nor $user_b" ;;
esac

sql() { mariadb --defaults-extra-file="$admin" -N -B "$@"; }
connections_of() {
  printf "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = '%s';\n" "$1" | sql
}

grants=$(printf "SHOW GRANTS FOR '%s'@'%s';\n" "$current" "$user_host" | sql) \
  || fail "cannot read the grants of $current@$user_host"
grants=$(sed -e "s/ IDENTIFIED BY PASSWORD '[^']*'//" \
  -e "s/ TO \`$current\`@\`$user_host\`/ TO \`$next\`@\`$user_host\`/" -e 's/$/;/' <<<"$grants" | { grep -v '^GRANT USAGE ON \*\.\* TO' || true; })
[[ -n "$grants" ]] || fail "$current@$user_host holds no grants to copy"
if [[ "$BUILDNEST_DRY_RUN" == true ]]; then
  log "dry-run: would re-create $next@$user_host with a new password and these grants:"
  printf '%s\n' "$grants" >&2
  log "dry-run: would switch $dir to $next, wait up to ${max_wait}s for $current's connections to end, then drop $current"
  exit 0
fi

password=$(new_password)
log "creating $next@$user_host with the grants of $current"
printf "DROP USER IF EXISTS '%s'@'%s';\nCREATE USER '%s'@'%s' IDENTIFIED BY '%s';\n%s\n" \
  "$next" "$user_host" "$next" "$user_host" "$password" "$grants" | sql || fail "could not create $next"

write_secret_file "$dir" spring.datasource.password "$password"
write_secret_file "$dir" spring.datasource.username "$next"
record_rotation "$dir" database
log "secrets directory switched to $next"
run_apply_command "$apply"

log "waiting up to ${max_wait}s until no connection of $current is left"
deadline=$((SECONDS + max_wait)) last_report=$SECONDS
while :; do
  left=$(connections_of "$current")
  ((left == 0)) && break
  if ((SECONDS >= deadline)); then
    [[ "$kill_leftovers" == true ]] || fail "$left connection(s) of $current still open after ${max_wait}s: $current is kept: find the replica still using it (audit: secret.reloaded); in an emergency, rotate with --kill-leftovers"
    log "ending the $left remaining session(s) of $current"
    printf "SELECT CONCAT('KILL CONNECTION ', ID, ';') FROM information_schema.PROCESSLIST WHERE USER = '%s';\n" \
      "$current" | sql | sql --force || log "some sessions had ended on their own"
    break
  fi
  if ((SECONDS - last_report >= 10)); then
    log "$left connection(s) of $current still open"
    last_report=$SECONDS
  fi
  sleep 1
done
printf "DROP USER IF EXISTS '%s'@'%s';\n" "$current" "$user_host" | sql || fail "could not drop $current"
log "dropped $current@$user_host; BuildNest now connects as $next"
echo "$next"
