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
            models.Index(fields=["status", "-published_at"]),
            models.Index(fields=["organisation", "status", "-published_at"]),
        ]

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
