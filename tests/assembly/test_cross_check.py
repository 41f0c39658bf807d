"""Cross-check of tadamun.assembly.opinion against an independent implementation of the
Pol.is maths, red-dwarf (PyPI `red-dwarf`, a test-only dependency): the same planted data
must give the same groups and the same top consensus statements. Skipped without red-dwarf.

red-dwarf differs on purpose in a few places (documented in docs/consultations.md): it codes
a pass as 0 in the PCA matrix, projects every participant (clustering only those with 7 votes
or more), has no base clusters, and chooses k by the silhouette of the participants."""

import warnings

import pytest
from sklearn.metrics import adjusted_rand_score

from tadamun.assembly.opinion import compute
from tests.assembly.test_opinion import planted

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # pydantic warns about red-dwarf's models on import
    polis = pytest.importorskip(
        "reddwarf.implementations.polis",
        reason="red-dwarf is not installed (pip install red-dwarf==0.4.0 to run the cross-check)",
    )

# red-dwarf's own use of pandas, not ours.
pytestmark = pytest.mark.filterwarnings("ignore:Passing a list to DataFrame.from_dict")


@pytest.mark.parametrize(("groups", "seed"), [(2, 0), (3, 0), (3, 1), (4, 0)])
def test_same_groups_and_consensus_as_red_dwarf(groups, seed):
    data = planted(groups, seed=seed)
    ours = compute(data["votes"], seed=seed)
    theirs = polis.run_pipeline(
        votes=[{"participant_id": p, "statement_id": s, "vote": v} for p, s, v in data["votes"]],
        random_state=seed,
    )

    their_groups = theirs.participants_df["cluster_id"].dropna()
    assert their_groups.nunique() == ours["k"] == groups
    common = [pid for pid in their_groups.index if str(pid) in ours["group_of"]]
    assert len(common) == ours["participants"]
    assert adjusted_rand_score([int(their_groups[pid]) for pid in common], [ours["group_of"][str(pid)] for pid in common]) >= 0.9

    # Group-informed consensus: the product over groups of (1 + agree) / (2 + seen).
    consensus = theirs.group_aware_consensus["agree"]
    their_top = sorted(consensus, key=lambda sid: (-consensus[sid], sid))[:3]
    assert {item["statement"] for item in ours["consensus"][:3]} == {int(sid) for sid in their_top}
    for item in ours["consensus"][:3]:
        assert item["score"] == pytest.approx(consensus[item["statement"]], rel=0.02)
