"""Other ways of deciding: polls, ranked choices (Borda points), time polls; organisations
count the same way as in consensus proposals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tadamun.assembly import services
from tadamun.assembly.models import Group, Position
from tadamun.core.errors import DomainError
from tadamun.network.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def circle(db):
    boss = factories.coordinator()
    group = services.create_group(by=boss, draft=services.GroupDraft(name="Working group on peace", code="PEACE"))
    facilitator = factories.UserFactory()
    services.add_member(by=boss, group=group, person=facilitator, role="facilitator")
    members = [factories.UserFactory(display_name=f"Member {i}") for i in range(4)]
    for person in members:
        services.add_member(by=boss, group=group, person=person)
    return {"boss": boss, "group": group, "facilitator": facilitator, "members": members}


def _put(circle, kind, **extra):
    return services.put_proposal(by=circle["facilitator"], group=circle["group"], draft=services.ProposalDraft(
        title=f"A {kind}", text="Which city hosts the next social forum of the network?", language="en",
        closes_at=timezone.now() + timedelta(days=3), kind=kind, **extra,
    ))


def test_a_poll_counts_the_voices_for_each_option_and_keeps_to_its_limit(circle):
    poll = _put(circle, "poll", options=["Basra", "Mosul", "Erbil"], max_choices=2)
    a, b, c, d = circle["members"]
    services.state_position(by=a, proposal=poll, choices=[1, 2])
    services.state_position(by=b, proposal=poll, choices=[1])
    services.state_position(by=c, proposal=poll, choices=[3])
    with pytest.raises(DomainError):
        services.state_position(by=d, proposal=poll, choices=[1, 2, 3])  # at most two
    with pytest.raises(DomainError):
        services.state_position(by=d, proposal=poll, choices=[9])  # not an option
    services.state_position(by=c, proposal=poll, choices=[1])  # changed: replaces
    count = services.tally(poll)
    assert [(row["text"], row["score"]) for row in count.options] == [("Basra", 3), ("Mosul", 1), ("Erbil", 0)]
    assert count.options[0]["leading"] and count.taken_part == 3 and Position.objects.filter(proposal=poll).count() == 3


def test_a_ranked_choice_gives_borda_points(circle):
    ranked = _put(circle, "ranked", options=["Basra", "Mosul", "Erbil"])
    a, b, c, _d = circle["members"]
    services.state_position(by=a, proposal=ranked, choices=[2, 1, 3])  # Mosul 3, Basra 2, Erbil 1
    services.state_position(by=b, proposal=ranked, choices=[3, 2])  # Erbil 3, Mosul 2
    services.state_position(by=c, proposal=ranked, choices=[1])  # Basra 3
    scores = {row["text"]: row["score"] for row in services.tally(ranked).options}
    assert scores == {"Mosul": 5, "Basra": 5, "Erbil": 4}
    with pytest.raises(DomainError):
        services.state_position(by=a, proposal=ranked, choices=[1, 1])


def test_a_time_poll_finds_the_time_that_suits_most(circle):
    soon = timezone.now().replace(microsecond=0, second=0) + timedelta(days=5)
    times = [soon, soon + timedelta(days=1), soon + timedelta(days=2)]
    poll = _put(circle, "time_poll", times=times)
    assert [o.starts_at for o in poll.options.all()] == times
    a, b, c, _d = circle["members"]
    services.state_position(by=a, proposal=poll, choices={"1": "yes", "2": "maybe", "3": "no"})
    services.state_position(by=b, proposal=poll, choices={"2": "yes", "3": "yes"})
    services.state_position(by=c, proposal=poll, choices={"2": "maybe"})
    best = services.tally(poll).options[0]
    assert best["number"] == 2 and best["yes"] == 1 and best["maybe"] == 2 and best["score"] == 2
    with pytest.raises(DomainError):
        services.state_position(by=a, proposal=poll, choices={"1": "perhaps"})
    with pytest.raises(DomainError):
        _put(circle, "time_poll", times=[timezone.now() - timedelta(days=1), soon])


def test_options_are_checked_when_the_proposal_is_put(circle):
    for options in ([], ["Only one"], ["Same", "Same"]):
        with pytest.raises(DomainError):
            _put(circle, "poll", options=options)
    with pytest.raises(DomainError):
        _put(circle, "poll", options=["A", "B"], max_choices=3)


def test_in_a_group_of_organisations_a_poll_counts_weighted_voices(db):
    boss = factories.coordinator()
    ga = services.create_group(by=boss, draft=services.GroupDraft(
        name="General Assembly", code="GA", kind=Group.Kind.GENERAL_ASSEMBLY, counts=Group.Counts.ORGANISATIONS))
    facilitator = factories.UserFactory()
    services.add_member(by=boss, group=ga, person=facilitator, role="facilitator")
    delegates = []
    for weight in (1, 2):
        organisation = factories.OrganisationFactory()
        delegate = factories.member(organisation, Membership.Role.ADMIN)
        seat = services.seat_organisation(by=boss, group=ga, organisation=organisation, weight=weight)
        services.designate_delegate(by=delegate, seat=seat, person=delegate)
        delegates.append(delegate)
    poll = services.put_proposal(by=facilitator, group=ga, draft=services.ProposalDraft(
        title="Host city", text="Which city hosts the next conference of the network?", language="en",
        closes_at=timezone.now() + timedelta(days=3), kind="poll", options=["Basra", "Najaf"]))
    services.state_position(by=delegates[0], proposal=poll, choices=[1])
    services.state_position(by=delegates[1], proposal=poll, choices=[2])
    assert [(row["text"], row["score"]) for row in services.tally(poll).options] == [("Najaf", 2), ("Basra", 1)]


def test_the_page_takes_a_ranking_and_shows_the_points(client, circle):
    ranked = _put(circle, "ranked", options=["Basra", "Mosul", "Erbil"])
    client.force_login(circle["members"][0])
    refused = client.post(ranked.get_absolute_url(), {"action": "position", "rank-1": "1", "rank-2": "1"})
    assert refused.status_code == 400
    client.post(ranked.get_absolute_url(), {"action": "position", "rank-1": "2", "rank-2": "1", "rank-3": ""})
    assert Position.objects.get(proposal=ranked).choices == [2, 1]
    page = client.get(ranked.get_absolute_url()).content.decode()
    assert 'name="rank-2" inputmode="numeric" size="3" maxlength="2" value="1"' in page
    assert "<strong>3</strong>" in page  # Mosul: first of three options
    time_poll = _put(circle, "time_poll", times=[timezone.now() + timedelta(days=4), timezone.now() + timedelta(days=6)])
    client.post(time_poll.get_absolute_url(), {"action": "position", "time-1": "yes", "time-2": "no"})
    assert Position.objects.get(proposal=time_poll).choices == {"1": "yes", "2": "no"}
    assert 'value="yes" checked' in client.get(time_poll.get_absolute_url()).content.decode()


def test_a_poll_closes_into_the_register_with_its_counts(circle):
    poll = _put(circle, "poll", options=["Basra", "Mosul"])
    for person in circle["members"] + [circle["facilitator"]]:
        services.state_position(by=person, proposal=poll, choices=[1])
    decision = services.close_proposal(by=circle["facilitator"], proposal=poll, outcome="The social forum meets in Basra.")
    assert decision.passed and decision.result["options"][0]["text"] == "Basra" and decision.result["options"][0]["score"] == "5"


def test_the_api_takes_choices_and_gives_the_scores(client, circle):
    from tadamun.accounts.services import create_api_token

    poll = _put(circle, "poll", options=["Basra", "Mosul"])
    _token, secret = create_api_token(by=circle["members"][0], name="phone")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    bad = client.post(f"/api/proposals/{poll.pk}/positions", {"choices": [7]}, content_type="application/json", **headers)
    assert bad.status_code == 400
    done = client.post(f"/api/proposals/{poll.pk}/positions", {"choices": [2]}, content_type="application/json", **headers)
    assert done.status_code == 200
    listed = {p["id"]: p for p in client.get("/api/proposals").json()}[poll.pk]
    assert listed["options"][1]["text"] == "Mosul" and listed["options"][1]["score"] == "1" and listed["options"][1]["leading"]
