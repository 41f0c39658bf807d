"""Deciding together under concurrency, on PostgreSQL: positions changed from many sessions at
once stay one per voice and the last one counts; delegates racing for the same proxy holder
never go past the limit; nothing is recorded after a proposal closes."""

import time
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from tadamun.assembly import services
from tadamun.assembly.models import Decision, Group, Position, Proposal, Proxy, Receipt
from tadamun.core.errors import DomainError
from tests import factories
from tests.campaigns.test_concurrency import all_at_once

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises writers, so it cannot show a race (run with DATABASE_URL=postgres://...)",
    ),
]

REASONS = {"disagree": "Not with this budget.", "block": "It leaves out Duhok."}


def propose(group, by) -> Proposal:
    return services.put_proposal(by=by, group=group, draft=services.ProposalDraft(
        title="Share the water budget", text="The network spends a third of its water budget on wells in Basra.",
        language="en", closes_at=timezone.now() + timedelta(days=7),
    ))


def state(person, proposal, value):
    return services.state_position(by=person, proposal=proposal, value=value, reason=REASONS.get(value, ""))


@pytest.fixture
def people():
    boss = factories.coordinator()
    group = services.create_group(by=boss, draft=services.GroupDraft(name="Water working group", code="wwg"))
    members = [factories.UserFactory() for _ in range(20)]
    for person in members:
        services.add_member(by=boss, group=group, person=person)
    return boss, group, members


def test_twenty_members_changing_their_positions_at_once_keep_one_each_the_last(people):
    boss, group, members = people
    proposal = propose(group, boss)
    cycle = ["agree", "abstain", "disagree", "block"]
    rounds = 5
    sequences = [[cycle[(i + k) % len(cycle)] for k in range(rounds)] for i in range(len(members))]

    def work(i):
        for value in sequences[i]:
            state(members[i], proposal, value)

    all_at_once(len(members), work)

    assert Position.objects.filter(proposal=proposal).count() == len(members)
    assert Receipt.objects.filter(proposal=proposal).count() == len(members)
    for i, person in enumerate(members):
        position = Position.objects.get(proposal=proposal, voice=services.voice_of(proposal.pk, person_id=person.pk))
        assert (position.value, position.changes) == (sequences[i][-1], rounds - 1), person
    count = services.tally(proposal)
    assert count.people == len(members)
    assert {value: int(n) for value, n in count.counts.items()} == {
        value: sum(1 for sequence in sequences if sequence[-1] == value) for value in cycle
    }


def test_ten_delegates_racing_for_one_holder_give_no_more_proxies_than_allowed():
    boss = factories.coordinator()
    group = services.create_group(by=boss, draft=services.GroupDraft(
        name="General Assembly", code="ga", kind=Group.Kind.GENERAL_ASSEMBLY, counts=Group.Counts.ORGANISATIONS, max_proxies=2,
    ))
    seats, delegates = [], []
    for _ in range(11):
        organisation = factories.OrganisationFactory()
        delegate = factories.member(organisation)
        seat = services.seat_organisation(by=boss, group=group, organisation=organisation)
        services.designate_delegate(by=boss, seat=seat, person=delegate)
        seats.append(seat)
        delegates.append(delegate)
    holder, givers = seats[0], delegates[1:]
    proposal = propose(group, boss)

    def work(i):
        try:
            services.give_proxy(by=givers[i], proposal=proposal, holder=holder)
        except DomainError:
            return "refused"
        return "given"

    results = all_at_once(len(givers), work)

    assert sorted(results) == ["given"] * 2 + ["refused"] * 8
    assert Proxy.objects.filter(proposal=proposal, holder=holder, withdrawn_at__isnull=True).count() == 2
    assert len(services.voices_of(delegates[0], proposal)) == 3  # its own seat and the two it holds


def test_no_position_is_recorded_after_the_proposal_closes(people):
    boss, group, members = people
    proposal = propose(group, boss)
    for person in members:
        state(person, proposal, "agree")  # every voice has taken part: it may close before its time
    changes = ["abstain", "disagree"] * 15

    def close_once_some_changed():
        # Close while the members are still changing their positions: after the first changes.
        deadline = time.monotonic() + 10
        while Position.objects.filter(proposal=proposal).exclude(value="agree").count() < 5 and time.monotonic() < deadline:
            time.sleep(0.005)
        return services.close_proposal(by=boss, proposal=proposal, outcome="The group agreed to share the budget.")

    def work(i):
        if i == len(members):
            return close_once_some_changed()
        landed = []
        for value in changes:
            try:
                position, _receipt = state(members[i], proposal, value)
            except DomainError:
                break
            landed.append((value, position.stated_at))
        return landed

    results = all_at_once(len(members) + 1, work)
    decision = results[-1]
    assert sum(len(landed) for landed in results[:-1]) >= 5

    closed = Proposal.objects.get(pk=proposal.pk)
    assert closed.status == Proposal.Status.CLOSED and Decision.objects.get() == decision
    assert not Position.objects.filter(proposal=proposal, stated_at__gt=closed.closed_at).exists()
    for i, person in enumerate(members):
        landed = results[i]
        assert all(stated_at <= closed.closed_at for _value, stated_at in landed)
        position = Position.objects.get(proposal=proposal, voice=services.voice_of(proposal.pk, person_id=person.pk))
        assert position.value == (landed[-1][0] if landed else "agree"), person  # the last that landed, nothing later
    # The register holds the count as it stood at closing, which is the count of what is recorded.
    final = services.tally(closed)
    assert {value: Decimal(n) for value, n in decision.result["counts"].items()} == final.counts
    assert int(final.taken_part) == len(members)
