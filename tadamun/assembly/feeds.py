"""RSS of what the groups decide: proposals put to public groups and the public decisions of
the register; for the whole network, one group or one pathway."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from tadamun.pathways.models import Pathway

from . import queries
from .models import Decision, Gathering, Group, Proposal


class DecisionsFeed(Feed):
    def get_object(self, request: HttpRequest, kind: str = "", value: str = ""):
        if kind == "group":
            group = get_object_or_404(Group, slug=value, public=True)
            return ({"group": group}, _("Decisions of %(group)s") % {"group": group.display_name}, group.get_absolute_url())
        if kind == "pathway":
            pathway = get_object_or_404(Pathway, slug=value)
            return ({"pathway": pathway}, _("Decisions: %(name)s") % {"name": pathway.name}, pathway.get_absolute_url())
        if kind:
            raise Http404
        return ({}, _("Tadamun: proposals and decisions"), reverse("assembly:decisions"))

    def title(self, scope) -> str:
        return scope[1]

    def link(self, scope) -> str:
        return scope[2]

    def description(self, scope) -> str:
        return _("Proposals put to the network's groups, the decisions they took, and the gatherings of the network.")

    def items(self, scope) -> list[Proposal | Decision | Gathering]:
        return queries.public_activity(**scope[0])

    def item_title(self, item) -> str:
        if isinstance(item, Decision):
            return f"{item.reference.upper()}: {item.title}"
        if isinstance(item, Gathering):
            return _("Gathering: %(title)s") % {"title": item.title}
        return _("Proposal: %(title)s") % {"title": item.title}

    def item_description(self, item) -> str:
        html = {Decision: "outcome_html", Gathering: "description_html"}.get(type(item), "text_html")
        return strip_tags(getattr(item, html)).strip()[:500]

    def item_link(self, item) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created_at
