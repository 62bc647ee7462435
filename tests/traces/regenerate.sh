#!/usr/bin/env bash
# Regenerates the committed synthetic traces (tests/traces/*.csv.gz) with the
# exact commands below. The demo sessions (host/data/demo-*.csv.gz) have
# their own script: host/data/make_demo.sh (make demo-data).
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

# Downward dog (cat-cow and a child's pose must count nothing) and the
# crossover (both sides; pelvic tilts, knee-to-chest and a bridge count nothing).
sim --exercise downward-dog --scenario correct --seed 801 --rate 100 --out $T/downward-dog-correct.csv.gz
sim --exercise downward-dog --scenario mixed --seed 802 --rate 50 --dropouts 1 --out $T/downward-dog-mixed.csv.gz
sim --exercise downward-dog --scenario distractor:other-exercise --seed 803 --rate 100 --out $T/downward-dog-distractor.csv.gz
sim --exercise crossover --scenario correct --seed 901 --rate 50 --out $T/crossover-correct.csv.gz
sim --exercise crossover --scenario mixed --seed 902 --rate 100 --mount aligned --out $T/crossover-mixed.csv.gz
sim --exercise crossover --scenario distractor:other-exercise --seed 903 --rate 100 --out $T/crossover-distractor.csv.gz
sim --exercise bridge --scenario distractor:other-exercise --seed 204 --rate 50 --out $T/bridge-distractor-crossover.csv.gz

# Deep squat: held squats, each mistake (shallow, a stoop, a short hold), and
# bending over to pick things up (a stoop: "leaning too far", never a rep).
sim --exercise deep-squat --scenario correct --seed 702 --rate 100 --out $T/deep-squat-correct.csv.gz
sim --exercise deep-squat --scenario mixed --seed 711 --rate 50 --out $T/deep-squat-mixed.csv.gz
sim --exercise deep-squat --scenario distractor:pick-up --seed 721 --rate 100 --out $T/deep-squat-distractor.csv.gz

# Lat stretch (left arm, then right, as the coach asks) and the paced
# shoulder squeeze; the squeeze's distractor still counts its paced reps.
sim --exercise lat-stretch --scenario correct --seed 1001 --rate 100 --out $T/lat-stretch-correct.csv.gz
sim --exercise lat-stretch --scenario mixed --seed 1002 --rate 50 --dropouts 1 --out $T/lat-stretch-mixed.csv.gz
sim --exercise lat-stretch --scenario distractor:all --seed 1003 --rate 100 --out $T/lat-stretch-distractor.csv.gz
sim --exercise shoulder-squeeze --scenario correct --seed 1101 --rate 100 --out $T/shoulder-squeeze-correct.csv.gz
sim --exercise shoulder-squeeze --scenario mixed --seed 1102 --rate 50 --out $T/shoulder-squeeze-mixed.csv.gz
sim --exercise shoulder-squeeze --scenario distractor:walk --seed 1103 --rate 100 --out $T/shoulder-squeeze-distractor.csv.gz

