"""Pages of consultations, groups, proposals, the register of decisions and gatherings. Each
view parses input, calls one query or service, renders."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tadamun.accounts.models import User
from tadamun.core.errors import DomainError, found_or_404, show_on_form
from tadamun.network.models import Organisation

from . import maps, queries, services
from .forms import (
    AmendmentForm,
    AnswersForm,
    BlockAnswerForm,
    CloseForm,
    ConsultationForm,
    DecideRegistrationForm,
    DecisionSearchForm,
    DelegateForm,
    DocumentForm,
    GatheringForm,
    GroupNameForm,
    MemberForm,
    MinutesForm,
    ModerationForm,
    NotifyForm,
    PositionForm,
    ProposalForm,
    ProxyForm,
    RecordDecisionForm,
    RegistrationForm,
    ReplyForm,
    ReviseForm,
    SeatForm,
    SessionForm,
    StatementForm,
    StatementTranslationForm,
    ThreadForm,
    VoteForm,
    choices_from,
)
from .models import (
    Amendment,
    Consultation,
    Gathering,
    GatheringDocument,
    Group,
    GroupMember,
    Position,
    Proposal,
    Proxy,
    Registration,
    Seat,
    Statement,
)


def consultation_list(request: HttpRequest) -> HttpResponse:
    consultations = queries.visible(request.user).prefetch_related("pathways")[:50]
    context = {"consultations": consultations, "can_open": request.user.has_perm("assembly.open_consultation")}
    return render(request, "assembly/list.html", context)


def _convening_group(request: HttpRequest) -> Group | None:
    """The group named by `?group=` (or the form's `group`): a consultation or gathering of its own."""
    return Group.objects.filter(slug=request.GET.get("group") or request.POST.get("group") or "").first()


@login_required
def open_consultation(request: HttpRequest) -> HttpResponse:
    """Coordinators open a consultation; facilitators open one for their group (?group=slug)."""
    group_found = _convening_group(request)
    if not request.user.has_perm("assembly.open_consultation", group_found):
        raise Http404
    form = ConsultationForm(request.POST or None, initial={"original_language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            draft = form.to_draft()
            draft.group = group_found
            opened = services.open_consultation(by=request.user, draft=draft)
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The consultation is open on the dates you chose."))
            return redirect(opened.get_absolute_url())
    return render(request, "assembly/open.html", {"form": form, "group": group_found}, status=400 if form.is_bound else 200)


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


# Groups, proposals and the register of decisions ---------------------------------------------


def group_list(request: HttpRequest) -> HttpResponse:
    groups = list(queries.groups_for(request.user)[:200])
    return render(request, "assembly/groups.html", {"groups": groups})


def group(request: HttpRequest, slug: str) -> HttpResponse:
    found = found_or_404(queries.group_for_viewer, request.user, slug)
    member = GroupMember.objects.filter(group=found, person=request.user).first() if request.user.is_authenticated else None
    if request.method == "POST" and member is not None:
        form = NotifyForm(request.POST)
        if form.is_valid():
            services.set_notifications(person=request.user, group=found, notify=form.cleaned_data["notify"])
            messages.success(request, _("Your choice of emails is saved."))
        return redirect(found.get_absolute_url())
    context = {
        "group": found,
        **queries.group_page(found),
        "membership": member,
        "notify_form": NotifyForm(initial={"notify": member.notify}) if member else None,
        "can_facilitate": request.user.has_perm("assembly.facilitate", found),
        "can_manage": request.user.has_perm("assembly.manage_groups", found),
        "can_see_names": request.user.has_perm("assembly.see_names", found),
        "my_seats": queries.seats_administered(request.user, found),
        "threads": queries.threads_of(request.user, found),
        "can_discuss": request.user.has_perm("assembly.discuss", found),
    }
    return render(request, "assembly/group.html", context)


def _group_action(request: HttpRequest, slug: str, perm: str) -> Group:
    found = found_or_404(queries.group_for_viewer, request.user, slug)
    if not request.user.has_perm(perm, found):
        raise Http404
    return found


@login_required
def group_members(request: HttpRequest, slug: str) -> HttpResponse:
    """Coordinators add people and seat organisations; an organisation's administrators
    designate its delegate (from the group's page)."""
    found = found_or_404(queries.group_for_viewer, request.user, slug)
    action = request.POST.get("action")
    member_form, seat_form, name_form = MemberForm(), SeatForm(), GroupNameForm()
    if request.method == "POST":
        try:
            if action == "delegate":
                seat = get_object_or_404(Seat, group=found, pk=request.POST.get("seat"))
                form = DelegateForm(request.POST, people=queries.members_of_organisation(seat.organisation))
                if not form.is_valid():
                    raise DomainError(_("Choose the delegate among the organisation's members."))
                person = get_object_or_404(User, pk=form.cleaned_data["delegate"])
                services.designate_delegate(by=request.user, seat=seat, person=person)
                messages.success(request, _("The delegate is designated."))
                return redirect(found.get_absolute_url())
            if not request.user.has_perm("assembly.manage_groups", found):
                raise Http404
            if action == "member":
                member_form = MemberForm(request.POST)
                if member_form.is_valid():
                    person = User.objects.filter(email__iexact=member_form.cleaned_data["email"]).first()
                    if person is None:
                        raise DomainError(_("Nobody has an account with this address."), field="email")
                    services.add_member(by=request.user, group=found, person=person, role=member_form.cleaned_data["role"])
                    messages.success(request, _("The group is updated."))
                    return redirect("assembly:group_members", slug=found.slug)
            elif action == "remove":
                person = get_object_or_404(User, pk=request.POST.get("person"))
                services.remove_member(by=request.user, group=found, person=person)
                messages.success(request, _("The group is updated."))
                return redirect("assembly:group_members", slug=found.slug)
            elif action == "name":
                name_form = GroupNameForm(request.POST)
                if name_form.is_valid():
                    services.name_group(by=request.user, group=found, **name_form.cleaned_data)
                    messages.success(request, _("The group is updated."))
                    return redirect("assembly:group_members", slug=found.slug)
            elif action == "seat":
                seat_form = SeatForm(request.POST)
                if seat_form.is_valid():
                    organisation = Organisation.objects.filter(slug=seat_form.cleaned_data["organisation"]).first()
                    if organisation is None:
                        raise DomainError(_("No organisation has this address."), field="organisation")
                    services.seat_organisation(by=request.user, group=found, organisation=organisation,
                                               weight=seat_form.cleaned_data["weight"])
                    messages.success(request, _("The group is updated."))
                    return redirect("assembly:group_members", slug=found.slug)
        except DomainError as error:
            if action == "member":
                show_on_form(member_form, error)
            elif action == "seat":
                show_on_form(seat_form, error)
            elif action == "name":
                show_on_form(name_form, error)
            else:
                messages.error(request, error.message)
                return redirect(found.get_absolute_url())
    if not request.user.has_perm("assembly.manage_groups", found):
        raise Http404
    context = {"group": found, **queries.group_page(found), "seats": queries.seats_of(found),
               "member_form": member_form, "seat_form": seat_form, "name_form": name_form}
    bound = member_form.is_bound or seat_form.is_bound or name_form.is_bound
    return render(request, "assembly/group_members.html", context, status=400 if bound else 200)


@login_required
def propose(request: HttpRequest, slug: str) -> HttpResponse:
    found = _group_action(request, slug, "assembly.facilitate")
    form = ProposalForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.put_proposal(by=request.user, group=found, draft=form.to_draft())
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The proposal is open to the group."))
            return redirect(proposal.get_absolute_url())
    return render(request, "assembly/propose.html", {"group": found, "form": form}, status=400 if form.is_bound else 200)


@login_required
def record_decision(request: HttpRequest, slug: str) -> HttpResponse:
    found = _group_action(request, slug, "assembly.facilitate")
    form = RecordDecisionForm(request.POST or None, initial={"language": request.LANGUAGE_CODE, "public": found.public})
    taken_at = Gathering.objects.filter(group=found, slug=request.GET.get("gathering") or request.POST.get("gathering") or "").first()
    if request.method == "POST" and form.is_valid():
        try:
            draft = form.to_draft()
            draft.gathering = taken_at
            decision = services.record_decision(by=request.user, group=found, draft=draft)
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The decision is in the register."))
            return redirect(decision.get_absolute_url())
    context = {"group": found, "form": form, "gathering": taken_at}
    return render(request, "assembly/record_decision.html", context, status=400 if form.is_bound else 200)


PROPOSAL_ACTIONS = ("position", "answer", "close", "revise", "withdraw_proxy", "amend", "amendment")


def proposal(request: HttpRequest, slug: str, proposal_id: int) -> HttpResponse:
    """The proposal: its text, where the group stands, stating one's position; for facilitators
    answering blocks, taking in amendments and closing with the outcome statement."""
    found = found_or_404(queries.group_for_viewer, request.user, slug)
    current = found_or_404(queries.proposal_for_viewer, request.user, found, proposal_id)
    forms_ = {
        "position": PositionForm(consent=current.kind == Proposal.Kind.CONSENT, options=current.kind in Proposal.OPTION_KINDS),
        "answer": BlockAnswerForm(), "close": CloseForm(initial={"public": found.public}),
        "revise": ReviseForm(initial={"text": current.text}),
        "amend": AmendmentForm(initial={"text": current.text}),
    }
    action = request.POST.get("action")
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{_login_url()}?next={request.path}")
        if action not in PROPOSAL_ACTIONS:
            raise Http404
        done = _proposal_action(request, current, action, forms_)
        if done:
            return redirect(current.get_absolute_url())
    count = services.tally(current)
    visible = queries.results_visible(request.user, current)
    context = {
        "group": found,
        "proposal": current,
        "tally": count if visible else None,
        "turnout": count,  # how many took part shows even while the results are hidden
        "positions": queries.page_positions(
            request.user, current, names=request.user.has_perm("assembly.see_names", found),
            every=request.GET.get("positions") == "all",
        ),
        "time_answers": [("yes", _("Yes")), ("maybe", _("Maybe")), ("no", _("No"))],
        "voices": queries.my_voices(request.user, current),
        "proxies": queries.proxies_of(current),
        "receipt": queries.receipt_of(request.user, current),
        "gives_proxies": queries.may_give_proxy(request.user, current),
        "amendments": queries.open_amendments(current),
        "can_discuss": request.user.has_perm("assembly.discuss", found),
        "can_facilitate": request.user.has_perm("assembly.facilitate", found),
        "can_see_names": request.user.has_perm("assembly.see_names", found),
        "forms": forms_,
        "chart": maps.position_bar(count) if visible and not count.options else None,
        "option_bars": maps.option_bars(count.options) if visible and count.options else None,
        "options": list(current.options.all()) if current.kind in Proposal.OPTION_KINDS else [],
    }
    failed = request.method == "POST"
    return render(request, "assembly/proposal.html", context, status=400 if failed else 200)


def _proposal_action(request: HttpRequest, current: Proposal, action: str, forms_: dict) -> bool:
    """Run one action of the proposal page; False (with the form's errors) when refused."""
    user = request.user
    try:
        if action == "position":
            form = forms_["position"] = PositionForm(
                request.POST, consent=current.kind == Proposal.Kind.CONSENT, options=current.kind in Proposal.OPTION_KINDS,
            )
            if not form.is_valid():
                return False
            seat = Seat.objects.filter(group=current.group, pk=form.cleaned_data["seat"]).first() if form.cleaned_data["seat"] else None
            _position, receipt = services.state_position(
                by=user, proposal=current, value=form.cleaned_data["value"], reason=form.cleaned_data["reason"], seat=seat,
                choices=choices_from(request.POST, current) if current.kind in Proposal.OPTION_KINDS else None,
            )
            messages.success(request, _("Your position is recorded. Your receipt: %(code)s") % {"code": receipt.code})
        elif action == "answer":
            form = forms_["answer"] = BlockAnswerForm(request.POST)
            if not form.is_valid():
                return False
            position = get_object_or_404(Position, proposal=current, pk=form.cleaned_data["position"])
            services.answer_block(by=user, position=position, answer=form.cleaned_data["answer"])
            messages.success(request, _("Your answer is published under the block."))
        elif action == "close":
            form = forms_["close"] = CloseForm(request.POST)
            if not form.is_valid():
                return False
            decision = services.close_proposal(by=user, proposal=current, outcome=form.cleaned_data["outcome"],
                                               public=form.cleaned_data["public"])
            messages.success(request, _("The proposal is closed; the decision %(ref)s is in the register.") % {"ref": decision.reference.upper()})
        elif action == "revise":
            form = forms_["revise"] = ReviseForm(request.POST)
            if not form.is_valid():
                return False
            services.revise_proposal(by=user, proposal=current, text=form.cleaned_data["text"], note=form.cleaned_data["note"])
            messages.success(request, _("The new version of the proposal is published."))
        elif action == "amend":
            form = forms_["amend"] = AmendmentForm(request.POST)
            if not form.is_valid():
                return False
            services.suggest_amendment(by=user, proposal=current, **form.cleaned_data)
            messages.success(request, _("Your amendment is sent to the facilitators."))
        elif action == "amendment":
            amendment = get_object_or_404(Amendment, proposal=current, pk=request.POST.get("amendment"))
            services.answer_amendment(by=user, amendment=amendment, accept=request.POST.get("accept") == "yes",
                                      answer=request.POST.get("answer", ""))
            messages.success(request, _("The amendment is answered."))
        elif action == "withdraw_proxy":
            proxy = get_object_or_404(Proxy, proposal=current, pk=request.POST.get("proxy"), withdrawn_at__isnull=True)
            services.withdraw_proxy(by=user, proxy=proxy)
            messages.success(request, _("The proxy is withdrawn."))
        return True
    except DomainError as error:
        form = forms_.get(action)
        if form is not None and form.is_bound:
            show_on_form(form, error)
        else:
            messages.error(request, error.message)
        return False


def proposal_versions(request: HttpRequest, slug: str, proposal_id: int) -> HttpResponse:
    """Every version of the proposal's text, each compared with the one before."""
    found = found_or_404(queries.group_for_viewer, request.user, slug)
    current = found_or_404(queries.proposal_for_viewer, request.user, found, proposal_id)
    return render(request, "assembly/versions.html", {"group": found, "proposal": current, "versions": queries.versions_with_changes(current)})


def decisions(request: HttpRequest) -> HttpResponse:
    """The register of decisions of every group the reader may see, searchable."""
    form = DecisionSearchForm(request.GET or None)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    group_slug = form.cleaned_data.get("group") if form.is_valid() else ""
    chosen = Group.objects.filter(slug=group_slug).first() if group_slug else None
    found = queries.decisions_for(request.user, q=q, group=chosen)
    page = Paginator(found, 30).get_page(request.GET.get("page"))
    return render(request, "assembly/decisions.html", {"form": form, "page": page, "q": q, "chosen": chosen})


def decision(request: HttpRequest, reference: str) -> HttpResponse:
    found = found_or_404(queries.decision_for_viewer, request.user, reference)
    # The permanent address has no language: it opens in each reader's own.
    permalink = request.build_absolute_uri(f"/decisions/{found.reference}/")
    return render(request, "assembly/decision.html", {"decision": found, "permalink": permalink})


@login_required
def start_thread(request: HttpRequest, slug: str) -> HttpResponse:
    found = _group_action(request, slug, "assembly.discuss")
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            opened = services.start_thread(by=request.user, group=found, **form.cleaned_data)
        except DomainError as error:
            show_on_form(form, error)
        else:
            return redirect(opened.get_absolute_url())
    return render(request, "assembly/start_thread.html", {"group": found, "form": form}, status=400 if form.is_bound else 200)


def thread(request: HttpRequest, slug: str, thread_id: int) -> HttpResponse:
    """A discussion of the group: its messages, and a reply for members."""
    found = found_or_404(queries.group_for_viewer, request.user, slug)
    current = found_or_404(queries.thread_for_viewer, request.user, found, thread_id)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.reply(by=request.user, thread=current, body=form.cleaned_data["body"])
        except DomainError as error:
            show_on_form(form, error)
        else:
            return redirect(f"{current.get_absolute_url()}#post-{post.pk}")
    context = {"group": found, "thread": current, "posts": queries.posts_of(current), "form": form}
    return render(request, "assembly/thread.html", context, status=400 if form.is_bound else 200)



# Gatherings ----------------------------------------------------------------------------------


def gathering_list(request: HttpRequest) -> HttpResponse:
    from django.utils import timezone

    found = queries.gatherings_for(request.user)
    now = timezone.now()
    context = {
        "upcoming": list(found.filter(ends_at__gt=now).order_by("starts_at")[:50]),
        "past": list(found.filter(ends_at__lte=now).order_by("-starts_at")[:30]),
        "can_plan": queries.may_plan_gatherings(request.user),
    }
    return render(request, "assembly/gatherings.html", context)


@login_required
def plan_gathering(request: HttpRequest) -> HttpResponse:
    """Coordinators plan a gathering; facilitators plan one for their group (?group=slug)."""
    group_found = _convening_group(request)
    if not request.user.has_perm("assembly.plan_gathering", group_found):
        raise Http404
    form = GatheringForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            planned = services.plan_gathering(by=request.user, draft=form.to_draft(), group=group_found)
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The gathering is planned: add its agenda."))
            return redirect("assembly:organise", slug=planned.slug)
    context = {"form": form, "group": group_found}
    return render(request, "assembly/plan_gathering.html", context, status=400 if form.is_bound else 200)


def gathering(request: HttpRequest, slug: str) -> HttpResponse:
    """A gathering: its agenda, places, registration, the participants who agreed to be listed,
    and afterwards its minutes and decisions."""
    found = found_or_404(queries.gathering_for_viewer, request.user, slug)
    mine = queries.registration_of(request.user, found)
    organisations = queries.organisations_of(request.user)
    form = RegistrationForm(organisations=organisations, gathering=found)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{_login_url()}?next={request.path}")
        try:
            if request.POST.get("action") == "cancel" and mine is not None:
                services.cancel_registration(by=request.user, registration=mine)
                messages.success(request, _("Your registration is cancelled."))
                return redirect(found.get_absolute_url())
            form = RegistrationForm(request.POST, organisations=organisations, gathering=found)
            if form.is_valid():
                data = dict(form.cleaned_data)
                chosen = next((o for o in organisations if o.pk == data.pop("organisation")), None)
                registration = services.register(by=request.user, gathering=found, organisation=chosen, **data)
                messages.success(request, _("Your registration: %(status)s.") % {"status": registration.get_status_display()})
                return redirect(found.get_absolute_url())
        except DomainError as error:
            show_on_form(form, error)
    context = {
        "gathering": found,
        **queries.gathering_page(request.user, found),
        "mine": mine,
        "form": form,
        "can_organise": request.user.has_perm("assembly.organise", found),
    }
    return render(request, "assembly/gathering.html", context, status=400 if form.is_bound else 200)


def gathering_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    from .calendar import gathering_ics

    found = found_or_404(queries.gathering_for_viewer, request.user, slug)
    body = gathering_ics(found, request.build_absolute_uri(found.get_absolute_url()))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{found.slug}.ics"'
    return response


def session_calendar(request: HttpRequest, slug: str, session_id: int) -> HttpResponse:
    from .calendar import session_ics

    found = found_or_404(queries.gathering_for_viewer, request.user, slug)
    session = get_object_or_404(found.sessions, pk=session_id)
    body = session_ics(session, request.build_absolute_uri(found.get_absolute_url()))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{found.slug}-{session.pk}.ics"'
    return response


@login_required
def organise_gathering(request: HttpRequest, slug: str) -> HttpResponse:
    """The organisers' desk: the agenda, the registrations (approve, decline, attended), the minutes."""
    found = found_or_404(queries.gathering_for_viewer, request.user, slug)
    if not request.user.has_perm("assembly.organise", found):
        raise Http404
    session_form, minutes_form = SessionForm(), MinutesForm(initial={"minutes": found.minutes})
    document_form = DocumentForm()
    action = request.POST.get("action")
    if request.method == "POST":
        try:
            if action == "session":
                session_form = SessionForm(request.POST)
                if session_form.is_valid():
                    data = dict(session_form.cleaned_data)
                    from tadamun.pathways.models import Pathway

                    data["pathway"] = Pathway.objects.filter(slug=data["pathway"]).first() if data["pathway"] else None
                    services.add_session(by=request.user, gathering=found, **data)
                    messages.success(request, _("The session is on the agenda."))
                    return redirect("assembly:organise", slug=found.slug)
            elif action == "minutes":
                minutes_form = MinutesForm(request.POST)
                if minutes_form.is_valid():
                    services.write_minutes(by=request.user, gathering=found, minutes=minutes_form.cleaned_data["minutes"])
                    messages.success(request, _("The minutes are published."))
                    return redirect(found.get_absolute_url())
            elif action == "document":
                document_form = DocumentForm(request.POST, request.FILES)
                if document_form.is_valid():
                    services.attach_document(by=request.user, gathering=found, upload=document_form.cleaned_data["file"],
                                             title=document_form.cleaned_data["title"])
                    messages.success(request, _("The document is published with the gathering."))
                    return redirect("assembly:organise", slug=found.slug)
            elif action == "remove_document":
                document = get_object_or_404(GatheringDocument, gathering=found, pk=request.POST.get("document"))
                services.remove_document(by=request.user, document=document)
                messages.success(request, _("The document is removed."))
                return redirect("assembly:organise", slug=found.slug)
            elif action == "registration":
                form = DecideRegistrationForm(request.POST)
                if not form.is_valid():
                    raise DomainError(_("Choose what to do with the registration."))
                registration = get_object_or_404(Registration, gathering=found, pk=form.cleaned_data["registration"])
                decision = form.cleaned_data["decision"]
                if decision in ("approve", "decline"):
                    services.decide_registration(by=request.user, registration=registration, approve=decision == "approve",
                                                 message=form.cleaned_data["message"])
                else:
                    services.mark_attendance(by=request.user, registration=registration, attended=decision == "attended")
                messages.success(request, _("The registration is updated."))
                return redirect("assembly:organise", slug=found.slug)
        except DomainError as error:
            form_of = {"session": session_form, "minutes": minutes_form, "document": document_form}.get(action)
            if form_of is not None and form_of.is_bound:
                show_on_form(form_of, error)
            else:
                messages.error(request, error.message)
                return redirect("assembly:organise", slug=found.slug)
    context = {
        "gathering": found,
        **queries.gathering_page(request.user, found),
        "page": Paginator(queries.registrations_for_organisers(found, status=request.GET.get("status")), 50).get_page(
            request.GET.get("page")),
        "status": request.GET.get("status") or "",
        "statuses": Registration.Status.choices,
        "session_form": session_form,
        "minutes_form": minutes_form,
        "document_form": document_form,
    }
    bound = session_form.is_bound or minutes_form.is_bound or document_form.is_bound
    return render(request, "assembly/organise.html", context, status=400 if bound else 200)


@login_required
def certificate(request: HttpRequest, slug: str) -> HttpResponse:
    """The participant's certificate of attendance (PDF), once the organisers recorded it."""
    from .certificates import certificate_pdf

    found = found_or_404(queries.gathering_for_viewer, request.user, slug)
    mine = queries.registration_of(request.user, found)
    if mine is None or not mine.certificate:
        raise Http404
    response = HttpResponse(certificate_pdf(mine), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{found.slug}.pdf"'
    return response


def certificate_check(request: HttpRequest, code: str) -> HttpResponse:
    """Anyone holding a certificate can show it is genuine: the code names who attended what."""
    found = Registration.objects.select_related("person", "organisation", "gathering").filter(
        certificate=code, attended=True).exclude(certificate="").first()
    return render(request, "assembly/certificate_check.html", {"registration": found}, status=200 if found else 404)


def gathering_document(request: HttpRequest, slug: str, document_id: int) -> FileResponse:
    found = found_or_404(queries.gathering_for_viewer, request.user, slug)
    document = get_object_or_404(GatheringDocument, gathering=found, pk=document_id)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=f"{found.slug}-{document.pk}.pdf",
                        content_type="application/pdf")


@login_required
def give_proxy(request: HttpRequest, slug: str, proposal_id: int) -> HttpResponse:
    """A delegate chooses the organisation whose delegate will hold its proxy on the proposal
    (a page of its own: the list of organisations is long in the General Assembly)."""
    found = found_or_404(queries.group_for_viewer, request.user, slug)
    current = found_or_404(queries.proposal_for_viewer, request.user, found, proposal_id)
    if not queries.may_give_proxy(request.user, current):
        raise Http404
    seats = queries.proxy_holders(request.user, current)
    form = ProxyForm(request.POST or None, seats=seats)
    if request.method == "POST" and form.is_valid():
        holder = get_object_or_404(Seat, group=found, pk=form.cleaned_data["holder"])
        try:
            services.give_proxy(by=request.user, proposal=current, holder=holder)
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("Your organisation's proxy is given."))
            return redirect(current.get_absolute_url())
    return render(request, "assembly/give_proxy.html", {"group": found, "proposal": current, "form": form},
                  status=400 if form.is_bound else 200)
