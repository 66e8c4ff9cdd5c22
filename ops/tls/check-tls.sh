#!/usr/bin/env bash
# Checks a TLS endpoint as a client on the internet sees it: TLS 1.0 and 1.1 must be refused,
# TLS 1.2 and 1.3 accepted. Prints each protocol's outcome and the served certificate's serial,
# subject and expiry (the serial changes when a renewed certificate is picked up).
#
# Usage: ops/tls/check-tls.sh HOST:PORT [SERVER_NAME]
#   HOST:PORT    where to connect: shop.example.in:443 (the ingress), localhost:8443 (profile tls)
#   SERVER_NAME  the host name to ask for (SNI); defaults to HOST
# Exits 1 when a protocol is answered otherwise, or when nothing answers. Reads only; needs openssl.
# See docs/runbooks/tls.md.
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"

parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"
[[ $# -ge 1 && $# -le 2 ]] || fail "usage: ${0##*/} HOST:PORT [SERVER_NAME] (--help)"
target=$1
[[ "$target" == *:* ]] || fail "give HOST:PORT, e.g. localhost:8443"
name=${2:-${target%:*}}
command -v openssl >/dev/null || fail "openssl is not installed"

# handshake FLAG: prints the negotiated protocol and cipher suite, or "-" and the server's alert
# when it refused. SECLEVEL=0 lets this client offer the old protocols at all: the server must say no.
handshake() {
  local out protocol
  out=$(timeout 15 openssl s_client -brief -connect "$target" -servername "$name" "$1" \
    -cipher 'DEFAULT:@SECLEVEL=0' </dev/null 2>&1 || true)
  protocol=$(sed -n 's/^Protocol version: //p' <<<"$out")
  if [[ -n "$protocol" ]]; then
    printf '%s %s\n' "$protocol" "$(sed -n 's/^Ciphersuite: //p' <<<"$out")"
  else
    printf -- '- %s\n' "$(grep -o 'alert [a-z ]*' <<<"$out" | head -n 1 || true)"
  fi
}

problems=0
for protocol in tls1:refused tls1_1:refused tls1_2:accepted tls1_3:accepted; do
  flag=-${protocol%%:*}
  expected=${protocol##*:}
  negotiated=$(handshake "$flag")
  if [[ "$negotiated" != -* ]]; then outcome=accepted; else outcome=refused; fi
  if [[ "$outcome" == "$expected" ]]; then verdict=ok; else verdict=WRONG; problems=$((problems + 1)); fi
  printf '%-8s %-9s %s %s\n' "${flag#-}" "$outcome" "$verdict" "$negotiated"
done

certificate=$(timeout 15 openssl s_client -connect "$target" -servername "$name" </dev/null 2>/dev/null \
  | openssl x509 -noout -serial -subject -enddate 2>/dev/null || true)
[[ -n "$certificate" ]] || fail "no certificate from $target"
printf '%s\n' "$certificate"
expires=$(sed -n 's/^notAfter=//p' <<<"$certificate")
printf 'days-left=%s\n' "$(( ($(date -u -d "$expires" +%s) - $(date -u +%s)) / 86400 ))"

(( problems == 0 )) || fail "$problems protocol(s) answered otherwise than TLS 1.2 and 1.3 only"
log "$target speaks TLS 1.2 and 1.3 only"
