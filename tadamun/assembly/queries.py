"""Read paths of consultations: pages and the API read the stored report, never compute it."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tadamun.core.errors import NotFound
from tadamun.network.models import Membership, Organisation

from . import services
from .models import (
    Consultation,
    Decision,
    Gathering,
    Group,
    GroupMember,
    Participant,
    Position,
    Post,
    Proposal,
    ProposalVersion,
    Proxy,
    Receipt,
    Registration,
    Report,
    Seat,
    Statement,
    Thread,
)


def visible(viewer) -> QuerySet[Consultation]:
    """Public consultations for everyone; the others for those who may take part in them."""
    qs = Consultation.objects.all()
    if viewer.is_authenticated and viewer.is_staff:
        return qs
    public = Q(audience=Consultation.Audience.PUBLIC)
    if not viewer.is_authenticated:
        return qs.filter(public)
    organisations = list(
        Membership.objects.filter(person=viewer, organisation__status=Organisation.Status.APPROVED).values_list(
            "organisation_id", flat=True
        )
    )
    if not organisations:
        return qs.filter(public)
    named = Consultation.organisations.through.objects.filter(organisation_id__in=organisations).values("consultation_id")
    return qs.filter(public | Q(audience=Consultation.Audience.MEMBERS) | Q(pk__in=named))


def consultation_for_viewer(viewer, slug: str) -> Consultation:
    consultation = Consultation.objects.filter(slug=slug).prefetch_related("pathways").first()
    if consultation is None or not may_see(viewer, consultation):
        raise NotFound(_("This consultation does not exist or is not open to you."))
    return consultation


def may_see(viewer, consultation: Consultation) -> bool:
    return consultation.audience == Consultation.Audience.PUBLIC or services.may_take_part(viewer, consultation)


def report_of(consultation: Consultation, *, positions: bool = False) -> dict:
    """The stored report; with `positions`, each participant's point and group too (large)."""
    if not positions:
        return Report.objects.filter(consultation=consultation).values_list("result", flat=True).first() or {}
    row = Report.objects.filter(consultation=consultation).values_list("result", "positions").first()
    return {**row[0], **row[1]} if row else {}


def participant_of(viewer, consultation: Consultation) -> Participant | None:
    if not viewer.is_authenticated:
        return None
    return Participant.objects.filter(consultation=consultation, person=viewer).first()


def statements_by_number(consultation: Consultation, numbers) -> dict[int, Statement]:
    return {s.number: s for s in Statement.objects.filter(consultation=consultation, number__in=set(numbers))}


def pending_statements(consultation: Consultation) -> list[Statement]:
    return list(consultation.statements.filter(status=Statement.Status.PENDING).order_by("created_at"))


def statements_to_translate(consultation: Consultation, language: str, *, limit: int = 30) -> list[Statement]:
    """Accepted statements not yet in the language (those with the most votes first: they are
    the ones participants meet), written in another language."""
    return list(
        consultation.statements.filter(status=Statement.Status.ACCEPTED)
        .exclude(language=language)
        .exclude(translations__has_key=language)
        .order_by("-vote_count", "number")[:limit]
    )


# Groups, proposals and the register of decisions ---------------------------------------------


def groups_for(viewer) -> QuerySet[Group]:
    """The groups a person may see: public ones, and the others they belong to (all for coordinators)."""
    qs = Group.objects.select_related("pathway").annotate(
        member_total=Count("members", distinct=True), seat_total=Count("seats", distinct=True),
    )
    if viewer.is_authenticated and viewer.is_staff:
        return qs
    return qs.filter(Q(public=True) | _belongs(viewer, "pk"))


def _belongs(viewer, field: str) -> Q:
    """The groups the viewer is in (as a member or facilitator, or through a seated organisation)."""
    if not viewer.is_authenticated:
        return Q(pk__in=[])
    mine = GroupMember.objects.filter(person=viewer).values("group_id")
    seated = Seat.objects.filter(organisation__memberships__person=viewer).values("group_id")
    return Q(**{f"{field}__in": mine}) | Q(**{f"{field}__in": seated})


def seats_of(group: Group) -> list[Seat]:
    """Every seat with its delegate (the coordinators' page of members and seats)."""
    return list(group.seats.select_related("organisation", "delegate"))


def group_for_viewer(viewer, slug: str) -> Group:
    group = Group.objects.select_related("pathway").filter(slug=slug).first()
    if group is None or not viewer.has_perm("assembly.view_group", group):
        raise NotFound(_("This group does not exist or is not open to you."))
    return group


SEATS_SHOWN = 100  # organisations named on a group's page (all on the coordinators' page)


def group_page(group: Group) -> dict:
    """What a group's page shows, in a fixed number of queries."""
    proposals = list(group.proposals.exclude(status=Proposal.Status.WITHDRAWN).order_by("-created_at")[:40])
    return {
        "facilitators": list(group.members.filter(role=GroupMember.Role.FACILITATOR).select_related("person")),
        "members": list(group.members.filter(role=GroupMember.Role.MEMBER).select_related("person")[:200]),
        "member_count": group.members.count(),
        "seats": list(group.seats.select_related("organisation")[:SEATS_SHOWN]) if group.by_organisation else [],
        "seat_count": group.seats.count() if group.by_organisation else 0,
        "open_proposals": [p for p in proposals if p.status == Proposal.Status.OPEN],
        "closed_proposals": [p for p in proposals if p.status != Proposal.Status.OPEN],
        "decisions": list(group.decisions.order_by("-decided_on", "-pk")[:20]),
        "gatherings": list(group.gatherings.order_by("-starts_at")[:10]),
        "consultations": list(group.consultations.order_by("-opens_at")[:10]),
    }


def proposal_for_viewer(viewer, group: Group, proposal_id: int) -> Proposal:
    proposal = Proposal.objects.select_related("group", "created_by").filter(group=group, pk=proposal_id).first()
    if proposal is None:
        raise NotFound(_("This proposal does not exist."))
    return proposal


def results_visible(viewer, proposal: Proposal) -> bool:
    """Counts and positions show once the proposal closes, or all along unless hidden."""
    return not proposal.hide_results or proposal.status != Proposal.Status.OPEN


def _shown(viewer, proposals: list[Proposal]) -> Q | None:
    """Which positions of these proposals the viewer may see (None: none at all): every one
    once results show; while they are hidden, only the blocks, to the facilitators who must
    answer them. Names go only where the proposal is not anonymous (the caller's part)."""
    visible = [p.pk for p in proposals if results_visible(viewer, p)]
    hidden = [p for p in proposals if p.pk not in visible]
    if not hidden or not viewer.is_authenticated:
        facilitated = set()
    elif viewer.is_staff:
        facilitated = {p.group_id for p in hidden}
    else:
        facilitated = set(GroupMember.objects.filter(person=viewer, role=GroupMember.Role.FACILITATOR).values_list("group_id", flat=True))
    blocks_only = [p.pk for p in hidden if p.group_id in facilitated]
    if not (visible or blocks_only):
        return None
    return Q(proposal_id__in=visible) | Q(proposal_id__in=blocks_only, value=Position.Value.BLOCK)


def positions_shown_many(viewer, proposals: list[Proposal]) -> dict[int, list[Position]]:
    """The positions of several proposals as visibility allows (`_shown`), in one query (the API)."""
    shown: dict[int, list[Position]] = {p.pk: [] for p in proposals}
    allowed = _shown(viewer, proposals)
    if allowed is not None:
        for position in Position.objects.filter(allowed).select_related("person", "seat__organisation").order_by("value", "stated_at"):
            shown[position.proposal_id].append(position)
    return shown


def groups_with_names(viewer) -> set[int] | None:
    """The groups whose people's names the viewer sees (None: every group, for coordinators)."""
    if viewer.is_authenticated and viewer.is_staff:
        return None
    if not viewer.is_authenticated:
        return set()
    return set(Group.objects.filter(_belongs(viewer, "pk")).values_list("pk", flat=True))


def my_voices(viewer, proposal: Proposal) -> list[tuple[Seat | None, Position | None]]:
    """The voices the viewer casts on the proposal (None for their own in a group of people;
    their organisation's seat, then the seats whose proxy it holds), each with its position now."""
    voices = services.voices_of(viewer, proposal)
    keys = [
        services.voice_of(proposal.pk, person_id=viewer.pk) if seat is None else services.voice_of(proposal.pk, seat_id=seat.pk)
        for seat in voices
    ]
    stated = {p.voice: p for p in Position.objects.filter(proposal=proposal, voice__in=keys)}
    return [(seat, stated.get(key)) for seat, key in zip(voices, keys, strict=True)]


def decisions_for(viewer, *, q: str = "", group: Group | None = None) -> QuerySet[Decision]:
    """The register: public decisions for everyone, members-only ones for the group's members."""
    from tadamun.core.search import contains
    from tadamun.core.text import search_terms

    qs = Decision.objects.select_related("group")
    if group is not None:
        qs = qs.filter(group=group)
    if not (viewer.is_authenticated and viewer.is_staff):
        qs = qs.filter(Q(public=True) | _belongs(viewer, "group"))
    for term in search_terms(q)[:8]:
        qs = qs.filter(contains(Decision._meta.db_table, term))
    return qs.order_by("-decided_on", "-pk")


def decision_for_viewer(viewer, reference: str) -> Decision:
    decision = Decision.objects.select_related("group", "proposal").filter(reference=reference.lower()).first()
    if decision is None or not viewer.has_perm("assembly.view_decision", decision):
        raise NotFound(_("This decision does not exist or is not open to you."))
    return decision


def seats_administered(viewer, group: Group) -> list[tuple[Seat, list]]:
    """The seats whose delegate the viewer may designate, each with the organisation's members."""
    if not (viewer.is_authenticated and group.by_organisation):
        return []
    admin_of = Membership.objects.filter(person=viewer, role=Membership.Role.ADMIN).values("organisation_id")
    seats = list(Seat.objects.filter(group=group, organisation__in=admin_of).select_related("organisation", "delegate"))
    return [(seat, members_of_organisation(seat.organisation)) for seat in seats]


def members_of_organisation(organisation: Organisation) -> list:
    """The people a delegate is chosen among: the organisation's active members."""
    from tadamun.network.queries import members_of

    people = [membership.person for membership in members_of(organisation) if membership.person.is_active]
    return sorted(people, key=lambda person: (person.display_name, person.pk))


def may_give_proxy(viewer, proposal: Proposal) -> bool:
    """An organisation's delegate, while the proposal is open, in a group of organisations."""
    return bool(
        viewer.is_authenticated and proposal.group.by_organisation and proposal.is_open
        and services.seat_of_delegate(viewer, proposal.group) is not None
    )


def proxy_holders(viewer, proposal: Proposal) -> list[Seat]:
    """The seats the viewer's organisation may give its proxy to (those with a delegate)."""
    if not (viewer.is_authenticated and proposal.group.by_organisation):
        return []
    own = services.seat_of_delegate(viewer, proposal.group)
    if own is None:
        return []
    return list(
        Seat.objects.filter(group=proposal.group, delegate__isnull=False).exclude(pk=own.pk).select_related("organisation")
    )


def proxies_of(proposal: Proposal) -> list[Proxy]:
    """The active proxies of a proposal: recorded and visible to all who see it."""
    return list(proposal.proxies.filter(withdrawn_at__isnull=True).select_related("giver__organisation", "holder__organisation", "giver__delegate"))


def receipt_of(viewer, proposal: Proposal) -> Receipt | None:
    if not viewer.is_authenticated:
        return None
    return Receipt.objects.filter(proposal=proposal, person=viewer).first()


def word_changes(before: str, after: str) -> list[tuple[str, str]]:
    """The differences between two texts word by word: (kind, text) with kind "same",
    "added" or "removed"."""
    import difflib
    import re

    old, new = re.findall(r"\S+|\s+", before), re.findall(r"\S+|\s+", after)
    changes: list[tuple[str, str]] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            changes.append(("same", "".join(new[b1:b2])))
            continue
        if a2 > a1:
            changes.append(("removed", "".join(old[a1:a2])))
        if b2 > b1:
            changes.append(("added", "".join(new[b1:b2])))
    return changes


def versions_with_changes(proposal: Proposal) -> list[tuple[ProposalVersion, list[tuple[str, str]]]]:
    """Each version, newest first, with its differences from the one before."""
    versions = list(proposal.versions.select_related("created_by"))
    shown, before = [], None
    for version in versions:
        shown.append((version, word_changes(before, version.text) if before is not None else [("same", version.text)]))
        before = version.text
    return list(reversed(shown))


def open_amendments(proposal: Proposal) -> list:
    """The amendments waiting for an answer, each with its changes to the current text."""
    found = list(proposal.amendments.filter(status="open").select_related("author"))
    for amendment in found:
        amendment.changes = word_changes(proposal.text, amendment.text)
    return found


def proposals_for(viewer, *, group: str | None = None, status: str | None = None) -> QuerySet[Proposal]:
    qs = Proposal.objects.select_related("group", "decision").exclude(status=Proposal.Status.WITHDRAWN)
    if not (viewer.is_authenticated and viewer.is_staff):
        qs = qs.filter(Q(group__public=True) | _belongs(viewer, "group"))
    if group:
        qs = qs.filter(group__slug=group)
    if status in Proposal.Status.values:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at")


def proposal_by_id(viewer, proposal_id: int) -> Proposal:
    proposal = proposals_for(viewer).filter(pk=proposal_id).first()
    if proposal is None:
        raise NotFound(_("This proposal does not exist or is not open to you."))
    return proposal


def public_activity(*, group: Group | None = None, pathway=None, limit: int = 30) -> list:
    """The newest proposals of public groups, public decisions and public gatherings, mixed by
    date (feeds)."""
    proposals = Proposal.objects.filter(group__public=True).exclude(status=Proposal.Status.WITHDRAWN).select_related("group")
    decisions = Decision.objects.filter(public=True).select_related("group")
    if group is not None:
        proposals, decisions = proposals.filter(group=group), decisions.filter(group=group)
    if pathway is not None:
        proposals, decisions = proposals.filter(group__pathway=pathway), decisions.filter(group__pathway=pathway)
    gatherings = Gathering.objects.filter(public=True)
    if group is not None:
        gatherings = gatherings.filter(group=group)
    if pathway is not None:
        gatherings = gatherings.filter(Q(pathways=pathway) | Q(group__pathway=pathway)).distinct()
    mixed = (
        list(proposals.order_by("-created_at")[:limit]) + list(decisions.order_by("-created_at")[:limit])
        + list(gatherings.order_by("-created_at")[:limit])
    )
    return sorted(mixed, key=lambda item: item.created_at, reverse=True)[:limit]


def for_pathway(pathway, viewer) -> dict:
    """A pathway page's part of the groups: its groups, their open proposals, their latest decisions."""
    groups = list(groups_for(viewer).filter(pathway=pathway))
    return {
        "groups": groups,
        "proposals": list(
            proposals_for(viewer).filter(group__pathway=pathway, status=Proposal.Status.OPEN).order_by("closes_at")[:5]
        ),
        "decisions": list(decisions_for(viewer).filter(group__pathway=pathway)[:5]),
        "gatherings": list(
            gatherings_for(viewer).filter(Q(pathways=pathway) | Q(group__pathway=pathway), ends_at__gt=timezone.now())
            .distinct().order_by("starts_at")[:5]
        ),
    }


def threads_of(viewer, group: Group, *, limit: int = 20) -> list[Thread]:
    """The group's discussions, latest activity first: for its members only."""
    if not viewer.has_perm("assembly.discuss", group):
        return []
    return list(group.threads.select_related("author")[:limit])


def thread_for_viewer(viewer, group: Group, thread_id: int) -> Thread:
    thread = Thread.objects.select_related("group").filter(group=group, pk=thread_id).first()
    if thread is None or not viewer.has_perm("assembly.discuss", group):
        raise NotFound(_("This discussion does not exist or is not open to you."))
    return thread


def posts_of(thread: Thread) -> list[Post]:
    return list(thread.posts.select_related("author"))


# Gatherings -----------------------------------------------------------------------------------


def gatherings_for(viewer) -> QuerySet[Gathering]:
    qs = Gathering.objects.select_related("group")
    if viewer.is_authenticated and viewer.is_staff:
        return qs
    mine = Q(created_by=viewer) if viewer.is_authenticated else Q(pk__in=[])
    return qs.filter(Q(public=True) | _belongs(viewer, "group") | mine)


def may_plan_gatherings(viewer) -> bool:
    """Coordinators, and the facilitators of a group (for their group)."""
    return viewer.has_perm("assembly.plan_gathering", None) or (
        viewer.is_authenticated and GroupMember.objects.filter(person=viewer, role=GroupMember.Role.FACILITATOR).exists()
    )


def gathering_for_viewer(viewer, slug: str) -> Gathering:
    gathering = Gathering.objects.select_related("group").filter(slug=slug).first()
    if gathering is None or not viewer.has_perm("assembly.view_gathering", gathering):
        raise NotFound(_("This gathering does not exist or is not open to you."))
    return gathering


LISTED = 100  # participants named on a gathering's page


def gathering_page(viewer, gathering: Gathering) -> dict:
    """The agenda by day, the places, the list of participants as their consent allows."""
    sessions = list(gathering.sessions.select_related("pathway"))
    days: dict = {}
    for session in sessions:
        days.setdefault(timezone.localdate(session.starts_at), []).append(session)
    counts = dict(
        gathering.registrations.filter(status=Registration.Status.CONFIRMED)
        .values_list("attendance").annotate(n=Count("pk")).values_list("attendance", "n")
    )
    waiting = gathering.registrations.filter(status=Registration.Status.WAITING).count()
    listed_qs = gathering.registrations.filter(status=Registration.Status.CONFIRMED, listed=True)
    listed = list(listed_qs.select_related("person", "organisation").order_by("organisation__name", "person__display_name")[:LISTED])
    from tadamun.core.context_processors import LANGUAGE_NAMES

    return {
        "interpretation": [(code, LANGUAGE_NAMES.get(code, code)) for code in gathering.interpretation],
        "days": sorted(days.items()),
        "taken": {"in_person": counts.get("in_person", 0), "online": counts.get("online", 0)},
        "waiting": waiting,
        "listed": listed,
        "listed_total": listed_qs.count() if len(listed) == LISTED else len(listed),
        "decisions": list(decisions_for(viewer).filter(gathering=gathering)),
        "documents": list(gathering.documents.all()),
    }


def registration_of(viewer, gathering: Gathering) -> Registration | None:
    if not viewer.is_authenticated:
        return None
    return Registration.objects.filter(gathering=gathering, person=viewer).select_related("organisation").first()


def registrations_for_organisers(gathering: Gathering, *, status: str | None = None) -> QuerySet[Registration]:
    """The registrations on the organisers' desk (paginated there), those waiting for them first."""
    from django.db.models import Case, IntegerField, Value, When

    qs = gathering.registrations.select_related("person", "organisation")
    if status in Registration.Status.values:
        qs = qs.filter(status=status)
    first = Case(When(status=Registration.Status.PENDING, then=Value(0)), When(status=Registration.Status.WAITING, then=Value(1)),
                 default=Value(2), output_field=IntegerField())
    return qs.order_by(first, "created_at", "pk")


def organisations_of(viewer) -> list[Organisation]:
    if not viewer.is_authenticated:
        return []
    return list(Organisation.objects.filter(memberships__person=viewer, status=Organisation.Status.APPROVED).order_by("name"))


def with_choice_labels(proposal: Proposal, positions: list[Position]) -> list[Position]:
    """Name the options each position chose (polls, ranked choices in order, time polls' yes)."""
    if proposal.kind not in Proposal.OPTION_KINDS:
        return positions
    text = dict(proposal.options.values_list("number", "text"))
    for position in positions:
        if proposal.kind == Proposal.Kind.TIME_POLL:
            position.choice_labels = [
                f"{text.get(int(n), n)}: {answer}" for n, answer in (position.choices or {}).items()
            ]
        else:
            position.choice_labels = [text.get(n, str(n)) for n in position.choices or []]
    return positions


def page_positions(viewer, proposal: Proposal, *, names: bool, every: bool = False, first: int = 30) -> dict:
    """The positions as a proposal's page shows them, as visibility allows: those with a
    reason (blocks first) in full, the first `first` unless `every`; the others, which say no
    more than their choice, as one line of names per choice (organisations' names always,
    people's only for the group, none when anonymous). Two queries whatever their number;
    while results are hidden, facilitators see only the blocks they must answer."""
    from django.db.models import Case, IntegerField, Value, When

    from tadamun.network.models import in_language

    allowed = _shown(viewer, [proposal])
    if allowed is None:
        return {"reasoned": [], "more": 0, "silent": []}
    qs = Position.objects.filter(allowed)
    visible = results_visible(viewer, proposal)
    with_reason = Q(value=Position.Value.BLOCK) | ~Q(reason="")
    order = Case(*(When(value=value, then=Value(index)) for index, value in enumerate(["block", "disagree", "abstain", "agree"])),
                 default=Value(9), output_field=IntegerField())
    reasoned_qs = qs.filter(with_reason).select_related("person", "seat__organisation").order_by(order, "stated_at")
    shown = list(reasoned_qs if every else reasoned_qs[:first])
    more = 0 if every else max(reasoned_qs.count() - first, 0)  # counted always: the same queries whatever the data
    with_choice_labels(proposal, shown)
    silent: dict[str, list] = {}
    if visible and not proposal.anonymous:
        labels = dict(Position.Value.choices)
        options = dict(proposal.options.values_list("number", "text")) if proposal.kind in Proposal.OPTION_KINDS else {}
        rows = qs.exclude(with_reason).order_by(order, "stated_at").values_list(
            "value", "choices", "seat__organisation__name", "seat__organisation__names", "person__display_name")
        for value, choices, organisation, translated, person in rows:
            if organisation:
                name = in_language(translated, organisation)
            elif names:
                name = person or _("A member")
            else:
                continue
            if value:
                key, label = value, labels[value]
            elif proposal.kind == Proposal.Kind.TIME_POLL:
                key = label = " · ".join(f"{options.get(int(n), n)}: {a}" for n, a in (choices or {}).items())
            else:
                key = label = " · ".join(options.get(n, str(n)) for n in choices or [])
            silent.setdefault(key, [label, value, []])[2].append(name)
    separator = _(", ")
    return {
        "reasoned": shown,
        "more": more,
        "silent": [(label, value, len(people), separator.join(people)) for label, value, people in silent.values()],
    }
