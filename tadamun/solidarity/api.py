"""API of solidarity: opportunities, needs and offers (public reads, the same filter forms as
the pages), an organisation's suggested counterparts and its introductions (with a token).

Texts the platform words (reasons of a suggestion, skill names, refusals) follow the request's
language: `Accept-Language`, or `?lang=` (en, ar, ckb, kmr, it) which takes precedence.

Contacts exchanged through an introduction are given only by `GET /api/introductions/{id}`,
only to the two organisations' people and only once both have accepted (`queries.contacts_for`).
Nothing else here ever reads them.
"""

from __future__ import annotations

import contextlib
import functools
from collections import defaultdict
from datetime import date, datetime

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from tadamun.api import TokenAuth, optional_token
from tadamun.core.errors import NotFound, PermissionDenied
from tadamun.network.models import Organisation

from . import queries, services
from .forms import ContributionFilterForm, OpportunityFilterForm
from .models import Introduction, Need, Offer, Opportunity

router = Router(tags=["solidarity"])

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


# --- Schemas --------------------------------------------------------------------------------


class OrganisationRef(Schema):
    id: int
    slug: str
    name: str
    country: str


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None
    field: str | None = None


class OpportunityOut(Schema):
    id: int
    slug: str
    kind: str
    title: str
    original_language: str
    organisation: OrganisationRef
    pathways: list[str]
    governorates: list[str]  # ISO 3166-2:IQ codes
    remote: bool
    location: str  # a place outside Iraq, if any
    travel_to_iraq: bool
    security: str  # open, restricted, suspended: the strictest of the governorates people travel to
    languages: list[str]
    starts_on: date | None
    ends_on: date | None
    apply_by: date | None
    status: str
    is_open: bool
    url: str


class SecurityNoteOut(Schema):
    governorate: str
    level: str
    note: str


class OpportunityDetailOut(OpportunityOut):
    description: str  # Markdown
    how_to_apply: str
    places: int | None
    security_notes: list[SecurityNoteOut]


class OpportunityPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[OpportunityOut]


class SkillOut(Schema):
    slug: str
    name: str


class ContributionOut(Schema):
    id: int
    title: str
    description: str
    original_language: str
    organisation: OrganisationRef
    skills: list[SkillOut]
    pathways: list[str]
    governorates: list[str]
    created_at: datetime
    url: str


class ContributionPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[ContributionOut]


class SuggestionOut(Schema):
    counterpart: OrganisationRef
    score: float
    # {"needs": [skill ids], "offers": [skill ids], "pathways": [ids], "languages": [codes],
    #  "governorates": [ids], "text": 0.0-1.0, "geography": "international" | "regions" | ""}
    reasons: dict
    reasons_text: list[str]


class ContactIn(Schema):
    name: str
    email: str
    phone: str = ""


class IntroductionIn(Schema):
    counterpart: int  # the other organisation's id
    message: str = ""
    contact: ContactIn  # shared with the other organisation only if it accepts


class IntroductionCreated(Schema):
    id: int
    status: str
    counterpart: OrganisationRef
    url: str


class ContactOut(Schema):
    name: str = ""
    email: str = ""
    phone: str = ""


class ContactsOut(Schema):
    requester: ContactOut
    counterpart: ContactOut


class IntroductionOut(Schema):
    id: int
    status: str
    requester: OrganisationRef
    counterpart: OrganisationRef
    proposed_by_coordinator: bool
    requester_accepted: bool
    counterpart_accepted: bool
    message: str
    pathways: list[str]
    created_at: datetime
    accepted_at: datetime | None
    contacts: ContactsOut | None  # only for the two organisations' people, once both accepted
    url: str


# --- Helpers --------------------------------------------------------------------------------


def in_request_language(view):
    """Run the view in `?lang=` when it names a language of the platform (else LocaleMiddleware's
    choice from Accept-Language stands)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        code = request.GET.get("lang", "")
        context = translation.override(code) if code in LANGUAGE_CODES else contextlib.nullcontext()
        with context:
            return view(request, *args, **kwargs)

    return wrapper


def _org(organisation: Organisation) -> dict:
    return {"id": organisation.pk, "slug": organisation.slug, "name": organisation.name, "country": organisation.country.code}


def _form_errors(form) -> dict:
    return {"detail": _("Some values are not valid."), "errors": {k: [str(m) for m in v] for k, v in form.errors.items()}}


def _bad_page(page: int, page_size: int) -> dict | None:
    if page < 1 or not 1 <= page_size <= 100:
        return {"detail": _("page must be 1 or more, page_size between 1 and 100.")}
    return None


def _opportunity_out(opportunity: Opportunity, request: HttpRequest) -> dict:
    return {
        "id": opportunity.pk, "slug": opportunity.slug, "kind": opportunity.kind, "title": opportunity.title,
        "original_language": opportunity.original_language, "organisation": _org(opportunity.organisation),
        "pathways": [p.slug for p in opportunity.card_pathways],
        "governorates": sorted(g.iso_code for g in opportunity.card_governorates),
        "remote": opportunity.remote, "location": opportunity.location, "travel_to_iraq": opportunity.travel_to_iraq,
        "security": str(opportunity.card_security),
        "languages": [w.code for w in opportunity.card_languages],
        "starts_on": opportunity.starts_on, "ends_on": opportunity.ends_on, "apply_by": opportunity.apply_by,
        "status": opportunity.status, "is_open": opportunity.is_open,
        "url": request.build_absolute_uri(opportunity.get_absolute_url()),
    }


def _approved_organisation(organisation_id: int) -> Organisation:
    found = Organisation.objects.filter(pk=organisation_id, status=Organisation.Status.APPROVED).first()
    if found is None:
        raise NotFound(_("This organisation is not in the directory."))
    return found


# --- Opportunities --------------------------------------------------------------------------


@router.get(
    "/opportunities",
    response={200: OpportunityPage, 400: ErrorOut, 401: ErrorOut},
    auth=optional_token,
    summary="Open opportunities, filtered",
)
@in_request_language
def list_opportunities(request: HttpRequest, page: int = 1, page_size: int = 20):
    """Filters: `kind`, `pathway` (slug), `governorate` (ISO 3166-2:IQ code, or `remote`),
    `language` (working language code), `q`. Opportunities that take people where travel is
    suspended are left out (their page says why)."""
    form = OpportunityFilterForm(request.GET)
    if not form.is_valid():
        return Status(400, _form_errors(form))
    if (refused := _bad_page(page, page_size)) is not None:
        return Status(400, refused)
    qs = (
        queries.opportunities(form.filters())
        .filter(organisation__status=Organisation.Status.APPROVED)
        .order_by("-created_at", "-pk")
    )
    count = qs.count()
    start = (page - 1) * page_size
    rows = queries.with_card_details(qs[start : start + page_size]) if start < count else []
    return Status(200, {
        "count": count, "page": page, "page_size": page_size, "items": [_opportunity_out(o, request) for o in rows],
    })


@router.get(
    "/opportunities/{slug}",
    response={200: OpportunityDetailOut, 401: ErrorOut, 404: ErrorOut},
    auth=optional_token,
    summary="One opportunity",
)
@in_request_language
def get_opportunity(request: HttpRequest, slug: str):
    """One opportunity (open or closed) with its description (Markdown), how to apply, and the
    coordinators' security notes of the governorates it takes people to."""
    opportunity = queries.opportunity_for_viewer(request.user, slug)
    queries.with_card_details([opportunity])
    _level, notes = services.security_of(opportunity)
    return Status(200, {
        **_opportunity_out(opportunity, request),
        "description": opportunity.description,
        "how_to_apply": opportunity.how_to_apply,
        "places": opportunity.places,
        "security_notes": [
            {"governorate": n.governorate.iso_code, "level": n.level, "note": n.display_note}
            for n in sorted(notes, key=lambda n: n.governorate.iso_code)
        ],
    })


# --- Needs and offers -----------------------------------------------------------------------


def _contributions(request: HttpRequest, side: type[Need] | type[Offer], page: int, page_size: int):
    form = ContributionFilterForm(request.GET)
    if not form.is_valid():
        return Status(400, _form_errors(form))
    if (refused := _bad_page(page, page_size)) is not None:
        return Status(400, refused)
    qs = queries.contributions(side, form.filters()).order_by("-created_at", "-pk")
    count = qs.count()
    start = (page - 1) * page_size
    rows = queries.with_skills(qs[start : start + page_size]) if start < count else []
    governorates = defaultdict(list)
    through = side.governorates.through
    for row in through.objects.filter(**{f"{side.SIDE}_id__in": [c.pk for c in rows]}).select_related("governorate"):
        governorates[getattr(row, f"{side.SIDE}_id")].append(row.governorate.iso_code)
    items = [
        {
            "id": c.pk, "title": c.title, "description": c.description, "original_language": c.original_language,
            "organisation": _org(c.organisation),
            "skills": [{"slug": s.slug, "name": s.name} for s in c.card_skills],
            "pathways": [p.slug for p in c.card_pathways],
            "governorates": sorted(governorates[c.pk]),
            "created_at": c.created_at,
            "url": request.build_absolute_uri(c.get_absolute_url()),
        }
        for c in rows
    ]
    return Status(200, {"count": count, "page": page, "page_size": page_size, "items": items})


@router.get(
    "/needs", response={200: ContributionPage, 400: ErrorOut, 401: ErrorOut}, auth=optional_token,
    summary="Current needs of member organisations, filtered",
)
@in_request_language
def list_needs(request: HttpRequest, page: int = 1, page_size: int = 20):
    """Filters: `skill` (slug of the vocabulary), `pathway` (slug), `governorate` (ISO
    3166-2:IQ code), `origin` (iraqi, international), `q`. Skills are named in the request's language."""
    return _contributions(request, Need, page, page_size)


@router.get(
    "/offers", response={200: ContributionPage, 400: ErrorOut, 401: ErrorOut}, auth=optional_token,
    summary="Current offers of member organisations, filtered",
)
@in_request_language
def list_offers(request: HttpRequest, page: int = 1, page_size: int = 20):
    """Filters as for `/api/needs`."""
    return _contributions(request, Offer, page, page_size)


# --- Suggestions and introductions ----------------------------------------------------------


@router.get(
    "/organisations/{organisation_id}/suggestions",
    response={200: list[SuggestionOut], 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=TokenAuth(),
    summary="An organisation's suggested counterparts",
)
@in_request_language
def list_suggestions(request: HttpRequest, organisation_id: int, limit: int = 10):
    """Best first (at most `limit`, 1 to 20), for the organisation's administrators and editors
    and the coordinators. `reasons` is structured; `reasons_text` words it in the request's
    language. No contact details of the counterparts."""
    organisation = _approved_organisation(organisation_id)
    if not request.user.has_perm("solidarity.view_suggestions", organisation):
        raise PermissionDenied(_("Only the organisation's editors and administrators, and the coordinators, see its suggestions."))
    if not 1 <= limit <= 20:
        return Status(400, {"detail": _("limit must be between 1 and 20."), "field": "limit"})
    found = queries.suggestions_for(organisation, limit=limit)
    return Status(200, [
        {"counterpart": _org(s.counterpart), "score": s.score, "reasons": s.reasons, "reasons_text": s.reason_sentences}
        for s in found
    ])


@router.post(
    "/organisations/{organisation_id}/introductions",
    response={201: IntroductionCreated, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 429: ErrorOut},
    auth=TokenAuth(),
    summary="Ask to be introduced to another organisation",
)
@in_request_language
def post_introduction(request: HttpRequest, organisation_id: int, payload: IntroductionIn):
    """An administrator of the organisation asks; the other organisation accepts or declines.
    The contact given here reaches the other side only if it accepts."""
    requester = _approved_organisation(organisation_id)
    if not request.user.has_perm("solidarity.introduce_for", requester):
        raise PermissionDenied(_("Only administrators of a member organisation ask for introductions on its behalf."))
    counterpart = Organisation.objects.filter(pk=payload.counterpart).first()
    if counterpart is None:
        return Status(400, {"detail": _("Only member organisations of the network are introduced."), "field": "counterpart"})
    contact = services.Contact(name=payload.contact.name, email=payload.contact.email, phone=payload.contact.phone)
    introduction = services.request_introduction(
        by=request.user, requester=requester, counterpart=counterpart, contact=contact, message=payload.message,
    )
    return Status(201, {
        "id": introduction.pk, "status": introduction.status, "counterpart": _org(counterpart),
        "url": request.build_absolute_uri(introduction.get_absolute_url()),
    })


@router.get(
    "/introductions/{introduction_id}",
    response={200: IntroductionOut, 401: ErrorOut, 404: ErrorOut},
    auth=TokenAuth(),
    summary="One introduction",
)
@in_request_language
def get_introduction(request: HttpRequest, introduction_id: int):
    """For the two organisations' people and the coordinators. `contacts` is null until both
    organisations have accepted, and is given only to the two organisations' people."""
    introduction: Introduction = queries.introduction_for_viewer(request.user, introduction_id)
    contacts = queries.contacts_for(request.user, introduction)
    return Status(200, {
        "id": introduction.pk, "status": introduction.status,
        "requester": _org(introduction.requester), "counterpart": _org(introduction.counterpart),
        "proposed_by_coordinator": introduction.proposed_by_coordinator,
        "requester_accepted": introduction.requester_accepted_at is not None,
        "counterpart_accepted": introduction.counterpart_accepted_at is not None,
        "message": introduction.message,
        "pathways": sorted(p.slug for p in introduction.pathways.all()),
        "created_at": introduction.created_at, "accepted_at": introduction.accepted_at,
        "contacts": (
            {side: {k: contacts[side].get(k, "") for k in ("name", "email", "phone")} for side in ("requester", "counterpart")}
            if contacts else None
        ),
        "url": request.build_absolute_uri(introduction.get_absolute_url()),
    })
