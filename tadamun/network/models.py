"""The network: organisations, the people in them, governorates and activity centres."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

CONTENT_LANGUAGES = [code for code, _name in settings.LANGUAGES]


def in_language(texts: dict[str, str], fallback: str, language: str | None = None) -> str:
    """The text in the reader's language when there is one, else `fallback` (the original)."""
    language = language or get_language() or ""
    return (texts or {}).get(language) or fallback


class Governorate(models.Model):
    """One of Iraq's 18 governorates (ISO 3166-2:IQ). Reference data, loaded by migration."""

    iso_code = models.CharField(_("ISO 3166-2 code"), max_length=5, unique=True)
    slug = models.SlugField(unique=True)
    names = models.JSONField(_("names"), default=dict)  # {"en": ..., "ar": ..., "ckb": ..., "kmr": ..., "it": ...}
    capital = models.JSONField(_("capital"), default=dict)
    kurdistan_region = models.BooleanField(_("Kurdistan Region"), default=False)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("governorate")
        verbose_name_plural = _("governorates")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self.names, self.names.get("en", self.iso_code))


class WorkingLanguage(models.Model):
    """A language an organisation works in (the five of the platform and others)."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    position = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("working language")
        verbose_name_plural = _("working languages")

    def __str__(self) -> str:
        return str(self.name)

    @property
    def name(self):
        from .reference import WORKING_LANGUAGE_NAMES

        return WORKING_LANGUAGE_NAMES.get(self.code, self.code)


class Organisation(models.Model):
    """A member of the network: Iraqi or international, formal or informal."""

    class Kind(models.TextChoices):
        NGO = "ngo", _("NGO")
        TRADE_UNION = "trade_union", _("Trade union")
        PROFESSIONAL_ASSOCIATION = "professional_association", _("Professional association")
        GRASSROOTS_GROUP = "grassroots_group", _("Informal grassroots group")
        SOCIAL_MOVEMENT = "social_movement", _("Social movement")
        INDEPENDENT_MEDIA = "independent_media", _("Independent media")
        SOCIAL_ECONOMY = "social_economy", _("Social and solidarity economy enterprise")
        INTERNATIONAL = "international", _("International civil-society organisation or network")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Member of the network")
        REJECTED = "rejected", _("Not accepted")

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200, help_text=_("The name in the organisation's own language."))
    name_key = models.CharField(max_length=200, unique=True, editable=False)
    names = models.JSONField(_("names in other languages"), default=dict, blank=True)
    original_language = models.CharField(_("original language"), max_length=8, choices=settings.LANGUAGES, default="ar")
    description = models.TextField(_("description"), blank=True)
    descriptions = models.JSONField(_("descriptions in other languages"), default=dict, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, db_index=True)
    country = CountryField(_("country"), default="IQ", db_index=True)
    governorates = models.ManyToManyField(Governorate, blank=True, related_name="organisations", verbose_name=_("governorates of activity"))
    pathways = models.ManyToManyField("pathways.Pathway", blank=True, related_name="organisations", verbose_name=_("pathways"))
    languages = models.ManyToManyField(WorkingLanguage, blank=True, related_name="organisations", verbose_name=_("languages"))
    year_founded = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    search_text = models.TextField(editable=False, blank=True)  # normalised names and descriptions

    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    is_trusted = models.BooleanField(_("trusted publisher"), default=False)
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("applicant"))
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name_key"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [
            models.Index(fields=["status", "name_key"]),
            models.Index(fields=["status", "reviewed_at"]),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:organisation", kwargs={"slug": self.slug})

    @property
    def is_iraqi(self) -> bool:
        return self.country == "IQ"

    @property
    def display_name(self) -> str:
        return in_language(self.names, self.name)

    @property
    def display_description(self) -> str:
        return in_language(self.descriptions, self.description)


class Membership(models.Model):
    """A person in an organisation, with a role."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        EDITOR = "editor", _("Editor")
        MEMBER = "member", _("Member")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["organisation", "person"], name="one_membership_per_person")]

    def __str__(self) -> str:
        return f"{self.person} · {self.organisation} ({self.get_role_display()})"


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Network members only")
    COORDINATORS = "coordinators", _("Coordinators only")


class ContactDetail(models.Model):
    """One way to reach an organisation, shown only to those its visibility allows."""

    class Kind(models.TextChoices):
        EMAIL = "email", _("Email")
        PHONE = "phone", _("Phone")
        ADDRESS = "address", _("Address")
        SIGNAL = "signal", _("Signal")
        SOCIAL = "social", _("Social media")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    value = models.CharField(_("value"), max_length=300)
    visibility = models.CharField(_("visible to"), max_length=16, choices=Visibility.choices, default=Visibility.MEMBERS)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("contact detail")
        verbose_name_plural = _("contact details")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_visibility_display()})"


class ActivityCentre(models.Model):
    """A hub of the network in a governorate."""

    name = models.CharField(_("name"), max_length=200)
    names = models.JSONField(_("names in other languages"), default=dict, blank=True)
    governorate = models.ForeignKey(Governorate, on_delete=models.PROTECT, related_name="activity_centres", verbose_name=_("governorate"))
    city = models.CharField(_("city"), max_length=120, blank=True)
    host = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="activity_centres", verbose_name=_("host organisation"))
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["governorate__slug", "name"]
        verbose_name = _("activity centre")
        verbose_name_plural = _("activity centres")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return in_language(self.names, self.name)


class Invitation(models.Model):
    """An invitation to join an organisation, sent by email with a single-purpose token.

    Only the token's SHA-256 is stored; it expires, and works once.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=16, choices=Membership.Role.choices, default=Membership.Role.MEMBER)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"
