"""Every change in consultations: opening them, statements and their moderation, taking part,
voting, and recomputing the map of opinions.

Counters (votes of a consultation, of a participant, of a statement) move in the transaction
that records a first vote; a changed vote changes no counter. Recomputation runs in the task
worker once enough new votes arrived since the last report; pages only read the report.
"""

from __future__ import annotations

import logging
import random
import secrets
import time
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tadamun.accounts.models import User
from tadamun.core import markdown
from tadamun.core.errors import DomainError, NotFound, PermissionDenied
from tadamun.core.text import clean_text
from tadamun.network.models import Membership, Organisation
from tadamun.pathways.models import Pathway

from . import maps
from .models import Consultation, Participant, Report, Statement, Vote

log = logging.getLogger("tadamun.assembly")
STATEMENT_MAX = 280
STATEMENT_MIN = 10


@dataclass
class ConsultationDraft:
    question: str
    original_language: str
    opens_at: datetime
    closes_at: datetime
    description: str = ""
    audience: str = Consultation.Audience.MEMBERS
    organisations: list[Organisation] = field(default_factory=list)
    pathways: list[Pathway] = field(default_factory=list)
    anonymous: bool = True
    demographics: list[str] = field(default_factory=list)
    seeds: list[str] = field(default_factory=list)  # initial statements, in the original language


def _require(by, perm: str, obj, message: str) -> None:
    if not by.has_perm(perm, obj):
        raise PermissionDenied(message)


def _check(draft: ConsultationDraft) -> None:
    if not clean_text(draft.question):
        raise DomainError(_("Write the question people will answer."), field="question")
    if draft.original_language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose the language the consultation is written in."), field="original_language")
    if draft.closes_at <= draft.opens_at:
        raise DomainError(_("The consultation must close after it opens."), field="closes_at")
    if draft.audience not in Consultation.Audience.values:
        raise DomainError(_("Choose who takes part."), field="audience")
    if draft.audience == Consultation.Audience.ORGANISATIONS and not draft.organisations:
        raise DomainError(_("Name the organisations whose members take part."), field="organisations")
    unknown = set(draft.demographics) - set(Consultation.DEMOGRAPHICS)
    if unknown:
        raise DomainError(_("Unknown question about participants: %(names)s.") % {"names": ", ".join(sorted(unknown))}, field="demographics")


@transaction.atomic
def open_consultation(*, by: User, draft: ConsultationDraft) -> Consultation:
    """Coordinators open a consultation, seeded with its first statements."""
    _require(by, "assembly.open_consultation", None, _("Only coordinators open consultations."))
    _check(draft)
    consultation = Consultation.objects.create(
        slug=f"{slugify(draft.question)[:70] or 'consultation'}-{secrets.token_hex(3)}",
        question=clean_text(draft.question)[:300],
        description=draft.description.strip(),
        description_html=markdown.render(draft.description.strip()),
        original_language=draft.original_language,
        audience=draft.audience,
        anonymous=draft.anonymous,
        demographics=list(draft.demographics),
        opens_at=draft.opens_at,
        closes_at=draft.closes_at,
        created_by=by,
    )
    consultation.pathways.set(draft.pathways)
    consultation.organisations.set(draft.organisations)
    for text in draft.seeds:
        if clean_text(text):
            _new_statement(consultation, text, draft.original_language, author=None, seed=True)
    log.info("consultation opened consultation=%s by=%s", consultation.pk, by.pk)
    return consultation


def _next_number(model, consultation: Consultation) -> int:
    highest = model.objects.filter(consultation=consultation).aggregate(n=Max("number"))["n"]
    return 0 if highest is None else highest + 1


def _numbering(consultation: Consultation) -> None:
    """Lock the consultation's row: statements and participants written at the same moment
    take their numbers one after the other (PostgreSQL; SQLite has one writer at a time)."""
    Consultation.objects.select_for_update().filter(pk=consultation.pk).values_list("pk", flat=True).first()


@transaction.atomic
def _new_statement(consultation, text, language, *, author, seed) -> Statement:
    _numbering(consultation)
    return Statement.objects.create(
        consultation=consultation, number=_next_number(Statement, consultation), author=author,
        text=clean_text(text), language=language, is_seed=seed,
        status=Statement.Status.ACCEPTED if seed else Statement.Status.PENDING,
    )


def may_take_part(person, consultation: Consultation) -> bool:
    if not (person and person.is_authenticated and person.is_active):
        return False
    if person.is_staff or consultation.audience == Consultation.Audience.PUBLIC:
        return True
    memberships = Membership.objects.filter(person=person, organisation__status=Organisation.Status.APPROVED)
    if consultation.audience == Consultation.Audience.ORGANISATIONS:
        memberships = memberships.filter(organisation__in=consultation.organisations.all())
    return memberships.exists()


def participate(*, person: User, consultation: Consultation, answers: dict | None = None) -> Participant:
    """The person's participation in the consultation (made at their first visit)."""
    if not may_take_part(person, consultation):
        raise PermissionDenied(_("This consultation is for other participants."))
    existing = Participant.objects.filter(consultation=consultation, person=person).first()
    if existing:
        return existing
    with transaction.atomic():
        _numbering(consultation)
        existing = Participant.objects.filter(consultation=consultation, person=person).first()
        if existing:  # the same person, in another tab, a moment earlier
            return existing
        participant = Participant.objects.create(
            consultation=consultation, person=person, number=_next_number(Participant, consultation),
            pseudonym=_pseudonym(), answers=_clean_answers(consultation, answers or {}),
        )
        Consultation.objects.filter(pk=consultation.pk).update(participant_count=F("participant_count") + 1)
        return participant


def _pseudonym() -> str:
    """The same in every language (a name saved once is read by people of every language)."""
    return f"P-{secrets.randbelow(90000) + 10000}"


def _clean_answers(consultation: Consultation, answers: dict) -> dict:
    return {key: str(value)[:40] for key, value in answers.items() if key in consultation.demographics and value}


def write_statement(*, participant: Participant, text: str, language: str) -> Statement:
    """A participant adds a statement; others see it once moderators accept it."""
    consultation = participant.consultation
    if not consultation.is_open:
        raise DomainError(_("This consultation is closed."))
    text = clean_text(text)
    if len(text) < STATEMENT_MIN:
        raise DomainError(_("Write a whole statement (at least 10 characters)."), field="text")
    if len(text) > STATEMENT_MAX:
        raise DomainError(_("A statement is short: at most 280 characters."), field="text")
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose the language of your statement."), field="language")
    return _new_statement(consultation, text, language, author=participant, seed=False)


@transaction.atomic
def moderate_statement(*, by: User, statement: Statement, status: str, reason: str = "") -> Statement:
    _require(by, "assembly.moderate", statement.consultation, _("Only the consultation's moderators moderate statements."))
    if status not in Statement.Status.values or status == Statement.Status.PENDING:
        raise DomainError(_("Accept the statement, reject it, or mark it as about the consultation."), field="status")
    if status == Statement.Status.REJECTED and not clean_text(reason):
        raise DomainError(_("Say why the statement is rejected: its author will read it."), field="reason")
    statement.status, statement.rejection_reason = status, clean_text(reason)[:300]
    statement.save(update_fields=["status", "rejection_reason"])
    return statement


def translation_languages(person, consultation: Consultation) -> list[str]:
    """The languages a person may translate the consultation's statements into: every one
    for its moderators; for the newsroom's volunteer translators, the languages they translate into."""
    if not person.is_authenticated:
        return []
    languages = [code for code, _name in settings.LANGUAGES]
    if person.has_perm("assembly.moderate", consultation):
        return languages
    from tadamun.newsroom.models import Translator

    into = set(Translator.objects.filter(person=person).values_list("target_language", flat=True))
    return [code for code in languages if code in into]


def translate_statement(*, by: User, statement: Statement, language: str, text: str) -> Statement:
    """A moderator, or a volunteer translator into the language, adds (or corrects) the
    statement's translation; readers of that language then vote on it in their language."""
    if language not in translation_languages(by, statement.consultation):
        raise PermissionDenied(_("Only the consultation's moderators and volunteer translators into this language translate its statements."))
    if language == statement.language:
        raise DomainError(_("This is the language the statement is written in."), field="language")
    if statement.status != Statement.Status.ACCEPTED:
        raise DomainError(_("Only accepted statements are translated."))
    text = clean_text(text)
    if not STATEMENT_MIN <= len(text) <= 2 * STATEMENT_MAX:
        raise DomainError(
            _("Write the translation in %(min)d to %(max)d characters.") % {"min": STATEMENT_MIN, "max": 2 * STATEMENT_MAX},
            field="text",
        )
    with transaction.atomic():  # two translators at once into two languages: neither is lost
        locked = Statement.objects.select_for_update().get(pk=statement.pk)
        locked.translations = {**(locked.translations or {}), language: text}
        locked.save(update_fields=["translations"])
    statement.translations = locked.translations
    log.info("statement translated consultation=%s statement=%s language=%s by=%s",
             statement.consultation_id, statement.number, language, by.pk)
    return statement


def vote(*, participant: Participant, statement: Statement, value: int) -> Vote:
    """Record a vote; a second vote on the same statement replaces the first and counts once."""
    consultation = participant.consultation
    if value not in (Vote.AGREE, Vote.PASS, Vote.DISAGREE):
        raise DomainError(_("Vote agree, disagree or pass."), field="value")
    if statement.consultation_id != consultation.pk or statement.status != Statement.Status.ACCEPTED:
        raise NotFound(_("This statement is not open to votes."))
    if not consultation.is_open:
        raise DomainError(_("This consultation is closed: votes are no longer recorded."))
    now = timezone.now()
    with transaction.atomic():
        changed = Vote.objects.filter(participant=participant, statement=statement).update(value=value, voted_at=now)
        if changed:
            return Vote(participant=participant, statement=statement, consultation=consultation, value=value, voted_at=now)
        try:
            with transaction.atomic():
                recorded = Vote.objects.create(
                    consultation=consultation, participant=participant, statement=statement, value=value, voted_at=now
                )
        except IntegrityError:  # the same vote sent twice at once: the other one counted it
            Vote.objects.filter(participant=participant, statement=statement).update(value=value, voted_at=now)
            return Vote(participant=participant, statement=statement, consultation=consultation, value=value, voted_at=now)
        Consultation.objects.filter(pk=consultation.pk).update(vote_count=F("vote_count") + 1)
        Participant.objects.filter(pk=participant.pk).update(vote_count=F("vote_count") + 1)
        Statement.objects.filter(pk=statement.pk).update(vote_count=F("vote_count") + 1)
        transaction.on_commit(lambda: ask_for_recomputation(consultation.pk))
    return recorded


def ask_for_recomputation(consultation_id: int) -> bool:
    """Queue a recomputation when enough votes arrived since the last report (at most one
    queued at a time per consultation). Cheap: two counters and a cache key."""
    current = Consultation.objects.filter(pk=consultation_id).values_list("vote_count", flat=True).first() or 0
    seen = Report.objects.filter(consultation_id=consultation_id).values_list("votes_seen", flat=True).first() or 0
    if current - seen < max(settings.CONSULTATION_RECOMPUTE_VOTES, round(seen * 0.05)) and seen:
        return False
    if not cache.add(f"assembly:recompute:{consultation_id}", 1, timeout=settings.CONSULTATION_RECOMPUTE_SECONDS):
        return False
    from .tasks import recompute_consultation

    recompute_consultation.enqueue(consultation_id=consultation_id)
    return True


def vote_triples(consultation: Consultation):
    """(participant number, statement number, value) of every vote on an accepted statement."""
    return (
        Vote.objects.filter(consultation=consultation, statement__status=Statement.Status.ACCEPTED)
        .values_list("participant__number", "statement__number", "value")
        .iterator(chunk_size=20_000)
    )


def recompute(consultation: Consultation) -> Report:
    """Map the opinions now and store the report (the task worker and `manage.py consultation
    recompute` call this). Groups stay labelled as they were when the data allows."""
    started = time.perf_counter()
    seen = Consultation.objects.values_list("vote_count", flat=True).get(pk=consultation.pk)
    previous = Report.objects.filter(consultation=consultation).values_list("positions", flat=True).first() or {}
    previous_groups = {int(k): v for k, v in (previous.get("group_of") or {}).items()}
    # numpy, scipy and scikit-learn load here, in the task worker, not in every web worker.
    from . import opinion

    result = opinion.compute(
        vote_triples(consultation), min_votes=settings.CONSULTATION_MIN_VOTES, previous_groups=previous_groups or None
    )
    positions = {"points": result.pop("points", []), "group_of": result.pop("group_of", {})}
    result["dots"] = maps.merged_dots(positions["points"])
    result["participation"] = participation(consultation)
    seconds = time.perf_counter() - started
    report, _created = Report.objects.update_or_create(
        consultation=consultation,
        defaults={"result": result, "positions": positions, "votes_seen": seen, "computed_at": timezone.now(), "seconds": seconds},
    )
    log.info("consultation recomputed consultation=%s groups=%s seconds=%.2f", consultation.pk, result.get("k"), seconds)
    return report


def participation(consultation: Consultation) -> dict:
    """Who took part, in totals only: new participants per day, and the count of each answer
    to the optional questions (never one person's answers)."""
    by_day: dict[str, int] = {}
    answers: dict[str, dict[str, int]] = {name: {} for name in consultation.demographics}
    rows = Participant.objects.filter(consultation=consultation).values_list("created_at", "answers")
    for created_at, given in rows.iterator(chunk_size=5000):
        day = timezone.localdate(created_at).isoformat()
        by_day[day] = by_day.get(day, 0) + 1
        for name in answers:
            value = (given or {}).get(name) or "unanswered"
            answers[name][value] = answers[name].get(value, 0) + 1
    return {"by_day": dict(sorted(by_day.items())), "answers": answers}


def next_statement(
    participant: Participant | None, *, consultation: Consultation | None = None, rng: random.Random | None = None
) -> Statement | None:
    """The next statement to show: one the participant has not voted on, chosen at random with
    a weight that favours statements with few votes and those that split or unite the groups,
    so that a participant's first votes are the informative ones."""
    rng = rng or random.Random()  # noqa: S311 (choice of a statement, not a secret)
    consultation_id = participant.consultation_id if participant else consultation.pk
    voted = Vote.objects.filter(participant=participant).values("statement_id") if participant else []
    candidates = list(
        Statement.objects.filter(consultation_id=consultation_id, status=Statement.Status.ACCEPTED)
        .exclude(pk__in=voted)
        .order_by("vote_count", "number")
        .only("pk", "number", "text", "language", "translations", "vote_count", "consultation_id")[:50]
    )
    if not candidates:
        return None
    result = Report.objects.filter(consultation_id=consultation_id).values_list("result", flat=True).first() or {}
    salient = {item["statement"] for item in (result.get("consensus") or [])[:10]}
    salient |= {item["statement"] for item in (result.get("divisive") or [])[:10]}
    fewest = candidates[0].vote_count
    weights = [
        (1.0 / (1 + statement.vote_count - fewest)) * (3.0 if statement.number in salient else 1.0)
        for statement in candidates
    ]
    return rng.choices(candidates, weights=weights, k=1)[0]
