"""Forms of consultations: voting, writing a statement, moderating, optional answers."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from tadamun.core.widgets import DateInput, Select
from tadamun.network.forms import governorate_choices, pathway_choices
from tadamun.network.models import Organisation
from tadamun.newsroom.forms import language_choices

from .models import (
    Consultation,
    Gathering,
    GroupMember,
    Position,
    Proposal,
    Registration,
    Statement,
    Vote,
)


class VoteForm(forms.Form):
    statement = forms.IntegerField(widget=forms.HiddenInput)
    value = forms.TypedChoiceField(coerce=int, choices=Vote.CHOICES)


class StatementForm(forms.Form):
    text = forms.CharField(
        label=_("Your statement"), min_length=10, max_length=280, widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("One idea others can agree or disagree with, in at most 280 characters. Moderators read it first."),
    )
    language = forms.ChoiceField(label=_("Written in"), widget=Select)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()


class ModerationForm(forms.Form):
    status = forms.ChoiceField(choices=[(s, label) for s, label in Statement.Status.choices if s != "pending"])
    reason = forms.CharField(label=_("Reason (for its author)"), max_length=300, required=False)


class StatementTranslationForm(forms.Form):
    statement = forms.IntegerField(widget=forms.HiddenInput)
    language = forms.ChoiceField(widget=forms.HiddenInput)
    text = forms.CharField(label=_("Translation"), min_length=10, max_length=560, widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}))

    def __init__(self, *args, languages: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, code) for code in languages]


GENDERS = [("", _("I prefer not to say")), ("woman", _("Woman")), ("man", _("Man")), ("other", _("Other"))]
AGE_BANDS = [("", _("I prefer not to say")), ("under-25", _("Under 25")), ("25-39", "25–39"), ("40-59", "40–59"), ("60+", _("60 and over"))]


class AnswersForm(forms.Form):
    """The optional questions the organisers chose; answers are shown only in totals."""

    def __init__(self, *args, questions: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        options = {
            "governorate": (_("Your governorate"), [("", _("I prefer not to say"))] + governorate_choices() + [("abroad", _("Outside Iraq"))]),
            "organisation_kind": (_("Your kind of organisation"), [("", _("I prefer not to say"))] + list(Organisation.Kind.choices)),
            "gender": (_("Gender"), GENDERS),
            "age_band": (_("Age"), AGE_BANDS),
        }
        for name in questions:
            if name in options:
                label, choices = options[name]
                self.fields[name] = forms.ChoiceField(label=label, choices=choices, required=False, widget=Select)


class ConsultationForm(forms.Form):
    """What coordinators write to open a consultation."""

    question = forms.CharField(label=_("Question"), max_length=300)
    original_language = forms.ChoiceField(label=_("Written in"), widget=Select)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Why you ask, and what will be done with the answers. Markdown."),
    )
    audience = forms.ChoiceField(label=_("Who takes part"), choices=Consultation.Audience.choices, widget=Select)
    organisations = forms.CharField(
        label=_("Organisations taking part"), required=False, max_length=4000,
        help_text=_("Only when members of named organisations take part: their addresses, separated by commas."),
    )
    pathways = forms.MultipleChoiceField(label=_("Pathways"), required=False, widget=forms.CheckboxSelectMultiple)
    anonymous = forms.BooleanField(
        label=_("Anonymous"), required=False, initial=True,
        help_text=_("Participants appear to each other under a pseudonym; their account is known only to stop abuse."),
    )
    demographics = forms.MultipleChoiceField(
        label=_("Optional questions about participants"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=list(Consultation.DEMOGRAPHICS.items()),
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=DateInput)
    closes_on = forms.DateField(label=_("Closes on"), widget=DateInput)
    seeds = forms.CharField(
        label=_("First statements"), required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One statement per line, at most 280 characters each."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["original_language"].choices = language_choices()
        self.fields["pathways"].choices = pathway_choices()

    def clean_seeds(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["seeds"].splitlines() if line.strip()]
        too_long = [line for line in lines if len(line) > 280]
        if too_long:
            raise forms.ValidationError(_("A statement is short: at most 280 characters."))
        return lines

    def to_draft(self):
        from datetime import datetime, time

        from django.utils import timezone

        from tadamun.pathways.models import Pathway

        from .services import ConsultationDraft

        data = self.cleaned_data
        slugs = [s.strip() for s in (data.get("organisations") or "").split(",") if s.strip()]
        return ConsultationDraft(
            question=data["question"], original_language=data["original_language"], description=data["description"],
            audience=data["audience"], organisations=list(Organisation.objects.filter(slug__in=slugs)),
            pathways=list(Pathway.objects.filter(slug__in=data["pathways"])), anonymous=data["anonymous"],
            demographics=data["demographics"],
            opens_at=timezone.make_aware(datetime.combine(data["opens_on"], time.min)),
            closes_at=timezone.make_aware(datetime.combine(data["closes_on"], time(23, 59))),
            seeds=data["seeds"],
        )


# Groups, proposals and decisions ----------------------------------------------------------


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class ProposalForm(forms.Form):
    """What a facilitator writes to put a proposal to the group."""

    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Proposal"), min_length=20, max_length=20_000, widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        help_text=_("What the group is asked to decide, and why. Markdown."),
    )
    language = forms.ChoiceField(label=_("Written in"), widget=Select)
    kind = forms.ChoiceField(label=_("How the group decides"), choices=Proposal.Kind.choices, widget=Select)
    closes_at = forms.DateTimeField(label=_("Closes"), widget=DateTimeInput())
    min_agree = forms.IntegerField(
        label=_("Agreement needed (%)"), min_value=0, max_value=100, initial=75,
        help_text=_("Counted among the voices that take a side: those who agree, against those who disagree or block."),
    )
    max_blocks = forms.IntegerField(label=_("Blocks allowed"), min_value=0, max_value=1000, initial=0)
    quorum = forms.IntegerField(
        label=_("Quorum (%)"), min_value=1, max_value=100, required=False,
        help_text=_("The share of voices that must take part; empty for none."),
    )
    anonymous = forms.BooleanField(
        label=_("Anonymous"), required=False,
        help_text=_("Others see only counts and reasons, never who. This cannot be undone."),
    )
    hide_results = forms.BooleanField(label=_("Hide the results until closing"), required=False)
    options = forms.CharField(
        label=_("Options"), required=False, max_length=9000, widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=_("For a poll or a ranked choice: one option per line. For a time poll: one time per line, as 2027-03-15 10:00."),
    )
    max_choices = forms.IntegerField(label=_("Options each voice may choose (poll)"), min_value=1, max_value=30, initial=1)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()

    def clean(self):
        data = super().clean()
        lines = [line.strip() for line in (data.get("options") or "").splitlines() if line.strip()]
        data["times"] = []
        if data.get("kind") == Proposal.Kind.TIME_POLL:
            from datetime import datetime

            from django.utils import timezone

            try:
                data["times"] = [
                    datetime.strptime(line, "%Y-%m-%d %H:%M").replace(tzinfo=timezone.get_current_timezone()) for line in lines
                ]
            except ValueError:
                self.add_error("options", _("Write each time as 2027-03-15 10:00, one per line."))
            lines = []
        data["options"] = lines
        return data

    def to_draft(self):
        from .services import ProposalDraft

        return ProposalDraft(**self.cleaned_data)


def choices_from(data, proposal) -> list | dict:
    """What a poll, ranked choice or time poll's form sends: the checked options; the rank
    typed beside each option (1 first; blank for unranked); yes, maybe or no for each time."""
    if proposal.kind == Proposal.Kind.POLL:
        return data.getlist("choice")
    numbers = [option.number for option in proposal.options.all()]
    if proposal.kind == Proposal.Kind.RANKED:
        ranks = []
        for number in numbers:
            typed = (data.get(f"rank-{number}") or "").strip()
            if typed:
                if not typed.isdigit():
                    return ["x"]  # refused by the service with a clear message
                ranks.append((int(typed), number))
        if len({rank for rank, _n in ranks}) != len(ranks):
            return ["x"]
        return [number for _rank, number in sorted(ranks)]
    return {str(number): data.get(f"time-{number}") for number in numbers if data.get(f"time-{number}")}


class PositionForm(forms.Form):
    value = forms.ChoiceField(label=_("Your position"), choices=Position.Value.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("Required to disagree or block."),
    )
    seat = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, consent: bool = False, options: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if options:  # polls, ranked choices and time polls send their choices instead
            self.fields["value"].required = False
        if consent:
            self.fields["value"].choices = [
                (Position.Value.AGREE, _("No objection")), (Position.Value.BLOCK, _("I object")),
            ]


class BlockAnswerForm(forms.Form):
    position = forms.IntegerField(widget=forms.HiddenInput)
    answer = forms.CharField(label=_("Answer to the block"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))


class CloseForm(forms.Form):
    outcome = forms.CharField(
        label=_("Outcome statement"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        help_text=_("What the group decided and why; it enters the register of decisions."),
    )
    public = forms.BooleanField(label=_("Public in the register"), required=False, initial=True)


class ReviseForm(forms.Form):
    text = forms.CharField(label=_("New version of the text"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}))
    note = forms.CharField(label=_("What changed"), max_length=300, required=False)


class AmendmentForm(forms.Form):
    text = forms.CharField(label=_("The proposal as you would have it"), min_length=20, max_length=20_000,
                           widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}))
    note = forms.CharField(label=_("Why"), max_length=500, required=False)


class ProxyForm(forms.Form):
    holder = forms.TypedChoiceField(label=_("Give our proxy to"), coerce=int, widget=Select)

    def __init__(self, *args, seats=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["holder"].choices = [("", "—")] + [(seat.pk, seat.organisation.display_name) for seat in seats]


class RecordDecisionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    outcome = forms.CharField(label=_("Outcome statement"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}))
    language = forms.ChoiceField(label=_("Written in"), widget=Select)
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    passed = forms.BooleanField(label=_("Adopted"), required=False, initial=True)
    public = forms.BooleanField(label=_("Public in the register"), required=False, initial=True)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()

    def to_draft(self):
        from .services import DecisionDraft

        return DecisionDraft(**self.cleaned_data)


class MemberForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the person"))
    role = forms.ChoiceField(label=_("Role"), choices=GroupMember.Role.choices, widget=Select)


class GroupNameForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), widget=Select)
    name = forms.CharField(label=_("Name of the group in this language"), max_length=200)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()


class SeatForm(forms.Form):
    organisation = forms.SlugField(label=_("Organisation (its address)"), max_length=80)
    weight = forms.DecimalField(label=_("Weight"), min_value=Decimal("0.01"), max_value=100, decimal_places=2, initial=1)


class DelegateForm(forms.Form):
    seat = forms.IntegerField(widget=forms.HiddenInput)
    delegate = forms.TypedChoiceField(label=_("Delegate"), coerce=int, widget=Select)

    def __init__(self, *args, people=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["delegate"].choices = [(person.pk, person.display_name) for person in people]


class NotifyForm(forms.Form):
    notify = forms.ChoiceField(label=_("Emails about this group"), choices=GroupMember.Notify.choices, widget=Select)


class DecisionSearchForm(forms.Form):
    q = forms.CharField(label=_("Search the decisions"), required=False, max_length=200)
    group = forms.SlugField(required=False, widget=forms.HiddenInput)


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Message"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        help_text=_("Markdown. Mention someone of the group with @ and their name in one word, for example @fatima-ali."),
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=_("Markdown. Mention someone of the group with @ and their name in one word, for example @fatima-ali."),
    )


# Gatherings ------------------------------------------------------------------------------------


class GatheringForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Gathering.Kind.choices, widget=Select)
    language = forms.ChoiceField(label=_("Described in"), widget=Select)
    description = forms.CharField(label=_("Description"), required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 5}))
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DateTimeInput())
    place = forms.CharField(label=_("Place"), max_length=300, required=False, help_text=_("The venue and city; empty when online only."))
    online_link = forms.URLField(label=_("Online link"), required=False, assume_scheme="https",
                                 help_text=_("Shown only to those whose online registration is confirmed."))
    interpretation = forms.MultipleChoiceField(label=_("Languages of interpretation"), required=False, widget=forms.CheckboxSelectMultiple)
    in_person_places = forms.IntegerField(label=_("Places in the room"), min_value=1, required=False, help_text=_("Empty for no limit."))
    online_places = forms.IntegerField(label=_("Places online"), min_value=1, required=False, help_text=_("Empty for no limit."))
    registration_closes_at = forms.DateTimeField(label=_("Registration closes"), required=False, widget=DateTimeInput())
    needs_approval = forms.BooleanField(label=_("Organisers approve each registration"), required=False, initial=True)
    public = forms.BooleanField(label=_("Public"), required=False, initial=True)
    certificates = forms.BooleanField(label=_("Certificates of attendance"), required=False)
    pathways = forms.MultipleChoiceField(label=_("Pathways"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()
        self.fields["interpretation"].choices = language_choices()
        self.fields["pathways"].choices = pathway_choices()

    def to_draft(self):
        from tadamun.pathways.models import Pathway

        from .services import GatheringDraft

        data = dict(self.cleaned_data)
        data["pathways"] = list(Pathway.objects.filter(slug__in=data["pathways"]))
        return GatheringDraft(**data)


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DateTimeInput())
    room = forms.CharField(label=_("Room"), max_length=120, required=False)
    language = forms.ChoiceField(label=_("Language"), widget=Select)
    pathway = forms.ChoiceField(label=_("Pathway"), required=False, widget=Select)
    speakers = forms.CharField(label=_("Speakers"), max_length=500, required=False)
    description = forms.CharField(label=_("Description"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()
        self.fields["pathway"].choices = [("", "—"), *pathway_choices()]


class RegistrationForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Representing"), coerce=int, required=False, empty_value=None, widget=Select)
    role = forms.ChoiceField(label=_("Registering as"), choices=Registration.Role.choices, widget=Select)
    attendance = forms.ChoiceField(label=_("Taking part"), choices=Registration.Attendance.choices, widget=forms.RadioSelect)
    needs = forms.CharField(label=_("Interpretation or access needs"), max_length=500, required=False)
    listed = forms.BooleanField(
        label=_("Show my name in the list of participants"), required=False,
        help_text=_("Otherwise only the organisers see that you take part."),
    )

    def __init__(self, *args, organisations=(), gathering=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [("", _("Myself only"))] + [(o.pk, o.display_name) for o in organisations]
        if gathering is not None:
            self.fields["attendance"].choices = [
                (value, label) for value, label in Registration.Attendance.choices
                if (gathering.in_person_places if value == "in_person" else gathering.online_places) != 0
            ]


class DecideRegistrationForm(forms.Form):
    registration = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("decline", _("Decline")), ("attended", _("Attended")), ("absent", _("Absent"))])
    message = forms.CharField(label=_("Message"), max_length=500, required=False)


class MinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Minutes"), max_length=100_000, widget=forms.Textarea(attrs={"rows": 12, "dir": "auto"}),
                              help_text=_("Markdown. Link the documents and the decisions taken."))


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("PDF file"), help_text=_("A PDF of at most 20 MB: a report, the presentations, the signed minutes."))
    title = forms.CharField(label=_("Title of the document"), max_length=200, required=False)
