"""API of campaigns: public campaigns, one campaign with its actions and live counts, and
signing a petition or letter (the same double opt-in as the page: the signature counts once
the emailed link is followed)."""

from __future__ import annotations

from datetime import date, datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from tadamun.api import optional_token
from tadamun.core.errors import NotFound, TooManyRequests
from tadamun.core.ratelimit import client_ip
from tadamun.network.models import Governorate

from . import queries, services
from .forms import CampaignFilterForm
from .models import Action, Campaign

router = Router(tags=["campaigns"])


class OrganisationRef(Schema):
    id: int
    slug: str
    name: str
    country: str


class ActionOut(Schema):
    id: int
    kind: str
    title: str
    status: str
    addressed_to: str
    goal: int
    signatures: int  # confirmed signatures, live
    closes_at: datetime
    url: str


class CampaignOut(Schema):
    id: int
    slug: str
    title: str
    summary: str
    status: str
    original_language: str
    lead: OrganisationRef
    pathways: list[str]
    published_at: datetime | None
    url: str
    actions: list[ActionOut]


class IndicatorOut(Schema):
    name: str
    unit: str
    baseline: float
    target: float
    latest: float
    percent: int


class MilestoneOut(Schema):
    title: str
    due_on: date
    reached_on: date | None


class CampaignDetailOut(CampaignOut):
    story: str
    demands: list[str]
    governorates: list[str]
    authorities: list[dict]
    endorsed_by: list[OrganisationRef]
    milestones: list[MilestoneOut]
    indicators: list[IndicatorOut]
    translations: list[str]


class CampaignPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[CampaignOut]


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None
    field: str | None = None


class SignatureIn(Schema):
    name: str
    email: str
    country: str  # ISO 3166-1 alpha-2
    governorate: str = ""  # ISO 3166-2:IQ, for signers in Iraq
    show_name: bool = False
    keep_informed: bool = False
    letter: str = ""
    language: str = "en"  # of the confirmation email


class Accepted(Schema):
    detail: str


def _org(organisation) -> dict:
    return {"id": organisation.pk, "slug": organisation.slug, "name": organisation.name, "country": organisation.country.code}


def _action_out(action: Action, campaign: Campaign, request: HttpRequest) -> dict:
    action.campaign = campaign
    return {
        "id": action.pk, "kind": action.kind, "title": action.title,
        "status": "closed" if action.status == Action.Status.OPEN and not services.is_open(action) else action.status,
        "addressed_to": action.authority.name,
        "goal": action.goal, "signatures": action.signature_count, "closes_at": action.closes_at,
        "url": request.build_absolute_uri(action.get_absolute_url()),
    }


def _out(campaign: Campaign, request: HttpRequest) -> dict:
    return {
        "id": campaign.pk, "slug": campaign.slug, "title": campaign.title, "summary": campaign.summary,
        "status": campaign.status, "original_language": campaign.original_language, "lead": _org(campaign.lead),
        "pathways": [p.slug for p in campaign.card_pathways], "published_at": campaign.published_at,
        "url": request.build_absolute_uri(campaign.get_absolute_url()),
        "actions": [_action_out(a, campaign, request) for a in campaign.card_actions],
    }


def _form_errors(form) -> dict:
    return {"detail": _("Some values are not valid."), "errors": {k: [str(m) for m in v] for k, v in form.errors.items()}}


@router.get("/campaigns", response={200: CampaignPage, 400: ErrorOut, 401: ErrorOut}, auth=optional_token, summary="Public campaigns, filtered")
def list_campaigns(request: HttpRequest, page: int = 1, page_size: int = 20):
    """Filters: `pathway` (slug), `governorate` (ISO 3166-2:IQ code), `organisation` (slug of
    the lead or an endorsing organisation), `status` (active, won, ended), `q`."""
    form = CampaignFilterForm(request.GET)
    if not form.is_valid():
        return Status(400, _form_errors(form))
    if page < 1 or not 1 <= page_size <= 100:
        return Status(400, {"detail": _("page must be 1 or more, page_size between 1 and 100.")})
    qs = queries.public(form.filters()).order_by("-published_at", "-pk")
    count = qs.count()
    start = (page - 1) * page_size
    rows = queries.with_card_details(qs[start : start + page_size]) if start < count else []
    return Status(200, {"count": count, "page": page, "page_size": page_size, "items": [_out(c, request) for c in rows]})


@router.get("/campaigns/{campaign_id}", response={200: CampaignDetailOut, 401: ErrorOut, 404: ErrorOut}, auth=optional_token)
def get_campaign(request: HttpRequest, campaign_id: int):
    """One campaign with its actions and their live counts, endorsements, timeline and indicators."""
    campaign = queries.campaign_by_id_for_viewer(request.user, campaign_id)
    queries.with_card_details([campaign])
    parts = queries.campaign_page(campaign)
    campaign.card_actions = parts.actions
    return Status(200, {
        **_out(campaign, request),
        "story": campaign.story,
        "demands": campaign.demand_list,
        "governorates": sorted(g.iso_code for g in campaign.governorates.all()),
        "authorities": [{"id": a.pk, "kind": a.kind, "name": a.name} for a in campaign.authorities.all()],
        "endorsed_by": [_org(e.organisation) for e in parts.endorsements],
        "milestones": [{"title": m.title, "due_on": m.due_on, "reached_on": m.reached_on} for m in parts.milestones],
        "indicators": [
            {"name": i.name, "unit": i.unit, "baseline": float(i.baseline), "target": float(i.target),
             "latest": float(i.chart.latest), "percent": i.chart.percent}
            for i in parts.indicators
        ],
        "translations": sorted(campaign.translations or {}),
    })


@router.post(
    "/campaigns/{campaign_id}/actions/{action_id}/signatures",
    response={202: Accepted, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 429: ErrorOut},
    auth=optional_token,
    summary="Sign a petition or letter",
)
def sign(request: HttpRequest, campaign_id: int, action_id: int, payload: SignatureIn):
    """Answers 202 whatever the address's history: an email asks the signer to confirm, and
    only then does the signature count."""
    campaign = queries.campaign_by_id_for_viewer(request.user, campaign_id)
    action = Action.objects.select_related("authority", "campaign").filter(pk=action_id, campaign=campaign).first()
    if action is None:
        raise NotFound(_("This petition or letter does not exist."))
    governorate = None
    if payload.governorate:
        governorate = Governorate.objects.filter(iso_code=payload.governorate).first()
        if governorate is None:
            return Status(400, {"detail": _("Unknown governorate: choose one from the list."), "field": "governorate"})
    signer = services.Signer(
        name=payload.name, email=payload.email, country=payload.country.upper(), governorate=governorate,
        show_name=payload.show_name, keep_informed=payload.keep_informed, letter=payload.letter,
    )
    try:
        services.sign(action=action, signer=signer, language=payload.language, client=client_ip(request))
    except TooManyRequests as error:
        return Status(429, {"detail": error.message})
    return Status(202, {"detail": _("Thank you. Check your inbox: your signature counts once you confirm it.")})
