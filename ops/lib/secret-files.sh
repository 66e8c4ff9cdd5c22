#!/usr/bin/env bash
# Shared by the ops/secrets rotation scripts: writing a secret into a mounted-secrets directory
# (one file per property, as a Kubernetes Secret volume lays it out) without ever printing it,
# and the rotation record BuildNest exports as the secret's age (buildnest_secret_age_seconds).
# Source it after common.sh.

# new_password: 43 random URL-safe characters (256 bits), safe inside SQL quotes and Redis ACL rules.
new_password() {
  head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '='
}

# write_secret_file DIR NAME VALUE: writes VALUE (no trailing newline) to DIR/NAME atomically,
# readable by its owner only.
write_secret_file() {
  local dir=$1 name=$2 value=$3 tmp
  tmp=$(mktemp "$dir/.${name}.XXXXXX")
  chmod 600 "$tmp"
  printf '%s' "$value" >"$tmp"
  mv -f "$tmp" "$dir/$name"
}

# record_rotation DIR SECRET: the rotation record of SECRET (jwt, database, redis, razorpay), now.
record_rotation() {
  write_secret_file "$1" "buildnest.rotated-at.$2" "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
}

# run_apply_command COMMAND: after the files changed, the operator's command that publishes the
# directory (for example as the Kubernetes Secret); nothing when COMMAND is empty.
run_apply_command() {
  [[ -z "$1" ]] && return 0
  log "publishing the secrets directory: $1"
  bash -c "$1" >&2 || fail "the apply command failed"
}
