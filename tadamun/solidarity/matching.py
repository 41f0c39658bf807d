"""Suggested counterparts: who in the network confronts similar issues, and why.

Each approved organisation has a `Profile`: its pathways, languages, governorates, the skills
it needs and offers, and the normalised words of its descriptions, needs and offers (in every
language they are written in). Two organisations score higher when one offers what the other
needs, when they share pathways, languages and governorates, when their texts are alike, and
when their geography is complementary (Iraqi and international, or two regions of Iraq).

The score is symmetric, so a changed profile updates its own list and its place in the others'
lists in one pass (`update_for`), run by the task worker. The index of all profiles stays in the
worker's memory between runs and reads only the profiles changed since (`Index.refresh`).
"""

from __future__ import annotations

import threading
import zlib
from collections import Counter
from dataclasses import dataclass

import numpy as np
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from scipy import sparse

from tadamun.core.text import normalise
from tadamun.network.models import Organisation

from .models import Need, Offer, Profile, Suggestion

KEEP = 20  # suggestions kept per organisation
WORDS = 60  # words of its texts kept per organisation
TERM_SPACE = 1 << 20
# Weights of the score: what one offers and the other needs counts most.
W_SKILL, W_PATHWAY, W_LANGUAGE, W_GOVERNORATE, W_TEXT = 3.0, 1.0, 0.5, 0.5, 3.0
NO_COMMON_LANGUAGE = 0.3  # a pair with no language in common keeps this share of its score
TEXT_ALIKE = 0.12  # the text similarity that counts as a reason on its own
# Words too common to say anything about an organisation (already normalised).
STOPWORDS = frozenset(
    """the and for with from that this are our their its who which into about also have has was were
    will all not but can they them other more such than only well work works working organisation
    organisations organization association network people iraq iraqi
    per con che del della delle dei degli nel nella sono una uno gli le il la di da in un al alla
    organizzazione associazione rete persone lavora lavoro
    من في على الى عن مع التي الذي هذا هذه او ان كان بين كل منظمه جمعيه العراق العراقيه شبكه
    و له لە بۆ لە کە ئەو ئەم یان لەگەڵ ڕێکخراو عێراق
    bi ji ku di de li ev ew an jî ne ye rêxistin iraq""".split()
)


def words_of(texts: list[str]) -> list[str]:
    """The `WORDS` most frequent meaningful normalised words of `texts`."""
    counts: Counter[str] = Counter()
    for text in texts:
        for word in normalise(text or "").split(" "):
            word = word.strip(".,;:!?()[]{}\"'«»،؛؟-–—/")
            if len(word) >= 3 and word not in STOPWORDS and not word.isdigit():
                counts[word] += 1
    return [word for word, _count in counts.most_common(WORDS)]


def _term(word: str) -> int:
    return zlib.crc32(word.encode("utf-8")) % TERM_SPACE


def _language_column(code: str) -> int:
    return zlib.crc32(code.encode("ascii", "ignore")) % 4096


# ------------------------------------------------------------------------------- profiles


def _organisations():
    return Organisation.objects.prefetch_related(
        "pathways", "languages", "governorates",
        Prefetch("needs", queryset=Need.objects.filter(is_active=True).prefetch_related("skills", "pathways", "governorates")),
        Prefetch("offers", queryset=Offer.objects.filter(is_active=True).prefetch_related("skills", "pathways", "governorates")),
    )


def features_of(organisation: Organisation) -> tuple[dict, bool]:
    """(features, works in the Kurdistan Region) of an organisation loaded by `_organisations()`."""
    pathways = {p.pk for p in organisation.pathways.all()}
    governorates = {g.pk: g.kurdistan_region for g in organisation.governorates.all()}
    needs, offers, texts = set(), set(), [organisation.name, organisation.description, *organisation.descriptions.values()]
    for side, contributions in ((needs, organisation.needs.all()), (offers, organisation.offers.all())):
        for contribution in contributions:
            side.update(s.pk for s in contribution.skills.all())
            pathways.update(p.pk for p in contribution.pathways.all())
            governorates.update({g.pk: g.kurdistan_region for g in contribution.governorates.all()})
            texts += [contribution.title, contribution.description]
    features = {
        "p": sorted(pathways),
        "l": sorted(language.code for language in organisation.languages.all()),
        "g": sorted(governorates),
        "n": sorted(needs),
        "o": sorted(offers),
        "t": words_of(texts),
    }
    return features, any(governorates.values())


def save_profile(organisation_id: int) -> Profile | None:
    """Build and store the profile of one organisation; None (and no profile) unless approved."""
    organisation = _organisations().filter(pk=organisation_id).first()
    if organisation is None or organisation.status != Organisation.Status.APPROVED:
        Profile.objects.filter(organisation_id=organisation_id).delete()
        Suggestion.objects.filter(organisation_id=organisation_id).delete()
        Suggestion.objects.filter(counterpart_id=organisation_id).delete()
        return None
    features, kurdistan = features_of(organisation)
    profile, _created = Profile.objects.update_or_create(
        organisation_id=organisation_id,
        defaults={"features": features, "iraqi": organisation.is_iraqi, "kurdistan": kurdistan},
    )
    return profile


def save_all_profiles(batch: int = 500) -> int:
    """Build every approved organisation's profile (a full rebuild); returns how many."""
    ids = list(Organisation.objects.filter(status=Organisation.Status.APPROVED).values_list("pk", flat=True))
    Profile.objects.exclude(organisation_id__in=ids).delete()
    existing = set(Profile.objects.values_list("organisation_id", flat=True))
    for start in range(0, len(ids), batch):
        chunk = _organisations().filter(pk__in=ids[start:start + batch])
        creating, updating = [], []
        for organisation in chunk:
            features, kurdistan = features_of(organisation)
            profile = Profile(organisation_id=organisation.pk, features=features, iraqi=organisation.is_iraqi, kurdistan=kurdistan)
            (updating if organisation.pk in existing else creating).append(profile)
        Profile.objects.bulk_create(creating)
        for profile in updating:  # bulk_update would not touch updated_at
            Profile.objects.filter(organisation_id=profile.organisation_id).update(
                features=profile.features, iraqi=profile.iraqi, kurdistan=profile.kurdistan, updated_at=timezone.now()
            )
    return len(ids)


# ---------------------------------------------------------------------------------- index


class _Family:
    """One family of features (pathways, skills needed...) as a sparse 0/1 matrix, row by row."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.rows: list[np.ndarray] = []
        self._matrix = None

    def append(self, columns) -> None:
        self.rows.append(np.unique(np.asarray(columns, dtype=np.int64)))
        self._matrix = None

    def set(self, row: int, columns) -> None:
        self.rows[row] = np.unique(np.asarray(columns, dtype=np.int64))
        self._matrix = None

    @property
    def matrix(self) -> sparse.csr_matrix:
        if self._matrix is None:
            lengths = np.fromiter((len(r) for r in self.rows), dtype=np.int64, count=len(self.rows))
            indptr = np.zeros(len(self.rows) + 1, dtype=np.int64)
            np.cumsum(lengths, out=indptr[1:])
            indices = np.concatenate(self.rows) if self.rows else np.zeros(0, dtype=np.int64)
            data = np.ones(len(indices), dtype=np.float64)
            self._matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(self.rows), self.width))
        return self._matrix

    def vector(self, row: int, weights: np.ndarray | None = None) -> np.ndarray:
        vector = np.zeros(self.width)
        vector[self.rows[row]] = 1.0 if weights is None else weights[self.rows[row]]
        return vector


@dataclass
class Scores:
    total: np.ndarray
    text: np.ndarray


class Index:
    """Every profile, in arrays; scores one organisation against all in a few sparse products."""

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.row: dict[int, int] = {}
        self.features: list[dict] = []
        self.iraqi = np.zeros(0, dtype=bool)
        self.kurdistan = np.zeros(0, dtype=bool)
        self.threshold = np.zeros(0)
        self.families = {key: _Family(width) for key, width in (("p", 256), ("l", 4096), ("g", 256), ("n", 4096), ("o", 4096), ("t", TERM_SPACE))}
        self.seen_at = None
        self._idf = None

    def _columns(self, key: str, features: dict):
        values = features.get(key, [])
        if key == "l":
            return [_language_column(code) for code in values]
        if key == "t":
            return [_term(word) for word in values]
        return [v for v in values if v < self.families[key].width]

    def _put(self, organisation_id: int, features: dict, iraqi: bool, kurdistan: bool, threshold: float) -> None:
        row = self.row.get(organisation_id)
        if row is None:
            row = len(self.ids)
            self.ids.append(organisation_id)
            self.row[organisation_id] = row
            self.features.append(features)
            self.iraqi = np.append(self.iraqi, iraqi)
            self.kurdistan = np.append(self.kurdistan, kurdistan)
            self.threshold = np.append(self.threshold, threshold)
            for key, family in self.families.items():
                family.append(self._columns(key, features))
        else:
            self.features[row] = features
            self.iraqi[row], self.kurdistan[row], self.threshold[row] = iraqi, kurdistan, threshold
            for key, family in self.families.items():
                family.set(row, self._columns(key, features))
        self._idf = None

    def _drop(self, organisation_id: int) -> None:
        row = self.row.get(organisation_id)
        if row is not None:  # an empty profile that matches nothing keeps the arrays aligned
            self._put(organisation_id, {}, bool(self.iraqi[row]), False, 0.0)
            self.features[row] = {"gone": True}

    def refresh(self) -> Index:
        """Read the profiles changed since the last refresh (all of them the first time)."""
        rows = Profile.objects.order_by("updated_at")
        if self.seen_at is not None:
            rows = rows.filter(updated_at__gte=self.seen_at)
            present = set(Profile.objects.values_list("organisation_id", flat=True))
            for gone in set(self.row) - present:
                self._drop(gone)
        for organisation_id, features, iraqi, kurdistan, threshold, updated_at in rows.values_list(
            "organisation_id", "features", "iraqi", "kurdistan", "threshold", "updated_at"
        ).iterator(chunk_size=2000):
            self._put(organisation_id, features, iraqi, kurdistan, threshold)
            self.seen_at = updated_at
        return self

    @property
    def idf(self) -> tuple[np.ndarray, np.ndarray]:
        """(idf² of each word, the norm of each organisation's words weighted by it)."""
        if self._idf is None:
            terms = self.families["t"].matrix
            frequency = np.bincount(terms.indices, minlength=TERM_SPACE)
            idf2 = (np.log((1 + len(self.ids)) / (1 + frequency)) + 1.0) ** 2
            norms = np.sqrt(terms @ idf2)
            self._idf = (idf2, norms)
        return self._idf

    def scores(self, organisation_id: int) -> Scores:
        row = self.row[organisation_id]
        f = self.families
        shared = {key: f[key].matrix @ f[key].vector(row) for key in ("p", "l", "g")}
        they_offer = f["o"].matrix @ f["n"].vector(row)  # what we need, they offer
        they_need = f["n"].matrix @ f["o"].vector(row)  # what they need, we offer
        idf2, norms = self.idf
        text = f["t"].matrix @ f["t"].vector(row, idf2)
        with np.errstate(divide="ignore", invalid="ignore"):
            text = np.nan_to_num(text / (norms * norms[row]))
        iraqi, kurdistan = self.iraqi, self.kurdistan
        geography = np.where(
            iraqi != iraqi[row], 1.0,
            np.where(iraqi & iraqi[row], np.where(kurdistan != kurdistan[row], 0.5, 0.0), -1.0),
        )
        total = (
            W_SKILL * (np.minimum(they_offer, 3) + np.minimum(they_need, 3))
            + W_PATHWAY * np.minimum(shared["p"], 3)
            + W_LANGUAGE * np.minimum(shared["l"], 2)
            + W_GOVERNORATE * np.minimum(shared["g"], 2)
            + W_TEXT * text
            + geography
        )
        total = np.where(shared["l"] > 0, total, total * NO_COMMON_LANGUAGE)
        substantive = (they_offer + they_need > 0) | (shared["p"] > 0) | (text >= TEXT_ALIKE)
        total = np.where(substantive & (total > 0), total, 0.0)
        total[row] = 0.0
        return Scores(total=total, text=text)

    def top(self, scores: Scores, count: int = KEEP) -> list[int]:
        """Rows of the best `count` scores above zero, best first."""
        positive = np.flatnonzero(scores.total > 0)
        if len(positive) > count:
            positive = positive[np.argpartition(-scores.total[positive], count - 1)[:count]]
        return sorted(positive.tolist(), key=lambda r: (-scores.total[r], self.ids[r]))

    def reasons(self, row: int, other: int, text: float) -> dict:
        """Why `other` is suggested to `row`, from `row`'s side."""
        mine, theirs = self.features[row], self.features[other]

        def both(key: str) -> list:
            return sorted(set(mine.get(key, [])) & set(theirs.get(key, [])))

        if self.iraqi[row] != self.iraqi[other]:
            geography = "international"
        elif self.iraqi[row] and self.kurdistan[row] != self.kurdistan[other]:
            geography = "regions"
        else:
            geography = ""
        return {
            "needs": sorted(set(mine.get("n", [])) & set(theirs.get("o", []))),
            "offers": sorted(set(mine.get("o", [])) & set(theirs.get("n", []))),
            "pathways": both("p"),
            "languages": both("l"),
            "governorates": both("g"),
            "text": round(float(text), 3),
            "geography": geography,
        }


_index: Index | None = None
_lock = threading.Lock()


def index() -> Index:
    """The process's index, brought up to date."""
    global _index
    with _lock:
        if _index is None:
            _index = Index()
        return _index.refresh()


def forget_index() -> None:
    global _index
    with _lock:
        _index = None


# ----------------------------------------------------------------------------- suggestions


def _suggestion(index: Index, row: int, other: int, score: float, text: float, now) -> Suggestion:
    return Suggestion(
        organisation_id=index.ids[row], counterpart_id=index.ids[other], score=round(float(score), 4),
        reasons=index.reasons(row, other, text), computed_at=now,
    )


def _store(rows: list[Suggestion]) -> None:
    Suggestion.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["organisation", "counterpart"],
        update_fields=["score", "reasons", "computed_at"],
    )


def _list_for(index: Index, row: int, scores: Scores, now) -> float:
    """Replace one organisation's suggestions with its best; returns its new threshold."""
    best = index.top(scores)
    organisation_id = index.ids[row]
    Suggestion.objects.filter(organisation_id=organisation_id).exclude(
        counterpart_id__in=[index.ids[r] for r in best]
    ).delete()
    _store([_suggestion(index, row, other, scores.total[other], scores.text[other], now) for other in best])
    return float(scores.total[best[-1]]) if len(best) >= KEEP else 0.0


@transaction.atomic
def update_for(organisation_id: int) -> int:
    """Bring one organisation's suggestions, and its place in everyone else's, up to date.

    Returns how many other lists changed."""
    if save_profile(organisation_id) is None:
        return 0
    found = index()
    row = found.row[organisation_id]
    scores = found.scores(organisation_id)
    now = timezone.now()
    threshold = _list_for(found, row, scores, now)
    Profile.objects.filter(organisation_id=organisation_id).update(threshold=threshold)
    found.threshold[row] = threshold

    # Its place in the others' lists: where it is now, and where it now scores above the last.
    listed_by = set(Suggestion.objects.filter(counterpart_id=organisation_id).values_list("organisation_id", flat=True))
    entering = [r for r in np.flatnonzero(scores.total > found.threshold).tolist() if r != row]
    changed, removed = [], []
    for other_id in listed_by:
        other = found.row.get(other_id)
        if other is None or scores.total[other] <= 0:
            removed.append(other_id)
    Suggestion.objects.filter(counterpart_id=organisation_id, organisation_id__in=removed).delete()
    for other in set(entering) | {found.row[o] for o in listed_by - set(removed) if o in found.row}:
        changed.append(_suggestion(found, other, row, scores.total[other], scores.text[other], now))
    _store(changed)
    _trim([s.organisation_id for s in changed], found)
    return len(changed) + len(removed)


def _trim(organisation_ids: list[int], found: Index) -> None:
    """Lists that gained a suggestion: past `KEEP`, drop their lowest; note their new threshold."""
    if not organisation_ids:
        return
    by_organisation: dict[int, list[tuple[float, int]]] = {}
    for pk, owner, score in Suggestion.objects.filter(organisation_id__in=organisation_ids).values_list(
        "pk", "organisation_id", "score"
    ):
        by_organisation.setdefault(owner, []).append((score, pk))
    dropped, thresholds = [], []
    for owner, listed in by_organisation.items():
        listed.sort(reverse=True)
        dropped += [pk for _score, pk in listed[KEEP:]]
        threshold = listed[KEEP - 1][0] if len(listed) >= KEEP else 0.0
        found.threshold[found.row[owner]] = threshold
        thresholds.append(Profile(organisation_id=owner, threshold=threshold))
    Suggestion.objects.filter(pk__in=dropped).delete()
    for profile in thresholds:
        Profile.objects.filter(organisation_id=profile.organisation_id).update(threshold=profile.threshold)


def rebuild_all() -> int:
    """Every profile and every list of suggestions, from scratch (nightly, and after an import)."""
    save_all_profiles()
    forget_index()
    found = index()
    now = timezone.now()
    Suggestion.objects.exclude(organisation_id__in=found.ids).delete()
    for organisation_id in found.ids:
        row = found.row[organisation_id]
        if found.features[row].get("gone"):
            continue
        with transaction.atomic():
            threshold = _list_for(found, row, found.scores(organisation_id), now)
            Profile.objects.filter(organisation_id=organisation_id).update(threshold=threshold)
            found.threshold[row] = threshold
    return len(found.ids)


def score_between(first_id: int, second_id: int) -> float:
    """The score of a pair, for a coordinator's hand-made proposal (0 when unknown)."""
    found = index()
    if first_id not in found.row or second_id not in found.row:
        return 0.0
    return float(found.scores(first_id).total[found.row[second_id]])

