#!/usr/bin/env bash
# Creates or updates BuildNest's Kubernetes Secrets (buildnest-secrets, buildnest-smoke-account)
# with the keys listed in deploy/k8s/base/secret-template.yaml, and applies them with
# `kubectl apply --server-side` through a pipe: no value is ever printed or written to disk.
#
# Where each value comes from, first match wins:
#   1. a file DIR/<key> of --from-dir DIR (e.g. a tmpfs holding what Razorpay's dashboard shows);
#   2. the key's environment variable in Spring's form (buildnest.payment.razorpay.key-secret is
#      BUILDNEST_PAYMENT_RAZORPAY_KEYSECRET), for values handed over by a secrets manager;
#   3. the value the Secret already holds in the cluster, unless the key is named by --rotate;
#   4. generated: buildnest.customer.jwt.secret gets 512 random bits (base64, HS512); every other
#      generated key 256 random bits (43 URL-safe characters). Razorpay's key id and key secret
#      are never generated: they must come from 1 or 2 (or already be in the cluster). The user
#      names start as buildnest_a (database; the rotation alternates with buildnest_b) and
#      buildnest (Redis ACL).
# Each rotation record buildnest.rotated-at.<secret> is set to the current time whenever its
# secret gets a new value, and kept otherwise: the application exports the secret's age from it.
# So a second run changes nothing, and `--rotate spring.datasource.password` replaces one value.
# A generated database or Redis password must then be given to the database or Redis user too
# (docs/runbooks/secret-rotation.md); the webhook secret is entered in Razorpay's dashboard.
#
# --dry-run does not contact the cluster: it prints each Secret as it would be applied, with every
# value masked (its source and length only).
#
# Usage: ops/secrets/generate-k8s-secret.sh [--namespace NS] [--from-dir DIR] [--rotate KEY]...
#          [--kubectl PATH] [--template FILE] [--dry-run]
#   --namespace NS    the namespace of the Secrets (default: buildnest)
#   --kubectl PATH    the kubectl to run (default: kubectl from PATH)
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"

namespace=buildnest
from_dir=""
kubectl=kubectl
template="$(dirname "$0")/../../deploy/k8s/base/secret-template.yaml"
rotate=()
while (($#)); do
  (($# >= 2)) || fail "$1 needs a value (see --help)"
  case "$1" in
    --namespace) namespace=$2 ;;
    --from-dir) from_dir=$2 ;;
    --kubectl) kubectl=$2 ;;
    --template) template=$2 ;;
    --rotate) rotate+=("$2") ;;
    *) fail "unknown argument $1 (see --help)" ;;
  esac
  shift 2
done
[[ -f "$template" ]] || fail "no Secret template at $template"
[[ -z "$from_dir" || -d "$from_dir" ]] || fail "--from-dir $from_dir is not a directory"
[[ "$namespace" =~ ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$ ]] || fail "--namespace $namespace is not a namespace name"
command -v python3 >/dev/null || fail "python3 is needed"
if [[ "$BUILDNEST_DRY_RUN" != true ]]; then
  command -v "$kubectl" >/dev/null || fail "$kubectl not found (see --kubectl)"
fi

# The Secret builder: reads the template and the Secret as the cluster has it (JSON, or nothing) on
# stdin; writes the Secret to apply (JSON) or, for --dry-run, a masked rendering to stdout; reports
# each key's source (never its value) on stderr.
read -r -d '' BUILDER <<'PY' || true
import base64, json, os, re, secrets, sys

EXTERNAL = {"buildnest.payment.razorpay.key-id", "buildnest.payment.razorpay.key-secret"}

def template_secrets(path):
    """Secret name -> ordered keys, from the template's documents (metadata.name, stringData keys)."""
    found, current, section = {}, None, None
    for line in open(path, encoding="utf-8"):
        if line.startswith("---"):
            current, section = None, None
        elif re.match(r"^\S", line):
            section = line.split(":")[0]
        elif section == "metadata" and (m := re.match(r"^  name:\s*(\S+)", line)):
            current = m.group(1)
            found.setdefault(current, [])
        elif section == "stringData" and (m := re.match(r"^  ([A-Za-z0-9._-]+):", line)):
            found.setdefault(current, []).append(m.group(1))
    return found

def environment_name(key):
    return re.sub(r"[.]", "_", key.replace("-", "")).upper()

USERS = {"spring.datasource.username": "buildnest_a", "spring.data.redis.username": "buildnest"}
RECORDS = {"buildnest.rotated-at.jwt": "buildnest.customer.jwt.secret",
           "buildnest.rotated-at.database": "spring.datasource.password",
           "buildnest.rotated-at.redis": "spring.data.redis.password",
           "buildnest.rotated-at.razorpay": "buildnest.payment.razorpay.key-secret"}

def generate(key):
    if key in USERS:
        return USERS[key]
    if key == "buildnest.customer.jwt.secret":
        return base64.b64encode(secrets.token_bytes(64)).decode()
    return secrets.token_urlsafe(32)

mode, template = sys.argv[1:3]
if mode == "names":   # the Secrets of the template, and refuse a --rotate of a key none of them has
    found = template_secrets(template)
    unknown = set(filter(None, sys.argv[3].split(","))) - {k for keys in found.values() for k in keys}
    if unknown or not found:
        sys.exit(f"{template}: no Secret with key(s) {', '.join(sorted(unknown))}" if unknown else f"{template}: no Secret")
    print(" ".join(found))
    sys.exit(0)
name, namespace, from_dir, rotate = sys.argv[3:7]
rotate = set(filter(None, rotate.split(",")))
keys = template_secrets(template).get(name)
if not keys:
    sys.exit(f"{template} has no Secret {name} with keys")
existing = sys.stdin.read().strip()
held = {}
if existing:
    held = {k: base64.b64decode(v).decode() for k, v in (json.loads(existing).get("data") or {}).items()}

values, sources, missing = {}, {}, []
for key in [k for k in keys if k not in RECORDS]:
    path = os.path.join(from_dir, key) if from_dir else None
    variable = environment_name(key)
    if path and os.path.isfile(path):
        values[key], sources[key] = open(path, encoding="utf-8").read().strip(), f"from {path}"
    elif os.environ.get(variable):
        values[key], sources[key] = os.environ[variable].strip(), f"from ${variable}"
    elif key in held and held[key] and key not in rotate:
        values[key], sources[key] = held[key], "kept from the cluster"
    elif key in EXTERNAL:
        missing.append(f"{key}: give it as {from_dir or 'DIR'}/{key} (--from-dir) or ${variable}")
        continue
    elif mode == "dry-run" and key not in rotate:
        values[key], sources[key] = generate(key), "generated unless the cluster holds one"
    else:
        values[key], sources[key] = generate(key), "generated" + (" (rotated)" if key in held else "")
    if not values[key]:
        missing.append(f"{key}: the value {sources[key]} is empty")
for record in [k for k in keys if k in RECORDS]:
    secret_key = RECORDS[record]
    if secret_key in values and held.get(record) and values[secret_key] == held.get(secret_key):
        values[record], sources[record] = held[record], "kept from the cluster"
    elif secret_key in values:
        from datetime import datetime, timezone
        values[record] = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        sources[record] = f"now: {secret_key} has a new value"
for key in keys:
    if key in sources:
        print(f"  {name} {key}: {sources[key]}, {len(values.get(key, ''))} characters", file=sys.stderr)
if missing:
    sys.exit("missing values:\n  " + "\n  ".join(missing))

secret = {
    "apiVersion": "v1", "kind": "Secret", "type": "Opaque",
    "metadata": {"name": name, "namespace": namespace,
                 "labels": {"app.kubernetes.io/part-of": "buildnest",
                            "app.kubernetes.io/managed-by": "generate-k8s-secret"}},
}
if mode == "dry-run":
    secret["stringData"] = {k: f"<masked: {sources[k]}, {len(values[k])} characters>" for k in keys}
    json.dump(secret, sys.stdout, indent=2)
    print()
else:
    secret["data"] = {k: base64.b64encode(values[k].encode()).decode() for k in keys}
    json.dump(secret, sys.stdout)
PY

rotations=$(IFS=,; echo "${rotate[*]}")
names=$(python3 -c "$BUILDER" names "$template" "$rotations") || fail "cannot read the Secrets of $template"

for name in $names; do
  if [[ "$BUILDNEST_DRY_RUN" == true ]]; then
    log "dry-run: Secret $namespace/$name would be applied as (values masked):"
    python3 -c "$BUILDER" dry-run "$template" "$name" "$namespace" "$from_dir" "$rotations" </dev/null \
      || fail "cannot build Secret $name"
    continue
  fi
  log "Secret $namespace/$name:"
  # Values live only in pipes and this shell's memory (printf is a builtin: no command line shows
  # them), and kubectl apply starts only once the whole Secret is built.
  current=$("$kubectl" get secret "$name" --namespace "$namespace" --ignore-not-found -o json) \
    || fail "could not read Secret $namespace/$name"
  manifest=$(printf '%s' "$current" \
    | python3 -c "$BUILDER" apply "$template" "$name" "$namespace" "$from_dir" "$rotations") \
    || fail "cannot build Secret $name"
  printf '%s' "$manifest" \
    | "$kubectl" apply --server-side --field-manager=buildnest-secrets --force-conflicts -f - >&2 \
    || fail "could not apply Secret $namespace/$name"
  unset current manifest
done
log "done: ${names// /, } in namespace $namespace"
