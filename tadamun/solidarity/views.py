"""Pages of solidarity: needs and offers, an organisation's suggestions and introductions, the
partnership graph, and the coordinators' vocabulary, security notes and network view.
(Opportunities and applications are in `opportunity_views`.) Each view parses input, calls one
query or service, renders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tadamun.core.errors import DomainError, TooManyRequests, found_or_404, show_on_form
from tadamun.core.ratelimit import limit_search_rate, query_without_page
from tadamun.network.forms import acting_for
from tadamun.network.models import Governorate, Organisation

from . import queries, services
from .forms import (
    AnswerForm,
    ContactForm,
    ContributionFilterForm,
    ContributionForm,
    DeclineForm,
    IntroductionForm,
    ProposeIntroductionForm,
    SecurityNoteForm,
    SkillForm,
)
from .graph import partnership_graph
from .models import Need, Offer, SecurityNote, Skill, Suggestion

SIDES = {"need": Need, "offer": Offer}


def hub(request: HttpRequest) -> HttpResponse:
    overview = queries.overview()
    context = {
        "overview": overview,
        **partnership_graph(overview, title=_("Partnerships between Iraq's governorates and other countries")),
        "mine": queries.organisations_of(request.user),
        "coordinates": request.user.has_perm("solidarity.see_network_suggestions"),
        "latest_needs": queries.with_skills(queries.contributions(Need)[:5]),
        "latest_offers": queries.with_skills(queries.contributions(Offer)[:5]),
    }
    return render(request, "solidarity/hub.html", context)


# --- Needs and offers ---------------------------------------------------------------------


@limit_search_rate("solidarity")
def contribution_list(request: HttpRequest, side: str) -> HttpResponse:
    form = ContributionFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    filters = form.filters()
    context = {
        "side": side,
        "form": form,
        "filters": filters,
        "page": queries.contributions_page(SIDES[side], filters, request.GET.get("page")),
        "query": query_without_page(request),
        "can_state": bool(queries.organisations_run_by(request.user)),
    }
    template = "solidarity/_contribution_results.html" if request.headers.get("HX-Request") else "solidarity/contributions.html"
    return render(request, template, context)


def contribution(request: HttpRequest, side: str, pk: int) -> HttpResponse:
    found = found_or_404(queries.contribution_for_viewer, SIDES[side], pk)
    mine = [o for o in queries.organisations_run_by(request.user) if o.pk != found.organisation_id]
    context = {
        "side": side,
        "contribution": found,
        "can_change": request.user.has_perm("solidarity.change_contribution", found),
        "introduce_as": mine,
    }
    return render(request, "solidarity/contribution.html", context)


@login_required
def state(request: HttpRequest, side: str) -> HttpResponse:
    organisations = queries.organisations_run_by(request.user)
    if not organisations:
        return render(request, "solidarity/cannot_state.html", status=403)
    organisation = acting_for(request, organisations)
    form = ContributionForm(request.POST or None, initial={"original_language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            created = services.state(by=request.user, organisation=organisation, side=SIDES[side], draft=form.to_draft())
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("Saved. Suggested counterparts are updated in a moment."))
            return redirect(created.get_absolute_url())
    context = {"side": side, "form": form, "organisations": organisations, "organisation": organisation}
    return render(request, "solidarity/contribution_form.html", context, status=400 if form.errors else 200)


@login_required
def edit_contribution(request: HttpRequest, side: str, pk: int) -> HttpResponse:
    found = found_or_404(queries.contribution_for_viewer, SIDES[side], pk)
    if not request.user.has_perm("solidarity.change_contribution", found):
        raise Http404
    if request.method == "POST" and "current" in request.POST:
        services.set_current(by=request.user, contribution=found, current=request.POST["current"] == "1")
        messages.success(request, _("Saved."))
        return redirect(found.get_absolute_url())
    form = ContributionForm(request.POST or None, initial=ContributionForm.initial_for(found))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_contribution(by=request.user, contribution=found, draft=form.to_draft())
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("Saved. Suggested counterparts are updated in a moment."))
            return redirect(found.get_absolute_url())
    context = {"side": side, "form": form, "contribution": found, "organisation": found.organisation}
    return render(request, "solidarity/contribution_form.html", context, status=400 if form.errors else 200)


# --- An organisation's suggestions and introductions --------------------------------------


def _organisation(request: HttpRequest, slug: str) -> Organisation:
    found = Organisation.objects.filter(slug=slug, status=Organisation.Status.APPROVED).first()
    if found is None or not request.user.has_perm("solidarity.view_suggestions", found):
        raise Http404
    return found


@login_required
def desk(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    context = {
        "organisation": organisation,
        "suggestions": queries.suggestions_for(organisation, limit=10),
        "introductions": queries.introductions_of(organisation),
        "contributions": queries.contributions_of(organisation),
        "can_introduce": request.user.has_perm("solidarity.introduce_for", organisation),
    }
    return render(request, "solidarity/desk.html", context)


@login_required
def introduce(request: HttpRequest, slug: str, counterpart: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    other = Organisation.objects.filter(slug=counterpart, status=Organisation.Status.APPROVED).first()
    if other is None:
        raise Http404
    suggestion = queries.worded(Suggestion.objects.filter(organisation=organisation, counterpart=other))
    form = IntroductionForm(request.POST or None, initial=ContactForm.initial_from(request.user))
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            created = services.request_introduction(
                by=request.user, requester=organisation, counterpart=other, contact=form.contact(),
                message=form.cleaned_data.get("message") or "",
            )
        except TooManyRequests as error:
            show_on_form(form, error)
            status = 429
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("Your request is sent. Your contact is shared only if they accept."))
            return redirect(created.get_absolute_url())
    if form.errors and status == 200:
        status = 400
    context = {
        "organisation": organisation, "counterpart": other, "suggestion": suggestion[0] if suggestion else None,
        "form": form, "can_introduce": request.user.has_perm("solidarity.introduce_for", organisation),
    }
    return render(request, "solidarity/introduce.html", context, status=status)


@require_POST
@login_required
def dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = Suggestion.objects.select_related("organisation").filter(pk=pk).first()
    if suggestion is None or not request.user.has_perm("solidarity.view_suggestions", suggestion.organisation):
        raise Http404
    services.dismiss_suggestion(by=request.user, suggestion=suggestion, dismissed=request.POST.get("undo") != "1")
    return redirect("solidarity:desk", slug=suggestion.organisation.slug)


@login_required
def introduction(request: HttpRequest, pk: int) -> HttpResponse:
    found = found_or_404(queries.introduction_for_viewer, request.user, pk)
    answer_form = AnswerForm(
        request.POST if request.POST.get("action") == "accept" else None, initial=ContactForm.initial_from(request.user)
    )
    decline_form = DeclineForm(request.POST if request.POST.get("action") == "decline" else None)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        form = answer_form if action == "accept" else decline_form
        if form.is_valid():
            try:
                services.answer_introduction(
                    by=request.user, introduction=found, accept=action == "accept",
                    contact=form.contact() if action == "accept" else None,
                    answer=form.cleaned_data.get("answer") or "",
                )
            except DomainError as error:
                show_on_form(form, error)
            else:
                messages.success(request, _("Your answer is recorded."))
                return redirect(found.get_absolute_url())
        status = 400
    context = {
        "introduction": found,
        "contacts": queries.contacts_for(request.user, found),
        "can_answer": request.user.has_perm("solidarity.answer_introduction", found),
        "can_withdraw": found.status == found.Status.PENDING and (
            request.user.has_perm("solidarity.introduce_for", found.requester)
            or (found.proposed_by_coordinator and request.user.has_perm("solidarity.propose_introduction"))
        ),
        "answer_form": answer_form,
        "decline_form": decline_form,
    }
    return render(request, "solidarity/introduction.html", context, status=status)


@require_POST
@login_required
def withdraw_introduction(request: HttpRequest, pk: int) -> HttpResponse:
    found = found_or_404(queries.introduction_for_viewer, request.user, pk)
    try:
        services.withdraw_introduction(by=request.user, introduction=found)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The request is withdrawn."))
    return redirect(found.get_absolute_url())


# --- Coordinators -------------------------------------------------------------------------


@login_required
def network_suggestions(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("solidarity.see_network_suggestions"):
        raise Http404
    form = ProposeIntroductionForm(request.POST or None, initial=request.GET.dict() or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        approved = Organisation.objects.filter(status=Organisation.Status.APPROVED)
        first, second = approved.filter(slug=data["first"]).first(), approved.filter(slug=data["second"]).first()
        try:
            if first is None or second is None:
                raise DomainError(_("There is no member organisation at this address."), field="first" if first is None else "second")
            created = services.propose_introduction(by=request.user, first=first, second=second, message=data["message"])
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The introduction is proposed to both organisations."))
            return redirect(created.get_absolute_url())
    context = {"page": queries.network_suggestions(request.GET.get("page")), "form": form, "query": query_without_page(request)}
    return render(request, "solidarity/network.html", context, status=400 if form.errors else 200)


@login_required
def skills(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("solidarity.maintain_vocabulary"):
        raise Http404
    editing = Skill.objects.filter(slug=request.POST.get("skill") or request.GET.get("skill") or "").first()
    if request.method == "POST" and request.POST.get("action") == "retire" and editing:
        services.retire_skill(by=request.user, skill=editing)
        messages.success(request, _("The skill is retired: it is no longer offered for new needs and offers."))
        return redirect("solidarity:skills")
    form = SkillForm(request.POST or None, initial=SkillForm.initial_for(editing) if editing else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_skill(by=request.user, names=form.names(), skill=editing, position=form.cleaned_data["position"])
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("solidarity:skills")
    context = {"skills": Skill.objects.all(), "form": form, "editing": editing}
    return render(request, "solidarity/skills.html", context, status=400 if form.errors else 200)


def security(request: HttpRequest) -> HttpResponse:
    """Everyone reads the security level of each governorate; coordinators set it."""
    can_set = request.user.has_perm("solidarity.set_security")
    form = SecurityNoteForm(request.POST or None, initial=request.GET.dict() or None) if can_set else None
    if request.method == "POST":
        if not can_set:
            raise Http404
        if form.is_valid():
            governorate = Governorate.objects.get(iso_code=form.cleaned_data["governorate"])
            try:
                services.set_security_note(
                    by=request.user, governorate=governorate, level=form.cleaned_data["level"],
                    note=form.cleaned_data["note"], notes=form.notes(),
                )
            except DomainError as error:
                show_on_form(form, error)
            else:
                messages.success(request, _("The security note is saved."))
                return redirect("solidarity:security")
    notes = {n.governorate_id: n for n in SecurityNote.objects.all()}
    rows = [(g, notes.get(g.pk)) for g in sorted(Governorate.objects.all(), key=lambda g: g.name)]
    return render(request, "solidarity/security.html", {"rows": rows, "form": form}, status=400 if form and form.errors else 200)
