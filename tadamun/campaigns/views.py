"""Pages of campaigns. Each view parses input, calls one query or service, renders."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from tadamun.core.errors import DomainError, TooManyRequests, found_or_404, show_on_form
from tadamun.core.ratelimit import client_ip, limit_search_rate, query_without_page
from tadamun.network.forms import acting_for

from . import queries, services
from .forms import (
    ActionForm,
    AuthorityForm,
    CampaignFilterForm,
    CampaignForm,
    CampaignTranslationForm,
    DeliveryForm,
    EndorseForm,
    IndicatorForm,
    MeasurementForm,
    MessageForm,
    MessageTranslationForm,
    MilestoneForm,
    OutcomeForm,
    ReachedForm,
    ReviewForm,
    SignatureForm,
    UpdateForm,
)
from .models import Action, Campaign, Endorsement, Indicator, Message, Milestone


@limit_search_rate("campaigns")
def campaign_list(request: HttpRequest) -> HttpResponse:
    form = CampaignFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    filters = form.filters()
    context = {
        "form": form,
        "filters": filters,
        "page": queries.page_of(filters, request.GET.get("page")),
        "query": query_without_page(request),
        "can_propose": bool(queries.campaigns_led_by(request.user)),
        "reviews": request.user.has_perm("campaigns.review_campaign"),
    }
    template = "campaigns/_results.html" if request.headers.get("HX-Request") else "campaigns/list.html"
    return render(request, template, context)


def _campaign(request: HttpRequest, slug: str) -> Campaign:
    return found_or_404(queries.campaign_for_viewer, request.user, slug)


def campaign(request: HttpRequest, slug: str) -> HttpResponse:
    found = _campaign(request, slug)
    organisations = queries.organisations_speaking(request.user, found)
    context = {
        "campaign": found,
        "parts": queries.campaign_page(found),
        "can_change": request.user.has_perm("campaigns.change_campaign", found),
        "endorse_form": EndorseForm(organisations=organisations) if organisations and found.status == "active" else None,
        "message_form": _message_form(request, found),
        "translation_languages": [code for code, _name in settings.LANGUAGES],
    }
    return render(request, "campaigns/campaign.html", context)


def _message_form(request: HttpRequest, found: Campaign, data=None) -> MessageForm | None:
    if not request.user.has_perm("campaigns.post_message", found):
        return None
    organisations = [m.organisation for m in request.user.memberships.select_related("organisation")]
    initial = {"language": request.LANGUAGE_CODE, "name": request.user.display_name or ""}
    return MessageForm(data, organisations=organisations, initial=initial)


@login_required
def propose(request: HttpRequest) -> HttpResponse:
    organisations = queries.campaigns_led_by(request.user)
    if not organisations:
        return render(request, "campaigns/cannot_propose.html", status=403)
    lead = acting_for(request, organisations)
    form = CampaignForm(request.POST or None, initial={"original_language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            created = services.propose_campaign(by=request.user, lead=lead, draft=form.to_draft())
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The campaign is proposed. Coordinators will review it; meanwhile add its authorities, milestones and indicators."))
            return redirect("campaigns:manage", slug=created.slug)
    return render(request, "campaigns/propose.html", {"form": form, "organisations": organisations, "organisation": lead})


def _runnable(request: HttpRequest, slug: str) -> Campaign:
    found = _campaign(request, slug)
    if not request.user.has_perm("campaigns.change_campaign", found):
        raise Http404
    return found


# The forms of the campaign desk: name → (form class, service call). Each posts to `manage`
# with `form=<name>`; a refusal re-renders the desk with the form as typed and its message.
def _authority(request, found, form):
    return services.add_authority(
        by=request.user, campaign=found, kind=form.cleaned_data["kind"], name=form.cleaned_data["name"],
        governorate=form.governorate_object(),
    )


def _milestone(request, found, form):
    return services.add_milestone(by=request.user, campaign=found, **form.cleaned_data)


def _reached(request, found, form):
    milestone = get_object_or_404(Milestone, pk=request.POST.get("milestone"), campaign=found)
    return services.reach_milestone(by=request.user, milestone=milestone, reached_on=form.cleaned_data["reached_on"])


def _indicator(request, found, form):
    return services.add_indicator(by=request.user, campaign=found, **form.cleaned_data)


def _measurement(request, found, form):
    indicator = get_object_or_404(Indicator, pk=request.POST.get("indicator"), campaign=found)
    return services.record_measurement(by=request.user, indicator=indicator, **form.cleaned_data)


def _update(request, found, form):
    return services.post_update(by=request.user, campaign=found, **form.cleaned_data)


def _action(request, found, form):
    return services.open_action(by=request.user, campaign=found, draft=form.to_draft())


def _outcome(request, found, form):
    return services.set_outcome(by=request.user, campaign=found, status=form.cleaned_data["status"])


def _translation(request, found, form):
    return services.translate_campaign(by=request.user, campaign=found, **form.cleaned_data)


def _details(request, found, form):
    return services.edit_campaign(by=request.user, campaign=found, draft=form.to_draft())


DESK_FORMS = {
    "details": (CampaignForm, _details, _("The campaign is saved.")),
    "translation": (CampaignTranslationForm, _translation, _("The translation is saved.")),
    "authority": (AuthorityForm, _authority, _("The authority is added.")),
    "milestone": (MilestoneForm, _milestone, _("The milestone is added.")),
    "reached": (ReachedForm, _reached, _("The milestone is updated.")),
    "indicator": (IndicatorForm, _indicator, _("The indicator is added.")),
    "measurement": (MeasurementForm, _measurement, _("The measurement is recorded.")),
    "update": (UpdateForm, _update, _("The update is posted.")),
    "action": (ActionForm, _action, _("It is open: share its page.")),
    "outcome": (OutcomeForm, _outcome, _("The campaign's status is saved.")),
}


def _desk_form(name: str, found: Campaign, data=None, request=None):
    form_class = DESK_FORMS[name][0]
    kwargs = {"campaign": found} if form_class in (ActionForm, CampaignTranslationForm) else {}
    initial = None
    if name == "details":
        initial = CampaignForm.initial_for(found)
    elif name in ("update", "action") and request is not None:
        initial = {"language": request.LANGUAGE_CODE}
    elif name == "outcome":
        initial = {"status": found.status}
    return form_class(data, prefix=name, initial=initial, **kwargs)


@login_required
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    """The campaign desk: details, translations, authorities, timeline, indicators, actions,
    updates, endorsement requests and messages waiting for moderation."""
    found = _runnable(request, slug)
    forms = {name: _desk_form(name, found, request=request) for name in DESK_FORMS}
    status = 200
    name = request.POST.get("form", "")
    if request.method == "POST" and name in DESK_FORMS:
        form = forms[name] = _desk_form(name, found, request.POST, request)
        if form.is_valid():
            try:
                DESK_FORMS[name][1](request, found, form)
            except DomainError as error:
                show_on_form(form, error)
            else:
                messages.success(request, DESK_FORMS[name][2])
                return redirect(reverse("campaigns:manage", kwargs={"slug": found.slug}) + f"#{name}")
        status = 400
    context = {
        "campaign": found,
        "parts": queries.campaign_page(found),
        "desk": queries.desk(found),
        "forms": forms,
        "open_form": name,
        "can_export": request.user.has_perm("campaigns.export_signatures", found),
        "translation_form": MessageTranslationForm(),
    }
    return render(request, "campaigns/manage.html", context, status=status)


@login_required
@require_POST
def decide_endorsement(request: HttpRequest, slug: str, endorsement_id: int) -> HttpResponse:
    found = _runnable(request, slug)
    endorsement = get_object_or_404(Endorsement, pk=endorsement_id, campaign=found)
    try:
        services.decide_endorsement(by=request.user, endorsement=endorsement, accept=request.POST.get("accept") == "1")
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The endorsement is answered."))
    return redirect(reverse("campaigns:manage", kwargs={"slug": found.slug}) + "#requests")


@login_required
@require_POST
def moderate(request: HttpRequest, slug: str, message_id: int) -> HttpResponse:
    found = _runnable(request, slug)
    message = get_object_or_404(Message, pk=message_id, campaign=found)
    try:
        services.moderate_message(by=request.user, message=message, publish=request.POST.get("publish") == "1")
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The message is moderated."))
    return redirect(reverse("campaigns:manage", kwargs={"slug": found.slug}) + "#requests")


@login_required
@require_POST
def translate_message(request: HttpRequest, slug: str, message_id: int) -> HttpResponse:
    found = _campaign(request, slug)
    message = get_object_or_404(Message, pk=message_id, campaign=found)
    form = MessageTranslationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a language and write the translation."))
    else:
        try:
            services.translate_message(by=request.user, message=message, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The translation is saved."))
    return redirect(reverse("campaigns:campaign", kwargs={"slug": found.slug}) + "#messages")


@login_required
def review(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("campaigns.review_campaign"):
        raise Http404
    return render(request, "campaigns/review.html", {"campaigns": queries.review_queue(), "form": ReviewForm()})


@login_required
@require_POST
def decide(request: HttpRequest, slug: str) -> HttpResponse:
    found = _campaign(request, slug)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to approve the campaign."))
        return redirect("campaigns:review")
    try:
        services.review_campaign(
            by=request.user, campaign=found, approve=form.cleaned_data["decision"] == "approve",
            reason=form.cleaned_data["reason"],
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The campaign is reviewed and its organisers are told."))
    return redirect("campaigns:review")


@login_required
@require_POST
def endorse(request: HttpRequest, slug: str) -> HttpResponse:
    found = _campaign(request, slug)
    form = EndorseForm(request.POST, organisations=queries.organisations_speaking(request.user, found))
    if not form.is_valid():
        messages.error(request, _("Choose the organisation that endorses the campaign."))
    else:
        try:
            services.request_endorsement(
                by=request.user, campaign=found, organisation=form.organisations[form.cleaned_data["organisation"]],
                statement=form.cleaned_data["statement"],
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your endorsement is sent: the lead organisation will accept or decline it."))
    return redirect(reverse("campaigns:campaign", kwargs={"slug": found.slug}) + "#endorsements")


@login_required
def post_message(request: HttpRequest, slug: str) -> HttpResponse:
    found = _campaign(request, slug)
    form = _message_form(request, found, request.POST if request.method == "POST" else None)
    if form is None:
        raise Http404
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.post_message(
                by=request.user, campaign=found, text=data["text"], language=data["language"], name=data["name"],
                country=data["country"], organisation=form.organisations.get(data["organisation"]),
            )
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("Thank you. Your message will appear once the campaign's organisers publish it."))
            return redirect(reverse("campaigns:campaign", kwargs={"slug": found.slug}) + "#messages")
    return render(request, "campaigns/message.html", {"campaign": found, "form": form}, status=400 if form.is_bound else 200)


# --- Petitions and letters ------------------------------------------------------------------


def _action(request: HttpRequest, slug: str, action_id: int) -> Action:
    return found_or_404(queries.action_for_viewer, request.user, slug, action_id)


def _sign(request: HttpRequest, found: Action, form: SignatureForm) -> tuple[bool, int]:
    """Validate and sign; (signed, status) — the form carries any refusal."""
    if not form.is_valid():
        return False, 400
    try:
        services.sign(action=found, signer=form.to_signer(), language=request.LANGUAGE_CODE, client=client_ip(request))
    except TooManyRequests as error:
        show_on_form(form, error)
        return False, 429
    except DomainError as error:
        show_on_form(form, error)
        return False, 400
    return True, 200


def action(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    """A petition or a letter: its text, its counter, its public signers and the form."""
    found = _action(request, slug, action_id)
    form = SignatureForm(request.POST if request.method == "POST" else None, action=found)
    status = 200
    if request.method == "POST":
        signed, status = _sign(request, found, form)
        if signed:
            return redirect(reverse("campaigns:signed", kwargs={"slug": slug, "action_id": found.pk}))
    context = {
        "action": found,
        "campaign": found.campaign,
        "form": form,
        "open": services.is_open(found) and found.campaign.status == Campaign.Status.ACTIVE,
        "signers": queries.public_signers(found),
        "momentum": queries.momentum(found),
        "can_export": request.user.has_perm("campaigns.export_signatures", found.campaign),
        "can_change": request.user.has_perm("campaigns.change_campaign", found.campaign),
        "delivery_form": DeliveryForm(),
    }
    return render(request, "campaigns/action.html", context, status=status)


def signed(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    found = _action(request, slug, action_id)
    return render(request, "campaigns/signed.html", {"action": found, "campaign": found.campaign})


def _embed_headers(response: HttpResponse) -> HttpResponse:
    """Only this page may be framed, by the sites CAMPAIGNS_EMBED_ANCESTORS allows."""
    response._csp_replace = {"frame-ancestors": settings.CAMPAIGNS_EMBED_ANCESTORS}
    return response


@xframe_options_exempt
@csrf_exempt  # a third-party frame gets no cookies; the form's signed token and double opt-in guard it
def embed(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    found = _action(request, slug, action_id)
    if found.kind != Action.Kind.PETITION:
        raise Http404
    form = SignatureForm(request.POST if request.method == "POST" else None, action=found)
    status, done = 200, False
    if request.method == "POST":
        done, status = _sign(request, found, form)
    context = {
        "action": found, "campaign": found.campaign, "form": form, "done": done,
        "open": services.is_open(found) and found.campaign.status == Campaign.Status.ACTIVE,
    }
    return _embed_headers(render(request, "campaigns/embed.html", context, status=status))


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the email opens a page with one button: mail scanners that open links do
    not confirm anything; the person does."""
    if request.method != "POST":
        return render(request, "campaigns/confirm.html", {"token": token})
    try:
        result = services.confirm_signature(token)
    except DomainError as error:
        return render(request, "campaigns/confirm.html", {"error": error.message}, status=400)
    return render(request, "campaigns/confirm.html", {"result": result, "action": result.signature.action})


def withdraw(request: HttpRequest, token: str) -> HttpResponse:
    if request.method != "POST":
        return render(request, "campaigns/withdraw.html", {"token": token})
    try:
        withdrawn = services.withdraw_signature(token)
    except DomainError as error:
        return render(request, "campaigns/withdraw.html", {"error": error.message}, status=400)
    return render(request, "campaigns/withdraw.html", {"done": True, "action": withdrawn.action})


def stop_news(request: HttpRequest, token: str) -> HttpResponse:
    if request.method != "POST":
        return render(request, "campaigns/stop_news.html", {"token": token})
    try:
        signature = services.stop_news(token)
    except DomainError as error:
        return render(request, "campaigns/stop_news.html", {"error": error.message}, status=400)
    return render(request, "campaigns/stop_news.html", {"done": True, "campaign": signature.action.campaign})


@login_required
def export_csv(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    found = _action(request, slug, action_id)
    try:
        rows = services.export_csv(by=request.user, action=found)
    except DomainError as error:
        raise Http404(error.message) from error
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="signatures-{found.pk}.csv"'
    return response


@login_required
def letters_pdf(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    found = _action(request, slug, action_id)
    if found.kind != Action.Kind.LETTER:
        raise Http404
    try:
        pdf = services.compile_letters(by=request.user, action=found)
    except DomainError as error:
        raise Http404(error.message) from error
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="letters-{found.pk}.pdf"'
    return response


@login_required
@require_POST
def deliver(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    found = _action(request, slug, action_id)
    form = DeliveryForm(request.POST)
    if form.is_valid():
        try:
            services.record_delivery(by=request.user, action=found, **form.cleaned_data)
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The delivery is recorded."))
            return redirect(found.get_absolute_url())
    context = {"action": found, "campaign": found.campaign, "delivery_form": form, "can_change": True}
    return render(request, "campaigns/deliver.html", context, status=400)


@login_required
@require_POST
def close(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    found = _action(request, slug, action_id)
    try:
        services.close_action(by=request.user, action=found)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("It is closed: no more signatures are collected."))
    return redirect(found.get_absolute_url())
