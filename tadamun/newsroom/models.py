"""The newsroom: articles written by member organisations, their files and their review."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _


class Article(models.Model):
    """News, a report, a statement, an interview or a story of a member organisation."""

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        REPORT = "report", _("Report")
        STATEMENT = "statement", _("Statement")
        INTERVIEW = "interview", _("Interview")
        STORY = "story", _("Story")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for review")
        PUBLISHED = "published", _("Published")

    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.CASCADE, related_name="articles", verbose_name=_("organisation")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="articles", verbose_name=_("author")
    )
    slug = models.SlugField(_("address"), max_length=90, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.NEWS, db_index=True)
    original_language = models.CharField(_("original language"), max_length=8, choices=settings.LANGUAGES, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    body = models.TextField(_("text"), help_text=_("Markdown: **bold**, *italic*, lists, links, headings."))
    body_html = models.TextField(editable=False, blank=True)  # rendered from Markdown and sanitised
    pathways = models.ManyToManyField("pathways.Pathway", blank=True, related_name="articles", verbose_name=_("pathways"))
    governorates = models.ManyToManyField(
        "network.Governorate", blank=True, related_name="articles", verbose_name=_("governorates")
    )
    cover = models.ImageField(_("cover image"), upload_to="covers/", blank=True)
    cover_alt = models.CharField(_("description of the cover image"), max_length=200, blank=True)
    source_name = models.CharField(_("shared from"), max_length=200, blank=True)
    source_url = models.URLField(_("address of the source"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True)
    review_comment = models.TextField(_("comment of the review"), blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"]),
            models.Index(fields=["organisation", "status", "-published_at", "-id"]),
            models.Index(fields=["status", "original_language"]),
        ]  # and, on PostgreSQL only, a covering index: migration 0010

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("newsroom:article", kwargs={"slug": self.slug})

    @property
    def body_markup(self) -> SafeString:
        # body_html was rendered from Markdown and sanitised by nh3 when saved (services).
        return mark_safe(self.body_html)  # noqa: S308


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"attachments/{instance.article_id}/{filename}"


class Attachment(models.Model):
    """A PDF that goes with an article (a report's full text, say). Served as a download."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_path)
    size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title


class Translator(models.Model):
    """A volunteer who translates from one language into another; coordinators make some
    of them reviewers of the target language."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="translator_pairs")
    source_language = models.CharField(_("from"), max_length=8, choices=settings.LANGUAGES)
    target_language = models.CharField(_("into"), max_length=8, choices=settings.LANGUAGES)
    reviews = models.BooleanField(_("reviews translations into this language"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("translator")
        verbose_name_plural = _("translators")
        constraints = [
            models.UniqueConstraint(fields=["person", "source_language", "target_language"], name="one_pair_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.source_language}→{self.target_language}"


class Version(models.Model):
    """An article in another language: requested, translated, reviewed, then shown to readers."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for a translator")
        IN_PROGRESS = "in_progress", _("Being translated")
        SUBMITTED = "submitted", _("Waiting for review")
        PUBLISHED = "published", _("Published")

    class Origin(models.TextChoices):
        HUMAN = "human", _("Translated by a volunteer")
        MACHINE = "machine", _("Machine draft")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.REQUESTED, db_index=True)
    origin = models.CharField(_("origin"), max_length=8, choices=Origin.choices, default=Origin.HUMAN)
    title = models.CharField(_("title"), max_length=200, blank=True)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    body = models.TextField(_("text"), blank=True)
    body_html = models.TextField(editable=False, blank=True)
    # The translator's text paragraph by paragraph, in the original's order (empty ones
    # kept), so a draft comes back to the same fields.
    paragraphs = models.JSONField(default=list, blank=True, editable=False)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    translator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="translations")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    review_comment = models.TextField(_("comment of the review"), blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [models.UniqueConstraint(fields=["article", "language"], name="one_version_per_language")]
        indexes = [models.Index(fields=["status", "language"])]

    def __str__(self) -> str:
        return f"{self.article} [{self.language}]"

    @property
    def body_markup(self) -> SafeString:
        # Rendered from Markdown and sanitised by nh3 when saved (services).
        return mark_safe(self.body_html)  # noqa: S308

    @property
    def reader_label(self):
        """What the reader is told about this version."""
        if self.origin == self.Origin.MACHINE:
            return _("Machine translation, checked by a reviewer")
        return _("Translated by a volunteer, reviewed")


class Memory(models.Model):
    """Translation memory: a paragraph and its reviewed human translation."""

    source_language = models.CharField(max_length=8)
    target_language = models.CharField(max_length=8)
    source_key = models.CharField(max_length=64)  # SHA-256 of the normalised paragraph
    source = models.TextField()
    target = models.TextField()
    version = models.ForeignKey(Version, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("translation memory")
        verbose_name_plural = _("translation memory")
        indexes = [models.Index(fields=["source_language", "target_language", "source_key"])]

    def __str__(self) -> str:
        return f"{self.source_language}→{self.target_language}: {self.source[:40]}"


class FeedSource(models.Model):
    """A feed (RSS or Atom) of an international organisation working on Iraq, registered by
    coordinators; the wire fetches it periodically."""

    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("feed address"), max_length=500, unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    organisation = models.ForeignKey(
        "network.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="feed_sources",
        verbose_name=_("organisation"),
    )
    active = models.BooleanField(_("active"), default=True)
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    failures = models.PositiveIntegerField(_("failures in a row"), default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("wire source")
        verbose_name_plural = _("wire sources")

    def __str__(self) -> str:
        return self.name


class WireItem(models.Model):
    """An item of a source's feed, kept once (by its GUID, or its link)."""

    source = models.ForeignKey(FeedSource, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(max_length=64)  # SHA-256 of the GUID (or link): the dedupe key
    guid = models.CharField(max_length=500, blank=True)
    url = models.URLField(_("link"), max_length=1000, blank=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)  # plain text
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    fetched_at = models.DateTimeField(auto_now_add=True)
    shared_as = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("wire item")
        verbose_name_plural = _("wire items")
        constraints = [models.UniqueConstraint(fields=["source", "key"], name="one_wire_item_per_key")]
        indexes = [models.Index(fields=["-published_at"])]

    def __str__(self) -> str:
        return self.title


class DigestSubscription(models.Model):
    """A member's weekly digest: new articles and wire items on chosen pathways, in chosen
    languages."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest")
    pathways = models.ManyToManyField("pathways.Pathway", blank=True, verbose_name=_("pathways"))
    languages = models.JSONField(_("languages"), default=list, blank=True)
    active = models.BooleanField(_("receive the weekly digest"), default=True)
    last_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("digest subscription")
        verbose_name_plural = _("digest subscriptions")

    def __str__(self) -> str:
        return str(self.person)
