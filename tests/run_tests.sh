#!/usr/bin/env bash
# Runs every test binary of each build directory given (plain, then
# sanitizers) and ends with one line "N passed, N failed, N skipped".
# Usage: tests/run_tests.sh SHARED_DATA_DIR BUILD_DIR [BUILD_DIR...]
set -u
export BC_SHARED_DATA="$1"
shift
passed=0 failed=0 skipped=0 broken=()
for build in "$@"; do
	export BC_BUILD="$build" BC_BACKCOACH="$build/backcoach"
	for t in "$build"/tests/test_*; do
		[ -x "$t" ] || continue
		log=$(mktemp)
		"$t" >"$log" 2>&1
		rc=$?
		p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
		f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
		s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
		passed=$((passed + ${p:-0})) failed=$((failed + ${f:-0})) skipped=$((skipped + ${s:-0}))
		if [ $rc -ne 0 ] || [ -z "$p$f" ]; then
			cat "$log"
			broken+=("$t")
			[ -z "$f" ] && failed=$((failed + 1))
		else
			grep -E '^\[ *(SKIPPED|FAILED) *\]|skipped:' "$log" | sed "s|^|$(basename "$t"): |"
			echo "ok   $t (${p:-0} passed)"
		fi
		rm -f "$log"
	done
done
[ ${#broken[@]} -gt 0 ] && printf 'FAILED: %s\n' "${broken[@]}"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ ${#broken[@]} -eq 0 ]
