"""allauth's MFA adapter stores TOTP secrets and recovery seeds in plaintext: encrypt them."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.utils.translation import get_language

from tadamun.core import crypto

_CONTEXT = "allauth.mfa.Authenticator"


class EncryptingMFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text, context=_CONTEXT)

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt(encrypted_text, context=_CONTEXT)


class AccountAdapter(DefaultAccountAdapter):
    """Remembers the language a person signed up in, for the emails we send them."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        language = get_language() or "en"
        user.language = language if language in dict(settings.LANGUAGES) else "en"
        if commit:
            user.save()
        return user
