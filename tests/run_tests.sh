#!/usr/bin/env bash
# Runs every test binary of each build directory given (plain, then
# sanitizers) and ends with one line "N passed, N failed, N skipped".
# Usage: tests/run_tests.sh SHARED_DATA_DIR BUILD_DIR [BUILD_DIR...]
# A build directory named */aarch64* (the Pi cross build) on another machine
# runs under $BC_QEMU_AARCH64 (e.g. "qemu-aarch64 -L /usr/aarch64-linux-gnu"),
# without the binaries named in $BC_TEST_SKIP.
set -u
export BC_SHARED_DATA="$1"
shift
passed=0 failed=0 skipped=0 broken=()
for build in "$@"; do
	export BC_BUILD="$build" BC_BACKCOACH="$build/backcoach"
	emulator=()
	if [[ "$build" == *aarch64* && "$(uname -m)" != aarch64 && -n "${BC_QEMU_AARCH64:-}" ]]; then
		read -r -a emulator <<<"$BC_QEMU_AARCH64"
		# Tests that start build/backcoach themselves need it emulated too,
		# and so does the backcoach-app it hands run and report to (the
		# kernel here cannot exec an aarch64 program: BACKCOACH_APP).
		for program in backcoach backcoach-app; do
			printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$BC_QEMU_AARCH64" \
				"$(cd "$build" && pwd)/$program" >"$build/$program-qemu"
			chmod +x "$build/$program-qemu"
		done
		export BC_BACKCOACH="$build/backcoach-qemu"
		BACKCOACH_APP="$(cd "$build" && pwd)/backcoach-app-qemu"
		export BACKCOACH_APP
		export BC_TEST_EMULATED=1 # timing checks may skip themselves
		# this qemu-user hangs in pthread_create: replay reads in one thread
		export BACKCOACH_READAHEAD=0
	else
		unset BC_TEST_EMULATED BACKCOACH_READAHEAD BACKCOACH_APP
	fi
	for t in "$build"/tests/test_*; do
		[ -x "$t" ] || continue
		if [ ${#emulator[@]} -gt 0 ] && [[ " ${BC_TEST_SKIP:-} " == *" $(basename "$t") "* ]]; then
			echo "skip $t (not run under emulation)"
			continue
		fi
		log=$(mktemp)
		"${emulator[@]}" "$t" >"$log" 2>&1
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
