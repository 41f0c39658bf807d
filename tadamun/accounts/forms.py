from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=80, help_text=_("What the token is for, e.g. 'our website'."))


class PreferencesForm(forms.Form):
    display_name = forms.CharField(label=_("Your name"), max_length=150, required=False)
    language = forms.ChoiceField(label=_("Language of our emails to you"), choices=settings.LANGUAGES)
