"""Participatory democracy: consultations that map opinions and surface consensus (in the
manner of Pol.is). People write short statements and vote agree, disagree or pass on each
other's; the task worker maps the groups of opinion and stores a report that pages read."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Consultation(models.Model):
    """A question put to the network, open between two dates."""

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Anyone with an account")
        MEMBERS = "members", _("Members of the network")
        ORGANISATIONS = "organisations", _("Members of the organisations named")

    DEMOGRAPHICS = {
        "governorate": _("Governorate"),
        "organisation_kind": _("Kind of organisation"),
        "gender": _("Gender"),
        "age_band": _("Age"),
    }

    slug = models.SlugField(_("address"), max_length=90, unique=True)
    question = models.CharField(_("question"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    description_html = models.TextField(editable=False, blank=True)
    original_language = models.CharField(_("original language"), max_length=8, choices=settings.LANGUAGES)
    # {"ar": {"question": ..., "description": ..., "description_html": ...}, ...}
    translations = models.JSONField(default=dict, blank=True)
    pathways = models.ManyToManyField("pathways.Pathway", blank=True, related_name="consultations", verbose_name=_("pathways"))
    audience = models.CharField(_("who takes part"), max_length=16, choices=Audience.choices, default=Audience.MEMBERS)
    organisations = models.ManyToManyField(
        "network.Organisation", blank=True, related_name="consultations", verbose_name=_("organisations taking part")
    )
    anonymous = models.BooleanField(
        _("anonymous"), default=True,
        help_text=_("Participants appear to each other under a pseudonym; their account is known only to stop abuse."),
    )
    demographics = models.JSONField(_("optional questions about participants"), default=list, blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # Counters kept by the services (no page counts votes) and the trigger of recomputation.
    vote_count = models.PositiveIntegerField(default=0, editable=False)
    participant_count = models.PositiveIntegerField(default=0, editable=False)
    # Imported from Pol.is: the conversation's own id and address.
    source = models.CharField(max_length=300, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_at", "-pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("assembly:consultation", kwargs={"slug": self.slug})

    @property
    def is_open(self) -> bool:
        return self.opens_at <= timezone.now() < self.closes_at

    @property
    def display_question(self) -> str:
        return (self.translations or {}).get(get_language() or "", {}).get("question") or self.question


class Participant(models.Model):
    """Someone taking part in one consultation; shown by pseudonym when it is anonymous."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="participations"
    )
    pseudonym = models.CharField(max_length=40)
    number = models.PositiveIntegerField(editable=False)  # 0, 1, 2… in the consultation (Pol.is ids when imported)
    answers = models.JSONField(default=dict, blank=True)  # the optional demographic answers, never shown per person
    vote_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["number"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="one_number_per_participant"),
            models.UniqueConstraint(
                fields=["consultation", "person"], condition=models.Q(person__isnull=False), name="one_participation_per_person"
            ),
        ]

    def __str__(self) -> str:
        return self.pseudonym


class Statement(models.Model):
    """A short statement others vote on; written by organisers (seeds) or participants (moderated)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        META = "meta", _("About the consultation itself")

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="statements")
    number = models.PositiveIntegerField(editable=False)  # 0, 1, 2… in the consultation (Pol.is ids when imported)
    author = models.ForeignKey(Participant, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements")
    text = models.TextField(_("statement"))
    language = models.CharField(_("language"), max_length=8)
    translations = models.JSONField(default=dict, blank=True)  # {"en": "...", ...}
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    rejection_reason = models.CharField(_("reason"), max_length=300, blank=True)
    is_seed = models.BooleanField(default=False)
    vote_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["number"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        constraints = [models.UniqueConstraint(fields=["consultation", "number"], name="one_number_per_statement")]
        indexes = [models.Index(fields=["consultation", "status", "vote_count"])]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def display_text(self) -> str:
        return (self.translations or {}).get(get_language() or "", "") or self.text


class Vote(models.Model):
    """agree (+1), disagree (−1) or pass (0); one per participant and statement, the last counts."""

    AGREE, PASS, DISAGREE = 1, 0, -1
    CHOICES = [(AGREE, _("Agree")), (PASS, _("Pass / unsure")), (DISAGREE, _("Disagree"))]

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    value = models.SmallIntegerField(choices=CHOICES)
    voted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [models.UniqueConstraint(fields=["participant", "statement"], name="one_vote_per_statement")]
        indexes = [models.Index(fields=["consultation", "statement"])]

    def __str__(self) -> str:
        return f"{self.participant_id}→{self.statement_id}: {self.value}"


class Report(models.Model):
    """The last computed map of opinions, read by pages and the API. `result` is what pages
    show (groups, consensus, division, the map's merged dots, participation): small whatever
    the number of participants. `positions` keeps each participant's point and group (for the
    export, the API on request and the stability of groups), read only by those."""

    consultation = models.OneToOneField(Consultation, on_delete=models.CASCADE, related_name="report")
    result = models.JSONField(default=dict)
    positions = models.JSONField(default=dict)  # {"points": [[number, x, y, group], ...], "group_of": {number: group}}
    votes_seen = models.PositiveIntegerField(default=0)  # the consultation's vote_count when computed
    computed_at = models.DateTimeField(default=timezone.now)
    seconds = models.FloatField(default=0)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.consultation} ({self.computed_at:%Y-%m-%d %H:%M})"
