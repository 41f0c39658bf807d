"""Read paths of campaigns, shared by pages, feeds and the API.

A campaign the viewer may not see (proposed, declined) is answered like a missing one.
Counts of signatures are read from each action's counter, never counted on a page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tadamun.core.errors import NotFound
from tadamun.core.text import normalise, search_terms
from tadamun.network.models import Membership, Organisation
from tadamun.pathways.catalogue import BY_SLUG as PATHWAYS_BY_SLUG

from . import charts
from .models import (
    Action,
    Campaign,
    Endorsement,
    Export,
    Indicator,
    Measurement,
    Message,
    Signature,
    Tally,
    Update,
)


@dataclass(frozen=True)
class CampaignFilters:
    """The filters of the campaign list, already validated (forms.CampaignFilterForm)."""

    q: str = ""
    pathway: str = ""  # slug
    governorate: str = ""  # ISO 3166-2 code
    organisation: str = ""  # slug of the lead or of an endorsing organisation
    status: str = ""  # active, won, ended

    @property
    def active(self) -> bool:
        return any(vars(self).values())


def public(filters: CampaignFilters = CampaignFilters()) -> QuerySet[Campaign]:
    """Approved campaigns matching the filters, newest first."""
    qs = Campaign.objects.filter(status__in=Campaign.PUBLIC)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.pathway:
        qs = qs.filter(pk__in=Campaign.pathways.through.objects.filter(pathway__slug=filters.pathway).values("campaign_id"))
    if filters.governorate:
        qs = qs.filter(
            pk__in=Campaign.governorates.through.objects.filter(governorate__iso_code=filters.governorate).values("campaign_id")
        )
    if filters.organisation:
        organisation_id = Organisation.objects.filter(slug=filters.organisation).values_list("pk", flat=True).first() or 0
        endorsed = Endorsement.objects.filter(organisation_id=organisation_id, status=Endorsement.Status.ACCEPTED)
        qs = qs.filter(lead_id=organisation_id) | qs.filter(pk__in=endorsed.values("campaign_id"))
    for term in search_terms(filters.q):
        qs = qs.filter(search_text__contains=normalise(term))
    return qs.select_related("lead").defer("search_text", "story", "story_html", "strategy", "strategy_html")


def with_card_details(campaigns: Iterable[Campaign]) -> list[Campaign]:
    """Attach `card_pathways` and `card_actions` (open actions with their counters): two
    light queries for the whole list."""
    campaigns = list(campaigns)
    ids = [c.pk for c in campaigns]
    pathways: dict[int, list] = defaultdict(list)
    rows = Campaign.pathways.through.objects.filter(campaign_id__in=ids)
    for campaign_id, slug in rows.values_list("campaign_id", "pathway__slug").order_by("pathway__number"):
        pathways[campaign_id].append(PATHWAYS_BY_SLUG[slug])
    actions: dict[int, list] = defaultdict(list)
    card_fields = ("pk", "campaign_id", "kind", "title", "goal", "signature_count", "status", "closes_at", "authority__name")
    for action in (
        Action.objects.filter(campaign_id__in=ids).select_related("authority").only(*card_fields).order_by("created_at")
    ):
        actions[action.campaign_id].append(action)
    for campaign in campaigns:
        campaign.card_pathways = pathways[campaign.pk]
        campaign.card_actions = actions[campaign.pk]
        for action in campaign.card_actions:
            action.campaign = campaign  # its address needs the campaign's slug
    return campaigns


def page_of(filters: CampaignFilters, number, per_page: int = 20):
    page = Paginator(public(filters).order_by("-published_at", "-pk"), per_page).get_page(number)
    page.object_list = with_card_details(page.object_list)
    return page


def latest(filters: CampaignFilters = CampaignFilters(), limit: int = 4, *, active_only: bool = True) -> list[Campaign]:
    """The newest campaigns, active ones only unless asked (home, pathway page, profile)."""
    qs = public(filters)
    if active_only and not filters.status:
        qs = qs.filter(status=Campaign.Status.ACTIVE)
    return with_card_details(qs.order_by("-published_at", "-pk")[:limit])


def campaign_for_viewer(viewer, slug: str) -> Campaign:
    campaign = (
        Campaign.objects.filter(slug=slug)
        .select_related("lead")
        .prefetch_related("pathways", "governorates", "authorities")
        .first()
    )
    if campaign is None or not viewer.has_perm("campaigns.view_campaign", campaign):
        raise NotFound(_("This campaign does not exist or is not public."))
    return campaign


def campaign_by_id_for_viewer(viewer, campaign_id: int) -> Campaign:
    campaign = Campaign.objects.filter(pk=campaign_id).values_list("slug", flat=True).first()
    if campaign is None:
        raise NotFound(_("This campaign does not exist or is not public."))
    return campaign_for_viewer(viewer, campaign)


@dataclass
class CampaignPage:
    """Everything the campaign page shows, each part in one query."""

    actions: list[Action]
    endorsements: list[Endorsement]
    milestones: list
    indicators: list[Indicator]
    updates: list[Update]
    messages: list[Message]


def campaign_page(campaign: Campaign) -> CampaignPage:
    indicators = list(
        campaign.indicators.prefetch_related(Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on", "pk")))
    )
    for indicator in indicators:
        indicator.chart = charts.indicator_chart(indicator, indicator.measurements.all())
    return CampaignPage(
        actions=[_with_campaign(a, campaign) for a in campaign.actions.select_related("authority").order_by("status", "-created_at")],
        endorsements=list(
            campaign.endorsements.filter(status=Endorsement.Status.ACCEPTED).select_related("organisation").order_by("decided_at")
        ),
        milestones=list(campaign.milestones.all()),
        indicators=indicators,
        updates=list(campaign.updates.select_related("author")[:10]),
        messages=list(campaign.messages.filter(status=Message.Status.PUBLISHED).select_related("organisation")[:20]),
    )


def _with_campaign(action: Action, campaign: Campaign) -> Action:
    action.campaign = campaign
    return action


def action_for_viewer(viewer, slug: str, action_id: int) -> Action:
    action = Action.objects.select_related("campaign__lead", "authority").filter(pk=action_id, campaign__slug=slug).first()
    if action is None or not viewer.has_perm("campaigns.view_campaign", action.campaign):
        raise NotFound(_("This petition or letter does not exist."))
    return action


def momentum(action: Action, days: int = 30) -> charts.MomentumChart:
    """Signatures per day over the last days, read from the daily tallies (no counting)."""
    today = timezone.localdate()
    rows = Tally.objects.filter(action=action, day__gt=today - timedelta(days=days)).values_list("day", "count")
    return charts.momentum(dict(rows), today, days)


def public_signers(action: Action, limit: int = 12) -> list[Signature]:
    """The latest confirmed signers who chose to show their name (never their address)."""
    return list(
        Signature.objects.filter(action=action, status=Signature.Status.CONFIRMED, show_name=True)
        .select_related("governorate")
        .only("name", "country", "governorate__names", "governorate__iso_code", "confirmed_at")
        .order_by("-confirmed_at")[:limit]
    )


def campaigns_led_by(viewer) -> list[Organisation]:
    """The Iraqi member organisations the viewer may propose campaigns for."""
    if not viewer.is_authenticated:
        return []
    return list(
        Organisation.objects.filter(
            memberships__person=viewer,
            memberships__role__in=[Membership.Role.ADMIN, Membership.Role.EDITOR],
            status=Organisation.Status.APPROVED,
            country="IQ",
        ).order_by("name_key")
    )


def organisations_speaking(viewer, campaign: Campaign) -> list[Organisation]:
    """The member organisations the viewer administers that could endorse this campaign."""
    if not viewer.is_authenticated:
        return []
    return list(
        Organisation.objects.filter(
            memberships__person=viewer, memberships__role=Membership.Role.ADMIN, status=Organisation.Status.APPROVED
        )
        .exclude(pk=campaign.lead_id)
        .order_by("name_key")
    )


def my_campaigns(viewer) -> list[Campaign]:
    """Campaigns of the organisations the viewer runs, whatever their status."""
    if not viewer.is_authenticated:
        return []
    lead_ids = Membership.objects.filter(
        person=viewer, role__in=[Membership.Role.ADMIN, Membership.Role.EDITOR]
    ).values("organisation_id")
    return list(Campaign.objects.filter(lead_id__in=lead_ids).select_related("lead").order_by("-created_at"))


def review_queue() -> QuerySet[Campaign]:
    return Campaign.objects.filter(status=Campaign.Status.PROPOSED).select_related("lead", "proposed_by").order_by("created_at")


@dataclass
class Desk:
    """What the lead organisation has to answer: endorsement requests, messages to moderate."""

    endorsements: list[Endorsement]
    messages: list[Message]
    exports: list


def desk(campaign: Campaign) -> Desk:
    return Desk(
        endorsements=list(
            campaign.endorsements.filter(status=Endorsement.Status.REQUESTED).select_related("organisation", "requested_by")
        ),
        messages=list(campaign.messages.filter(status=Message.Status.PENDING).select_related("organisation").order_by("created_at")),
        exports=list(
            Export.objects.filter(action__campaign=campaign).select_related("by", "action")[:20]
        ),
    )


def updates_for_feed(filters: CampaignFilters = CampaignFilters(), limit: int = 30) -> list[Update]:
    """Updates of public campaigns, newest first (the campaign feeds)."""
    campaigns = public(filters).values("pk")
    return list(Update.objects.filter(campaign_id__in=campaigns).select_related("campaign")[:limit])
