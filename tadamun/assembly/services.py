"""Every change in consultations: opening them, statements and their moderation, taking part,
voting, and recomputing the map of opinions.

Counters (votes of a consultation, of a participant, of a statement) move in the transaction
that records a first vote; a changed vote changes no counter. Recomputation runs in the task
worker once enough new votes arrived since the last report; pages only read the report.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import random
import re
import secrets
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tadamun.accounts.models import User
from tadamun.core import markdown
from tadamun.core.errors import DomainError, NotFound, PermissionDenied
from tadamun.core.text import clean_text
from tadamun.network.models import Membership, Organisation
from tadamun.pathways.models import Pathway

from . import maps
from .models import (
    Amendment,
    Consultation,
    Decision,
    Gathering,
    GatheringDocument,
    Group,
    GroupMember,
    Participant,
    Position,
    Post,
    Proposal,
    ProposalOption,
    ProposalVersion,
    Proxy,
    Receipt,
    Registration,
    Report,
    Seat,
    Session,
    Statement,
    Thread,
    Vote,
)

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
    group: Group | None = None  # the working group that opens it (its facilitators then moderate it)


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
    _require(by, "assembly.open_consultation", draft.group,
             _("Only coordinators and the facilitators of a working group open consultations."))
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
        group=draft.group,
    )
    consultation.pathways.set(draft.pathways or ([draft.group.pathway] if draft.group and draft.group.pathway else []))
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


# ---------------------------------------------------------------------------------------------
# Deciding together: groups, seats and delegates, proposals, positions, proxies, decisions.
#
# A group counts either its members (one voice each) or its member organisations (one voice
# each, cast by the delegate the organisation designates, possibly through another
# organisation's delegate holding its proxy). Every position, proxy and closing of a proposal
# takes the proposal's row lock, so a change of position is never lost and nothing is stated
# after closing. Counts are computed from the positions themselves, never kept in counters.
# ---------------------------------------------------------------------------------------------


@dataclass
class GroupDraft:
    name: str
    code: str
    kind: str = Group.Kind.WORKING_GROUP
    counts: str = Group.Counts.PEOPLE
    description: str = ""
    pathway: Pathway | None = None
    public: bool = True
    max_proxies: int = 2


def create_group(*, by: User, draft: GroupDraft) -> Group:
    _require(by, "assembly.manage_groups", None, _("Only coordinators create groups."))
    if not clean_text(draft.name):
        raise DomainError(_("Give the group a name."), field="name")
    code = slugify(draft.code).upper()[:12]
    if not code:
        raise DomainError(_("Give the group a short code for the references of its decisions."), field="code")
    if Group.objects.filter(code__iexact=code).exists():
        raise DomainError(_("Another group already uses this code."), field="code")
    if draft.kind not in Group.Kind.values or draft.counts not in Group.Counts.values:
        raise DomainError(_("Choose the kind of group and who has a voice in it."), field="kind")
    group = Group.objects.create(
        slug=f"{slugify(draft.name)[:70] or 'group'}-{code.lower()}", code=code, name=clean_text(draft.name)[:200],
        description=draft.description.strip(), description_html=markdown.render(draft.description.strip()),
        kind=draft.kind, counts=draft.counts, pathway=draft.pathway, public=draft.public, max_proxies=draft.max_proxies,
    )
    log.info("group created group=%s by=%s", group.pk, by.pk)
    return group


def name_group(*, by: User, group: Group, language: str, name: str) -> Group:
    """Coordinators give a group its name in another language (readers see their own)."""
    _require(by, "assembly.manage_groups", group, _("Only coordinators name groups."))
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose one of the platform's languages."), field="language")
    if not clean_text(name):
        raise DomainError(_("Give the group a name."), field="name")
    group.translations = {**(group.translations or {}), language: {**(group.translations or {}).get(language, {}),
                                                                   "name": clean_text(name)[:200]}}
    group.save(update_fields=["translations"])
    return group


def add_member(*, by: User, group: Group, person: User, role: str = GroupMember.Role.MEMBER) -> GroupMember:
    """Coordinators add a person to a group, or change their role (member or facilitator)."""
    _require(by, "assembly.manage_groups", group, _("Only coordinators change who is in a group."))
    if role not in GroupMember.Role.values:
        raise DomainError(_("Choose member or facilitator."), field="role")
    member, _created = GroupMember.objects.update_or_create(group=group, person=person, defaults={"role": role})
    log.info("group member set group=%s person=%s role=%s by=%s", group.pk, person.pk, role, by.pk)
    return member


def remove_member(*, by: User, group: Group, person: User) -> None:
    _require(by, "assembly.manage_groups", group, _("Only coordinators change who is in a group."))
    GroupMember.objects.filter(group=group, person=person).delete()
    log.info("group member removed group=%s person=%s by=%s", group.pk, person.pk, by.pk)


def set_notifications(*, person: User, group: Group, notify: str) -> GroupMember:
    """Each member chooses, per group, an email for each new thing, a daily digest, or none."""
    if notify not in GroupMember.Notify.values:
        raise DomainError(_("Choose how you want to hear about the group."), field="notify")
    member = GroupMember.objects.filter(group=group, person=person).first()
    if member is None:
        raise PermissionDenied(_("You are not a member of this group."))
    member.notify = notify
    member.save(update_fields=["notify"])
    return member


def seat_organisation(*, by: User, group: Group, organisation: Organisation, weight=1) -> Seat:
    """Coordinators give a member organisation its voice in a group that counts organisations
    (and set its weight); its administrators then designate the delegate."""
    _require(by, "assembly.manage_groups", group, _("Only coordinators change who is in a group."))
    if not group.by_organisation:
        raise DomainError(_("This group counts its members, not organisations."))
    if organisation.status != Organisation.Status.APPROVED:
        raise DomainError(_("Only member organisations of the network have a seat."), field="organisation")
    try:
        weight = Decimal(str(weight))
    except ArithmeticError:
        weight = Decimal(0)
    if not Decimal("0.01") <= weight <= Decimal("100"):
        raise DomainError(_("A weight is a number between 0.01 and 100."), field="weight")
    seat, created = Seat.objects.get_or_create(group=group, organisation=organisation, defaults={"weight": weight})
    if not created and seat.weight != weight:
        seat.weight = weight
        seat.save(update_fields=["weight"])
    log.info("seat set group=%s organisation=%s weight=%s by=%s", group.pk, organisation.pk, weight, by.pk)
    return seat


def designate_delegate(*, by: User, seat: Seat, person: User) -> Seat:
    """An organisation's administrators (or a coordinator) choose who casts its voice. The
    position stated by the earlier delegate stays the organisation's one position, and the
    new delegate's replaces it."""
    _require(by, "assembly.designate_delegate", seat, _("Only the organisation's administrators designate its delegate."))
    if not Membership.objects.filter(person=person, organisation_id=seat.organisation_id).exists():
        raise DomainError(_("The delegate must be a member of the organisation."), field="delegate")
    if Seat.objects.filter(group_id=seat.group_id, delegate=person).exclude(pk=seat.pk).exists():
        raise DomainError(
            _("This person is already the delegate of another organisation in the group; one person casts one voice."),
            field="delegate",
        )
    with transaction.atomic():
        seat.delegate = person
        seat.save(update_fields=["delegate"])
        # The delegate follows the group (and chooses their emails on its page).
        GroupMember.objects.get_or_create(group=seat.group, person=person)
    log.info("delegate designated seat=%s person=%s by=%s", seat.pk, person.pk, by.pk)
    return seat


@dataclass
class ProposalDraft:
    title: str
    text: str
    language: str
    closes_at: datetime
    kind: str = Proposal.Kind.CONSENSUS
    max_blocks: int = 0
    min_agree: int = 75
    quorum: int | None = None
    anonymous: bool = False
    hide_results: bool = False
    options: list[str] = field(default_factory=list)  # polls and ranked choices
    times: list[datetime] = field(default_factory=list)  # time polls
    max_choices: int = 1


def _options_of(draft: ProposalDraft) -> list[tuple[str, datetime | None]]:
    """The options a poll, ranked choice or time poll offers (refused when too few)."""
    if draft.kind == Proposal.Kind.TIME_POLL:
        times = sorted(set(draft.times))
        if len(times) < 2:
            raise DomainError(_("Propose at least two times."), field="options")
        if times[0] <= timezone.now():
            raise DomainError(_("The times proposed must be in the future."), field="options")
        return [(timezone.localtime(moment).strftime("%Y-%m-%d %H:%M"), moment) for moment in times]
    texts = [clean_text(text)[:300] for text in draft.options if clean_text(text)]
    if len(texts) != len(set(texts)) or len(texts) < 2:
        raise DomainError(_("Give at least two different options, one per line."), field="options")
    if len(texts) > 30:
        raise DomainError(_("At most 30 options."), field="options")
    if draft.kind == Proposal.Kind.POLL and not 1 <= draft.max_choices <= len(texts):
        raise DomainError(_("Each voice chooses at least one option and at most all of them."), field="max_choices")
    return [(text, None) for text in texts]


def put_proposal(*, by: User, group: Group, draft: ProposalDraft) -> Proposal:
    """A facilitator puts a proposal to the group, with its pass rule and closing time."""
    _require(by, "assembly.facilitate", group, _("Only the group's facilitators put proposals to it."))
    if not clean_text(draft.title):
        raise DomainError(_("Give the proposal a title."), field="title")
    if len(draft.text.strip()) < 20:
        raise DomainError(_("Write the proposal (at least 20 characters)."), field="text")
    if draft.language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose the language the proposal is written in."), field="language")
    if draft.kind not in Proposal.Kind.values:
        raise DomainError(_("Choose how the group decides."), field="kind")
    if draft.closes_at <= timezone.now():
        raise DomainError(_("The closing time must be in the future."), field="closes_at")
    if not 0 <= draft.min_agree <= 100 or (draft.quorum is not None and not 0 < draft.quorum <= 100):
        raise DomainError(_("Percentages are between 0 and 100."), field="min_agree")
    if draft.max_blocks < 0:
        raise DomainError(_("The number of blocks allowed cannot be negative."), field="max_blocks")
    options = _options_of(draft) if draft.kind in Proposal.OPTION_KINDS else []
    with transaction.atomic():
        proposal = Proposal.objects.create(
            group=group, title=clean_text(draft.title)[:200], text=draft.text.strip(),
            text_html=markdown.render(draft.text.strip()), language=draft.language, kind=draft.kind,
            closes_at=draft.closes_at, max_blocks=draft.max_blocks, min_agree=draft.min_agree, quorum=draft.quorum,
            anonymous=draft.anonymous, hide_results=draft.hide_results, created_by=by,
            max_choices=draft.max_choices if draft.kind == Proposal.Kind.POLL else 1,
        )
        ProposalVersion.objects.create(proposal=proposal, number=1, text=proposal.text, created_by=by)
        ProposalOption.objects.bulk_create(
            ProposalOption(proposal=proposal, number=number, text=text, starts_at=moment)
            for number, (text, moment) in enumerate(options, start=1)
        )
        _announce_later(proposal=proposal)
    log.info("proposal put group=%s proposal=%s by=%s", group.pk, proposal.pk, by.pk)
    return proposal


def _lock(proposal: Proposal) -> Proposal:
    """The proposal's row, locked until the end of the transaction (positions, proxies and
    closing of one proposal happen one after the other)."""
    return Proposal.objects.select_for_update().select_related("group").get(pk=proposal.pk)


def revise_proposal(*, by: User, proposal: Proposal, text: str, note: str = "") -> Proposal:
    """A facilitator changes the text (taking in amendments); every version is kept. Only the
    text changes: the pass rule, anonymity and hidden results stay as they were set."""
    _require(by, "assembly.facilitate", proposal.group, _("Only the group's facilitators change a proposal."))
    text = text.strip()
    if len(text) < 20:
        raise DomainError(_("Write the proposal (at least 20 characters)."), field="text")
    with transaction.atomic():
        locked = _lock(proposal)
        if not locked.is_open:
            raise DomainError(_("This proposal is closed."))
        if text == locked.text:
            raise DomainError(_("The text is the same as the current version."), field="text")
        locked.version += 1
        locked.text, locked.text_html = text, markdown.render(text)
        locked.save(update_fields=["version", "text", "text_html"])
        ProposalVersion.objects.create(
            proposal=locked, number=locked.version, text=text, note=clean_text(note)[:300], created_by=by
        )
    log.info("proposal revised proposal=%s version=%s by=%s", proposal.pk, locked.version, by.pk)
    return locked


def suggest_amendment(*, by: User, proposal: Proposal, text: str, note: str = "") -> Amendment:
    """A member of the group suggests a change: the whole text as they would have it."""
    _require(by, "assembly.discuss", proposal.group, _("Only the group's members suggest amendments."))
    text = text.strip()
    if not proposal.is_open:
        raise DomainError(_("This proposal is closed."))
    if len(text) < 20:
        raise DomainError(_("Write the proposal as you would have it (at least 20 characters)."), field="text")
    if text == proposal.text:
        raise DomainError(_("The text is the same as the current version."), field="text")
    amendment = Amendment.objects.create(
        proposal=proposal, author=by, text=text, note=clean_text(note)[:500], on_version=proposal.version,
    )
    log.info("amendment suggested proposal=%s amendment=%s by=%s", proposal.pk, amendment.pk, by.pk)
    return amendment


def answer_amendment(*, by: User, amendment: Amendment, accept: bool, answer: str = "") -> Amendment:
    """A facilitator takes an amendment into a new version of the proposal, or declines it
    with a reason its author reads."""
    _require(by, "assembly.facilitate", amendment.proposal.group, _("Only the group's facilitators answer amendments."))
    if amendment.status != Amendment.Status.OPEN:
        raise DomainError(_("This amendment was already answered."))
    if not accept and len(clean_text(answer)) < 3:
        raise DomainError(_("Say why: its author will read it."), field="answer")
    with transaction.atomic():
        if accept:
            who = (amendment.author.display_name if amendment.author else "") or _("a member")
            note = _("Amendment by %(name)s") % {"name": who} + (f": {amendment.note}" if amendment.note else "")
            revise_proposal(by=by, proposal=amendment.proposal, text=amendment.text, note=note)
        amendment.status = Amendment.Status.ACCEPTED if accept else Amendment.Status.DECLINED
        amendment.answer = clean_text(answer)[:500]
        amendment.save(update_fields=["status", "answer"])
    return amendment


def voice_of(proposal_id: int, *, person_id: int | None = None, seat_id: int | None = None) -> str:
    """The key of a voice on one proposal: a keyed hash, so an anonymous proposal's positions
    name nobody, yet the same voice stating again replaces its position."""
    who = f"s{seat_id}" if seat_id is not None else f"p{person_id}"
    return hmac.new(settings.SECRET_KEY.encode(), f"assembly-voice:{proposal_id}:{who}".encode(), hashlib.sha256).hexdigest()


def seat_of_delegate(person: User, group: Group) -> Seat | None:
    """The seat whose delegate the person is in the group (one at most)."""
    return Seat.objects.filter(group=group, delegate=person).select_related("organisation").first()


def voices_of(person: User, proposal: Proposal) -> list[Seat | None]:
    """The voices a person casts on a proposal: their own (None) in a group of people; in a
    group of organisations the seat they are the delegate of, and the seats whose proxy that
    seat holds."""
    if not person.is_authenticated:
        return []
    group = proposal.group
    if not group.by_organisation:
        return [None] if GroupMember.objects.filter(group=group, person=person).exists() else []
    seat = seat_of_delegate(person, group)
    if seat is None:
        return []
    held = [proxy.giver for proxy in Proxy.objects.filter(proposal=proposal, holder=seat, withdrawn_at__isnull=True).select_related("giver__organisation")]
    return [seat, *held]


def _allowed_values(proposal: Proposal) -> list[str]:
    if proposal.kind == Proposal.Kind.CONSENT:
        return [Position.Value.AGREE, Position.Value.BLOCK]  # no objection, or an objection
    return list(Position.Value.values)


TIME_ANSWERS = ("yes", "maybe", "no")


def _checked_choices(proposal: Proposal, choices) -> list | dict:
    """A poll's chosen options, a ranked choice's order, a time poll's answers, checked
    against the proposal's options (refused with a clear message otherwise)."""
    numbers = set(ProposalOption.objects.filter(proposal=proposal).values_list("number", flat=True))
    if proposal.kind == Proposal.Kind.TIME_POLL:
        answers = {str(k): v for k, v in dict(choices or {}).items() if v}
        if not answers or any(not k.isdigit() or int(k) not in numbers or v not in TIME_ANSWERS for k, v in answers.items()):
            raise DomainError(_("Say for at least one time whether it suits you."), field="choices")
        return answers
    try:
        chosen = [int(number) for number in (choices or [])]
    except (TypeError, ValueError):
        chosen = []
    if not chosen or len(chosen) != len(set(chosen)) or not set(chosen) <= numbers:
        if proposal.kind == Proposal.Kind.RANKED:
            raise DomainError(_("Put at least one option in order, each at one rank."), field="choices")
        raise DomainError(_("Choose among the options."), field="choices")
    if proposal.kind == Proposal.Kind.POLL and len(chosen) > proposal.max_choices:
        raise DomainError(
            ngettext("Choose at most %(n)d option.", "Choose at most %(n)d options.", proposal.max_choices)
            % {"n": proposal.max_choices}, field="choices",
        )
    return chosen


def state_position(
    *, by: User, proposal: Proposal, value: str = "", reason: str = "", seat: Seat | None = None, choices=None,
) -> tuple[Position, Receipt]:
    """State (or change) a position until the proposal closes: agree, abstain, disagree or
    block (consensus, consent), or the choices of a poll, a ranked choice or a time poll. In a
    group of organisations the delegate states the organisation's position, or, holding its
    proxy, another's (`seat`)."""
    reason = (reason or "").strip()
    if proposal.kind in Proposal.OPTION_KINDS:
        choices, value = _checked_choices(proposal, choices), ""
    elif value not in _allowed_values(proposal):
        raise DomainError(_("Choose a position."), field="value")
    else:
        choices = []
    if value in (Position.Value.DISAGREE, Position.Value.BLOCK) and len(reason) < 5:
        raise DomainError(_("Say why: a disagreement or a block needs a reason the group can answer."), field="reason")
    if len(reason) > 2000:
        raise DomainError(_("Keep the reason under 2,000 characters."), field="reason")
    with transaction.atomic():
        locked = _lock(proposal)  # proxies given or withdrawn meanwhile are seen as they are now
        voices = voices_of(by, locked)
        if not voices:
            raise PermissionDenied(_("You have no voice in this group."))
        if locked.group.by_organisation:
            chosen = seat or voices[0]
            if chosen.pk not in {v.pk for v in voices}:
                raise PermissionDenied(_("You do not hold this organisation's voice on this proposal."))
            voice, proxied = voice_of(locked.pk, seat_id=chosen.pk), chosen.pk != voices[0].pk
        else:
            chosen, voice, proxied = None, voice_of(locked.pk, person_id=by.pk), False
        if not locked.is_open:
            raise DomainError(_("This proposal is closed: positions are no longer recorded."))
        now = timezone.now()
        named = {} if locked.anonymous else {"person": by, "seat": chosen}
        position = Position.objects.filter(proposal=locked, voice=voice).first()
        if position is not None and proxied and not position.by_proxy:
            raise DomainError(_("This organisation stated its own position: it counts, not the proxy's."))
        if position is None:
            position = Position.objects.create(
                proposal=locked, voice=voice, value=value, choices=choices, reason=reason, stated_at=now,
                version=locked.version, by_proxy=proxied, **named,
            )
        else:
            position.by_proxy = proxied
            if position.value != value or position.reason != reason:
                position.answer, position.answered_at = "", None  # a new objection needs a new answer
            position.value, position.reason, position.choices = value, reason, choices
            position.stated_at, position.version, position.changes = now, locked.version, position.changes + 1
            for name, who in named.items():
                setattr(position, name, who)
            position.save()
        receipt = Receipt.objects.filter(proposal=locked, person=by).first() or Receipt.objects.create(
            proposal=locked, person=by, seat=voices[0] if locked.group.by_organisation else None,
            code=secrets.token_urlsafe(12),
        )
    log.info("position stated proposal=%s by=%s", proposal.pk, by.pk)  # never how, even in the log
    return position, receipt


def answer_block(*, by: User, position: Position, answer: str) -> Position:
    """A facilitator answers a block (required before the proposal closes)."""
    _require(by, "assembly.facilitate", position.proposal.group, _("Only the group's facilitators answer blocks."))
    if position.value != Position.Value.BLOCK:
        raise DomainError(_("Only blocks need an answer."))
    if len(answer.strip()) < 5:
        raise DomainError(_("Write the answer to the block."), field="answer")
    with transaction.atomic():
        _lock(position.proposal)
        Position.objects.filter(pk=position.pk).update(answer=answer.strip(), answered_at=timezone.now())
    position.refresh_from_db()
    log.info("block answered proposal=%s by=%s", position.proposal_id, by.pk)
    return position


def give_proxy(*, by: User, proposal: Proposal, holder: Seat) -> Proxy:
    """A delegate lets another organisation's delegate state its position on one proposal."""
    group = proposal.group
    if not group.by_organisation:
        raise DomainError(_("Proxies exist only where organisations have the voice."))
    giver = seat_of_delegate(by, group)
    if giver is None:
        raise PermissionDenied(_("Only an organisation's delegate gives its proxy."))
    if holder.group_id != group.pk:
        raise DomainError(_("Choose an organisation of this group."), field="holder")
    if holder.pk == giver.pk:
        raise DomainError(_("An organisation cannot give its proxy to itself."), field="holder")
    if holder.delegate_id is None:
        raise DomainError(_("This organisation has no delegate to hold a proxy."), field="holder")
    with transaction.atomic():
        locked = _lock(proposal)
        if not locked.is_open:
            raise DomainError(_("This proposal is closed."))
        active = Proxy.objects.filter(proposal=locked, withdrawn_at__isnull=True)
        if active.filter(giver=giver).exists():
            raise DomainError(_("Your organisation has already given its proxy on this proposal; withdraw it first."))
        if active.filter(holder=giver).exists():
            raise DomainError(_("Your organisation holds proxies on this proposal: it cannot pass them on."))
        if active.filter(giver=holder).exists():
            raise DomainError(_("This organisation has given its own proxy on this proposal."), field="holder")
        if active.filter(holder=holder).count() >= group.max_proxies:
            raise DomainError(
                _("This delegate already holds %(n)d proxies, the most allowed.") % {"n": group.max_proxies}, field="holder"
            )
        proxy = Proxy.objects.create(proposal=locked, giver=giver, holder=holder, given_by=by)
    log.info("proxy given proposal=%s giver=%s holder=%s by=%s", proposal.pk, giver.pk, holder.pk, by.pk)
    return proxy


def withdraw_proxy(*, by: User, proxy: Proxy) -> Proxy:
    """The giving organisation's delegate (or its administrators) take the proxy back until
    closing; what the holder stated through it no longer counts."""
    giver = proxy.giver
    if giver.delegate_id != by.pk and not by.has_perm("assembly.designate_delegate", giver):
        raise PermissionDenied(_("Only the organisation that gave the proxy withdraws it."))
    with transaction.atomic():
        locked = _lock(proxy.proposal)
        if not locked.is_open:
            raise DomainError(_("This proposal is closed."))
        if not Proxy.objects.filter(pk=proxy.pk, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now()):
            raise DomainError(_("This proxy was already withdrawn."))
        Position.objects.filter(proposal=locked, voice=voice_of(locked.pk, seat_id=giver.pk), by_proxy=True).delete()
    proxy.refresh_from_db()
    log.info("proxy withdrawn proposal=%s giver=%s by=%s", proxy.proposal_id, giver.pk, by.pk)
    return proxy


@dataclass
class Tally:
    """The count of a proposal, in voices (weights where organisations have them)."""

    voices: Decimal  # every voice of the group (summed weights)
    taken_part: Decimal
    counts: dict[str, Decimal]  # agree, abstain, disagree, block
    people: int  # positions that count (a proxy's counted once, for the organisation that gave it)
    by_proxy: int
    unanswered_blocks: int
    agree_share: float | None  # agree / (agree + disagree + block), None when nobody took a side
    quorum_met: bool
    passes: bool
    options: list[dict] = field(default_factory=list)  # polls, ranked choices, time polls: each option's score

    @property
    def turnout(self) -> float:
        return float(self.taken_part / self.voices) if self.voices else 0.0


def tally(proposal: Proposal) -> Tally:
    """Count the positions that count now: one per voice of the group's present members or
    seats (a position stated through a proxy is the giving organisation's one position)."""
    return tallies([proposal])[proposal.pk]


class Counted(NamedTuple):
    """What counting needs of a position (tuples: no model instances for a thousand voices)."""

    voice: str
    value: str
    choices: list | dict
    answered_at: datetime | None
    by_proxy: bool


def tallies(proposals) -> dict[int, Tally]:
    """The tallies of several proposals in a fixed number of queries (lists and the API)."""
    from collections import defaultdict

    proposals = list(proposals)
    ids = [p.pk for p in proposals]
    positions: dict[int, dict[str, Counted]] = defaultdict(dict)
    for proposal_id, *fields in Position.objects.filter(proposal_id__in=ids).values_list(
            "proposal_id", "voice", "value", "choices", "answered_at", "by_proxy"):
        counted = Counted(*fields)
        positions[proposal_id][counted.voice] = counted
    by_organisation = {p.group_id for p in proposals if p.group.by_organisation}
    seats: dict[int, list] = defaultdict(list)
    for group_id, pk, weight in Seat.objects.filter(group_id__in=by_organisation).values_list("group_id", "pk", "weight"):
        seats[group_id].append((pk, weight))
    people: dict[int, list] = defaultdict(list)
    for group_id, person_id in GroupMember.objects.filter(
            group_id__in={p.group_id for p in proposals} - by_organisation).values_list("group_id", "person_id"):
        people[group_id].append(person_id)
    options: dict[int, list] = defaultdict(list)
    for option in ProposalOption.objects.filter(proposal_id__in=[p.pk for p in proposals if p.kind in Proposal.OPTION_KINDS]):
        options[option.proposal_id].append(option)
    return {
        p.pk: _count(p, positions[p.pk], seats[p.group_id] if p.group_id in by_organisation else None,
                     people[p.group_id], options[p.pk])
        for p in proposals
    }


def _count(proposal: Proposal, positions: dict[str, Counted], seats: list | None, people: list[int], options: list) -> Tally:
    counted: list[tuple[Counted, Decimal]] = []
    if seats is not None:
        total = sum((w for _pk, w in seats), Decimal(0))
        for pk, weight in seats:
            own = positions.get(voice_of(proposal.pk, seat_id=pk))
            if own is not None:
                counted.append((own, weight))
    else:
        total = Decimal(len(people))
        for person_id in people:
            own = positions.get(voice_of(proposal.pk, person_id=person_id))
            if own is not None:
                counted.append((own, Decimal(1)))
    by_proxy = sum(1 for position, _w in counted if position.by_proxy)
    counts = {value: Decimal(0) for value in Position.Value.values}
    for position, weight in counted:
        if position.value:
            counts[position.value] += weight
    taken_part = sum((weight for _p, weight in counted), Decimal(0))
    if proposal.kind in Proposal.OPTION_KINDS:
        scored = _score_options(proposal, counted, options)
        quorum_met = proposal.quorum is None or (total > 0 and taken_part * 100 >= total * proposal.quorum)
        return Tally(
            voices=total, taken_part=taken_part, counts=counts, people=len(counted), by_proxy=by_proxy,
            unanswered_blocks=0, agree_share=None, quorum_met=quorum_met, passes=quorum_met and taken_part > 0,
            options=scored,
        )
    sided = counts["agree"] + counts["disagree"] + counts["block"]
    agree_share = float(counts["agree"] / sided) if sided else None
    quorum_met = proposal.quorum is None or (total > 0 and taken_part * 100 >= total * proposal.quorum)
    blocks = sum(1 for position, _w in counted if position.value == Position.Value.BLOCK)
    unanswered = sum(1 for position, _w in counted if position.value == Position.Value.BLOCK and not position.answered_at)
    passes = bool(
        quorum_met and blocks <= proposal.max_blocks and agree_share is not None and agree_share * 100 >= proposal.min_agree
    )
    return Tally(
        voices=total, taken_part=taken_part, counts=counts, people=len(counted), by_proxy=by_proxy,
        unanswered_blocks=unanswered, agree_share=agree_share, quorum_met=quorum_met, passes=passes,
    )


def _score_options(proposal: Proposal, counted: list[tuple[Counted, Decimal]], options: list) -> list[dict]:
    """Each option's score, highest first: in a poll the voices that chose it; in a ranked
    choice its Borda points (with n options, a first place is worth n, a second n - 1…); in a
    time poll the voices for which it suits, a "maybe" counting half. Weights apply."""
    scores = {o.number: {"number": o.number, "text": o.text, "score": Decimal(0), "yes": Decimal(0),
                         "maybe": Decimal(0), "no": Decimal(0)} for o in options}
    n = len(options)
    for position, weight in counted:
        if proposal.kind == Proposal.Kind.POLL:
            for number in position.choices or []:
                if number in scores:
                    scores[number]["score"] += weight
        elif proposal.kind == Proposal.Kind.RANKED:
            for rank, number in enumerate(position.choices or []):
                if number in scores:
                    scores[number]["score"] += weight * (n - rank)
        else:
            for number, answer in (position.choices or {}).items():
                row = scores.get(int(number))
                if row is not None and answer in TIME_ANSWERS:
                    row[answer] += weight
    if proposal.kind == Proposal.Kind.TIME_POLL:
        for row in scores.values():
            row["score"] = row["yes"] + row["maybe"] / 2
    ranked = sorted(scores.values(), key=lambda row: (-row["score"], row["number"]))
    best = ranked[0]["score"] if ranked else 0
    for row in ranked:
        row["leading"] = bool(best) and row["score"] == best
    return ranked


def _next_reference(group: Group, year: int) -> str:
    """GA-2022-1, GA-2022-2…: numbered in the group's year under the group's row lock."""
    Group.objects.select_for_update().filter(pk=group.pk).values_list("pk", flat=True).first()
    taken = Decision.objects.filter(group=group, reference__startswith=f"{group.code.lower()}-{year}-").count()
    return f"{group.code.lower()}-{year}-{taken + 1}"


def close_proposal(*, by: User, proposal: Proposal, outcome: str, public: bool | None = None) -> Decision:
    """At closing the facilitator records the outcome statement; the decision enters the
    group's register with the count. Every block must have been answered."""
    _require(by, "assembly.facilitate", proposal.group, _("Only the group's facilitators close a proposal."))
    outcome = outcome.strip()
    if len(outcome) < 10:
        raise DomainError(_("Write the outcome statement: what the group decided and why."), field="outcome")
    with transaction.atomic():
        locked = _lock(proposal)
        if locked.status != Proposal.Status.OPEN:
            raise DomainError(_("This proposal is already closed."))
        count = tally(locked)
        if timezone.now() < locked.closes_at and count.taken_part < count.voices:
            raise DomainError(_("The proposal closes at its closing time, or earlier once every voice has taken part."))
        if count.unanswered_blocks:
            raise DomainError(_("Answer every block before closing."), field="outcome")
        now = timezone.now()
        locked.status, locked.closed_at = Proposal.Status.CLOSED, now
        locked.save(update_fields=["status", "closed_at"])
        decision = Decision.objects.create(
            group=locked.group, proposal=locked, reference=_next_reference(locked.group, timezone.localdate(now).year),
            title=locked.title, outcome=outcome, outcome_html=markdown.render(outcome), language=locked.language,
            passed=count.passes, decided_on=timezone.localdate(now), result=_result_json(count),
            public=locked.group.public if public is None else public, recorded_by=by,
            search_text=_search_text(locked.title, outcome, locked.text),
        )
        _announce_later(decision=decision)
    log.info("proposal closed proposal=%s decision=%s passed=%s by=%s", proposal.pk, decision.reference, count.passes, by.pk)
    return decision


def figure(number: Decimal) -> str:
    """A count of voices as text: 3, or 2.5 where weights make it so (never 3.00)."""
    return format(number.quantize(Decimal("0.01")).normalize(), "f")


def _result_json(count: Tally) -> dict:
    return {
        "voices": figure(count.voices), "taken_part": figure(count.taken_part), "by_proxy": count.by_proxy,
        "counts": {value: figure(n) for value, n in count.counts.items()},
        "agree_share": count.agree_share, "quorum_met": count.quorum_met, "passes": count.passes,
        "options": [
            {key: (figure(value) if isinstance(value, Decimal) else value) for key, value in row.items()} for row in count.options
        ],
    }


def _search_text(*texts: str) -> str:
    from tadamun.core.text import normalise

    return normalise(" ".join(texts))[:20_000]


@dataclass
class DecisionDraft:
    title: str
    outcome: str
    language: str
    decided_on: date
    place: str = ""
    passed: bool = True
    public: bool = True
    gathering: Gathering | None = None


def record_decision(*, by: User, group: Group, draft: DecisionDraft) -> Decision:
    """A facilitator records a decision taken elsewhere (in the room of a general assembly),
    so the register holds every decision of the group."""
    _require(by, "assembly.facilitate", group, _("Only the group's facilitators record its decisions."))
    if not clean_text(draft.title):
        raise DomainError(_("Give the decision a title."), field="title")
    if len(draft.outcome.strip()) < 10:
        raise DomainError(_("Write the outcome statement: what the group decided and why."), field="outcome")
    if draft.decided_on > timezone.localdate():
        raise DomainError(_("A decision is recorded once it is taken."), field="decided_on")
    if draft.language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose the language the decision is written in."), field="language")
    with transaction.atomic():
        decision = Decision.objects.create(
            group=group, reference=_next_reference(group, draft.decided_on.year), title=clean_text(draft.title)[:200],
            outcome=draft.outcome.strip(), outcome_html=markdown.render(draft.outcome.strip()), language=draft.language,
            passed=draft.passed, decided_on=draft.decided_on, place=clean_text(draft.place)[:200], public=draft.public,
            gathering=draft.gathering,
            recorded_by=by, search_text=_search_text(draft.title, draft.outcome, draft.place),
        )
        _announce_later(decision=decision)
    log.info("decision recorded group=%s decision=%s by=%s", group.pk, decision.reference, by.pk)
    return decision


# Notifications without overload: each member chooses, per group, an email for each new
# thing, a daily digest, or none; the closing reminder goes only to voices not yet heard.


def _followers(group: Group, notify: str) -> list[User]:
    return list(
        User.objects.filter(group_memberships__group=group, group_memberships__notify=notify, is_active=True).distinct()
    )


def announce(*, proposal: Proposal | None = None, decision: Decision | None = None) -> int:
    """Email the members who want every new thing of the group (the task worker calls this)."""
    from tadamun.core.tasks import send_templated_email

    item = proposal or decision
    template = "assembly/email/proposal_opened" if proposal else "assembly/email/decision_recorded"
    context = {"group": item.group.name, "title": item.title}
    if proposal:
        context["closes"] = timezone.localtime(proposal.closes_at).strftime("%Y-%m-%d %H:%M")
        link = {"name": "assembly:proposal", "kwargs": {"slug": item.group.slug, "proposal_id": item.pk}}
    else:
        context["reference"] = decision.reference.upper()
        link = {"name": "assembly:decision", "kwargs": {"reference": decision.reference}}
    sent = 0
    for person in _followers(item.group, GroupMember.Notify.IMMEDIATE):
        send_templated_email.call(to=[person.email], template=template, context=context, language=person.language, link=link)
        sent += 1
    return sent


def _announce_later(**item) -> None:
    from .tasks import announce_to_group

    key = {name: value.pk for name, value in item.items()}
    transaction.on_commit(lambda: announce_to_group.enqueue(**key))


def send_group_digests(*, now: datetime | None = None) -> int:
    """One email per person who chose the daily digest: the proposals opened and decisions
    recorded in their groups during the last day."""
    from tadamun.core.tasks import send_templated_email

    now = now or timezone.now()
    since = now - timedelta(days=1)
    proposals = list(Proposal.objects.filter(created_at__gte=since, created_at__lt=now).select_related("group"))
    decisions = list(Decision.objects.filter(created_at__gte=since, created_at__lt=now).select_related("group"))
    threads = list(Thread.objects.filter(last_post_at__gte=since, last_post_at__lt=now).select_related("group"))
    groups = {item.group_id for item in proposals + decisions + threads}
    if not groups:
        return 0
    follows: dict[int, set[int]] = {}
    for person_id, group_id in GroupMember.objects.filter(
        group_id__in=groups, notify=GroupMember.Notify.DIGEST, person__is_active=True
    ).values_list("person_id", "group_id"):
        follows.setdefault(person_id, set()).add(group_id)
    sent = 0
    for person in User.objects.filter(pk__in=follows):
        mine = follows[person.pk]
        with translation.override(person.language):
            lines = [
                {"group": item.group.name, "title": f"{item.reference.upper()}: {item.title}" if isinstance(item, Decision) else item.title,
                 "kind": {Proposal: "proposal", Decision: "decision", Thread: "discussion"}[type(item)],
                 "url": settings.SITE_URL + item.get_absolute_url()}
                for item in proposals + decisions + threads if item.group_id in mine
            ]
        send_templated_email.enqueue(
            to=[person.email], template="assembly/email/digest", context={"items": lines}, language=person.language,
            link={"name": "assembly:groups"},
        )
        sent += 1
    return sent


def silent_voices(proposal: Proposal) -> list[User]:
    """Those who have not taken part: members without a position (in a group of people), the
    delegates of organisations without one (in a group of organisations)."""
    stated = set(Position.objects.filter(proposal=proposal).values_list("voice", flat=True))
    if proposal.group.by_organisation:
        seats = Seat.objects.filter(group=proposal.group, delegate__isnull=False, delegate__is_active=True).select_related("delegate")
        return [seat.delegate for seat in seats if voice_of(proposal.pk, seat_id=seat.pk) not in stated]
    people = User.objects.filter(group_memberships__group=proposal.group, is_active=True)
    return [person for person in people if voice_of(proposal.pk, person_id=person.pk) not in stated]


def remind_before_closing(*, now: datetime | None = None, ahead: timedelta = timedelta(hours=24)) -> int:
    """Once per proposal, a day before it closes, remind only those who have not taken part
    (except those who chose no email from the group)."""
    from tadamun.core.tasks import send_templated_email

    now = now or timezone.now()
    due = Proposal.objects.filter(
        status=Proposal.Status.OPEN, reminded_at__isnull=True, closes_at__gt=now, closes_at__lte=now + ahead
    ).select_related("group")
    sent = 0
    for proposal in due:
        if not Proposal.objects.filter(pk=proposal.pk, reminded_at__isnull=True).update(reminded_at=now):
            continue  # another worker took it
        quiet = set(GroupMember.objects.filter(group=proposal.group, notify=GroupMember.Notify.NONE).values_list("person_id", flat=True))
        for person in silent_voices(proposal):
            if person.pk in quiet:
                continue
            send_templated_email.enqueue(
                to=[person.email], template="assembly/email/reminder", language=person.language,
                context={"group": proposal.group.name, "title": proposal.title,
                         "closes": timezone.localtime(proposal.closes_at).strftime("%Y-%m-%d %H:%M")},
                link={"name": "assembly:proposal", "kwargs": {"slug": proposal.group.slug, "proposal_id": proposal.pk}},
            )
            sent += 1
    return sent


# Discussions inside a group ----------------------------------------------------------------

MENTION = re.compile(r"(?<![\w@])@([\w][\w\-]{1,60})", re.UNICODE)


def mention_handle(person: User) -> str:
    """How to mention someone in a discussion: @ and their name in one word (fatima-ali, علي-حسن)."""
    return slugify(person.display_name, allow_unicode=True) or slugify(person.email.split("@")[0], allow_unicode=True)


def _mentioned(group: Group, body: str, author: User) -> list[User]:
    handles = {match.casefold() for match in MENTION.findall(body)}
    if not handles:
        return []
    people = User.objects.filter(group_memberships__group=group, is_active=True).exclude(pk=author.pk)
    return [person for person in people if mention_handle(person).casefold() in handles]


def _check_body(body: str) -> str:
    body = (body or "").strip()
    if not 2 <= len(body) <= 20_000:
        raise DomainError(_("Write your message (at most 20,000 characters)."), field="body")
    return body


def start_thread(*, by: User, group: Group, title: str, body: str) -> Thread:
    """A member opens a discussion in the group."""
    _require(by, "assembly.discuss", group, _("Only the group's members take part in its discussions."))
    if not clean_text(title):
        raise DomainError(_("Give the discussion a title."), field="title")
    body = _check_body(body)
    with transaction.atomic():
        thread = Thread.objects.create(group=group, title=clean_text(title)[:200], author=by, post_count=1)
        post = _post(thread, by, body)
    log.info("discussion opened group=%s thread=%s by=%s", group.pk, thread.pk, by.pk)
    _notify_post_later(post)
    return thread


def reply(*, by: User, thread: Thread, body: str) -> Post:
    """A member replies in a discussion; those mentioned (@name) are told."""
    _require(by, "assembly.discuss", thread.group, _("Only the group's members take part in its discussions."))
    body = _check_body(body)
    with transaction.atomic():
        post = _post(thread, by, body)
        Thread.objects.filter(pk=thread.pk).update(post_count=F("post_count") + 1, last_post_at=post.created_at)
    _notify_post_later(post)
    return post


def _post(thread: Thread, by: User, body: str) -> Post:
    post = Post.objects.create(thread=thread, author=by, body=body, body_html=markdown.render(body))
    post.mentions.set(_mentioned(thread.group, body, by))
    return post


def _notify_post_later(post: Post) -> None:
    from .tasks import notify_post

    transaction.on_commit(lambda: notify_post.enqueue(post_id=post.pk))


def notify_post(post: Post) -> int:
    """Email a new message to the members who want every new thing, and to those it
    mentions (unless they chose no email from the group). Never to its author."""
    from tadamun.core.tasks import send_templated_email

    thread, group = post.thread, post.thread.group
    quiet = set(GroupMember.objects.filter(group=group, notify=GroupMember.Notify.NONE).values_list("person_id", flat=True))
    mentioned = [person for person in post.mentions.all() if person.pk not in quiet]
    followers = [person for person in _followers(group, GroupMember.Notify.IMMEDIATE) if person.pk != post.author_id]
    author = (post.author.display_name if post.author else "") or _("A member")
    link = {"name": "assembly:thread", "kwargs": {"slug": group.slug, "thread_id": thread.pk}}
    sent = 0
    for person, template in [(p, "assembly/email/mention") for p in mentioned] + [
        (p, "assembly/email/post") for p in followers if p.pk not in {m.pk for m in mentioned}
    ]:
        send_templated_email.call(
            to=[person.email], template=template, language=person.language, link=link,
            context={"group": group.name, "title": thread.title, "author": author, "body": post.body[:2000]},
        )
        sent += 1
    return sent


# ---------------------------------------------------------------------------------------------
# Gatherings: the agenda, registrations with places and a waiting list, attendance,
# certificates, minutes. Places are counted under the gathering's row lock, so two people
# never take the last place, and a freed place goes at once to the first on the waiting list.
# ---------------------------------------------------------------------------------------------


@dataclass
class GatheringDraft:
    title: str
    kind: str
    language: str
    starts_at: datetime
    ends_at: datetime
    description: str = ""
    place: str = ""
    online_link: str = ""
    interpretation: list[str] = field(default_factory=list)
    in_person_places: int | None = None
    online_places: int | None = None
    registration_closes_at: datetime | None = None
    needs_approval: bool = True
    public: bool = True
    certificates: bool = False
    pathways: list[Pathway] = field(default_factory=list)


def plan_gathering(*, by: User, draft: GatheringDraft, group: Group | None = None) -> Gathering:
    """Coordinators, or the facilitators of the convening group, plan a gathering."""
    _require(by, "assembly.plan_gathering", group, _("Only coordinators and the group's facilitators plan gatherings."))
    if not clean_text(draft.title):
        raise DomainError(_("Give the gathering a title."), field="title")
    if draft.kind not in Gathering.Kind.values:
        raise DomainError(_("Choose the kind of gathering."), field="kind")
    if draft.language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose the language the gathering is described in."), field="language")
    if draft.ends_at <= draft.starts_at:
        raise DomainError(_("The gathering must end after it starts."), field="ends_at")
    if draft.registration_closes_at and draft.registration_closes_at > draft.ends_at:
        raise DomainError(_("Registration must close before the gathering ends."), field="registration_closes_at")
    if not clean_text(draft.place) and not draft.online_link:
        raise DomainError(_("Say where it takes place, or give the online link."), field="place")
    unknown = set(draft.interpretation) - set(dict(settings.LANGUAGES))
    if unknown:
        raise DomainError(_("Choose the languages of interpretation among the platform's languages."), field="interpretation")
    with transaction.atomic():
        gathering = Gathering.objects.create(
            slug=f"{slugify(draft.title)[:70] or 'gathering'}-{secrets.token_hex(3)}", title=clean_text(draft.title)[:200],
            kind=draft.kind, group=group, description=draft.description.strip(),
            description_html=markdown.render(draft.description.strip()), language=draft.language,
            starts_at=draft.starts_at, ends_at=draft.ends_at, place=clean_text(draft.place)[:300],
            online_link=draft.online_link, interpretation=list(draft.interpretation),
            in_person_places=draft.in_person_places if clean_text(draft.place) else 0,
            online_places=draft.online_places if draft.online_link else 0,
            registration_closes_at=draft.registration_closes_at, needs_approval=draft.needs_approval,
            public=draft.public, certificates=draft.certificates, created_by=by,
        )
        gathering.pathways.set(draft.pathways)
    log.info("gathering planned gathering=%s by=%s", gathering.pk, by.pk)
    return gathering


def add_session(
    *, by: User, gathering: Gathering, title: str, starts_at: datetime, ends_at: datetime, language: str,
    room: str = "", speakers: str = "", description: str = "", pathway: Pathway | None = None,
) -> Session:
    _require(by, "assembly.organise", gathering, _("Only the gathering's organisers change its agenda."))
    if not clean_text(title):
        raise DomainError(_("Give the session a title."), field="title")
    if ends_at <= starts_at:
        raise DomainError(_("The session must end after it starts."), field="ends_at")
    if starts_at < gathering.starts_at or ends_at > gathering.ends_at:
        raise DomainError(_("The session must fall within the dates of the gathering."), field="starts_at")
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose the language of the session."), field="language")
    return Session.objects.create(
        gathering=gathering, title=clean_text(title)[:200], starts_at=starts_at, ends_at=ends_at, language=language,
        room=clean_text(room)[:120], speakers=clean_text(speakers)[:500], description=description.strip(), pathway=pathway,
    )


def _places(gathering: Gathering, attendance: str) -> int | None:
    return gathering.in_person_places if attendance == Registration.Attendance.IN_PERSON else gathering.online_places


def _free(gathering: Gathering, attendance: str) -> bool:
    places = _places(gathering, attendance)
    if places is None:
        return True
    taken = Registration.objects.filter(
        gathering=gathering, attendance=attendance, status=Registration.Status.CONFIRMED
    ).count()
    return taken < places


def _lock_gathering(gathering: Gathering) -> Gathering:
    return Gathering.objects.select_for_update().get(pk=gathering.pk)


def _tell(registration: Registration, template: str) -> None:
    from tadamun.core.tasks import email_later

    person = registration.person
    with translation.override(person.language):  # the status in the person's language, not the organiser's
        status = str(registration.get_status_display())
    email_later(
        to=[person.email], template=f"assembly/email/{template}", language=person.language,
        context={"gathering": registration.gathering.title, "status": status,
                 "message": registration.message,
                 "starts": timezone.localtime(registration.gathering.starts_at).strftime("%Y-%m-%d %H:%M")},
        link={"name": "assembly:gathering", "kwargs": {"slug": registration.gathering.slug}},
    )


ACTIVE = (Registration.Status.PENDING, Registration.Status.CONFIRMED, Registration.Status.WAITING)


def register(
    *, by: User, gathering: Gathering, attendance: str, role: str = Registration.Role.DELEGATE,
    organisation: Organisation | None = None, listed: bool = False, needs: str = "",
) -> Registration:
    """Register for a gathering, usually representing one's organisation. Without approval the
    place is confirmed at once while places remain, else the registration waits in line."""
    if not by.has_perm("assembly.view_gathering", gathering):
        raise NotFound(_("This gathering does not exist or is not open to you."))
    if role not in Registration.Role.values:
        raise DomainError(_("Choose how you take part."), field="role")
    if attendance not in Registration.Attendance.values or _places(gathering, attendance) == 0:
        raise DomainError(_("This gathering has no places of this kind."), field="attendance")
    if organisation is not None and not Membership.objects.filter(
        person=by, organisation=organisation, organisation__status=Organisation.Status.APPROVED
    ).exists():
        raise DomainError(_("You can represent only an organisation you belong to."), field="organisation")
    if role == Registration.Role.DELEGATE and organisation is None:
        raise DomainError(_("A delegate represents an organisation: choose it."), field="organisation")
    with transaction.atomic():
        locked = _lock_gathering(gathering)
        if not locked.registration_open:
            raise DomainError(_("Registration for this gathering is closed."))
        existing = Registration.objects.filter(gathering=locked, person=by).first()
        if existing is not None and existing.status in ACTIVE:
            raise DomainError(_("You are already registered for this gathering."))
        if locked.needs_approval:
            status = Registration.Status.PENDING
        else:
            status = Registration.Status.CONFIRMED if _free(locked, attendance) else Registration.Status.WAITING
        values = {
            "organisation": organisation, "role": role, "attendance": attendance, "status": status, "listed": listed,
            "needs": clean_text(needs)[:500], "message": "", "created_at": timezone.now(), "decided_at": None,
            "attended": False, "certificate": "",
        }
        if existing is None:
            registration = Registration.objects.create(gathering=locked, person=by, **values)
        else:  # registering again after cancelling: at the end of the line
            for name, value in values.items():
                setattr(existing, name, value)
            existing.save()
            registration = existing
    log.info("registered gathering=%s person=%s status=%s", gathering.pk, by.pk, status)
    _tell(registration, "registration")
    return registration


def _promote(gathering: Gathering, attendance: str) -> list[Registration]:
    """Give freed places to the first on the waiting list (the gathering's row is locked)."""
    promoted = []
    while _free(gathering, attendance):
        first = (
            Registration.objects.filter(gathering=gathering, attendance=attendance, status=Registration.Status.WAITING)
            .select_related("person", "gathering").order_by("created_at", "pk").first()
        )
        if first is None:
            break
        first.status, first.decided_at = Registration.Status.CONFIRMED, timezone.now()
        first.save(update_fields=["status", "decided_at"])
        promoted.append(first)
        _tell(first, "registration")
    return promoted


def decide_registration(*, by: User, registration: Registration, approve: bool, message: str = "") -> Registration:
    """Organisers approve a registration (confirmed while places remain, else it waits in
    line) or decline it with a word; a declined confirmed place goes to the next in line."""
    _require(by, "assembly.organise", registration.gathering, _("Only the gathering's organisers decide registrations."))
    if not approve and len(clean_text(message)) < 3:
        raise DomainError(_("Say why: the person will read it."), field="message")
    with transaction.atomic():
        locked = _lock_gathering(registration.gathering)
        current = Registration.objects.select_related("person", "gathering").get(pk=registration.pk)
        if current.status not in ACTIVE:
            raise DomainError(_("This registration was already cancelled or declined."))
        was_confirmed = current.status == Registration.Status.CONFIRMED
        if approve:
            if was_confirmed:
                return current
            current.status = Registration.Status.CONFIRMED if _free(locked, current.attendance) else Registration.Status.WAITING
            current.message = ""
        else:
            current.status, current.message = Registration.Status.DECLINED, clean_text(message)[:500]
        current.decided_at = timezone.now()
        current.save(update_fields=["status", "message", "decided_at"])
        _tell(current, "registration")
        if was_confirmed and not approve:
            _promote(locked, current.attendance)
    log.info("registration decided registration=%s status=%s by=%s", current.pk, current.status, by.pk)
    return current


def cancel_registration(*, by: User, registration: Registration) -> Registration:
    """The person (or an organiser) cancels; a confirmed place goes to the next in line."""
    if registration.person_id != by.pk:
        _require(by, "assembly.organise", registration.gathering, _("Only you or the organisers cancel your registration."))
    with transaction.atomic():
        locked = _lock_gathering(registration.gathering)
        current = Registration.objects.select_related("person", "gathering").get(pk=registration.pk)
        if current.status not in ACTIVE:
            raise DomainError(_("This registration was already cancelled or declined."))
        was_confirmed = current.status == Registration.Status.CONFIRMED
        current.status, current.decided_at = Registration.Status.CANCELLED, timezone.now()
        current.save(update_fields=["status", "decided_at"])
        _tell(current, "registration")
        if was_confirmed:
            _promote(locked, current.attendance)
    log.info("registration cancelled registration=%s by=%s", current.pk, by.pk)
    return current


def mark_attendance(*, by: User, registration: Registration, attended: bool) -> Registration:
    """Organisers record who came; for trainings and conferences with certificates, a
    certificate with a code anyone can verify."""
    gathering = registration.gathering
    _require(by, "assembly.organise", gathering, _("Only the gathering's organisers record attendance."))
    if timezone.now() < gathering.starts_at:
        raise DomainError(_("Attendance is recorded once the gathering has started."))
    if registration.status != Registration.Status.CONFIRMED:
        raise DomainError(_("Only confirmed participants attend."))
    registration.attended = attended
    if attended and gathering.certificates and not registration.certificate:
        registration.certificate = secrets.token_hex(8)
    registration.save(update_fields=["attended", "certificate"])
    return registration


def write_minutes(*, by: User, gathering: Gathering, minutes: str) -> Gathering:
    _require(by, "assembly.organise", gathering, _("Only the gathering's organisers write its minutes."))
    if timezone.now() < gathering.starts_at:
        raise DomainError(_("Minutes are written once the gathering has started."), field="minutes")
    gathering.minutes, gathering.minutes_html = minutes.strip(), markdown.render(minutes.strip())
    gathering.save(update_fields=["minutes", "minutes_html"])
    log.info("minutes written gathering=%s by=%s", gathering.pk, by.pk)
    return gathering


def attach_document(*, by: User, gathering: Gathering, upload, title: str = "") -> GatheringDocument:
    """Organisers attach a PDF to the gathering (checked by its bytes, stored under a name of ours)."""
    from django.core.files.base import ContentFile

    from tadamun.core.uploads import read_pdf

    _require(by, "assembly.organise", gathering, _("Only the gathering's organisers add its documents."))
    data = read_pdf(upload)
    document = GatheringDocument(
        gathering=gathering, title=clean_text(title or upload.name.rsplit(".", 1)[0])[:200] or _("Document"), size=len(data),
    )
    document.file.save(f"{secrets.token_hex(16)}.pdf", ContentFile(data), save=False)
    document.save()
    log.info("document attached gathering=%s document=%s by=%s", gathering.pk, document.pk, by.pk)
    return document


def remove_document(*, by: User, document: GatheringDocument) -> None:
    _require(by, "assembly.organise", document.gathering, _("Only the gathering's organisers remove its documents."))
    name, storage = document.file.name, document.file.storage
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))
