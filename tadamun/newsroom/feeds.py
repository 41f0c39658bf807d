"""RSS, Atom and JSON Feed of published articles: per language, per pathway, per organisation."""

from __future__ import annotations

import html

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tadamun.core.context_processors import LANGUAGE_NAMES
from tadamun.network.models import Organisation
from tadamun.pathways.models import Pathway

from . import queries
from .models import Article

ITEMS = 30


class Scope:
    """What a feed is about, its title and its articles."""

    def __init__(self, kind: str, value: str = "") -> None:
        self.kind, self.value = kind, value
        self.language = get_language() or "en"
        if kind == "language":
            if value not in dict(settings.LANGUAGES):
                raise Http404
            self.language = value
            self.filters = queries.ArticleFilters(language=value)
            self.title = _("Tadamun news in %(language)s") % {"language": LANGUAGE_NAMES.get(value, value)}
            self.link = reverse("newsroom:news") + f"?language={value}"
        elif kind == "pathway":
            pathway = get_object_or_404(Pathway, slug=value)
            self.filters = queries.ArticleFilters(pathway=value)
            self.title = _("Tadamun news: %(pathway)s") % {"pathway": pathway.name}
            self.link = pathway.get_absolute_url()
        elif kind == "organisation":
            organisation = get_object_or_404(Organisation, slug=value, status=Organisation.Status.APPROVED)
            self.filters = queries.ArticleFilters(organisation=value)
            self.title = _("News of %(organisation)s") % {"organisation": organisation.display_name}
            self.link = organisation.get_absolute_url()
        else:
            raise Http404

    def articles(self) -> list[Article]:
        qs = queries.published(self.filters).defer(None).defer("search_text", "body")
        return list(qs.select_related("organisation")[:ITEMS])


def _description(article: Article) -> str:
    """For RSS and Atom, whose descriptions readers take as HTML: the summary (escaped on
    output) or the text without its tags, its entities still escaped."""
    return article.summary or strip_tags(article.body_html).strip()[:500]


def _plain_summary(article: Article) -> str:
    """For the JSON Feed, whose summary is plain text."""
    return article.summary or html.unescape(strip_tags(article.body_html)).strip()[:500]


class RssFeed(Feed):
    description_template = None

    def get_object(self, request: HttpRequest, kind: str, value: str = ""):
        return Scope(kind, value or get_language() or "en")

    def title(self, scope: Scope) -> str:
        return scope.title

    def get_feed(self, obj: Scope, request: HttpRequest):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.language  # a language feed declares its own language
        return feed

    def link(self, scope: Scope) -> str:
        return scope.link

    def description(self, scope: Scope) -> str:
        return _("Published by the member organisations of the Tadamun network.")

    def items(self, scope: Scope):
        return scope.articles()

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return _description(item)

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_author_name(self, item: Article) -> str:
        return item.organisation.display_name

    def item_guid(self, item: Article) -> str:
        return f"tadamun-article-{item.pk}"

    item_guid_is_permalink = False

    def item_categories(self, item: Article):
        return [item.get_kind_display()]


class AtomFeed(RssFeed):
    feed_type = Atom1Feed
    subtitle = RssFeed.description


def json_feed(request: HttpRequest, kind: str, value: str = "") -> JsonResponse:
    """The same articles as a JSON Feed 1.1 (jsonfeed.org)."""
    scope = Scope(kind, value or get_language() or "en")
    items = [
        {
            "id": f"tadamun-article-{article.pk}",
            "url": request.build_absolute_uri(article.get_absolute_url()),
            "title": article.title,
            "summary": _plain_summary(article),
            "content_html": article.body_html,
            "date_published": article.published_at.isoformat() if article.published_at else None,
            "language": article.original_language,
            "authors": [{"name": article.organisation.display_name,
                         "url": request.build_absolute_uri(article.organisation.get_absolute_url())}],
            "tags": [article.get_kind_display()],
        }
        for article in scope.articles()
    ]
    body = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": scope.title,
        "home_page_url": request.build_absolute_uri(scope.link),
        "feed_url": request.build_absolute_uri(request.path),
        "language": scope.language,
        "items": items,
    }
    return JsonResponse(body, content_type="application/feed+json", json_dumps_params={"ensure_ascii": False})
