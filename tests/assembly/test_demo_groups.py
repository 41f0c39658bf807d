"""The demo groups: what a visitor of the demo checks first (a working group per pathway, the
General Assembly with a delegate for every seat, its register since the mission statement,
proposals open and closed), built through the services and the same on every load."""

from datetime import date
from io import StringIO

import pytest
from django.db import transaction
from django.utils import timezone

from tadamun.assembly import services
from tadamun.assembly.demo_groups import load_demo_groups
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
from tadamun.network.demo import load_demo
from tadamun.network.models import Membership, Organisation
from tadamun.pathways.models import Pathway

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo network and its groups, loaded once for the module inside a transaction that
    is rolled back at the end; each test runs in a savepoint within it."""
    out = StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        groups = load_demo_groups(stdout=out)
        yield {"groups": groups, "out": out.getvalue()}
        transaction.set_rollback(True)


def assembly() -> Group:
    return Group.objects.get(kind=Group.Kind.GENERAL_ASSEMBLY)


def counts() -> dict:
    return {
        "groups": sorted(Group.objects.values_list("code", "kind", "counts", "public")),
        "members": sorted(GroupMember.objects.values_list("group__code", "person__email", "role")),
        "seats": sorted(Seat.objects.values_list("organisation__slug", "delegate__email", "weight")),
        "proposals": sorted(Proposal.objects.values_list("group__code", "title", "status", "version", "anonymous", "hide_results")),
        "positions": sorted(Position.objects.values_list("proposal__title", "value", "by_proxy", "reason")),
        "proxies": Proxy.objects.count(),
        "receipts": Receipt.objects.count(),
        "versions": ProposalVersion.objects.count(),
        "decisions": sorted(Decision.objects.values_list("reference", "title", "passed", "place")),
    }


def test_a_working_group_per_pathway_each_with_a_facilitator(demo):
    groups = Group.objects.filter(kind=Group.Kind.WORKING_GROUP)
    assert sorted(groups.values_list("pathway__slug", flat=True)) == sorted(Pathway.objects.values_list("slug", flat=True))
    for group in groups:
        assert group.counts == Group.Counts.PEOPLE and group.public
        assert group.code.startswith("WG-") and len(group.code) <= 12
        assert group.name.startswith("Working group on ") and str(group.pathway.name) in group.name
        facilitators = group.members.filter(role=GroupMember.Role.FACILITATOR).count()
        plain = group.members.filter(role=GroupMember.Role.MEMBER).count()
        assert 1 <= facilitators <= 2 and 4 <= plain <= 10
        # Its people belong to the demo's member organisations.
        assert not group.members.exclude(
            person__memberships__organisation__status=Organisation.Status.APPROVED
        ).exists()
    assert Group.objects.get(code="WG-WATER").pathway.slug == "heritage-environment"


def test_the_general_assembly_counts_organisations_with_a_delegate_for_each_seat(demo):
    ga = assembly()
    assert ga.code == "GA" and ga.public and ga.by_organisation
    approved = Organisation.objects.filter(status=Organisation.Status.APPROVED)
    seats = Seat.objects.filter(group=ga)
    assert set(seats.values_list("organisation_id", flat=True)) == set(approved.values_list("pk", flat=True))
    assert seats.filter(organisation__country="IQ").exists() and seats.exclude(organisation__country="IQ").exists()
    assert not seats.exclude(weight=1).exists()
    for seat in seats:
        assert seat.delegate is not None
        assert Membership.objects.filter(person=seat.delegate, organisation=seat.organisation).exists()
    assert ga.members.filter(role=GroupMember.Role.FACILITATOR).exists()


def test_the_coordination_committee_is_private_with_five_members(demo):
    committee = Group.objects.get(code="CC")
    assert committee.kind == Group.Kind.COORDINATION and not committee.public
    assert committee.counts == Group.Counts.PEOPLE and committee.members.count() == 5


def test_the_register_has_the_mission_statement_decision(demo, client):
    mission = Decision.objects.get(title="Approval of the mission statement")
    assert mission.group == assembly()
    assert mission.decided_on == date(2022, 3, 15) and mission.place == "Sulaymaniyah"
    assert mission.reference == "ga-2022-1" and mission.public and mission.passed
    assert "approved the mission statement" in mission.outcome and mission.language == "en"
    assert mission.get_absolute_url().endswith("/ga-2022-1/")
    response = client.get(mission.get_absolute_url())
    assert response.status_code == 200
    assert "Sulaymaniyah" in response.content.decode()
    # Two more past decisions, recorded in the room, and the closed proposals' outcomes.
    recorded = Decision.objects.filter(group=assembly(), proposal__isnull=True)
    assert recorded.count() == 3 and recorded.filter(language="ar").exists()
    assert not recorded.filter(decided_on__year=timezone.localdate().year).exists()


def test_open_and_closed_proposals_with_positions(demo):
    open_ = Proposal.objects.filter(status=Proposal.Status.OPEN)
    closed = Proposal.objects.filter(status=Proposal.Status.CLOSED)
    assert open_.count() == 3 and closed.count() == 2
    for proposal in Proposal.objects.all():
        assert proposal.positions.count() >= 3
    # The Assembly's open proposal: about two thirds of the delegates, a block with its reason
    # (answered), and a proxy given and used.
    conference = open_.get(group=assembly())
    assert conference.is_open and conference.kind == Proposal.Kind.CONSENSUS
    count = services.tally(conference)
    assert 0.55 <= count.turnout <= 0.75
    block = conference.positions.get(value=Position.Value.BLOCK)
    assert len(block.reason) > 20 and block.answer and block.seat is not None
    proxy = Proxy.objects.get(proposal=conference, withdrawn_at__isnull=True)
    used = conference.positions.get(by_proxy=True)
    assert used.seat == proxy.giver and used.person == proxy.holder.delegate and count.by_proxy == 1
    # The Assembly's closed proposal: every delegate took part, and its decision is in the register.
    campaign = closed.get(group=assembly())
    assert services.tally(campaign).taken_part == Seat.objects.filter(group=assembly()).count()
    assert campaign.decision.passed and campaign.decision.result["passes"]
    # The working groups: one anonymous and one with hidden results, both open; one consent
    # proposal closed after its text was revised.
    anonymous = open_.get(anonymous=True)
    assert anonymous.group.kind == Group.Kind.WORKING_GROUP
    assert not anonymous.positions.filter(person__isnull=False).exists()
    hidden = open_.get(hide_results=True)
    assert hidden.group.kind == Group.Kind.WORKING_GROUP and hidden.group != anonymous.group
    consent = closed.get(kind=Proposal.Kind.CONSENT)
    assert consent.group.kind == Group.Kind.WORKING_GROUP and consent.group not in (anonymous.group, hidden.group)
    assert consent.version == 2 and consent.versions.count() == 2 and consent.decision.passed


def test_the_loader_says_what_it_made(demo):
    out = demo["out"]
    assert "Demo groups: 9 working groups" in out
    assert f"Demo General Assembly: {Seat.objects.filter(group=assembly()).count()} member organisations" in out
    assert "Demo proposals: 5 (3 open, 2 closed)" in out
    assert "Demo decisions: 5" in out
    assert len(demo["groups"]) == 11


def test_loading_twice_leaves_the_same_groups(demo):
    first = counts()
    load_demo_groups()
    assert counts() == first
