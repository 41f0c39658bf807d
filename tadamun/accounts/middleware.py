"""Coordinators must set up two-factor authentication before anything else.

allauth has no setting that makes MFA mandatory for a role; this middleware does it for
staff: until they have an authenticator, every page but the 2FA set-up, logout and static
files sends them to the set-up page.
"""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

_ALLOWED_NAMES = {
    "mfa_index", "mfa_activate_totp", "mfa_view_recovery_codes", "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes", "account_logout", "account_reauthenticate", "mfa_reauthenticate",
    "account_email", "account_confirm_email", "account_change_password",
}


class RequireMFAForStaffMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if not (settings.TADAMUN_REQUIRE_MFA_FOR_STAFF and user is not None and user.is_authenticated and user.is_staff):
            return None
        if request.path.startswith("/api/health"):
            return None
        match = request.resolver_match
        if match is not None and match.url_name in _ALLOWED_NAMES:
            return None
        if Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists():
            return None
        messages.warning(request, _("Coordinators must turn on two-factor authentication before going on."))
        return redirect(reverse("mfa_activate_totp"))
