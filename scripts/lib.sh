# Shared helpers for scripts/*: the repository root, quiet command runs,
# and the environment every emscripten call needs. Sourced, not run.

FORDELA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export FORDELA_ROOT

# Debian's emscripten runs Node scripts that need acorn from here.
export NODE_PATH=/usr/share/nodejs

say() { printf '%s\n' "$*"; }
die() { printf '%s: %s\n' "${0##*/}" "$*" >&2; exit 1; }

# Runs a command with its output kept in a log; shows the log only when
# the command fails. Usage: quietly LABEL command args...
quietly() {
  local label="$1"; shift
  local log
  log="$(mktemp "${TMPDIR:-/tmp}/fordela-${label//[^A-Za-z0-9]/-}.XXXXXX")"
  local status=0
  "$@" >"$log" 2>&1 || status=$?
  if [[ "$status" -eq 0 ]]; then
    rm -f "$log"
    return 0
  fi
  say "${0##*/}: ${label} failed (exit ${status}):" >&2
  tail -n 60 "$log" >&2
  rm -f "$log"
  return "$status"
}

# Runs a command as root: directly when we are root, else with sudo.
as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}
