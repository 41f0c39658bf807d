"""The maths of consultations: from votes to a map of opinion groups, what each group stands
for, the statements every group supports, and those that divide them.

Pure numpy/scipy/scikit-learn, no Django: `compute(votes)` takes (participant, statement,
value) triples and returns a JSON-serialisable dict that the task worker stores and pages read.
The method follows Pol.is (polismath) and is documented step by step, with its differences
from Pol.is, in docs/consultations.md ("The maths"):

1. vote matrix (agree +1, disagree -1; pass and unseen missing), last vote per pair wins;
2. participants with at least min(min_votes, statements) votes (passes count) are mapped;
3. missing cells take the statement's mean; PCA to two dimensions; each participant's
   projection is scaled by sqrt(statements / their agree-or-disagree votes);
4. k-means into up to 100 base clusters, then weighted k-means of the base clusters into
   k = 2..5 groups, k chosen by a participant-weighted silhouette; previous groups seed the
   clustering, keep their k within a small silhouette margin, keep their letters
   (Hungarian assignment on the overlap), and a participant near a border stays in their
   previous group;
5. per group and statement: smoothed probabilities (1 + n_agree) / (2 + n_seen), their ratio
   to the rest of the participants and two z tests (against the rest, and against one half);
6. group-informed consensus: the product over groups of the smoothed agree (or disagree)
   probability; divisive statements: the spread of the groups' smoothed agree probabilities.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
from scipy.linalg import eigh
from scipy.optimize import linear_sum_assignment
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

# compute(min_votes=7): the votes (agree, disagree or pass) a participant needs to be mapped,
# or all the statements when there are fewer, as in Pol.is.
MIN_PARTICIPANTS = 10  # fewer mapped participants than this: no groups
BASE_CLUSTERS = 100  # first-level k-means, as in Pol.is
MIN_GROUPS = 2
GROUP_INITS = 10  # k-means restarts for the groups (on at most BASE_CLUSTERS weighted points)
STICKINESS = 0.2  # a participant stays in their previous group unless 20% closer to another
K_MARGIN = 0.03  # keep the previous number of groups while its silhouette is this close to the best
Z_90 = 1.2816  # one-sided 90% normal quantile: the significance threshold of both tests
MAX_REPRESENTATIVE = 5
MAX_CONSENSUS = 10
MAX_DIVISIVE = 10
LABELS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

AGREE, DISAGREE, PASS = 1, -1, 0


def compute(
    votes: Iterable,
    *,
    min_votes: int = 7,
    previous_groups: dict[int, int] | None = None,
    seed: int = 0,
    max_groups: int = 5,
) -> dict:
    """Map the opinions expressed by `votes`, an iterable of (participant_id, statement_id,
    value) with value 1 (agree), -1 (disagree) or 0 (pass), or an integer array of shape (n, 3).
    Later triples replace earlier ones for the same participant and statement; other values
    are ignored. `previous_groups` ({participant_id: group index}, as in a previous result's
    "group_of", string keys accepted) keeps groups and their letters stable between updates.

    The result (see docs/consultations.md for every field) always has the same keys. When
    there are too few data to find groups, "k" is 0, "points", "groups", "group_of" and the
    statement lists are empty and "note" says why: "no-votes", "too-few-participants",
    "all-passes", "too-few-statements" or "no-variation". Deterministic for a given seed.
    """
    # One thread: faster here than several (the matrices are small, and on a busy 2-core
    # machine threads wait for each other), and it leaves the other core to the web workers.
    with threadpool_limits(limits=1):
        return _compute(votes, min_votes, previous_groups, seed, max_groups)


def _compute(votes, min_votes, previous_groups, seed, max_groups) -> dict:
    max_groups = max(MIN_GROUPS, min(int(max_groups), len(LABELS)))
    triples = _as_triples(votes)
    result = _empty_result()

    # 1. Ids to indices, last vote wins.
    valid = (triples[:, 2] >= -1) & (triples[:, 2] <= 1)
    triples = triples[valid]
    if not len(triples):
        result["note"] = "no-votes"
        return result
    pids, p_index = _index(triples[:, 0])
    sids, s_index = _index(triples[:, 1])
    n_statements = len(sids)
    last = _last_votes(p_index * n_statements + s_index, len(pids) * n_statements)
    p_index, s_index, values = p_index[last], s_index[last], triples[last, 2]
    del triples, last

    result["statements"] = int(n_statements)
    result["votes"] = int(len(values))
    agree_totals = np.bincount(s_index, weights=values == AGREE, minlength=n_statements)
    disagree_totals = np.bincount(s_index, weights=values == DISAGREE, minlength=n_statements)
    pass_totals = np.bincount(s_index, weights=values == PASS, minlength=n_statements)
    result["statement_totals"] = {
        str(int(sid)): {"agree": int(a), "disagree": int(d), "pass": int(p)}
        for sid, a, d, p in zip(sids, agree_totals, disagree_totals, pass_totals, strict=True)
    }

    # 2. Who is on the map: enough votes, passes included.
    threshold = max(1, min(int(min_votes), n_statements))
    per_participant = np.bincount(p_index, minlength=len(pids))
    included = per_participant >= threshold
    result["threshold"] = threshold
    result["participants"] = int(included.sum())
    result["excluded"] = int(len(pids) - included.sum())
    if included.sum() < MIN_PARTICIPANTS:
        result["note"] = "too-few-participants"
        return result
    row_of = np.cumsum(included) - 1  # participant index -> row of the mapped participants
    keep = included[p_index]
    rows, cols, values = row_of[p_index[keep]], s_index[keep], values[keep]
    member_ids = pids[included]
    result["votes_in_map"] = int(len(values))
    n_rows = len(member_ids)

    # Codes of the mapped participants' votes: 1 agree, -1 disagree, 2 pass, 0 unseen.
    codes = np.zeros((n_rows, n_statements), dtype=np.int8)
    codes[rows, cols] = np.where(values == PASS, 2, values).astype(np.int8)

    # 3. Projection.
    opinionated = values != PASS
    if not opinionated.any():
        result["note"] = "all-passes"
        return result
    points, variation = _project(rows[opinionated], cols[opinionated], values[opinionated], n_rows, n_statements)
    if points is None:
        result["note"] = "too-few-statements"
        return result
    if variation <= 1e-9 or len(np.unique(points, axis=0)) < 2:
        result["note"] = "no-variation"
        return result

    # 4. Groups.
    previous = _previous_labels(previous_groups, member_ids)
    labels, k, silhouette, silhouettes = _groups(points, previous, seed, max_groups)
    labels = _relabel(labels, k, previous, points)
    labels = _keep_near_previous(labels, k, previous, points)

    # 5-6. Statistics per group and statement.
    scale = float(np.abs(points).max()) or 1.0
    points = points / scale
    stats = _group_stats(codes, labels, k)
    result.update(
        k=int(k),
        silhouette=_round(silhouette),
        silhouettes={str(kk): _round(s) for kk, s in sorted(silhouettes.items())},
        points=[
            [int(pid), _round(x, 4), _round(y, 4), int(g)]
            for pid, (x, y), g in zip(member_ids, points, labels, strict=True)
        ],
        group_of={str(int(pid)): int(g) for pid, g in zip(member_ids, labels, strict=True)},
        groups=_groups_out(stats, points, labels, k, sids),
        consensus=_consensus(stats, sids, AGREE),
        consensus_disagree=_consensus(stats, sids, DISAGREE),
        divisive=_divisive(stats, sids),
    )
    return result


def _empty_result() -> dict:
    return {
        "participants": 0,
        "excluded": 0,
        "statements": 0,
        "votes": 0,
        "votes_in_map": 0,
        "threshold": 0,
        "k": 0,
        "silhouette": None,
        "silhouettes": {},
        "points": [],
        "groups": [],
        "group_of": {},
        "consensus": [],
        "consensus_disagree": [],
        "divisive": [],
        "statement_totals": {},
        "note": "",
    }


def _as_triples(votes) -> np.ndarray:
    if isinstance(votes, np.ndarray):
        array = votes.astype(np.int64, copy=False)
    else:
        array = np.array(votes if isinstance(votes, list | tuple) else list(votes), dtype=np.int64)
    if array.size == 0:
        return np.zeros((0, 3), dtype=np.int64)
    if array.ndim != 2 or array.shape[1] != 3:
        raise ValueError("votes must be (participant_id, statement_id, value) triples")
    return array


def _index(ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ids (sorted) and the index of each id among them."""
    distinct = np.unique(ids)
    low, span = int(distinct[0]), int(distinct[-1]) - int(distinct[0]) + 1
    if span <= 4 * len(ids) + 1_000_000:  # compact ids (the usual case): a lookup table
        table = np.zeros(span, dtype=np.int64)
        table[distinct - low] = np.arange(len(distinct))
        return distinct, table[ids - low]
    return distinct, np.searchsorted(distinct, ids)


def _last_votes(keys: np.ndarray, n_cells: int) -> np.ndarray:
    """Positions of the votes to keep: the last one for each key (participant, statement)."""
    if n_cells <= 8 * len(keys) + 1_000_000:  # a count per cell costs little: find the repeats
        repeated = np.bincount(keys, minlength=n_cells)[keys] > 1
        if not repeated.any():
            return np.arange(len(keys))
        positions = np.flatnonzero(repeated)
        _keys, first_from_end = np.unique(keys[positions][::-1], return_index=True)
        kept = positions[len(positions) - 1 - first_from_end]
        return np.sort(np.concatenate([np.flatnonzero(~repeated), kept]))
    _keys, first_from_end = np.unique(keys[::-1], return_index=True)
    return np.sort(len(keys) - 1 - first_from_end)


def _project(rows, cols, values, n_rows: int, n_statements: int):
    """Sparsity-aware PCA projection of the mapped participants into two dimensions.
    Returns (points, variance along the first component), or (None, 0) with fewer than two
    statements that anyone agreed or disagreed with."""
    used = np.unique(cols)
    if len(used) < 2:
        return None, 0.0
    col = np.searchsorted(used, cols)
    n_cols = len(used)
    # Centred matrix: a missing cell takes the statement's mean, so it is 0 once centred.
    sums = np.bincount(col, weights=values, minlength=n_cols)
    counts = np.bincount(col, minlength=n_cols)
    means = sums / counts
    centred = np.zeros((n_rows, n_cols), dtype=np.float32)
    centred[rows, col] = values - means[col]
    # Top two principal axes from the smaller Gram matrix.
    if n_cols <= n_rows:
        gram = (centred.T @ centred).astype(np.float64)
        eigenvalues, axes = eigh(gram, subset_by_index=[n_cols - 2, n_cols - 1])
    else:
        gram = (centred @ centred.T).astype(np.float64)
        eigenvalues, left = eigh(gram, subset_by_index=[n_rows - 2, n_rows - 1])
        axes = centred.T.astype(np.float64) @ left
        norms = np.linalg.norm(axes, axis=0)
        axes = axes / np.where(norms > 0, norms, 1.0)
    order = np.argsort(eigenvalues)[::-1]
    eigenvalues, axes = eigenvalues[order], axes[:, order]
    # A fixed orientation: the largest loading of each axis is positive.
    signs = np.sign(axes[np.abs(axes).argmax(axis=0), np.arange(2)])
    axes = axes * np.where(signs == 0, 1.0, signs)
    points = (centred @ axes.astype(np.float32)).astype(np.float64)
    # Participants with few votes sit near the centre; push them out by sqrt(n / votes).
    votes_per_row = np.bincount(rows, minlength=n_rows)
    points *= np.sqrt(n_cols / np.maximum(votes_per_row, 1))[:, None]
    return points, float(max(eigenvalues[0], 0.0))


def _previous_labels(previous_groups, member_ids) -> np.ndarray | None:
    """The previous group of each mapped participant (-1 when new), or None."""
    if not previous_groups:
        return None
    known = {}
    for key, group in previous_groups.items():
        try:
            known[int(key)] = int(group)
        except (TypeError, ValueError):
            continue
    if not known:
        return None
    labels = np.array([known.get(int(pid), -1) for pid in member_ids], dtype=np.int64)
    return labels if (labels >= 0).any() else None


def _groups(points: np.ndarray, previous, seed: int, max_groups: int):
    """Base clusters, then groups of base clusters. Returns (labels per participant, k,
    silhouette of the chosen k, {k: silhouette})."""
    base_centres, base_weights, base_of = _base_clusters(points, seed)
    n_base = len(base_centres)
    k_max = min(max_groups, 2 + n_base // 12, n_base)
    distances = np.linalg.norm(base_centres[:, None, :] - base_centres[None, :, :], axis=2)

    previous_k, warm_centres = None, None
    if previous is not None:
        known = previous >= 0
        previous_ids = np.unique(previous[known])
        if MIN_GROUPS <= len(previous_ids) <= k_max:
            previous_k = len(previous_ids)
            warm_centres = np.array([points[previous == g].mean(axis=0) for g in previous_ids])

    solutions: dict[int, tuple[np.ndarray, float]] = {}
    for k in range(MIN_GROUPS, k_max + 1):
        model = KMeans(n_clusters=k, n_init=GROUP_INITS, random_state=seed)
        base_labels = model.fit_predict(base_centres, sample_weight=base_weights)
        score = _weighted_silhouette(distances, base_labels, base_weights)
        if k == previous_k:
            warm = KMeans(n_clusters=k, init=warm_centres, n_init=1, random_state=seed)
            warm_labels = warm.fit_predict(base_centres, sample_weight=base_weights)
            warm_score = _weighted_silhouette(distances, warm_labels, base_weights)
            if len(np.unique(warm_labels)) == k and warm_score >= score - K_MARGIN:
                base_labels, score = warm_labels, warm_score
        solutions[k] = (base_labels, score)

    best = max(solutions, key=lambda k: (solutions[k][1], -k))
    if previous_k in solutions and solutions[previous_k][1] >= solutions[best][1] - K_MARGIN:
        best = previous_k
    base_labels, score = solutions[best]
    base_labels = _compact(base_labels)
    k = int(base_labels.max()) + 1
    return base_labels[base_of], k, score, {kk: s for kk, (_l, s) in solutions.items()}


def _base_clusters(points: np.ndarray, seed: int):
    """Up to BASE_CLUSTERS small clusters of participants: (centres, member counts, base
    cluster of each participant). With few distinct positions, each is its own base cluster."""
    unique, inverse, counts = np.unique(points, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(-1)
    if len(unique) <= BASE_CLUSTERS:
        return unique, counts.astype(np.float64), inverse
    model = KMeans(n_clusters=BASE_CLUSTERS, n_init=1, random_state=seed)
    base_of = model.fit_predict(points)
    base_of = _compact(base_of)
    weights = np.bincount(base_of).astype(np.float64)
    centres = np.array([points[base_of == b].mean(axis=0) for b in range(len(weights))])
    return centres, weights, base_of


def _compact(labels: np.ndarray) -> np.ndarray:
    """Renumber labels 0..n-1, dropping empty ones."""
    return np.unique(labels, return_inverse=True)[1].reshape(-1)


def _weighted_silhouette(distances: np.ndarray, labels: np.ndarray, weights: np.ndarray) -> float:
    """The silhouette of the participants, each placed at the centre of their base cluster
    (so computed on the base clusters, weighted by their number of members)."""
    labels = _compact(labels)
    k = int(labels.max()) + 1
    if k < 2:
        return 0.0
    onehot = np.eye(k)[labels]
    sums = distances @ (onehot * weights[:, None])  # base cluster x group: weighted distance sums
    sizes = onehot.T @ weights
    rows = np.arange(len(labels))
    own_size = sizes[labels] - 1  # the participant's fellow members of their group
    a = sums[rows, labels] / np.maximum(own_size, 1e-12)
    others = sums / sizes
    others[rows, labels] = np.inf
    b = others.min(axis=1)
    denominator = np.maximum(a, b)
    s = np.where((own_size > 0) & (denominator > 0), (b - a) / np.where(denominator > 0, denominator, 1), 0.0)
    return float((weights * s).sum() / weights.sum())


def _relabel(labels: np.ndarray, k: int, previous, points: np.ndarray) -> np.ndarray:
    """Number the groups: as the previous groups they overlap most (Hungarian assignment),
    new groups after; without previous groups, by decreasing size (ties: from left to right)."""
    if previous is not None:
        known = previous >= 0
        overlap = np.zeros((k, k))
        old = previous[known]
        inside = old < k
        np.add.at(overlap, (labels[known][inside], old[inside]), 1)
        new_of, old_of = linear_sum_assignment(overlap, maximize=True)
        mapping = np.empty(k, dtype=np.int64)
        mapping[new_of] = old_of
        return mapping[labels]
    sizes = np.bincount(labels, minlength=k)
    xs = np.array([points[labels == g, 0].mean() for g in range(k)])
    order = sorted(range(k), key=lambda g: (-sizes[g], xs[g]))
    mapping = np.empty(k, dtype=np.int64)
    mapping[order] = np.arange(k)
    return mapping[labels]


def _keep_near_previous(labels: np.ndarray, k: int, previous, points: np.ndarray) -> np.ndarray:
    """A participant who moved into another group stays in their previous group while they
    are about as close to its centre (within STICKINESS) as to their new group's centre, so
    that participants near a border do not switch groups back and forth between updates."""
    if previous is None:
        return labels
    centres = np.array([points[labels == g].mean(axis=0) for g in range(k)])
    moved = (previous >= 0) & (previous < k) & (previous != labels)
    if not moved.any():
        return labels
    d_new = np.linalg.norm(points[moved] - centres[labels[moved]], axis=1)
    d_old = np.linalg.norm(points[moved] - centres[previous[moved]], axis=1)
    kept = labels.copy()
    stay = np.flatnonzero(moved)[d_old <= d_new * (1 + STICKINESS)]
    kept[stay] = previous[stay]
    return kept if (np.bincount(kept, minlength=k) > 0).all() else labels


def _group_stats(codes: np.ndarray, labels: np.ndarray, k: int) -> dict:
    """Counts and smoothed probabilities per group (rows) and statement (columns), and the
    same for the rest of the mapped participants."""
    onehot = np.zeros((k, len(labels)), dtype=np.float32)
    onehot[labels, np.arange(len(labels))] = 1.0
    agree = onehot @ (codes == AGREE).astype(np.float32)
    disagree = onehot @ (codes == DISAGREE).astype(np.float32)
    seen = onehot @ (codes != 0).astype(np.float32)
    agree, disagree, seen = (np.rint(m).astype(np.float64) for m in (agree, disagree, seen))
    stats = {"agree": agree, "disagree": disagree, "seen": seen, "size": np.bincount(labels, minlength=k)}
    for name in ("agree", "disagree", "seen"):
        stats["all_" + name] = stats[name].sum(axis=0)
        stats["rest_" + name] = stats["all_" + name][None, :] - stats[name]
    stats["p_agree"] = _smoothed(agree, seen)
    stats["p_disagree"] = _smoothed(disagree, seen)
    return stats


def _smoothed(successes, trials):
    """Probability with a pseudo-count of one success and one failure: (1 + s) / (2 + n)."""
    return (1.0 + successes) / (2.0 + trials)


def _prop_test(successes, trials):
    """z of the smoothed proportion against one half."""
    return 2.0 * np.sqrt(2.0 + trials) * (_smoothed(successes, trials) - 0.5)


def _two_prop_test(successes_in, trials_in, successes_out, trials_out):
    """z of the difference between two smoothed proportions (pooled standard error)."""
    p_in = _smoothed(successes_in, trials_in)
    p_out = _smoothed(successes_out, trials_out)
    pooled = (2.0 + successes_in + successes_out) / (4.0 + trials_in + trials_out)
    error = np.sqrt(pooled * (1.0 - pooled) * (1.0 / (2.0 + trials_in) + 1.0 / (2.0 + trials_out)))
    return (p_in - p_out) / error


def _percent(part, whole) -> int:
    return int(round(100.0 * part / whole)) if whole else 0


def _groups_out(stats: dict, points: np.ndarray, labels: np.ndarray, k: int, sids: np.ndarray) -> list:
    groups = []
    for g in range(k):
        members = labels == g
        centre = points[members].mean(axis=0)
        groups.append(
            {
                "index": g,
                "label": LABELS[g],
                "size": int(stats["size"][g]),
                "centre": [_round(centre[0], 4), _round(centre[1], 4)],
                "representative": _representative(stats, g, sids),
            }
        )
    return groups


def _representative(stats: dict, g: int, sids: np.ndarray) -> list:
    """Statements on which group g differs most from the rest: both the group's smoothed
    probability (against one half) and its difference from the rest's must be significant;
    ranked by ratio x z(rest) x probability x z(half), as in Pol.is. Without any significant
    statement, the single best one by z(rest) is given, marked not significant."""
    seen, rest_seen = stats["seen"][g], stats["rest_seen"][g]
    valid = (seen > 0) & (rest_seen > 0)
    sides = []
    for direction, name in ((AGREE, "agree"), (DISAGREE, "disagree")):
        count, rest_count = stats[name][g], stats["rest_" + name][g]
        probability = _smoothed(count, seen)
        ratio = probability / _smoothed(rest_count, rest_seen)
        z_rest = _two_prop_test(count, seen, rest_count, rest_seen)
        z_half = _prop_test(count, seen)
        significant = valid & (z_rest > Z_90) & (z_half > Z_90)
        metric = np.where(significant, ratio * z_rest * probability * z_half, -np.inf)
        sides.append({"direction": direction, "count": count, "rest": rest_count, "ratio": ratio, "z": z_rest, "metric": metric})
    agree, disagree = sides
    use_agree = agree["metric"] >= disagree["metric"]
    metric = np.maximum(agree["metric"], disagree["metric"])
    columns = np.flatnonzero(np.isfinite(metric))
    significant = True
    if not len(columns):
        # Nothing significant: the best difference from the rest, if any is positive.
        use_agree = agree["z"] >= disagree["z"]
        metric = np.where(valid, np.maximum(agree["z"], disagree["z"]), -np.inf)
        columns = np.flatnonzero(metric > 0)
        columns = columns[np.argsort(-metric[columns], kind="stable")[:1]]
        significant = False
    columns = sorted(columns, key=lambda c: (-metric[c], int(sids[c])))[:MAX_REPRESENTATIVE]
    out = []
    for c in columns:
        side = agree if use_agree[c] else disagree
        out.append(
            {
                "statement": int(sids[c]),
                "direction": "agree" if side["direction"] == AGREE else "disagree",
                "group_percent": _percent(side["count"][c], seen[c]),
                "rest_percent": _percent(side["rest"][c], rest_seen[c]),
                "ratio": _round(side["ratio"][c]),
                "z": _round(side["z"][c]),
                "seen": int(seen[c]),
                "significant": significant,
            }
        )
    return out


def _consensus(stats: dict, sids: np.ndarray, direction: int) -> list:
    """Group-informed consensus: the product over groups of each group's smoothed agree (or
    disagree) probability, for statements every group has seen and on which every group's
    smoothed probability is above one half."""
    name = "agree" if direction == AGREE else "disagree"
    probability = stats["p_" + name]
    eligible = (stats["seen"] > 0).all(axis=0) & (probability > 0.5).all(axis=0)
    score = probability.prod(axis=0)
    columns = sorted(np.flatnonzero(eligible), key=lambda c: (-score[c], int(sids[c])))[:MAX_CONSENSUS]
    return [
        {
            "statement": int(sids[c]),
            "score": _round(score[c]),
            f"{name}_percent": _percent(stats["all_" + name][c], stats["all_seen"][c]),
            "groups": [_percent(stats[name][g, c], stats["seen"][g, c]) for g in range(probability.shape[0])],
        }
        for c in columns
    ]


def _divisive(stats: dict, sids: np.ndarray) -> list:
    """Statements on which one group mostly agrees and another mostly disagrees (smoothed
    probabilities above one half), ranked by the spread of the groups' smoothed agree
    probabilities (most agreeing group minus least agreeing group)."""
    p_agree, p_disagree = stats["p_agree"], stats["p_disagree"]
    eligible = (stats["seen"] > 0).all(axis=0) & (p_agree.max(axis=0) > 0.5) & (p_disagree.max(axis=0) > 0.5)
    score = p_agree.max(axis=0) - p_agree.min(axis=0)
    columns = sorted(np.flatnonzero(eligible), key=lambda c: (-score[c], int(sids[c])))[:MAX_DIVISIVE]
    return [
        {
            "statement": int(sids[c]),
            "score": _round(score[c]),
            "groups": [_percent(stats["agree"][g, c], stats["seen"][g, c]) for g in range(p_agree.shape[0])],
        }
        for c in columns
    ]


def _round(value, digits: int = 6):
    if value is None:
        return None
    value = float(value)
    return round(value, digits) if math.isfinite(value) else None
