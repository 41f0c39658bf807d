"""RSS of campaign updates: all campaigns, one pathway's, one organisation's."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from tadamun.network.models import Organisation
from tadamun.pathways.models import Pathway

from . import queries
from .models import Update


class UpdatesFeed(Feed):
    def get_object(self, request: HttpRequest, kind: str = "", value: str = ""):
        if kind == "pathway":
            pathway = get_object_or_404(Pathway, slug=value)
            return (queries.CampaignFilters(pathway=value), _("Campaigns: %(name)s") % {"name": pathway.name}, pathway.get_absolute_url())
        if kind == "organisation":
            organisation = get_object_or_404(Organisation, slug=value, status=Organisation.Status.APPROVED)
            title = _("Campaigns of %(organisation)s") % {"organisation": organisation.display_name}
            return (queries.CampaignFilters(organisation=value), title, organisation.get_absolute_url())
        if kind:
            raise Http404
        return (queries.CampaignFilters(), _("Tadamun campaigns"), reverse("campaigns:list"))

    def title(self, scope) -> str:
        return scope[1]

    def link(self, scope) -> str:
        return scope[2]

    def description(self, scope) -> str:
        return _("Updates of the campaigns of the Tadamun network.")

    def items(self, scope) -> list[Update]:
        return queries.updates_for_feed(scope[0])

    def item_title(self, item: Update) -> str:
        return f"{item.campaign.title}: {item.title}"

    def item_description(self, item: Update) -> str:
        return strip_tags(item.body_html).strip()[:500]

    def item_link(self, item: Update) -> str:
        return reverse("campaigns:campaign", kwargs={"slug": item.campaign.slug}) + f"#update-{item.pk}"

    def item_pubdate(self, item: Update):
        return item.published_at
