from django.conf import settings

# Each language named in itself, as the switcher shows it.
LANGUAGE_NAMES = {"en": "English", "ar": "العربية", "ckb": "کوردی", "kmr": "Kurdî", "it": "Italiano"}


def site(request):
    return {
        "site_languages": [
            {"code": code, "name_local": LANGUAGE_NAMES.get(code, code)} for code, _name in settings.LANGUAGES
        ],
    }
