#!/usr/bin/env bash
# System packages the test suite needs, installed with apt (Debian). Safe to run again.
set -euo pipefail
# keytar builds from source against libsecret; gnome-keyring + dbus give the tests a real Secret Service.
# chromium (+ a font) runs the dashboard end-to-end tests and the dashboard bench.
PACKAGES=(ca-certificates git pkg-config g++ make python3 libsecret-1-dev gnome-keyring dbus dbus-bin libsecret-tools
  chromium fonts-dejavu-core)
export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
