"""Every change in the newsroom: writing, submitting, reviewing, publishing, files.

Services take the acting person (`by`), check permission and rules first, run in a
transaction, and tell people by email once the transaction commits.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tadamun.accounts.models import User
from tadamun.core import fetch, markdown
from tadamun.core.errors import DomainError, PermissionDenied
from tadamun.core.images import replace_image
from tadamun.core.tasks import email_later, send_templated_email
from tadamun.core.text import clean_text, normalise
from tadamun.core.uploads import read_pdf
from tadamun.network.models import Governorate, Organisation
from tadamun.pathways.models import Pathway

from . import machine, wire
from .models import (
    Article,
    Attachment,
    DigestSubscription,
    FeedSource,
    Memory,
    Translator,
    Version,
    WireItem,
)
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


def _unique_slug(title: str, organisation: Organisation) -> str:
    """A readable address: the title's Latin words, or else the organisation's address."""
    base = slugify(title)[:70] or organisation.slug[:60] or "article"
    return f"{base}-{secrets.token_hex(3)}"


@transaction.atomic
def write_article(*, by: User, organisation: Organisation, draft: ArticleDraft) -> Article:
    """An editor of a member organisation starts an article (a draft)."""
    if not by.has_perm("newsroom.write_for", organisation):
        raise PermissionDenied(_("Only editors of a member organisation write for it."))
    _check(draft)
    article = Article(organisation=organisation, author=by, status=Article.Status.DRAFT)
    _fill(article, draft)
    article.slug = _unique_slug(article.title, organisation)
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
    replace_image(article, "cover", upload, max_side=1600, max_bytes=8 * 1024 * 1024)
    article.save(update_fields=["cover", "updated_at"])
    return article


@transaction.atomic
def attach_pdf(*, by: User, article: Article, upload: UploadedFile, title: str = "") -> Attachment:
    """Attach a PDF (checked by its bytes, stored under a name of ours)."""
    article = _locked(article)
    if not by.has_perm("newsroom.change_article", article):
        raise PermissionDenied(_("You cannot change this article."))
    data = read_pdf(upload, max_bytes=ATTACHMENT_MAX_BYTES)
    title = clean_text(title or upload.name.rsplit(".", 1)[0])[:200] or _("Document")
    attachment = Attachment(article=article, title=title, size=upload.size)
    attachment.file.save(f"{secrets.token_hex(16)}.pdf", ContentFile(data), save=False)
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


def _publish(article: Article, *, by: User | None) -> None:
    """Publish; `by` is the reviewer (None when a trusted organisation publishes itself)."""
    article.status = Article.Status.PUBLISHED
    article.published_at = timezone.now()
    article.reviewed_by = by
    article.save(update_fields=["status", "published_at", "reviewed_by", "updated_at"])
    log.info("article published article=%s by=%s", article.pk, by.pk if by else "trusted organisation")


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
        _publish(article, by=None)
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
    article.published_at = None
    article.save(update_fields=["status", "published_at", "updated_at"])
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


# --- Translation --------------------------------------------------------------------------


def _is_translator(user: User, source: str, target: str) -> bool:
    return Translator.objects.filter(person=user, source_language=source, target_language=target).exists()


def _reviews(user: User, language: str) -> bool:
    return user.has_perm("newsroom.review_article") or Translator.objects.filter(
        person=user, target_language=language, reviews=True
    ).exists()


@transaction.atomic
def volunteer(*, by: User, pairs: list[tuple[str, str]]) -> list[Translator]:
    """A person says which language pairs they translate (replacing their earlier choice;
    reviewer roles, given by coordinators, are kept)."""
    codes = dict(settings.LANGUAGES)
    wanted = {(s, t) for s, t in pairs if s in codes and t in codes and s != t}
    Translator.objects.filter(person=by).exclude(
        pk__in=[t.pk for t in Translator.objects.filter(person=by) if (t.source_language, t.target_language) in wanted]
    ).filter(reviews=False).delete()
    for source, target in wanted:
        Translator.objects.get_or_create(person=by, source_language=source, target_language=target)
    return list(Translator.objects.filter(person=by))


@transaction.atomic
def request_translations(*, by: User, article: Article, languages: list[str]) -> list[Version]:
    """An editor asks for the article in other languages; a machine draft is prepared
    in the background when an operator configured machine translation."""
    article = _locked(article)
    if not (by.has_perm("newsroom.unpublish_article", article) or article.author_id == by.pk):
        raise PermissionDenied(_("Only the article's authors and editors ask for translations."))
    if article.status != Article.Status.PUBLISHED:
        raise DomainError(_("Publish the article before asking for translations."))
    wanted = [code for code, _name in settings.LANGUAGES if code in languages and code != article.original_language]
    if not wanted:
        raise DomainError(_("Choose at least one language other than the original."), field="languages")
    created = []
    for language in wanted:
        version, made = Version.objects.get_or_create(
            article=article, language=language, defaults={"requested_by": by}
        )
        if made:
            created.append(version)
    if created and machine.backend() is not None:
        from .tasks import prefill_machine_translation

        for version in created:
            transaction.on_commit(lambda pk=version.pk: prefill_machine_translation.enqueue(version_id=pk))
    log.info("translations requested article=%s languages=%s by=%s", article.pk, ",".join(wanted), by.pk)
    return created


def prefill(version: Version, translator: machine.MachineTranslator) -> Version:
    """Fill an untouched request with a machine draft (title, summary, each paragraph)."""
    article = version.article
    blocks = markdown.paragraphs(article.body)
    texts = [article.title, article.summary or "", *blocks]
    translated = translator.translate(texts, source=article.original_language, target=version.language)
    with transaction.atomic():
        version = Version.objects.select_for_update().get(pk=version.pk)
        if version.status != Version.Status.REQUESTED or version.body:
            return version  # a person got there first
        version.title = clean_text(translated[0])[:TITLE_MAX]
        version.summary = clean_text(translated[1])[:400]
        version.paragraphs = [text.strip() for text in translated[2:]]
        version.body = "\n\n".join(version.paragraphs)
        version.body_html = markdown.render(version.body)
        version.origin = Version.Origin.MACHINE
        version.save(update_fields=["title", "summary", "paragraphs", "body", "body_html", "origin", "updated_at"])
    return version


def _locked_version(version: Version) -> Version:
    return Version.objects.select_for_update().select_related("article").get(pk=version.pk)


@transaction.atomic
def claim_translation(*, by: User, version: Version) -> Version:
    """A translator of the pair takes a request; nobody else can take it then."""
    version = _locked_version(version)
    if not _is_translator(by, version.article.original_language, version.language):
        raise PermissionDenied(_("You do not translate this language pair yet: choose it among your languages."))
    if version.status != Version.Status.REQUESTED:
        raise DomainError(_("Another translator has already taken this request."))
    version.status = Version.Status.IN_PROGRESS
    version.translator = by
    version.claimed_at = timezone.now()
    version.save(update_fields=["status", "translator", "claimed_at", "updated_at"])
    log.info("translation claimed version=%s by=%s", version.pk, by.pk)
    return version


@transaction.atomic
def release_translation(*, by: User, version: Version) -> Version:
    """The translator gives the request back to the queue (their draft stays)."""
    version = _locked_version(version)
    if version.translator_id != by.pk or version.status != Version.Status.IN_PROGRESS:
        raise PermissionDenied(_("This translation is not yours."))
    version.status = Version.Status.REQUESTED
    version.translator = None
    version.save(update_fields=["status", "translator", "updated_at"])
    return version


@transaction.atomic
def save_translation(*, by: User, version: Version, title: str, summary: str, paragraphs: list[str]) -> Version:
    """Save the translator's draft (paragraph by paragraph, as in the side-by-side view)."""
    version = _locked_version(version)
    if version.translator_id != by.pk or version.status != Version.Status.IN_PROGRESS:
        raise PermissionDenied(_("This translation is not yours."))
    version.title = clean_text(title)[:TITLE_MAX]
    version.summary = clean_text(summary)[:400]
    # One field is one paragraph: blank lines inside it would split it in two.
    version.paragraphs = [re.sub(r"\n\s*\n", "\n", p.replace("\r\n", "\n")).strip() for p in paragraphs]
    version.body = "\n\n".join(p for p in version.paragraphs if p)
    version.body_html = markdown.render(version.body)
    version.origin = Version.Origin.HUMAN
    version.save(update_fields=["title", "summary", "paragraphs", "body", "body_html", "origin", "updated_at"])
    return version


@transaction.atomic
def submit_translation(*, by: User, version: Version) -> Version:
    """The translator sends a complete translation to the reviewers of the language."""
    version = _locked_version(version)
    if version.translator_id != by.pk or version.status != Version.Status.IN_PROGRESS:
        raise PermissionDenied(_("This translation is not yours."))
    if not version.title.strip():
        raise DomainError(_("Translate the title."), field="title")
    expected = len(markdown.paragraphs(version.article.body))
    done = version.paragraphs or markdown.paragraphs(version.body)  # a machine draft has no fields yet
    if len(done) < expected or not all(p.strip() for p in done[:expected]):
        raise DomainError(_("Translate every paragraph before submitting."), field="body")
    version.status = Version.Status.SUBMITTED
    version.submitted_at = timezone.now()
    version.review_comment = ""
    version.save(update_fields=["status", "submitted_at", "review_comment", "updated_at"])
    reviewers = User.objects.filter(
        is_active=True, translator_pairs__target_language=version.language, translator_pairs__reviews=True
    ).distinct().values_list("email", "language")
    for email, language in reviewers:
        email_later(
            to=[email], template="newsroom/email/translation_submitted", context={"title": version.title},
            language=language, link={"name": "newsroom:translation", "kwargs": {"version_id": version.pk}},
        )
    return version


def _remember(version: Version) -> None:
    """Keep each reviewed paragraph pair in the translation memory."""
    source = markdown.paragraphs(version.article.body)
    target = markdown.paragraphs(version.body)
    rows = [
        Memory(
            source_language=version.article.original_language, target_language=version.language,
            source_key=memory_key(original), source=original, target=translated, version=version,
        )
        for original, translated in zip(source, target, strict=False)
    ]
    Memory.objects.filter(version=version).delete()
    Memory.objects.bulk_create(rows)


def memory_key(paragraph: str) -> str:
    return hashlib.sha256(normalise(paragraph).encode()).hexdigest()


@transaction.atomic
def approve_translation(*, by: User, version: Version) -> Version:
    """A reviewer of the language publishes the translation; readers see it from now on."""
    version = _locked_version(version)
    if not _reviews(by, version.language):
        raise PermissionDenied(_("Only reviewers of this language approve translations."))
    if version.status != Version.Status.SUBMITTED:
        raise DomainError(_("Only a submitted translation can be approved."))
    if version.translator_id == by.pk:
        raise DomainError(_("Another reviewer must approve your own translation."))
    version.status = Version.Status.PUBLISHED
    version.reviewer = by
    version.published_at = timezone.now()
    version.save(update_fields=["status", "reviewer", "published_at", "updated_at"])
    if version.origin == Version.Origin.HUMAN:
        _remember(version)
    _tell_translator(version, "newsroom/email/translation_approved")
    log.info("translation approved version=%s by=%s", version.pk, by.pk)
    return version


@transaction.atomic
def return_translation(*, by: User, version: Version, comment: str) -> Version:
    """A reviewer sends the translation back to its translator with a comment."""
    version = _locked_version(version)
    if not _reviews(by, version.language):
        raise PermissionDenied(_("Only reviewers of this language approve translations."))
    comment = comment.strip()
    if not comment:
        raise DomainError(_("Say what should change: the translator will read it."), field="comment")
    if version.status != Version.Status.SUBMITTED:
        raise DomainError(_("Only a submitted translation can be returned."))
    version.status = Version.Status.IN_PROGRESS
    version.review_comment = comment
    version.reviewer = by
    version.save(update_fields=["status", "review_comment", "reviewer", "updated_at"])
    _tell_translator(version, "newsroom/email/translation_returned", comment=comment)
    return version


def _tell_translator(version: Version, template: str, **context) -> None:
    if version.translator_id is None:
        return
    translator = version.translator
    email_later(
        to=[translator.email], template=template, context={"title": version.title or version.article.title, **context},
        language=translator.language, link={"name": "newsroom:translation", "kwargs": {"version_id": version.pk}},
    )


# --- The international wire ------------------------------------------------------------------


def fetch_source(source: FeedSource) -> int:
    """Fetch one source (conditional GET) and keep its new items; returns how many.

    Any failure (network, HTTP, size, time, XML) is written on the source and returned
    as 0: it never stops the other sources nor the worker.
    """
    now = timezone.now()
    try:
        fetched = fetch.fetch(source.url, etag=source.etag, last_modified=source.last_modified)
        entries = [] if fetched.status == 304 else wire.parse(fetched.body)
    except (fetch.FetchError, wire.FeedError) as exc:
        FeedSource.objects.filter(pk=source.pk).update(
            last_fetched_at=now, last_error=str(exc)[:1000], failures=F("failures") + 1
        )
        log.warning("wire source failed source=%s: %s", source.pk, exc)
        return 0
    new = _keep_entries(source, entries, now=now)
    FeedSource.objects.filter(pk=source.pk).update(
        last_fetched_at=now, last_error="", failures=0,
        etag=fetched.etag[:300] if fetched.status == 200 else source.etag,
        last_modified=fetched.last_modified[:100] if fetched.status == 200 else source.last_modified,
    )
    return new


def _keep_entries(source: FeedSource, entries: list[wire.Entry], *, now) -> int:
    """Store the entries not seen before (by GUID, else link); returns how many."""
    known = set(WireItem.objects.filter(source=source, key__in=[e.key for e in entries]).values_list("key", flat=True))
    new = []
    for entry in entries:
        if entry.key in known:
            continue
        known.add(entry.key)
        new.append(WireItem(
            source=source, key=entry.key, guid=entry.guid, url=entry.url, title=entry.title,
            summary=entry.summary, published_at=entry.published_at or now,
            search_text=normalise(f"{entry.title} {entry.summary}"),
        ))
    WireItem.objects.bulk_create(new, ignore_conflicts=True)  # a twin fetch may have stored some
    return len(new)


def ingest_feed(source: FeedSource, body: bytes) -> int:
    """Keep the items of a feed document obtained otherwise (the demo's shipped files)."""
    return _keep_entries(source, wire.parse(body), now=timezone.now())


def fetch_wire() -> dict[str, int]:
    """Fetch every active source, one after the other."""
    counts = {"sources": 0, "new_items": 0}
    for source in FeedSource.objects.filter(active=True):
        counts["sources"] += 1
        counts["new_items"] += fetch_source(source)
    return counts


@transaction.atomic
def share_wire_item(*, by: User, item: WireItem, organisation: Organisation) -> Article:
    """An editor shares a wire item to the newsroom: a draft for their organisation, with
    the source named and linked."""
    if not by.has_perm("newsroom.write_for", organisation):
        raise PermissionDenied(_("Only editors of a member organisation write for it."))
    item = WireItem.objects.select_for_update().select_related("source").get(pk=item.pk)
    body = item.summary or item.title
    draft = ArticleDraft(title=item.title, body=body, kind=Article.Kind.NEWS, original_language=item.source.language,
                         summary=item.summary[:400])
    article = write_article(by=by, organisation=organisation, draft=draft)
    article.source_name = item.source.name[:200]
    article.source_url = item.url
    article.save(update_fields=["source_name", "source_url", "updated_at"])
    if item.shared_as_id is None:
        item.shared_as = article
        item.save(update_fields=["shared_as"])
    return article


# --- The weekly digest -------------------------------------------------------------------------

DIGEST_DAYS = 7
UNSUBSCRIBE_SALT = "tadamun.newsroom.digest.unsubscribe"
UNSUBSCRIBE_MAX_AGE = 60 * 60 * 24 * 60  # an unsubscribe link works for 60 days


@transaction.atomic
def subscribe_digest(*, by: User, pathways: list[Pathway], languages: list[str], active: bool = True) -> DigestSubscription:
    """A member chooses what their weekly digest holds (or turns it off)."""
    if not by.is_authenticated:
        raise PermissionDenied(_("Sign in to receive the digest."))
    codes = dict(settings.LANGUAGES)
    subscription, _created = DigestSubscription.objects.update_or_create(
        person=by, defaults={"languages": [code for code in languages if code in codes], "active": active}
    )
    subscription.pathways.set(pathways)
    return subscription


def unsubscribe_token(subscription: DigestSubscription) -> str:
    """A single-purpose, expiring token: it can only stop this digest (it logs nobody in)."""
    return signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).sign(str(subscription.pk))


def unsubscribe(token: str) -> DigestSubscription:
    try:
        pk = signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).unsign(token, max_age=UNSUBSCRIBE_MAX_AGE)
    except signing.BadSignature as exc:
        raise DomainError(_("This unsubscribe link is not valid any more. Change your digest on your account.")) from exc
    subscription = DigestSubscription.objects.filter(pk=pk).first()
    if subscription is None:
        raise DomainError(_("This unsubscribe link is not valid any more. Change your digest on your account."))
    if subscription.active:
        subscription.active = False
        subscription.save(update_fields=["active"])
        log.info("digest unsubscribed subscription=%s", subscription.pk)
    return subscription


def send_digests() -> int:
    """One email per subscribed person, in their language, with what is new for them this
    week; nobody gets an empty digest. Returns the number of emails queued."""
    from .queries import digest_for

    now = timezone.now()
    since = now - timedelta(days=DIGEST_DAYS)
    sent = 0
    subscriptions = DigestSubscription.objects.filter(active=True, person__is_active=True).select_related("person")
    for subscription in subscriptions.prefetch_related("pathways"):
        person = subscription.person
        with translation.override(person.language):
            articles, items = digest_for(subscription, since=since)
            if not articles and not items:
                continue
            context = {
                "articles": [{"title": a.title, "organisation": a.organisation.display_name,
                              "url": settings.SITE_URL + a.get_absolute_url()} for a in articles],
                "wire": [{"title": i.title, "source": i.source.name, "url": i.url} for i in items],
            }
        send_templated_email.enqueue(
            to=[person.email], template="newsroom/email/digest", context=context, language=person.language,
            link={"name": "newsroom:unsubscribe", "kwargs": {"token": unsubscribe_token(subscription)}},
        )
        DigestSubscription.objects.filter(pk=subscription.pk).update(last_sent_at=now)
        sent += 1
    return sent
