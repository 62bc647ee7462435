#!/usr/bin/env bash
# Runs every benchmark binary of a build (make bench).
# Usage: tests/bench/run_bench.sh BUILD_DIR SHARED_DATA_DIR
#
# bench_render measures to the presented frame on a display: without one,
# it runs under a private Xvfb (xvfb-run -a, from make deps) that ends with it.
set -u
build="$1"
data="$2"
status=0
for b in "$build"/bench/bench_*; do
	[ -x "$b" ] || continue
	run=()
	if [ "$(basename "$b")" = bench_render ] && [ -z "${DISPLAY:-}" ] &&
		[ -z "${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
		run=(xvfb-run -a -s "-screen 0 800x480x24 -nolisten tcp")
	fi
	"${run[@]}" "$b" "$build" "$data" || { echo "FAILED: $b"; status=1; }
done
exit $status
