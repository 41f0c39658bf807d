"""Forms of the newsroom: the filter (pages, feeds and API) and the article editor."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tadamun.core.context_processors import LANGUAGE_NAMES
from tadamun.core.markdown import paragraphs
from tadamun.core.widgets import Select
from tadamun.network.forms import ListFilterForm, governorate_choices, pathway_choices
from tadamun.network.models import Governorate
from tadamun.pathways.models import Pathway

from .models import Article
from .queries import ArticleFilters
from .services import ArticleDraft


def language_choices() -> list[tuple[str, str]]:
    return [(code, LANGUAGE_NAMES[code]) for code, _name in settings.LANGUAGES]


class ArticleFilterForm(ListFilterForm):
    names = ("q", "kind", "language", "pathway", "governorate", "organisation")

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=Select)
    language = forms.ChoiceField(label=_("Written in"), required=False, widget=Select)
    pathway = forms.ChoiceField(label=_("Pathway"), required=False, widget=Select)
    governorate = forms.ChoiceField(label=_("Governorate"), required=False, widget=Select)
    organisation = forms.SlugField(label=_("Organisation"), required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        self.fields["kind"].choices = anything + list(Article.Kind.choices)
        self.fields["language"].choices = anything + language_choices()
        self.fields["pathway"].choices = anything + pathway_choices()
        self.fields["governorate"].choices = anything + governorate_choices()
        self.explain({"kind": _("Unknown kind of article: %(value)s."), "language": _("Unknown language: %(value)s.")})

    def filters(self) -> ArticleFilters:
        return ArticleFilters(**self.valid_values())


class ArticleForm(forms.Form):
    """An article as its editor writes it."""

    title = forms.CharField(label=_("Title"), max_length=200)
    original_language = forms.ChoiceField(label=_("Written in"), widget=Select)
    kind = forms.ChoiceField(label=_("Kind"), choices=Article.Kind.choices, widget=Select)
    summary = forms.CharField(
        label=_("Summary"), max_length=400, required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences shown in lists and shared links."),
    )
    body = forms.CharField(
        label=_("Text"), max_length=100_000, widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Markdown: a blank line between paragraphs; **bold**, *italic*, [a link](https://…), ## a heading, - a list."),
    )
    pathways = forms.MultipleChoiceField(label=_("Pathways"), required=False, widget=forms.CheckboxSelectMultiple)
    governorates = forms.MultipleChoiceField(label=_("Governorates"), required=False, widget=forms.CheckboxSelectMultiple)
    cover_alt = forms.CharField(
        label=_("Description of the cover image"), max_length=200, required=False,
        help_text=_("For readers who cannot see the image."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["original_language"].choices = language_choices()
        self.fields["pathways"].choices = pathway_choices()
        self.fields["governorates"].choices = governorate_choices()

    @classmethod
    def initial_for(cls, article: Article) -> dict:
        return {
            "title": article.title,
            "original_language": article.original_language,
            "kind": article.kind,
            "summary": article.summary,
            "body": article.body,
            "pathways": [p.slug for p in article.pathways.all()],
            "governorates": [g.iso_code for g in article.governorates.all()],
            "cover_alt": article.cover_alt,
        }

    def to_draft(self) -> ArticleDraft:
        data = self.cleaned_data
        return ArticleDraft(
            title=data["title"],
            body=data["body"],
            kind=data["kind"],
            original_language=data["original_language"],
            summary=data.get("summary") or "",
            pathways=list(Pathway.objects.filter(slug__in=data["pathways"])),
            governorates=list(Governorate.objects.filter(iso_code__in=data["governorates"])),
            cover_alt=data.get("cover_alt") or "",
        )


class CoverForm(forms.Form):
    cover = forms.FileField(label=_("Cover image"), help_text=_("A JPEG, PNG, GIF or WebP image of at most 8 MB."))


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("PDF file"), help_text=_("A PDF of at most 20 MB, such as the full report."))
    title = forms.CharField(label=_("Title of the document"), max_length=200, required=False)


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("What should change"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class TranslationRequestForm(forms.Form):
    languages = forms.MultipleChoiceField(label=_("Translate into"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, article: Article, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = [c for c in language_choices() if c[0] != article.original_language]


def pair_choices() -> list[tuple[str, str]]:
    return [
        # Each name isolated (U+2068…U+2069) so "العربية → کوردی" keeps its order.
        (f"{source}:{target}", f"\u2068{LANGUAGE_NAMES[source]}\u2069 → \u2068{LANGUAGE_NAMES[target]}\u2069")
        for source, _s in settings.LANGUAGES
        for target, _t in settings.LANGUAGES
        if source != target
    ]


class VolunteerForm(forms.Form):
    pairs = forms.MultipleChoiceField(label=_("I translate"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pairs"].choices = pair_choices()

    def cleaned_pairs(self) -> list[tuple[str, str]]:
        return [tuple(value.split(":", 1)) for value in self.cleaned_data["pairs"]]


class TranslationForm(forms.Form):
    """The side-by-side editor: a title, a summary and one field per paragraph of the original."""

    title = forms.CharField(label=_("Title"), max_length=200, required=False, widget=forms.TextInput(attrs={"dir": "auto"}))
    summary = forms.CharField(
        label=_("Summary"), max_length=400, required=False, widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"})
    )

    def __init__(self, *args, originals: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.originals = originals
        for index, _original in enumerate(originals):
            self.fields[f"paragraph_{index}"] = forms.CharField(
                label=_("Paragraph %(number)s") % {"number": index + 1}, required=False, max_length=20_000,
                widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
            )

    @classmethod
    def initial_for(cls, version, originals: list[str]) -> dict:
        """The fields as the translator left them (a machine draft: its paragraphs)."""
        initial = {"title": version.title, "summary": version.summary}
        saved = version.paragraphs or paragraphs(version.body)
        for index, text in enumerate(saved[: len(originals)]):
            initial[f"paragraph_{index}"] = text
        return initial

    def rows(self):
        """(original paragraph, its field) for the side-by-side view."""
        return [(original, self[f"paragraph_{i}"]) for i, original in enumerate(self.originals)]

    def paragraphs(self) -> list[str]:
        return [self.cleaned_data.get(f"paragraph_{i}") or "" for i in range(len(self.originals))]


class DigestForm(forms.Form):
    active = forms.BooleanField(label=_("Send me the weekly digest"), required=False, initial=True)
    pathways = forms.MultipleChoiceField(
        label=_("Pathways"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: all pathways."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages I read"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: all languages."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pathways"].choices = pathway_choices()
        self.fields["languages"].choices = language_choices()
