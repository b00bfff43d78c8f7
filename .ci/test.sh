#!/usr/bin/env bash
# The whole test suite: installs what the tests need, builds the reference
# checker kcheck (from ../shared), then runs every test target.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/deps.sh
KCHECK="$(bash ../shared/tools/kcheck/build.sh)"
export KCHECK
swift build --build-tests
# Three runs: the runtime's tests time processes (cancellation, signals, a
# PostgreSQL server) and need the cores to themselves; the property tests over
# thousands of programs keep both cores busy.
heavy='PipelineInvariantTests|LintCompileAgreementTests'
runtime='BlueprintRuntimeTests'
swift test --skip-build --skip "$heavy|$runtime"
swift test --skip-build --filter "$runtime"
swift test --skip-build --filter "$heavy"
# A short fuzz run of every target (Fuzz/run.sh: a sanitizer build of its own,
# then a fixed number of executions per target, seed 1); any crash or broken
# property fails CI.
bash Fuzz/run.sh ci
