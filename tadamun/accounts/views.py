from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tadamun.core.errors import DomainError, NotFound
from tadamun.network import queries as network_queries

from . import services
from .forms import ApiTokenForm, PreferencesForm


def _account_page(request: HttpRequest, *, token_form=None, prefs_form=None, new_token: str = "", status: int = 200):
    user = request.user
    context = {
        "memberships": network_queries.my_organisations(user),
        "applications": network_queries.my_applications(user),
        "tokens": list(user.api_tokens.all()),
        "token_form": token_form or ApiTokenForm(),
        "prefs_form": prefs_form or PreferencesForm(initial={"display_name": user.display_name, "language": user.language}),
        "new_token": new_token,
    }
    return render(request, "accounts/account.html", context, status=status)


@login_required
def account(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.update_preferences(by=request.user, **form.cleaned_data)
            messages.success(request, _("Your preferences are saved."))
            return redirect("accounts:account")
        return _account_page(request, prefs_form=form, status=400)
    return _account_page(request)


@login_required
@require_POST
def create_token(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        try:
            _token, raw = services.create_api_token(by=request.user, name=form.cleaned_data["name"])
        except DomainError as error:
            form.add_error("name", error.message)
        else:
            # Shown once, on this response only; never stored.
            return _account_page(request, new_token=raw)
    return _account_page(request, token_form=form, status=400)


@login_required
@require_POST
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    try:
        services.revoke_api_token(by=request.user, token_id=token_id)
    except NotFound as error:
        raise Http404 from error
    messages.success(request, _("The token is revoked."))
    return redirect("accounts:account")
