"""Consultation pages and API: voting one statement at a time, writing, moderating, the report."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tadamun.accounts.services import create_api_token
from tadamun.assembly import services
from tadamun.assembly.models import Consultation, Participant, Statement, Vote
from tadamun.network.models import Membership
from tests import factories
from tests.assembly.test_consultations import planted_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    boss = factories.coordinator()
    consultation = services.open_consultation(by=boss, draft=services.ConsultationDraft(
        question="How should we decide?", original_language="en", audience=Consultation.Audience.MEMBERS,
        opens_at=timezone.now() - timedelta(hours=1), closes_at=timezone.now() + timedelta(days=3),
        seeds=["By consensus, always.", "By majority when we must."], demographics=["governorate"],
    ))
    member = factories.member(factories.OrganisationFactory(), Membership.Role.MEMBER)
    return {"boss": boss, "consultation": consultation, "member": member}


def test_members_vote_one_statement_at_a_time(client, world):
    consultation = world["consultation"]
    client.force_login(world["member"])
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert 'name="value" value="1"' in page and 'name="governorate"' in page
    statement_id = int(re.search(r'name="statement" value="(\d+)"', page).group(1))
    response = client.post(consultation.get_absolute_url(), {"statement": statement_id, "value": "-1", "governorate": "IQ-BA"})
    assert response.status_code == 302
    participant = Participant.objects.get()
    assert participant.answers == {"governorate": "IQ-BA"} and Vote.objects.get().value == -1
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert f'name="statement" value="{statement_id}"' not in page  # the next one is another statement


def test_outsiders_and_anonymous_visitors_do_not_vote(client, world):
    consultation = world["consultation"]
    assert client.get(consultation.get_absolute_url()).status_code == 404  # members only
    client.force_login(factories.UserFactory())
    assert client.get(consultation.get_absolute_url()).status_code == 404


def test_a_statement_waits_for_moderation_and_data_typed_is_kept(client, world):
    consultation = world["consultation"]
    client.force_login(world["member"])
    response = client.post(consultation.get_absolute_url(), {"text": "Too short", "language": "en"})
    assert response.status_code == 400 and "Too short" in response.content.decode()
    client.post(consultation.get_absolute_url(), {"text": "Delegates should report back to their members.", "language": "en"})
    written = Statement.objects.get(status="pending")
    client.force_login(world["boss"])
    moderation = f"/en/consultations/{consultation.slug}/moderation/"
    assert "Delegates should report back" in client.get(moderation).content.decode()
    client.post(moderation, {"statement": written.pk, "status": "accepted"})
    assert Statement.objects.get(pk=written.pk).status == "accepted"
    client.force_login(world["member"])
    assert client.get(moderation).status_code == 404


def test_the_report_draws_the_groups_and_reads_the_stored_result(client, tmp_path):
    from tadamun.assembly import polis

    planted_export(tmp_path / "in")
    consultation = polis.import_polis(tmp_path / "in")
    services.recompute(consultation)
    url = f"/ar/consultations/{consultation.slug}/report/"
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url).content.decode()
    assert len(queries.captured_queries) <= 6  # no computation, no counting of votes
    assert page.count('group-badge">') >= 3 and "<svg" in page
    assert not re.search(r'\s(cx|cy|r)="-?\d+,\d', page)  # SVG numbers are not localised
    assert 'dir="rtl"' in page
    # The page reads only the small part of the report: not one point per participant.
    assert not any('"positions"' in q["sql"] or "positions" in q["sql"].split("FROM")[0] for q in queries.captured_queries)
    stored = consultation.report
    assert "points" not in stored.result and len(stored.positions["points"]) == stored.result["participants"]
    drawn = [int(n) for n in re.findall(r"<circle[^>]*><title>(\d+)</title>", page)]
    assert sum(drawn) == stored.result["participants"] and len(drawn) < stored.result["participants"]


def test_the_api_gives_the_report_and_takes_votes_with_a_token(client, world, tmp_path):
    from tadamun.assembly import polis

    planted_export(tmp_path / "in")
    imported = polis.import_polis(tmp_path / "in")
    services.recompute(imported)
    report = client.get(f"/api/consultations/{imported.pk}/report").json()
    assert report["k"] == 3 and len(report["groups"]) == 3 and report["consensus"]
    assert report["statements"]["0"] == "Statement 0, with a comma"
    assert "points" not in report  # positions only when asked: they are large
    full = client.get(f"/api/consultations/{imported.pk}/report?points=true").json()
    assert len(full["points"]) == full["participants"] and len(full["group_of"]) == full["participants"]
    consultation = world["consultation"]
    token = create_api_token(by=world["member"], name="phone")[1]
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    response = client.post(f"/api/consultations/{consultation.pk}/votes", {"statement": 0, "value": 1},
                           content_type="application/json", **headers)
    assert response.status_code == 200 and Vote.objects.filter(consultation=consultation).count() == 1
    response = client.post(f"/api/consultations/{consultation.pk}/votes", {"statement": 99, "value": 1},
                           content_type="application/json", **headers)
    assert response.status_code == 404
    response = client.post(f"/api/consultations/{consultation.pk}/statements", {"text": "Short", "language": "en"},
                           content_type="application/json", **headers)
    assert response.status_code == 400
    assert client.post(f"/api/consultations/{consultation.pk}/votes", {"statement": 0, "value": 1},
                       content_type="application/json").status_code == 401


def test_the_report_shows_who_took_part_in_totals_only(client, world):
    import random

    from tadamun.assembly.demo import DECIDING, planted_consultation

    consultation = planted_consultation(
        question="Q?", language="en", description="", statements=DECIDING, per_group=20, days_open=3,
        rng=random.Random(3), by=world["boss"], audience=Consultation.Audience.PUBLIC,
    )
    page = client.get(f"/en/consultations/{consultation.slug}/report/").content.decode()
    assert "Who took part" in page and "New participants per day" in page
    totals = consultation.report.result["participation"]["answers"]["governorate"]
    assert sum(totals.values()) == 40
    assert "P1000" not in page  # no participant is named


def test_coordinators_open_a_consultation_from_the_page(client, world):
    client.force_login(world["member"])
    assert client.get("/en/consultations/open/").status_code == 404
    client.force_login(world["boss"])
    data = {"question": "Where should the next conference be?", "original_language": "en", "audience": "members",
            "opens_on": "2026-11-01", "closes_on": "2026-10-01", "seeds": "Basra.\nSulaymaniyah.", "anonymous": "on"}
    response = client.post("/en/consultations/open/", data)
    assert response.status_code == 400 and "must close after it opens" in response.content.decode()
    assert "Where should the next conference be?" in response.content.decode()  # what was typed stays
    response = client.post("/en/consultations/open/", {**data, "closes_on": "2027-12-01"})
    opened = Consultation.objects.get(question="Where should the next conference be?")
    assert response.status_code == 302 and list(opened.statements.values_list("text", flat=True)) == ["Basra.", "Sulaymaniyah."]


def test_the_list_shows_each_person_the_consultations_they_may_see(client, world):
    members_only = world["consultation"]
    assert members_only.question not in client.get("/en/consultations/").content.decode()
    client.force_login(factories.UserFactory())  # an account, in no organisation
    assert members_only.question not in client.get("/en/consultations/").content.decode()
    client.force_login(world["member"])
    assert members_only.question in client.get("/en/consultations/").content.decode()


def test_an_answer_outside_the_choices_is_not_kept(client, world):
    consultation = world["consultation"]
    client.force_login(world["member"])
    statement = consultation.statements.first()
    client.post(consultation.get_absolute_url(), {"statement": statement.pk, "value": "1", "governorate": "<b>Atlantis</b>"})
    assert Participant.objects.get().answers == {}
