"""Forms of solidarity: list filters (shared with the API), opportunities and applications,
needs and offers, introductions, and the coordinators' vocabulary and security notes."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tadamun.core.context_processors import LANGUAGE_NAMES
from tadamun.core.widgets import DateInput, Select
from tadamun.network.forms import (
    ListFilterForm,
    governorate_choices,
    pathway_choices,
    working_language_choices,
)
from tadamun.network.models import Governorate, WorkingLanguage
from tadamun.newsroom.forms import language_choices
from tadamun.pathways.models import Pathway

from .models import Application, Need, Offer, Opportunity, SecurityLevel, Skill
from .queries import ContributionFilters, OpportunityFilters
from .services import DECISIONS, Contact, ContributionDraft, OpportunityDraft


def skill_choices(*, retired: bool = False) -> list[tuple[str, str]]:
    """The vocabulary in the reader's language; with `retired`, the skills no longer offered too."""
    skills = Skill.objects.all() if retired else Skill.objects.filter(is_active=True)
    return [(s.slug, s.name) for s in skills]


class OpportunityFilterForm(ListFilterForm):
    """The opportunity list's filters; the API refuses the same input."""

    names = ("q", "kind", "pathway", "governorate", "language")

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=Select)
    pathway = forms.ChoiceField(label=_("Pathway"), required=False, widget=Select)
    governorate = forms.ChoiceField(label=_("Where"), required=False, widget=Select)
    language = forms.ChoiceField(label=_("Language"), required=False, widget=Select)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        self.fields["kind"].choices = anything + list(Opportunity.Kind.choices)
        self.fields["pathway"].choices = anything + pathway_choices()
        self.fields["governorate"].choices = anything + [("remote", _("Remote"))] + governorate_choices()
        self.fields["language"].choices = anything + working_language_choices()
        self.explain({"kind": _("Unknown kind of opportunity: %(value)s."), "language": _("Unknown language: %(value)s.")})

    def filters(self) -> OpportunityFilters:
        return OpportunityFilters(**self.valid_values())


class ContributionFilterForm(ListFilterForm):
    """The filters of the lists of needs and of offers."""

    names = ("q", "skill", "pathway", "governorate", "origin")

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    skill = forms.ChoiceField(label=_("Skill or resource"), required=False, widget=Select)
    pathway = forms.ChoiceField(label=_("Pathway"), required=False, widget=Select)
    governorate = forms.ChoiceField(label=_("Governorate"), required=False, widget=Select)
    origin = forms.ChoiceField(label=_("Organisations"), required=False, widget=Select)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        self.fields["skill"].choices = anything + skill_choices(retired=True)
        self.fields["pathway"].choices = anything + pathway_choices()
        self.fields["governorate"].choices = anything + governorate_choices()
        self.fields["origin"].choices = anything + [("iraqi", _("Iraqi")), ("international", _("International"))]
        self.explain({"skill": _("Unknown skill or resource: %(value)s."), "origin": _("Choose Iraqi or international.")})

    def filters(self) -> ContributionFilters:
        return ContributionFilters(**self.valid_values())


class OpportunityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Opportunity.Kind.choices, widget=Select)
    title = forms.CharField(label=_("Title"), max_length=200)
    original_language = forms.ChoiceField(label=_("Written in"), widget=Select)
    description = forms.CharField(
        label=_("Description"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What it is, for whom, what it offers and asks. Markdown."),
    )
    how_to_apply = forms.CharField(
        label=_("How to apply"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What applicants should tell you. They apply through the platform."),
    )
    languages = forms.MultipleChoiceField(label=_("Languages"), required=False, widget=forms.CheckboxSelectMultiple)
    pathways = forms.MultipleChoiceField(label=_("Pathways"), required=False, widget=forms.CheckboxSelectMultiple)
    remote = forms.BooleanField(label=_("Remote: it can be done from anywhere"), required=False)
    governorates = forms.MultipleChoiceField(label=_("Governorates"), required=False, widget=forms.CheckboxSelectMultiple)
    location = forms.CharField(
        label=_("Or a place outside Iraq"), max_length=120, required=False, help_text=_("For example: Bologna, Italy.")
    )
    travel_to_iraq = forms.BooleanField(
        label=_("It takes people to Iraq"), required=False,
        help_text=_("The coordinators' security note of each governorate chosen is shown, and applies."),
    )
    starts_on = forms.DateField(label=_("Starts"), required=False, widget=DateInput)
    ends_on = forms.DateField(label=_("Ends"), required=False, widget=DateInput)
    apply_by = forms.DateField(label=_("Apply by"), required=False, widget=DateInput)
    places = forms.IntegerField(label=_("Places"), required=False, min_value=1, max_value=10_000)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["original_language"].choices = language_choices()
        self.fields["languages"].choices = working_language_choices()
        self.fields["pathways"].choices = pathway_choices()
        self.fields["governorates"].choices = governorate_choices()

    @classmethod
    def initial_for(cls, opportunity: Opportunity) -> dict:
        return {
            "kind": opportunity.kind, "title": opportunity.title, "original_language": opportunity.original_language,
            "description": opportunity.description, "how_to_apply": opportunity.how_to_apply,
            "languages": [w.code for w in opportunity.languages.all()],
            "pathways": [p.slug for p in opportunity.pathways.all()],
            "governorates": [g.iso_code for g in opportunity.governorates.all()],
            "remote": opportunity.remote, "travel_to_iraq": opportunity.travel_to_iraq, "location": opportunity.location,
            "starts_on": opportunity.starts_on, "ends_on": opportunity.ends_on, "apply_by": opportunity.apply_by,
            "places": opportunity.places,
        }

    def to_draft(self) -> OpportunityDraft:
        data = self.cleaned_data
        return OpportunityDraft(
            kind=data["kind"], title=data["title"], description=data["description"],
            original_language=data["original_language"], how_to_apply=data.get("how_to_apply") or "",
            languages=list(WorkingLanguage.objects.filter(code__in=data["languages"])),
            pathways=list(Pathway.objects.filter(slug__in=data["pathways"])),
            governorates=list(Governorate.objects.filter(iso_code__in=data["governorates"])),
            remote=data["remote"], travel_to_iraq=data["travel_to_iraq"], location=data.get("location") or "",
            starts_on=data.get("starts_on"), ends_on=data.get("ends_on"), apply_by=data.get("apply_by"),
            places=data.get("places"),
        )


class ApplicationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("I would like to"), widget=forms.RadioSelect, initial=Application.Kind.APPLICATION,
        choices=[(Application.Kind.APPLICATION, _("Apply")), (Application.Kind.INTEREST, _("Express interest"))],
    )
    organisation = forms.ChoiceField(label=_("On behalf of"), required=False, widget=Select)
    message = forms.CharField(
        label=_("Message to the publisher"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Who you are, what you bring, and why this opportunity."),
    )

    def __init__(self, *args, organisations=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = {o.slug: o for o in organisations}
        self.fields["organisation"].choices = [("", _("Myself"))] + [(o.slug, o.display_name) for o in organisations]

    def chosen_organisation(self):
        return self.organisations.get(self.cleaned_data.get("organisation") or "")


class DecideApplicationForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Answer"), widget=forms.RadioSelect,
        choices=[(s, label) for s, label in Application.Status.choices if s in DECISIONS],
    )
    answer = forms.CharField(
        label=_("Message to the applicant"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you decline."),
    )


class ContributionForm(forms.Form):
    """A need or an offer."""

    title = forms.CharField(label=_("In a few words"), max_length=200)
    original_language = forms.ChoiceField(label=_("Written in"), widget=Select)
    skills = forms.MultipleChoiceField(label=_("Skills and resources"), widget=forms.CheckboxSelectMultiple)
    description = forms.CharField(
        label=_("Details"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In your own words: the situation, what would help, what you already do."),
    )
    pathways = forms.MultipleChoiceField(label=_("Pathways"), required=False, widget=forms.CheckboxSelectMultiple)
    governorates = forms.MultipleChoiceField(label=_("Governorates"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["original_language"].choices = language_choices()
        self.fields["skills"].choices = skill_choices()
        self.fields["skills"].error_messages["required"] = _("Choose at least one skill or resource from the vocabulary.")
        self.fields["pathways"].choices = pathway_choices()
        self.fields["governorates"].choices = governorate_choices()

    @classmethod
    def initial_for(cls, contribution: Need | Offer) -> dict:
        return {
            "title": contribution.title, "original_language": contribution.original_language,
            "description": contribution.description,
            "skills": [s.slug for s in contribution.skills.all()],
            "pathways": [p.slug for p in contribution.pathways.all()],
            "governorates": [g.iso_code for g in contribution.governorates.all()],
        }

    def to_draft(self) -> ContributionDraft:
        data = self.cleaned_data
        return ContributionDraft(
            title=data["title"], original_language=data["original_language"], description=data.get("description") or "",
            skills=list(Skill.objects.filter(slug__in=data["skills"])),
            pathways=list(Pathway.objects.filter(slug__in=data["pathways"])),
            governorates=list(Governorate.objects.filter(iso_code__in=data["governorates"])),
        )


class ContactForm(forms.Form):
    """The contact person an organisation gives to the other side, shared once both accept."""

    contact_name = forms.CharField(label=_("Contact person"), max_length=120)
    contact_email = forms.EmailField(label=_("Their email address"), max_length=254)
    contact_phone = forms.CharField(label=_("Phone or Signal (optional)"), max_length=40, required=False)

    @classmethod
    def initial_from(cls, user) -> dict:
        return {"contact_name": getattr(user, "display_name", "") or "", "contact_email": user.email}

    def contact(self) -> Contact:
        data = self.cleaned_data
        return Contact(name=data["contact_name"], email=data["contact_email"], phone=data.get("contact_phone") or "")


class IntroductionForm(ContactForm):
    message = forms.CharField(
        label=_("Message"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why you would like to meet them. They see it with your organisation's name; your contact only if they accept."),
    )


class AnswerForm(ContactForm):
    answer = forms.CharField(label=_("Message"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DeclineForm(forms.Form):
    answer = forms.CharField(
        label=_("Reason (optional)"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ProposeIntroductionForm(forms.Form):
    first = forms.SlugField(label=_("First organisation (address)"), max_length=80)
    second = forms.SlugField(label=_("Second organisation (address)"), max_length=80)
    message = forms.CharField(
        label=_("Why you introduce them"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class SkillForm(forms.Form):
    position = forms.IntegerField(label=_("Position"), min_value=0, max_value=32000, initial=100)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for code, _label in settings.LANGUAGES:
            self.fields[f"name_{code}"] = forms.CharField(
                label=_("Name in %(language)s") % {"language": LANGUAGE_NAMES[code]}, max_length=120
            )

    @classmethod
    def initial_for(cls, skill: Skill) -> dict:
        return {"position": skill.position, **{f"name_{code}": text for code, text in skill.names.items()}}

    def names(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"name_{code}") or "" for code, _label in settings.LANGUAGES}


class SecurityNoteForm(forms.Form):
    governorate = forms.ChoiceField(label=_("Governorate"), widget=Select)
    level = forms.ChoiceField(label=_("Travel"), choices=SecurityLevel.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why, and what people should do. Required unless travel is open."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["governorate"].choices = governorate_choices()
        for code, _label in settings.LANGUAGES:
            self.fields[f"note_{code}"] = forms.CharField(
                label=_("Note in %(language)s") % {"language": LANGUAGE_NAMES[code]}, max_length=2000, required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def notes(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"note_{code}") or "" for code, _label in settings.LANGUAGES}
