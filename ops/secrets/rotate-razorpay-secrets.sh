#!/usr/bin/env bash
# Rotates the payment gateway's secrets in a mounted-secrets directory; every replica takes them
# up within buildnest.platform.secrets.reload-interval, without a restart: API calls use the new
# key at once, and webhooks and checkout callbacks signed with the replaced secrets are still
# accepted for buildnest.platform.secrets.rotation-grace (1 h), so nothing in flight is refused.
#
# Razorpay: generate a new API key (and/or set a new webhook secret) in the Razorpay dashboard,
# save each value to a file of its own (never on a command line), then pass the files:
#   --key-id-file F --key-secret-file F   the new key (both together)
#   --webhook-secret-file F               the new webhook secret
# The simulated gateway (staging drills, the embedded default with a secrets directory):
#   --simulated                           generates both of its secrets
# Writes buildnest.payment.razorpay.{key-id,key-secret,webhook-secret} (or
# buildnest.payment.simulated.{key-secret,webhook-secret}) atomically and owner-only, and the
# rotation record buildnest.rotated-at.razorpay; runs --apply (e.g. the command that publishes
# DIR as the Kubernetes Secret). Prints the names of the files it changed, never a secret.
#
# Usage: ops/secrets/rotate-razorpay-secrets.sh --secrets-dir DIR
#          (--simulated | [--key-id-file F --key-secret-file F] [--webhook-secret-file F])
#          [--apply COMMAND] [--dry-run]
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=ops/lib/secret-files.sh
. "$(dirname "$0")/../lib/secret-files.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"

dir="" simulated=false key_id_file="" key_secret_file="" webhook_secret_file="" apply=""
while (($#)); do
  case "$1" in
    --secrets-dir) dir=$2; shift 2 ;;
    --simulated) simulated=true; shift ;;
    --key-id-file) key_id_file=$2; shift 2 ;;
    --key-secret-file) key_secret_file=$2; shift 2 ;;
    --webhook-secret-file) webhook_secret_file=$2; shift 2 ;;
    --apply) apply=$2; shift 2 ;;
    *) fail "unknown argument $1 (see --help)" ;;
  esac
done
[[ -n "$dir" ]] || fail "--secrets-dir is required"
[[ -d "$dir" ]] || fail "$dir is not a directory"

# value_of FILE: the file's content without line breaks; fails on an unreadable or empty file.
value_of() {
  [[ -r "$1" ]] || fail "cannot read $1"
  local value
  value=$(tr -d '\r\n' <"$1")
  [[ -n "$value" ]] || fail "$1 is empty"
  printf '%s' "$value"
}

declare -A new=()
if [[ "$simulated" == true ]]; then
  [[ -z "$key_id_file$key_secret_file$webhook_secret_file" ]] || fail "--simulated generates its secrets: give no files"
  prefix=buildnest.payment.simulated.
  new[key-secret]=$(new_password)
  new[webhook-secret]=$(new_password)
else
  prefix=buildnest.payment.razorpay.
  if [[ -n "$key_id_file" || -n "$key_secret_file" ]]; then
    [[ -n "$key_id_file" && -n "$key_secret_file" ]] || fail "a new key needs both --key-id-file and --key-secret-file"
    new[key-id]=$(value_of "$key_id_file")
    [[ "${new[key-id]}" =~ ^rzp_(test|live)_[A-Za-z0-9]+$ ]] || fail "$key_id_file holds no Razorpay key id (rzp_test_… or rzp_live_…)"
    new[key-secret]=$(value_of "$key_secret_file")
  fi
  [[ -n "$webhook_secret_file" ]] && new[webhook-secret]=$(value_of "$webhook_secret_file")
  ((${#new[@]})) || fail "nothing to rotate: give a new key, a new webhook secret, or --simulated (see --help)"
fi

if [[ "$BUILDNEST_DRY_RUN" == true ]]; then
  for name in "${!new[@]}"; do log "dry-run: would write $dir/$prefix$name"; done
  exit 0
fi
# The key secret first: a replica reading between the writes pairs the new secret with the old id
# for one round at most, and the key id changes last.
for name in key-secret webhook-secret key-id; do
  [[ -n "${new[$name]:-}" ]] || continue
  write_secret_file "$dir" "$prefix$name" "${new[$name]}"
  echo "$prefix$name"
done
record_rotation "$dir" razorpay
log "payment secrets written to $dir; replaced ones stay valid for the rotation grace"
run_apply_command "$apply"
