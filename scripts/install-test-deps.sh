#!/usr/bin/env bash
# System packages the test suite needs, installed with apt (Debian). Safe to run again.
set -euo pipefail
PACKAGES=(ca-certificates git)
export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
