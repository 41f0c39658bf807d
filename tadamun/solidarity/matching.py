"""Suggested counterparts: who in the network confronts similar issues, and why.

Each approved organisation has a `Profile`: its pathways, languages, governorates, the skills
it needs and offers, the normalised words of its descriptions, needs and offers (in every
language they are written in), and the concepts those texts name in any language: issues
(`issues.py`), governorates and skills of the vocabulary. Two organisations score higher when
one offers what the other needs, when they share pathways, languages and governorates, when
their texts speak of the same issues and places (whatever their languages) or use the same
words, and when their geography is complementary (Iraqi and international, or two regions of
Iraq).

Each signal is computed once for a pair; only what is met counts differently from each side
(what I need and they offer weighs more than what they need and I offer). So one pass over
every profile gives both an organisation's own list and its place in the others' lists
(`update_for`), run by the task worker. The index of all profiles stays in the
worker's memory between runs and reads only the profiles changed since (`Index.refresh`).
"""

from __future__ import annotations

import threading
import zlib
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

import numpy as np
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from scipy import sparse

from tadamun.core.text import normalise
from tadamun.network.models import Organisation

from .issues import issues_in
from .models import Need, Offer, Profile, Suggestion

KEEP = 20  # suggestions kept per organisation
WORDS = 60  # words of its texts kept per organisation
TERM_SPACE = 1 << 20
ID_SPACE = 1 << 16  # columns for ids of pathways, governorates and skills
# Weights of the score: what one needs and the other offers counts most.
W_NEED_MET = 3.0  # a skill I need that they offer (more count less: `_met`)
W_OFFER_TAKEN = 1.5  # a skill they need that I offer
W_PATHWAY, W_LANGUAGE, W_GOVERNORATE = 1.0, 0.5, 0.5
W_CONCEPTS = 4.0  # cosine of the issues, places and skills their texts name, in any language
W_WORDS = 1.0  # cosine of their words (only meets texts in the same language)
GEOGRAPHY = {"international": 2.0, "regions": 0.5, "": 0.0, "abroad": -1.0}
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


class Lexicon:
    """What texts may name in any language: the issues, the governorates (and their capitals) and
    the skills of the vocabulary, each as a concept ("i:water", "g:IQ-BA", "s:12")."""

    def __init__(self) -> None:
        from tadamun.core.geo import governorates

        from .models import Skill

        self.phrases: list[tuple[str, str]] = []
        for governorate in governorates():
            for names in (governorate["names"], governorate.get("capital") or {}):
                for name in set(names.values()):
                    self._add(name, f"g:{governorate['iso']}")
        for pk, names in Skill.objects.values_list("pk", "names"):
            for name in set((names or {}).values()):
                self._add(name, f"s:{pk}")

    def _add(self, name: str, concept: str) -> None:
        phrase = normalise(name or "")
        if len(phrase) >= 4:
            self.phrases.append((phrase, concept))

    def concepts(self, texts: list[str]) -> list[str]:
        text = " ".join(normalise(t or "") for t in texts)
        found = {f"i:{issue}" for issue in issues_in(text)}
        found.update(concept for phrase, concept in self.phrases if phrase in text)
        return sorted(found)


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


def features_of(organisation: Organisation, lexicon: Lexicon) -> tuple[dict, bool]:
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
        # What its texts name; a skill it already tagged counts once, as a need or an offer.
        "c": [c for c in lexicon.concepts(texts) if not (c.startswith("s:") and int(c[2:]) in needs | offers)],
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
    features, kurdistan = features_of(organisation, Lexicon())
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
    lexicon = Lexicon()
    for start in range(0, len(ids), batch):
        chunk = _organisations().filter(pk__in=ids[start:start + batch])
        creating, updating = [], []
        for organisation in chunk:
            features, kurdistan = features_of(organisation, lexicon)
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
    """One family of features (pathways, skills needed...) as a sparse 0/1 matrix, row by row.

    The matrix is rebuilt only when many rows changed: rows changed since (and rows added) are
    "dirty" and their products are computed one by one, so that a changed profile costs little."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.rows: list[np.ndarray] = []
        self._matrix = None
        self.dirty: set[int] = set()

    def append(self, columns) -> None:
        self.rows.append(np.unique(np.asarray(columns, dtype=np.int64)))
        self.dirty.add(len(self.rows) - 1)

    def set(self, row: int, columns) -> None:
        self.rows[row] = np.unique(np.asarray(columns, dtype=np.int64))
        self.dirty.add(row)

    @property
    def stale(self) -> bool:
        return self._matrix is None or len(self.dirty) > max(64, len(self.rows) // 50)

    def matrix(self) -> sparse.csr_matrix:
        """The matrix of every row (rebuilt when too many rows changed since the last build)."""
        if self.stale:
            lengths = np.fromiter((len(r) for r in self.rows), dtype=np.int64, count=len(self.rows))
            indptr = np.zeros(len(self.rows) + 1, dtype=np.int64)
            np.cumsum(lengths, out=indptr[1:])
            indices = np.concatenate(self.rows) if self.rows else np.zeros(0, dtype=np.int64)
            data = np.ones(len(indices), dtype=np.float64)
            self._matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(self.rows), self.width))
            self.dirty = set()
        return self._matrix

    def product(self, vector: np.ndarray) -> np.ndarray:
        """Each row's sum of `vector` over its columns, for every row."""
        matrix = self.matrix()
        result = np.zeros(len(self.rows))
        result[: matrix.shape[0]] = matrix @ vector
        for row in self.dirty:
            result[row] = vector[self.rows[row]].sum()
        return result

    def vector(self, row: int, weights: np.ndarray | None = None) -> np.ndarray:
        vector = np.zeros(self.width)
        vector[self.rows[row]] = 1.0 if weights is None else weights[self.rows[row]]
        return vector


@dataclass
class Scores:
    forward: np.ndarray  # the organisation's score of each other
    reverse: np.ndarray  # each other's score of the organisation
    text: np.ndarray  # how alike their texts are, 0–1 (words and concepts)


class Index:
    """Every profile, in arrays; scores one organisation against all in a few sparse products."""

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.row: dict[int, int] = {}
        self.features: list[dict] = []
        self.iraqi = np.zeros(0, dtype=bool)
        self.kurdistan = np.zeros(0, dtype=bool)
        self.threshold = np.zeros(0)
        widths = {"p": ID_SPACE, "l": 4096, "g": ID_SPACE, "n": ID_SPACE, "o": ID_SPACE, "t": TERM_SPACE, "c": TERM_SPACE}
        self.families = {key: _Family(width) for key, width in widths.items()}
        self.seen_at = None
        self._idf: dict[str, tuple[np.ndarray, int]] = {}

    def _columns(self, key: str, features: dict):
        values = features.get(key, [])
        if key == "l":
            return [_language_column(code) for code in values]
        if key in ("t", "c"):
            return [_term(word) for word in values]
        return [v for v in values if v < ID_SPACE]

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

    def _drop(self, organisation_id: int) -> None:
        row = self.row.get(organisation_id)
        if row is not None:  # an empty profile that matches nothing keeps the arrays aligned
            self._put(organisation_id, {}, bool(self.iraqi[row]), False, 0.0)
            self.features[row] = {"gone": True}

    def refresh(self) -> Index:
        """Read the profiles changed since the last refresh (all of them the first time). The
        window reaches a minute back: a profile saved just before another worker's refresh but
        committed after it is read the next time."""
        rows = Profile.objects.order_by("updated_at")
        if self.seen_at is not None:
            rows = rows.filter(updated_at__gte=self.seen_at - timedelta(minutes=1))
            present = set(Profile.objects.values_list("organisation_id", flat=True))
            for gone in set(self.row) - present:
                self._drop(gone)
        for organisation_id, features, iraqi, kurdistan, threshold, updated_at in rows.values_list(
            "organisation_id", "features", "iraqi", "kurdistan", "threshold", "updated_at"
        ).iterator(chunk_size=2000):
            row = self.row.get(organisation_id)
            if row is None or (self.features[row], self.iraqi[row], self.kurdistan[row]) != (features, iraqi, kurdistan):
                self._put(organisation_id, features, iraqi, kurdistan, threshold)
            else:  # unchanged but for its threshold: the matrices stay as they are
                self.threshold[row] = threshold
            self.seen_at = max(self.seen_at or updated_at, updated_at)
        return self

    def idf(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """(idf² of each word or concept, each organisation's norm weighted by it). The weights
        follow the rows as last built; the norms are exact."""
        family = self.families[key]
        matrix = family.matrix()
        if key not in self._idf or self._idf[key][1] is not matrix:
            frequency = np.bincount(matrix.indices, minlength=family.width)
            idf2 = (np.log((1 + len(self.ids)) / (1 + frequency)) + 1.0) ** 2
            self._idf[key] = (idf2, matrix)
        idf2 = self._idf[key][0]
        return idf2, np.sqrt(family.product(idf2))

    def _cosine(self, key: str, row: int) -> np.ndarray:
        idf2, norms = self.idf(key)
        shared = self.families[key].product(self.families[key].vector(row, idf2))
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.nan_to_num(shared / (norms * norms[row]))

    def scores(self, organisation_id: int) -> Scores:
        row = self.row[organisation_id]
        f = self.families
        shared = {key: f[key].product(f[key].vector(row)) for key in ("p", "l", "g")}
        they_offer = _met(f["o"].product(f["n"].vector(row)))  # what we need, they offer
        they_need = _met(f["n"].product(f["o"].vector(row)))  # what they need, we offer
        words, concepts = self._cosine("t", row), self._cosine("c", row)
        iraqi, kurdistan = self.iraqi, self.kurdistan
        geography = np.where(
            iraqi != iraqi[row], GEOGRAPHY["international"],
            np.where(iraqi & iraqi[row], np.where(kurdistan != kurdistan[row], GEOGRAPHY["regions"], 0.0), GEOGRAPHY["abroad"]),
        )
        common = (
            W_PATHWAY * np.minimum(shared["p"], 3)
            + W_LANGUAGE * np.minimum(shared["l"], 2)
            + W_GOVERNORATE * np.minimum(shared["g"], 2)
            + W_CONCEPTS * concepts
            + W_WORDS * words
            + geography
        )
        forward = common + W_NEED_MET * they_offer + W_OFFER_TAKEN * they_need
        reverse = common + W_NEED_MET * they_need + W_OFFER_TAKEN * they_offer
        text = np.maximum(words, concepts)
        substantive = (they_offer + they_need > 0) | (shared["p"] > 0) | (text >= TEXT_ALIKE)
        keep = substantive & (shared["l"] > 0)
        results = []
        for total in (forward, reverse):
            total = np.where(keep, total, total * NO_COMMON_LANGUAGE)
            total = np.where(substantive & (total > 0), total, 0.0)
            total[row] = 0.0
            results.append(total)
        return Scores(forward=results[0], reverse=results[1], text=text)

    def top(self, totals: np.ndarray, count: int = KEEP, leave_out: set[int] = frozenset()) -> list[int]:
        """Rows of the best `count` totals above zero, best first (but the rows to leave out)."""
        positive = np.flatnonzero(totals > 0)
        if leave_out:
            positive = np.array([r for r in positive.tolist() if r not in leave_out], dtype=np.int64)
        if len(positive) > count:
            positive = positive[np.argpartition(-totals[positive], count - 1)[:count]]
        return sorted(positive.tolist(), key=lambda r: (-totals[r], self.ids[r]))

    def reasons(self, row: int, other: int, text: float) -> dict:
        """Why `other` is suggested to `row`, from `row`'s side."""
        mine, theirs = self.features[row], self.features[other]

        def both(key: str) -> list:
            return sorted(set(mine.get(key, [])) & set(theirs.get(key, [])))

        if self.iraqi[row] != self.iraqi[other]:
            geography = "international"
        elif not self.iraqi[row]:
            geography = "abroad"
        elif self.kurdistan[row] != self.kurdistan[other]:
            geography = "regions"
        else:
            geography = ""
        return {
            "needs": sorted(set(mine.get("n", [])) & set(theirs.get("o", []))),
            "offers": sorted(set(mine.get("o", [])) & set(theirs.get("n", []))),
            "pathways": both("p"),
            "languages": both("l"),
            "governorates": both("g"),
            "issues": [c[2:] for c in both("c") if c.startswith("i:")],
            "text": round(float(text), 3),
            "geography": geography,
        }


def _met(count):
    """Skills met, with diminishing returns: the first counts 1, the second and third ½ each."""
    count = np.minimum(count, 3)
    return np.minimum(count, 1) + 0.5 * np.maximum(count - 1, 0)


def points(reasons: dict) -> dict[str, float]:
    """A suggestion's score split by signal, from its reasons (as `Index.scores` adds them up,
    but for the two cosines, of which the reasons keep the larger)."""
    parts = {
        "skills": W_NEED_MET * float(_met(len(reasons.get("needs", []))))
        + W_OFFER_TAKEN * float(_met(len(reasons.get("offers", [])))),
        "pathways": W_PATHWAY * min(len(reasons.get("pathways", [])), 3),
        "languages": W_LANGUAGE * min(len(reasons.get("languages", [])), 2),
        "governorates": W_GOVERNORATE * min(len(reasons.get("governorates", [])), 2),
        "text": W_CONCEPTS * float(reasons.get("text", 0.0)),
        "geography": GEOGRAPHY.get(reasons.get("geography", ""), 0.0),
    }
    if not reasons.get("languages"):
        parts = {key: value * NO_COMMON_LANGUAGE for key, value in parts.items()}
    return parts


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
    listed = bool(index.iraqi[row]) and (not index.iraqi[other] or index.ids[row] < index.ids[other])
    return Suggestion(
        organisation_id=index.ids[row], counterpart_id=index.ids[other], score=round(float(score), 4),
        reasons=index.reasons(row, other, text), computed_at=now, listed=listed,
    )


def _store(rows: list[Suggestion]) -> None:
    Suggestion.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["organisation", "counterpart"],
        update_fields=["score", "reasons", "computed_at", "listed"],
    )


def _dismissed(organisation_id: int) -> set[int]:
    return set(
        Suggestion.objects.filter(organisation_id=organisation_id, dismissed_at__isnull=False).values_list("counterpart_id", flat=True)
    )


def _list_for(index: Index, row: int, scores: Scores, now) -> float:
    """Replace one organisation's suggestions with its best; returns its new threshold. The ones
    it set aside are kept, set aside, and leave their place to others."""
    organisation_id = index.ids[row]
    dismissed = _dismissed(organisation_id)
    best = index.top(scores.forward, leave_out={index.row[pk] for pk in dismissed if pk in index.row})
    Suggestion.objects.filter(organisation_id=organisation_id, dismissed_at__isnull=True).exclude(
        counterpart_id__in=[index.ids[r] for r in best]
    ).delete()
    _store([_suggestion(index, row, other, scores.forward[other], scores.text[other], now) for other in best])
    return float(scores.forward[best[-1]]) if len(best) >= KEEP else 0.0


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

    # Its place in the others' lists (their view of it: `reverse`): where it is now, and where
    # it now scores above their last.
    listed_by = set(Suggestion.objects.filter(counterpart_id=organisation_id).values_list("organisation_id", flat=True))
    entering = [r for r in np.flatnonzero(scores.reverse > found.threshold).tolist() if r != row]
    removed = [o for o in listed_by if o not in found.row or scores.reverse[found.row[o]] <= 0]
    Suggestion.objects.filter(counterpart_id=organisation_id, organisation_id__in=removed, dismissed_at__isnull=True).delete()
    changed = [
        _suggestion(found, other, row, scores.reverse[other], scores.text[other], now)
        for other in set(entering) | {found.row[o] for o in listed_by - set(removed)}
    ]
    _store(changed)
    _trim([s.organisation_id for s in changed], found)
    return len(changed) + len(removed)


def _trim(organisation_ids: list[int], found: Index) -> None:
    """Lists that gained a suggestion: past `KEEP`, drop their lowest; note their new threshold."""
    if not organisation_ids:
        return
    by_organisation: dict[int, list[tuple[float, int]]] = {}
    for pk, owner, score in Suggestion.objects.filter(
        organisation_id__in=organisation_ids, dismissed_at__isnull=True
    ).values_list("pk", "organisation_id", "score"):
        by_organisation.setdefault(owner, []).append((score, pk))
    dropped = []
    for owner, listed in by_organisation.items():
        listed.sort(reverse=True)
        dropped += [pk for _score, pk in listed[KEEP:]]
        threshold = listed[KEEP - 1][0] if len(listed) >= KEEP else 0.0
        if threshold != found.threshold[found.row[owner]]:
            found.threshold[found.row[owner]] = threshold
            Profile.objects.filter(organisation_id=owner).update(threshold=threshold)
    Suggestion.objects.filter(pk__in=dropped).delete()


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
