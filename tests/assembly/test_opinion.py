"""The maths of consultations (tadamun.assembly.opinion) on synthetic consultations with a
planted structure, on degenerate inputs, and for stability between updates. No database."""

import json
from collections import Counter

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from tadamun.assembly.opinion import compute

CONSENSUS = 5  # statements everybody agrees with, at decreasing strengths
DISTINCTIVE = 3  # statements per group that the group agrees with and the others reject


def planted(groups=3, per_group=300, statements=60, seed=0, missing=0.4, noise=0.1, passes=0.08):
    """A consultation with known groups. Statements 1-5 are the planted consensus (every group
    agrees, with probabilities 0.97 down to 0.81); then DISTINCTIVE statements per group (that
    group agrees with probability 0.95, the others 0.05); the rest divide the groups along two
    hidden axes (the groups sit on a circle; agreement is a logistic function of the angle
    between the group and the statement). Then 40% of the votes are missing at random, 10% are
    flipped, and 8% of the remaining votes are passes."""
    rng = np.random.default_rng(seed)
    angles = 2 * np.pi * np.arange(groups) / groups + 0.3
    positions = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    p = np.empty((groups, statements))
    p[:, :CONSENSUS] = np.linspace(0.97, 0.81, CONSENSUS)
    start = CONSENSUS
    for g in range(groups):
        p[:, start : start + DISTINCTIVE] = 0.05
        p[g, start : start + DISTINCTIVE] = 0.95
        start += DISTINCTIVE
    directions = np.arange(statements - start) * 2.399963  # spread around the circle
    axes = np.stack([np.cos(directions), np.sin(directions)], axis=1)
    p[:, start:] = 1 / (1 + np.exp(-3.0 * positions @ axes.T))

    truth = np.repeat(np.arange(groups), per_group)
    shape = (len(truth), statements)
    value = np.where(rng.random(shape) < p[truth], 1, -1)
    value = np.where(rng.random(shape) < noise, -value, value)
    value = np.where(rng.random(shape) < passes, 0, value)
    rows, cols = np.nonzero(rng.random(shape) >= missing)
    order = rng.permutation(len(rows))
    rows, cols = rows[order], cols[order]
    pids = 1000 + np.arange(len(truth))
    votes = list(zip(pids[rows].tolist(), (cols + 1).tolist(), value[rows, cols].tolist(), strict=True))
    return {
        "votes": votes,
        "truth": dict(zip(pids.tolist(), truth.tolist(), strict=True)),
        "p": p,  # planted agree probability per group (rows) and statement number - 1 (columns)
        "consensus": set(range(1, CONSENSUS + 1)),
    }


def planted_group_of(data, result):
    """Found group index -> the planted group most of its members come from."""
    members = {}
    for pid, g in result["group_of"].items():
        members.setdefault(g, Counter())[data["truth"][int(pid)]] += 1
    return {g: counter.most_common(1)[0][0] for g, counter in members.items()}


def ari(first: dict, second: dict) -> float:
    common = sorted(set(first) & set(second))
    return adjusted_rand_score([first[k] for k in common], [second[k] for k in common])


def distinctive_for(p, g, direction):
    """Statements planted as distinctive for group g: the group agrees (disagrees) with
    probability at least 0.8 and every other group with at most 0.2 (at least 0.8)."""
    others = np.delete(p, g, axis=0)
    if direction == "agree":
        mask = (p[g] >= 0.8) & (others.max(axis=0) <= 0.2)
    else:
        mask = (p[g] <= 0.2) & (others.min(axis=0) >= 0.8)
    return {int(s) + 1 for s in np.flatnonzero(mask)}


@pytest.mark.parametrize(("groups", "seed"), [(3, 0), (3, 1), (3, 2), (2, 0), (2, 1), (4, 0), (4, 1)])
def test_planted_groups_consensus_and_representative_statements_are_found(groups, seed):
    data = planted(groups, seed=seed)
    result = compute(data["votes"], seed=seed)

    assert result["note"] == ""
    assert result["k"] == groups
    assert result["participants"] == groups * 300
    truth = {str(pid): g for pid, g in data["truth"].items()}
    assert ari(truth, result["group_of"]) >= 0.9
    assert [g["index"] for g in result["groups"]] == list(range(groups))
    assert [g["label"] for g in result["groups"]] == list("ABCDE"[:groups])
    assert sum(g["size"] for g in result["groups"]) == result["participants"]

    # The planted consensus statements rank first, by group-informed consensus.
    assert {item["statement"] for item in result["consensus"][:5]} == data["consensus"]
    top = result["consensus"][0]
    assert top["score"] == pytest.approx(
        np.prod([(1 + g_agree) / (2 + g_seen) for g_agree, g_seen in _group_counts(data, result, top["statement"])]),
        rel=1e-5,
    )

    # Each group's most representative statement is one planted as distinctive for its group.
    planted_of = planted_group_of(data, result)
    assert sorted(planted_of.values()) == list(range(groups))  # one found group per planted group
    for group in result["groups"]:
        best = group["representative"][0]
        assert best["significant"]
        assert best["statement"] in distinctive_for(data["p"], planted_of[group["index"]], best["direction"])
        if best["direction"] == "agree":
            assert best["group_percent"] > 70 > 30 > best["rest_percent"]

    # The most divisive statement is one on which the planted groups differ widely.
    divisive = result["divisive"][0]["statement"]
    assert np.ptp(data["p"][:, divisive - 1]) > 0.6
    assert not data["consensus"] & {item["statement"] for item in result["divisive"]}


def _group_counts(data, result, statement):
    """(agree, seen) per found group for one statement, counted from the raw votes; a pass is
    seen but is not an agreement."""
    counts = {g: [0, 0] for g in range(result["k"])}
    for pid, sid, value in data["votes"]:
        g = result["group_of"].get(str(pid))
        if sid == statement and g is not None:
            counts[g][0] += value == 1
            counts[g][1] += 1
    return [counts[g] for g in range(result["k"])]


@pytest.mark.parametrize(("groups", "seed"), [(2, 3), (3, 3), (4, 3)])
def test_groups_keep_their_letters_when_votes_arrive(groups, seed):
    data = planted(groups, seed=seed)
    earlier = data["votes"][: int(len(data["votes"]) / 1.05)]  # then 5% more votes arrive
    first = compute(earlier, seed=seed)
    second = compute(data["votes"], seed=seed, previous_groups=first["group_of"])

    assert second["k"] == first["k"] == groups
    assert ari(first["group_of"], second["group_of"]) >= 0.95
    assert planted_group_of(data, first) == planted_group_of(data, second)
    # With integer keys, as the service passes them, and another seed: the same letters.
    third = compute(data["votes"], seed=seed + 1, previous_groups={int(k): v for k, v in first["group_of"].items()})
    assert planted_group_of(data, third) == planted_group_of(data, first)


def test_previous_letters_are_followed_even_when_they_differ_from_the_default_order():
    data = planted(3, seed=5)
    first = compute(data["votes"])
    rotated = {pid: (g + 1) % 3 for pid, g in first["group_of"].items()}
    again = compute(data["votes"], previous_groups=rotated)
    assert again["group_of"] == rotated


def test_a_new_group_is_not_held_back_by_the_previous_number_of_groups():
    data = planted(3, seed=12)
    # Previously two groups: planted group 0, and planted groups 1 and 2 together.
    previous = {pid: 0 if g == 0 else 1 for pid, g in data["truth"].items()}
    result = compute(data["votes"], previous_groups=previous)
    assert result["k"] == 3
    found = planted_group_of(data, result)
    assert found[0] == 0  # group A is still planted group 0
    assert sorted(found.values()) == [0, 1, 2]


def test_same_seed_same_result():
    data = planted(3, seed=6)
    assert compute(data["votes"], seed=4) == compute(list(data["votes"]), seed=4)


def test_input_forms_give_the_same_result():
    data = planted(2, seed=7, per_group=60, statements=20)
    as_list = compute(data["votes"])
    assert compute(iter(data["votes"])) == as_list
    assert compute(np.array(data["votes"])) == as_list
    assert compute(tuple(data["votes"])) == as_list


def _assert_empty_map(result, note):
    assert result["note"] == note
    assert result["k"] == 0
    assert result["silhouette"] is None
    for key in ("points", "groups", "consensus", "consensus_disagree", "divisive"):
        assert result[key] == []
    assert result["group_of"] == {}
    json.dumps(result, allow_nan=False)


def test_no_votes():
    result = compute([])
    _assert_empty_map(result, "no-votes")
    assert (result["participants"], result["statements"], result["votes"]) == (0, 0, 0)
    _assert_empty_map(compute([(1, 1, 5), (2, 1, -3)]), "no-votes")  # values other than -1, 0, 1 are ignored


def test_one_participant():
    result = compute([(7, s, 1 if s % 2 else -1) for s in range(30)])
    _assert_empty_map(result, "too-few-participants")
    assert result["participants"] == 1
    assert result["statement_totals"]["1"] == {"agree": 1, "disagree": 0, "pass": 0}


def test_one_statement():
    result = compute([(p, 3, 1 if p % 3 else -1) for p in range(40)])
    _assert_empty_map(result, "too-few-statements")
    assert result["participants"] == 40  # with one statement, one vote is enough to be counted
    assert result["statement_totals"] == {"3": {"agree": 26, "disagree": 14, "pass": 0}}


def test_everyone_identical():
    votes = [(p, s, 1 if s % 3 else -1) for p in range(40) for s in range(12)]
    _assert_empty_map(compute(votes), "no-variation")


def test_all_passes():
    result = compute([(p, s, 0) for p in range(40) for s in range(12)])
    _assert_empty_map(result, "all-passes")
    assert result["participants"] == 40  # passes are votes: they count towards taking part
    assert result["statement_totals"]["0"] == {"agree": 0, "disagree": 0, "pass": 40}


def test_two_camps_with_identical_votes_make_two_groups():
    votes = [(p, s, 1 if (p < 10) == (s < 5) else -1) for p in range(20) for s in range(10)]
    result = compute(votes)
    assert result["k"] == 2
    assert result["silhouette"] == 1.0
    assert sorted(g["size"] for g in result["groups"]) == [10, 10]
    assert len({result["group_of"][str(p)] for p in range(10)}) == 1
    assert result["consensus"] == []  # nothing unites them
    assert len(result["divisive"]) == 10


def test_too_few_votes_leave_a_participant_off_the_map():
    data = planted(2, seed=8, per_group=40, statements=20, missing=0.1)
    votes = data["votes"] + [(1, 1, 1), (1, 2, -1), (1, 3, 0), (1, 4, 1), (1, 5, 1), (1, 6, 1)]  # six votes
    result = compute(votes)
    assert "1" not in result["group_of"]
    assert result["excluded"] == 1
    assert result["participants"] == 80
    assert result["threshold"] == 7
    assert compute(votes, min_votes=6)["participants"] == 81
    # With fewer statements than min_votes, voting on all of them is enough.
    small = [(p, s, 1 if (p < 10) == (s < 2) else -1) for p in range(20) for s in range(4)]
    assert compute(small)["participants"] == 20


def test_the_last_vote_counts_once():
    data = planted(2, seed=9, per_group=50, statements=20)
    votes = data["votes"]
    changed = [(pid, sid, -value if value else 1) for pid, sid, value in votes[:200]]
    with_changes = votes + changed + changed[:50]  # the first 50 changed twice (same final value)
    final = {(pid, sid): value for pid, sid, value in with_changes}
    result = compute(with_changes)
    assert result == compute([(pid, sid, value) for (pid, sid), value in final.items()])
    assert result["votes"] == len(final)
    totals = Counter((sid, value) for (_pid, sid), value in final.items())
    for sid in range(1, 21):
        assert result["statement_totals"][str(sid)] == {
            "agree": totals[sid, 1],
            "disagree": totals[sid, -1],
            "pass": totals[sid, 0],
        }


def test_a_pass_is_seen_but_is_not_an_agreement():
    votes = [(p, s, 1 if (p < 10) == (s < 5) else -1) for p in range(20) for s in range(10)]
    # Statement 98: one camp agrees; of the other, 6 agree and 4 pass. Statement 99: one camp
    # agrees, the other passes.
    votes += [(p, 98, 1) for p in range(16)] + [(p, 98, 0) for p in range(16, 20)]
    votes += [(p, 99, 1) for p in range(10)] + [(p, 99, 0) for p in range(10, 20)]
    result = compute(votes)
    assert result["statement_totals"]["98"] == {"agree": 16, "disagree": 0, "pass": 4}
    assert result["statement_totals"]["99"] == {"agree": 10, "disagree": 0, "pass": 10}
    first, second = result["group_of"]["0"], result["group_of"]["19"]
    consensus = {item["statement"]: item for item in result["consensus"]}
    assert set(consensus) == {98}
    assert consensus[98]["agree_percent"] == 80  # 16 of the 20 who saw it
    assert (consensus[98]["groups"][first], consensus[98]["groups"][second]) == (100, 60)
    assert consensus[98]["score"] == pytest.approx((11 / 12) * (7 / 12), abs=1e-6)
    # Passing is not disagreeing: 99 divides nobody, and nobody disagrees with it.
    assert 99 not in {item["statement"] for item in result["divisive"]}
    assert result["consensus_disagree"] == []


def test_max_groups():
    data = planted(4, seed=10)
    result = compute(data["votes"], max_groups=2)
    assert result["k"] == 2
    assert set(result["silhouettes"]) == {"2"}


def test_result_is_json_with_string_keys():
    data = planted(3, seed=11, per_group=100, statements=30)
    result = compute(data["votes"])
    text = json.dumps(result, allow_nan=False)
    assert json.loads(text) == result  # tuples or non-string keys would not survive the trip

    def keys_are_strings(value):
        if isinstance(value, dict):
            return all(isinstance(k, str) and keys_are_strings(v) for k, v in value.items())
        if isinstance(value, list):
            return all(keys_are_strings(v) for v in value)
        return isinstance(value, str | int | float | bool) or value is None

    assert keys_are_strings(result)
    for pid, x, y, g in result["points"]:
        assert isinstance(pid, int) and isinstance(g, int)
        assert -1 <= x <= 1 and -1 <= y <= 1
        assert result["group_of"][str(pid)] == g
    assert max(max(abs(x), abs(y)) for _pid, x, y, _g in result["points"]) == 1.0
    for group in result["groups"]:
        assert len(group["representative"]) <= 5
        for item in group["representative"]:
            assert set(item) == {"statement", "direction", "group_percent", "rest_percent", "ratio", "z", "seen", "significant"}
            assert 0 <= item["group_percent"] <= 100 and 0 <= item["rest_percent"] <= 100
    for item in result["consensus"]:
        assert len(item["groups"]) == result["k"]
        assert 0 < item["score"] <= 1
    for item in result["consensus_disagree"]:
        assert set(item) == {"statement", "score", "disagree_percent", "groups"}
