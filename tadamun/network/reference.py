"""Reference lists of the network: working languages (translated names) and governorates."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tadamun.core.geo import governorates

WORKING_LANGUAGE_NAMES = {
    "ar": _("Arabic"),
    "ckb": _("Central Kurdish (Sorani)"),
    "kmr": _("Northern Kurdish (Kurmanji)"),
    "en": _("English"),
    "it": _("Italian"),
    "syr": _("Syriac"),
    "tk": _("Turkmen"),
    "hy": _("Armenian"),
    "fa": _("Persian"),
    "tr": _("Turkish"),
    "fr": _("French"),
    "de": _("German"),
    "es": _("Spanish"),
}

# The 18 governorates with their names in every language (shipped in the repository).
governorate_reference = governorates
