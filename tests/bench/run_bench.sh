#!/usr/bin/env bash
# Runs every benchmark binary of a build (make bench).
# Usage: tests/bench/run_bench.sh BUILD_DIR SHARED_DATA_DIR
set -u
build="$1"
data="$2"
status=0
for b in "$build"/bench/bench_*; do
	[ -x "$b" ] || continue
	"$b" "$build" "$data" || { echo "FAILED: $b"; status=1; }
done
exit $status
