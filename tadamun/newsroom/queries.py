"""Read paths of the newsroom, shared by pages, feeds and the API.

A draft or a submission the viewer may not see is answered like a missing article.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from tadamun.core.errors import NotFound
from tadamun.core.search import contains
from tadamun.core.text import search_terms
from tadamun.network.models import Membership
from tadamun.pathways.catalogue import BY_SLUG as PATHWAYS_BY_SLUG

from .models import Article
from .rules import is_network_editor


@dataclass(frozen=True)
class ArticleFilters:
    """The newsroom's filters, already validated (see forms.ArticleFilterForm)."""

    q: str = ""
    kind: str = ""
    language: str = ""
    pathway: str = ""  # slug
    organisation: str = ""  # slug
    governorate: str = ""  # ISO 3166-2 code

    @property
    def active(self) -> bool:
        return any(vars(self).values())


def published(filters: ArticleFilters = ArticleFilters()) -> QuerySet[Article]:
    """Published articles matching the filters, newest first."""
    qs = Article.objects.filter(status=Article.Status.PUBLISHED)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.language:
        qs = qs.filter(original_language=filters.language)
    if filters.organisation:
        qs = qs.filter(organisation__slug=filters.organisation)
    if filters.pathway:
        qs = qs.filter(pk__in=Article.pathways.through.objects.filter(pathway__slug=filters.pathway).values("article_id"))
    if filters.governorate:
        qs = qs.filter(
            pk__in=Article.governorates.through.objects.filter(governorate__iso_code=filters.governorate).values("article_id")
        )
    for term in search_terms(filters.q):
        qs = qs.filter(contains(Article._meta.db_table, term))
    return qs.select_related("organisation").defer("search_text", "body", "body_html").order_by("-published_at", "-pk")


def with_card_details(articles: Iterable[Article]) -> list[Article]:
    """Attach `card_pathways` (catalogue pathways) with one light query for all."""
    articles = list(articles)
    pathways: dict[int, list] = defaultdict(list)
    rows = Article.pathways.through.objects.filter(article_id__in=[a.pk for a in articles])
    for article_id, slug in rows.values_list("article_id", "pathway__slug").order_by("pathway__number"):
        pathways[article_id].append(PATHWAYS_BY_SLUG[slug])
    for article in articles:
        article.card_pathways = pathways[article.pk]
    return articles


def latest(filters: ArticleFilters, limit: int = 5) -> list[Article]:
    """The newest published articles (for an organisation's profile, a pathway's page)."""
    return with_card_details(published(filters)[:limit])


def article_for_viewer(viewer, slug: str) -> Article:
    """One article, if the viewer may see it; else NotFound (drafts answer like missing)."""
    article = (
        Article.objects.filter(slug=slug)
        .select_related("organisation", "author")
        .prefetch_related("pathways", "governorates", "attachments")
        .first()
    )
    if article is None or not viewer.has_perm("newsroom.view_article", article):
        raise NotFound(_("This article does not exist or is not published."))
    return article


def review_queue() -> QuerySet[Article]:
    return (
        Article.objects.filter(status=Article.Status.SUBMITTED)
        .select_related("organisation", "author")
        .order_by("submitted_at")
    )


def desk(viewer) -> QuerySet[Article]:
    """The unpublished articles a person works on: theirs, and their organisations' ones."""
    if not viewer.is_authenticated:
        return Article.objects.none()
    organisations = Membership.objects.filter(
        person=viewer, role__in=[Membership.Role.ADMIN, Membership.Role.EDITOR]
    ).values("organisation_id")
    return (
        Article.objects.exclude(status=Article.Status.PUBLISHED)
        .filter(Q(author=viewer) | Q(organisation_id__in=organisations))
        .select_related("organisation")
        .order_by("-updated_at")
    )


def organisations_writing_for(viewer) -> list:
    """The member organisations this person may write for."""
    if not viewer.is_authenticated:
        return []
    rows = Membership.objects.filter(
        person=viewer, role__in=[Membership.Role.ADMIN, Membership.Role.EDITOR], organisation__status="approved"
    ).select_related("organisation")
    return [row.organisation for row in rows]


def reviews(viewer) -> bool:
    return is_network_editor(viewer)
