#!/usr/bin/env python3
# check-ranking-scipy.py
#
# Copyright 2026 The Chorus authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Checks the Designs ranking (src/core/chorus-ranking*.c,
chorus-integrity.c) on made-up challenges against a second implementation
of the documented rules, written here apart from the C code, with scipy
for the statistics: the Wilson bound from scipy.stats.norm.ppf, the burst
rule's Poisson tails from scipy.stats.poisson.sf, and Krippendorff's alpha
by its pairwise definition (also checked on Krippendorff's own reliability
data, alpha = 0.849). Every count, score, flag, rank and the order of the
entries and votes must match; numbers to a relative 1e-9.

Usage: check-ranking-scipy.py RANKING-DRIVER

Exits 77 (skipped) without scipy, 1 on any mismatch."""

import json
import math
import random
import subprocess
import sys

try:
    from scipy import stats
except ImportError:
    print("scipy is not installed: skipped")
    sys.exit(77)

REL = 1e-9
ABS = 1e-12
CASES = 400
DAY = 86400
WINDOW = 3600
BURST_MIN = 5
BURST_ALPHA = 0.001
NEAR = 10
Z = stats.norm.ppf(0.975)
VOTE_FLAGS = ["new_account", "burst", "multi_identity", "self_vote"]
FLAG_ORDER = VOTE_FLAGS + ["near_duplicate", "no_jury_score", "no_community_score", "pending"]

KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def alpha_interval(matrix):
    """Krippendorff's alpha, interval metric, from its pairwise definition."""
    units = []
    for u in range(len(matrix[0]) if matrix else 0):
        values = [row[u] for row in matrix if row[u] is not None]
        if len(values) >= 2:
            units.append(values)
    n = sum(len(u) for u in units)
    if n < 2:
        return None
    d_o = sum(sum((a - b) ** 2 for i, a in enumerate(u) for j, b in enumerate(u) if i != j) / (len(u) - 1)
              for u in units) / n
    everything = [v for u in units for v in u]
    d_e = sum((a - b) ** 2 for i, a in enumerate(everything) for j, b in enumerate(everything) if i != j)
    d_e /= n * (n - 1)
    if d_e <= 1e-12 * max(1.0, max(abs(v) for v in everything)) ** 2:
        return None
    return 1 - d_o / d_e


def wilson_lower(k, n):
    if n == 0:
        return None
    if k == 0:
        return 0.0
    p = k / n
    z2 = Z * Z
    return (p + z2 / (2 * n) - Z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))) / (1 + z2 / n)


def poisson_tail(k, mean):
    return 1.0 if k == 0 else float(stats.poisson.sf(k - 1, mean))


def signed64(value):
    return value - (1 << 64) if value >= (1 << 63) else value


def make_case(rng):
    created = rng.choice([0, 100 * DAY])
    case = {
        "scale": rng.choice(["score5", "support"]),
        "community_weight": rng.choice([0.0, 0.3, 0.5, 0.6, 1.0]),
        "created_at": created,
        "voting_open_at": rng.choice([0, 101 * DAY]),
        "entries": [], "votes": [], "criteria": [], "jury": [],
        "alpha": None, "tails": [],
    }
    identities = []
    for person in range(1, rng.randint(2, 14)):
        for j in range(rng.choice([1, 1, 2])):
            identities.append({"voter_id": person * 10 + j + 1, "person_id": person,
                               "account_created_at": rng.choice([0, 0, max(created - 500 * DAY, 1),
                                                                 created + 5 * DAY])})
    hashes = []
    for i in range(rng.randint(1, 7)):
        author = rng.choice([None] + identities)
        if hashes and rng.random() < 0.3:
            phash = rng.choice(hashes) ^ sum(1 << b for b in rng.sample(range(64), rng.randint(0, 14)))
        elif rng.random() < 0.8:
            phash = rng.getrandbits(64)
        else:
            phash = None
        if phash is not None:
            hashes.append(phash)
        case["entries"].append({
            "id": i + 1, "submitted_at": 100 * DAY + rng.choice([0, rng.randint(0, 10 * DAY)]),
            "author_id": author["voter_id"] if author else 0,
            "author_person_id": author["person_id"] if author else 0,
            "moderation": rng.choice(["accepted"] * 4 + ["pending"]),
            "phash": signed64(phash) if phash is not None else None,
        })

    seen = set()
    for entry in case["entries"]:
        span = rng.choice([DAY // 4, 3 * DAY, 20 * DAY])
        times = [101 * DAY + rng.randint(0, span) for _ in range(rng.randint(0, 40))]
        # Bursts from plain to borderline: 3 to 10 votes within 10 to 90 minutes.
        if rng.random() < 0.5:
            burst = 101 * DAY + rng.randint(0, span)
            spread = rng.choice([600, 1800, 3600, 5400])
            times += [burst + rng.randint(0, spread) for _ in range(rng.randint(3, 10))]
        for cast_at in times:
            kind = rng.choice(["like", "like", "repost", "poll", "reply_score", "reply_score", "kiosk"])
            identity = rng.choice(identities)
            token = "kiosk-%d" % rng.randint(1, 6) if kind == "kiosk" else None
            key = (entry["id"], kind, token or identity["voter_id"])
            if key in seen:
                continue
            seen.add(key)
            score = None
            if kind in ("reply_score", "kiosk", "poll") and rng.random() < 0.8:
                score = rng.randint(0, 10) / 2
                if case["scale"] == "support" and kind != "reply_score":
                    score = None
            case["votes"].append({
                "id": len(case["votes"]) + 1, "submission_id": entry["id"], "kind": kind,
                "voter_id": 0 if token else identity["voter_id"],
                "person_id": 0 if token else identity["person_id"],
                "token": token, "score": score, "cast_at": cast_at,
                "excluded": rng.random() < 0.1,
                "account_created_at": 0 if token else identity["account_created_at"],
            })

    # Now and then nobody has voted yet.
    if rng.random() < 0.05:
        case["votes"] = []

    for c in range(rng.randint(0, 3)):
        case["criteria"].append({"id": c + 1, "weight": rng.choice([0.0, 0.2, 0.3, 0.5, 1.0])})
    criteria_ids = [c["id"] for c in case["criteria"]] + [99]
    for juror in range(rng.randint(0, 3)):
        for entry in case["entries"]:
            if rng.random() < 0.7:
                for criterion in criteria_ids:
                    if rng.random() < 0.8:
                        case["jury"].append({"submission_id": entry["id"], "juror_id": 100 + juror,
                                             "criterion_id": criterion, "score": rng.randint(0, 20) / 2})

    raters, units = rng.randint(1, 5), rng.randint(1, 8)
    case["alpha"] = {"raters": raters, "units": units,
                     "values": [rng.choice([None, rng.randint(0, 20) / 2, rng.random() * 10])
                                for _ in range(raters * units)]}
    case["tails"] = [[rng.randint(0, 30), rng.choice([0.0, rng.random() * 3, rng.random() * 40])] for _ in range(5)]
    return case


def voter_key(vote):
    if vote["person_id"] > 0:
        return ("person", vote["person_id"])
    if vote["voter_id"] == 0 and vote["token"] is not None:
        return ("kiosk", vote["token"])
    return None


def count_votes(case, entries, votes):
    groups = {}
    for vote in votes:
        entry = entries.get(vote["submission_id"])
        if entry is None:
            continue
        if vote["excluded"]:
            entry["votes_excluded"] += 1
        key = voter_key(vote)
        if key is not None and not vote["excluded"]:
            groups.setdefault((vote["submission_id"], key), []).append(vote)
    voters = set()
    all_scores = []
    for (submission, key), group in groups.items():
        entry = entries[submission]
        group.sort(key=lambda v: (v["cast_at"], v["id"]))
        support = [v for v in group if v["score"] is None and v["kind"] != "reply_score"]
        scored = [v for v in group if v["score"] is not None]
        if support:
            support[0]["counted"] = True
            entry["supporters"] += 1
        if scored:
            scored[-1]["counted"] = True
            entry["scores"].append(scored[-1]["score"])
            all_scores.append(scored[-1]["score"])
        if support or scored:
            entry["votes_counted"] += 1
            voters.add(key)
    return len(voters), all_scores


def flag_votes(case, entries, votes):
    for vote in votes:
        entry = entries.get(vote["submission_id"])
        if vote["account_created_at"] > 0 and case["created_at"] > 0 and vote["account_created_at"] > case["created_at"]:
            vote["flags"].add("new_account")
        if entry and ((vote["voter_id"] and vote["voter_id"] == entry["author_id"]) or
                      (vote["person_id"] and vote["person_id"] == entry["author_person_id"])):
            vote["flags"].add("self_vote")
    for submission in {v["submission_id"] for v in votes}:
        kept = sorted((v for v in votes if v["submission_id"] == submission and not v["excluded"]),
                      key=lambda v: (v["cast_at"], v["id"]))
        accounts = {}
        for vote in kept:
            if vote["person_id"] and vote["voter_id"]:
                accounts.setdefault(vote["person_id"], set()).add(vote["voter_id"])
        for vote in kept:
            if len(accounts.get(vote["person_id"], ())) >= 2:
                vote["flags"].add("multi_identity")
        flag_bursts(case, kept)


def flag_bursts(case, kept):
    n = len(kept)
    if n < BURST_MIN:
        return
    start = kept[0]["cast_at"]
    if case["voting_open_at"] > 0:
        start = min(start, case["voting_open_at"])
    period = kept[-1]["cast_at"] - start
    if period < 2 * WINDOW:
        return
    threshold = BURST_ALPHA / (period / WINDOW)
    for i, vote in enumerate(kept):
        inside = [v for v in kept[i:] if v["cast_at"] < vote["cast_at"] + WINDOW]
        k = len(inside)
        if k < BURST_MIN:
            continue
        mean = (n - k) / (period - WINDOW) * WINDOW
        if poisson_tail(k, mean) < threshold:
            for v in inside:
                v["flags"].add("burst")


def jury_scores(case, entries):
    weights = {c["id"]: c["weight"] for c in case["criteria"]}
    cells = {}
    for score in case["jury"]:
        if score["submission_id"] in entries and score["criterion_id"] in weights:
            cells.setdefault((score["submission_id"], score["juror_id"]), []).append(score)
    jurors = sorted({juror for (_, juror) in cells})
    matrix = [[None] * len(entries) for _ in jurors]
    order = list(entries)
    for (submission, juror), scores in cells.items():
        total = sum(weights[s["criterion_id"]] for s in scores)
        if total > 0:
            value = sum(weights[s["criterion_id"]] * s["score"] for s in scores) / total
        else:
            value = sum(s["score"] for s in scores) / len(scores)
        entries[submission]["jurors"].append(value)
        matrix[jurors.index(juror)][order.index(submission)] = value
    return len(jurors), alpha_interval(matrix)


def score_key(value):
    return -math.inf if value is None else math.floor(value * 1e9 + 0.5)


def expected_ranking(case):
    entries = {}
    for e in case["entries"]:
        entries[e["id"]] = dict(e, votes_counted=0, votes_excluded=0, supporters=0, scores=[], jurors=[],
                                flags=set(), near_duplicate_of=0)
    votes = sorted((dict(v, counted=False, flags=set()) for v in case["votes"]),
                   key=lambda v: (v["submission_id"], v["cast_at"], v["id"]))
    n_voters, all_scores = count_votes(case, entries, votes)
    prior_mean = sum(all_scores) / len(all_scores) if all_scores else None
    prior_weight = len(all_scores) / len(entries) if all_scores else None
    n_jurors, agreement = jury_scores(case, entries)
    flag_votes(case, entries, votes)
    w = case["community_weight"]

    for e in entries.values():
        n = len(e["scores"])
        e["mean_score"] = sum(e["scores"]) / n if n else None
        e["bayesian_average"] = ((prior_weight * prior_mean + sum(e["scores"])) / (prior_weight + n)
                                 if prior_mean is not None else None)
        e["support_lower_bound"] = wilson_lower(e["supporters"], n_voters)
        if case["scale"] == "support":
            e["community_score"] = e["support_lower_bound"]
        else:
            e["community_score"] = e["bayesian_average"] / 5 if e["bayesian_average"] is not None else None
        e["n_jurors"] = len(e["jurors"])
        e["jury_score"] = sum(e["jurors"]) / len(e["jurors"]) / 10 if e["jurors"] else None
        for vote in votes:
            if vote["submission_id"] == e["id"] and not vote["excluded"]:
                e["flags"] |= vote["flags"]
        near = [(bin((o["phash"] ^ e["phash"]) & ((1 << 64) - 1)).count("1"), o["submitted_at"], o["id"])
                for o in entries.values()
                if o is not e and o["phash"] is not None and e["phash"] is not None]
        near = [n for n in near if n[0] <= NEAR]
        if near:
            e["flags"].add("near_duplicate")
            e["near_duplicate_of"] = min(near)[2]
        if w > 0 and e["community_score"] is None:
            e["flags"].add("no_community_score")
        if w < 1 and e["jury_score"] is None:
            e["flags"].add("no_jury_score")
        if e["moderation"] != "accepted":
            e["flags"].add("pending")
        if {"no_community_score", "no_jury_score"} & e["flags"]:
            e["combined_score"] = None
        else:
            e["combined_score"] = ((w * e["community_score"] if w > 0 else 0) +
                                   ((1 - w) * e["jury_score"] if w < 1 else 0))

    def scores(e):
        return tuple(score_key(e[k]) for k in ("combined_score", "community_score", "jury_score"))

    ranked = sorted(entries.values(), key=lambda e: tuple(-s for s in scores(e)) +
                    (-e["votes_counted"], e["submitted_at"], e["id"]))
    for i, e in enumerate(ranked):
        e["rank"] = ranked[i - 1]["rank"] if i > 0 and scores(ranked[i - 1]) == scores(e) else i + 1

    return {"prior_mean": prior_mean, "prior_weight": prior_weight, "n_voters": n_voters,
            "n_jurors": n_jurors, "agreement": agreement, "entries": ranked, "votes": votes}


class Mismatch(Exception):
    pass


def same_number(got, expected, what):
    if expected is None or got is None:
        if got is not expected and not (got is None and expected is None):
            raise Mismatch("%s: got %r, expected %r" % (what, got, expected))
        return
    if abs(got - expected) > max(ABS, REL * abs(expected)):
        raise Mismatch("%s: got %.17g, expected %.17g" % (what, got, expected))


def same(got, expected, what):
    if got != expected:
        raise Mismatch("%s: got %r, expected %r" % (what, got, expected))


def compare(case, got):
    want = expected_ranking(case)
    for name in ("prior_mean", "prior_weight", "agreement"):
        same_number(got[name], want[name], name)
    same(got["n_voters"], want["n_voters"], "n_voters")
    same(got["n_jurors"], want["n_jurors"], "n_jurors")
    same([e["id"] for e in got["entries"]], [e["id"] for e in want["entries"]], "order of entries")
    for g, w in zip(got["entries"], want["entries"]):
        what = "entry %d" % w["id"]
        for name in ("rank", "votes_counted", "votes_excluded", "supporters", "n_jurors", "near_duplicate_of"):
            same(g[name], w[name], "%s %s" % (what, name))
        same(g["n_scores"], len(w["scores"]), what + " n_scores")
        for name in ("mean_score", "bayesian_average", "support_lower_bound", "community_score", "jury_score",
                     "combined_score"):
            same_number(g[name], w[name], "%s %s" % (what, name))
        same(g["flags"], [f for f in FLAG_ORDER if f in w["flags"]], what + " flags")
    same([v["id"] for v in got["votes"]], [v["id"] for v in want["votes"]], "order of votes")
    for g, w in zip(got["votes"], want["votes"]):
        same(g["counted"], w["counted"], "vote %d counted" % w["id"])
        same(g["flags"], [f for f in VOTE_FLAGS if f in w["flags"]], "vote %d flags" % w["id"])
    matrix = [case["alpha"]["values"][r * case["alpha"]["units"]:(r + 1) * case["alpha"]["units"]]
              for r in range(case["alpha"]["raters"])]
    same_number(got["alpha"], alpha_interval(matrix), "alpha of the matrix")
    for (k, mean), tail in zip(case["tails"], got["tails"]):
        same_number(tail, poisson_tail(k, mean), "P(X >= %d), mean %g" % (k, mean))


def main():
    driver = sys.argv[1]
    rng = random.Random(20260601)
    cases = [make_case(rng) for _ in range(CASES)]
    textbook = make_case(random.Random(1))
    textbook["alpha"] = {"raters": 4, "units": 12, "values": [v for row in KRIPPENDORFF_2011 for v in row]}
    cases.append(textbook)

    text = "".join(json.dumps(c) + "\n" for c in cases)
    run = subprocess.run([driver], input=text, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        print("ranking-driver failed:", run.stderr)
        return 1
    results = [json.loads(line) for line in run.stdout.splitlines()]
    if len(results) != len(cases):
        print("ranking-driver answered %d cases of %d" % (len(results), len(cases)))
        return 1

    failures = 0
    flagged = {f: 0 for f in FLAG_ORDER}
    for i, (case, got) in enumerate(zip(cases, results)):
        try:
            compare(case, got)
        except Mismatch as error:
            failures += 1
            print("case %d: %s" % (i, error))
        for entry in got["entries"]:
            for flag in entry["flags"]:
                flagged[flag] += 1

    textbook_alpha = results[-1]["alpha"]
    if round(textbook_alpha, 3) != 0.849:
        print("Krippendorff's reliability data: alpha %.6f, the paper says 0.849" % textbook_alpha)
        failures += 1

    # Every rule must have been exercised, or the comparison proves little.
    for flag, count in flagged.items():
        if count == 0:
            print("no case raised %s" % flag)
            failures += 1

    print("%d cases, %d mismatches; entries flagged: %s" % (len(cases), failures, flagged))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
