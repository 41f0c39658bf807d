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
    # The working group that opened it (its facilitators moderate it), if not the coordinators.
    group = models.ForeignKey(
        "Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="consultations", verbose_name=_("opened by"),
    )
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


# ---------------------------------------------------------------------------------------------
# Deciding together: groups, proposals decided by consensus, and the register of decisions.
# ---------------------------------------------------------------------------------------------


class Group(models.Model):
    """A working group, the General Assembly or the coordination committee. A group counts
    either its individual members or its member organisations (one voice each, cast by the
    delegate the organisation designates)."""

    class Kind(models.TextChoices):
        WORKING_GROUP = "working_group", _("Working group")
        GENERAL_ASSEMBLY = "general_assembly", _("General Assembly")
        COORDINATION = "coordination", _("Coordination committee")
        OTHER = "other", _("Other group")

    class Counts(models.TextChoices):
        PEOPLE = "people", _("Its members, one voice each")
        ORGANISATIONS = "organisations", _("Its member organisations, one voice each")

    slug = models.SlugField(_("address"), max_length=90, unique=True)
    code = models.SlugField(
        _("short code"), max_length=12, unique=True,
        help_text=_("Letters that begin the reference of its decisions, for example GA for GA-2022-1."),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    description_html = models.TextField(editable=False, blank=True)
    translations = models.JSONField(default=dict, blank=True)  # {"ar": {"name": ..., "description_html": ...}}
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.WORKING_GROUP)
    counts = models.CharField(_("who has a voice"), max_length=16, choices=Counts.choices, default=Counts.PEOPLE)
    pathway = models.ForeignKey(
        "pathways.Pathway", null=True, blank=True, on_delete=models.SET_NULL, related_name="groups", verbose_name=_("pathway")
    )
    public = models.BooleanField(
        _("public"), default=True,
        help_text=_("Anyone sees its page, its proposals and its decisions; otherwise only its members and the coordinators."),
    )
    max_proxies = models.PositiveSmallIntegerField(
        _("proxies a delegate may hold"), default=2, help_text=_("For each proposal; only where organisations have the voice."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("assembly:group", kwargs={"slug": self.slug})

    @property
    def display_name(self) -> str:
        return (self.translations or {}).get(get_language() or "", {}).get("name") or self.name

    @property
    def by_organisation(self) -> bool:
        return self.counts == self.Counts.ORGANISATIONS


class GroupMember(models.Model):
    """A person in a group: a member (with a voice where the group counts people) or a
    facilitator, with how they want to hear about it."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        FACILITATOR = "facilitator", _("Facilitator")

    class Notify(models.TextChoices):
        IMMEDIATE = "immediate", _("An email for each new thing")
        DIGEST = "digest", _("One email a day")
        NONE = "none", _("No email")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    notify = models.CharField(_("emails"), max_length=16, choices=Notify.choices, default=Notify.DIGEST)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-role", "joined_at"]
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        constraints = [models.UniqueConstraint(fields=["group", "person"], name="one_group_membership_per_person")]

    def __str__(self) -> str:
        return f"{self.person} · {self.group}"


class Seat(models.Model):
    """A member organisation's voice in a group that counts organisations, cast by its
    delegate; coordinators may give it a weight (shown with the results)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="seats")
    organisation = models.ForeignKey("network.Organisation", on_delete=models.CASCADE, related_name="seats")
    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="delegations",
        verbose_name=_("delegate"),
    )
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        constraints = [
            models.UniqueConstraint(fields=["group", "organisation"], name="one_seat_per_organisation"),
            models.CheckConstraint(condition=models.Q(weight__gt=0), name="seat_weight_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.group}"


class Proposal(models.Model):
    """A proposal put to a group by a facilitator, open until its closing time."""

    class Kind(models.TextChoices):
        CONSENSUS = "consensus", _("Consensus: agree, abstain, disagree or block")
        CONSENT = "consent", _("Consent: no objection, or an objection")
        POLL = "poll", _("Poll: choose among options")
        RANKED = "ranked", _("Ranked choice: put the options in order")
        TIME_POLL = "time_poll", _("Time poll: say which times suit you")

    OPTION_KINDS = ("poll", "ranked", "time_poll")
    KIND_NAMES = {
        "consensus": _("Consensus"), "consent": _("Consent"), "poll": _("Poll"),
        "ranked": _("Ranked choice"), "time_poll": _("Time poll"),
    }

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="proposals")
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("proposal"))  # the current version (its history in ProposalVersion)
    text_html = models.TextField(editable=False, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    kind = models.CharField(_("kind of decision"), max_length=16, choices=Kind.choices, default=Kind.CONSENSUS)
    version = models.PositiveIntegerField(default=1, editable=False)
    closes_at = models.DateTimeField(_("closes"))
    # The pass rule: at most `max_blocks` blocks (none by default) and at least `min_agree`
    # per cent of the voices that took a side (agree against disagree and block).
    max_blocks = models.PositiveSmallIntegerField(_("blocks allowed"), default=0)
    min_agree = models.PositiveSmallIntegerField(_("agreement needed (%)"), default=75)
    quorum = models.PositiveSmallIntegerField(
        _("quorum (%)"), null=True, blank=True, help_text=_("The share of voices that must take part; empty for none."),
    )
    anonymous = models.BooleanField(
        _("anonymous"), default=False, help_text=_("Others see only counts and reasons, never who. This cannot be undone."),
    )
    hide_results = models.BooleanField(_("results hidden until closing"), default=False)
    max_choices = models.PositiveSmallIntegerField(_("options each voice may choose"), default=1)  # polls
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.CheckConstraint(condition=models.Q(min_agree__lte=100), name="proposal_min_agree_percent"),
            models.CheckConstraint(
                condition=models.Q(quorum__isnull=True) | models.Q(quorum__lte=100), name="proposal_quorum_percent"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("assembly:proposal", kwargs={"slug": self.group.slug, "proposal_id": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN and timezone.now() < self.closes_at

    @property
    def kind_name(self) -> str:
        """The short name of how the group decides (the choices say it at length)."""
        return self.KIND_NAMES[self.kind]


class ProposalVersion(models.Model):
    """Each version of a proposal's text, kept so that changes can be compared."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    note = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["proposal", "number"], name="one_proposal_version_number")]

    def __str__(self) -> str:
        return f"{self.proposal_id} v{self.number}"


class Amendment(models.Model):
    """A member's suggested change to a proposal: the whole text as they would have it. A
    facilitator accepts it into a new version, or declines it with a reason."""

    class Status(models.TextChoices):
        OPEN = "open", _("Suggested")
        ACCEPTED = "accepted", _("Accepted into a new version")
        DECLINED = "declined", _("Declined")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="amendments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("the text as you would have it"))
    note = models.CharField(_("why"), max_length=500, blank=True)
    on_version = models.PositiveIntegerField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    answer = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.note or self.text[:60]}"


class ProposalOption(models.Model):
    """An option of a poll, a ranked choice or a time poll (then with the time it proposes)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="options")
    number = models.PositiveSmallIntegerField()
    text = models.CharField(_("option"), max_length=300)
    starts_at = models.DateTimeField(_("time"), null=True, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["proposal", "number"], name="one_option_number")]

    def __str__(self) -> str:
        return self.text


class Position(models.Model):
    """Where one voice stands on a proposal; stated again, it replaces the earlier one.

    `voice` identifies the voice (a person, or an organisation's seat) by a keyed hash, so that
    an anonymous proposal's positions carry no link to anyone: `person` and `seat` are filled
    only when the proposal is not anonymous."""

    class Value(models.TextChoices):
        AGREE = "agree", _("Agree")
        ABSTAIN = "abstain", _("Abstain")
        DISAGREE = "disagree", _("Disagree")
        BLOCK = "block", _("Block")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="positions")
    voice = models.CharField(max_length=64)
    person = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    seat = models.ForeignKey(Seat, null=True, blank=True, on_delete=models.SET_NULL, related_name="positions")
    value = models.CharField(_("position"), max_length=16, choices=Value.choices, blank=True)  # consensus and consent
    # Polls: the chosen option numbers; ranked choice: the option numbers in order of
    # preference; time polls: {option number: "yes" | "maybe" | "no"}.
    choices = models.JSONField(default=list, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    by_proxy = models.BooleanField(default=False)  # stated by the delegate holding the organisation's proxy
    # A facilitator's answer to a block (required before closing).
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    stated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)  # the version of the text it was stated on
    changes = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["stated_at"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [models.UniqueConstraint(fields=["proposal", "voice"], name="one_position_per_voice")]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.value}"


class Receipt(models.Model):
    """The record that a person, or an organisation through its delegate, took part in a
    proposal, never how; the reminder before closing goes to those without one."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="receipts")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="receipts")
    seat = models.ForeignKey(Seat, null=True, blank=True, on_delete=models.CASCADE, related_name="receipts")
    code = models.CharField(max_length=24, unique=True)
    first_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")
        constraints = [models.UniqueConstraint(fields=["proposal", "person"], name="one_receipt_per_person")]

    def __str__(self) -> str:
        return self.code


class Proxy(models.Model):
    """An organisation's delegate lets another organisation's delegate state its position on
    one proposal. Its own position, if it states one, counts instead; withdrawn, the position
    stated through it no longer counts."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="proxies")
    giver = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="proxies_given")
    holder = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="proxies_held")
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    given_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("proxy")
        verbose_name_plural = _("proxies")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "giver"], condition=models.Q(withdrawn_at__isnull=True), name="one_active_proxy_per_seat"
            ),
            models.CheckConstraint(condition=~models.Q(giver=models.F("holder")), name="proxy_not_to_oneself"),
        ]

    def __str__(self) -> str:
        return f"{self.giver_id} → {self.holder_id} on {self.proposal_id}"


class Decision(models.Model):
    """An entry of a group's register of decisions: the outcome of a proposal, or a decision
    taken elsewhere (a general assembly's vote in the room) recorded by a facilitator."""

    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="decisions")
    proposal = models.OneToOneField(Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="decision")
    gathering = models.ForeignKey(
        "Gathering", null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions", verbose_name=_("taken at"),
    )
    reference = models.SlugField(_("reference"), max_length=40, unique=True)  # GA-2022-1: its permanent address
    title = models.CharField(_("title"), max_length=200)
    outcome = models.TextField(_("outcome statement"))
    outcome_html = models.TextField(editable=False, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    passed = models.BooleanField(_("adopted"), default=True)
    decided_on = models.DateField(_("decided on"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    result = models.JSONField(default=dict, blank=True)  # the count at closing
    public = models.BooleanField(_("public"), default=True)
    search_text = models.TextField(editable=False, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("assembly:decision", kwargs={"reference": self.reference})


class Thread(models.Model):
    """A discussion inside a group, for its members."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    post_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-last_post_at"]
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")
        indexes = [models.Index(fields=["group", "-last_post_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("assembly:thread", kwargs={"slug": self.group.slug, "thread_id": self.pk})


class Post(models.Model):
    """A message of a discussion (its first one opens it); Markdown, sanitised."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("message"))
    body_html = models.TextField(editable=False)
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return self.body[:80]


# ---------------------------------------------------------------------------------------------
# Gathering: conferences, general assemblies, social forums, trainings, online meetings.
# ---------------------------------------------------------------------------------------------


class Gathering(models.Model):
    """A gathering of the network, with its agenda, registrations and, afterwards, its minutes
    and the decisions taken there."""

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        GENERAL_ASSEMBLY = "general_assembly", _("General assembly")
        SOCIAL_FORUM = "social_forum", _("Social forum")
        TRAINING = "training", _("Training")
        ONLINE_MEETING = "online_meeting", _("Online meeting")

    slug = models.SlugField(_("address"), max_length=90, unique=True)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CONFERENCE)
    group = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="gatherings", verbose_name=_("convened by"),
    )
    description = models.TextField(_("description"), blank=True)
    description_html = models.TextField(editable=False, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    pathways = models.ManyToManyField("pathways.Pathway", blank=True, related_name="gatherings", verbose_name=_("pathways"))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=300, blank=True, help_text=_("The venue and city; empty when online only."))
    online_link = models.URLField(
        _("online link"), blank=True, help_text=_("Shown only to those whose online registration is confirmed."),
    )
    interpretation = models.JSONField(_("languages of interpretation"), default=list, blank=True)
    in_person_places = models.PositiveIntegerField(_("places in the room"), null=True, blank=True, help_text=_("Empty for no limit."))
    online_places = models.PositiveIntegerField(_("places online"), null=True, blank=True, help_text=_("Empty for no limit; 0 for none."))
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    needs_approval = models.BooleanField(_("organisers approve each registration"), default=True)
    public = models.BooleanField(_("public"), default=True, help_text=_("Anyone sees it; otherwise only the convening group."))
    certificates = models.BooleanField(_("certificates of attendance"), default=False)
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_html = models.TextField(editable=False, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("gathering")
        verbose_name_plural = _("gatherings")
        constraints = [models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")), name="gathering_ends_after_start")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("assembly:gathering", kwargs={"slug": self.slug})

    @property
    def registration_open(self) -> bool:
        now = timezone.now()
        return now < self.ends_at and (self.registration_closes_at is None or now < self.registration_closes_at)

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()


def document_path(instance: GatheringDocument, filename: str) -> str:
    return f"gatherings/{instance.gathering_id}/{filename}"


class GatheringDocument(models.Model):
    """A document of a gathering (a report, the presentations, the signed minutes): PDF only."""

    gathering = models.ForeignKey(Gathering, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_path)
    size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title


class Session(models.Model):
    """A session of a gathering's agenda."""

    gathering = models.ForeignKey(Gathering, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    room = models.CharField(_("room"), max_length=120, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    pathway = models.ForeignKey("pathways.Pathway", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("pathway"))
    speakers = models.CharField(_("speakers"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["starts_at", "room"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return self.title


class Registration(models.Model):
    """A person registered for a gathering, usually representing an organisation. Places are
    counted under the gathering's row lock; a freed place goes to the first on the waiting list."""

    class Role(models.TextChoices):
        DELEGATE = "delegate", _("Delegate")
        OBSERVER = "observer", _("Observer")
        SPEAKER = "speaker", _("Speaker")
        PRESS = "press", _("Press")

    class Attendance(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the organisers")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    gathering = models.ForeignKey(Gathering, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations")
    organisation = models.ForeignKey(
        "network.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("representing"),
    )
    role = models.CharField(_("registering as"), max_length=16, choices=Role.choices, default=Role.DELEGATE)
    attendance = models.CharField(_("taking part"), max_length=16, choices=Attendance.choices, default=Attendance.IN_PERSON)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    listed = models.BooleanField(
        _("show my name in the list of participants"), default=False,
        help_text=_("Otherwise only the organisers see that you take part."),
    )
    needs = models.CharField(_("interpretation or access needs"), max_length=500, blank=True)
    message = models.CharField(max_length=500, blank=True)  # the organisers' word when declining
    attended = models.BooleanField(_("attended"), default=False)
    certificate = models.CharField(max_length=24, blank=True)  # the code that verifies the certificate
    created_at = models.DateTimeField(default=timezone.now)  # the order of the waiting list
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [models.UniqueConstraint(fields=["gathering", "person"], name="one_registration_per_person")]
        indexes = [models.Index(fields=["gathering", "status", "attendance"])]

    def __str__(self) -> str:
        return f"{self.person} · {self.gathering}"
