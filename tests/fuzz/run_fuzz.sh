#!/usr/bin/env bash
# Runs the libFuzzer harnesses (tests/fuzz/fuzz_*.c, built by make into
# BUILD/fuzz/) for SECONDS each, from seed corpora made here out of
# tests/traces/, then replays tests/fuzz/regressions/NAME/* (inputs that once
# crashed). Prints each harness's inputs a second and inputs run.
#
# Usage: tests/fuzz/run_fuzz.sh BUILD SECONDS     (from the repository root)
#        tests/fuzz/run_fuzz.sh --check           exit 0 if clang can build a fuzzer
# A crash leaves its input in BUILD/fuzz/crashes/NAME/: commit it to
# tests/fuzz/regressions/NAME/ with the fix, and make test replays it.
set -u

if [ "${1:-}" = --check ]; then
	command -v clang >/dev/null 2>&1 || exit 1
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }\n' |
		clang -x c -fsanitize=fuzzer,address,undefined - -o /dev/null >/dev/null 2>&1
	exit
fi

build=$1
seconds=$2
fuzz=$build/fuzz
status=0

# Seeds: the head of every test trace (header and some rows, plain text) and
# the malformed examples; a few settings files; pipeline scripts that start
# with the wearing protocol, one per exercise.
make_corpora() {
	local c=$fuzz/corpus
	mkdir -p "$c/trace_reader" "$c/settings" "$c/pipeline"
	for f in tests/traces/*.csv.gz; do
		zcat "$f" | head -n 40 >"$c/trace_reader/$(basename "$f" .csv.gz)"
	done
	for f in tests/traces/malformed/*.csv; do
		cp "$f" "$c/trace_reader/malformed-$(basename "$f")"
	done
	printf '# hold the bridge longer\nbridge.hold_s = 5\nposture.alert_delay_s = 20\n' \
		>"$c/settings/two-keys"
	printf 'pelvic-tilt.hold_s = 10\n\n# nothing\nbridge.enter_deg=15\r\n' >"$c/settings/crlf"
	printf 'target_reps = 8\ncat-cow.min_phase_s = 1.0\n' >"$c/settings/general"
	for ex in 0 1 2 3 4 5 6 7 8 9 10; do
		for flags in 12 32; do
			# exercise, flags (protocol at 25 Hz; 0x20: through a trace file),
			# then turn, hold still, turn back
			printf "\\x$(printf %02x $ex)\\x$flags\\x01\\x01\\xec\\x28\\x00\\x30\\x00\\x00\\x01\\x01\\x14\\x28" \
				>"$c/pipeline/protocol-$ex-$flags"
		done
	done
}

# The harness's figures from libFuzzer's final stats.
report() {
	local name=$1 log=$2
	local units rate
	units=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	printf 'fuzz %-13s %8s inputs/s, %10s inputs run\n' "$name" "${rate:-?}" "${units:-?}"
}

make_corpora
for bin in "$fuzz"/fuzz_*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin")
	name=${name#fuzz_}
	crashes=$fuzz/crashes/$name
	mkdir -p "$crashes" "$fuzz/corpus-out/$name"
	log=$fuzz/$name.log
	"$bin" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$crashes/" \
		"$fuzz/corpus-out/$name" "$fuzz/corpus/$name" >"$log" 2>&1
	rc=$?
	report "$name" "$log"
	if [ $rc -ne 0 ]; then
		echo "fuzz $name: FAILED (exit $rc); the input is in $crashes/, the log in $log:"
		grep -m5 -E 'ERROR|SUMMARY|runtime error' "$log" | sed 's/^/  /'
		status=1
	fi
	# Inputs that crashed before must keep passing.
	regressions=(tests/fuzz/regressions/"$name"/*)
	if [ -e "${regressions[0]}" ]; then
		if ! "$bin" "${regressions[@]}" >"$fuzz/$name.regressions.log" 2>&1; then
			echo "fuzz $name: a regression input fails again (see $fuzz/$name.regressions.log)"
			status=1
		else
			echo "fuzz $name: ${#regressions[@]} regression input(s) pass"
		fi
	fi
done
exit $status
