"""Read paths of the newsroom, shared by pages, feeds and the API.

A draft or a submission the viewer may not see is answered like a missing article.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from tadamun.core import markdown
from tadamun.core.errors import NotFound
from tadamun.core.search import contains
from tadamun.core.text import search_terms
from tadamun.network.models import Membership, Organisation
from tadamun.pathways.catalogue import BY_SLUG as PATHWAYS_BY_SLUG

from .models import Article, DigestSubscription, FeedSource, Memory, Translator, Version, WireItem
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
        # By id, not through a join: the (organisation, status, date) index then serves it.
        organisation_id = Organisation.objects.filter(slug=filters.organisation).values_list("pk", flat=True).first()
        qs = qs.filter(organisation_id=organisation_id or 0)
    if filters.pathway:
        qs = qs.filter(pk__in=Article.pathways.through.objects.filter(pathway__slug=filters.pathway).values("article_id"))
    if filters.governorate:
        qs = qs.filter(
            pk__in=Article.governorates.through.objects.filter(governorate__iso_code=filters.governorate).values("article_id")
        )
    for term in search_terms(filters.q):
        qs = qs.filter(contains(Article._meta.db_table, term))
    return qs.select_related("organisation").defer("search_text", "body", "body_html").order_by("-published_at", "-pk")


def page_of(filters: ArticleFilters, number, per_page: int = 20):
    """One page of published articles, ready for cards.

    The page's ids are found first (the database walks its date index and reads nothing
    else), then those rows are loaded with their organisation: deep pages and searches
    with many matches stay fast.
    """
    page = Paginator(published_ids(filters), per_page).get_page(number)
    page.object_list = cards(list(page.object_list))
    return page


def published_ids(filters: ArticleFilters) -> QuerySet:
    return published(filters).values_list("pk", flat=True)


def cards(ids: list[int]) -> list[Article]:
    """The articles with these ids, in this order, with what their cards show."""
    rows = Article.objects.filter(pk__in=ids).select_related("organisation").defer("search_text", "body", "body_html")
    by_id = {article.pk: article for article in rows}
    return with_card_details([by_id[pk] for pk in ids if pk in by_id])


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
        .prefetch_related("pathways", "governorates", "attachments", "versions")
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
        person=viewer, role__in=[Membership.Role.ADMIN, Membership.Role.EDITOR], organisation__status="approved"
    ).values("organisation_id")
    return (
        Article.objects.exclude(status=Article.Status.PUBLISHED)
        .filter(organisation_id__in=organisations)
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


# --- Translation --------------------------------------------------------------------------


def published_version(article: Article, language: str) -> Version | None:
    """The reviewed version of the article in `language`, if there is one."""
    if language == article.original_language:
        return None
    return Version.objects.filter(article=article, language=language, status=Version.Status.PUBLISHED).first()


def published_languages(article: Article) -> list[str]:
    """The languages a reader can read the article in: the original first."""
    others = (
        Version.objects.filter(article=article, status=Version.Status.PUBLISHED)
        .order_by()  # sorted below; an ORDER BY would make SQLite pick a worse index
        .values_list("language", flat=True)
    )
    return [article.original_language, *sorted(others)]


def translation_desk(viewer) -> dict[str, list[Version]]:
    """What a translator sees: requests they can take, their work, translations to review."""
    if not viewer.is_authenticated:
        return {"available": [], "mine": [], "to_review": []}
    pairs = list(Translator.objects.filter(person=viewer).values_list("source_language", "target_language", "reviews"))
    base = Version.objects.select_related("article", "article__organisation").order_by("created_at")
    pair_filter = Q(pk__in=[])
    for source, target, _reviews in pairs:
        pair_filter |= Q(article__original_language=source, language=target)
    review_languages = [target for _source, target, reviews in pairs if reviews]
    if is_network_editor(viewer):
        review_filter = Q()
    else:
        review_filter = Q(language__in=review_languages)
    return {
        "available": list(base.filter(pair_filter, status=Version.Status.REQUESTED)[:50]),
        "mine": list(base.filter(translator=viewer).exclude(status=Version.Status.PUBLISHED)[:50]),
        "to_review": list(base.filter(review_filter, status=Version.Status.SUBMITTED).exclude(translator=viewer)[:50])
        if (review_languages or is_network_editor(viewer)) else [],
    }


def version_for_viewer(viewer, version_id: int) -> Version:
    """A translation in the works, for its translator, translators of the pair, reviewers."""
    version = Version.objects.select_related("article", "article__organisation", "translator").filter(pk=version_id).first()
    if version is None or not viewer.is_authenticated:
        raise NotFound(_("This translation does not exist."))
    article = version.article
    allowed = (
        version.translator_id == viewer.pk
        or is_network_editor(viewer)
        or Translator.objects.filter(person=viewer, target_language=version.language)
        .filter(Q(source_language=article.original_language) | Q(reviews=True))
        .exists()
        or viewer.has_perm("newsroom.unpublish_article", article)
    )
    if not allowed:
        raise NotFound(_("This translation does not exist."))
    return version


def memory_for(version: Version) -> dict[str, str]:
    """Earlier reviewed human translations of this article's paragraphs, by paragraph."""
    from . import services

    paragraphs = markdown.paragraphs(version.article.body)
    keys = {services.memory_key(p): p for p in paragraphs}
    rows = (
        Memory.objects.filter(
            source_language=version.article.original_language,
            target_language=version.language,
            source_key__in=list(keys),
        )
        .exclude(version=version)
        .order_by("-created_at")
        .values_list("source_key", "target")
    )
    found: dict[str, str] = {}
    for key, target in rows:
        found.setdefault(keys[key], target)
    return found


def pairs_of(viewer) -> list[str]:
    if not viewer.is_authenticated:
        return []
    rows = Translator.objects.filter(person=viewer).values_list("source_language", "target_language")
    return [f"{source}:{target}" for source, target in rows]


def translates(viewer, version: Version) -> bool:
    return viewer.is_authenticated and Translator.objects.filter(
        person=viewer, source_language=version.article.original_language, target_language=version.language
    ).exists()


def reviews_language(viewer, language: str) -> bool:
    return viewer.is_authenticated and (
        is_network_editor(viewer) or Translator.objects.filter(person=viewer, target_language=language, reviews=True).exists()
    )


# --- The international wire ------------------------------------------------------------------


def reads_wire(viewer) -> bool:
    """Editors of member organisations and network editors browse the wire."""
    return is_network_editor(viewer) or bool(organisations_writing_for(viewer))


def wire_items(*, source: int | None = None, q: str = "") -> QuerySet[WireItem]:
    qs = WireItem.objects.select_related("source", "shared_as").defer("search_text")
    if source:
        qs = qs.filter(source_id=source)
    for term in search_terms(q):
        qs = qs.filter(contains(WireItem._meta.db_table, term))
    return qs.order_by("-published_at", "-pk")


def wire_sources() -> list[FeedSource]:
    return list(FeedSource.objects.all())


# --- The weekly digest -------------------------------------------------------------------------


def digest_for(subscription, *, since, limit: int = 20) -> tuple[list[Article], list[WireItem]]:
    """What is new for a subscriber since `since`: articles on their pathways readable in
    their languages, and wire items of sources in their languages."""
    pathways = [p.slug for p in subscription.pathways.all()]
    languages = subscription.languages or []
    articles = Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gte=since)
    if pathways:
        articles = articles.filter(pk__in=Article.pathways.through.objects.filter(pathway__slug__in=pathways).values("article_id"))
    if languages:
        translated = Version.objects.filter(status=Version.Status.PUBLISHED, language__in=languages).values("article_id")
        articles = articles.filter(Q(original_language__in=languages) | Q(pk__in=translated))
    items = WireItem.objects.filter(fetched_at__gte=since).select_related("source")
    if languages:
        items = items.filter(source__language__in=languages)
    articles = articles.select_related("organisation").defer("search_text", "body", "body_html").order_by("-published_at")
    return list(articles[:limit]), list(items.order_by("-published_at")[:limit])


def digest_of(viewer):
    return DigestSubscription.objects.filter(person=viewer).prefetch_related("pathways").first() if viewer.is_authenticated else None
