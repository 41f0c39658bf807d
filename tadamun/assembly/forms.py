"""Forms of consultations: voting, writing a statement, moderating, optional answers."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tadamun.core.widgets import Select
from tadamun.network.forms import governorate_choices
from tadamun.network.models import Organisation
from tadamun.newsroom.forms import language_choices

from .models import Statement, Vote


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
