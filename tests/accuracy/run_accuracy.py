#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""
Accuracy suite for the exercise detectors (make accuracy).

Generates a fixed suite of synthetic sessions with `backcoach sim` (every
exercise, correct / mixed / each incorrect kind / distractors; random people,
mountings and IMU errors from the seed; rates 50-400 Hz; some dropouts), runs
`backcoach replay --json` on each, and scores the answer against the
`# expect_*` metadata the simulator wrote:

  exact     sessions whose rep count is exactly right
  cnt err   sum over sessions of |reps - expected reps|
  ghost     reps with no expected rep within 1 s (distractor sessions expect
            none, except the shoulder squeeze: its coach paces reps whatever
            the wearer does, so a still upright wearer earns them, contract §4)
  reasons   expected rejections matched by a rejection with the same reason
            (within 2 s), out of all expected rejections
  t<=0.3s   matched reps whose event time is within 0.3 s of the expected time
            (the midpoint of the return movement), and the worst |dt|
  hold      hold exercises: reported hold_s of matched reps and "hold too
            short" rejections within 0.5 s of the true hold (the sim's
            expect_holds_s: time past the range threshold, slips < 1 s
            paused, not counted), and the worst |error|

Two seed sets: "tuned" (the seeds looked at while choosing thresholds) and
"held-out" (never looked at while tuning); the table reports both.

Usage: run_accuracy.py [--backcoach build/backcoach] [--sim BIN] [--set tuned|held-out|all]
                       [--markdown FILE] [--jobs N] [--keep DIR]
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

EXERCISES = ["pelvic-tilt", "bridge", "cat-cow", "knee-to-chest", "childs-pose", "posture",
             "deep-squat", "downward-dog", "crossover", "lat-stretch", "shoulder-squeeze"]
REASONS = {
    "pelvic-tilt": ["too-little-range", "hold-too-short", "wrong-direction"],
    "bridge": ["too-little-range", "hold-too-short", "pelvis-not-level"],
    "cat-cow": ["too-little-range", "rushed"],
    "knee-to-chest": ["too-little-range", "hold-too-short", "wrong-direction"],
    "childs-pose": ["too-little-range", "hold-too-short", "wrong-direction"],
    "posture": [],
    "deep-squat": ["too-little-range", "hold-too-short", "leaning-too-far"],
    "downward-dog": ["too-little-range", "hold-too-short"],
    "crossover": ["too-little-range", "hold-too-short", "rolled-onto-the-side"],
    "lat-stretch": ["too-little-range", "hold-too-short"],
    "shoulder-squeeze": ["not-upright"],
}
DISTRACTORS = {
    "supine": ["fidget", "roll-over", "sit-up", "walk", "still", "stand", "all"],
    "tabletop": ["fidget", "sit-up", "walk", "still", "stand", "all"],
    "sitting": ["fidget", "walk", "still", "stand", "all"],
    "standing": ["fidget", "walk", "still", "pick-up", "all"],
    "upright": ["fidget", "walk", "still", "pick-up", "all"],
}
# Another exercise from the same start position, which must count nothing.
OTHER_EXERCISE = {"bridge", "downward-dog", "crossover"}
POSE = {"pelvic-tilt": "supine", "bridge": "supine", "knee-to-chest": "supine",
        "cat-cow": "tabletop", "childs-pose": "tabletop", "posture": "sitting",
        "deep-squat": "standing", "downward-dog": "tabletop", "crossover": "supine",
        "lat-stretch": "standing", "shoulder-squeeze": "upright"}
RATES = [50, 100, 200, 400, 75, 150]
SEED_BASE = {"tuned": 1, "held-out": 50001}

REP_WINDOW_S = 1.0       # an expected rep and a reported one further apart do not match
REJECT_WINDOW_S = 2.0
TIME_TOLERANCE_S = 0.3
HOLD_TOLERANCE_S = 0.5
CALIBRATION_LATE_S = 2.0


def suite(seed_set):
    """The fixed list of sessions: (name, sim arguments) for one seed set."""
    base = SEED_BASE[seed_set]
    sessions = []
    k = 0

    def add(ex, scenario, extra=()):
        nonlocal k
        seed = base + k
        rate = RATES[k % len(RATES)]
        args = ["--exercise", ex, "--seed", str(seed), "--scenario", scenario,
                "--rate", str(rate)]
        if k % 5 == 0:
            args += ["--mount", "aligned"]
        if k % 7 == 3:
            args += ["--dropouts", "1"]
        args += list(extra)
        sessions.append((f"{ex}/{scenario}/s{seed}@{rate}", ex, scenario, args))
        k += 1

    for ex in EXERCISES:
        for _ in range(6):
            add(ex, "correct")
        for _ in range(5):
            add(ex, "mixed")
        for reason in REASONS[ex]:
            for _ in range(2):
                add(ex, "incorrect:" + reason)
        for d in DISTRACTORS[POSE[ex]]:
            add(ex, "distractor:" + d)
        if ex in OTHER_EXERCISE:
            add(ex, "distractor:other-exercise")
    return sessions


def read_meta(path):
    """The trace's '# key: value' header lines as a dict."""
    meta = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            if ":" in line:
                key, value = line[1:].split(":", 1)
                meta[key.strip()] = value.strip()
    return meta


def read_expect(path):
    meta = read_meta(path)
    events = []
    text = meta.get("expect_events", "")
    for item in filter(None, [] if text == "none" else text.split(",")):
        kind, t = item.rsplit("@", 1)
        if kind == "rep":
            events.append(["rep", None, float(t), None])
        else:
            events.append(["rejected", kind.split(":", 1)[1], float(t), None])
    # The true hold of each expected event, in the same order (hold exercises).
    holds = meta.get("expect_holds_s", "none")
    holds = [] if holds == "none" else [float(h) for h in holds.split(",")]
    if len(holds) == len(events):
        for e, h in zip(events, holds):
            e[3] = h
    sides = None  # one-sided exercises: {"left": N, "right": N}
    if "expect_sides" in meta:
        sides = {k: int(v) for k, v in
                 (item.split(":") for item in meta["expect_sides"].split(","))}
    return (int(meta.get("expect_reps", "0")), events,
            float(meta.get("expect_ready_s", "nan")), sides)


def limit_memory():
    """The simulator gets 1 GiB: a runaway session fails instead of the machine."""
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run_one(backcoach, sim, workdir, session):
    name, ex, scenario, args = session
    path = os.path.join(workdir, name.replace("/", "_").replace(":", "-") + ".csv")
    try:
        subprocess.run([sim, "sim", *args, "--out", path], check=True, timeout=60,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       preexec_fn=limit_memory)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
        # A simulator failure is not a detector result: reported, not scored.
        return {"name": name, "sim_failed": str(e).split("\n")[0]}
    out = subprocess.run([backcoach, "replay", "--exercise", ex, "--json", path],
                         check=True, capture_output=True, text=True)
    got = json.loads(out.stdout)
    expect_reps, expect_events, ready_s, expect_sides = read_expect(path)
    r = score(name, ex, scenario, expect_reps, expect_events, got)
    # Per side (contract §2): the counts per side exactly as expected.
    r["sides_checked"] = expect_sides is not None
    r["sides_exact"] = expect_sides is not None and got.get("sides") == expect_sides
    # Calibration (body tracker) more than 2 s after the wearer was ready in
    # the start pose: the detector saw a different start than the sim meant.
    cal = got.get("calibrated_at_s")
    r["on_time"] = cal is not None and cal <= ready_s + CALIBRATION_LATE_S
    return r


def match(expected, got, window):
    """Greedy nearest-in-time matching; returns [(exp, got or None)]."""
    used = set()
    pairs = []
    for e in expected:
        best, best_dt = None, window
        for i, g in enumerate(got):
            if i in used:
                continue
            dt = abs(g["t"] - e[2])
            if dt <= best_dt:
                best, best_dt = i, dt
        if best is not None:
            used.add(best)
        pairs.append((e, got[best] if best is not None else None))
    return pairs, len(got) - len(used)


def score(name, ex, scenario, expect_reps, expect_events, got):
    reps = [e for e in got["events"] if e["type"] == "rep"]
    rejs = [e for e in got["events"] if e["type"] == "rejected"]
    exp_reps = [e for e in expect_events if e[0] == "rep"]
    exp_rejs = [e for e in expect_events if e[0] == "rejected"]
    rep_pairs, unmatched_reps = match(exp_reps, reps, REP_WINDOW_S)
    dts = [abs(g["t"] - e[2]) for e, g in rep_pairs if g is not None]
    # Hold time: matched reps, and matched "hold too short" rejections.
    hold_errs = [abs(g["hold_s"] - e[3]) for e, g in rep_pairs
                 if g is not None and e[3] is not None and "hold_s" in g]
    reason_ok = 0
    used = set()
    for e in exp_rejs:
        for i, g in enumerate(rejs):
            if i not in used and g["reason"] == e[1] and abs(g["t"] - e[2]) <= REJECT_WINDOW_S:
                used.add(i)
                reason_ok += 1
                if e[1] == "hold too short" and e[3] is not None and "hold_s" in g:
                    hold_errs.append(abs(g["hold_s"] - e[3]))
                break
    distractor = scenario.startswith("distractor")
    return {
        "name": name, "exercise": ex, "distractor": distractor,
        "reps": got["reps"], "expect": expect_reps,
        "exact": got["reps"] == expect_reps,
        "count_err": abs(got["reps"] - expect_reps),
        "ghost": unmatched_reps,
        "distractor_ghost": unmatched_reps if distractor else 0,
        "rej_expected": len(exp_rejs), "rej_right": reason_ok,
        "rej_extra": len(rejs) - reason_ok,
        "dts": dts, "hold_errs": hold_errs,
        "calibrated": got.get("calibrated_at_s") is not None,
    }


def table(results, title):
    lines = [f"### {title}", "",
             "| exercise | sessions | calibration missing / late | exact count "
             "| exact, calibrated on time | exact per side "
             "| count error | ghost reps (distractor) | rejected, right reason "
             "| extra rejections | rep time within 0.3 s | worst rep time error "
             "| hold within 0.5 s | worst hold error |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    total = {"n": 0, "exact": 0, "err": 0, "ghost": 0, "dghost": 0, "rr": 0, "re": 0,
             "extra": 0, "dt_ok": 0, "dt_n": 0, "dt_max": 0.0}
    for ex in EXERCISES + ["all"]:
        rs = [r for r in results if ex == "all" or r["exercise"] == ex]
        if not rs:
            continue
        dts = [d for r in rs for d in r["dts"]]
        herrs = [d for r in rs for d in r["hold_errs"]]
        hold_text = (f"{sum(d <= HOLD_TOLERANCE_S for d in herrs)} / {len(herrs)} "
                     f"| {max(herrs):.2f} s" if herrs else "- | -")
        row = {
            "n": len(rs), "exact": sum(r["exact"] for r in rs),
            "err": sum(r["count_err"] for r in rs), "ghost": sum(r["ghost"] for r in rs),
            "dghost": sum(r["distractor_ghost"] for r in rs),
            "rr": sum(r["rej_right"] for r in rs), "re": sum(r["rej_expected"] for r in rs),
            "extra": sum(r["rej_extra"] for r in rs),
            "dt_ok": sum(d <= TIME_TOLERANCE_S for d in dts), "dt_n": len(dts),
            "dt_max": max(dts) if dts else 0.0,
        }
        label = "**all**" if ex == "all" else ex
        cal = [r for r in rs if r["on_time"]]
        cal_exact = sum(r["exact"] for r in cal)
        cal_text = f"{cal_exact} / {len(cal)}" if cal else "-"
        sided = [r for r in rs if r["sides_checked"]]
        side_text = (f"{sum(r['sides_exact'] for r in sided)} / {len(sided)}"
                     if sided else "-")
        lines.append(
            f"| {label} | {row['n']} | {row['n'] - len(cal)} "
            f"| {row['exact']} ({100.0 * row['exact'] / row['n']:.1f} %) | {cal_text} "
            f"| {side_text} "
            f"| {row['err']} | {row['ghost']} ({row['dghost']}) | {row['rr']} / {row['re']} "
            f"| {row['extra']} | {row['dt_ok']} / {row['dt_n']} | {row['dt_max']:.2f} s "
            f"| {hold_text} |")
    lines.append("")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--backcoach", default="build/backcoach")
    ap.add_argument("--sim", default=None, help="binary for `sim` (default: --backcoach)")
    ap.add_argument("--set", default="all", choices=["tuned", "held-out", "all"])
    ap.add_argument("--markdown", default=None, help="also write the tables to this file")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", default=None, help="keep the traces in this directory")
    ap.add_argument("--failures", action="store_true", help="list sessions with a wrong count")
    ap.add_argument("--only", action="append", choices=EXERCISES, default=None,
                    help="score only this exercise (repeatable); seeds stay as in the full suite")
    ap.add_argument("--tuning-base", type=int, default=None,
                    help="more tuning sessions: the tuned suite with seeds from this number "
                         "(keep clear of the held-out seeds, 50001..)")
    a = ap.parse_args()
    sim = a.sim or a.backcoach
    sets = ["tuned", "held-out"] if a.set == "all" else [a.set]
    if a.tuning_base is not None:
        if 50001 <= a.tuning_base < 60000:
            ap.error("--tuning-base: that is the held-out seed range")
        SEED_BASE["extra tuning"] = a.tuning_base
        sets = ["extra tuning"]
    out = []
    failures = []
    with tempfile.TemporaryDirectory(prefix="bc-accuracy-") as tmp:
        workdir = a.keep or tmp
        os.makedirs(workdir, exist_ok=True)
        for s in sets:
            sessions = [x for x in suite(s) if not a.only or x[1] in a.only]
            with ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
                results = list(pool.map(lambda x: run_one(a.backcoach, sim, workdir, x),
                                        sessions))
            broken = [r for r in results if "sim_failed" in r]
            results = [r for r in results if "sim_failed" not in r]
            out.append(table(results, f"{s} seeds ({len(results)} sessions, seeds from "
                                      f"{SEED_BASE[s]})"))
            for r in broken:
                out.append(f"(not scored: `backcoach sim` failed for {r['name']}: "
                           f"{r['sim_failed']})\n")
            failures += [r for r in results if not r["exact"] or r["rej_extra"]
                         or (r["sides_checked"] and not r["sides_exact"])
                         or r["rej_right"] < r["rej_expected"]
                         or any(d > HOLD_TOLERANCE_S for d in r["hold_errs"])
                         or any(d > TIME_TOLERANCE_S for d in r["dts"])]
    text = "\n".join(out)
    print(text)
    if a.failures:
        for r in failures:
            print(f"  {r['name']}: reps {r['reps']} (expected {r['expect']}), rejections "
                  f"right {r['rej_right']}/{r['rej_expected']}, extra {r['rej_extra']}"
                  f"{'' if r['on_time'] else '  [calibration missing or late]'}"
                  f"{'  [hold off by %.2f s]' % max(r['hold_errs']) if r['hold_errs'] and max(r['hold_errs']) > HOLD_TOLERANCE_S else ''}"
                  f"{'  [rep time off by %.2f s]' % max(r['dts']) if r['dts'] and max(r['dts']) > TIME_TOLERANCE_S else ''}")
    if a.markdown:
        with open(a.markdown, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
