#!/usr/bin/env bash
# The whole test suite: installs what the tests need, builds the reference
# checker kcheck (from ../shared), then runs every test target.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/deps.sh
KCHECK="$(bash ../shared/tools/kcheck/build.sh)"
export KCHECK
swift build --build-tests
swift test --skip-build
