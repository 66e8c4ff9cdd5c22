#!/usr/bin/env bash
# Rotates the password of BuildNest's Redis user without a restart or a failed request, using
# Redis ACL's several passwords per user:
#   1. adds a new random password to the user (ACL SETUSER USER on >NEW): both now work;
#   2. writes DIR/spring.data.redis.password (atomically, owner-only) and the rotation record
#      DIR/buildnest.rotated-at.redis, then runs --apply (e.g. the command that publishes DIR as the
#      Kubernetes Secret). BuildNest reads the file at every connection handshake, so every
#      connection made from now on uses the new password; connections already open stay
#      authenticated;
#   3. waits --switch-wait seconds (default 180: the kubelet's update of a mounted Secret takes up
#      to about two minutes), then removes the old password (ACL SETUSER USER <OLD) and, when the
#      server keeps an ACL file, saves it (ACL SAVE).
# Prints the user's name, never a password. The administrator's password comes from a file
# (--admin-password-file, handed to redis-cli in REDISCLI_AUTH), never from an argument; the
# user's passwords reach Redis on standard input only.
#
# Usage: ops/secrets/rotate-redis-password.sh --secrets-dir DIR --user NAME
#          [--redis-url redis://HOST:PORT] [--admin-user NAME] [--admin-password-file FILE]
#          [--switch-wait SECONDS] [--apply COMMAND] [--dry-run]
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=ops/lib/secret-files.sh
. "$(dirname "$0")/../lib/secret-files.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"

dir="" user="" url="redis://127.0.0.1:6379" admin_user="" admin_password_file="" switch_wait=180 apply=""
while (($#)); do
  case "$1" in
    --secrets-dir) dir=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    --redis-url) url=$2; shift 2 ;;
    --admin-user) admin_user=$2; shift 2 ;;
    --admin-password-file) admin_password_file=$2; shift 2 ;;
    --switch-wait) switch_wait=$2; shift 2 ;;
    --apply) apply=$2; shift 2 ;;
    *) fail "unknown argument $1 (see --help)" ;;
  esac
done
[[ -n "$dir" && -n "$user" ]] || fail "--secrets-dir and --user are required"
[[ -d "$dir" ]] || fail "$dir is not a directory"
[[ "$user" =~ ^[A-Za-z0-9_.-]{1,64}$ ]] || fail "unusable user name '$user'"
[[ "$user" != default ]] || fail "BuildNest needs a user of its own: the default user's password is not rotated here"
[[ "$url" =~ ^rediss?://[^@/]+(/[0-9]+)?$ ]] || fail "--redis-url is redis://HOST:PORT (no credentials in it)"
[[ "$switch_wait" =~ ^[0-9]+$ ]] || fail "--switch-wait takes a number of seconds"
if [[ -n "$admin_password_file" ]]; then
  [[ -r "$admin_password_file" ]] || fail "cannot read $admin_password_file"
  REDISCLI_AUTH=$(tr -d '\n' <"$admin_password_file")
  export REDISCLI_AUTH
fi

redis() {
  local args=(-u "$url")
  [[ -n "$admin_user" ]] && args+=(--user "$admin_user")
  redis-cli "${args[@]}" 2>&1
}
# expect_ok WHAT: reads redis-cli's answers and fails unless every one is OK.
expect_ok() {
  local answers
  answers=$(cat)
  { [[ -n "$answers" ]] && ! grep -qv '^OK$' <<<"$answers"; } || fail "$1: Redis answered: $answers"
}

redis <<<"ACL GETUSER $user" | grep -q '^flags$' || fail "Redis has no user $user (or the admin credentials are refused)"
old=""
[[ -r "$dir/spring.data.redis.password" ]] && old=$(tr -d '\n' <"$dir/spring.data.redis.password")
if [[ "$BUILDNEST_DRY_RUN" == true ]]; then
  log "dry-run: would add a new password to $user, write it to $dir, wait ${switch_wait}s and remove the old one"
  exit 0
fi

password=$(new_password)
printf 'ACL SETUSER %s on >%s\n' "$user" "$password" | redis | expect_ok "adding the new password"
log "$user accepts the old and the new password"
write_secret_file "$dir" spring.data.redis.password "$password"
record_rotation "$dir" redis
run_apply_command "$apply"

log "waiting ${switch_wait}s for every replica to see the new password file"
waited=0
while ((waited < switch_wait)); do
  sleep 1
  waited=$((waited + 1))
  ((waited % 30 == 0)) && log "${waited}s of ${switch_wait}s"
done
if [[ -n "$old" && "$old" != "$password" ]]; then
  printf 'ACL SETUSER %s <%s\n' "$user" "$old" | redis | expect_ok "removing the old password"
  log "the old password of $user is removed"
fi
if [[ -n "$(redis <<<'CONFIG GET aclfile' | sed -n 2p)" ]]; then
  redis <<<'ACL SAVE' | expect_ok "saving the ACL file"
  log "ACL file saved"
fi
echo "$user"
