#!/usr/bin/env bash
# Runs every fuzz target in fuzz/ for SECONDS seconds each (default 60), JOBS at a time
# (default 2), and prints each target's executions and any crash.
#
#   scripts/fuzz.sh 600          # ten minutes per target
#   TARGETS="layout sentences" scripts/fuzz.sh 120
#
# cargo-fuzz needs nightly compiler flags (-Z sanitizer, -Z coverage options). On a stable
# toolchain, RUSTC_BOOTSTRAP=1 lets stable rustc accept them; that is what this script does,
# so no nightly toolchain is needed (install the tool once with `cargo install cargo-fuzz`).
# The sanitizer is off (-s none): the code is safe Rust, and the fuzzer runs several times
# faster without AddressSanitizer; set SANITIZER=address to turn it back on.
#
# A crash leaves its input in fuzz/artifacts/TARGET/; keep it as a test in
# tests/regressions.rs (as a byte string literal) once it is fixed.
set -euo pipefail

seconds="${1:-60}"
jobs="${JOBS:-2}"
sanitizer="${SANITIZER:-none}"
cd "$(dirname "$0")/../fuzz"
export RUSTC_BOOTSTRAP=1

targets="${TARGETS:-$(cargo fuzz list)}"
cargo fuzz build -s "$sanitizer"

mkdir -p logs
run_one() {
    local target="$1"
    local log="logs/$target.log"
    if cargo fuzz run -s "$sanitizer" "$target" -- -max_total_time="$seconds" -print_final_stats=1 \
        >"$log" 2>&1; then
        echo "$target: ok, $(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}') executions in ${seconds}s"
    else
        echo "$target: FAILED (see fuzz/$log and fuzz/artifacts/$target/)"
        return 1
    fi
}
export -f run_one
export seconds sanitizer

status=0
printf '%s\n' $targets | xargs -P "$jobs" -I{} bash -c 'run_one {}' || status=1
exit "$status"
