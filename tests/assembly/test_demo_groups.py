"""The demo groups: what a visitor of the demo checks first (a working group per pathway, the
General Assembly with a delegate for every seat, its register since the mission statement,
proposals open and closed, the gatherings past and coming), built through the services and the
same on every load."""

from collections import Counter
from datetime import date
from io import StringIO

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from tadamun.assembly import services
from tadamun.assembly.demo_groups import load_demo_groups
from tadamun.assembly.models import (
    Decision,
    Gathering,
    Group,
    GroupMember,
    Position,
    Proposal,
    ProposalVersion,
    Proxy,
    Receipt,
    Registration,
    Seat,
    Session,
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
        "decisions": sorted(Decision.objects.values_list("reference", "title", "passed", "place", "gathering__title")),
        "gatherings": sorted(Gathering.objects.values_list("title", "kind", "group__code", "place", "public", "certificates", "minutes")),
        "sessions": sorted(Session.objects.values_list("gathering__title", "title", "room", "language", "speakers")),
        "registrations": sorted(Registration.objects.values_list(
            "gathering__title", "person__email", "organisation__slug", "role", "attendance", "status", "listed", "attended", "message",
        )),
        "certificates": Registration.objects.exclude(certificate="").count(),
    }


def gathering(kind: str) -> Gathering:
    return Gathering.objects.get(kind=kind)


def page(client, found: Gathering, language: str = "en") -> str:
    with translation.override(language):
        url = found.get_absolute_url()
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


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
    assert "Demo gatherings: 4 (2 coming, 2 past)" in out
    assert len(demo["groups"]) == 11


def test_loading_twice_leaves_the_same_groups(demo):
    first = counts()
    load_demo_groups()
    assert counts() == first


def test_the_annual_conference_page_shows_its_agenda_and_places(demo, client):
    conference = gathering(Gathering.Kind.CONFERENCE)
    assert conference.title == "Annual conference of the network 2027" and conference.group == assembly()
    assert "Sulaymaniyah" in conference.place and conference.public
    assert conference.needs_approval and conference.certificates and conference.registration_open
    assert conference.interpretation == ["ar", "ckb", "kmr", "en"]
    assert (conference.in_person_places, conference.online_places) == (300, 200)
    starts, ends = timezone.localdate(conference.starts_at), timezone.localdate(conference.ends_at)
    assert 35 <= (starts - timezone.localdate()).days <= 45 and (ends - starts).days == 1
    # The agenda: two days, each session with its room, language and speakers, most on a pathway;
    # opened and closed in plenary, the General Assembly meeting in the closing one.
    sessions = list(conference.sessions.all())
    assert 8 <= len(sessions) <= 12
    assert {timezone.localdate(s.starts_at) for s in sessions} == {starts, ends}
    assert all(s.room and s.speakers for s in sessions)
    assert {"ar", "ckb", "kmr", "en"} <= {s.language for s in sessions}
    assert sum(s.pathway is not None for s in sessions) >= 6
    assert "Panel: water and the Shatt al-Arab" in [s.title for s in sessions]
    assert sessions[0].room == sessions[-1].room == "Main hall"
    assert "الجمعية العامة" in sessions[-1].title and timezone.localdate(sessions[-1].starts_at) == ends
    taken = conference.registrations.filter(
        status=Registration.Status.CONFIRMED, attendance=Registration.Attendance.IN_PERSON
    ).count()
    for language in ("en", "ar"):
        body = page(client, conference, language)
        for session in sessions:
            assert escape(session.title) in body and escape(session.speakers) in body
        assert "300" in body and "200" in body
        assert conference.online_link not in body  # only for those confirmed online
    assert f"{taken} of 300 taken" in page(client, conference)


def test_the_conference_has_registrations_confirmed_pending_and_declined(demo):
    registrations = gathering(Gathering.Kind.CONFERENCE).registrations.select_related("organisation", "person")
    assert 35 <= registrations.count() <= 45
    statuses = Counter(registrations.values_list("status", flat=True))
    assert statuses[Registration.Status.CONFIRMED] > registrations.count() * 2 / 3
    assert 3 <= statuses[Registration.Status.PENDING] <= 8 and statuses[Registration.Status.DECLINED] == 2
    assert set(statuses) == {Registration.Status.CONFIRMED, Registration.Status.PENDING, Registration.Status.DECLINED}
    for declined in registrations.filter(status=Registration.Status.DECLINED):
        assert len(declined.message) > 20
    assert not registrations.exclude(status=Registration.Status.DECLINED).exclude(message="").exists()
    assert set(registrations.values_list("role", flat=True)) == set(Registration.Role.values)
    assert set(registrations.values_list("attendance", flat=True)) == set(Registration.Attendance.values)
    assert 0.35 <= registrations.filter(listed=True).count() / registrations.count() <= 0.65
    # Delegates represent a member organisation they belong to; speakers are on the agenda.
    delegates = registrations.filter(role=Registration.Role.DELEGATE)
    assert delegates.count() >= 20
    for registration in registrations.exclude(organisation=None):
        assert registration.organisation.status == Organisation.Status.APPROVED
        assert Membership.objects.filter(person=registration.person, organisation=registration.organisation).exists()
    agenda = " ".join(gathering(Gathering.Kind.CONFERENCE).sessions.values_list("speakers", flat=True))
    for speaker in registrations.filter(role=Registration.Role.SPEAKER):
        assert speaker.person.display_name in agenda and speaker.status == Registration.Status.CONFIRMED and speaker.listed
    # The organisers decided every registration but those still waiting for them.
    assert registrations.filter(decided_at__isnull=True).count() == statuses[Registration.Status.PENDING]


def test_the_past_training_has_attendees_with_certificates(demo, client):
    training = gathering(Gathering.Kind.TRAINING)
    assert training.title == "Digital security for human rights defenders"
    assert training.is_past and not training.registration_open
    assert training.place == "Erbil" and training.certificates and training.in_person_places == 20
    assert training.group.pathway.slug == "human-rights-defenders"
    assert 50 <= (timezone.localdate() - timezone.localdate(training.starts_at)).days <= 70
    assert training.sessions.count() >= 3 and training.minutes_html
    registrations = training.registrations.select_related("person")
    assert 12 <= registrations.count() <= 20
    assert not registrations.exclude(status=Registration.Status.CONFIRMED).exists()
    attended = registrations.filter(attended=True)
    assert registrations.count() - 3 <= attended.count() < registrations.count()
    codes = list(attended.values_list("certificate", flat=True))
    assert all(len(code) == 16 for code in codes) and len(set(codes)) == len(codes)
    assert not registrations.filter(attended=False).exclude(certificate="").exists()
    # The page: the minutes, registration closed; a certificate checks as genuine, a made-up code does not.
    body = page(client, training)
    assert "Minutes and decisions" in body and "Registration is closed." in body
    one = attended.first()
    response = client.get(reverse("assembly:certificate_check", kwargs={"code": one.certificate}))
    assert response.status_code == 200
    body = response.content.decode()
    assert "genuine" in body and escape(one.person.display_name) in body and escape(training.title) in body
    assert client.get(reverse("assembly:certificate_check", kwargs={"code": "0" * 16})).status_code == 404
    # The participant downloads the certificate.
    client.force_login(one.person)
    with translation.override("en"):
        url = reverse("assembly:certificate", kwargs={"slug": training.slug})
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_the_general_assembly_of_2022_lists_the_mission_statement_decision(demo, client):
    ga = gathering(Gathering.Kind.GENERAL_ASSEMBLY)
    assert ga.title == "General Assembly 2022" and ga.group == assembly() and ga.place == "Sulaymaniyah"
    assert timezone.localdate(ga.starts_at) == date(2022, 3, 15) and ga.is_past
    mission = Decision.objects.get(title="Approval of the mission statement")
    assert mission.gathering == ga and list(ga.decisions.all()) == [mission]
    assert not Decision.objects.filter(gathering__isnull=False).exclude(pk=mission.pk).exists()
    assert "GA-2022-1" in ga.minutes
    body = page(client, ga)
    assert mission.get_absolute_url() in body and "GA-2022-1: Approval of the mission statement" in body
    assert "approved the mission statement by consensus" in body
    # The delegates who were in the room.
    registrations = ga.registrations.all()
    assert registrations.count() >= 20 and not registrations.filter(attended=False).exists()
    assert not registrations.exclude(role=Registration.Role.DELEGATE).exists()
    assert not registrations.exclude(certificate="").exists()


def test_the_online_meeting_of_a_working_group(demo, client):
    meeting = gathering(Gathering.Kind.ONLINE_MEETING)
    assert meeting.group.kind == Group.Kind.WORKING_GROUP and meeting.public
    assert meeting.place == "" and meeting.online_link == "https://meet.example.org/tadamun-water"
    assert meeting.in_person_places == 0 and not meeting.is_past and meeting.registration_open
    registrations = meeting.registrations.select_related("person")
    assert 3 <= registrations.count() <= 8
    assert not registrations.exclude(status=Registration.Status.CONFIRMED).exists()
    assert not registrations.exclude(attendance=Registration.Attendance.ONLINE).exists()
    assert set(registrations.values_list("person", flat=True)) <= set(meeting.group.members.values_list("person", flat=True))
    # The link is for those registered, not for the visitor.
    assert meeting.online_link not in page(client, meeting)
    client.force_login(registrations.first().person)
    assert meeting.online_link in page(client, meeting)
