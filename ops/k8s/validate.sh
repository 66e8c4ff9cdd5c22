#!/usr/bin/env bash
# Validates BuildNest's Kubernetes manifests offline, with no cluster: lints the sources with
# yamllint, renders every overlay (staging, production, the production soft launch with its canary
# component) and the cluster issuers with `kubectl kustomize`, and checks every rendered object,
# plus the Secret template, with deploy/k8s/validate/validate.mjs (schemas of kubernetes-models,
# @kubernetes-models/argo-rollouts and @kubernetes-models/cert-manager, and a check for unknown
# fields). First the validator proves on its own fixtures that it refuses a misspelled field and a
# wrong type. Needs kubectl, node (20+), npm and yamllint; npm installs from its cache when it can.
#
# Usage: ops/k8s/validate.sh [--render-to DIR] [--dry-run]
#   --render-to DIR  keep the rendered manifests in DIR (one file per target)
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"
cd "$(dirname "$0")/../.."

render_to=""
while (($#)); do
  case "$1" in
    --render-to) render_to=$2; shift 2 ;;
    *) fail "unknown argument $1 (see --help)" ;;
  esac
done

targets=(overlays/staging overlays/production overlays/production-soft-launch cluster-issuers)
for tool in kubectl node npm yamllint; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done
if [[ "$BUILDNEST_DRY_RUN" == true ]]; then
  log "dry-run: would lint deploy/k8s, install the validator and render and validate: ${targets[*]}"
  exit 0
fi

log "yamllint deploy/k8s"
yamllint --strict -c deploy/k8s/.yamllint deploy/k8s || fail "yamllint found problems"

log "installing the validator (npm ci)"
(cd deploy/k8s/validate && { npm ci --offline --no-audit --no-fund --loglevel=error >/dev/null 2>&1 \
  || npm ci --no-audit --no-fund --loglevel=error >/dev/null; }) || fail "npm ci failed in deploy/k8s/validate"

log "self-check: the validator must refuse misspelled fields and wrong types"
node deploy/k8s/validate/validate.mjs --self-check >/dev/null || fail "the validator's self-check failed"

out=${render_to:-$(mktemp -d)}
mkdir -p "$out"
[[ -n "$render_to" ]] || trap 'rm -rf "$out"' EXIT
for target in "${targets[@]}"; do
  file="$out/${target//\//-}.yaml"
  kubectl kustomize "deploy/k8s/$target" >"$file" || fail "kustomize could not render $target"
  result=$(node deploy/k8s/validate/validate.mjs "$file") || fail "$target does not validate"
  log "$target: $result"
done
result=$(node deploy/k8s/validate/validate.mjs deploy/k8s/base/secret-template.yaml) \
  || fail "the Secret template does not validate"
log "secret template: $result"
log "Kubernetes manifests: valid"
