"""Vote counters under concurrency, on PostgreSQL: the same vote sent from many tabs counts
once; many participants voting at once are all counted."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tadamun.assembly import services
from tadamun.assembly.models import Consultation, Participant, Statement, Vote
from tests import factories
from tests.campaigns.test_concurrency import all_at_once

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises writers, so it cannot show a race (run with DATABASE_URL=postgres://...)",
    ),
]


@pytest.fixture
def consultation(db):
    factories.ensure_reference_data()
    return services.open_consultation(by=factories.coordinator(), draft=services.ConsultationDraft(
        question="Q?", original_language="en", audience=Consultation.Audience.PUBLIC,
        opens_at=timezone.now() - timedelta(hours=1), closes_at=timezone.now() + timedelta(days=1),
        seeds=["First statement here.", "Second statement here."],
    ))


def test_one_vote_sent_from_ten_tabs_counts_once(consultation):
    participant = services.participate(person=factories.UserFactory(), consultation=consultation)
    statement = consultation.statements.first()
    all_at_once(10, lambda i: services.vote(participant=participant, statement=statement, value=1 if i % 2 else -1))
    assert Vote.objects.count() == 1
    assert Consultation.objects.get(pk=consultation.pk).vote_count == 1
    assert Statement.objects.get(pk=statement.pk).vote_count == 1
    assert Participant.objects.get(pk=participant.pk).vote_count == 1


def test_twenty_participants_voting_at_once_are_all_counted(consultation):
    people = [factories.UserFactory() for _ in range(20)]
    statement = consultation.statements.first()

    def work(i):
        participant = services.participate(person=people[i], consultation=consultation)
        return services.vote(participant=participant, statement=statement, value=1)

    all_at_once(20, work)
    fresh = Consultation.objects.get(pk=consultation.pk)
    assert fresh.vote_count == 20 == Vote.objects.count()
    assert fresh.participant_count == 20 == Participant.objects.count()
    assert sorted(Participant.objects.values_list("number", flat=True)) == list(range(20))
