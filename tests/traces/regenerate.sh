#!/usr/bin/env bash
# Regenerates the committed synthetic traces (tests/traces/*.csv.gz) and the
# demo session (host/data/demo-session.csv.gz) with the exact commands below.
# The simulator is deterministic: the same build gives the same bytes.
# Usage: tests/traces/regenerate.sh   (from the repository root; runs make)
set -euo pipefail
cd "$(dirname "$0")/../.."
make --no-print-directory -j2 build/backcoach >/dev/null
sim() { build/backcoach sim "$@"; }
T=tests/traces

# One correct, one mixed (correct + every rejection kind that applies) and one
# distractor session per exercise; seeds, mountings and rates differ.
sim --exercise pelvic-tilt --scenario correct --seed 101 --rate 100 --out $T/pelvic-tilt-correct.csv.gz
sim --exercise pelvic-tilt --scenario mixed --seed 102 --rate 50 --dropouts 1 --out $T/pelvic-tilt-mixed.csv.gz
sim --exercise pelvic-tilt --scenario distractor:all --seed 103 --rate 50 --out $T/pelvic-tilt-distractor.csv.gz

sim --exercise bridge --scenario correct --seed 201 --rate 200 --mount aligned --out $T/bridge-correct.csv.gz
sim --exercise bridge --scenario mixed --seed 202 --rate 100 --out $T/bridge-mixed.csv.gz
sim --exercise bridge --scenario distractor:roll-over --seed 203 --rate 100 --out $T/bridge-distractor.csv.gz

sim --exercise cat-cow --scenario correct --seed 301 --rate 400 --reps 4 --out $T/cat-cow-correct.csv.gz
sim --exercise cat-cow --scenario mixed --seed 302 --rate 100 --dropouts 1 --out $T/cat-cow-mixed.csv.gz
sim --exercise cat-cow --scenario distractor:all --seed 303 --rate 50 --out $T/cat-cow-distractor.csv.gz

sim --exercise knee-to-chest --scenario correct --seed 401 --rate 50 --out $T/knee-to-chest-correct.csv.gz
sim --exercise knee-to-chest --scenario mixed --seed 402 --rate 100 --out $T/knee-to-chest-mixed.csv.gz
sim --exercise knee-to-chest --scenario distractor:sit-up --seed 403 --rate 100 --out $T/knee-to-chest-distractor.csv.gz

sim --exercise childs-pose --scenario correct --seed 501 --rate 50 --out $T/childs-pose-correct.csv.gz
sim --exercise childs-pose --scenario mixed --seed 502 --rate 50 --hold 20 --out $T/childs-pose-mixed.csv.gz
sim --exercise childs-pose --scenario distractor:stand --seed 503 --rate 100 --out $T/childs-pose-distractor.csv.gz

# Posture: slouch alerts (some slouches long enough to repeat), near misses,
# and walking / standing upright, which must give no alert.
sim --exercise posture --scenario correct --seed 601 --rate 50 --out $T/posture-correct.csv.gz
sim --exercise posture --scenario mixed --seed 602 --rate 50 --out $T/posture-mixed.csv.gz
sim --exercise posture --scenario distractor:walk --seed 603 --rate 100 --out $T/posture-distractor-walk.csv.gz
sim --exercise posture --scenario distractor:stand --seed 604 --rate 50 --t0 5000 --out $T/posture-distractor-stand.csv.gz

# Lat stretch (left arm, then right, as the coach asks) and the paced
# shoulder squeeze; the squeeze's distractor still counts its paced reps.
sim --exercise lat-stretch --scenario correct --seed 1001 --rate 100 --out $T/lat-stretch-correct.csv.gz
sim --exercise lat-stretch --scenario mixed --seed 1002 --rate 50 --dropouts 1 --out $T/lat-stretch-mixed.csv.gz
sim --exercise lat-stretch --scenario distractor:all --seed 1003 --rate 100 --out $T/lat-stretch-distractor.csv.gz
sim --exercise shoulder-squeeze --scenario correct --seed 1101 --rate 100 --out $T/shoulder-squeeze-correct.csv.gz
sim --exercise shoulder-squeeze --scenario mixed --seed 1102 --rate 50 --out $T/shoulder-squeeze-mixed.csv.gz
sim --exercise shoulder-squeeze --scenario distractor:walk --seed 1103 --rate 100 --out $T/shoulder-squeeze-distractor.csv.gz

# The demo for 'make run': a mixed bridge session of about 3-4 minutes.
mkdir -p host/data
sim --exercise bridge --scenario mixed --reps 10 --seed 2024 --rate 100 --person 7 --out host/data/demo-session.csv.gz
