"""Pages of the newsroom. Each view parses input, calls one query or service, renders."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tadamun.core.errors import DomainError, NotFound, PermissionDenied
from tadamun.core.ratelimit import limit_rate

from . import queries, services
from .forms import ArticleFilterForm, ArticleForm, AttachmentForm, CoverForm, ReturnForm
from .models import Article, Attachment


def _query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@limit_rate(
    "news",
    per_address=settings.RATE_LIMITS["search_address"],
    per_person=settings.RATE_LIMITS["search_person"],
)
def news(request: HttpRequest) -> HttpResponse:
    form = ArticleFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    filters = form.filters()
    page = Paginator(queries.published(filters), 20).get_page(request.GET.get("page"))
    page.object_list = queries.with_card_details(page.object_list)
    context = {"form": form, "filters": filters, "page": page, "query": _query_without_page(request)}
    template = "newsroom/_results.html" if request.headers.get("HX-Request") else "newsroom/news.html"
    return render(request, template, context)


def _article(request: HttpRequest, slug: str) -> Article:
    try:
        return queries.article_for_viewer(request.user, slug)
    except NotFound as error:
        raise Http404(error.message) from error


def article(request: HttpRequest, slug: str) -> HttpResponse:
    found = _article(request, slug)
    context = {
        "article": found,
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


def _show(form, error: DomainError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


@login_required
def write(request: HttpRequest) -> HttpResponse:
    organisations = queries.organisations_writing_for(request.user)
    if not organisations:
        return render(request, "newsroom/cannot_write.html", status=403)
    chosen_slug = request.POST.get("organisation") or request.GET.get("organisation") or organisations[0].slug
    organisation = next((o for o in organisations if o.slug == chosen_slug), organisations[0])
    form = ArticleForm(request.POST or None, initial={"original_language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            created = services.write_article(by=request.user, organisation=organisation, draft=form.to_draft())
        except DomainError as error:
            _show(form, error)
        else:
            messages.success(request, _("The draft is saved. Add a cover image or files, then submit it."))
            return redirect("newsroom:edit", slug=created.slug)
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
            _show(form, error)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect("newsroom:edit", slug=found.slug)
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
