#!/usr/bin/env bash
# Builds the libFuzzer harness (BPC_FUZZ=1, ASan + libFuzzer, scratch path
# .build-fuzz: the normal build is untouched) and runs fuzz targets on seed
# corpora with dictionaries. See Fuzz/README.md.
#
#   Fuzz/run.sh build                      build only; prints the binary's path
#   Fuzz/run.sh ci [SCALE]                 every target a fixed number of executions (about 25 s each
#                                          at SCALE 1, the default), seed 1, fresh corpus; fails on any crash
#   Fuzz/run.sh run TARGET [SECONDS] [libFuzzer flags...]   one target, corpus kept in .build-fuzz/corpus/TARGET
#   Fuzz/run.sh repro TARGET FILE...       runs the inputs once and prints the broken properties
#
# Targets: parser template compile importer lsp. FUZZ_CONFIG=debug|release (default release).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
config=${FUZZ_CONFIG:-release}
scratch="$root/.build-fuzz"
targets=(parser template compile importer lsp)
regressions="$root/Tests/FuzzReplayTests/Fixtures"
shared="$root/../shared/kanister/examples"

build() {
    BPC_FUZZ=1 swift build -c "$config" --product bpc-fuzz --scratch-path "$scratch" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 |
        grep -vE "Cannot export local symbol|^\[[0-9]+/[0-9]+\]" >&2 || true
    local binary="$scratch/$config/bpc-fuzz"
    [[ -x "$binary" ]] || { echo "Fuzz/run.sh: the fuzz build failed" >&2; exit 2; }
    echo "$binary"
}

dictionary() {
    case "$1" in
        parser | compile) echo "$root/Fuzz/dict/bp.dict" ;;
        template) echo "$root/Fuzz/dict/gotemplate.dict" ;;
        importer) echo "$root/Fuzz/dict/yaml.dict" ;;
        lsp) echo "$root/Fuzz/dict/lsp.dict" ;;
    esac
}

# Seeds: the samples and .bp fixtures; the real blueprints; one file per template
# line of both; every input a campaign ever failed on.
seed() {
    local target=$1 dir="$scratch/seeds/$1"
    rm -rf "$dir" && mkdir -p "$dir"
    local bp yaml
    mapfile -t bp < <(find Samples Tests -name '*.bp' -size -64k | sort)
    mapfile -t yaml < <(find "$shared" Tests -name '*.yaml' -size -64k 2>/dev/null | sort)
    case "$target" in
        parser | compile) cp "${bp[@]}" "$dir/" 2>/dev/null || true ;;
        importer) for f in "${yaml[@]}"; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
        # Documents (each with the script its bytes hash to) and, from the kept
        # regressions below, framed JSON-RPC sessions.
        lsp) cp Samples/*.bp "$dir/" 2>/dev/null || true ;;
        template)
            local n=0
            grep -ho '[^"]*{{.*' "${bp[@]}" "${yaml[@]}" 2>/dev/null | sort -u | while IFS= read -r line; do
                n=$((n + 1))
                printf '%s' "$line" > "$dir/line-$n"
            done
            ;;
    esac
    if [[ -d "$regressions/$target" ]]; then cp "$regressions/$target"/* "$dir/" 2>/dev/null || true; fi
    echo "$dir"
}

# fuzz TARGET SECONDS CORPUS [flags...]: grows CORPUS; crashes go to .build-fuzz/crashes/TARGET.
fuzz() {
    local binary=$1 target=$2 seconds=$3 corpus=$4
    shift 4
    local crashes="$scratch/crashes/$target"
    mkdir -p "$corpus" "$crashes"
    local seeds
    seeds=$(seed "$target")
    nice -n 10 "$binary" "$target" -dict="$(dictionary "$target")" -max_total_time="$seconds" -max_len=65536 \
        -timeout=20 -rss_limit_mb=4096 -detect_leaks=0 -artifact_prefix="$crashes/" -print_final_stats=1 \
        "$@" "$corpus" "$seeds"
}

# The executions per target that take about 25 s each on a 2-core machine.
executions() {
    case "$1" in
        parser) echo 20000 ;;
        template) echo 150000 ;;
        compile) echo 12000 ;;
        importer) echo 3500 ;;
        lsp) echo 900 ;;
    esac
}

# No leak checks (libFuzzer's -detect_leaks=0 per input, ASan's at exit):
# LeakSanitizer cannot follow pointers Swift stores with an enum's tag in their
# spare bits, so it reports the catalog's static tables as leaked (Swift frees
# by reference counting; a leak would be a cycle, which it cannot tell apart).
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
# Swift's crash backtracer hangs under ASan (up to its 30 s timeout per crash);
# libFuzzer prints the stack of a crash itself.
export SWIFT_BACKTRACE=enable=no

command=${1:-}
case "$command" in
    build) build ;;
    ci)
        # Reproducible: a fixed seed and number of executions from an empty corpus, so
        # what passes here passes in CI (a random campaign is `run`).
        scale=${2:-1}
        binary=$(build)
        failed=()
        for target in "${targets[@]}"; do
            runs=$(($(executions "$target") * scale))
            echo "== fuzz $target, $runs executions" >&2
            rm -rf "$scratch/ci-corpus/$target"
            if ! fuzz "$binary" "$target" 600 "$scratch/ci-corpus/$target" -seed=1 -runs="$runs" 2> "$scratch/$target.log"; then
                failed+=("$target")
                grep -E "property broken|ERROR: |SUMMARY|Test unit written" "$scratch/$target.log" >&2 || tail -30 "$scratch/$target.log" >&2
            fi
            grep -E "stat::number_of_executed_units|stat::peak_rss" "$scratch/$target.log" >&2 || true
        done
        if ((${#failed[@]})); then
            echo "Fuzz/run.sh: crashes in: ${failed[*]}; inputs in $scratch/crashes/ (keep each under $regressions/<target>/)" >&2
            exit 1
        fi
        ;;
    run)
        target=${2:?target}
        seconds=${3:-600}
        shift $(($# < 3 ? $# : 3))
        binary=$(build)
        fuzz "$binary" "$target" "$seconds" "$scratch/corpus/$target" "$@"
        ;;
    repro)
        target=${2:?target}
        shift 2
        binary=$(build)
        "$binary" "$target" -runs=1 -detect_leaks=0 "$@"
        ;;
    *)
        sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
