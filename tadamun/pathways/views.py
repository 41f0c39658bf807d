from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from tadamun.assembly import queries as assembly_queries
from tadamun.campaigns import queries as campaign_queries
from tadamun.core.errors import NotFound
from tadamun.network.queries import with_card_details
from tadamun.newsroom import queries as news_queries
from tadamun.solidarity import queries as solidarity_queries

from . import queries


def pathway_list(request: HttpRequest) -> HttpResponse:
    return render(request, "pathways/list.html", {"pathways": queries.pathways_with_counts()})


def pathway_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        pathway = queries.pathway(slug)
    except NotFound as error:
        raise Http404(error.message) from error
    page = Paginator(queries.organisations_on(pathway), 20).get_page(request.GET.get("page"))
    page.object_list = with_card_details(page.object_list)
    articles = news_queries.latest(news_queries.ArticleFilters(pathway=pathway.slug))
    campaigns = campaign_queries.latest(campaign_queries.CampaignFilters(pathway=pathway.slug), limit=4)
    context = {
        "pathway": pathway, "page": page, "query": "", "articles": articles, "campaigns": campaigns,
        "deciding": assembly_queries.for_pathway(pathway, request.user),
        "opportunities": solidarity_queries.with_card_details(
            solidarity_queries.opportunities(solidarity_queries.OpportunityFilters(pathway=pathway.slug))[:4]
        ),
    }
    return render(request, "pathways/detail.html", context)
