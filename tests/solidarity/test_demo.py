"""The demo solidarity: what a visitor of the demo sees first (opportunities of every kind,
needs and offers tagged with the vocabulary, suggested counterparts with their reasons, a
partnership graph, travel suspended to one governorate), built through the services and the
same on every load."""

from io import StringIO

import pytest
from django.db import transaction

from tadamun.network.demo import ORGANISATIONS, demo_slug, load_demo
from tadamun.network.models import Membership, Organisation
from tadamun.solidarity import matching, queries
from tadamun.solidarity.demo import OPPORTUNITIES, load_demo_solidarity
from tadamun.solidarity.models import (
    Application,
    Introduction,
    Need,
    Offer,
    Opportunity,
    Profile,
    SecurityLevel,
    SecurityNote,
    Suggestion,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo network and its solidarity, loaded once for the module inside a transaction
    that is rolled back at the end; each test runs in a savepoint within it."""
    out = StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        matching.forget_index()
        load_demo()
        result = load_demo_solidarity(stdout=out)
        yield {"result": result, "out": out.getvalue()}
        transaction.set_rollback(True)
    matching.forget_index()


def org(key: str) -> Organisation:
    return Organisation.objects.get(slug=demo_slug(next(o for o in ORGANISATIONS if o.key == key)))


def counts() -> dict:
    return {
        "notes": sorted(SecurityNote.objects.values_list("governorate__iso_code", "level")),
        "opportunities": sorted(Opportunity.objects.values_list("organisation__slug", "kind", "status", "title")),
        "applications": sorted(Application.objects.values_list("person__email", "opportunity__title", "status")),
        "needs": sorted(Need.objects.values_list("organisation__slug", "title")),
        "offers": sorted(Offer.objects.values_list("organisation__slug", "title")),
        "introductions": sorted(
            Introduction.objects.values_list("requester__slug", "counterpart__slug", "status", "proposed_by_coordinator")
        ),
        "suggestions": Suggestion.objects.count(),
        "profiles": Profile.objects.count(),
    }


def test_the_loader_says_what_it_loaded(demo):
    line = next(line for line in demo["out"].splitlines() if line.startswith("Demo solidarity loaded:"))
    assert f"{len(OPPORTUNITIES)} opportunities" in line and "accepted" in line
    admin = Membership.objects.get(organisation=org("shatt-water"), role=Membership.Role.ADMIN).person
    assert f"log in as {admin.email}" in demo["out"]


def test_every_kind_of_opportunity_in_several_languages(demo):
    assert set(Opportunity.objects.values_list("kind", flat=True)) == set(Opportunity.Kind.values)
    assert {"ar", "ckb", "kmr", "en", "it"} <= set(Opportunity.objects.values_list("original_language", flat=True))
    assert Opportunity.objects.filter(status=Opportunity.Status.CLOSED).exists()
    assert Opportunity.objects.filter(remote=True).exists() and Opportunity.objects.filter(travel_to_iraq=True).exists()
    expired = [o for o in Opportunity.objects.filter(status=Opportunity.Status.OPEN, apply_by__isnull=False) if not o.is_open]
    assert expired, "one opportunity's date to apply by has passed"


def test_applications_in_every_status_with_a_message_when_declined(demo):
    statuses = set(Application.objects.values_list("status", flat=True))
    assert {Application.Status.SUBMITTED, Application.Status.SHORTLISTED, Application.Status.ACCEPTED, Application.Status.DECLINED} <= statuses
    assert Application.objects.count() >= 15
    assert not Application.objects.filter(status=Application.Status.DECLINED, answer="").exists()
    assert Application.objects.filter(organisation__isnull=False).exists() and Application.objects.filter(organisation__isnull=True).exists()
    for application in Application.objects.select_related("opportunity"):
        assert application.opportunity.application_count == application.opportunity.applications.count()
        assert not application.person.memberships.filter(organisation_id=application.opportunity.organisation_id).exists()


def test_security_notes_restrict_and_suspend_travel(demo):
    levels = dict(SecurityNote.objects.values_list("governorate__iso_code", "level"))
    assert levels["IQ-NI"] == SecurityLevel.RESTRICTED and levels["IQ-DI"] == SecurityLevel.SUSPENDED
    nineveh = SecurityNote.objects.get(governorate__iso_code="IQ-NI")
    assert nineveh.note and {"ar", "ckb", "kmr", "it"} <= set(nineveh.notes)
    # An opportunity takes people to restricted Nineveh and shows its note; the one to suspended
    # Diyala is left out of search, and takes no application.
    restricted = Opportunity.objects.filter(travel_to_iraq=True, governorates__iso_code="IQ-NI").get()
    assert restricted.pk in set(queries.opportunities().values_list("pk", flat=True))
    suspended = Opportunity.objects.filter(travel_to_iraq=True, governorates__iso_code="IQ-DI").get()
    visible = set(queries.opportunities(queries.OpportunityFilters(include_closed=True)).values_list("pk", flat=True))
    assert suspended.pk not in visible
    assert not suspended.applications.exists()
    assert demo["result"]["hidden"] == 1


def test_needs_and_offers_carry_skills_and_come_from_both_sides(demo):
    assert Need.objects.count() >= 15 and Offer.objects.count() >= 15
    for side in (Need, Offer):
        for contribution in side.objects.prefetch_related("skills"):
            assert contribution.skills.exists(), contribution.title
    assert all(n.organisation.is_iraqi for n in Need.objects.select_related("organisation"))
    offering = Offer.objects.values_list("organisation__country", flat=True)
    assert "IQ" in offering and "IT" in offering
    assert {"ar", "ckb", "kmr", "en", "it"} <= set(Need.objects.values_list("original_language", flat=True)) | set(
        Offer.objects.values_list("original_language", flat=True)
    )


def test_the_basra_water_network_is_suggested_the_italian_partner_with_reasons(demo):
    water, italian = org("shatt-water"), org("tigri-eufrate")
    suggestions = queries.suggestions_for(water)
    assert suggestions and all(s.reasons and s.reason_sentences for s in suggestions)
    best = {s.counterpart_id: s for s in suggestions}
    assert italian.pk in best, "the Italian network offering water research and media training"
    reasons = best[italian.pk].reasons
    assert reasons["needs"] and reasons["geography"] == "international" and "ar" in reasons["languages"]
    assert suggestions[0].counterpart_id == italian.pk


def test_introductions_draw_a_partnership_graph(demo):
    accepted = Introduction.objects.filter(status=Introduction.Status.ACCEPTED)
    assert accepted.count() >= 8
    for introduction in accepted:
        assert introduction.requester_contact["email"].endswith(".example.org")
        assert introduction.counterpart_contact["email"].endswith(".example.org")
        assert introduction.accepted_at and introduction.requester_accepted_at and introduction.counterpart_accepted_at
    assert Introduction.objects.filter(status=Introduction.Status.PENDING, proposed_by_coordinator=False).count() >= 3
    assert Introduction.objects.filter(status=Introduction.Status.DECLINED).exclude(answer="").exists()
    waiting_for_both = Introduction.objects.get(
        status=Introduction.Status.PENDING, proposed_by_coordinator=True
    )
    assert waiting_for_both.requester_accepted_at is None and waiting_for_both.counterpart_accepted_at is None
    overview = queries.overview()
    abroad = {a for a, b, _n in overview.links} | {b for a, b, _n in overview.links}
    assert {"IT", "CH", "NL", "ES", "BE", "JO", "LB"} <= abroad
    regions = dict(overview.by_region)
    assert len(regions) == 3  # Kurdistan Region, federal Iraq and abroad
    assert overview.by_pathway


def test_loading_twice_gives_the_same_demo(demo):
    before = counts()
    matching.forget_index()
    load_demo_solidarity()
    assert counts() == before
