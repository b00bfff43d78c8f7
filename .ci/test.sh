#!/usr/bin/env bash
# The whole test suite: installs what the tests need, builds the reference
# checker kcheck (from ../shared), then runs every test target.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/deps.sh
KCHECK="$(bash ../shared/tools/kcheck/build.sh)"
export KCHECK
swift build --build-tests
# The property tests over thousands of programs keep both cores busy; the
# runtime's timing tests (cancellation, signals) run apart from them.
heavy='PipelineInvariantTests|LintCompileAgreementTests'
swift test --skip-build --skip "$heavy"
swift test --skip-build --filter "$heavy"
