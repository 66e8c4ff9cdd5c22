#!/usr/bin/env bash
# Shared by every ops/ script: strict mode, timestamped logging, --help and --dry-run.
# Source it first thing:  . "$(dirname "$0")/../lib/common.sh"
set -euo pipefail

BUILDNEST_DRY_RUN=${BUILDNEST_DRY_RUN:-false}

log()  { printf '%s [%s] %s\n' "$(date -u +%H:%M:%S)" "${0##*/}" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

# run CMD...: runs a command, or only prints it under --dry-run.
run() {
  if [[ "$BUILDNEST_DRY_RUN" == true ]]; then
    log "dry-run: $*"
  else
    "$@"
  fi
}

# parse_common_flags "$@": handles --help (prints the script's header comment) and --dry-run;
# leaves the remaining arguments in REMAINING_ARGS.
parse_common_flags() {
  REMAINING_ARGS=()
  for arg in "$@"; do
    case "$arg" in
      -h|--help) sed -n '2,/^[^#]/{/^# shellcheck/d;/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;;
      --dry-run) BUILDNEST_DRY_RUN=true ;;
      *) REMAINING_ARGS+=("$arg") ;;
    esac
  done
}

# wait_for SECONDS DESCRIPTION CMD...: retries CMD once a second until it succeeds or time runs out.
wait_for() {
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    (( SECONDS < deadline )) || return 1
    sleep 1
  done
  log "$what: ok"
}

# free_port: prints a TCP port nobody listens on.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# packaged_jar: prints the path of the jar that ./mvnw package built, or nothing (and succeeds
# either way, so `jar=$(packaged_jar)` under `set -e` goes on to say what is missing).
packaged_jar() {
  local jar
  for jar in target/buildnest-*.jar; do
    [[ -f "$jar" ]] && { echo "$jar"; return 0; }
  done
  return 0
}
