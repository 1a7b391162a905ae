#!/usr/bin/env bash
# Runs a command with a real OS keychain (Secret Service) where one can be started:
# inside a private D-Bus session with gnome-keyring unlocked, its keyrings in a throw-away folder.
# (With an empty password gnome-keyring creates no login keyring, so there would be no default
# collection and every write would fail: hence a non-empty test-only password.)
# Where gnome-keyring or dbus-run-session is missing (a developer's Mac or Windows box),
# the command runs as is and uses the machine's own keychain.
set -euo pipefail
if [[ -n "${WDT_KEYRING_READY:-}" ]] || ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  exec "$@"
fi
export WDT_KEYRING_READY=1
keyring_home="$(mktemp -d)"
trap 'rm -rf "$keyring_home"' EXIT
XDG_DATA_HOME="$keyring_home" dbus-run-session -- bash -c '
  eval "$(printf "wdt-bulk-test" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
  export GNOME_KEYRING_CONTROL 2>/dev/null || true
  exec "$@"
' bash "$@"
