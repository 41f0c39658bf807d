"""The benchmark's generator of the groups that decide together: a General Assembly, its
proposals, the register and a conference as the services leave them, grown in place."""

from collections import Counter

import pytest
from django.test import Client

from bench.generate import DECISION_LANGUAGES, generate, generate_decisions
from tadamun.assembly import services
from tadamun.assembly.models import (
    Decision,
    Gathering,
    GroupMember,
    Position,
    Proposal,
    Proxy,
    Receipt,
    Registration,
    Seat,
    Session,
)
from tadamun.core import markdown
from tadamun.network.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated():
    generate(25, batch_size=25)  # fewer than the seats: the generator makes the others
    return generate_decisions(30, 300, 80, sessions=6, seed=7)


def test_every_seat_has_a_delegate_who_is_a_member_of_its_organisation(generated):
    seats = list(Seat.objects.filter(group_id=generated["group_id"]).select_related("group"))
    assert len(seats) == generated["seats"] == 30 and generated["organisations_generated"] == 5
    assert seats[0].group.by_organisation
    assert all(Membership.objects.filter(person_id=s.delegate_id, organisation_id=s.organisation_id).exists() for s in seats)
    assert len({s.delegate_id for s in seats}) == 30  # one person casts one voice
    delegates = set(GroupMember.objects.filter(group_id=generated["group_id"]).values_list("person_id", flat=True))
    assert {s.delegate_id for s in seats} <= delegates


def test_positions_proxies_and_receipts_are_what_the_services_would_record(generated):
    plan = Proposal.objects.select_related("group").get(pk=generated["proposal"])
    assert plan.is_open and plan.kind == Proposal.Kind.CONSENSUS and not plan.anonymous
    positions = list(Position.objects.filter(proposal=plan))
    assert len(positions) == generated["positions"] and 20 <= len(positions) <= 30
    for p in positions:
        assert p.voice == services.voice_of(plan.pk, seat_id=p.seat_id)
        if p.value in ("disagree", "block"):
            assert len(p.reason) >= 5
    proxies = list(Proxy.objects.filter(proposal=plan))
    assert proxies and len(proxies) == generated["proxies"]
    own = {p.seat_id for p in positions if not p.by_proxy}
    for proxy in proxies:
        assert proxy.giver_id not in own and proxy.holder_id in own  # no chains
    assert max(Counter(proxy.holder_id for proxy in proxies).values()) <= plan.group.max_proxies
    through = {p.seat_id: p for p in positions if p.by_proxy}
    holder_of = {proxy.giver_id: proxy.holder_id for proxy in proxies}
    seat_delegate = dict(Seat.objects.values_list("pk", "delegate_id"))
    assert all(p.person_id == seat_delegate[holder_of[seat]] for seat, p in through.items())
    # A receipt for each delegate who took part, and the count of the plan as the page shows it.
    assert set(Receipt.objects.filter(proposal=plan).values_list("person_id", flat=True)) == {
        p.person_id for p in positions
    }
    assert services.tally(plan).people == len(positions)
    anonymous = Proposal.objects.get(pk=generated["anonymous_proposal"])
    assert anonymous.anonymous and not anonymous.positions.filter(person__isnull=False).exists()
    assert not anonymous.positions.filter(seat__isnull=False).exists()
    poll = Proposal.objects.get(pk=generated["poll"])
    assert all(1 <= len(p.choices) <= poll.max_choices for p in poll.positions.all())
    assert services.tally(poll).options


def test_the_register_is_numbered_per_group_and_year_and_indexed_like_the_services(generated):
    decisions = list(Decision.objects.select_related("group", "proposal"))
    assert len(decisions) == generated["decisions"] == 300
    assert len({d.group_id for d in decisions}) >= 5
    assert {d.language for d in decisions} == set(DECISION_LANGUAGES)
    numbers: dict[str, list[int]] = {}
    for d in decisions:
        prefix, number = d.reference.rsplit("-", 1)
        assert prefix == f"{d.group.code.lower()}-{d.decided_on.year}"
        numbers.setdefault(prefix, []).append(int(number))
        assert d.outcome_html == markdown.render(d.outcome)
        third = d.proposal.text if d.proposal else d.place
        assert d.search_text == services._search_text(d.title, d.outcome, third)
    assert all(sorted(n) == list(range(1, len(n) + 1)) for n in numbers.values())
    closed = [d for d in decisions if d.proposal]
    assert closed and all(d.proposal.status == Proposal.Status.CLOSED for d in closed)
    for d in closed:  # the count at closing is the count of its positions
        count = services.tally(d.proposal)
        assert d.result["taken_part"] == services.figure(count.taken_part) and d.passed == count.passes


def test_the_conference_has_its_agenda_and_mixed_registrations_within_its_places(generated):
    conference = Gathering.objects.get(pk=generated["conference_id"])
    assert conference.registration_open and not conference.needs_approval
    sessions = list(Session.objects.filter(gathering=conference))
    assert len(sessions) == 6
    assert all(conference.starts_at <= s.starts_at < s.ends_at <= conference.ends_at for s in sessions)
    registrations = Registration.objects.filter(gathering=conference)
    assert registrations.count() == 80
    assert set(registrations.values_list("status", flat=True)) == set(Registration.Status.values)
    assert not registrations.filter(status="waiting", attendance="in_person").exists()
    confirmed = Counter(registrations.filter(status="confirmed").values_list("attendance", flat=True))
    assert confirmed["online"] == conference.online_places
    assert confirmed["in_person"] < conference.in_person_places
    mine = registrations.get(person_id=generated["registered"])
    assert mine.status == "confirmed" and mine.listed


def test_it_grows_in_place_and_the_pages_answer(generated):
    grown = generate_decisions(45, 500, 120, sessions=6, seed=7)
    assert (grown["seats"], grown["decisions"], grown["registrations"]) == (45, 500, 120)
    assert grown["proposal"] == generated["proposal"] and grown["delegate"] == generated["delegate"]
    assert grown["positions"] > generated["positions"] and Decision.objects.count() == 500
    assert Decision.objects.values("reference").distinct().count() == 500
    client = Client()
    register = client.get("/en/decisions/", {"q": "water"})
    assert register.status_code == 200 and register.context["page"].paginator.count > 0
    assert client.get("/en/decisions/", {"q": "مياه"}).context["page"].paginator.count > 0
    for url in (f"/en/groups/{grown['group']}/", grown["proposal_url"], f"/en/decisions/{grown['decision']}/",
                f"/en/gatherings/{grown['conference']}/", "/api/proposals", "/en/decisions/feed.rss"):
        assert client.get(url).status_code == 200, url
    delegate = Client()
    delegate.force_login(Seat.objects.filter(delegate_id=grown["delegate"]).get().delegate)
    page = delegate.get(grown["proposal_url"])
    assert len(page.context["voices"]) == 2  # its own organisation's, and the one whose proxy it holds
