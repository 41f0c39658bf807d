"""Every change in the newsroom: writing, submitting, reviewing, publishing, files.

Services take the acting person (`by`), check permission and rules first, run in a
transaction, and tell people by email once the transaction commits.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tadamun.accounts.models import User
from tadamun.core import markdown
from tadamun.core.errors import DomainError, PermissionDenied
from tadamun.core.images import rebuild_image
from tadamun.core.tasks import email_later
from tadamun.core.text import clean_text, normalise
from tadamun.network.models import Governorate, Organisation
from tadamun.pathways.models import Pathway

from .models import Article, Attachment
from .rules import NETWORK_EDITORS

log = logging.getLogger("tadamun.newsroom")
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
TITLE_MAX = 200


@dataclass
class ArticleDraft:
    """What an editor writes."""

    title: str
    body: str
    kind: str
    original_language: str
    summary: str = ""
    pathways: list[Pathway] = field(default_factory=list)
    governorates: list[Governorate] = field(default_factory=list)
    cover_alt: str = ""


def _check(draft: ArticleDraft) -> None:
    if not clean_text(draft.title):
        raise DomainError(_("Give the article a title."), field="title")
    if not draft.body.strip():
        raise DomainError(_("The article has no text yet."), field="body")
    if draft.kind not in Article.Kind.values:
        raise DomainError(_("Choose the kind of article."), field="kind")
    if draft.original_language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose the language the article is written in."), field="original_language")


def _fill(article: Article, draft: ArticleDraft) -> None:
    article.title = clean_text(draft.title)[:TITLE_MAX]
    article.summary = clean_text(draft.summary)[:400]
    article.body = draft.body.strip()
    article.body_html = markdown.render(article.body)
    article.kind = draft.kind
    article.original_language = draft.original_language
    article.cover_alt = clean_text(draft.cover_alt)[:200]
    article.search_text = normalise(" ".join([article.title, article.summary, article.body]))


def _unique_slug(title: str) -> str:
    base = slugify(title)[:70] or "article"
    return f"{base}-{secrets.token_hex(3)}"


@transaction.atomic
def write_article(*, by: User, organisation: Organisation, draft: ArticleDraft) -> Article:
    """An editor of a member organisation starts an article (a draft)."""
    if not by.has_perm("newsroom.write_for", organisation):
        raise PermissionDenied(_("Only editors of a member organisation write for it."))
    _check(draft)
    article = Article(organisation=organisation, author=by, status=Article.Status.DRAFT)
    _fill(article, draft)
    article.slug = _unique_slug(article.title)
    article.save()
    article.pathways.set(draft.pathways)
    article.governorates.set(draft.governorates)
    log.info("article written article=%s org=%s by=%s", article.pk, organisation.pk, by.pk)
    return article


def _locked(article: Article) -> Article:
    return Article.objects.select_for_update().select_related("organisation").get(pk=article.pk)


@transaction.atomic
def edit_article(*, by: User, article: Article, draft: ArticleDraft) -> Article:
    """Change an unpublished article (its author, its organisation's editors, network editors)."""
    article = _locked(article)
    if not by.has_perm("newsroom.change_article", article):
        raise PermissionDenied(_("You cannot change this article."))
    _check(draft)
    _fill(article, draft)
    article.save()
    article.pathways.set(draft.pathways)
    article.governorates.set(draft.governorates)
    return article


@transaction.atomic
def set_cover(*, by: User, article: Article, upload: UploadedFile | None) -> Article:
    """Replace or remove the cover image; it is rebuilt from its pixels, metadata gone."""
    article = _locked(article)
    if not by.has_perm("newsroom.change_article", article):
        raise PermissionDenied(_("You cannot change this article."))
    old = article.cover.name if article.cover else ""
    if upload is None:
        article.cover = ""
    else:
        try:
            clean = rebuild_image(upload, max_side=1600, max_bytes=8 * 1024 * 1024)
        except ValidationError as exc:
            raise DomainError(exc.messages[0], field="cover") from exc
        article.cover.save(clean.name, clean, save=False)
    article.save(update_fields=["cover", "updated_at"])
    if old:
        storage = article.cover.storage
        transaction.on_commit(lambda: storage.delete(old))
    return article


@transaction.atomic
def attach_pdf(*, by: User, article: Article, upload: UploadedFile, title: str = "") -> Attachment:
    """Attach a PDF (checked by its bytes, stored under a name of ours)."""
    article = _locked(article)
    if not by.has_perm("newsroom.change_article", article):
        raise PermissionDenied(_("You cannot change this article."))
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise DomainError(_("The file is too large: at most 20 MB."), field="file")
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise DomainError(_("Attach a PDF file."), field="file")
    title = clean_text(title or upload.name.rsplit(".", 1)[0])[:200] or _("Document")
    attachment = Attachment(article=article, title=title, size=upload.size)
    attachment.file.save(f"{secrets.token_hex(16)}.pdf", ContentFile(upload.read()), save=False)
    attachment.save()
    return attachment


@transaction.atomic
def remove_attachment(*, by: User, attachment: Attachment) -> None:
    article = _locked(attachment.article)
    if not by.has_perm("newsroom.change_article", article):
        raise PermissionDenied(_("You cannot change this article."))
    name, storage = attachment.file.name, attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))


def _publish(article: Article, *, by: User) -> None:
    article.status = Article.Status.PUBLISHED
    article.published_at = timezone.now()
    article.reviewed_by = by
    article.save(update_fields=["status", "published_at", "reviewed_by", "updated_at"])
    log.info("article published article=%s by=%s", article.pk, by.pk)


def _network_editors() -> list[tuple[str, str]]:
    """Email and language of everyone who reviews submissions."""
    reviewers = User.objects.filter(is_active=True).filter(Q(is_staff=True) | Q(groups__name=NETWORK_EDITORS))
    return list(reviewers.distinct().values_list("email", "language"))


@transaction.atomic
def submit_article(*, by: User, article: Article) -> Article:
    """Send a draft for review; an organisation the coordinators trust publishes at once."""
    article = _locked(article)
    if not by.has_perm("newsroom.submit_article", article):
        raise PermissionDenied(_("You cannot submit this article."))
    if article.status != Article.Status.DRAFT:
        raise DomainError(_("Only a draft can be submitted."))
    article.submitted_at = timezone.now()
    article.review_comment = ""
    if article.organisation.is_trusted:
        article.save(update_fields=["submitted_at", "review_comment", "updated_at"])
        _publish(article, by=by)
        return article
    article.status = Article.Status.SUBMITTED
    article.save(update_fields=["status", "submitted_at", "review_comment", "updated_at"])
    for email, language in _network_editors():
        email_later(
            to=[email], template="newsroom/email/submitted", context={"title": article.title},
            language=language, link={"name": "newsroom:review"},
        )
    log.info("article submitted article=%s by=%s", article.pk, by.pk)
    return article


@transaction.atomic
def publish_article(*, by: User, article: Article) -> Article:
    """A network editor publishes a submitted article."""
    article = _locked(article)
    if not by.has_perm("newsroom.review_article", article):
        raise PermissionDenied(_("Only network editors review articles."))
    if article.status != Article.Status.SUBMITTED:
        raise DomainError(_("Only an article waiting for review can be published."))
    _publish(article, by=by)
    _tell_author(article, "newsroom/email/published")
    return article


@transaction.atomic
def return_article(*, by: User, article: Article, comment: str) -> Article:
    """A network editor sends a submission back to its authors, saying what to change."""
    article = _locked(article)
    if not by.has_perm("newsroom.review_article", article):
        raise PermissionDenied(_("Only network editors review articles."))
    comment = comment.strip()
    if not comment:
        raise DomainError(_("Say what should change: the authors will read it."), field="comment")
    if article.status != Article.Status.SUBMITTED:
        raise DomainError(_("Only an article waiting for review can be returned."))
    article.status = Article.Status.DRAFT
    article.review_comment = comment
    article.reviewed_by = by
    article.save(update_fields=["status", "review_comment", "reviewed_by", "updated_at"])
    _tell_author(article, "newsroom/email/returned", comment=comment)
    log.info("article returned article=%s by=%s", article.pk, by.pk)
    return article


@transaction.atomic
def unpublish_article(*, by: User, article: Article) -> Article:
    """Take a published article back to draft (network editors, its organisation's editors)."""
    article = _locked(article)
    if not by.has_perm("newsroom.unpublish_article", article):
        raise PermissionDenied(_("You cannot unpublish this article."))
    if article.status != Article.Status.PUBLISHED:
        raise DomainError(_("This article is not published."))
    article.status = Article.Status.DRAFT
    article.save(update_fields=["status", "updated_at"])
    log.info("article unpublished article=%s by=%s", article.pk, by.pk)
    return article


def _tell_author(article: Article, template: str, **context) -> None:
    if article.author_id is None:
        return
    author = article.author
    link = {"name": "newsroom:article", "kwargs": {"slug": article.slug}}
    email_later(
        to=[author.email], template=template, context={"title": article.title, **context},
        language=author.language, link=link,
    )
