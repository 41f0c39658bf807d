"""Forms of consultations: voting, writing a statement, moderating, optional answers."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tadamun.campaigns.forms import DateInput
from tadamun.core.widgets import Select
from tadamun.network.forms import governorate_choices, pathway_choices
from tadamun.network.models import Organisation
from tadamun.newsroom.forms import language_choices

from .models import Consultation, Statement, Vote


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
