#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""
Deep squat depth: how far `backcoach replay` says the lower back went down
(each event's depth_cm) against the simulator's truth (expect_depths_cm: the
most the sensor fell below its standing height in that attempt), over many
simulated squats: random people, mountings, IMU errors and rates.

Usage: squat_depth.py [--backcoach build/backcoach] [--seeds N] [--base SEED]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

from run_accuracy import read_meta

RATES = [50, 100, 200, 400, 75, 150]
EXTRA = os.environ.get("SQUAT_SIM_EXTRA", "").split()
SCENARIOS = ["correct", "mixed", "incorrect:too-little-range", "incorrect:hold-too-short"]


def one(bc, seed, scenario, rate, tmp):
    path = os.path.join(tmp, f"s{seed}.csv")
    subprocess.run([bc, "sim", "--exercise", "deep-squat", "--seed", str(seed)] + EXTRA + ["--scenario",
                    scenario, "--rate", str(rate), "--out", path],
                   check=True, capture_output=True)
    meta = read_meta(path)
    truth = [float(x) for x in meta["expect_depths_cm"].split(",")]
    times = [float(e.rsplit("@", 1)[1]) for e in meta["expect_events"].split(",")]
    out = subprocess.run([bc, "replay", "--json", path], check=True, capture_output=True,
                         text=True).stdout
    got = [e for e in json.loads(out)["events"] if "depth_cm" in e]
    pairs, missed = [], 0
    for t, depth in zip(times, truth):
        near = [e for e in got if abs(e["t"] - t) <= 1.0]
        if near:
            pairs.append((depth, near[0]["depth_cm"]))
        else:
            missed += 1
    return pairs, missed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--backcoach", default="build/backcoach")
    ap.add_argument("--seeds", type=int, default=40)
    ap.add_argument("--base", type=int, default=9001)
    a = ap.parse_args()
    pairs, missed = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(a.seeds):
            p, m = one(a.backcoach, a.base + k, SCENARIOS[k % len(SCENARIOS)],
                       RATES[k % len(RATES)], tmp)
            pairs += p
            missed += m
    errs = [g - t for t, g in pairs]
    if not errs:
        print("no squats measured")
        return 1
    mean_abs = sum(abs(e) for e in errs) / len(errs)
    bias = sum(errs) / len(errs)
    worst = max(errs, key=abs)
    within = sum(abs(e) <= 5.0 for e in errs)
    print(f"squats measured: {len(errs)} (events not found: {missed})")
    print(f"depth error, cm: mean |err| {mean_abs:.1f}, mean (bias) {bias:+.1f}, "
          f"worst {worst:+.1f}; within 5 cm: {within}/{len(errs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
