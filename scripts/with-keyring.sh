#!/usr/bin/env bash
# Runs a command with a real OS keychain (Secret Service) where one can be started:
# inside a private D-Bus session with gnome-keyring unlocked by an empty password.
# Where gnome-keyring or dbus-run-session is missing (a developer's Mac or Windows box),
# the command runs as is and uses the machine's own keychain.
set -euo pipefail
if [[ -n "${WDT_KEYRING_READY:-}" ]] || ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  exec "$@"
fi
export WDT_KEYRING_READY=1
exec dbus-run-session -- bash -c '
  eval "$(printf "" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
  exec "$@"
' bash "$@"
