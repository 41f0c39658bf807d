"""Pages of opportunities and applications. Each view parses input, calls one query or service,
renders. Refusals of a service come back beside the field they concern, with what was typed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tadamun.core.errors import DomainError, TooManyRequests, found_or_404, show_on_form
from tadamun.core.ratelimit import limit_search_rate, query_without_page
from tadamun.network.forms import acting_for

from . import queries, services
from .forms import ApplicationForm, DecideApplicationForm, OpportunityFilterForm, OpportunityForm
from .models import Application, Opportunity, SecurityLevel

DESK_PAGE_SIZE = 50


@limit_search_rate("opportunities")
def opportunity_list(request: HttpRequest) -> HttpResponse:
    form = OpportunityFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    filters = form.filters()
    context = {
        "form": form,
        "filters": filters,
        "page": queries.opportunities_page(filters, request.GET.get("page")),
        "query": query_without_page(request),
        "can_publish": bool(queries.organisations_run_by(request.user)),
    }
    template = "solidarity/_opportunity_results.html" if request.headers.get("HX-Request") else "solidarity/opportunity_list.html"
    return render(request, template, context)


@login_required
def publish(request: HttpRequest) -> HttpResponse:
    organisations = queries.organisations_run_by(request.user)
    if not organisations:
        return render(request, "solidarity/cannot_publish.html", status=403)
    publisher = acting_for(request, organisations)
    form = OpportunityForm(request.POST or None, initial={"original_language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            created = services.publish_opportunity(by=request.user, organisation=publisher, draft=form.to_draft())
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The opportunity is published. Applications will reach you by email and on its applications page."))
            return redirect(created.get_absolute_url() + "?saved=1")
    context = {"form": form, "organisations": organisations, "organisation": publisher, "opportunity": None}
    return render(request, "solidarity/opportunity_form.html", context, status=400 if form.is_bound else 200)


def _opportunity(request: HttpRequest, slug: str) -> Opportunity:
    return found_or_404(queries.opportunity_for_viewer, request.user, slug)


def _opportunity_page(request: HttpRequest, found: Opportunity, form: ApplicationForm | None = None, status: int = 200) -> HttpResponse:
    """The opportunity's page; `form` is an application form refused by the service, shown as typed."""
    level, notes = services.security_of(found)
    mine = queries.application_of(request.user, found)
    organisations = queries.organisations_of(request.user)
    own = any(o.pk == found.organisation_id for o in organisations)
    if form is None and request.user.is_authenticated and found.is_open and mine is None and not own and level != SecurityLevel.SUSPENDED:
        form = ApplicationForm(organisations=organisations)
    context = {
        "opportunity": found,
        "security_level": level,
        "security_notes": notes,
        "application": mine,
        "apply_form": form,
        "own": own,
        "can_change": request.user.has_perm("solidarity.change_opportunity", found),
        "can_manage": request.user.has_perm("solidarity.manage_applications", found),
    }
    return render(request, "solidarity/opportunity.html", context, status=status)


def opportunity(request: HttpRequest, slug: str) -> HttpResponse:
    return _opportunity_page(request, _opportunity(request, slug))


@login_required
@require_POST
def apply(request: HttpRequest, slug: str) -> HttpResponse:
    found = _opportunity(request, slug)
    form = ApplicationForm(request.POST, organisations=queries.organisations_of(request.user))
    if not form.is_valid():
        return _opportunity_page(request, found, form, status=400)
    try:
        services.apply(
            by=request.user, opportunity=found, message=form.cleaned_data["message"], kind=form.cleaned_data["kind"],
            organisation=form.chosen_organisation(),
        )
    except TooManyRequests as error:
        show_on_form(form, error)
        return _opportunity_page(request, found, form, status=429)
    except DomainError as error:
        show_on_form(form, error)
        return _opportunity_page(request, found, form, status=400)
    messages.success(request, _("Your application is sent. The publisher will answer you here and by email."))
    return redirect(found.get_absolute_url() + "?saved=1#apply")


def _changeable(request: HttpRequest, slug: str) -> Opportunity:
    found = _opportunity(request, slug)
    if not request.user.has_perm("solidarity.change_opportunity", found):
        raise Http404
    return found


@login_required
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    found = _changeable(request, slug)
    form = OpportunityForm(request.POST or None, initial=OpportunityForm.initial_for(found))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_opportunity(by=request.user, opportunity=found, draft=form.to_draft())
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The opportunity is saved."))
            return redirect(found.get_absolute_url() + "?saved=1")
    context = {"form": form, "opportunity": found, "organisation": found.organisation}
    return render(request, "solidarity/opportunity_form.html", context, status=400 if form.is_bound else 200)


@login_required
@require_POST
def close(request: HttpRequest, slug: str) -> HttpResponse:
    found = _changeable(request, slug)
    reopen = request.POST.get("reopen") == "1"
    try:
        services.close_opportunity(by=request.user, opportunity=found, reopen=reopen)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The opportunity is open again.") if reopen else _("The opportunity is closed: it takes no more applications."))
    return redirect(found.get_absolute_url())


# --- The publisher's desk -------------------------------------------------------------------


def _managed(request: HttpRequest, slug: str) -> Opportunity:
    found = _opportunity(request, slug)
    if not request.user.has_perm("solidarity.manage_applications", found):
        raise Http404
    return found


def _decide_form(application: Application, data=None) -> DecideApplicationForm:
    initial = {"status": application.status if application.status in services.DECISIONS else None, "answer": application.answer}
    return DecideApplicationForm(data, prefix=f"a{application.pk}", initial=initial)


def _desk(request: HttpRequest, found: Opportunity, refused: DecideApplicationForm | None = None,
          refused_id: int | None = None, status: int = 200) -> HttpResponse:
    """The applications to an opportunity, each with its answer form (the refused one as typed)."""
    wanted = request.GET.get("status", "")
    if wanted not in Application.Status.values:
        wanted = ""
    page = queries.page_of(queries.applications_to(found, wanted), request.GET.get("page"), size=DESK_PAGE_SIZE)
    for application in page.object_list:
        if application.pk == refused_id:
            application.decide_form = refused
        elif application.status != Application.Status.WITHDRAWN:
            application.decide_form = _decide_form(application)
        else:
            application.decide_form = None
    context = {
        "opportunity": found,
        "page": page,
        "query": query_without_page(request),
        "status": wanted,
        "statuses": Application.Status.choices,
        "counts": queries.application_counts(found),
        "refused": refused,
    }
    return render(request, "solidarity/applications.html", context, status=status)


@login_required
def applications(request: HttpRequest, slug: str) -> HttpResponse:
    return _desk(request, _managed(request, slug))


@login_required
@require_POST
def decide(request: HttpRequest, slug: str, application_id: int) -> HttpResponse:
    found = _managed(request, slug)
    application = get_object_or_404(Application.objects.select_related("person"), pk=application_id, opportunity=found)
    application.opportunity = found
    form = _decide_form(application, request.POST)
    if form.is_valid():
        try:
            services.decide_application(
                by=request.user, application=application, status=form.cleaned_data["status"],
                answer=form.cleaned_data["answer"],
            )
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The applicant is told of your answer by email."))
            query = f"?{request.GET.urlencode()}" if request.GET else ""
            return redirect(reverse("solidarity:applications", kwargs={"slug": found.slug}) + query + f"#application-{application.pk}")
    return _desk(request, found, refused=form, refused_id=application.pk, status=400)


# --- The applicant's page -------------------------------------------------------------------


@login_required
def my_applications(request: HttpRequest) -> HttpResponse:
    context = {
        "page": queries.page_of(queries.applications_of(request.user), request.GET.get("page"), size=DESK_PAGE_SIZE),
        "query": query_without_page(request),
    }
    return render(request, "solidarity/my_applications.html", context)


@login_required
@require_POST
def withdraw(request: HttpRequest, application_id: int) -> HttpResponse:
    application = get_object_or_404(Application, pk=application_id, person=request.user)
    try:
        services.withdraw_application(by=request.user, application=application)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your application is withdrawn."))
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(back)
    return redirect("solidarity:my_applications")
