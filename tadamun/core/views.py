from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from tadamun.campaigns import queries as campaign_queries
from tadamun.network import queries as network_queries
from tadamun.network.maps import map_context
from tadamun.newsroom import queries as news_queries
from tadamun.pathways import queries as pathway_queries


def home(request: HttpRequest) -> HttpResponse:
    context = {
        "totals": network_queries.network_totals(),
        "pathways": pathway_queries.pathways_with_counts(),
        "recent": network_queries.recent_members(),
        "articles": news_queries.latest(news_queries.ArticleFilters(), limit=4),
        "campaigns": campaign_queries.latest(limit=3),
        **map_context(title=_("Member organisations by governorate")),
        "map_table_collapsed": True,
    }
    return render(request, "core/home.html", context)
