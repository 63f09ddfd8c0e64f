#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keychain tests
# talk to a real Secret Service. The keyring lives in a throw-away XDG_DATA_HOME: a keyring left
# from an earlier run with another password would be locked ("Cannot create an item in a locked
# collection"). Needs: dbus-run-session, gnome-keyring-daemon (scripts/install-test-deps.sh).
set -euo pipefail
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null; then
    echo "error: $tool: not installed (run: bash scripts/install-test-deps.sh)" >&2
    exit 2
  fi
done
data_home="$(mktemp -d)"
trap 'rm -rf "$data_home"' EXIT
export XDG_DATA_HOME="$data_home"
export SALDO_TEST_KEYRING=1
# shellcheck disable=SC2016 # expanded by the inner shell
exec dbus-run-session -- sh -c '
  printf "saldo-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
' with-keyring "$@"
