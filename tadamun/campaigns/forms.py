"""Forms of campaigns: the list's filter, the campaign editor, actions, signing, messages."""

from __future__ import annotations

import time

from django import forms
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from tadamun.core.widgets import DateInput, Select
from tadamun.network.forms import (
    ListFilterForm,
    governorate_choices,
    pathway_choices,
    working_language_choices,
)
from tadamun.network.models import Governorate
from tadamun.newsroom.forms import language_choices
from tadamun.pathways.models import Pathway

from .models import Action, Authority, Campaign
from .queries import CampaignFilters
from .services import ActionDraft, CampaignDraft, Signer

FORM_SALT = "tadamun.campaigns.form"
FORM_MAX_AGE = 24 * 3600


class CampaignFilterForm(ListFilterForm):
    names = ("q", "status", "pathway", "governorate", "organisation")

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, widget=Select)
    pathway = forms.ChoiceField(label=_("Pathway"), required=False, widget=Select)
    governorate = forms.ChoiceField(label=_("Governorate"), required=False, widget=Select)
    organisation = forms.SlugField(label=_("Organisation"), required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        self.fields["status"].choices = anything + [(s, label) for s, label in Campaign.Status.choices if s in Campaign.PUBLIC]
        self.fields["pathway"].choices = anything + pathway_choices()
        self.fields["governorate"].choices = anything + governorate_choices()
        self.explain({"status": _("Unknown status: %(value)s.")})

    def filters(self) -> CampaignFilters:
        return CampaignFilters(**self.valid_values())


class CampaignForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    original_language = forms.ChoiceField(label=_("Written in"), widget=Select)
    summary = forms.CharField(
        label=_("Summary"), max_length=400, required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences shown in lists and shared links."),
    )
    story = forms.CharField(
        label=_("The story"), max_length=50_000, widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Why this campaign, for whom, and what has happened so far. Markdown."),
    )
    demands = forms.CharField(
        label=_("Demands"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One demand per line."),
    )
    strategy = forms.CharField(
        label=_("Strategy"), max_length=20_000, required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("How you will seek dialogue with the authorities, and with whom you work. Markdown."),
    )
    pathways = forms.MultipleChoiceField(label=_("Pathways"), widget=forms.CheckboxSelectMultiple)
    governorates = forms.MultipleChoiceField(label=_("Governorates"), required=False, widget=forms.CheckboxSelectMultiple)
    starts_on = forms.DateField(label=_("Starts"), required=False, widget=DateInput)
    ends_on = forms.DateField(label=_("Ends"), required=False, widget=DateInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["original_language"].choices = language_choices()
        self.fields["pathways"].choices = pathway_choices()
        self.fields["governorates"].choices = governorate_choices()
        self.fields["pathways"].error_messages["required"] = _("Choose at least one pathway.")

    @classmethod
    def initial_for(cls, campaign: Campaign) -> dict:
        return {
            "title": campaign.title,
            "original_language": campaign.original_language,
            "summary": campaign.summary,
            "story": campaign.story,
            "demands": campaign.demands,
            "strategy": campaign.strategy,
            "pathways": [p.slug for p in campaign.pathways.all()],
            "governorates": [g.iso_code for g in campaign.governorates.all()],
            "starts_on": campaign.starts_on,
            "ends_on": campaign.ends_on,
        }

    def to_draft(self) -> CampaignDraft:
        data = self.cleaned_data
        return CampaignDraft(
            title=data["title"], story=data["story"], original_language=data["original_language"],
            summary=data.get("summary") or "", demands=data.get("demands") or "", strategy=data.get("strategy") or "",
            pathways=list(Pathway.objects.filter(slug__in=data["pathways"])),
            governorates=list(Governorate.objects.filter(iso_code__in=data.get("governorates") or [])),
            starts_on=data.get("starts_on"), ends_on=data.get("ends_on"),
        )


class CampaignTranslationForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), widget=Select)
    title = forms.CharField(label=_("Title"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"}))
    summary = forms.CharField(label=_("Summary"), max_length=400, required=False, widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}))
    story = forms.CharField(label=_("The story"), max_length=50_000, widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}))

    def __init__(self, *args, campaign: Campaign, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [c for c in language_choices() if c[0] != campaign.original_language]


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("reject", _("Do not approve"))], widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Reason (for the organisers)"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))


class OutcomeForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), widget=Select)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, label) for s, label in Campaign.Status.choices if s in Campaign.PUBLIC]


class AuthorityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Authority.Kind.choices, widget=Select)
    name = forms.CharField(label=_("Name"), max_length=200)
    governorate = forms.ChoiceField(label=_("Governorate"), required=False, widget=Select)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["governorate"].choices = [("", _("None"))] + governorate_choices()

    def governorate_object(self) -> Governorate | None:
        code = self.cleaned_data.get("governorate")
        return Governorate.objects.filter(iso_code=code).first() if code else None


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    due_on = forms.DateField(label=_("Planned for"), widget=DateInput)


class ReachedForm(forms.Form):
    reached_on = forms.DateField(label=_("Reached on"), required=False, widget=DateInput)


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=200, help_text=_("What you measure, e.g. families with safe drinking water."))
    unit = forms.CharField(label=_("Unit"), max_length=40, required=False)
    baseline = forms.DecimalField(label=_("Baseline"), max_digits=14, decimal_places=2)
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2)
    baseline_on = forms.DateField(label=_("Baseline measured on"), widget=DateInput)


class MeasurementForm(forms.Form):
    measured_on = forms.DateField(label=_("Date"), widget=DateInput)
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=2)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class UpdateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    language = forms.ChoiceField(label=_("Written in"), widget=Select)
    body = forms.CharField(label=_("Text"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()


class ActionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Action.Kind.choices, widget=Select)
    authority = forms.ChoiceField(label=_("Addressed to"), widget=Select)
    title = forms.CharField(label=_("Title"), max_length=200)
    language = forms.ChoiceField(label=_("Written in"), widget=Select)
    text = forms.CharField(
        label=_("Text"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The petition, or the letter supporters may personalise."),
    )
    goal = forms.IntegerField(label=_("Goal (signatures)"), min_value=1, max_value=100_000_000, initial=1000)
    closes_on = forms.DateField(label=_("Closes on"), widget=DateInput)

    def __init__(self, *args, campaign: Campaign, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.fields["authority"].choices = [(str(a.pk), a.name) for a in campaign.authorities.all()]
        self.fields["authority"].error_messages["invalid_choice"] = _("Choose one of the campaign's authorities.")
        self.fields["language"].choices = language_choices()

    def to_draft(self) -> ActionDraft:
        data = self.cleaned_data
        closes = timezone.make_aware(timezone.datetime.combine(data["closes_on"], timezone.datetime.max.time().replace(microsecond=0)))
        return ActionDraft(
            kind=data["kind"], authority=self.campaign.authorities.filter(pk=data["authority"]).first(),
            title=data["title"], text=data["text"], language=data["language"], goal=data["goal"], closes_at=closes,
        )


class DeliveryForm(forms.Form):
    delivered_on = forms.DateField(label=_("Delivered on"), widget=DateInput)
    delivered_to = forms.CharField(label=_("Delivered to"), max_length=300, help_text=_("Who received it, and where."))
    response = forms.CharField(label=_("The authority's response"), required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 3}))


def country_choices() -> list[tuple[str, str]]:
    return [("", _("Choose…"))] + [(code, name) for code, name in countries]


class SignatureForm(forms.Form):
    """Signing a petition or a letter. Two guards against programs, no CAPTCHA: a field people
    do not see (a program fills it), and a signed, dated token of the page the form came from
    (a form replayed a day later, or forged, is refused)."""

    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.CharField(
        label=_("Your email address"), max_length=254,
        help_text=_("To confirm your signature. Never shown publicly."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    country = forms.ChoiceField(label=_("Country"), widget=Select)
    governorate = forms.ChoiceField(label=_("Governorate (in Iraq)"), required=False, widget=Select)
    letter = forms.CharField(
        label=_("Your letter"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 10, "dir": "auto"}),
        help_text=_("You may change the letter, or send it as it is."),
    )
    show_name = forms.BooleanField(label=_("Show my name publicly among the signers"), required=False)
    keep_informed = forms.BooleanField(label=_("Keep me informed about this campaign by email"), required=False)
    website = forms.CharField(label=_("Leave this field empty"), required=False)  # the honeypot
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, action: Action, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.action = action
        self.fields["country"].choices = country_choices()
        self.fields["country"].error_messages["invalid_choice"] = _("Choose your country from the list.")
        self.fields["governorate"].choices = [("", _("None"))] + governorate_choices()
        self.fields["governorate"].error_messages["invalid_choice"] = _("Unknown governorate: choose one from the list.")
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        if action.kind != Action.Kind.LETTER:
            del self.fields["letter"]
        elif not self.is_bound:
            self.initial["letter"] = action.text
        if not self.is_bound:
            self.initial["started"] = signing.dumps(int(time.time()), salt=FORM_SALT)

    def clean(self):
        data = super().clean()
        refusal = None
        if data.get("website"):
            refusal = _("This form was filled in by a program, not a person. If you are a person, empty the field "
                        "“Leave this field empty” and sign again.")
        else:
            try:
                signing.loads(data.get("started") or "", salt=FORM_SALT, max_age=FORM_MAX_AGE)
            except signing.SignatureExpired:
                refusal = _("This form is more than a day old. Check your details and sign again.")
            except signing.BadSignature:
                refusal = _("This form did not come from our page. Check your details and sign again.")
        if refusal:
            # Keep what the person typed, with a fresh token for the next try.
            fresh = self.data.copy()
            fresh["started"] = signing.dumps(int(time.time()), salt=FORM_SALT)
            self.data = fresh
            raise forms.ValidationError(refusal)
        return data

    def to_signer(self) -> Signer:
        data = self.cleaned_data
        code = data.get("governorate")
        return Signer(
            name=data["name"], email=data["email"], country=data["country"],
            governorate=Governorate.objects.filter(iso_code=code).first() if code else None,
            show_name=data["show_name"], keep_informed=data["keep_informed"], letter=data.get("letter") or "",
        )


class EndorseForm(forms.Form):
    organisation = forms.ChoiceField(label=_("On behalf of"), widget=Select)
    statement = forms.CharField(label=_("Why you endorse it (optional)"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, organisations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = {o.slug: o for o in organisations}
        self.fields["organisation"].choices = [(o.slug, o.display_name) for o in organisations]


def message_language_choices() -> list[tuple[str, str]]:
    platform = language_choices()
    codes = {code for code, _name in platform}
    return platform + [(code, name) for code, name in working_language_choices() if code not in codes]


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Your message of solidarity"), max_length=600, widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=_("At most 600 characters, in any language. The campaign's organisers publish it."),
    )
    language = forms.ChoiceField(label=_("Written in"), widget=Select)
    name = forms.CharField(label=_("Your name, as it will appear"), max_length=120)
    country = forms.ChoiceField(label=_("Country"), widget=Select)
    organisation = forms.ChoiceField(label=_("On behalf of"), required=False, widget=Select)

    def __init__(self, *args, organisations=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = message_language_choices()
        self.fields["country"].choices = country_choices()
        self.organisations = {o.slug: o for o in organisations}
        self.fields["organisation"].choices = [("", _("Only myself"))] + [(o.slug, o.display_name) for o in organisations]


class MessageTranslationForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), widget=Select)
    text = forms.CharField(label=_("Translation"), max_length=1200, widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()
