"""Campaigns and advocacy: campaigns led by Iraqi organisations, their actions (petitions and
letters to authorities), signatures, endorsements, milestones, indicators of impact and
solidarity messages."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Campaign(models.Model):
    """A campaign led by an Iraqi member organisation; others endorse it."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for approval")
        ACTIVE = "active", _("Active")
        WON = "won", _("Won")
        ENDED = "ended", _("Ended")
        REJECTED = "rejected", _("Not approved")

    PUBLIC = (Status.ACTIVE, Status.WON, Status.ENDED)

    slug = models.SlugField(_("address"), max_length=90, unique=True)
    lead = models.ForeignKey(
        "network.Organisation", on_delete=models.CASCADE, related_name="campaigns", verbose_name=_("lead organisation")
    )
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    original_language = models.CharField(_("original language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    story = models.TextField(_("story"))
    story_html = models.TextField(editable=False, blank=True)
    # {"en": {"title": ..., "summary": ..., "story": ..., "story_html": ...}, ...}
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    demands = models.TextField(_("demands"), blank=True, help_text=_("One demand per line."))
    strategy = models.TextField(_("strategy"), blank=True)
    strategy_html = models.TextField(editable=False, blank=True)
    pathways = models.ManyToManyField("pathways.Pathway", blank=True, related_name="campaigns", verbose_name=_("pathways"))
    governorates = models.ManyToManyField(
        "network.Governorate", blank=True, related_name="campaigns", verbose_name=_("governorates")
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED, db_index=True)
    rejection_reason = models.TextField(_("reason"), blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(_("approved"), null=True, blank=True)
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"]),
            models.Index(fields=["lead", "status"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("campaigns:campaign", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC

    def _text(self, name: str) -> str:
        translated = (self.translations or {}).get(get_language() or "", {})
        return translated.get(name) or getattr(self, name)

    @property
    def display_title(self) -> str:
        return self._text("title")

    @property
    def display_summary(self) -> str:
        return self._text("summary")

    @property
    def display_language(self) -> str:
        """The language the reader is shown: theirs when translated, else the original."""
        language = get_language() or ""
        return language if (self.translations or {}).get(language, {}).get("title") else self.original_language

    @property
    def story_markup(self) -> SafeString:
        # Rendered from Markdown and sanitised by nh3 when saved (services).
        return mark_safe(self._text("story_html"))  # noqa: S308

    @property
    def strategy_markup(self) -> SafeString:
        return mark_safe(self.strategy_html)  # noqa: S308

    @property
    def demand_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.demands.splitlines() if line.strip(" -•\t")]


class Authority(models.Model):
    """A body the campaign addresses, in the hope of a constructive dialogue."""

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        PARLIAMENT_COMMITTEE = "parliament_committee", _("Parliament committee")
        KURDISTAN_REGION = "kurdistan_region", _("Kurdistan Region institution")
        GOVERNORATE_COUNCIL = "governorate_council", _("Governorate council")
        INTERNATIONAL_BODY = "international_body", _("International body")
        OTHER = "other", _("Other authority")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="authorities")
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    governorate = models.ForeignKey(
        "network.Governorate", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("governorate")
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("authority")
        verbose_name_plural = _("authorities")

    def __str__(self) -> str:
        return self.name


class Milestone(models.Model):
    """A step on the campaign's timeline: planned, then reached (or not)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("planned for"))
    reached_on = models.DateField(_("reached on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    """What the campaign measures to analyse its impact: from a baseline towards a target."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    baseline_on = models.DateField(_("baseline measured on"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name


class Measurement(models.Model):
    """A dated value of an indicator, with what it means."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["measured_on", "pk"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.measured_on})"


class Update(models.Model):
    """News of the campaign, posted by its lead organisation: the feed on its page."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    body_html = models.TextField(editable=False, blank=True)
    published_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("campaign update")
        verbose_name_plural = _("campaign updates")

    def __str__(self) -> str:
        return self.title

    @property
    def body_markup(self) -> SafeString:
        return mark_safe(self.body_html)  # noqa: S308


class Endorsement(models.Model):
    """Another organisation stands behind the campaign (requested by its admin, accepted by the lead)."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for the lead organisation")
        ACCEPTED = "accepted", _("Endorses the campaign")
        DECLINED = "declined", _("Declined")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="endorsements")
    organisation = models.ForeignKey("network.Organisation", on_delete=models.CASCADE, related_name="endorsements")
    statement = models.CharField(_("why we endorse it"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.REQUESTED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        constraints = [models.UniqueConstraint(fields=["campaign", "organisation"], name="one_endorsement_per_organisation")]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.campaign}"


class Action(models.Model):
    """Something supporters do for the campaign: sign a petition, or send a letter to an authority."""

    class Kind(models.TextChoices):
        PETITION = "petition", _("Petition")
        LETTER = "letter", _("Letter to an authority")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        DELIVERED = "delivered", _("Delivered")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    authority = models.ForeignKey(Authority, on_delete=models.RESTRICT, related_name="actions", verbose_name=_("addressed to"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), help_text=_("The petition, or the letter supporters may personalise."))
    goal = models.PositiveIntegerField(_("goal"), default=1000)
    closes_at = models.DateTimeField(_("closes"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    # Confirmed signatures: changed only by the services, in the transaction that confirms or
    # withdraws a signature, so a page reads it without counting (O(1)).
    signature_count = models.PositiveIntegerField(default=0, editable=False)
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    delivered_to = models.CharField(_("delivered to"), max_length=300, blank=True)
    response = models.TextField(_("the authority's response"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("campaigns:action", kwargs={"slug": self.campaign.slug, "action_id": self.pk})

    @property
    def percent(self) -> int:
        if not self.goal or not self.signature_count:
            return 0
        return max(1, min(100, round(100 * self.signature_count / self.goal)))  # the first signature shows


class Signature(models.Model):
    """A supporter's name on a petition or letter: counts once its email is confirmed.

    The address is kept to confirm, to send news (only with consent) and to let the signer
    withdraw; `email_key` (a keyed hash of the normalised address) makes a second signature
    with the same address impossible, and survives withdrawal so the signer can sign again.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="signatures")
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email address"), blank=True)
    email_key = models.CharField(max_length=64, editable=False)
    country = CountryField(_("country"))
    governorate = models.ForeignKey(
        "network.Governorate", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("governorate")
    )
    show_name = models.BooleanField(_("show my name publicly"), default=False)
    keep_informed = models.BooleanField(_("keep me informed about this campaign"), default=False)
    letter = models.TextField(_("your letter"), blank=True)  # a personalised letter; empty: the template
    language = models.CharField(max_length=8, default="en")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    nonce = models.CharField(max_length=16, editable=False)  # changes at each request: older links stop working
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-confirmed_at", "-pk"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [models.UniqueConstraint(fields=["action", "email_key"], name="one_signature_per_address")]
        indexes = [
            models.Index(fields=["action", "status", "show_name", "-confirmed_at"]),
            models.Index(fields=["status", "created_at"]),
            # The latest public signers of an action (queries.public_signers), newest first. SQLite
            # cannot use the index above past `status` (Django writes `show_name = True` as a bare
            # "show_name"), so it sorted every confirmed row of the action: 370 ms a page view on
            # a petition with 550,000 signatures (make bench). This one answers in under 1 ms.
            models.Index(
                fields=["action", "-confirmed_at"],
                condition=models.Q(status="confirmed", show_name=True),
                name="campaigns_public_signers",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"


class Tally(models.Model):
    """Confirmed signatures of an action per day (net of withdrawals): the momentum chart,
    kept in the same transaction as the counter, so no page counts signatures."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="tallies")
    day = models.DateField()
    count = models.IntegerField(default=0)

    class Meta:
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["action", "day"], name="one_tally_per_day")]

    def __str__(self) -> str:
        return f"{self.action_id} {self.day}: {self.count}"


class Export(models.Model):
    """Who took the signatures of an action out of the platform, when, and in what form."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        PDF = "pdf", "PDF"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="exports")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    format = models.CharField(max_length=4, choices=Format.choices)
    rows = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self) -> str:
        return f"{self.action} {self.format} {self.created_at:%Y-%m-%d %H:%M}"


class Message(models.Model):
    """A short message of solidarity to an Iraqi campaign, published once its lead accepts it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Not published")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    organisation = models.ForeignKey(
        "network.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("on behalf of")
    )
    name = models.CharField(_("name"), max_length=120)
    country = CountryField(_("country"))
    language = models.CharField(_("language"), max_length=8)
    text = models.TextField(_("message"), max_length=600)
    translations = models.JSONField(default=dict, blank=True)  # {"ar": "...", ...}
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("solidarity message")
        verbose_name_plural = _("solidarity messages")
        indexes = [models.Index(fields=["campaign", "status", "-published_at"])]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def translation(self) -> str:
        """The message in the reader's language, when someone translated it."""
        language = get_language() or ""
        return "" if language == self.language else (self.translations or {}).get(language, "")
