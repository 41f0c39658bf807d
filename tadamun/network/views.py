"""Pages of the network. Each view parses input, calls one query or service, renders."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tadamun.campaigns import queries as campaign_queries
from tadamun.core.errors import DomainError, NotFound, PermissionDenied, found_or_404, show_on_form
from tadamun.core.ratelimit import limit_search_rate, query_without_page
from tadamun.newsroom import queries as news_queries
from tadamun.solidarity import queries as solidarity_queries

from . import queries, services
from .forms import (
    DirectoryFilterForm,
    InvitationForm,
    LogoForm,
    OrganisationProfileForm,
    RejectForm,
    RoleForm,
)
from .maps import map_context
from .models import Membership, Organisation


def _page(request: HttpRequest, object_list, per_page: int):
    paginator = Paginator(object_list, per_page)
    return paginator.get_page(request.GET.get("page"))


@limit_search_rate("directory")
def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    filters = form.filters()
    page = _page(request, queries.directory(filters), settings.DIRECTORY_PAGE_SIZE)
    page.object_list = queries.with_card_details(page.object_list)
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "query": query_without_page(request),
        "countries_version": queries.stats_version(),
    }
    template = "network/_results.html" if request.headers.get("HX-Request") else "network/directory.html"
    return render(request, template, context)


def _forbidden_as_missing(viewer, slug: str) -> Organisation:
    return found_or_404(queries.organisation_for_viewer, viewer, slug)


def organisation(request: HttpRequest, slug: str) -> HttpResponse:
    org = _forbidden_as_missing(request.user, slug)
    context = {
        "organisation": org,
        "contacts": queries.visible_contacts(request.user, org),
        "can_edit": request.user.has_perm("network.change_organisation", org),
        "articles": news_queries.latest(news_queries.ArticleFilters(organisation=org.slug)) if org.status == "approved" else [],
        "campaigns": campaign_queries.latest(campaign_queries.CampaignFilters(organisation=org.slug), active_only=False)
        if org.status == "approved" else [],
        "solidarity": solidarity_queries.profile_part(request.user, org),
    }
    return render(request, "network/organisation.html", context)


@login_required
def apply(request: HttpRequest) -> HttpResponse:
    form = OrganisationProfileForm(request.POST or None, initial={"original_language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            org = services.apply_for_organisation(by=request.user, profile=form.to_profile())
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("Thank you. The coordinators will review the application and write to you."))
            return redirect(org.get_absolute_url())
    return render(request, "network/apply.html", {"form": form})


@login_required
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    org = _forbidden_as_missing(request.user, slug)
    if not request.user.has_perm("network.change_organisation", org):
        raise Http404
    form = OrganisationProfileForm(request.POST or None, initial=OrganisationProfileForm.initial_for(org))
    logo_form = LogoForm()
    if request.method == "POST" and form.is_valid():
        try:
            org = services.update_profile(by=request.user, organisation=org, profile=form.to_profile())
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The profile is saved."))
            return redirect(org.get_absolute_url())
    return render(request, "network/edit.html", {"form": form, "logo_form": logo_form, "organisation": org})


@login_required
@require_POST
def logo(request: HttpRequest, slug: str) -> HttpResponse:
    org = _forbidden_as_missing(request.user, slug)
    if not request.user.has_perm("network.change_organisation", org):
        raise Http404
    remove = "remove" in request.POST
    logo_form = LogoForm(request.POST, request.FILES)
    if remove or logo_form.is_valid():
        try:
            services.set_logo(by=request.user, organisation=org, upload=None if remove else logo_form.cleaned_data["logo"])
        except DomainError as error:
            logo_form.add_error("logo", error.message)
        else:
            messages.success(request, _("The logo is removed.") if remove else _("The logo is saved."))
            return redirect("network:edit", slug=org.slug)
    form = OrganisationProfileForm(initial=OrganisationProfileForm.initial_for(org))
    return render(request, "network/edit.html", {"form": form, "logo_form": logo_form, "organisation": org}, status=400)


@login_required
def members(request: HttpRequest, slug: str) -> HttpResponse:
    org = _forbidden_as_missing(request.user, slug)
    if not request.user.has_perm("network.manage_members", org):
        raise Http404
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_member(by=request.user, organisation=org, **form.cleaned_data)
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The invitation is on its way to %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect("network:members", slug=org.slug)
    context = {"organisation": org, "memberships": queries.members_of(org), "form": form, "roles": Membership.Role.choices}
    return render(request, "network/members.html", context)


@login_required
@require_POST
def member_change(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    org = _forbidden_as_missing(request.user, slug)
    membership = get_object_or_404(Membership.objects.select_related("organisation"), pk=membership_id, organisation=org)
    try:
        if "remove" in request.POST:
            services.remove_member(by=request.user, membership=membership)
            messages.success(request, _("The member is removed."))
        else:
            form = RoleForm(request.POST)
            if not form.is_valid():
                raise DomainError(_("Choose a role."))
            services.change_role(by=request.user, membership=membership, role=form.cleaned_data["role"])
            messages.success(request, _("The role is changed."))
    except PermissionDenied as error:
        raise Http404 from error
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("network:members", slug=org.slug)


@login_required
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = services.invitation_for_token(token)
    except NotFound as error:
        return render(request, "network/invitation.html", {"error": error.message}, status=404)
    if request.method == "POST":
        try:
            membership = services.accept_invitation(by=request.user, raw_token=token)
        except NotFound as error:
            return render(request, "network/invitation.html", {"error": error.message}, status=404)
        messages.success(request, _("You have joined %(organisation)s.") % {"organisation": membership.organisation.display_name})
        return redirect(membership.organisation.get_absolute_url())
    return render(request, "network/invitation.html", {"invitation": invitation})


@login_required
def review(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("network.review_organisation"):
        raise Http404
    page = _page(request, queries.pending_applications(), 20)
    return render(request, "network/review.html", {"page": page, "reject_form": RejectForm()})


@login_required
@require_POST
def review_decide(request: HttpRequest, organisation_id: int) -> HttpResponse:
    if not request.user.has_perm("network.review_organisation"):
        raise Http404
    org = get_object_or_404(Organisation, pk=organisation_id)
    try:
        if request.POST.get("decision") == "approve":
            services.approve_organisation(by=request.user, organisation=org)
            messages.success(request, _("%(organisation)s is now a member of the network.") % {"organisation": org.name})
        else:
            form = RejectForm(request.POST)
            reason = form.data.get("reason", "")
            services.reject_organisation(by=request.user, organisation=org, reason=reason)
            messages.success(request, _("The application of %(organisation)s is rejected.") % {"organisation": org.name})
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("network:review")


def network_map(request: HttpRequest) -> HttpResponse:
    centres = queries.activity_centres()
    context = map_context(title=_("Member organisations by governorate"), centres=centres)
    context["centres"] = centres
    return render(request, "network/map.html", context)
