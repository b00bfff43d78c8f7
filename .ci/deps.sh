#!/usr/bin/env bash
# Installs what bpc and its tests need on a fresh Debian machine of this kind:
# libyaml-dev (the YAML library bpc links; its archive for the static release
# build), glibc's and libstdc++'s archives, graphviz (DOT rendering tests),
# Python's jsonschema (the SARIF schema test), PostgreSQL (bpc run's end-to-end test).
# neovim (the language server's editor test).
# Go comes with kcheck's own build script. Safe to run again.
# `bash .ci/deps.sh build` installs only what building bpc needs.
set -euo pipefail
missing=()
dpkg -s libyaml-dev >/dev/null 2>&1 || missing+=(libyaml-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# The release bpc is linked statically: glibc's and libstdc++'s archives
# (usually there already with the Swift toolchain's prerequisites).
dpkg -s libc6-dev >/dev/null 2>&1 || missing+=(libc6-dev)
if ! compgen -G "/usr/lib/gcc/*/*/libstdc++.a" >/dev/null; then
  gcc_major=$(gcc -dumpversion 2>/dev/null | cut -d. -f1 || true)
  if [ -n "$gcc_major" ]; then missing+=("libstdc++-$gcc_major-dev"); else missing+=(g++); fi
fi
if [ "${1:-}" != "build" ]; then
  command -v dot >/dev/null 2>&1 || missing+=(graphviz)
  # PostgreSQL server and client: bpc run's end-to-end test (.ci/postgres-e2e.sh)
  # starts its own server on loopback; runuser (util-linux) runs it as postgres.
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  # Neovim 0.7: the language server's end-to-end test in a real editor (NeovimLSPTests).
  command -v nvim >/dev/null 2>&1 || missing+=(neovim)
fi
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
[ "${1:-}" = "build" ] && exit 0
# jsonschema: the SARIF test validates `bpc lint --format sarif` against the
# official schema with Python. Installed only when python3 cannot import it.
if ! python3 -c 'import jsonschema' >/dev/null 2>&1; then
  python3 -m pip install --quiet jsonschema \
    || python3 -m pip install --quiet --user --break-system-packages jsonschema
fi
