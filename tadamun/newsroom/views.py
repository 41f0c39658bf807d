"""Pages of the newsroom. Each view parses input, calls one query or service, renders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tadamun.core.errors import DomainError, NotFound, PermissionDenied, found_or_404, show_on_form
from tadamun.core.markdown import paragraphs
from tadamun.core.ratelimit import limit_search_rate, query_without_page
from tadamun.network.forms import acting_for
from tadamun.pathways.models import Pathway

from . import queries, services
from .forms import (
    ArticleFilterForm,
    ArticleForm,
    AttachmentForm,
    CoverForm,
    DigestForm,
    ReturnForm,
    TranslationForm,
    TranslationRequestForm,
    VolunteerForm,
)
from .models import Article, Attachment, WireItem


@limit_search_rate("news")
def news(request: HttpRequest) -> HttpResponse:
    form = ArticleFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    filters = form.filters()
    page = queries.page_of(filters, request.GET.get("page"))
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "query": query_without_page(request),
        "reviews": queries.reviews(request.user),
    }
    template = "newsroom/_results.html" if request.headers.get("HX-Request") else "newsroom/news.html"
    return render(request, template, context)


def _article(request: HttpRequest, slug: str) -> Article:
    return found_or_404(queries.article_for_viewer, request.user, slug)


def article(request: HttpRequest, slug: str) -> HttpResponse:
    """The article in the reader's language when a reviewed version exists, else the
    original with the languages it can be read in; `?original=1` shows the original."""
    found = _article(request, slug)
    wanted = request.GET.get("lang") or request.LANGUAGE_CODE
    version = None if request.GET.get("original") else queries.published_version(found, wanted)
    context = {
        "article": found,
        "version": version,
        "languages": queries.published_languages(found),
        "request_form": TranslationRequestForm(article=found),
        "can_request": found.status == Article.Status.PUBLISHED
        and request.user.has_perm("newsroom.unpublish_article", found),
        "can_edit": request.user.has_perm("newsroom.change_article", found),
        "can_submit": request.user.has_perm("newsroom.submit_article", found),
        "can_review": found.status == Article.Status.SUBMITTED and request.user.has_perm("newsroom.review_article", found),
        "can_unpublish": found.status == Article.Status.PUBLISHED and request.user.has_perm("newsroom.unpublish_article", found),
        "return_form": ReturnForm(),
    }
    return render(request, "newsroom/article.html", context)


def article_print(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "newsroom/print.html", {"article": _article(request, slug)})


def attachment(request: HttpRequest, slug: str, attachment_id: int) -> FileResponse:
    found = _article(request, slug)
    item = get_object_or_404(Attachment, pk=attachment_id, article=found)
    filename = f"{found.slug}-{item.pk}.pdf"
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf")


@login_required
def write(request: HttpRequest) -> HttpResponse:
    organisations = queries.organisations_writing_for(request.user)
    if not organisations:
        return render(request, "newsroom/cannot_write.html", status=403)
    organisation = acting_for(request, organisations)
    form = ArticleForm(request.POST or None, initial={"original_language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            created = services.write_article(by=request.user, organisation=organisation, draft=form.to_draft())
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The draft is saved. Add a cover image or files, then submit it."))
            return redirect(reverse("newsroom:edit", kwargs={"slug": created.slug}) + "?saved=1")
    context = {"form": form, "organisations": organisations, "organisation": organisation}
    return render(request, "newsroom/write.html", context)


def _editable(request: HttpRequest, slug: str) -> Article:
    found = _article(request, slug)
    if not request.user.has_perm("newsroom.change_article", found):
        raise Http404
    return found


@login_required
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    found = _editable(request, slug)
    form = ArticleForm(request.POST or None, initial=ArticleForm.initial_for(found))
    if request.method == "POST" and form.is_valid():
        try:
            found = services.edit_article(by=request.user, article=found, draft=form.to_draft())
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect(reverse("newsroom:edit", kwargs={"slug": found.slug}) + "?saved=1")
    return _edit_page(request, found, form=form)


def _edit_page(request, found, *, form=None, cover_form=None, attachment_form=None, status=200):
    context = {
        "article": found,
        "form": form or ArticleForm(initial=ArticleForm.initial_for(found)),
        "cover_form": cover_form or CoverForm(),
        "attachment_form": attachment_form or AttachmentForm(),
        "can_submit": request.user.has_perm("newsroom.submit_article", found),
    }
    return render(request, "newsroom/edit.html", context, status=status)


@login_required
@require_POST
def cover(request: HttpRequest, slug: str) -> HttpResponse:
    found = _editable(request, slug)
    remove = "remove" in request.POST
    form = CoverForm(request.POST, request.FILES)
    if remove or form.is_valid():
        try:
            services.set_cover(by=request.user, article=found, upload=None if remove else form.cleaned_data["cover"])
        except DomainError as error:
            form.add_error("cover", error.message)
        else:
            messages.success(request, _("The cover image is removed.") if remove else _("The cover image is saved."))
            return redirect("newsroom:edit", slug=found.slug)
    return _edit_page(request, found, cover_form=form, status=400)


@login_required
@require_POST
def attach(request: HttpRequest, slug: str) -> HttpResponse:
    found = _editable(request, slug)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attach_pdf(by=request.user, article=found, upload=form.cleaned_data["file"], title=form.cleaned_data["title"])
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _("The file is attached."))
            return redirect("newsroom:edit", slug=found.slug)
    return _edit_page(request, found, attachment_form=form, status=400)


@login_required
@require_POST
def detach(request: HttpRequest, slug: str, attachment_id: int) -> HttpResponse:
    found = _editable(request, slug)
    item = get_object_or_404(Attachment, pk=attachment_id, article=found)
    services.remove_attachment(by=request.user, attachment=item)
    messages.success(request, _("The file is removed."))
    return redirect("newsroom:edit", slug=found.slug)


@login_required
@require_POST
def decide(request: HttpRequest, slug: str) -> HttpResponse:
    """Submit, publish, return or unpublish, as the button pressed says."""
    found = _article(request, slug)
    action = request.POST.get("action")
    try:
        if action == "submit":
            found = services.submit_article(by=request.user, article=found)
            if found.status == Article.Status.PUBLISHED:
                messages.success(request, _("Your organisation is a trusted publisher: the article is published."))
            else:
                messages.success(request, _("The article is sent to the network editors for review."))
        elif action == "publish":
            services.publish_article(by=request.user, article=found)
            messages.success(request, _("The article is published."))
        elif action == "return":
            services.return_article(by=request.user, article=found, comment=request.POST.get("comment", ""))
            messages.success(request, _("The article is returned to its authors."))
        elif action == "unpublish":
            services.unpublish_article(by=request.user, article=found)
            messages.success(request, _("The article is no longer published."))
        else:
            raise DomainError(_("Unknown action."))
    except PermissionDenied as error:
        raise Http404 from error
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(found.get_absolute_url())


@login_required
def review(request: HttpRequest) -> HttpResponse:
    if not queries.reviews(request.user):
        raise Http404
    page = Paginator(queries.review_queue(), 20).get_page(request.GET.get("page"))
    return render(request, "newsroom/review.html", {"page": page, "query": ""})


@login_required
def desk(request: HttpRequest) -> HttpResponse:
    page = Paginator(queries.desk(request.user), 20).get_page(request.GET.get("page"))
    context = {"page": page, "query": "", "organisations": queries.organisations_writing_for(request.user)}
    return render(request, "newsroom/desk.html", context)


# --- Translation --------------------------------------------------------------------------


@login_required
@require_POST
def request_translation(request: HttpRequest, slug: str) -> HttpResponse:
    found = _article(request, slug)
    form = TranslationRequestForm(request.POST, article=found)
    try:
        if not form.is_valid():
            raise DomainError(_("Choose at least one language other than the original."))
        created = services.request_translations(by=request.user, article=found, languages=form.cleaned_data["languages"])
    except PermissionDenied as error:
        raise Http404 from error
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Asked for %(count)s translation(s): translators of these languages will see the request.")
            % {"count": len(created)},
        )
    return redirect(found.get_absolute_url() + "?original=1")


@login_required
def translations(request: HttpRequest) -> HttpResponse:
    """The translators' desk: requests to take, work in progress, translations to review,
    and the language pairs the person translates."""
    form = VolunteerForm(request.POST or None, initial={"pairs": queries.pairs_of(request.user)})
    if request.method == "POST" and form.is_valid():
        services.volunteer(by=request.user, pairs=form.cleaned_pairs())
        messages.success(request, _("Your languages are saved."))
        return redirect("newsroom:translations")
    return render(request, "newsroom/translations.html", {"desk": queries.translation_desk(request.user), "form": form})


@login_required
def translation(request: HttpRequest, version_id: int) -> HttpResponse:
    """The side-by-side view: the original paragraph beside the translation."""
    try:
        version = queries.version_for_viewer(request.user, version_id)
    except NotFound as error:
        raise Http404(error.message) from error
    article = version.article
    originals = paragraphs(article.body)
    form = TranslationForm(
        request.POST or None, originals=originals,
        initial=TranslationForm.initial_for(version, originals),
    )
    action = request.POST.get("action")
    if request.method == "POST":
        try:
            if action == "claim":
                services.claim_translation(by=request.user, version=version)
                messages.success(request, _("The translation is yours. Your drafts are saved as you go."))
            elif action == "release":
                services.release_translation(by=request.user, version=version)
                messages.success(request, _("The request is back in the queue."))
            elif action in ("save", "submit") and form.is_valid():
                version = services.save_translation(
                    by=request.user, version=version, title=form.cleaned_data["title"],
                    summary=form.cleaned_data["summary"], paragraphs=form.paragraphs(),
                )
                if action == "submit":
                    services.submit_translation(by=request.user, version=version)
                    messages.success(request, _("The translation is sent to the reviewers."))
                else:
                    messages.success(request, _("Your draft is saved."))
            elif action == "approve":
                services.approve_translation(by=request.user, version=version)
                messages.success(request, _("The translation is published."))
            elif action == "return":
                services.return_translation(by=request.user, version=version, comment=request.POST.get("comment", ""))
                messages.success(request, _("The translation is returned to its translator."))
            elif action not in ("save", "submit"):
                raise DomainError(_("Unknown action."))
            else:
                raise DomainError(_("Some values are not valid."))
        except PermissionDenied as error:
            messages.error(request, error.message)
        except DomainError as error:
            # What the translator typed stays in the form (it was saved as a draft already).
            show_on_form(form, error)
            return _translation_page(request, version, form, status=400)
        else:
            return redirect(reverse("newsroom:translation", kwargs={"version_id": version.pk}) + "?saved=1")
    return _translation_page(request, version, form)


def _translation_page(request, version, form, status=200):
    user = request.user
    context = {
        "version": version,
        "article": version.article,
        "form": form,
        "memory": queries.memory_for(version),
        "is_translator": version.translator_id == user.pk and version.status == version.Status.IN_PROGRESS,
        "can_claim": version.status == version.Status.REQUESTED and queries.translates(user, version),
        "can_review": version.status == version.Status.SUBMITTED and queries.reviews_language(user, version.language)
        and version.translator_id != user.pk,
    }
    return render(request, "newsroom/translation.html", context, status=status)


# --- The international wire ------------------------------------------------------------------


@login_required
def wire(request: HttpRequest) -> HttpResponse:
    if not queries.reads_wire(request.user):
        raise Http404
    try:
        source = int(request.GET.get("source") or 0) or None
    except ValueError:
        source = None
    q = (request.GET.get("q") or "")[:100]
    page = Paginator(queries.wire_items(source=source, q=q), 30).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "sources": queries.wire_sources(),
        "source": source,
        "q": q,
        "query": query_without_page(request),
        "organisations": queries.organisations_writing_for(request.user),
    }
    return render(request, "newsroom/wire.html", context)


@login_required
@require_POST
def share(request: HttpRequest, item_id: int) -> HttpResponse:
    item = get_object_or_404(WireItem, pk=item_id)
    organisations = {o.slug: o for o in queries.organisations_writing_for(request.user)}
    organisation = organisations.get(request.POST.get("organisation", ""))
    if organisation is None:
        raise Http404
    article = services.share_wire_item(by=request.user, item=item, organisation=organisation)
    messages.success(request, _("A draft is ready with the source named and linked: check it, then submit it."))
    return redirect("newsroom:edit", slug=article.slug)


# --- The weekly digest -------------------------------------------------------------------------


@login_required
def digest(request: HttpRequest) -> HttpResponse:
    current = queries.digest_of(request.user)
    initial = (
        {"active": current.active, "pathways": [p.slug for p in current.pathways.all()], "languages": current.languages}
        if current else {"active": True, "languages": [request.LANGUAGE_CODE]}
    )
    form = DigestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.subscribe_digest(
            by=request.user, pathways=list(Pathway.objects.filter(slug__in=form.cleaned_data["pathways"])),
            languages=form.cleaned_data["languages"], active=form.cleaned_data["active"],
        )
        messages.success(request, _("Your digest is saved."))
        return redirect("newsroom:digest")
    return render(request, "newsroom/digest.html", {"form": form, "subscription": current})


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """From the link in the digest: works without logging in; asks before it acts (mail
    programs open links on their own)."""
    if request.method == "POST":
        try:
            services.unsubscribe(token)
        except DomainError as error:
            return render(request, "newsroom/unsubscribe.html", {"error": error.message}, status=400)
        return render(request, "newsroom/unsubscribe.html", {"done": True})
    return render(request, "newsroom/unsubscribe.html", {})
