"""Deciding together: positions on proposals (one per voice, the last one counts), the count
and its pass rule, blocks and their answers, closing into the register of decisions,
anonymous proposals and hidden results, versions of a text, the register and its search;
and groups where organisations have the voice: delegates, weights and proxies."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from tadamun.assembly import queries, services
from tadamun.assembly.models import (
    Decision,
    Group,
    GroupMember,
    Position,
    Proposal,
    ProposalVersion,
    Proxy,
    Receipt,
    Seat,
)
from tadamun.core.errors import DomainError, PermissionDenied
from tadamun.network.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db

TEXT = "The network spends a third of its water budget on wells in Basra this year."


def propose(group, by, **changes) -> Proposal:
    values = dict(
        title="Share the water budget", text=TEXT, language="en", closes_at=timezone.now() + timedelta(days=7),
    )
    values.update(changes)
    return services.put_proposal(by=by, group=group, draft=services.ProposalDraft(**values))


def past_closing_time(proposal: Proposal) -> Proposal:
    Proposal.objects.filter(pk=proposal.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    proposal.refresh_from_db()
    return proposal


def fresh(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_related("group").get(pk=proposal.pk)


def state(person, proposal, value, reason="", **kwargs) -> Position:
    position, _receipt = services.state_position(by=person, proposal=proposal, value=value, reason=reason, **kwargs)
    return position


def outcome() -> str:
    return "The group agreed to share the budget between Basra and Erbil."


@pytest.fixture
def people(db):
    """A working group of four members, counting people, run by a coordinator (who is not in it)."""
    boss = factories.coordinator()
    group = services.create_group(by=boss, draft=services.GroupDraft(name="Water working group", code="wwg"))
    members = [factories.UserFactory() for _ in range(4)]
    for person in members:
        services.add_member(by=boss, group=group, person=person)
    return SimpleNamespace(boss=boss, group=group, members=members)


def add_facilitator(world):
    facilitator = factories.UserFactory()
    services.add_member(by=world.boss, group=world.group, person=facilitator, role=GroupMember.Role.FACILITATOR)
    return facilitator


# Positions ----------------------------------------------------------------------------------


def test_members_state_where_they_stand_and_the_count_follows(people):
    proposal = propose(people.group, people.boss)
    a, b, c, d = people.members
    state(a, proposal, "agree")
    state(b, proposal, "agree")
    state(c, proposal, "abstain")
    state(d, proposal, "disagree", "Erbil needs wells more than Basra.")

    count = services.tally(proposal)
    assert count.counts == {"agree": 2, "abstain": 1, "disagree": 1, "block": 0}
    assert count.voices == 4 and count.taken_part == 4 and count.people == 4
    assert count.agree_share == pytest.approx(2 / 3)  # abstentions are not a side
    assert not count.passes  # 67 % < 75 %
    assert Receipt.objects.filter(proposal=proposal).count() == 4
    named = Position.objects.get(proposal=proposal, value="disagree")
    assert named.person == d and named.reason == "Erbil needs wells more than Basra." and named.version == 1


@pytest.mark.parametrize("value", ["disagree", "block"])
@pytest.mark.parametrize("reason", ["", "   ", "no"])
def test_a_disagreement_or_a_block_needs_a_reason(people, value, reason):
    proposal = propose(people.group, people.boss)
    person = people.members[0]
    with pytest.raises(DomainError) as error:
        state(person, proposal, value, reason)
    assert error.value.field == "reason"
    assert not Position.objects.exists() and not Receipt.objects.exists()

    state(person, proposal, "agree")
    with pytest.raises(DomainError):
        state(person, proposal, value, reason)
    kept = Position.objects.get()
    assert kept.value == "agree" and kept.changes == 0


def test_a_changed_position_replaces_the_earlier_one(people):
    proposal = propose(people.group, people.boss)
    person = people.members[0]
    first, first_receipt = services.state_position(by=person, proposal=proposal, value="agree")
    state(person, proposal, "abstain")
    last, last_receipt = services.state_position(by=person, proposal=proposal, value="block", reason="Basra was promised more.")

    assert Position.objects.filter(proposal=proposal).count() == 1
    assert last.pk == first.pk and last.value == "block" and last.changes == 2
    assert last_receipt.code == first_receipt.code and Receipt.objects.count() == 1
    count = services.tally(proposal)
    assert count.counts["block"] == 1 and count.counts["agree"] == 0 and count.people == 1


def test_people_outside_the_group_have_no_voice(people):
    proposal = propose(people.group, people.boss)
    organisation = factories.OrganisationFactory()
    for outsider in (factories.UserFactory(), factories.member(organisation, Membership.Role.ADMIN), people.boss):
        with pytest.raises(PermissionDenied):
            state(outsider, proposal, "agree")
    assert not Position.objects.exists() and not Receipt.objects.exists()


def test_no_position_after_the_closing_time(people):
    proposal = propose(people.group, people.boss)
    person = people.members[0]
    state(person, proposal, "agree")
    past_closing_time(proposal)
    with pytest.raises(DomainError):
        state(person, proposal, "disagree", "Too late to change my mind.")
    with pytest.raises(DomainError):
        state(people.members[1], proposal, "agree")
    assert list(Position.objects.values_list("value", flat=True)) == ["agree"]


def test_no_position_once_the_proposal_is_closed(people):
    proposal = propose(people.group, people.boss)
    for person in people.members:
        state(person, proposal, "agree")
    services.close_proposal(by=people.boss, proposal=proposal, outcome=outcome())
    with pytest.raises(DomainError):
        state(people.members[0], proposal, "block", "I changed my mind after all.")
    with pytest.raises(DomainError):  # the object the caller holds still says open: the row decides
        state(people.members[0], proposal, "abstain")
    assert set(Position.objects.values_list("value", flat=True)) == {"agree"}


def test_consent_knows_only_no_objection_or_an_objection(people):
    proposal = propose(people.group, people.boss, kind=Proposal.Kind.CONSENT)
    a, b, c, _d = people.members
    for value in ("abstain", "disagree", "maybe"):
        with pytest.raises(DomainError) as error:
            state(a, proposal, value, "A reason long enough.")
        assert error.value.field == "value"
    state(a, proposal, "agree")
    state(b, proposal, "block", "It breaks our agreement with the donors.")
    with pytest.raises(DomainError):
        state(c, proposal, "block")  # an objection needs its reason too
    assert services.tally(proposal).counts == {"agree": 1, "abstain": 0, "disagree": 0, "block": 1}


# The count and the pass rule ----------------------------------------------------------------

BECAUSE = "A reason the group can answer."


@pytest.mark.parametrize(
    "values, rule, share, passes",
    [
        (["agree", "agree", "agree", "disagree"], {}, 0.75, True),  # exactly the 75 % needed
        (["agree", "agree", "abstain", "disagree"], {}, 2 / 3, False),
        (["agree", "abstain", "abstain", "abstain"], {}, 1.0, True),  # abstentions take no side
        (["abstain", "abstain", "abstain", "abstain"], {}, None, False),  # nobody took a side
        (["agree", "agree", "agree", "block"], {}, 0.75, False),  # no block allowed by default
        (["agree", "agree", "agree", "block"], {"max_blocks": 1}, 0.75, True),
        (["agree", "agree", "block", "block"], {"max_blocks": 1, "min_agree": 50}, 0.5, False),
        (["agree", "agree", "disagree", "disagree"], {"min_agree": 50}, 0.5, True),
        (["agree", "disagree", "disagree", "disagree"], {"min_agree": 50}, 0.25, False),
    ],
)
def test_the_pass_rule(people, values, rule, share, passes):
    proposal = propose(people.group, people.boss, **rule)
    for person, value in zip(people.members, values, strict=True):
        state(person, proposal, value, BECAUSE if value in ("disagree", "block") else "")
    count = services.tally(proposal)
    assert count.agree_share == (None if share is None else pytest.approx(share))
    assert count.passes is passes


def test_a_quorum_counts_who_took_part_abstentions_included(people):
    proposal = propose(people.group, people.boss, quorum=75)
    a, b, c, _d = people.members
    state(a, proposal, "agree")
    state(b, proposal, "agree")
    count = services.tally(proposal)
    assert count.turnout == 0.5 and not count.quorum_met and not count.passes  # unanimous, but too few
    state(c, proposal, "abstain")
    count = services.tally(proposal)
    assert count.quorum_met and count.passes and count.taken_part == 3


def test_members_who_left_no_longer_count(people):
    proposal = propose(people.group, people.boss, max_blocks=0)
    a, b, c, leaver = people.members
    for person in (a, b, c):
        state(person, proposal, "agree")
    state(leaver, proposal, "disagree", "I do not agree at all.")
    assert services.tally(proposal).agree_share == 0.75

    services.remove_member(by=people.boss, group=people.group, person=leaver)
    count = services.tally(proposal)
    assert count.voices == 3 and count.people == 3 and count.counts["disagree"] == 0
    assert count.agree_share == 1.0 and count.passes
    with pytest.raises(PermissionDenied):
        state(leaver, proposal, "block", "Now I block it from outside.")


def test_the_block_of_a_member_who_left_does_not_hold_the_proposal(people):
    """The block no longer counts once its author left the group; it cannot stop the closing either."""
    proposal = propose(people.group, people.boss)
    a, b, c, leaver = people.members
    for person in (a, b, c):
        state(person, proposal, "agree")
    state(leaver, proposal, "block", "I block it before I leave.")
    services.remove_member(by=people.boss, group=people.group, person=leaver)
    count = services.tally(proposal)
    assert count.counts["block"] == 0 and count.unanswered_blocks == 0

    decision = services.close_proposal(by=people.boss, proposal=proposal, outcome=outcome())
    assert decision.passed and Decimal(decision.result["counts"]["block"]) == 0


def test_only_coordinators_change_who_is_in_a_group(people):
    someone = factories.UserFactory()
    with pytest.raises(PermissionDenied):
        services.add_member(by=people.members[0], group=people.group, person=someone)
    with pytest.raises(PermissionDenied):
        services.remove_member(by=people.members[0], group=people.group, person=people.members[1])
    assert GroupMember.objects.filter(group=people.group).count() == 4


# Blocks -------------------------------------------------------------------------------------


def test_a_block_must_be_answered_before_closing(people):
    facilitator = add_facilitator(people)
    proposal = propose(people.group, facilitator, max_blocks=1)
    a, b, c, d = people.members
    for person in (a, b, c):
        state(person, proposal, "agree")
    block = state(d, proposal, "block", "It leaves out the camps in Duhok.")
    past_closing_time(proposal)

    with pytest.raises(DomainError):
        services.close_proposal(by=facilitator, proposal=proposal, outcome=outcome())
    assert fresh(proposal).status == Proposal.Status.OPEN and not Decision.objects.exists()
    with pytest.raises(PermissionDenied):
        services.answer_block(by=a, position=block, answer="Members do not answer blocks.")
    with pytest.raises(DomainError):
        services.answer_block(by=facilitator, position=Position.objects.get(person=a), answer="Not a block at all.")
    with pytest.raises(DomainError):
        services.answer_block(by=facilitator, position=block, answer="  ")

    answered = services.answer_block(by=facilitator, position=block, answer="Duhok gets its share in the next round.")
    assert answered.answered_at is not None and answered.answer == "Duhok gets its share in the next round."
    decision = services.close_proposal(by=facilitator, proposal=proposal, outcome=outcome())
    assert decision.passed  # one block allowed, 75 % agree


def test_a_changed_block_needs_a_new_answer(people):
    proposal = propose(people.group, people.boss)
    person = people.members[0]
    block = state(person, proposal, "block", "It leaves out the camps in Duhok.")
    services.answer_block(by=people.boss, position=block, answer="Duhok gets its share in the next round.")

    again = state(person, proposal, "block", "It leaves out the camps in Duhok.")  # the same block, sent again
    assert again.answered_at is not None
    changed = state(person, proposal, "block", "It also leaves out Sinjar.")
    assert changed.answered_at is None and changed.answer == ""
    assert services.tally(proposal).unanswered_blocks == 1

    past_closing_time(proposal)
    with pytest.raises(DomainError):
        services.close_proposal(by=people.boss, proposal=proposal, outcome=outcome())
    services.answer_block(by=people.boss, position=changed, answer="Sinjar too, from the reserve.")
    assert services.close_proposal(by=people.boss, proposal=proposal, outcome=outcome()).passed is False


# Closing into the register ------------------------------------------------------------------


def test_closing_early_needs_every_voice_and_makes_a_decision(people):
    proposal = propose(people.group, people.boss)
    a, b, c, d = people.members
    for person in (a, b, c):
        state(person, proposal, "agree")
    with pytest.raises(DomainError):
        services.close_proposal(by=people.boss, proposal=proposal, outcome=outcome())
    state(d, proposal, "disagree", "Erbil needs it more.")

    decision = services.close_proposal(by=people.boss, proposal=proposal, outcome=outcome())
    year = timezone.localdate().year
    assert decision.reference == f"wwg-{year}-1"
    assert decision.proposal == proposal and decision.group == people.group
    assert decision.passed is True and decision.outcome == outcome() and decision.title == proposal.title
    assert decision.decided_on == timezone.localdate() and decision.recorded_by == people.boss
    closed = fresh(proposal)
    assert closed.status == Proposal.Status.CLOSED and closed.closed_at is not None
    stored = Decision.objects.get(pk=decision.pk).result
    assert {k: Decimal(v) for k, v in stored["counts"].items()} == {"agree": 3, "abstain": 0, "disagree": 1, "block": 0}
    assert Decimal(stored["voices"]) == 4 and Decimal(stored["taken_part"]) == 4
    assert stored["agree_share"] == 0.75 and stored["passes"] is True and stored["quorum_met"] is True

    with pytest.raises(DomainError):
        services.close_proposal(by=people.boss, proposal=proposal, outcome=outcome())
    assert Decision.objects.count() == 1

    second = propose(people.group, people.boss)
    state(a, second, "disagree", "Not again, please.")
    past_closing_time(second)
    refused = services.close_proposal(by=people.boss, proposal=second, outcome="The group did not agree to it.")
    assert refused.reference == f"wwg-{year}-2" and refused.passed is False


def test_closing_needs_an_outcome_and_a_facilitator(people):
    proposal = past_closing_time(propose(people.group, people.boss))
    for text in ("", "   ", "Agreed."):
        with pytest.raises(DomainError) as error:
            services.close_proposal(by=people.boss, proposal=proposal, outcome=text)
        assert error.value.field == "outcome"
    with pytest.raises(PermissionDenied):
        services.close_proposal(by=people.members[0], proposal=proposal, outcome=outcome())
    assert fresh(proposal).status == Proposal.Status.OPEN and not Decision.objects.exists()


def test_a_private_group_keeps_its_decisions_private_unless_said_otherwise(people):
    Group.objects.filter(pk=people.group.pk).update(public=False)
    people.group.refresh_from_db()
    first = past_closing_time(propose(people.group, people.boss))
    second = past_closing_time(propose(people.group, people.boss))
    assert services.close_proposal(by=people.boss, proposal=first, outcome=outcome()).public is False
    assert services.close_proposal(by=people.boss, proposal=second, outcome=outcome(), public=True).public is True


# Anonymous proposals and hidden results -----------------------------------------------------


def test_an_anonymous_proposal_names_nobody(people, caplog):
    facilitator = add_facilitator(people)
    proposal = propose(people.group, facilitator, anonymous=True)
    a, b, _c, _d = people.members
    with caplog.at_level(logging.DEBUG, logger="tadamun.assembly"):
        state(a, proposal, "agree")
        state(b, proposal, "block", "Secret reason about the budget.")
        state(b, proposal, "block", "Another secret reason, changed.")
    for position in Position.objects.filter(proposal=proposal):
        assert position.person_id is None and position.seat_id is None
        for person in (a, b):
            assert position.voice != str(person.pk) and person.email not in position.voice
    # The voice of a person differs from one proposal to the next: no thread across proposals.
    other = propose(people.group, facilitator, anonymous=True)
    state(a, other, "agree")
    assert not set(Position.objects.filter(proposal=other).values_list("voice", flat=True)) & set(
        Position.objects.filter(proposal=proposal).values_list("voice", flat=True)
    )

    # The receipt says that they took part, never how.
    receipt = Receipt.objects.get(proposal=proposal, person=b)
    assert receipt.seat_id is None and receipt.code
    fields = {f.name for f in Receipt._meta.get_fields()}
    assert not fields & {"value", "reason", "voice", "position", "positions"}
    assert not {f.name for f in Position._meta.get_fields()} & {"receipt", "receipts"}
    # Nor does the log.
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "position stated" in logged
    assert "block" not in logged and "Secret reason" not in logged and "agree" not in logged

    # Others see counts and reasons; each person still finds their own position.
    shown = queries.positions_shown_many(a, [proposal])[proposal.pk]
    assert {p.value for p in shown} == {"agree", "block"} and all(p.person is None for p in shown)
    assert dict(queries.my_voices(b, proposal))[None].value == "block"

    # Nothing lifts the anonymity: revising the text keeps it, and a new statement names nobody.
    revised = services.revise_proposal(by=facilitator, proposal=proposal, text=TEXT + " And in Erbil too.")
    assert revised.anonymous is True and fresh(proposal).anonymous is True
    state(a, proposal, "disagree", "The Erbil part is wrong.")
    assert not Position.objects.filter(proposal=proposal, person__isnull=False).exists()
    assert not Position.objects.filter(proposal=proposal, seat__isnull=False).exists()


def test_hidden_results_show_once_the_proposal_closes(people):
    facilitator = add_facilitator(people)
    proposal = propose(people.group, facilitator, hide_results=True)
    a, b, _c, _d = people.members
    state(a, proposal, "agree")
    block = state(b, proposal, "block", "It leaves out the camps in Duhok.")

    for viewer in (a, b, AnonymousUser()):
        assert queries.results_visible(viewer, proposal) is False
        assert queries.positions_shown_many(viewer, [proposal])[proposal.pk] == []
    assert queries.positions_shown_many(facilitator, [proposal])[proposal.pk] == [block]  # the blocks they must answer, no more
    assert queries.positions_shown_many(people.boss, [proposal])[proposal.pk] == [block]

    services.answer_block(by=facilitator, position=block, answer="Duhok gets its share in the next round.")
    services.close_proposal(by=facilitator, proposal=past_closing_time(proposal), outcome=outcome())
    closed = fresh(proposal)
    assert queries.results_visible(a, closed) is True
    assert {p.value for p in queries.positions_shown_many(a, [closed])[closed.pk]} == {"agree", "block"}

    shown_all_along = propose(people.group, facilitator)
    assert queries.results_visible(a, shown_all_along) is True


# Versions of the text -----------------------------------------------------------------------


def test_a_revision_is_a_new_version_and_positions_remember_theirs(people):
    proposal = propose(people.group, people.boss)
    a, b, _c, _d = people.members
    state(a, proposal, "agree")
    revised = services.revise_proposal(
        by=people.boss, proposal=proposal, text=TEXT.replace("Basra", "Erbil"), note="Amendment from the Erbil members",
    )
    assert revised.version == 2 and fresh(proposal).text == TEXT.replace("Basra", "Erbil")
    assert list(ProposalVersion.objects.filter(proposal=proposal).values_list("number", "note")) == [
        (1, ""), (2, "Amendment from the Erbil members"),
    ]
    state(b, proposal, "agree")
    assert Position.objects.get(person=a).version == 1 and Position.objects.get(person=b).version == 2
    state(a, proposal, "agree")  # stated again on the new text
    assert Position.objects.get(person=a).version == 2

    latest, changes = queries.versions_with_changes(proposal)[0]
    assert latest.number == 2
    assert ("removed", "Basra") in changes and ("added", "Erbil") in changes
    assert "".join(text for kind, text in changes if kind != "removed") == TEXT.replace("Basra", "Erbil")
    first, unchanged = queries.versions_with_changes(proposal)[1]
    assert first.number == 1 and unchanged == [("same", TEXT)]


def test_a_revision_is_refused_when_nothing_changes_or_too_late(people):
    proposal = propose(people.group, people.boss)
    with pytest.raises(DomainError):
        services.revise_proposal(by=people.boss, proposal=proposal, text=TEXT)
    with pytest.raises(PermissionDenied):
        services.revise_proposal(by=people.members[0], proposal=proposal, text=TEXT + " Amended.")
    past_closing_time(proposal)
    with pytest.raises(DomainError):
        services.revise_proposal(by=people.boss, proposal=proposal, text=TEXT + " Amended.")
    assert ProposalVersion.objects.filter(proposal=proposal).count() == 1 and fresh(proposal).version == 1


# Decisions taken elsewhere and the register -------------------------------------------------


def record(group, by, *, outcome_text="The assembly adopted the new statutes of the network.", **changes):
    values = dict(title="New statutes", outcome=outcome_text, language="en", decided_on=date(2022, 5, 14))
    values.update(changes)
    return services.record_decision(by=by, group=group, draft=services.DecisionDraft(**values))


def test_a_decision_taken_in_the_room_enters_the_register(people):
    with pytest.raises(DomainError) as error:
        record(people.group, people.boss, decided_on=timezone.localdate() + timedelta(days=1))
    assert error.value.field == "decided_on"
    with pytest.raises(PermissionDenied):
        record(people.group, people.members[0])
    assert not Decision.objects.exists()

    decision = record(people.group, people.boss, place="Baghdad", public=False)
    assert decision.reference == "wwg-2022-1" and decision.proposal is None
    assert decision.decided_on == date(2022, 5, 14) and decision.place == "Baghdad" and decision.public is False
    assert decision.recorded_by == people.boss and Decision.objects.get().title == "New statutes"
    assert record(people.group, people.boss).reference == "wwg-2022-2"
    assert record(people.group, people.boss, decided_on=timezone.localdate()).reference == f"wwg-{timezone.localdate().year}-1"


@pytest.fixture
def register(people):
    """A public decision and a members-only one of the working group, and a decision of
    another group the readers are not in."""
    public = record(people.group, people.boss, title="Open decision", outcome_text="The budget is shared between governorates.")
    private = record(people.group, people.boss, title="Closed decision", outcome_text="The salaries of the staff are raised.", public=False)
    elsewhere = services.create_group(by=people.boss, draft=services.GroupDraft(name="Coordination", code="coord", public=False))
    other = record(elsewhere, people.boss, title="Other group's decision", outcome_text="The committee meets monthly in Erbil.", public=False)
    return SimpleNamespace(public=public, private=private, other=other, elsewhere=elsewhere)


def test_the_register_shows_members_only_decisions_to_the_group(people, register):
    def titles(viewer, **kwargs):
        return {d.title for d in queries.decisions_for(viewer, **kwargs)}

    assert titles(AnonymousUser()) == {"Open decision"}
    assert titles(factories.UserFactory()) == {"Open decision"}
    assert titles(factories.member(factories.OrganisationFactory(), Membership.Role.ADMIN)) == {"Open decision"}
    assert titles(people.members[0]) == {"Open decision", "Closed decision"}
    assert titles(people.boss) == {"Open decision", "Closed decision", "Other group's decision"}
    assert titles(people.boss, group=register.elsewhere) == {"Other group's decision"}

    services.remove_member(by=people.boss, group=people.group, person=people.members[0])
    assert titles(people.members[0]) == {"Open decision"}


def test_the_register_is_searched_by_a_word_of_the_outcome(people, register):
    def titles(q, viewer=None):
        return {d.title for d in queries.decisions_for(viewer or people.boss, q=q)}

    assert titles("governorates") == {"Open decision"}
    assert titles("SALARIES") == {"Closed decision"}
    assert titles("salaries", AnonymousUser()) == set()  # a members-only decision stays hidden in a search
    assert titles("budget shared") == {"Open decision"}
    assert titles("budget salaries") == set()  # every word must be found
    assert titles("hospital") == set()


def test_arabic_search_folds_diacritics_and_alef_forms(people):
    record(people.group, people.boss, title="تعديل النظام", language="ar",
           outcome_text="أقرّت الجمعية العامة تعديل الدّستور الداخلي للشبكة في إربيل.")
    record(people.group, people.boss, title="الميزانية", language="ar", outcome_text="وافقت اللجنة على ميزانية السنة القادمة.")

    def titles(q):
        return [d.title for d in queries.decisions_for(AnonymousUser(), q=q)]

    assert titles("الدستور") == ["تعديل النظام"]  # written with a shadda in the outcome
    assert titles("اقرت") == ["تعديل النظام"]  # alef with hamza and shadda in the outcome
    assert titles("اربيل") == ["تعديل النظام"]  # alef with hamza below
    assert titles("أربيل الدستور") == ["تعديل النظام"]
    assert titles("ميزانيه") == ["الميزانية"]  # teh marbuta typed as heh
    assert titles("البرلمان") == []


# Groups where organisations have the voice --------------------------------------------------


@pytest.fixture
def assembly(db):
    """A General Assembly of four seated organisations (A, B, C, D). Each has an administrator,
    a delegate (an ordinary member the administrator designated) and another member."""
    boss = factories.coordinator()
    group = services.create_group(by=boss, draft=services.GroupDraft(
        name="General Assembly", code="ga", kind=Group.Kind.GENERAL_ASSEMBLY, counts=Group.Counts.ORGANISATIONS, max_proxies=2,
    ))
    orgs = {}
    for name in "ABCD":
        organisation = factories.OrganisationFactory()
        admin = factories.member(organisation, Membership.Role.ADMIN)
        delegate = factories.member(organisation, Membership.Role.MEMBER)
        other = factories.member(organisation, Membership.Role.MEMBER)
        seat = services.seat_organisation(by=boss, group=group, organisation=organisation)
        services.designate_delegate(by=admin, seat=seat, person=delegate)
        orgs[name] = SimpleNamespace(organisation=organisation, admin=admin, delegate=delegate, other=other, seat=seat)
    return SimpleNamespace(boss=boss, group=group, **orgs)


def seat_positions(proposal, seat):
    return Position.objects.filter(proposal=proposal, voice=services.voice_of(proposal.pk, seat_id=seat.pk))


def test_an_organisation_has_one_voice_cast_by_its_delegate(assembly):
    proposal = propose(assembly.group, assembly.boss)
    a = assembly.A
    for not_delegate in (a.other, a.admin, assembly.boss, factories.UserFactory()):
        with pytest.raises(PermissionDenied):
            state(not_delegate, proposal, "agree")
    position = state(a.delegate, proposal, "agree")
    assert position.seat == a.seat and position.person == a.delegate and not position.by_proxy
    receipt = Receipt.objects.get(proposal=proposal)
    assert receipt.person == a.delegate and receipt.seat == a.seat

    count = services.tally(proposal)
    assert count.voices == 4 and count.taken_part == 1 and count.people == 1 and count.counts["agree"] == 1


def test_a_new_delegates_position_replaces_the_earlier_delegates(assembly):
    proposal = propose(assembly.group, assembly.boss)
    a = assembly.A
    state(a.delegate, proposal, "agree")
    services.designate_delegate(by=a.admin, seat=a.seat, person=a.other)
    with pytest.raises(PermissionDenied):
        state(a.delegate, proposal, "abstain")  # no longer the delegate
    state(a.other, proposal, "disagree", "Our board decided against it.")

    only = seat_positions(proposal, a.seat).get()
    assert Position.objects.filter(proposal=proposal).count() == 1
    assert only.value == "disagree" and only.person == a.other and only.changes == 1
    count = services.tally(proposal)
    assert count.people == 1 and count.counts["agree"] == 0 and count.counts["disagree"] == 1


def test_only_the_organisations_administrators_designate_a_member_as_delegate(assembly):
    a = assembly.A
    for not_admin in (a.delegate, a.other, assembly.B.admin, factories.UserFactory()):
        with pytest.raises(PermissionDenied):
            services.designate_delegate(by=not_admin, seat=a.seat, person=a.other)
    with pytest.raises(DomainError) as error:
        services.designate_delegate(by=a.admin, seat=a.seat, person=assembly.B.delegate)  # not in organisation A
    assert error.value.field == "delegate"
    with pytest.raises(DomainError):
        services.designate_delegate(by=assembly.boss, seat=a.seat, person=factories.UserFactory())
    assert Seat.objects.get(pk=a.seat.pk).delegate == a.delegate
    services.designate_delegate(by=assembly.boss, seat=a.seat, person=a.other)  # coordinators may too
    assert Seat.objects.get(pk=a.seat.pk).delegate == a.other


def test_one_person_is_the_delegate_of_one_organisation_only(assembly):
    both = factories.member(assembly.B.organisation)
    Membership.objects.create(organisation=assembly.A.organisation, person=both, role=Membership.Role.MEMBER)
    services.designate_delegate(by=assembly.A.admin, seat=assembly.A.seat, person=both)
    with pytest.raises(DomainError) as error:
        services.designate_delegate(by=assembly.B.admin, seat=assembly.B.seat, person=both)
    assert error.value.field == "delegate"
    assert Seat.objects.get(pk=assembly.B.seat.pk).delegate == assembly.B.delegate


def test_weights_count_in_the_voices_and_the_positions(assembly):
    services.seat_organisation(by=assembly.boss, group=assembly.group, organisation=assembly.A.organisation, weight="3")
    services.seat_organisation(by=assembly.boss, group=assembly.group, organisation=assembly.D.organisation, weight=Decimal("0.5"))
    for bad in (0, "-1", "101", "many"):
        with pytest.raises(DomainError):
            services.seat_organisation(by=assembly.boss, group=assembly.group, organisation=assembly.B.organisation, weight=bad)
    assert Seat.objects.get(pk=assembly.B.seat.pk).weight == 1
    proposal = propose(assembly.group, assembly.boss)
    state(assembly.A.delegate, proposal, "agree")
    state(assembly.B.delegate, proposal, "disagree", "Too expensive for us.")
    state(assembly.D.delegate, proposal, "abstain")

    count = services.tally(proposal)
    assert count.voices == Decimal("5.5")  # 3 + 1 + 1 + 0.5
    assert count.counts == {"agree": 3, "abstain": Decimal("0.5"), "disagree": 1, "block": 0}
    assert count.taken_part == Decimal("4.5") and count.people == 3
    assert count.agree_share == 0.75 and count.passes


def test_seats_exist_only_where_organisations_have_the_voice(people):
    with pytest.raises(DomainError):
        services.seat_organisation(by=people.boss, group=people.group, organisation=factories.OrganisationFactory())
    proposal = propose(people.group, people.boss)
    with pytest.raises(DomainError):
        services.give_proxy(by=people.members[0], proposal=proposal, holder=Seat(group=people.group))


# Proxies ------------------------------------------------------------------------------------


def test_a_delegate_holding_a_proxy_states_the_other_organisations_position(assembly):
    proposal = propose(assembly.group, assembly.boss)
    a, b = assembly.A, assembly.B
    services.give_proxy(by=a.delegate, proposal=proposal, holder=b.seat)
    assert [s.pk for s in services.voices_of(b.delegate, proposal)] == [b.seat.pk, a.seat.pk]

    state(b.delegate, proposal, "agree")
    for_a = state(b.delegate, proposal, "disagree", "A asked us to say no.", seat=a.seat)
    assert for_a.by_proxy and for_a.seat == a.seat and for_a.person == b.delegate
    count = services.tally(proposal)
    assert count.people == 2 and count.by_proxy == 1
    assert count.counts["agree"] == 1 and count.counts["disagree"] == 1

    state(b.delegate, proposal, "abstain", seat=a.seat)  # the holder may change what it said for A
    assert seat_positions(proposal, a.seat).get().value == "abstain"
    assert services.tally(proposal).people == 2
    with pytest.raises(PermissionDenied):
        state(b.delegate, proposal, "agree", seat=assembly.C.seat)  # no proxy from C
    with pytest.raises(PermissionDenied):
        state(b.other, proposal, "agree", seat=a.seat)  # the proxy is the delegate's, not the organisation's


def test_a_delegate_holds_at_most_the_proxies_allowed(assembly):
    proposal = propose(assembly.group, assembly.boss)
    services.give_proxy(by=assembly.A.delegate, proposal=proposal, holder=assembly.B.seat)
    services.give_proxy(by=assembly.C.delegate, proposal=proposal, holder=assembly.B.seat)
    with pytest.raises(DomainError) as error:
        services.give_proxy(by=assembly.D.delegate, proposal=proposal, holder=assembly.B.seat)
    assert error.value.field == "holder"
    assert Proxy.objects.filter(proposal=proposal, holder=assembly.B.seat, withdrawn_at__isnull=True).count() == 2


def test_proxies_do_not_chain_and_are_not_given_to_oneself(assembly):
    proposal = propose(assembly.group, assembly.boss)
    a, b, c = assembly.A, assembly.B, assembly.C
    with pytest.raises(DomainError):
        services.give_proxy(by=a.delegate, proposal=proposal, holder=a.seat)
    services.give_proxy(by=a.delegate, proposal=proposal, holder=b.seat)
    with pytest.raises(DomainError):  # B holds A's proxy: it cannot pass it on
        services.give_proxy(by=b.delegate, proposal=proposal, holder=c.seat)
    with pytest.raises(DomainError):  # A gave its own: it holds none
        services.give_proxy(by=c.delegate, proposal=proposal, holder=a.seat)
    with pytest.raises(DomainError):  # one proxy per organisation
        services.give_proxy(by=a.delegate, proposal=proposal, holder=c.seat)
    with pytest.raises(PermissionDenied):  # only the delegate gives it
        services.give_proxy(by=assembly.D.admin, proposal=proposal, holder=c.seat)
    assert list(Proxy.objects.values_list("giver", "holder")) == [(a.seat.pk, b.seat.pk)]


def test_the_organisations_own_position_counts_instead_of_the_proxys(assembly):
    proposal = propose(assembly.group, assembly.boss)
    a, b = assembly.A, assembly.B
    services.give_proxy(by=a.delegate, proposal=proposal, holder=b.seat)
    state(b.delegate, proposal, "agree", seat=a.seat)
    own = state(a.delegate, proposal, "block", "Our members were not consulted.")

    assert seat_positions(proposal, a.seat).count() == 1
    assert own.value == "block" and not own.by_proxy and own.person == a.delegate
    with pytest.raises(DomainError):
        state(b.delegate, proposal, "agree", seat=a.seat)
    assert seat_positions(proposal, a.seat).get().value == "block"
    count = services.tally(proposal)
    assert count.by_proxy == 0 and count.people == 1 and count.counts["block"] == 1 and count.counts["agree"] == 0


def test_withdrawing_a_proxy_takes_back_what_was_stated_through_it(assembly):
    proposal = propose(assembly.group, assembly.boss)
    a, b = assembly.A, assembly.B
    proxy = services.give_proxy(by=a.delegate, proposal=proposal, holder=b.seat)
    state(b.delegate, proposal, "agree")
    state(b.delegate, proposal, "agree", seat=a.seat)
    withdrawn = services.withdraw_proxy(by=a.admin, proxy=proxy)

    assert withdrawn.withdrawn_at is not None
    assert not seat_positions(proposal, a.seat).exists()
    assert seat_positions(proposal, b.seat).get().value == "agree"  # the holder's own stays
    count = services.tally(proposal)
    assert count.people == 1 and count.by_proxy == 0
    with pytest.raises(PermissionDenied):
        state(b.delegate, proposal, "agree", seat=a.seat)
    with pytest.raises(PermissionDenied):
        services.withdraw_proxy(by=b.delegate, proxy=proxy)  # the holder does not withdraw it
    # A may give its proxy again, and states its own position as ever.
    services.give_proxy(by=a.delegate, proposal=proposal, holder=assembly.C.seat)
    state(a.delegate, proposal, "agree")
    assert services.tally(proposal).people == 2


def test_withdrawing_a_proxy_keeps_the_organisations_own_position(assembly):
    proposal = propose(assembly.group, assembly.boss)
    a, b = assembly.A, assembly.B
    proxy = services.give_proxy(by=a.delegate, proposal=proposal, holder=b.seat)
    state(a.delegate, proposal, "disagree", "We decided ourselves.")
    services.withdraw_proxy(by=a.admin, proxy=proxy)
    assert seat_positions(proposal, a.seat).get().value == "disagree"


def test_the_delegate_who_gave_a_proxy_may_withdraw_it(assembly):
    """withdraw_proxy: "The giving organisation's delegate (or administrators) take the proxy back"."""
    proposal = propose(assembly.group, assembly.boss)
    proxy = services.give_proxy(by=assembly.A.delegate, proposal=proposal, holder=assembly.B.seat)
    withdrawn = services.withdraw_proxy(by=assembly.A.delegate, proxy=proxy)
    assert withdrawn.withdrawn_at is not None


def test_withdrawing_an_old_proxy_again_leaves_the_new_one_alone(assembly):
    """A proxy withdrawn earlier, withdrawn again (a second click, an old form), must not take
    back what the organisation's current proxy holder stated."""
    proposal = propose(assembly.group, assembly.boss)
    a = assembly.A
    old = services.give_proxy(by=a.delegate, proposal=proposal, holder=assembly.B.seat)
    services.withdraw_proxy(by=a.admin, proxy=old)
    current = services.give_proxy(by=a.delegate, proposal=proposal, holder=assembly.C.seat)
    state(assembly.C.delegate, proposal, "agree", seat=a.seat)

    try:
        services.withdraw_proxy(by=a.admin, proxy=old)
    except DomainError:
        pass  # refusing is as good as doing nothing
    assert Proxy.objects.get(pk=current.pk).withdrawn_at is None
    assert seat_positions(proposal, a.seat).get().value == "agree"
    assert services.tally(proposal).by_proxy == 1


def test_proxies_close_with_the_proposal(assembly):
    proposal = propose(assembly.group, assembly.boss)
    proxy = services.give_proxy(by=assembly.A.delegate, proposal=proposal, holder=assembly.B.seat)
    past_closing_time(proposal)
    with pytest.raises(DomainError):
        services.give_proxy(by=assembly.C.delegate, proposal=proposal, holder=assembly.B.seat)
    with pytest.raises(DomainError):
        services.withdraw_proxy(by=assembly.A.admin, proxy=proxy)
    assert Proxy.objects.get(pk=proxy.pk).withdrawn_at is None


def test_a_proposal_of_organisations_closes_with_weighted_counts_and_proxies(assembly):
    services.seat_organisation(by=assembly.boss, group=assembly.group, organisation=assembly.A.organisation, weight=2)
    proposal = propose(assembly.group, assembly.boss)
    services.give_proxy(by=assembly.C.delegate, proposal=proposal, holder=assembly.B.seat)
    services.give_proxy(by=assembly.D.delegate, proposal=proposal, holder=assembly.B.seat)
    state(assembly.A.delegate, proposal, "agree")
    state(assembly.B.delegate, proposal, "agree")
    state(assembly.B.delegate, proposal, "agree", seat=assembly.C.seat)
    state(assembly.B.delegate, proposal, "disagree", "D is against it.", seat=assembly.D.seat)

    decision = services.close_proposal(by=assembly.boss, proposal=proposal, outcome=outcome())  # every voice took part
    assert decision.reference == f"ga-{timezone.localdate().year}-1" and decision.passed  # 4 of 5 = 80 %
    assert Decimal(decision.result["voices"]) == 5 and decision.result["by_proxy"] == 2
    assert Decimal(decision.result["counts"]["agree"]) == 4 and Decimal(decision.result["counts"]["disagree"]) == 1
