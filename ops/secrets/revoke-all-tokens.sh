#!/usr/bin/env bash
# Emergency revocation: asks a running BuildNest to refuse every access token issued until now,
# drop every replaced signing key and revoke every refresh token, on all replicas within
# buildnest.customer.jwt.reload-interval. Run it after rotate-jwt-secret.sh when a secret or
# tokens may have leaked. Needs an administrator's access token, read from a file so that it
# never appears in the shell history or the process list. Prints the revocation record.
# With --notify-customers it also mails every customer who was signed in (template
# src/main/resources/customer/emergency-sign-out-mail.txt) and records REASON in the audit log
# (security.emergency-rotation); the record then also holds customersNotified.
#
# Usage: ops/secrets/revoke-all-tokens.sh --url https://shop.example --admin-token-file FILE
#          [--notify-customers --reason TEXT] [--dry-run]
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"

url="" token_file="" notify=false reason=""
while (($#)); do
  case "$1" in
    --url) url=${2%/}; shift 2 ;;
    --admin-token-file) token_file=$2; shift 2 ;;
    --notify-customers) notify=true; shift ;;
    --reason) reason=$2; shift 2 ;;
    *) fail "unknown argument $1 (see --help)" ;;
  esac
done
[[ -n "$url" && -n "$token_file" ]] || fail "--url and --admin-token-file are required"
[[ -r "$token_file" ]] || fail "cannot read $token_file"
endpoint=revoke-all-tokens body=""
if [[ "$notify" == true ]]; then
  [[ -n "$reason" ]] || fail "--notify-customers needs --reason (it goes to the audit log)"
  endpoint=emergency-rotation
  body=$(jq -cn --arg reason "$reason" '{reason: $reason}')
fi

if [[ "$BUILDNEST_DRY_RUN" == true ]]; then
  log "dry-run: would POST $url/api/admin/security/$endpoint"
  exit 0
fi
response=$(curl -sS -w '\n%{http_code}' -X POST "$url/api/admin/security/$endpoint" \
  -H 'Content-Type: application/json' --data-raw "$body" \
  -H @<(printf 'Authorization: Bearer %s\n' "$(tr -d '\n' <"$token_file")"))
status=${response##*$'\n'}
body=${response%$'\n'*}
[[ "$status" == 200 ]] || fail "revocation refused with HTTP $status: $body"
log "every token issued before now is revoked"
echo "$body"
