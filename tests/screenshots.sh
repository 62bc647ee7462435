#!/bin/sh
# make screenshots: the README's pictures of the coach, made by the real
# command (backcoach run --trace ... --quit-after ... --screenshot ...) at
# the 7" display's 800x480, with SDL's dummy video driver (no display needed).
# Replays run at --speed X, so --quit-after S shows the trace at about S*X
# seconds in.
#
# The sessions are the bundled demos (host/data/demo-*.csv.gz), so the
# pictures show what `make run` shows.
#
#   tests/screenshots.sh BUILD_DIR OUT_DIR
set -eu
build=${1:-build}
out=${2:-docs/screenshots}
mkdir -p "$out"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
data=host/data
demo=$data/demo-bridge.csv.gz

shot() {
	name=$1
	shift
	SDL_VIDEODRIVER=dummy BACKCOACH_HOME="$home" "$build/backcoach" run --size 800x480 \
		--screenshot "$out/$name.png" "$@" </dev/null
	echo "screenshots: $out/$name.png"
}

shot home --trace "$demo" --home --quit-after 0.5
shot calibration --trace "$demo" --speed 4 --quit-after 4.3
shot exercise --trace "$demo" --speed 10 --quit-after 7.75
shot cat-cow --trace tests/traces/cat-cow-mixed.csv.gz --speed 4 --quit-after 5.3
shot posture --trace tests/traces/posture-mixed.csv.gz --speed 10 --quit-after 3.7
shot summary --trace "$demo" --speed 200
shot knee-to-chest --trace $data/demo-knee-to-chest.csv.gz --speed 10 --quit-after 5.8
shot summary-sides --trace $data/demo-knee-to-chest.csv.gz --speed 200

# The new exercises' screens (depth bar, the turn's side, the pace ring), from
# their demos once they exist (host/data/make_demo.sh after the detectors).
new_shot() {
	name=$1
	trace=$data/demo-$1.csv.gz
	shift
	if [ -f "$trace" ]; then
		shot "$name" --trace "$trace" "$@"
	else
		echo "screenshots: $trace missing (host/data/make_demo.sh $name): $name.png not made"
	fi
}
new_shot deep-squat --speed 10 --quit-after 3.5
new_shot crossover --speed 10 --quit-after 3.2
new_shot shoulder-squeeze --speed 10 --quit-after 2.5
