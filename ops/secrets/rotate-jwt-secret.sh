#!/usr/bin/env bash
# Rotates BuildNest's JWT signing secret in a mounted-secrets directory: writes a new random
# 512-bit secret (base64) to DIR/buildnest.customer.jwt.secret, atomically and readable by its
# owner only, and prints the new key id (kid) — never the secret. Every replica reading that
# directory picks the new key up within buildnest.customer.jwt.reload-interval; tokens signed
# with the old key stay valid for buildnest.customer.jwt.rotation-grace. Also writes the rotation
# record DIR/buildnest.rotated-at.jwt, from which BuildNest reports the key's age.
#
# Usage: ops/secrets/rotate-jwt-secret.sh --secrets-dir DIR [--dry-run]
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=ops/lib/secret-files.sh
. "$(dirname "$0")/../lib/secret-files.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"

dir=""
while (($#)); do
  case "$1" in
    --secrets-dir) dir=$2; shift 2 ;;
    *) fail "unknown argument $1 (see --help)" ;;
  esac
done
[[ -n "$dir" ]] || fail "--secrets-dir is required"
[[ -d "$dir" ]] || fail "$dir is not a directory"

file="$dir/buildnest.customer.jwt.secret"
secret=$(head -c 64 /dev/urandom | base64 -w0)
key_id=$(printf '%s' "$secret" | base64 -d | sha256sum | cut -c1-16)
if [[ "$BUILDNEST_DRY_RUN" == true ]]; then
  log "dry-run: would write a new secret (key id $key_id) to $file"
  exit 0
fi
write_secret_file "$dir" buildnest.customer.jwt.secret "$secret"
record_rotation "$dir" jwt
log "new signing key $key_id written to $file"
echo "$key_id"
