"""Solidarity: opportunities (joint projects, capacity building, internships, cultural exchanges,
volunteer calls) and applications to them; needs and offers tagged with a shared vocabulary of
skills and resources; suggested counterparts; introductions accepted by both sides; and the
security level of each governorate for anything that takes people to Iraq."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from tadamun.network.models import in_language


class Skill(models.Model):
    """A skill or resource of the shared vocabulary, named in every language by coordinators."""

    slug = models.SlugField(_("address"), max_length=60, unique=True)
    names = models.JSONField(_("names"), default=dict)  # {"en": ..., "ar": ..., "ckb": ..., "kmr": ..., "it": ...}
    position = models.PositiveSmallIntegerField(_("position"), default=100)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("skill or resource")
        verbose_name_plural = _("skills and resources")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self.names, self.names.get("en", self.slug))


class SecurityLevel(models.TextChoices):
    OPEN = "open", _("Open")
    RESTRICTED = "restricted", _("Restricted")
    SUSPENDED = "suspended", _("Suspended")

    @classmethod
    def strictest(cls, levels) -> str:
        """The strictest of `levels` (open when there is none)."""
        order = [cls.OPEN, cls.RESTRICTED, cls.SUSPENDED]
        return max(levels, key=order.index, default=cls.OPEN)


class SecurityNote(models.Model):
    """The coordinators' word on travelling to a governorate. A governorate without a note is open."""

    governorate = models.OneToOneField(
        "network.Governorate", on_delete=models.CASCADE, related_name="security_note", verbose_name=_("governorate")
    )
    level = models.CharField(_("level"), max_length=16, choices=SecurityLevel.choices, default=SecurityLevel.OPEN)
    note = models.TextField(_("note"), blank=True)
    notes = models.JSONField(_("note in other languages"), default=dict, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["governorate__slug"]
        verbose_name = _("security note")
        verbose_name_plural = _("security notes")

    def __str__(self) -> str:
        return f"{self.governorate} · {self.get_level_display()}"

    @property
    def display_note(self) -> str:
        return in_language(self.notes, self.note)


class Opportunity(models.Model):
    """An opportunity a member organisation publishes, to which people and organisations apply."""

    class Kind(models.TextChoices):
        JOINT_PROJECT = "joint_project", _("Joint project")
        CAPACITY_BUILDING = "capacity_building", _("Capacity building (training, mentoring)")
        INTERNSHIP = "internship", _("Internship")
        CULTURAL_EXCHANGE = "cultural_exchange", _("Cultural exchange")
        VOLUNTEER_CALL = "volunteer_call", _("Call for volunteers")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    slug = models.SlugField(_("address"), max_length=90, unique=True)
    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.CASCADE, related_name="opportunities", verbose_name=_("organisation")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, db_index=True)
    original_language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    description_html = models.TextField(editable=False, blank=True)
    how_to_apply = models.TextField(_("how to apply"), blank=True)
    languages = models.ManyToManyField(
        "network.WorkingLanguage", blank=True, related_name="opportunities", verbose_name=_("languages")
    )
    pathways = models.ManyToManyField("pathways.Pathway", blank=True, related_name="opportunities", verbose_name=_("pathways"))
    governorates = models.ManyToManyField(
        "network.Governorate", blank=True, related_name="opportunities", verbose_name=_("governorates")
    )
    remote = models.BooleanField(_("remote"), default=False)
    location = models.CharField(_("place outside Iraq"), max_length=120, blank=True, help_text=_("For example: Bologna, Italy."))
    travel_to_iraq = models.BooleanField(
        _("takes people to Iraq"), default=False,
        help_text=_("Participants travel to the governorates listed; their security level applies."),
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    apply_by = models.DateField(_("apply by"), null=True, blank=True)
    places = models.PositiveIntegerField(_("places"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True)
    search_text = models.TextField(editable=False, blank=True)
    application_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        indexes = [
            models.Index(fields=["status", "-created_at", "-id"]),
            models.Index(fields=["organisation", "status"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("solidarity:opportunity", kwargs={"slug": self.slug})

    @property
    def is_open(self) -> bool:
        """Taking applications: open, and its date to apply by has not passed."""
        return self.status == self.Status.OPEN and (self.apply_by is None or self.apply_by >= timezone.localdate())

    @property
    def description_markup(self) -> SafeString:
        # Rendered from Markdown and sanitised by nh3 when saved (services).
        return mark_safe(self.description_html)  # noqa: S308


class Application(models.Model):
    """A person's interest in, or application to, an opportunity (for themselves or their organisation)."""

    class Kind(models.TextChoices):
        INTEREST = "interest", _("Expression of interest")
        APPLICATION = "application", _("Application")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Received")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    ACTIVE = (Status.SUBMITTED, Status.SHORTLISTED, Status.ACCEPTED)

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="applications")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications")
    organisation = models.ForeignKey(
        "network.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="applications",
        verbose_name=_("on behalf of"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.APPLICATION)
    message = models.TextField(_("message"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED, db_index=True)
    answer = models.TextField(_("message to the applicant"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [models.UniqueConstraint(fields=["opportunity", "person"], name="one_application_per_person")]
        indexes = [models.Index(fields=["opportunity", "status"])]

    def __str__(self) -> str:
        return f"{self.person} → {self.opportunity}"


class Contribution(models.Model):
    """What an organisation needs or offers: skills of the shared vocabulary plus free text."""

    organisation = models.ForeignKey("network.Organisation", on_delete=models.CASCADE, verbose_name=_("organisation"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    original_language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    skills = models.ManyToManyField(Skill, blank=True, related_name="+", verbose_name=_("skills and resources"))
    pathways = models.ManyToManyField("pathways.Pathway", blank=True, related_name="+", verbose_name=_("pathways"))
    governorates = models.ManyToManyField("network.Governorate", blank=True, related_name="+", verbose_name=_("governorates"))
    is_active = models.BooleanField(_("current"), default=True, db_index=True)
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class Need(Contribution):
    SIDE = "need"

    class Meta(Contribution.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        default_related_name = "needs"
        indexes = [models.Index(fields=["is_active", "-created_at"])]

    def get_absolute_url(self) -> str:
        return reverse("solidarity:need", kwargs={"pk": self.pk})


class Offer(Contribution):
    SIDE = "offer"

    class Meta(Contribution.Meta):
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        default_related_name = "offers"
        indexes = [models.Index(fields=["is_active", "-created_at"])]

    def get_absolute_url(self) -> str:
        return reverse("solidarity:offer", kwargs={"pk": self.pk})


class Profile(models.Model):
    """What matching knows of an organisation, kept up to date by the task worker.

    `features` holds ids and normalised words: {"p": pathways, "l": languages, "g": governorates,
    "n": skills needed, "o": skills offered, "t": words of its descriptions, needs and offers}.
    """

    organisation = models.OneToOneField("network.Organisation", on_delete=models.CASCADE, related_name="solidarity_profile")
    iraqi = models.BooleanField(default=True)
    kurdistan = models.BooleanField(default=False)  # works in the Kurdistan Region
    features = models.JSONField(default=dict)
    threshold = models.FloatField(default=0.0)  # the lowest score in its list of suggestions when full
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("matching profile")
        verbose_name_plural = _("matching profiles")

    def __str__(self) -> str:
        return str(self.organisation_id)


class Suggestion(models.Model):
    """A counterpart suggested to an organisation, with the reasons in a form any language can word."""

    organisation = models.ForeignKey("network.Organisation", on_delete=models.CASCADE, related_name="suggestions")
    counterpart = models.ForeignKey("network.Organisation", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    # {"needs": [skill ids they offer that we need], "offers": [...we offer, they need], "pathways": [...],
    #  "languages": [codes], "governorates": [ids], "text": 0.0-1.0, "geography": "international"|"regions"|""}
    reasons = models.JSONField(default=dict)
    dismissed_at = models.DateTimeField(null=True, blank=True)
    computed_at = models.DateTimeField(auto_now=True)
    # Each pair once on the coordinators' list: from its Iraqi side (the lower id when both are).
    listed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-score", "counterpart_id"]
        verbose_name = _("suggested counterpart")
        verbose_name_plural = _("suggested counterparts")
        constraints = [models.UniqueConstraint(fields=["organisation", "counterpart"], name="one_suggestion_per_pair")]
        indexes = [models.Index(fields=["organisation", "-score"]), models.Index(fields=["listed", "-score"])]

    def __str__(self) -> str:
        return f"{self.organisation_id} → {self.counterpart_id} ({self.score:.2f})"


class Introduction(models.Model):
    """A request to introduce two organisations; contacts are shared only when both have accepted.

    An organisation asks (and so has accepted), or a coordinator proposes (and both must accept).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted by both")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    LIVE = (Status.PENDING, Status.ACCEPTED)

    requester = models.ForeignKey("network.Organisation", on_delete=models.CASCADE, related_name="introductions_asked")
    counterpart = models.ForeignKey("network.Organisation", on_delete=models.CASCADE, related_name="introductions_received")
    pair = models.CharField(max_length=40, editable=False)  # "<smaller id>-<larger id>"
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    proposed_by_coordinator = models.BooleanField(default=False)
    message = models.TextField(_("message"), blank=True)
    pathways = models.ManyToManyField("pathways.Pathway", blank=True, related_name="+", verbose_name=_("pathways"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    # Each side's contact person, given when it accepts: {"name": ..., "email": ..., "phone": ...}.
    requester_contact = models.JSONField(default=dict, blank=True)
    counterpart_contact = models.JSONField(default=dict, blank=True)
    requester_accepted_at = models.DateTimeField(null=True, blank=True)
    counterpart_accepted_at = models.DateTimeField(null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        constraints = [
            models.UniqueConstraint(fields=["pair"], condition=Q(status__in=["pending", "accepted"]), name="one_live_introduction_per_pair"),
            models.CheckConstraint(condition=~Q(requester=models.F("counterpart")), name="introduction_between_two"),
        ]
        indexes = [models.Index(fields=["status", "-accepted_at"])]

    def __str__(self) -> str:
        return f"{self.requester_id} ↔ {self.counterpart_id} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("solidarity:introduction", kwargs={"pk": self.pk})

    @property
    def is_accepted(self) -> bool:
        return self.status == self.Status.ACCEPTED

    def side_of(self, organisation_id: int) -> str | None:
        if organisation_id == self.requester_id:
            return "requester"
        if organisation_id == self.counterpart_id:
            return "counterpart"
        return None

    def other(self, organisation_id: int):
        return self.counterpart if organisation_id == self.requester_id else self.requester
