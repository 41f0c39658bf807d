"""Pages of consultations. Each view parses input, calls one query or service, renders."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tadamun.core.errors import DomainError, found_or_404, show_on_form

from . import maps, queries, services
from .forms import (
    AnswersForm,
    ConsultationForm,
    ModerationForm,
    StatementForm,
    StatementTranslationForm,
    VoteForm,
)
from .models import Consultation, Statement


def consultation_list(request: HttpRequest) -> HttpResponse:
    consultations = queries.visible(request.user).prefetch_related("pathways")[:50]
    context = {"consultations": consultations, "can_open": request.user.has_perm("assembly.open_consultation")}
    return render(request, "assembly/list.html", context)


@login_required
def open_consultation(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("assembly.open_consultation"):
        raise Http404
    form = ConsultationForm(request.POST or None, initial={"original_language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            opened = services.open_consultation(by=request.user, draft=form.to_draft())
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The consultation is open on the dates you chose."))
            return redirect(opened.get_absolute_url())
    return render(request, "assembly/open.html", {"form": form}, status=400 if form.is_bound else 200)


def _consultation(request: HttpRequest, slug: str) -> Consultation:
    return found_or_404(queries.consultation_for_viewer, request.user, slug)


def consultation(request: HttpRequest, slug: str) -> HttpResponse:
    """Take part: one statement at a time, agree / disagree / pass; write your own."""
    found = _consultation(request, slug)
    participant = queries.participant_of(request.user, found)
    statement_form = StatementForm(initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{_login_url()}?next={request.path}")
        try:
            answers = AnswersForm(request.POST, questions=found.demographics)
            participant = participant or services.participate(
                person=request.user, consultation=found, answers=answers.cleaned_data if answers.is_valid() else {},
            )
            if "value" in request.POST:
                form = VoteForm(request.POST)
                if not form.is_valid():
                    raise DomainError(_("Vote agree, disagree or pass."))
                statement = get_object_or_404(Statement, consultation=found, pk=form.cleaned_data["statement"])
                services.vote(participant=participant, statement=statement, value=form.cleaned_data["value"])
                return redirect(found.get_absolute_url())
            if "text" in request.POST:
                statement_form = StatementForm(request.POST)
                if statement_form.is_valid():
                    services.write_statement(participant=participant, **statement_form.cleaned_data)
                    messages.success(request, _("Thank you: your statement is sent to the moderators."))
                    return redirect(found.get_absolute_url())
        except DomainError as error:
            if "text" in request.POST:
                show_on_form(statement_form, error)
            else:
                messages.error(request, error.message)
    may_take_part = services.may_take_part(request.user, found)
    context = {
        "consultation": found,
        "participant": participant,
        "statement": services.next_statement(participant, consultation=found) if may_take_part and found.is_open else None,
        "may_take_part": may_take_part,
        "answers_form": AnswersForm(questions=found.demographics) if not participant else None,
        "statement_form": statement_form,
        "can_moderate": request.user.has_perm("assembly.moderate", found),
        "can_translate": bool(services.translation_languages(request.user, found)),
    }
    return render(request, "assembly/consultation.html", context, status=400 if statement_form.errors else 200)


def _login_url() -> str:
    from django.urls import reverse

    return reverse("account_login")


def report(request: HttpRequest, slug: str) -> HttpResponse:
    """The map of opinions, the groups and what each stands for, consensus and division."""
    found = _consultation(request, slug)
    result = queries.report_of(found)
    numbers = [item["statement"] for group in result.get("groups") or [] for item in group["representative"]]
    numbers += [item["statement"] for item in (result.get("consensus") or [])[:8]]
    numbers += [item["statement"] for item in (result.get("divisive") or [])[:5]]
    context = {
        "consultation": found,
        "result": result,
        "map": maps.opinion_map(result),
        "days": maps.participation_bars((result.get("participation") or {}).get("by_day") or {}),
        "answers": _answers(found, result),
        "statements": queries.statements_by_number(found, numbers),
    }
    return render(request, "assembly/report.html", context)


def _answers(found: Consultation, result: dict) -> list[tuple[str, list[tuple[str, int]]]]:
    """The optional questions with their answers' totals, labelled in the reader's language."""
    from tadamun.network.forms import governorate_choices
    from tadamun.network.models import Organisation

    from .forms import AGE_BANDS, GENDERS

    labels = {**dict(governorate_choices()), **dict(Organisation.Kind.choices), **dict(GENDERS), **dict(AGE_BANDS),
              "abroad": _("Outside Iraq"), "unanswered": _("Not answered")}
    given = (result.get("participation") or {}).get("answers") or {}
    return [
        (Consultation.DEMOGRAPHICS.get(name, name), sorted(((labels.get(v, v), n) for v, n in counts.items()), key=lambda r: -r[1]))
        for name, counts in given.items()
    ]


@login_required
def moderation(request: HttpRequest, slug: str) -> HttpResponse:
    found = _consultation(request, slug)
    if not request.user.has_perm("assembly.moderate", found):
        raise Http404
    if request.method == "POST":
        form = ModerationForm(request.POST)
        statement = get_object_or_404(Statement, consultation=found, pk=request.POST.get("statement"))
        if form.is_valid():
            try:
                services.moderate_statement(by=request.user, statement=statement, **form.cleaned_data)
            except DomainError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("The statement is moderated."))
        return redirect("assembly:moderation", slug=found.slug)
    return render(request, "assembly/moderation.html", {"consultation": found, "pending": queries.pending_statements(found)})





@login_required
def translate(request: HttpRequest, slug: str) -> HttpResponse:
    """Translate the statements into one language, the most voted first; a refused translation
    comes back with what was typed."""
    found = _consultation(request, slug)
    languages = services.translation_languages(request.user, found)
    if not languages:
        raise Http404
    into = request.POST.get("language") or request.GET.get("into") or request.LANGUAGE_CODE
    into = into if into in languages else languages[0]
    refused: StatementTranslationForm | None = None
    if request.method == "POST":
        form = StatementTranslationForm(request.POST, languages=languages)
        if form.is_valid():
            statement = get_object_or_404(Statement, consultation=found, pk=form.cleaned_data["statement"])
            try:
                services.translate_statement(
                    by=request.user, statement=statement, language=into, text=form.cleaned_data["text"]
                )
            except DomainError as error:
                show_on_form(form, error)
            else:
                messages.success(request, _("The translation is saved."))
                return redirect(f"{request.path}?into={into}")
        refused = form
    context = {
        "consultation": found,
        "into": into,
        "languages": [(code, name) for code, name in settings.LANGUAGES if code in languages],
        "statements": queries.statements_to_translate(found, into),
        "refused": refused,
    }
    return render(request, "assembly/translate.html", context, status=400 if refused else 200)
