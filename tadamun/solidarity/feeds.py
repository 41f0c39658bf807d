"""RSS of open opportunities, with the same filters as their list (`?kind=volunteer_call&pathway=…`)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import queries
from .forms import OpportunityFilterForm
from .models import Opportunity

FEED_SIZE = 30


class OpportunitiesFeed(Feed):
    def get_object(self, request: HttpRequest):
        form = OpportunityFilterForm(request.GET or None)
        if form.is_bound:
            form.is_valid()  # an unknown filter is left out, as on the list
        filters = form.filters()
        return filters, {k: v for k, v in vars(filters).items() if v and k != "include_closed"}

    def title(self, scope) -> str:
        return _("Tadamun opportunities")

    def link(self, scope) -> str:
        query = urlencode(scope[1])
        return reverse("solidarity:opportunities") + (f"?{query}" if query else "")

    def description(self, scope) -> str:
        return _("Joint projects, capacity building, internships, cultural exchanges and calls for volunteers of the Tadamun network.")

    def items(self, scope) -> list[Opportunity]:
        return list(queries.opportunities(scope[0]).defer(None)[:FEED_SIZE])

    def item_title(self, item: Opportunity) -> str:
        return f"{item.get_kind_display()}: {item.title} ({item.organisation.display_name})"

    def item_description(self, item: Opportunity) -> str:
        return strip_tags(item.description_html).strip()[:500]

    def item_link(self, item: Opportunity) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Opportunity):
        return item.created_at
