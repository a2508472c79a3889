#!/usr/bin/env python3
# check-analysis-scipy.py
#
# Copyright 2026 The Chorus authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Checks the Pre-tests statistics (src/core/chorus-analysis.c) against
scipy, which computes every number its own way: the chi-square tests with
scipy.stats.chisquare and chi2_contingency, Wilson intervals from
norm.ppf, Holm by hand, chance to beat all and expected loss by
scipy.integrate.quad over scipy.stats.gamma and beta, and the planner
from norm.ppf.

Usage: check-analysis-scipy.py ANALYSIS-DRIVER

Exits 77 (skipped) without scipy, 1 on any mismatch."""

import json
import math
import subprocess
import sys
import warnings

try:
    import numpy as np
    from scipy import integrate, stats
except ImportError:
    print("scipy is not installed: skipped")
    sys.exit(77)

REL = 1e-4
ABS = 1e-9
MIN_TOTAL = 30
IMBALANCE_RATIO = 2.0
WINDOW_SDS = 40.0
DIFFERENCE = 0.05

# (design, counts, exposures or None)
CASES = [
    ("poll", [10, 12, 8], None),
    ("poll", [0, 0], None),
    ("poll", [0, 0, 0, 0], None),
    ("poll", [0, 0, 0, 0, 0, 0], None),
    ("poll", [5, 0], None),
    ("poll", [0, 1], None),
    ("poll", [2, 1], None),
    ("poll", [1, 2, 3, 4, 5, 6], None),
    ("poll", [100, 100], None),
    ("poll", [100, 100, 100], None),
    ("poll", [40000, 39500], None),
    ("poll", [50000, 49000, 1000], None),
    ("poll", [1000, 0, 0], None),
    ("poll", [3, 0, 0, 0, 0, 0], None),
    ("poll", [7, 7, 0], None),
    ("poll", [250, 180, 90, 60, 20], None),
    ("poll", [30, 31, 29, 30], None),
    ("poll", [12000, 12100, 11900, 12050, 11980, 12020], None),
    ("poll", [500, 20], None),
    ("poll", [15, 15, 15, 16, 14, 15], None),
    ("poll", [9, 0, 0, 1], None),
    ("rates", [30, 45, 3], [1000, 1100, 50]),
    ("rates", [0, 0], [0, 0]),
    ("rates", [0, 0], [10, 10]),
    ("rates", [10, 10], [10, 10]),
    ("rates", [5, 12], [100, 100]),
    ("rates", [120, 150, 135], [1000, 1000, 1000]),
    ("rates", [0, 5], [0, 20]),
    ("rates", [400, 460], [10000, 10000]),
    ("rates", [4000, 4150], [100000, 100000]),
    ("rates", [1, 2], [3, 4]),
    ("rates", [50, 40, 55], [60, 60, 60]),
    ("rates", [3, 9], [40, 200]),
    ("rates", [10, 12, 8, 11, 9, 14], [100, 100, 100, 100, 100, 100]),
    ("rates", [0, 1], [500, 500]),
    ("rates", [500, 499], [500, 500]),
    ("rates", [25, 30], [250, 800]),
    ("rates", [7, 7, 7], [35, 35, 35]),
    ("rates", [200, 0], [2000, 30]),
    ("rates", [45, 45], [90, 90]),
    ("rates", [19000, 19500], [40000, 40000]),
    ("rates", [2, 0, 1, 4], [9, 1, 5, 12]),
]

# Bad input: the driver must exit 1 with this message.
BAD_CASES = [
    (["poll", "3"], "A pre-test compares from 2 to 26 variants, not 1."),
    (["poll", "3", "-1"], "Variant 2 has a negative number of votes (-1)."),
    (["rates", "12/10", "1/5"], "Variant 1 has more successes (12) than exposures (10)."),
    (["rates", "1/5", "2/-4"], "Variant 2 has a negative number of exposures (-4)."),
]

Z975 = stats.norm.ppf(0.975)
Z80 = stats.norm.ppf(0.80)


def holm(p_values):
    defined = sorted((p, i) for i, p in enumerate(p_values) if not math.isnan(p))
    m = len(defined)
    adjusted = [math.nan] * len(p_values)
    running = 0.0
    for rank, (p, i) in enumerate(defined):
        running = max(running, min(1.0, (m - rank) * p))
        adjusted[i] = running
    return adjusted


def wilson(k, n):
    if n == 0:
        return 0.0, 1.0
    p = k / n
    z2 = Z975 * Z975
    denominator = 1 + z2 / n
    center = (p + z2 / (2 * n)) / denominator
    half = Z975 / denominator * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, center - half), min(1.0, center + half)


def contingency(counts, exposures):
    table = np.array([counts, [e - c for c, e in zip(counts, exposures)]], dtype=float)
    try:
        chi2, p, _, _ = stats.chi2_contingency(table, correction=False)
    except ValueError:
        return math.nan, math.nan
    return float(chi2), float(p)


def goodness(counts):
    if sum(counts) == 0:
        return math.nan, math.nan
    chi2, p = stats.chisquare(counts)
    return float(chi2), float(p)


class Posteriors:
    """Independent gamma (poll) or beta (rates) posteriors."""

    def __init__(self, design, counts, exposures):
        self.dists = []
        self.windows = []
        for i, c in enumerate(counts):
            if design == "poll":
                dist = stats.gamma(1 + c)
                low, high = 0.0, math.inf
            else:
                dist = stats.beta(1 + c, 1 + exposures[i] - c)
                low, high = 0.0, 1.0
            mean, sd = dist.mean(), dist.std()
            self.dists.append(dist)
            self.windows.append((max(low, mean - WINDOW_SDS * sd), min(high, mean + WINDOW_SDS * sd)))
        self.centers = [d.mean() for d in self.dists]

    def points(self, low, high):
        return sorted({x for x in self.centers if low < x < high})

    def chance(self, i):
        low, high = self.windows[i]
        others = [d for j, d in enumerate(self.dists) if j != i]

        def f(x):
            value = self.dists[i].pdf(x)
            for d in others:
                value *= d.cdf(x)
            return value

        value, error = integrate.quad(f, low, high, points=self.points(low, high) or None,
                                      epsabs=1e-13, epsrel=1e-12, limit=1000)
        return value, error

    def expected_max(self):
        low = max(w[0] for w in self.windows)
        high = max(w[1] for w in self.windows)

        def f(x):
            return -math.expm1(sum(d.logcdf(x) for d in self.dists))

        value, error = integrate.quad(f, low, high, points=self.points(low, high) or None,
                                      epsabs=1e-13, epsrel=1e-13, limit=1000)
        return low + value, error


def plan(design, counts, exposures, shares):
    k = len(counts)
    if design == "poll":
        total = sum(counts)
        ranked = sorted(shares if total > 0 else [1 / k] * k, reverse=True)
        m = ranked[0] + ranked[1]
        p = min(0.5 + DIFFERENCE / (2 * m), 0.999)
        n2 = ((Z975 * 0.5 + Z80 * math.sqrt(p * (1 - p))) / (p - 0.5)) ** 2
        return [max(0, math.ceil(x) - total) for x in near_integers(n2 / m)]
    rates = [c / e for c, e in zip(counts, exposures) if e > 0]
    p1 = max(rates) if rates else 0.5
    p2 = p1 - DIFFERENCE
    if p2 < 0:
        p2 = min(p1 + DIFFERENCE, 1.0)
    pbar = (p1 + p2) / 2
    n = ((Z975 * math.sqrt(2 * pbar * (1 - pbar))
          + Z80 * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) / abs(p1 - p2)) ** 2
    return [sum(max(0, math.ceil(x) - e) for e in exposures) for x in near_integers(n)]


def near_integers(x):
    """x, and the integer next to it too when rounding could tip ceil()."""
    if abs(x - round(x)) < 1e-6:
        return [round(x) - 1e-3, round(x) + 1e-3]
    return [x]


def expected(design, counts, exposures):
    k = len(counts)
    out = {"design": design, "df": k - 1}
    if design == "poll":
        total = sum(counts)
        out["total"] = total
        shares = [c / total if total else 0.0 for c in counts]
        intervals = [wilson(c, total) for c in counts]
        out["chi_square"], out["p_value"] = goodness(counts)
        enough = total >= MIN_TOTAL and total / k >= 5
        imbalance = False
    else:
        total = sum(exposures)
        out["total"] = total
        shares = [c / e if e else 0.0 for c, e in zip(counts, exposures)]
        intervals = [wilson(c, e) for c, e in zip(counts, exposures)]
        out["chi_square"], out["p_value"] = contingency(counts, exposures)
        successes = sum(counts)
        failures = total - successes
        enough = (all(e >= MIN_TOTAL for e in exposures)
                  and all(e * successes / total >= 5 and e * failures / total >= 5 for e in exposures))
        low, high = min(exposures), max(exposures)
        imbalance = high > 0 if low == 0 else high / low > IMBALANCE_RATIO
    out["enough_data"] = enough
    out["warnings"] = (["not-enough-data"] if not enough else []) + (["exposure-imbalance"] if imbalance else [])

    posteriors = Posteriors(design, counts, exposures)
    chances = [posteriors.chance(i)[0] for i in range(k)]
    e_max, _ = posteriors.expected_max()
    if design == "poll":
        alpha_0 = sum(1 + c for c in counts)
        means = [(1 + c) / alpha_0 for c in counts]
        e_max /= alpha_0
    else:
        means = [d.mean() for d in posteriors.dists]
    out["variants"] = []
    for i in range(k):
        out["variants"].append({
            "index": i + 1,
            "count": counts[i],
            "exposures": exposures[i] if design == "rates" else None,
            "share": shares[i],
            "wilson_low": intervals[i][0],
            "wilson_high": intervals[i][1],
            "chance_to_beat_all": chances[i],
            "expected_loss": max(0.0, e_max - means[i]),
        })
        if design == "rates":
            out["variants"][i]["rate"] = shares[i]
    top = max(chances)
    out["best"] = next(i + 1 for i in range(k) if chances[i] >= top - 1e-9)

    pairs = []
    for a in range(k):
        for b in range(a + 1, k):
            if design == "poll":
                chi2, p = goodness([counts[a], counts[b]]) if counts[a] + counts[b] else (math.nan, math.nan)
            else:
                chi2, p = contingency([counts[a], counts[b]], [exposures[a], exposures[b]])
            pairs.append({"a": a + 1, "b": b + 1, "chi_square": chi2, "p_value": p})
    for pair, adjusted in zip(pairs, holm([p["p_value"] for p in pairs])):
        pair["p_holm"] = adjusted
    out["pairs"] = pairs
    out["plan_more"] = plan(design, counts, exposures, shares)
    return out


class Checker:
    def __init__(self):
        self.mismatches = 0
        self.worst = 0.0

    def fail(self, label, message):
        self.mismatches += 1
        print(f"MISMATCH {label}: {message}")

    def number(self, label, got, want):
        want_nan = want is None or (isinstance(want, float) and math.isnan(want))
        if got is None or want_nan:
            if not (got is None and want_nan):
                self.fail(label, f"driver {got!r}, scipy {want!r}")
            return
        error = abs(got - want)
        if error > ABS + REL * abs(want):
            self.fail(label, f"driver {got!r}, scipy {want!r}")
        if error > ABS:
            self.worst = max(self.worst, error / abs(want))

    def exact(self, label, got, want):
        if got != want:
            self.fail(label, f"driver {got!r}, expected {want!r}")


def run_driver(driver, args):
    return subprocess.run([driver] + args, capture_output=True, text=True, check=False)


def check_case(checker, driver, design, counts, exposures):
    if design == "poll":
        args = ["poll"] + [str(c) for c in counts]
    else:
        args = ["rates"] + [f"{c}/{e}" for c, e in zip(counts, exposures)]
    name = " ".join(args)
    result = run_driver(driver, args)
    if result.returncode != 0:
        checker.fail(name, f"driver exited {result.returncode}: {result.stderr.strip()}")
        return
    got = json.loads(result.stdout)
    want = expected(design, counts, exposures)

    for key in ("design", "total", "df", "enough_data", "warnings", "best"):
        checker.exact(f"{name} {key}", got[key], want[key])
    for key in ("chi_square", "p_value"):
        checker.number(f"{name} {key}", got[key], want[key])

    checker.exact(f"{name} variants", len(got["variants"]), len(counts))
    for g, w in zip(got["variants"], want["variants"]):
        label = f"{name} variant {w['index']}"
        for key in ("index", "count", "exposures", "text"):
            checker.exact(f"{label} {key}", g.get(key), w.get(key))
        checker.exact(f"{label} has rate", "rate" in g, design == "rates")
        for key in ("share", "rate", "wilson_low", "wilson_high", "chance_to_beat_all", "expected_loss"):
            if key in w:
                checker.number(f"{label} {key}", g[key], w[key])
    total_chance = sum(v["chance_to_beat_all"] for v in got["variants"])
    if abs(total_chance - 1) > 1e-9:
        checker.fail(f"{name} chances", f"sum to {total_chance!r}")

    checker.exact(f"{name} pairs", len(got["pairs"]), len(want["pairs"]))
    for g, w in zip(got["pairs"], want["pairs"]):
        label = f"{name} pair {w['a']}-{w['b']}"
        checker.exact(f"{label} a b", (g["a"], g["b"]), (w["a"], w["b"]))
        for key in ("chi_square", "p_value", "p_holm"):
            checker.number(f"{label} {key}", g[key], w[key])

    checker.number(f"{name} plan difference", got["plan"]["difference"], DIFFERENCE)
    if got["plan"]["more"] not in want["plan_more"]:
        checker.fail(f"{name} plan more", f"driver {got['plan']['more']}, scipy {want['plan_more']}")


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    driver = sys.argv[1]
    checker = Checker()
    warnings.simplefilter("ignore")

    for design, counts, exposures in CASES:
        check_case(checker, driver, design, counts, exposures)

    for args, message in BAD_CASES:
        result = run_driver(driver, args)
        if result.returncode != 1 or result.stderr.strip() != message:
            checker.fail(" ".join(args), f"exit {result.returncode}, stderr {result.stderr.strip()!r}")

    print(f"{len(CASES)} cases and {len(BAD_CASES)} bad inputs, {checker.mismatches} mismatches; "
          f"largest relative difference {checker.worst:.2e}")
    return 1 if checker.mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
