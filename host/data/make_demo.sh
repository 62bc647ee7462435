#!/usr/bin/env bash
# The bundled demo sessions for `make run` with no sensor, one per exercise
# (host/data/demo-NAME.csv.gz; host/demo.h), made by the simulator with
# fixed seeds: a mixed session of each (counted reps and the mistakes the
# exercise can have), default holds, so the app's default settings count
# them as `backcoach replay` does. The simulator is deterministic: the same
# build gives the same bytes. tests/test_app_demo.c replays every one.
#
# Usage: host/data/make_demo.sh [NAME...]   (from anywhere; runs make;
#        no NAME: every exercise; `make demo-data` runs it)
set -euo pipefail
cd "$(dirname "$0")/../.."
make --no-print-directory -j2 build/backcoach >/dev/null

# The wearer (person 7), seed and rate are the same for all; the bridge keeps
# the ten reps of the single demo it replaces.
demo() {
	local ex=$1
	shift
	build/backcoach sim --exercise "$ex" --scenario mixed --seed 2024 --rate 100 --person 7 \
		"$@" --out "host/data/demo-$ex.csv.gz"
}

# Every exercise the program knows, as its --help lists them.
mapfile -t all < <(build/backcoach sim --help |
	awk '/^exercises:/ { on = 1; next } on && /^$/ { exit } on { print $1 }')
for ex in "${@:-${all[@]}}"; do
	case $ex in
	bridge) demo bridge --reps 10 ;;
	*) demo "$ex" --reps 6 ;;
	esac
done
