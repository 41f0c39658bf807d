"""A consultation in the real browser, in Arabic: a participant votes one statement at a
time, and the report shows the groups of opinion and the consensus statements."""

from __future__ import annotations

import random

import pytest

from tadamun.assembly.demo import DECIDING, planted_consultation
from tadamun.assembly.models import Consultation, Vote
from tadamun.network.models import Membership
from tests import factories
from tests.browser.conftest import log_in, screenshot
from tests.browser.test_journeys import OUTSIDE_THE_SCREEN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def reference_data(db):
    factories.ensure_reference_data()


def test_voting_in_arabic_and_reading_the_map(page, live_server):
    coordinator = factories.coordinator()
    consultation = planted_consultation(
        question="كيف يجب أن تتخذ الجمعية العامة قراراتها؟", language="ar", description="صوّتوا على كل عبارة.",
        statements=DECIDING, per_group=60, days_open=3, rng=random.Random(7), by=coordinator,
        audience=Consultation.Audience.MEMBERS,
    )
    member = factories.member(factories.OrganisationFactory(), Membership.Role.MEMBER)
    log_in(page, live_server, member)
    page.goto(f"{live_server.url}/ar/consultations/{consultation.slug}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.set_viewport_size({"width": 360, "height": 900})
    assert not page.evaluate(OUTSIDE_THE_SCREEN)
    screenshot(page, "consultation-vote-ar")
    seen = []
    for value in ("agree", "disagree", "secondary"):
        seen.append(page.locator("#statement-text").inner_text())
        page.locator(f".vote-buttons button.{value}").click()
        page.wait_for_load_state()
    assert len(set(seen)) == 3  # one statement at a time, never the same twice
    assert Vote.objects.filter(participant__person=member).count() == 3
    page.goto(f"{live_server.url}/ar/consultations/{consultation.slug}/report/")
    assert page.locator(".opinion-map svg circle").count() > 10
    assert page.locator(".consensus").count() >= 1
    assert page.locator("h3 .group-badge").count() >= 2  # the groups of opinion, each with what it stands for
    screenshot(page, "consultation-report-ar")
