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

shot calibration --trace "$demo" --speed 4 --quit-after 4.3
shot exercise --trace "$demo" --speed 10 --quit-after 7.75
shot cat-cow --trace tests/traces/cat-cow-mixed.csv.gz --speed 4 --quit-after 5.3
shot posture --trace tests/traces/posture-mixed.csv.gz --speed 10 --quit-after 3.7
shot summary --trace "$demo" --speed 200
shot knee-to-chest --trace $data/demo-knee-to-chest.csv.gz --speed 10 --quit-after 5.8
shot summary-sides --trace $data/demo-knee-to-chest.csv.gz --speed 200

# The new exercises' screens mid-hold: the depth bar, the dog's incline, the
# turn's side, the arm asked for, the pace ring.
shot deep-squat --trace $data/demo-deep-squat.csv.gz --speed 10 --quit-after 7.5
shot downward-dog --trace $data/demo-downward-dog.csv.gz --speed 10 --quit-after 6.0
shot crossover --trace $data/demo-crossover.csv.gz --speed 10 --quit-after 6.0
shot lat-stretch --trace $data/demo-lat-stretch.csv.gz --speed 10 --quit-after 2.6
shot shoulder-squeeze --trace $data/demo-shoulder-squeeze.csv.gz --speed 10 --quit-after 3.3

# Readable from the floor, and every control from the buttons (--press
# scripts the presses): why the last attempt did not count, still large 6 s
# after the bridge's pelvis tipped (53.6 s into the demo); PAUSED; the
# question before a set ends early; the summary of a set ended early; a
# settings file with a mistake, shown large at the start.
shot reason --trace "$demo" --speed 10 --quit-after 6.0
shot paused --trace "$demo" --speed 10 --press pause@5.2 --quit-after 5.7
shot leave-confirm --trace $data/demo-knee-to-chest.csv.gz --speed 10 --press back@14 \
	--quit-after 14.4
shot ended-early --trace $data/demo-knee-to-chest.csv.gz --speed 10 \
	--press back@14,back@14.2 --quit-after 14.6
printf 'bridge.hold_s = two\n' >"$home/settings.conf"
shot settings-error --trace "$demo" --settings "$home/settings.conf" --speed 4 --quit-after 3

# A picture of every exercise: its start position and its movement (the
# calibration guide and the exercise screen show them moving), on one sheet
# drawn by the real renderer (tests/test_app_figures.c).
if [ -x "$build/tests/test_app_figures" ]; then
	BC_APP_RENDER_PNG_DIR="$out" "$build/tests/test_app_figures" >/dev/null 2>&1
	echo "screenshots: $out/figures.png"
fi

# The daily plan's screens (home, the exercise list, the rest between sets,
# progress, the profile chooser) need weeks of history, which a replay does
# not have: they are drawn by the app's own render code from a state built
# through its reducer over four weeks of a synthetic wearer
# (tests/test_app_plan_render.c, which also checks them).
frames=$(mktemp -d)
BC_APP_RENDER_PNG_DIR="$frames" "$build/tests/test_app_plan_render" >/dev/null
for pair in plan-home:home exercises:exercises rest:rest rest-next-item:rest-next-item \
	progress-calendar:progress-calendar progress-bridge:progress-bridge profiles:profiles; do
	cp "$frames/${pair%%:*}-800x480.png" "$out/${pair#*:}.png"
	echo "screenshots: $out/${pair#*:}.png"
done
rm -rf "$frames"
# The boot service with no sensor: what it probed, the demo a tap away
# (tests/test_app_kiosk.c draws it with the app's renderer).
frames=$(mktemp -d)
BC_APP_RENDER_PNG_DIR="$frames" "$build/tests/test_app_kiosk" >/dev/null
cp "$frames/plug-in-800x480.png" "$out/plug-in.png"
echo "screenshots: $out/plug-in.png"
rm -rf "$frames"

# The physiotherapist's report (README): four weeks of sessions replayed into
# a history at fixed dates (a few days missed), page 1 of the PDF rendered by
# poppler's pdftoppm (make deps installs poppler-utils).
history="$home/report-history.sqlite3"
for day in $(seq 1 28); do
	case $day in 3 | 7 | 10 | 11 | 17 | 24) continue ;; esac
	case $((day % 3)) in
	0) trace=host/data/demo-bridge.csv.gz ;;
	1) trace=tests/traces/bridge-correct.csv.gz ;;
	*) trace=tests/traces/bridge-mixed.csv.gz ;;
	esac
	when=$(printf '2026-03-%02dT08:30' "$day")
	"$build/backcoach" replay --history "$history" --started "$when" "$trace" >/dev/null
	if [ $((day % 3)) = 1 ]; then
		"$build/backcoach" replay --history "$history" --started "${when%08:30}18:00" \
			tests/traces/knee-to-chest-mixed.csv.gz >/dev/null
	fi
done
"$build/backcoach" report --history "$history" --until 2026-03-28 --days 28 \
	--out "$home/report.pdf" >/dev/null
if command -v pdftoppm >/dev/null; then
	pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$home/report.pdf" "$out/report-page1"
	echo "screenshots: $out/report-page1.png"
else
	echo "screenshots: no pdftoppm (poppler-utils, make deps): report-page1.png not made"
fi
