"""API of consultations: the list, a consultation's report (read from the stored result),
and, with a token, votes and statements (the same services as the pages)."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from tadamun.api import TokenAuth, optional_token
from tadamun.core.errors import NotFound

from . import queries, services
from .models import Consultation, Group, Proposal, Seat, Statement

router = Router(tags=["consultations"])


class ConsultationOut(Schema):
    id: int
    slug: str
    question: str
    original_language: str
    audience: str
    anonymous: bool
    opens_at: datetime
    closes_at: datetime
    is_open: bool
    participants: int
    votes: int
    url: str


class ErrorOut(Schema):
    detail: str
    field: str | None = None


class VoteIn(Schema):
    statement: int  # the statement's number in the consultation
    value: int  # 1 agree, -1 disagree, 0 pass


class StatementIn(Schema):
    text: str
    language: str


class Recorded(Schema):
    detail: str
    statement: int | None = None


def _out(consultation: Consultation, request: HttpRequest) -> dict:
    return {
        "id": consultation.pk, "slug": consultation.slug, "question": consultation.question,
        "original_language": consultation.original_language, "audience": consultation.audience,
        "anonymous": consultation.anonymous, "opens_at": consultation.opens_at, "closes_at": consultation.closes_at,
        "is_open": consultation.is_open, "participants": consultation.participant_count, "votes": consultation.vote_count,
        "url": request.build_absolute_uri(consultation.get_absolute_url()),
    }


def _consultation(request: HttpRequest, consultation_id: int) -> Consultation:
    slug = Consultation.objects.filter(pk=consultation_id).values_list("slug", flat=True).first()
    if slug is None:
        raise NotFound(_("This consultation does not exist or is not open to you."))
    return queries.consultation_for_viewer(request.user, slug)


@router.get("/consultations", response={200: list[ConsultationOut], 401: ErrorOut}, auth=optional_token)
def list_consultations(request: HttpRequest):
    """The consultations the caller may see, newest first (at most 100)."""
    return Status(200, [_out(c, request) for c in queries.visible(request.user)[:100]])


@router.get("/consultations/{consultation_id}/report", response={200: dict, 401: ErrorOut, 404: ErrorOut}, auth=optional_token)
def get_report(request: HttpRequest, consultation_id: int, points: bool = False):
    """The last computed map: groups (with their representative statements), consensus and
    divisive statements, with their figures. Statements are named by their number;
    `statements` gives their texts. `points=true` adds each participant's position and group
    (`points`, `group_of`), which is large for a big consultation."""
    consultation = _consultation(request, consultation_id)
    result = queries.report_of(consultation, positions=points)
    texts = {
        str(number): text for number, text in
        Statement.objects.filter(consultation=consultation, status=Statement.Status.ACCEPTED).values_list("number", "text")
    }
    return Status(200, {"consultation": _out(consultation, request), **result, "statements": texts})


@router.post("/consultations/{consultation_id}/votes", response={200: Recorded, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}, auth=TokenAuth())
def post_vote(request: HttpRequest, consultation_id: int, payload: VoteIn):
    """Vote on a statement; voting again on it replaces the earlier vote."""
    consultation = _consultation(request, consultation_id)
    participant = services.participate(person=request.user, consultation=consultation)
    statement = Statement.objects.filter(consultation=consultation, number=payload.statement).first()
    if statement is None:
        raise NotFound(_("This statement is not open to votes."))
    services.vote(participant=participant, statement=statement, value=payload.value)
    return Status(200, {"detail": _("Your vote is recorded."), "statement": statement.number})


@router.post("/consultations/{consultation_id}/statements", response={201: Recorded, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}, auth=TokenAuth())
def post_statement(request: HttpRequest, consultation_id: int, payload: StatementIn):
    """Write a statement; others see it once moderators accept it."""
    consultation = _consultation(request, consultation_id)
    participant = services.participate(person=request.user, consultation=consultation)
    statement = services.write_statement(participant=participant, text=payload.text, language=payload.language)
    return Status(201, {"detail": _("Thank you: your statement is sent to the moderators."), "statement": statement.number})


# Groups, proposals and the register of decisions ---------------------------------------------

groups_router = Router(tags=["decisions"])


class GroupOut(Schema):
    id: int
    slug: str
    code: str
    name: str
    kind: str
    counts: str  # "people" or "organisations": who has a voice
    pathway: str | None
    public: bool
    members: int
    organisations: int
    url: str


class PositionOut(Schema):
    value: str
    choices: list[int] | dict[str, str] = []
    reason: str
    organisation: str | None = None  # only when the proposal is not anonymous
    person: str | None = None  # only when not anonymous and the caller is in the group
    by_proxy: bool
    version: int
    answer: str = ""


class ProposalOut(Schema):
    id: int
    group: str
    title: str
    text: str
    language: str
    kind: str
    version: int
    status: str
    is_open: bool
    closes_at: datetime
    anonymous: bool
    hide_results: bool
    min_agree: int
    max_blocks: int
    quorum: int | None
    voices: str
    taken_part: str
    counts: dict[str, str] | None  # None while the results are hidden
    passes: bool | None
    options: list[dict] | None  # polls, ranked choices, time polls: each option with its score (None while hidden)
    positions: list[PositionOut]
    decision: str | None
    url: str


class DecisionOut(Schema):
    reference: str
    group: str
    title: str
    outcome: str
    language: str
    passed: bool
    decided_on: str
    place: str
    public: bool
    result: dict
    url: str


class PositionIn(Schema):
    value: str = ""  # agree, abstain, disagree, block (consensus and consent)
    # Polls: the chosen option numbers; ranked choice: option numbers in order of preference;
    # time polls: {"option number": "yes" | "maybe" | "no"}.
    choices: list[int] | dict[str, str] | None = None
    reason: str = ""
    organisation: str | None = None  # the organisation's address, to state its position holding its proxy


class PositionRecorded(Schema):
    detail: str
    receipt: str


def _group_out(group, request: HttpRequest) -> dict:
    return {
        "id": group.pk, "slug": group.slug, "code": group.code, "name": group.name, "kind": group.kind,
        "counts": group.counts, "pathway": group.pathway.slug if group.pathway else None, "public": group.public,
        "members": group.member_total, "organisations": group.seat_total,
        "url": request.build_absolute_uri(group.get_absolute_url()),
    }


@groups_router.get("/groups", response={200: list[GroupOut], 401: ErrorOut}, auth=optional_token)
def list_groups(request: HttpRequest):
    """The groups the caller may see."""
    return Status(200, [_group_out(g, request) for g in queries.groups_for(request.user)[:200]])


def _proposal_out(proposal, request: HttpRequest, count, shown: list, names: bool) -> dict:
    visible = queries.results_visible(request.user, proposal)
    scored = {row["number"]: row for row in count.options}
    positions = [
        {
            "value": p.value, "choices": p.choices, "reason": p.reason, "version": p.version, "answer": p.answer,
            "by_proxy": p.by_proxy and not proposal.anonymous,  # with few proxies it would name the organisation
            "organisation": p.seat.organisation.name if (p.seat and not proposal.anonymous) else None,
            "person": (p.person.display_name or None) if (p.person and names and not proposal.anonymous) else None,
        }
        for p in shown
    ]
    decision = getattr(proposal, "decision", None)
    return {
        "id": proposal.pk, "group": proposal.group.slug, "title": proposal.title, "text": proposal.text,
        "language": proposal.language, "kind": proposal.kind, "version": proposal.version, "status": proposal.status,
        "is_open": proposal.is_open, "closes_at": proposal.closes_at, "anonymous": proposal.anonymous,
        "hide_results": proposal.hide_results, "min_agree": proposal.min_agree, "max_blocks": proposal.max_blocks,
        "quorum": proposal.quorum, "voices": services.figure(count.voices), "taken_part": services.figure(count.taken_part),
        "counts": {k: services.figure(v) for k, v in count.counts.items()} if visible else None,
        "passes": count.passes if visible else None, "positions": positions,
        "options": [
            {"number": o.number, "text": o.text, "starts_at": o.starts_at.isoformat() if o.starts_at else None,
             **({key: (services.figure(v) if key in ("score", "yes", "maybe", "no") else v) for key, v in scored.get(o.number, {}).items()
                 if key in ("score", "yes", "maybe", "no", "leading")} if visible else {})}
            for o in proposal.options.all()
        ] if proposal.kind in Proposal.OPTION_KINDS else None,
        "decision": decision.reference if decision else None,
        "url": request.build_absolute_uri(proposal.get_absolute_url()),
    }


@groups_router.get("/proposals", response={200: list[ProposalOut], 401: ErrorOut, 404: ErrorOut}, auth=optional_token)
def list_proposals(
    request: HttpRequest, group: str | None = None, status: str | None = None, offset: int = 0, positions: bool = False,
):
    """Proposals of the groups the caller may see, newest first, 20 at a time from `offset`,
    with their count as visibility allows. `positions=true` adds each proposal's positions
    (no names on anonymous proposals, nothing while results are hidden): large in the General
    Assembly, so they are also given one proposal at a time by `/api/proposals/{id}`.
    Filters: `group` (its address), `status` (open, closed)."""
    offset = max(offset, 0)
    found = list(queries.proposals_for(request.user, group=group, status=status).prefetch_related("options")[offset:offset + 20])
    return Status(200, _proposals_out(request, found, positions=positions))


@groups_router.get("/proposals/{proposal_id}", response={200: ProposalOut, 401: ErrorOut, 404: ErrorOut}, auth=optional_token)
def get_proposal(request: HttpRequest, proposal_id: int):
    """One proposal with its count and its positions as visibility allows."""
    proposal = queries.proposal_by_id(request.user, proposal_id)
    return Status(200, _proposals_out(request, [proposal], positions=True)[0])


def _proposals_out(request: HttpRequest, found: list, *, positions: bool) -> list[dict]:
    counts = services.tallies(found)
    shown = queries.positions_shown_many(request.user, found) if positions else {p.pk: [] for p in found}
    named = queries.groups_with_names(request.user)
    return [_proposal_out(p, request, counts[p.pk], shown[p.pk], named is None or p.group_id in named) for p in found]


@groups_router.get("/decisions", response={200: list[DecisionOut], 401: ErrorOut}, auth=optional_token)
def list_decisions(request: HttpRequest, q: str = "", group: str | None = None):
    """The register of decisions the caller may see (at most 100), searchable with `q`."""
    chosen = Group.objects.filter(slug=group).first() if group else None
    found = queries.decisions_for(request.user, q=q, group=chosen)[:100]
    return Status(200, [
        {
            "reference": d.reference, "group": d.group.slug, "title": d.title, "outcome": d.outcome, "language": d.language,
            "passed": d.passed, "decided_on": d.decided_on.isoformat(), "place": d.place, "public": d.public,
            "result": d.result, "url": request.build_absolute_uri(f"/decisions/{d.reference}/"),
        }
        for d in found
    ])


@groups_router.post(
    "/proposals/{proposal_id}/positions",
    response={200: PositionRecorded, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}, auth=TokenAuth(),
)
def post_position(request: HttpRequest, proposal_id: int, payload: PositionIn):
    """State (or change) the caller's position; a delegate holding another organisation's
    proxy names it in `organisation`. The answer is a receipt: it records that the caller took
    part, never how."""
    proposal = queries.proposal_by_id(request.user, proposal_id)
    seat = None
    if payload.organisation:
        seat = Seat.objects.filter(group=proposal.group, organisation__slug=payload.organisation).first()
        if seat is None:
            raise NotFound(_("This organisation has no seat in the group."))
    _position, receipt = services.state_position(
        by=request.user, proposal=proposal, value=payload.value, reason=payload.reason, seat=seat, choices=payload.choices,
    )
    return Status(200, {"detail": _("Your position is recorded."), "receipt": receipt.code})


class SessionOut(Schema):
    id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    room: str
    language: str
    pathway: str | None
    speakers: str
    calendar: str


class GatheringOut(Schema):
    id: int
    slug: str
    title: str
    kind: str
    group: str | None
    language: str
    starts_at: datetime
    ends_at: datetime
    place: str
    online: bool  # the link itself only on the page, to those confirmed online
    interpretation: list[str]
    in_person_places: int | None
    online_places: int | None
    registration_open: bool
    sessions: list[SessionOut]
    url: str
    calendar: str


class RegistrationIn(Schema):
    attendance: str  # in_person or online
    role: str = "delegate"  # delegate, observer, speaker, press
    organisation: str | None = None  # the address of the organisation represented
    listed: bool = False  # the name appears in the list of participants
    needs: str = ""


class RegistrationOut(Schema):
    detail: str
    status: str


@groups_router.get("/gatherings", response={200: list[GatheringOut], 401: ErrorOut}, auth=optional_token)
def list_gatherings(request: HttpRequest, past: bool = False):
    """Coming gatherings (or, with `past=true`, past ones) the caller may see, with their agendas."""
    from django.db.models import Prefetch
    from django.urls import reverse
    from django.utils import timezone

    from .models import Session

    found = queries.gatherings_for(request.user).prefetch_related(
        Prefetch("sessions", queryset=Session.objects.select_related("pathway"))
    )
    now = timezone.now()
    found = found.filter(ends_at__lte=now).order_by("-starts_at") if past else found.filter(ends_at__gt=now).order_by("starts_at")
    absolute = request.build_absolute_uri
    return Status(200, [
        {
            "id": g.pk, "slug": g.slug, "title": g.title, "kind": g.kind, "group": g.group.slug if g.group else None,
            "language": g.language, "starts_at": g.starts_at, "ends_at": g.ends_at, "place": g.place,
            "online": bool(g.online_link), "interpretation": g.interpretation, "in_person_places": g.in_person_places,
            "online_places": g.online_places, "registration_open": g.registration_open,
            "url": absolute(g.get_absolute_url()), "calendar": absolute(reverse("assembly:gathering_ics", kwargs={"slug": g.slug})),
            "sessions": [
                {"id": s.pk, "title": s.title, "starts_at": s.starts_at, "ends_at": s.ends_at, "room": s.room,
                 "language": s.language, "pathway": s.pathway.slug if s.pathway else None, "speakers": s.speakers,
                 "calendar": absolute(reverse("assembly:session_ics", kwargs={"slug": g.slug, "session_id": s.pk}))}
                for s in g.sessions.all()
            ],
        }
        for g in found[:50]
    ])


@groups_router.post(
    "/gatherings/{gathering_id}/registrations",
    response={201: RegistrationOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}, auth=TokenAuth(),
)
def post_registration(request: HttpRequest, gathering_id: int, payload: RegistrationIn):
    """Register the caller; the answer says whether the place is confirmed, waits for the
    organisers, or is on the waiting list."""
    from tadamun.network.models import Organisation

    slug = queries.gatherings_for(request.user).filter(pk=gathering_id).values_list("slug", flat=True).first()
    if slug is None:
        raise NotFound(_("This gathering does not exist or is not open to you."))
    gathering = queries.gathering_for_viewer(request.user, slug)
    organisation = None
    if payload.organisation:
        organisation = Organisation.objects.filter(slug=payload.organisation).first()
        if organisation is None:
            raise NotFound(_("No organisation has this address."))
    registration = services.register(
        by=request.user, gathering=gathering, attendance=payload.attendance, role=payload.role,
        organisation=organisation, listed=payload.listed, needs=payload.needs,
    )
    return Status(201, {"detail": _("Your registration: %(status)s.") % {"status": registration.get_status_display()},
                        "status": registration.status})
