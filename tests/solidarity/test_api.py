"""The solidarity API: opportunities, needs and offers (the same filter forms as the pages),
suggested counterparts in the reader's language, introductions, and contacts that no answer
gives before both organisations have accepted (and then only to their people)."""

from __future__ import annotations

import pytest
from django.utils import translation

from tadamun.accounts.services import create_api_token
from tadamun.core.text import normalise
from tadamun.network.models import Governorate, Membership, Organisation, WorkingLanguage
from tadamun.pathways.models import Pathway
from tadamun.solidarity import matching, queries, services
from tadamun.solidarity.forms import ContributionFilterForm, OpportunityFilterForm
from tadamun.solidarity.models import (
    Introduction,
    Need,
    Offer,
    Opportunity,
    SecurityLevel,
    Skill,
)
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = Membership.Role


@pytest.fixture(autouse=True)
def _fresh_index():
    """The matching index lives in process memory: start each test without it."""
    matching.forget_index()
    yield
    matching.forget_index()


def token_for(user) -> dict:
    _token, raw = create_api_token(by=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def skill(slug: str, en: str, ar: str) -> Skill:
    return Skill.objects.create(
        slug=slug, names={"en": en, "ar": ar, "ckb": f"{en} (ckb)", "kmr": f"{en} (kmr)", "it": f"{en} (it)"}
    )


def opportunity(org, title: str, *, kind=Opportunity.Kind.JOINT_PROJECT, pathways=(), governorates=(), languages=(),
                remote=False, travel=False, status=Opportunity.Status.OPEN, description="A description.", **extra):
    found = Opportunity.objects.create(
        slug=normalise(title).replace(" ", "-")[:80] + f"-{Opportunity.objects.count()}", organisation=org, kind=kind,
        original_language="en", title=title, description=description, description_html=f"<p>{description}</p>",
        remote=remote or not governorates, travel_to_iraq=travel, status=status,
        search_text=normalise(f"{title} {description} {org.name}"), **extra,
    )
    found.pathways.set(Pathway.objects.filter(slug__in=pathways))
    found.governorates.set(Governorate.objects.filter(iso_code__in=governorates))
    found.languages.set(WorkingLanguage.objects.filter(code__in=languages))
    return found


def contribution(side, org, title: str, *, skills=(), pathways=(), governorates=(), description="", active=True):
    found = side.objects.create(
        organisation=org, original_language="en", title=title, description=description, is_active=active,
        search_text=normalise(f"{title} {description}"),
    )
    found.skills.set(skills)
    found.pathways.set(Pathway.objects.filter(slug__in=pathways))
    found.governorates.set(Governorate.objects.filter(iso_code__in=governorates))
    return found


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


def international(**kwargs) -> Organisation:
    return factories.OrganisationFactory(country="IT", kind=Organisation.Kind.INTERNATIONAL, **kwargs)


def test_the_schema_lists_the_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/opportunities", "/api/opportunities/{slug}", "/api/needs", "/api/offers",
        "/api/organisations/{organisation_id}/suggestions", "/api/organisations/{organisation_id}/introductions",
        "/api/introductions/{introduction_id}",
    ):
        assert path in paths


# --- Opportunities --------------------------------------------------------------------------


@pytest.fixture
def opportunities(db):
    org = factories.OrganisationFactory(slug="basra-water", name="Basra Water")
    pending = factories.OrganisationFactory(status=Organisation.Status.PENDING)
    return {
        "water": opportunity(
            org, "Water project in Basra", pathways=["heritage-environment"], governorates=["IQ-BA"], languages=["ar"],
        ),
        "mentoring": opportunity(
            org, "Mentoring for journalists", kind=Opportunity.Kind.CAPACITY_BUILDING, pathways=["democracy"],
            remote=True, languages=["en"], description="Online sessions on **investigative** reporting.",
        ),
        "internship": opportunity(
            org, "Internship in Erbil", kind=Opportunity.Kind.INTERNSHIP, pathways=["youth"], governorates=["IQ-AR"],
            languages=["ckb", "en"], travel=True,
        ),
        "closed": opportunity(org, "Closed exchange", kind=Opportunity.Kind.CULTURAL_EXCHANGE, status=Opportunity.Status.CLOSED),
        "pending": opportunity(pending, "Volunteers of a pending organisation", kind=Opportunity.Kind.VOLUNTEER_CALL),
    }


def test_opportunities_list_open_ones_of_member_organisations(client, opportunities):
    body = client.get("/api/opportunities").json()
    assert body["count"] == 3 and body["page"] == 1 and body["page_size"] == 20
    assert sorted(i["title"] for i in body["items"]) == ["Internship in Erbil", "Mentoring for journalists", "Water project in Basra"]
    item = next(i for i in body["items"] if i["title"] == "Internship in Erbil")
    internship = opportunities["internship"]
    assert item == {
        "id": internship.pk, "slug": internship.slug, "kind": "internship", "title": "Internship in Erbil",
        "original_language": "en",
        "organisation": {"id": internship.organisation_id, "slug": "basra-water", "name": "Basra Water", "country": "IQ"},
        "pathways": ["youth"], "governorates": ["IQ-AR"], "remote": False, "location": "", "travel_to_iraq": True, "security": "open",
        "languages": ["ckb", "en"], "starts_on": None, "ends_on": None, "apply_by": None, "status": "open", "is_open": True,
        "url": f"http://testserver{internship.get_absolute_url()}",
    }


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"kind": "internship"}, ["Internship in Erbil"]),
        ({"kind": "capacity_building"}, ["Mentoring for journalists"]),
        ({"pathway": "heritage-environment"}, ["Water project in Basra"]),
        ({"governorate": "IQ-BA"}, ["Water project in Basra"]),
        ({"governorate": "remote"}, ["Mentoring for journalists"]),
        ({"language": "en"}, ["Internship in Erbil", "Mentoring for journalists"]),
        ({"language": "ckb", "kind": "internship"}, ["Internship in Erbil"]),
        ({"q": "journalists"}, ["Mentoring for journalists"]),
        ({"q": "investigative"}, ["Mentoring for journalists"]),  # in the description
        ({"q": "basra"}, ["Internship in Erbil", "Mentoring for journalists", "Water project in Basra"]),  # the publisher
        ({"q": "nothing like this"}, []),
    ],
)
def test_opportunity_filters(client, opportunities, filters, expected):
    assert titles(client.get("/api/opportunities", filters)) == expected


@pytest.mark.parametrize(
    "field, value",
    [("kind", "gossip"), ("pathway", "nowhere"), ("governorate", "IQ-ZZ"), ("language", "xx"), ("q", "x" * 101)],
)
def test_bad_opportunity_filters_are_refused_like_the_page(client, field, value):
    response = client.get("/api/opportunities", {field: value}, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 400, response.content
    body = response.json()
    with translation.override("ar"):
        form = OpportunityFilterForm({field: value})
        assert not form.is_valid()
        expected = [str(m) for m in form.errors[field]]
    assert body["detail"] and body["errors"] == {field: expected}
    if field != "q":
        assert value in expected[0]


def test_a_bad_filter_is_explained_in_the_readers_language(client):
    arabic = client.get("/api/opportunities", {"pathway": "nowhere"}, HTTP_ACCEPT_LANGUAGE="ar").json()
    assert "مسار غير معروف" in arabic["errors"]["pathway"][0]
    assert client.get("/api/opportunities", {"pathway": "nowhere", "lang": "ar"}).json() == arabic
    english = client.get("/api/opportunities", {"pathway": "nowhere"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["errors"]["pathway"] == ["Unknown pathway: nowhere."]


def test_opportunities_paginate(client):
    org = factories.OrganisationFactory()
    for number in range(23):
        opportunity(org, f"Opportunity {number:02}")
    first = client.get("/api/opportunities").json()
    assert first["count"] == 23 and len(first["items"]) == 20 and first["items"][0]["title"] == "Opportunity 22"
    second = client.get("/api/opportunities", {"page": 2}).json()
    assert [i["title"] for i in second["items"]] == ["Opportunity 02", "Opportunity 01", "Opportunity 00"]
    assert client.get("/api/opportunities", {"page": 2, "page_size": 5}).json()["items"][0]["title"] == "Opportunity 17"
    assert client.get("/api/opportunities", {"page": 9}).json()["items"] == []
    for bad in ({"page": 0}, {"page_size": 0}, {"page_size": 101}):
        response = client.get("/api/opportunities", bad)
        assert response.status_code == 400 and response.json()["detail"]
    assert client.get("/api/opportunities", {"page": "two"}).status_code in (400, 422)


def test_suspended_travel_hides_an_opportunity_from_the_list_but_not_its_page(client, coordinator):
    org = factories.OrganisationFactory()
    travel = opportunity(org, "Visit to Nineveh", governorates=["IQ-NI"], travel=True)
    opportunity(org, "Online work about Nineveh", governorates=["IQ-NI"], travel=False)
    restricted = opportunity(org, "Visit to Basra", governorates=["IQ-BA", "IQ-NA"], travel=True)
    nineveh, basra = Governorate.objects.get(iso_code="IQ-NI"), Governorate.objects.get(iso_code="IQ-BA")
    services.set_security_note(by=coordinator, governorate=basra, level=SecurityLevel.RESTRICTED, note="Travel with a local partner.")
    assert titles(client.get("/api/opportunities")) == ["Online work about Nineveh", "Visit to Basra", "Visit to Nineveh"]

    services.set_security_note(
        by=coordinator, governorate=nineveh, level=SecurityLevel.SUSPENDED, note="No travel for now.",
        notes={"ar": "لا سفر في الوقت الحالي."},
    )
    body = client.get("/api/opportunities").json()
    assert sorted(i["title"] for i in body["items"]) == ["Online work about Nineveh", "Visit to Basra"]
    assert next(i for i in body["items"] if i["title"] == "Visit to Basra")["security"] == "restricted"
    assert titles(client.get("/api/opportunities", {"governorate": "IQ-NI"})) == ["Online work about Nineveh"]

    page = client.get(f"/api/opportunities/{travel.slug}", HTTP_ACCEPT_LANGUAGE="ar").json()
    assert page["security"] == "suspended"
    assert page["security_notes"] == [{"governorate": "IQ-NI", "level": "suspended", "note": "لا سفر في الوقت الحالي."}]
    notes = client.get(f"/api/opportunities/{restricted.slug}").json()["security_notes"]
    assert notes == [{"governorate": "IQ-BA", "level": "restricted", "note": "Travel with a local partner."}]


def test_one_opportunity_with_its_description(client, opportunities):
    mentoring = opportunities["mentoring"]
    mentoring.how_to_apply = "Tell us about your last story."
    mentoring.places = 4
    mentoring.save()
    body = client.get(f"/api/opportunities/{mentoring.slug}").json()
    assert body["description"] == "Online sessions on **investigative** reporting."
    assert body["how_to_apply"] == "Tell us about your last story." and body["places"] == 4
    assert body["security"] == "open" and body["security_notes"] == [] and body["remote"] is True
    closed = client.get(f"/api/opportunities/{opportunities['closed'].slug}").json()
    assert closed["status"] == "closed" and closed["is_open"] is False
    assert client.get(f"/api/opportunities/{opportunities['pending'].slug}").status_code == 404
    assert client.get("/api/opportunities/no-such-thing").status_code == 404


def test_a_wrong_token_is_refused_even_for_reads(client):
    for path in ("/api/opportunities", "/api/needs", "/api/offers"):
        assert client.get(path, HTTP_AUTHORIZATION="Bearer tdm_wrong").status_code == 401


# --- Needs and offers -----------------------------------------------------------------------


@pytest.fixture
def vocabulary(db):
    return {
        "legal": skill("legal-aid", "Legal aid", "مساعدة قانونية"),
        "video": skill("video-production", "Video production", "إنتاج الفيديو"),
        "grants": skill("small-grants", "Small grants", "منح صغيرة"),
    }


@pytest.fixture
def contributions(vocabulary):
    basra = factories.OrganisationFactory(name="Basra Women")
    rome = international(name="Rome Friends")
    pending = factories.OrganisationFactory(status=Organisation.Status.PENDING)
    return {
        "lawyers": contribution(
            Need, basra, "Lawyers for our hotline", skills=[vocabulary["legal"]], pathways=["women"], governorates=["IQ-BA"],
            description="Women call us after threats.",
        ),
        "film": contribution(Need, rome, "A film about our exchange", skills=[vocabulary["video"]], pathways=["youth"]),
        "met": contribution(Need, basra, "A need already met", skills=[vocabulary["legal"]], active=False),
        "hidden": contribution(Need, pending, "Need of a pending organisation", skills=[vocabulary["legal"]]),
        "grants": contribution(Offer, rome, "Small grants for youth groups", skills=[vocabulary["grants"]], pathways=["youth"]),
    }


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({}, ["A film about our exchange", "Lawyers for our hotline"]),
        ({"skill": "legal-aid"}, ["Lawyers for our hotline"]),
        ({"pathway": "youth"}, ["A film about our exchange"]),
        ({"governorate": "IQ-BA"}, ["Lawyers for our hotline"]),
        ({"origin": "iraqi"}, ["Lawyers for our hotline"]),
        ({"origin": "international"}, ["A film about our exchange"]),
        ({"q": "threats"}, ["Lawyers for our hotline"]),
        ({"q": "hotline", "origin": "international"}, []),
    ],
)
def test_need_filters(client, contributions, filters, expected):
    assert titles(client.get("/api/needs", filters)) == expected


def test_needs_and_offers_name_skills_in_the_readers_language(client, contributions, vocabulary):
    body = client.get("/api/needs", {"skill": "legal-aid"}, HTTP_ACCEPT_LANGUAGE="ar").json()
    lawyers = contributions["lawyers"]
    assert body["count"] == 1
    assert body["items"][0] == {
        "id": lawyers.pk, "title": "Lawyers for our hotline", "description": "Women call us after threats.",
        "original_language": "en",
        "organisation": {"id": lawyers.organisation_id, "slug": lawyers.organisation.slug, "name": "Basra Women", "country": "IQ"},
        "skills": [{"slug": "legal-aid", "name": "مساعدة قانونية"}], "pathways": ["women"], "governorates": ["IQ-BA"],
        "created_at": body["items"][0]["created_at"], "url": f"http://testserver{lawyers.get_absolute_url()}",
    }
    italian = {i["title"]: i["skills"] for i in client.get("/api/needs", {"lang": "it"}).json()["items"]}
    assert italian["Lawyers for our hotline"] == [{"slug": "legal-aid", "name": "Legal aid (it)"}]
    assert client.get("/api/needs", {"skill": "legal-aid"}).json()["items"][0]["skills"][0]["name"] == "Legal aid"

    offers = client.get("/api/offers").json()
    assert [i["title"] for i in offers["items"]] == ["Small grants for youth groups"]
    assert offers["items"][0]["skills"] == [{"slug": "small-grants", "name": "Small grants"}]
    assert titles(client.get("/api/offers", {"skill": "legal-aid"})) == []


@pytest.mark.parametrize(
    "field, value",
    [("skill", "juggling"), ("pathway", "nowhere"), ("governorate", "IQ-ZZ"), ("origin", "martian"), ("q", "x" * 101)],
)
@pytest.mark.parametrize("path", ["/api/needs", "/api/offers"])
def test_bad_contribution_filters_are_refused_like_the_page(client, vocabulary, path, field, value):
    response = client.get(path, {field: value, "lang": "ar"})
    assert response.status_code == 400, response.content
    with translation.override("ar"):
        form = ContributionFilterForm({field: value})
        assert not form.is_valid()
        expected = [str(m) for m in form.errors[field]]
    assert response.json()["errors"] == {field: expected}


def test_a_retired_skill_still_filters_the_needs_that_carry_it(client, contributions, vocabulary):
    everything = client.get("/api/needs").json()["items"]
    vocabulary["legal"].is_active = False
    vocabulary["legal"].save()
    response = client.get("/api/needs", {"skill": "legal-aid"})
    assert response.status_code == 200
    carried = [i["title"] for i in everything if any(s["slug"] == "legal-aid" for s in i["skills"])]
    assert carried and [i["title"] for i in response.json()["items"]] == carried


def test_contributions_paginate(client, vocabulary):
    org = factories.OrganisationFactory()
    for number in range(21):
        contribution(Offer, org, f"Offer {number:02}", skills=[vocabulary["grants"]])
    assert len(client.get("/api/offers").json()["items"]) == 20
    second = client.get("/api/offers", {"page": 2}).json()
    assert second["count"] == 21 and [i["title"] for i in second["items"]] == ["Offer 00"]
    assert client.get("/api/offers", {"page_size": 101}).status_code == 400


# --- Suggestions ----------------------------------------------------------------------------


@pytest.fixture
def network(vocabulary):
    """An Iraqi organisation that needs legal aid; an Italian one offering it; an Iraqi
    neighbour sharing a pathway; an organisation with nothing in common."""
    languages = {w.code: w for w in WorkingLanguage.objects.all()}
    home = factories.OrganisationFactory(name="Basra Women", governorates=["IQ-BA"], pathways=["women"])
    home.languages.set([languages["ar"], languages["en"]])
    partner = international(name="Rome Lawyers", pathways=["women"])
    partner.languages.set([languages["en"]])
    neighbour = factories.OrganisationFactory(name="Basra Youth", governorates=["IQ-BA"], pathways=["women"])
    neighbour.languages.set([languages["ar"]])
    stranger = international(name="Paris Gardens", description="Gardens and bees.", pathways=["heritage-environment"])
    stranger.languages.set([languages["fr"]])
    contribution(Need, home, "Lawyers for our hotline", skills=[vocabulary["legal"]])
    contribution(Offer, partner, "Pro bono lawyers", skills=[vocabulary["legal"]])
    matching.rebuild_all()
    return {"home": home, "partner": partner, "neighbour": neighbour, "stranger": stranger}


def suggestions_url(org) -> str:
    return f"/api/organisations/{org.pk}/suggestions"


def test_suggestions_are_ranked_with_their_reasons_in_the_readers_language(client, network):
    admin = factories.member(network["home"], ROLES.ADMIN)
    response = client.get(suggestions_url(network["home"]), HTTP_ACCEPT_LANGUAGE="ar", **token_for(admin))
    assert response.status_code == 200, response.content
    body = response.json()
    assert [s["counterpart"]["name"] for s in body] == ["Rome Lawyers", "Basra Youth"]
    assert body[0]["score"] > body[1]["score"] > 0
    first = body[0]
    assert first["counterpart"] == {"id": network["partner"].pk, "slug": network["partner"].slug, "name": "Rome Lawyers", "country": "IT"}
    legal = Skill.objects.get(slug="legal-aid")
    assert first["reasons"]["needs"] == [legal.pk] and first["reasons"]["geography"] == "international"
    assert first["reasons"]["languages"] == ["en"]
    with translation.override("ar"):
        expected = [queries.reasons_in_words(s["reasons"], queries.Vocabulary()) for s in body]
    assert [s["reasons_text"] for s in body] == expected
    assert any("مساعدة قانونية" in sentence for sentence in first["reasons_text"])
    assert not any("Legal aid" in sentence for sentence in first["reasons_text"])

    by_parameter = client.get(suggestions_url(network["home"]), {"lang": "ar"}, **token_for(admin)).json()
    assert [s["reasons_text"] for s in by_parameter] == expected
    english = client.get(suggestions_url(network["home"]), HTTP_ACCEPT_LANGUAGE="en", **token_for(admin)).json()
    assert any("Legal aid" in sentence for sentence in english[0]["reasons_text"])
    assert [s["counterpart"]["name"] for s in client.get(suggestions_url(network["home"]), {"limit": 1}, **token_for(admin)).json()] == ["Rome Lawyers"]
    assert client.get(suggestions_url(network["home"]), {"limit": 21}, **token_for(admin)).status_code == 400


def test_suggestions_need_a_token_and_a_role(client, network, coordinator):
    home, url = network["home"], suggestions_url(network["home"])
    assert client.get(url).status_code == 401
    assert client.get(url, HTTP_AUTHORIZATION="Bearer tdm_wrong").status_code == 401
    for outsider in (
        factories.member(home, ROLES.MEMBER),
        factories.member(network["partner"], ROLES.ADMIN),
        factories.UserFactory(),
    ):
        response = client.get(url, **token_for(outsider))
        assert response.status_code == 403 and response.json()["detail"]
    for allowed in (factories.member(home, ROLES.ADMIN), factories.member(home, ROLES.EDITOR), coordinator):
        response = client.get(url, **token_for(allowed))
        assert response.status_code == 200 and len(response.json()) == 2
    assert client.get("/api/organisations/999999/suggestions", **token_for(coordinator)).status_code == 404
    home.status = Organisation.Status.PENDING
    home.save()
    assert client.get(url, **token_for(coordinator)).status_code == 404


def test_a_pair_with_a_live_introduction_is_no_longer_suggested(client, network):
    admin = factories.member(network["home"], ROLES.ADMIN)
    services.request_introduction(
        by=admin, requester=network["home"], counterpart=network["partner"],
        contact=services.Contact(name="Noor", email="noor@example.org"),
    )
    names = [s["counterpart"]["name"] for s in client.get(suggestions_url(network["home"]), **token_for(admin)).json()]
    assert names == ["Basra Youth"]


# --- Introductions --------------------------------------------------------------------------


def introductions_url(org) -> str:
    return f"/api/organisations/{org.pk}/introductions"


def ask(client, org, other, user, **overrides):
    payload = {
        "counterpart": other.pk, "message": "We would like to work with you on legal aid.",
        "contact": {"name": "Noor Hassan", "email": "noor.requester@example.org", "phone": "+964 770 000 1111"},
    }
    payload.update(overrides)
    return client.post(introductions_url(org), payload, content_type="application/json", **token_for(user))


def test_an_administrator_asks_for_an_introduction(client):
    home, partner = factories.OrganisationFactory(), international(name="Rome Lawyers")
    admin = factories.member(home, ROLES.ADMIN)
    response = ask(client, home, partner, admin)
    assert response.status_code == 201, response.content
    introduction = Introduction.objects.get()
    assert response.json() == {
        "id": introduction.pk, "status": "pending",
        "counterpart": {"id": partner.pk, "slug": partner.slug, "name": "Rome Lawyers", "country": "IT"},
        "url": f"http://testserver{introduction.get_absolute_url()}",
    }
    assert introduction.requester_contact == {"name": "Noor Hassan", "email": "noor.requester@example.org", "phone": "+964 770 000 1111"}
    assert introduction.requested_by == admin and introduction.requester_accepted_at is not None

    again = ask(client, home, partner, admin)
    assert again.status_code == 400 and "already waiting" in again.json()["detail"]
    back = ask(client, partner, home, factories.member(partner, ROLES.ADMIN))
    assert back.status_code == 400
    assert Introduction.objects.count() == 1


def test_introduction_refusals(client):
    home, partner = factories.OrganisationFactory(), international()
    admin = factories.member(home, ROLES.ADMIN)

    itself = ask(client, home, home, admin)
    assert itself.status_code == 400 and itself.json()["field"] == "counterpart"
    unknown = ask(client, home, partner, admin, counterpart=999999)
    assert unknown.status_code == 400 and unknown.json()["field"] == "counterpart"
    pending = factories.OrganisationFactory(status=Organisation.Status.PENDING)
    assert ask(client, home, pending, admin).status_code == 400
    bad_email = ask(client, home, partner, admin, contact={"name": "Noor", "email": "not an address"})
    assert bad_email.status_code == 400 and bad_email.json()["field"] == "contact_email"
    no_name = ask(client, home, partner, admin, contact={"name": " ", "email": "noor@example.org"})
    assert no_name.status_code == 400 and no_name.json()["field"] == "contact_name"
    missing = client.post(introductions_url(home), {"counterpart": partner.pk}, content_type="application/json", **token_for(admin))
    assert missing.status_code in (400, 422)

    for role in (ROLES.EDITOR, ROLES.MEMBER):
        response = ask(client, home, partner, factories.member(home, role))
        assert response.status_code == 403 and response.json()["detail"]
    assert ask(client, home, partner, factories.member(partner, ROLES.ADMIN)).status_code == 403
    assert client.post(introductions_url(home), {}, content_type="application/json").status_code == 401
    assert ask(client, Organisation(pk=999999), partner, admin).status_code == 404
    assert not Introduction.objects.exists()


def test_a_declined_introduction_cannot_be_asked_again_by_the_same_side(client):
    home, partner = factories.OrganisationFactory(), international()
    admin, their_admin = factories.member(home, ROLES.ADMIN), factories.member(partner, ROLES.ADMIN)
    assert ask(client, home, partner, admin).status_code == 201
    services.answer_introduction(by=their_admin, introduction=Introduction.objects.get(), accept=False)
    response = ask(client, home, partner, admin)
    assert response.status_code == 400 and "declined" in response.json()["detail"]
    assert ask(client, partner, home, their_admin).status_code == 201  # they may still ask themselves


def test_a_refusal_is_worded_in_the_readers_language(client):
    home = factories.OrganisationFactory()
    admin = factories.member(home, ROLES.ADMIN)
    english = ask(client, home, home, admin).json()["detail"]
    arabic = client.post(
        introductions_url(home) + "?lang=ar",
        {"counterpart": home.pk, "contact": {"name": "Noor", "email": "noor@example.org"}},
        content_type="application/json", **token_for(admin),
    ).json()["detail"]
    with translation.override("ar"):
        assert arabic == translation.gettext("An organisation cannot be introduced to itself.")
    assert english == "An organisation cannot be introduced to itself."


# --- Contacts never leak --------------------------------------------------------------------


REQUESTER_EMAIL, REQUESTER_PHONE = "noor.requester@example.org", "+964 770 000 1111"
COUNTERPART_EMAIL, COUNTERPART_PHONE = "giulia.counterpart@example.org", "+39 333 000 2222"
SECRETS = (REQUESTER_EMAIL, REQUESTER_PHONE, COUNTERPART_EMAIL, COUNTERPART_PHONE, "noor.requester", "giulia.counterpart")


def leaks(response) -> list[str]:
    text = response.content.decode()
    return [secret for secret in SECRETS if secret in text]


def test_contacts_appear_only_for_the_two_organisations_once_both_accepted(client, network, coordinator):
    home, partner = network["home"], network["partner"]
    people = {
        "home admin": factories.member(home, ROLES.ADMIN),
        "home editor": factories.member(home, ROLES.EDITOR),
        "home member": factories.member(home, ROLES.MEMBER),
        "partner admin": factories.member(partner, ROLES.ADMIN),
        "partner member": factories.member(partner, ROLES.MEMBER),
        "coordinator": coordinator,
        "neighbour admin": factories.member(network["neighbour"], ROLES.ADMIN),
        "stranger": factories.UserFactory(),
    }
    tokens = {name: token_for(user) for name, user in people.items()}
    parties = {"home admin", "home editor", "home member", "partner admin", "partner member"}
    opportunity(home, "Training for lawyers", remote=True)
    contribution(Offer, home, "Translation to Arabic", skills=list(Skill.objects.filter(slug="legal-aid")))

    created = ask(client, home, partner, people["home admin"], contact={"name": "Noor Hassan", "email": REQUESTER_EMAIL, "phone": REQUESTER_PHONE})
    assert created.status_code == 201 and leaks(created) == []
    introduction = Introduction.objects.get()
    url = f"/api/introductions/{introduction.pk}"

    def everything_read_by(name: str | None) -> list:
        headers = tokens[name] if name else {}
        answers = [client.get(path, **headers) for path in ("/api/opportunities", "/api/needs", "/api/offers")]
        answers += [client.get(f"/api/organisations/{org.pk}", **headers) for org in (home, partner)]
        if name:
            answers += [client.get(suggestions_url(org), **headers) for org in (home, partner, network["neighbour"])]
            answers.append(client.get(url, **headers))
        return answers

    def check_nothing_leaks(stage: str) -> None:
        for name in [None, *people]:
            for response in everything_read_by(name):
                assert leaks(response) == [], (stage, name, response.request["PATH_INFO"])

    # Asked: only the requester has accepted.
    check_nothing_leaks("asked")
    for name in people:
        response = client.get(url, **tokens[name])
        if name in parties or name == "coordinator":
            assert response.status_code == 200 and response.json()["contacts"] is None, name
        else:
            assert response.status_code == 404, name
    assert client.get(url).status_code == 401

    # The counterpart accepts, giving its own contact: now both are shared, with the two sides only.
    services.answer_introduction(
        by=people["partner admin"], introduction=introduction, accept=True,
        contact=services.Contact(name="Giulia Rossi", email=COUNTERPART_EMAIL, phone=COUNTERPART_PHONE),
    )
    for name in people:
        response = client.get(url, **tokens[name])
        if name in parties:
            body = response.json()
            assert body["status"] == "accepted" and body["requester_accepted"] and body["counterpart_accepted"]
            assert body["contacts"] == {
                "requester": {"name": "Noor Hassan", "email": REQUESTER_EMAIL, "phone": REQUESTER_PHONE},
                "counterpart": {"name": "Giulia Rossi", "email": COUNTERPART_EMAIL, "phone": COUNTERPART_PHONE},
            }, name
        elif name == "coordinator":
            assert response.status_code == 200 and response.json()["contacts"] is None and leaks(response) == []
        else:
            assert response.status_code == 404 and leaks(response) == [], name

    # Every other answer stays free of them, for everyone.
    for name in [None, *people]:
        for response in everything_read_by(name):
            if response.request["PATH_INFO"] == url and name in parties:
                continue
            assert leaks(response) == [], ("accepted", name, response.request["PATH_INFO"])


def test_contacts_stay_hidden_when_the_counterpart_declines(client, network):
    home, partner = network["home"], network["partner"]
    admin, their_admin = factories.member(home, ROLES.ADMIN), factories.member(partner, ROLES.ADMIN)
    ask(client, home, partner, admin, contact={"name": "Noor", "email": REQUESTER_EMAIL, "phone": REQUESTER_PHONE})
    introduction = Introduction.objects.get()
    services.answer_introduction(by=their_admin, introduction=introduction, accept=False, answer="Not now.")
    for user in (admin, their_admin):
        response = client.get(f"/api/introductions/{introduction.pk}", **token_for(user))
        assert response.status_code == 200 and response.json()["status"] == "declined"
        assert response.json()["contacts"] is None and leaks(response) == []


def test_a_coordinators_proposal_shares_contacts_only_after_both_accept(client, network, coordinator):
    home, partner = network["home"], network["partner"]
    admin, their_admin = factories.member(home, ROLES.ADMIN), factories.member(partner, ROLES.ADMIN)
    introduction = services.propose_introduction(by=coordinator, first=home, second=partner, message="You both work on legal aid.")
    url = f"/api/introductions/{introduction.pk}"
    services.answer_introduction(
        by=admin, introduction=introduction, accept=True, contact=services.Contact(name="Noor", email=REQUESTER_EMAIL),
    )
    for user in (admin, their_admin, coordinator):
        response = client.get(url, **token_for(user))
        assert response.status_code == 200 and response.json()["contacts"] is None and leaks(response) == []
        assert response.json()["proposed_by_coordinator"] is True
    services.answer_introduction(
        by=their_admin, introduction=introduction, accept=True, contact=services.Contact(name="Giulia", email=COUNTERPART_EMAIL),
    )
    assert client.get(url, **token_for(their_admin)).json()["contacts"]["requester"]["email"] == REQUESTER_EMAIL
    assert client.get(url, **token_for(admin)).json()["contacts"]["counterpart"]["email"] == COUNTERPART_EMAIL
    assert client.get(url, **token_for(coordinator)).json()["contacts"] is None
