#!/usr/bin/env bash
# Installs what bpc and its tests need on a fresh Debian machine of this kind:
# libyaml-dev (the YAML library bpc links), graphviz (DOT rendering tests).
# Go comes with kcheck's own build script. Safe to run again.
set -euo pipefail
missing=()
dpkg -s libyaml-dev >/dev/null 2>&1 || missing+=(libyaml-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
