"""Places of a gathering under concurrency, on PostgreSQL: many people registering at once never
take more places than there are; places freed at once all go to those waiting; the same
registration sent from many tabs is recorded once."""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from tadamun.assembly import services
from tadamun.assembly.models import Gathering, Registration
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

PLACES = 10


@pytest.fixture
def gathering():
    starts = timezone.now() + timedelta(days=30)
    return services.plan_gathering(by=factories.coordinator(), draft=services.GatheringDraft(
        title="Annual conference", kind=Gathering.Kind.CONFERENCE, language="en", starts_at=starts,
        ends_at=starts + timedelta(days=1), place="Rotana Hotel, Erbil", in_person_places=PLACES, needs_approval=False,
    ))


def confirmed(gathering) -> int:
    return Registration.objects.filter(gathering=gathering, status=Registration.Status.CONFIRMED).count()


def test_thirty_people_registering_at_once_take_the_ten_places_and_the_rest_wait(gathering):
    people = [factories.UserFactory() for _ in range(30)]

    results = all_at_once(len(people), lambda i: services.register(
        by=people[i], gathering=gathering, attendance="in_person", role="observer").status)

    assert sorted(results) == [Registration.Status.CONFIRMED] * PLACES + [Registration.Status.WAITING] * 20
    rows = list(Registration.objects.filter(gathering=gathering))
    assert len(rows) == 30 and len({row.person_id for row in rows}) == 30
    assert confirmed(gathering) == PLACES
    # First come, first served: every confirmed place was taken before anyone was put in line.
    taken = [row.created_at for row in rows if row.status == Registration.Status.CONFIRMED]
    waiting = [row.created_at for row in rows if row.status == Registration.Status.WAITING]
    assert max(taken) < min(waiting)


def test_ten_cancelling_at_once_give_their_places_to_the_ten_waiting(gathering):
    people = [factories.UserFactory() for _ in range(20)]
    registrations = [services.register(by=person, gathering=gathering, attendance="in_person", role="observer") for person in people]
    leaving, waiting = registrations[:PLACES], registrations[PLACES:]
    assert {r.status for r in leaving} == {Registration.Status.CONFIRMED}
    assert {r.status for r in waiting} == {Registration.Status.WAITING}

    def watch():
        """Count the confirmed places, as others see them, while the cancellations run."""
        most, deadline = 0, time.monotonic() + 20
        while time.monotonic() < deadline:
            most = max(most, confirmed(gathering))
            if Registration.objects.filter(gathering=gathering, status=Registration.Status.CANCELLED).count() == PLACES:
                break
            time.sleep(0.002)
        return max(most, confirmed(gathering))

    def work(i):
        if i == PLACES:
            return watch()
        return services.cancel_registration(by=people[i], registration=leaving[i]).status

    results = all_at_once(PLACES + 1, work)

    assert results[:PLACES] == [Registration.Status.CANCELLED] * PLACES
    assert results[PLACES] <= PLACES  # never more confirmed than places, at any moment seen
    fresh = {r.pk: r.status for r in Registration.objects.filter(gathering=gathering)}
    assert [fresh[r.pk] for r in waiting] == [Registration.Status.CONFIRMED] * PLACES
    assert [fresh[r.pk] for r in leaving] == [Registration.Status.CANCELLED] * PLACES
    assert confirmed(gathering) == PLACES


def test_one_registration_sent_from_five_tabs_is_recorded_once(gathering):
    from tadamun.accounts.services import create_api_token

    person = factories.UserFactory()
    _token, secret = create_api_token(by=person, name="phone")
    url = f"/api/gatherings/{gathering.pk}/registrations"

    def work(_i):
        response = Client().post(url, {"attendance": "in_person", "role": "observer"}, content_type="application/json",
                                 HTTP_AUTHORIZATION=f"Bearer {secret}")
        return response.status_code

    results = all_at_once(5, work)

    assert sorted(results) == [201] + [400] * 4
    assert Registration.objects.filter(gathering=gathering, person=person).count() == 1
    assert Registration.objects.get(person=person).status == Registration.Status.CONFIRMED


def test_the_same_person_registering_at_once_through_the_service_is_refused_but_once(gathering):
    person = factories.UserFactory()

    def work(_i):
        try:
            services.register(by=person, gathering=gathering, attendance="in_person", role="observer")
        except DomainError:
            return "refused"
        return "registered"

    assert sorted(all_at_once(5, work)) == ["refused"] * 4 + ["registered"]
    assert Registration.objects.filter(person=person).count() == 1
