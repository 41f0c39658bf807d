"""API of the newsroom: published articles, an article, writing and submitting.

The same filter form, article form, queries and services as the pages: the API refuses
what the page refuses and shows a viewer only what the page would show them. A draft the
caller may not see answers exactly like a missing article (404).
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from tadamun.api import TokenAuth, optional_token
from tadamun.core.errors import NotFound, PermissionDenied
from tadamun.core.markdown import paragraphs

from . import queries, services
from .forms import ArticleFilterForm, ArticleForm
from .models import Article, Version

router = Router(tags=["newsroom"])


class OrganisationRef(Schema):
    id: int
    slug: str
    name: str


class AttachmentOut(Schema):
    title: str
    size: int
    url: str


class VersionOut(Schema):
    """A language the article can be read in: the original (translations to come)."""

    language: str
    status: str
    label: str | None = None


class ArticleOut(Schema):
    id: int
    slug: str
    title: str
    summary: str
    kind: str
    original_language: str
    organisation: OrganisationRef
    pathways: list[str]
    published_at: datetime | None
    url: str
    cover: str | None


class ArticleDetailOut(ArticleOut):
    body: str
    body_html: str
    status: str
    governorates: list[str]
    attachments: list[AttachmentOut]
    versions: list[VersionOut]


class ArticlePage(Schema):
    count: int
    page: int
    page_size: int
    items: list[ArticleOut]


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None
    field: str | None = None


class ArticleIn(Schema):
    """An article, as the form takes it (field names as in the form)."""

    organisation: str  # slug
    title: str
    body: str
    kind: str
    original_language: str
    summary: str = ""
    pathways: list[str] = Field(default_factory=list)  # slugs
    governorates: list[str] = Field(default_factory=list)  # ISO 3166-2:IQ codes


def _out(article: Article, request: HttpRequest) -> dict:
    org = article.organisation
    return {
        "id": article.pk,
        "slug": article.slug,
        "title": article.title,
        "summary": article.summary,
        "kind": article.kind,
        "original_language": article.original_language,
        "organisation": {"id": org.pk, "slug": org.slug, "name": org.name},
        "pathways": [pathway.slug for pathway in article.card_pathways],
        "published_at": article.published_at,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "cover": request.build_absolute_uri(article.cover.url) if article.cover else None,
    }


def _detail(article: Article, request: HttpRequest) -> dict:
    queries.with_card_details([article])
    return {
        **_out(article, request),
        "body": article.body,
        "body_html": article.body_html,
        "status": article.status,
        "governorates": sorted(place.iso_code for place in article.governorates.all()),
        "attachments": [
            {
                "title": item.title,
                "size": item.size,
                "url": request.build_absolute_uri(
                    reverse("newsroom:attachment", kwargs={"slug": article.slug, "attachment_id": item.pk})
                ),
            }
            for item in article.attachments.all()
        ],
        # The original, then each language version with its status (requested, in_progress,
        # submitted, published) and, once published, how it was made.
        "versions": [{"language": article.original_language, "status": "original"}]
        + [
            {"language": v.language, "status": v.status, "label": str(v.reader_label) if v.status == "published" else None}
            for v in article.versions.all()
        ],
    }


def _form_errors(form) -> dict:
    return {"detail": _("Some values are not valid."), "errors": {k: [str(m) for m in v] for k, v in form.errors.items()}}


def _article_by_id(viewer, article_id: int) -> Article:
    """The article with this id if the viewer may see it; a hidden draft is a missing one."""
    slug = Article.objects.filter(pk=article_id).values_list("slug", flat=True).first()
    if slug is None:
        raise NotFound(_("This article does not exist or is not published."))
    return queries.article_for_viewer(viewer, slug)


def _article_form(data: dict) -> ArticleForm:
    """Validate API input with the page's form, so both refuse the same things."""
    query = QueryDict(mutable=True)
    for key, value in data.items():
        if key == "organisation":
            continue
        if isinstance(value, list):
            query.setlist(key, [str(v) for v in value])
        elif value is not None:
            query[key] = str(value)
    return ArticleForm(query)


@router.get(
    "/articles",
    response={200: ArticlePage, 400: ErrorOut, 401: ErrorOut},
    auth=optional_token,
    summary="Published articles, filtered",
)
def list_articles(request: HttpRequest, page: int = 1, page_size: int = 20):
    """Filters: `language` (the language written in), `pathway` (slug), `organisation`
    (slug), `kind`, `governorate` (ISO 3166-2:IQ code), `q`. Published articles only,
    newest first."""
    form = ArticleFilterForm(request.GET)
    if not form.is_valid():
        return Status(400, _form_errors(form))
    if page < 1 or not 1 <= page_size <= 100:
        return Status(400, {"detail": _("page must be 1 or more, page_size between 1 and 100.")})
    ids = queries.published_ids(form.filters())
    count = ids.count()
    start = (page - 1) * page_size
    page_rows = queries.cards(list(ids[start : start + page_size])) if start < count else []
    items = [_out(article, request) for article in page_rows]
    return Status(200, {"count": count, "page": page, "page_size": page_size, "items": items})


@router.get(
    "/articles/{article_id}",
    response={200: ArticleDetailOut, 401: ErrorOut, 404: ErrorOut},
    auth=optional_token,
)
def get_article(request: HttpRequest, article_id: int):
    """One article: published, or a draft the caller works on (with their token)."""
    article = _article_by_id(request.user, article_id)
    return Status(200, _detail(article, request))


@router.post(
    "/articles",
    response={201: ArticleDetailOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
    auth=TokenAuth(),
)
def write_article(request: HttpRequest, payload: ArticleIn):
    """Start an article (a draft) for an organisation the caller edits for."""
    data = payload.dict()
    form = _article_form(data)
    if not form.is_valid():
        return Status(400, _form_errors(form))
    organisation = next(
        (org for org in queries.organisations_writing_for(request.user) if org.slug == data["organisation"]), None
    )
    if organisation is None:
        raise PermissionDenied(_("Only editors of a member organisation write for it."))
    article = services.write_article(by=request.user, organisation=organisation, draft=form.to_draft())
    return Status(201, _detail(queries.article_for_viewer(request.user, article.slug), request))


@router.post(
    "/articles/{article_id}/submit",
    response={200: ArticleDetailOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=TokenAuth(),
)
def submit_article(request: HttpRequest, article_id: int):
    """Send a draft for review; a trusted organisation's article is published at once."""
    article = _article_by_id(request.user, article_id)
    article = services.submit_article(by=request.user, article=article)
    return Status(200, _detail(queries.article_for_viewer(request.user, article.slug), request))


# --- Translation ---------------------------------------------------------------------------


class TranslationRequestIn(Schema):
    languages: list[str]


class TranslationIn(Schema):
    title: str
    summary: str = ""
    paragraphs: list[str]


class TranslationOut(Schema):
    id: int
    article: int
    source_language: str
    language: str
    status: str
    origin: str
    title: str
    summary: str
    paragraphs: list[str]
    original_paragraphs: list[str]
    review_comment: str


def _translation_out(version: Version) -> dict:
    return {
        "id": version.pk,
        "article": version.article_id,
        "source_language": version.article.original_language,
        "language": version.language,
        "status": version.status,
        "origin": version.origin,
        "title": version.title,
        "summary": version.summary,
        "paragraphs": paragraphs(version.body),
        "original_paragraphs": paragraphs(version.article.body),
        "review_comment": version.review_comment,
    }


@router.post(
    "/articles/{article_id}/translations",
    response={201: list[TranslationOut], 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=TokenAuth(),
)
def request_translations(request: HttpRequest, article_id: int, payload: TranslationRequestIn):
    """Ask for the article in other languages (its authors and editors)."""
    article = _article_by_id(request.user, article_id)
    created = services.request_translations(by=request.user, article=article, languages=payload.languages)
    return Status(201, [_translation_out(version) for version in created])


def _version(request: HttpRequest, version_id: int) -> Version:
    return queries.version_for_viewer(request.user, version_id)


@router.get(
    "/translations/{version_id}",
    response={200: TranslationOut, 401: ErrorOut, 404: ErrorOut},
    auth=TokenAuth(),
)
def get_translation(request: HttpRequest, version_id: int):
    """A translation in the works (its translator, translators of the pair, reviewers)."""
    return Status(200, _translation_out(_version(request, version_id)))


@router.post(
    "/translations/{version_id}/claim",
    response={200: TranslationOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=TokenAuth(),
)
def claim_translation(request: HttpRequest, version_id: int):
    """Take a request (translators of the language pair)."""
    version = services.claim_translation(by=request.user, version=_version(request, version_id))
    return Status(200, _translation_out(version))


@router.put(
    "/translations/{version_id}",
    response={200: TranslationOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=TokenAuth(),
)
def save_translation(request: HttpRequest, version_id: int, payload: TranslationIn):
    """Save the translator's draft, one entry per paragraph of the original."""
    version = services.save_translation(
        by=request.user, version=_version(request, version_id),
        title=payload.title, summary=payload.summary, paragraphs=payload.paragraphs,
    )
    return Status(200, _translation_out(version))


@router.post(
    "/translations/{version_id}/submit",
    response={200: TranslationOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=TokenAuth(),
)
def submit_translation(request: HttpRequest, version_id: int):
    """Send the translation to the reviewers of its language."""
    version = services.submit_translation(by=request.user, version=_version(request, version_id))
    return Status(200, _translation_out(version))
