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
from .models import Consultation, Statement

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
