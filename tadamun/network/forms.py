"""Forms of the network: the directory filter (pages and API) and the organisation profile."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from tadamun.core.context_processors import LANGUAGE_NAMES
from tadamun.core.widgets import Select
from tadamun.pathways.catalogue import PATHWAYS
from tadamun.pathways.models import Pathway

from .models import (
    ContactDetail,
    Governorate,
    Membership,
    Organisation,
    Visibility,
    WorkingLanguage,
)
from .queries import DirectoryFilters, countries_with_members
from .reference import WORKING_LANGUAGE_NAMES, governorate_reference
from .services import ContactInput, OrganisationProfile


def acting_for(request, organisations: list):
    """The organisation a person acts for on a form, among those they may act for: the one
    posted or asked for by its address (`organisation`), else the first."""
    chosen = request.POST.get("organisation") or request.GET.get("organisation") or organisations[0].slug
    return next((o for o in organisations if o.slug == chosen), organisations[0])


def governorate_choices() -> list[tuple[str, str]]:
    language = get_language() or "en"
    rows = [(g["iso"], g["names"].get(language) or g["names"]["en"]) for g in governorate_reference()]
    return sorted(rows, key=lambda row: row[1])


def pathway_choices() -> list[tuple[str, str]]:
    return [(p.slug, p.name) for p in PATHWAYS]


def working_language_choices() -> list[tuple[str, str]]:
    return list(WORKING_LANGUAGE_NAMES.items())


class ListFilterForm(forms.Form):
    """The GET filters of a list page (directory, news, campaigns), shared by its API: a
    wrong value is explained beside its field, in the reader's language, and ignored."""

    names: tuple[str, ...] = ()

    def explain(self, messages: dict) -> None:
        """Set each field's message for an unknown choice (a value the list does not know)."""
        messages = {
            "governorate": _("Unknown governorate code: %(value)s. Use an ISO 3166-2:IQ code such as IQ-BG."),
            "pathway": _("Unknown pathway: %(value)s."),
            **messages,
        }
        for name, message in messages.items():
            if name in self.fields:
                self.fields[name].error_messages["invalid_choice"] = message
        self.fields["q"].error_messages["max_length"] = _("The search is too long: at most %(limit_value)d characters.")

    def full_clean(self) -> None:
        # Accept lower-case codes in links ("iq-bg", "it").
        if self.is_bound and (self.data.get("governorate") or self.data.get("country")):
            self.data = self.data.copy()
            if self.data.get("governorate", "").lower().startswith("iq-"):
                self.data["governorate"] = self.data["governorate"].upper()
            if self.data.get("country"):
                self.data["country"] = self.data["country"].upper()
        super().full_clean()

    def valid_values(self) -> dict[str, str]:
        """The filters that are valid; an invalid one is dropped (its error shows beside it)."""
        if not self.is_bound:
            return {}
        return {
            name: (self.cleaned_data.get(name) or "").strip() for name in self.names if name not in self.errors
        }


class DirectoryFilterForm(ListFilterForm):
    """The directory's filters. Serves the page and the API, so both refuse the same input."""

    names = ("q", "kind", "origin", "governorate", "pathway", "country", "language")

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=Select)
    origin = forms.ChoiceField(label=_("Based in"), required=False, widget=Select)
    governorate = forms.ChoiceField(label=_("Governorate"), required=False, widget=Select)
    pathway = forms.ChoiceField(label=_("Pathway"), required=False, widget=Select)
    country = forms.ChoiceField(label=_("Country"), required=False, widget=Select)
    language = forms.ChoiceField(label=_("Language"), required=False, widget=Select)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        self.fields["kind"].choices = anything + list(Organisation.Kind.choices)
        self.fields["origin"].choices = anything + [("iraqi", _("Iraq")), ("international", _("Abroad"))]
        self.fields["governorate"].choices = anything + governorate_choices()
        self.fields["pathway"].choices = anything + pathway_choices()
        # Only the countries where member organisations are based are offered; any other
        # valid code is still accepted (it finds nothing) and an unknown one is refused.
        present = set(countries_with_members())
        selected = (self.data.get("country") or "").upper() if self.is_bound else ""
        self.fields["country"].choices = anything + [
            (code, name) for code, name in countries if code in present or code == selected
        ]
        self.fields["language"].choices = anything + working_language_choices()
        self.explain({
            "kind": _("Unknown kind of organisation: %(value)s."),
            "origin": _("Choose Iraq or abroad."),
            "country": _("Unknown country code: %(value)s. Use a two-letter ISO code such as IQ or IT."),
            "language": _("Unknown language: %(value)s."),
        })

    def filters(self) -> DirectoryFilters:
        return DirectoryFilters(**self.valid_values())


CONTACT_KINDS = list(ContactDetail.Kind)


class OrganisationProfileForm(forms.Form):
    """An organisation's profile: names and descriptions in several languages, where it
    works, and contact details each with who may see them."""

    name = forms.CharField(label=_("Name"), max_length=200, help_text=_("The name in the organisation's own language."))
    original_language = forms.ChoiceField(label=_("Language of the name and description"), choices=settings.LANGUAGES, widget=Select)
    kind = forms.ChoiceField(label=_("Kind of organisation"), choices=Organisation.Kind.choices, widget=Select)
    country = forms.ChoiceField(label=_("Country where it is based"), initial="IQ", widget=Select)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 5}), required=False, max_length=5000)
    governorates = forms.MultipleChoiceField(label=_("Governorates of activity"), required=False, widget=forms.CheckboxSelectMultiple)
    pathways = forms.MultipleChoiceField(label=_("Pathways"), required=False, widget=forms.CheckboxSelectMultiple)
    languages = forms.MultipleChoiceField(label=_("Working languages"), required=False, widget=forms.CheckboxSelectMultiple)
    year_founded = forms.IntegerField(label=_("Year founded"), required=False, min_value=1850, max_value=2100)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = list(countries)
        self.fields["governorates"].choices = governorate_choices()
        self.fields["pathways"].choices = pathway_choices()
        self.fields["languages"].choices = working_language_choices()
        for code, _label in settings.LANGUAGES:
            self.fields[f"name_{code}"] = forms.CharField(
                label=_("Name in %(language)s") % {"language": LANGUAGE_NAMES[code]}, required=False, max_length=200
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description in %(language)s") % {"language": LANGUAGE_NAMES[code]},
                required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3}),
            )
        for kind in CONTACT_KINDS:
            field = forms.EmailField if kind == ContactDetail.Kind.EMAIL else forms.CharField
            self.fields[f"contact_{kind.value}"] = field(label=kind.label, required=False, max_length=300)
            self.fields[f"contact_{kind.value}_visibility"] = forms.ChoiceField(
                label=_("Who may see it"), choices=Visibility.choices, initial=Visibility.MEMBERS
            )

    @property
    def translated_fields(self):
        return [(self[f"name_{code}"], self[f"description_{code}"]) for code, _l in settings.LANGUAGES]

    @property
    def contact_fields(self):
        return [(self[f"contact_{k.value}"], self[f"contact_{k.value}_visibility"]) for k in CONTACT_KINDS]

    @classmethod
    def initial_for(cls, organisation: Organisation) -> dict:
        initial = {
            "name": organisation.name,
            "original_language": organisation.original_language,
            "kind": organisation.kind,
            "country": organisation.country.code,
            "description": organisation.description,
            "governorates": [g.iso_code for g in organisation.governorates.all()],
            "pathways": [p.slug for p in organisation.pathways.all()],
            "languages": [w.code for w in organisation.languages.all()],
            "year_founded": organisation.year_founded,
            "website": organisation.website,
        }
        for code, text in organisation.names.items():
            initial[f"name_{code}"] = text
        for code, text in organisation.descriptions.items():
            initial[f"description_{code}"] = text
        for contact in organisation.contacts.all():
            initial.setdefault(f"contact_{contact.kind}", contact.value)
            initial.setdefault(f"contact_{contact.kind}_visibility", contact.visibility)
        return initial

    def to_profile(self) -> OrganisationProfile:
        data = self.cleaned_data
        codes = [code for code, _l in settings.LANGUAGES]
        return OrganisationProfile(
            name=data["name"],
            kind=data["kind"],
            country=data["country"],
            original_language=data["original_language"],
            description=data.get("description") or "",
            names={code: data.get(f"name_{code}") or "" for code in codes},
            descriptions={code: data.get(f"description_{code}") or "" for code in codes},
            governorates=list(Governorate.objects.filter(iso_code__in=data["governorates"])),
            pathways=list(Pathway.objects.filter(slug__in=data["pathways"])),
            languages=list(WorkingLanguage.objects.filter(code__in=data["languages"])),
            year_founded=data.get("year_founded"),
            website=data.get("website") or "",
            contacts=[
                ContactInput(kind=k.value, value=data.get(f"contact_{k.value}") or "", visibility=data[f"contact_{k.value}_visibility"])
                for k in CONTACT_KINDS
            ],
        )


class LogoForm(forms.Form):
    logo = forms.FileField(label=_("Logo"), help_text=_("A JPEG, PNG, GIF or WebP image of at most 2 MB."))


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the rejection"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.MEMBER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)
