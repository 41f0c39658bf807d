"""The campaigns' API: the list's filters, one campaign with live counts, and signing (the
same double opt-in as the pages)."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from tadamun.accounts.services import create_api_token
from tadamun.campaigns import services
from tadamun.campaigns.models import Action, Campaign, Endorsement, Signature
from tadamun.network.models import Membership, Organisation
from tests import factories
from tests.campaigns import factories as make

pytestmark = pytest.mark.django_db


def token_for(user):
    _token, raw = create_api_token(by=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


def signatures_url(action) -> str:
    return f"/api/campaigns/{action.campaign_id}/actions/{action.pk}/signatures"


def payload(**overrides):
    values = {"name": "Layla Hassan", "email": "layla@example.org", "country": "IQ", "governorate": "IQ-BA"}
    values.update(overrides)
    return values


def sign(client, action, data=None, **extra):
    with make.run_on_commit():
        return client.post(signatures_url(action), data or payload(), content_type="application/json", **extra)


def live_count(client, action) -> int:
    body = client.get(f"/api/campaigns/{action.campaign_id}").json()
    return next(a["signatures"] for a in body["actions"] if a["id"] == action.pk)


# --- The list -------------------------------------------------------------------------------


def test_the_schema_lists_the_campaigns(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/campaigns" in paths and "/api/campaigns/{campaign_id}" in paths
    assert "/api/campaigns/{campaign_id}/actions/{action_id}/signatures" in paths


def test_list_filters_combine_and_count(client):
    basra = factories.OrganisationFactory(slug="basra-water")
    friends = factories.OrganisationFactory(slug="friends-of-iraq", country="IT", kind=Organisation.Kind.INTERNATIONAL)
    water = make.campaign(basra, title="Water for Basra", pathways=["heritage-environment"], governorates=["IQ-BA"])
    make.campaign(
        basra, title="Women candidates", pathways=["women", "democracy"], governorates=["IQ-BA", "IQ-BG"],
        story="More women on the lists.", summary="Elections", demands="Equal seats",
    )
    make.campaign(basra, Campaign.Status.WON, title="Water won in Basra", governorates=["IQ-BA"])
    erbil = make.campaign(title="Water in Erbil", pathways=["heritage-environment"], governorates=["IQ-AR"])
    make.campaign(basra, Campaign.Status.PROPOSED, title="Water proposal", governorates=["IQ-BA"])
    make.campaign(basra, Campaign.Status.REJECTED, title="Water rejected", governorates=["IQ-BA"])
    Endorsement.objects.create(campaign=erbil, organisation=friends, status=Endorsement.Status.ACCEPTED)
    Endorsement.objects.create(campaign=water, organisation=friends, status=Endorsement.Status.REQUESTED)

    everything = client.get("/api/campaigns").json()
    assert everything["count"] == 4 and everything["page"] == 1 and everything["page_size"] == 20
    assert "Water proposal" not in str(everything) and "Water rejected" not in str(everything)

    assert titles(client.get("/api/campaigns", {"pathway": "women"})) == ["Women candidates"]
    assert titles(client.get("/api/campaigns", {"governorate": "IQ-BG"})) == ["Women candidates"]
    assert titles(client.get("/api/campaigns", {"governorate": "IQ-AR"})) == ["Water in Erbil"]
    assert titles(client.get("/api/campaigns", {"status": "won"})) == ["Water won in Basra"]
    assert titles(client.get("/api/campaigns", {"q": "water"})) == ["Water for Basra", "Water in Erbil", "Water won in Basra"]
    assert titles(client.get("/api/campaigns", {"q": "water", "governorate": "IQ-BA", "status": "active"})) == ["Water for Basra"]
    assert titles(client.get("/api/campaigns", {"organisation": "basra-water"})) == [
        "Water for Basra", "Water won in Basra", "Women candidates",
    ]
    # An endorser's campaigns: only those where the lead accepted the endorsement.
    assert titles(client.get("/api/campaigns", {"organisation": "friends-of-iraq"})) == ["Water in Erbil"]
    assert titles(client.get("/api/campaigns", {"organisation": "no-such-organisation"})) == []

    item = next(i for i in client.get("/api/campaigns", {"pathway": "women"}).json()["items"])
    assert item["lead"] == {"id": basra.pk, "slug": "basra-water", "name": basra.name, "country": "IQ"}
    assert item["pathways"] == ["democracy", "women"] and item["status"] == "active"
    assert item["url"].startswith("http://testserver/") and item["url"].endswith(f"/campaigns/{item['slug']}/")
    assert set(item) == {
        "id", "slug", "title", "summary", "status", "original_language", "lead", "pathways", "published_at", "url", "actions",
    }


def test_the_list_shows_each_campaigns_actions_with_their_counts(client):
    campaign = make.campaign()
    action = make.petition(campaign)
    closed = make.petition(campaign, closes_at=timezone.now() - timedelta(days=1))
    make.signed_and_confirmed(action)
    items = client.get("/api/campaigns").json()["items"]
    actions = {a["id"]: a for a in items[0]["actions"]}
    assert actions[action.pk]["signatures"] == 1 and actions[action.pk]["status"] == "open"
    assert actions[closed.pk]["status"] == "closed"  # its closing date passed
    assert actions[action.pk]["addressed_to"] == "Ministry of Water Resources"


@pytest.mark.parametrize("who", ["anonymous", "lead editor", "coordinator"])
def test_proposed_campaigns_are_never_listed(client, who):
    waiting = make.campaign(status=Campaign.Status.PROPOSED, title="Secret plan")
    headers = {
        "anonymous": dict,
        "lead editor": lambda: token_for(factories.member(waiting.lead, Membership.Role.EDITOR)),
        "coordinator": lambda: token_for(factories.coordinator()),
    }[who]()
    assert client.get("/api/campaigns", {"q": "secret"}, **headers).json()["count"] == 0
    assert client.get("/api/campaigns", **headers).json()["count"] == 0


def test_list_paginates(client):
    for _ in range(7):
        make.campaign()
    body = client.get("/api/campaigns", {"page": 2, "page_size": 5}).json()
    assert body["count"] == 7 and len(body["items"]) == 2 and body["page"] == 2
    assert client.get("/api/campaigns", {"page": 9}).json()["items"] == []
    for bad in ({"page_size": 101}, {"page_size": 0}, {"page": 0}):
        response = client.get("/api/campaigns", bad)
        assert response.status_code == 400 and response.json()["detail"]


@pytest.mark.parametrize(
    "field, value",
    [
        ("governorate", "IQ-ZZ"),
        ("pathway", "nowhere"),
        ("status", "proposed"),
        ("status", "rejected"),
        ("status", "gossip"),
        ("organisation", "not a slug!"),
        ("q", "x" * 101),
    ],
)
def test_bad_filters_are_refused_with_a_clear_message(client, field, value):
    response = client.get("/api/campaigns", {field: value})
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] and body["errors"][field][0]
    if field in ("governorate", "pathway", "status"):
        assert value in body["errors"][field][0]


def test_a_wrong_token_is_refused_even_for_reads(client):
    assert client.get("/api/campaigns", HTTP_AUTHORIZATION="Bearer tdm_wrong").status_code == 401


# --- One campaign ------------------------------------------------------------------------------


def test_a_campaign_in_detail_with_live_counts(client):
    campaign = make.campaign(governorates=["IQ-BA", "IQ-AN"])
    petition = make.petition(campaign)
    letter = make.letter_action(campaign)
    editor = factories.member(campaign.lead, Membership.Role.EDITOR)
    today = timezone.localdate()
    services.add_milestone(by=editor, campaign=campaign, title="Meet the ministry", due_on=today)
    indicator = services.add_indicator(
        by=editor, campaign=campaign, name="Families with safe water", baseline=0, target=200, baseline_on=today
    )
    services.record_measurement(by=editor, indicator=indicator, measured_on=today, value=50)
    services.translate_campaign(by=editor, campaign=campaign, language="ar", title="ماء", summary="", story="قصة")

    body = client.get(f"/api/campaigns/{campaign.pk}").json()
    assert body["id"] == campaign.pk and body["status"] == "active"
    assert body["demands"] == ["Repair the pumping station", "Test the water every month"]
    assert body["governorates"] == ["IQ-AN", "IQ-BA"]
    assert body["authorities"] == [{"id": petition.authority_id, "kind": "ministry", "name": "Ministry of Water Resources"}]
    assert body["milestones"] == [{"title": "Meet the ministry", "due_on": today.isoformat(), "reached_on": None}]
    assert body["indicators"] == [
        {"name": "Families with safe water", "unit": "", "baseline": 0.0, "target": 200.0, "latest": 50.0, "percent": 25}
    ]
    assert body["translations"] == ["ar"] and body["endorsed_by"] == []
    assert {a["id"]: a["kind"] for a in body["actions"]} == {petition.pk: "petition", letter.pk: "letter"}
    assert all(a["signatures"] == 0 for a in body["actions"])

    person = make.sign(petition)
    assert live_count(client, petition) == 0  # pending: not counted
    make.confirm(person.email)
    assert live_count(client, petition) == 1
    assert live_count(client, letter) == 0
    make.signed_and_confirmed(petition)
    assert live_count(client, petition) == 2


@pytest.mark.parametrize("status", [Campaign.Status.PROPOSED, Campaign.Status.REJECTED])
def test_a_hidden_campaign_is_answered_like_a_missing_one(client, status):
    hidden = make.campaign(status=status)
    missing = client.get("/api/campaigns/999999")
    assert missing.status_code == 404
    outsiders = ({}, token_for(factories.UserFactory()), token_for(factories.member(factories.OrganisationFactory(), "admin")))
    for headers in outsiders:
        response = client.get(f"/api/campaigns/{hidden.pk}", **headers)
        assert response.status_code == 404
        assert response.json() == missing.json()
    for insider in (factories.member(hidden.lead, Membership.Role.MEMBER), factories.coordinator()):
        mine = client.get(f"/api/campaigns/{hidden.pk}", **token_for(insider))
        assert mine.status_code == 200 and mine.json()["status"] == status


# --- Signing --------------------------------------------------------------------------------------


def test_signing_is_accepted_and_counts_once_confirmed(client):
    action = make.petition(make.campaign())
    response = sign(client, action, payload(show_name=True, keep_informed=True, language="ar"))
    assert response.status_code == 202, response.content
    assert response.json()["detail"]
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING and signature.governorate.iso_code == "IQ-BA"
    assert signature.language == "ar" and signature.keep_informed and signature.show_name
    assert [m.to for m in mail.outbox] == [["layla@example.org"]]
    assert "/ar/campaigns/confirm/" in mail.outbox[0].body
    assert live_count(client, action) == 0
    make.confirm("layla@example.org")
    assert live_count(client, action) == 1


def test_signing_again_answers_the_same_and_counts_once(client):
    action = make.petition(make.campaign())
    make.signed_and_confirmed(action, make.signer(email="layla@example.org"))
    first = client.post(signatures_url(action), payload(email="x@example.org"), content_type="application/json")
    again = sign(client, action, payload(email="LAYLA@example.org"))
    assert again.status_code == 202 and again.json() == first.json()  # nobody learns who signed
    assert live_count(client, action) == 1
    assert Signature.objects.filter(email__iexact="layla@example.org").count() == 1


@pytest.mark.parametrize(
    "field, overrides",
    [
        ("email", {"email": "not-an-address"}),
        ("email", {"email": "someone@mailinator.com"}),
        ("name", {"name": " "}),
        ("country", {"country": "XX"}),
        ("governorate", {"country": "FR"}),
        ("governorate", {"governorate": "IQ-ZZ"}),
    ],
)
def test_a_bad_signature_is_refused_with_its_field(client, field, overrides):
    action = make.petition(make.campaign())
    response = sign(client, action, payload(**overrides))
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["field"] == field and body["detail"]
    assert not Signature.objects.exists() and mail.outbox == []


def test_a_payload_missing_fields_is_refused(client):
    action = make.petition(make.campaign())
    response = client.post(signatures_url(action), {"name": "Layla"}, content_type="application/json")
    assert response.status_code in (400, 422)
    assert not Signature.objects.exists()


@pytest.mark.parametrize("how", ["closes_at passed", "closed"])
def test_a_closed_action_refuses_signatures(client, how):
    campaign = make.campaign()
    if how == "closed":
        action = make.petition(campaign, status=Action.Status.CLOSED)
    else:
        action = make.petition(campaign, closes_at=timezone.now() - timedelta(minutes=1))
    response = sign(client, action)
    assert response.status_code == 400
    assert "closed" in response.json()["detail"]
    assert not Signature.objects.exists() and mail.outbox == []


def test_actions_of_hidden_or_other_campaigns_are_not_found(client):
    hidden = make.petition(make.campaign(status=Campaign.Status.PROPOSED))
    assert sign(client, hidden).status_code == 404
    action = make.petition(make.campaign())
    other = make.campaign()
    url = f"/api/campaigns/{other.pk}/actions/{action.pk}/signatures"
    assert client.post(url, payload(), content_type="application/json").status_code == 404
    assert not Signature.objects.exists()


def test_too_many_attempts_answer_429(client):
    action = make.petition(make.campaign())
    allowed = int(settings.RATE_LIMITS["sign_email"].split("/")[0])
    for _ in range(allowed):
        assert sign(client, action).status_code == 202
    response = sign(client, action)
    assert response.status_code == 429 and response.json()["detail"]
    assert len(mail.outbox) == allowed


def test_too_many_signatures_from_one_address_answer_429(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign_address": "2/h"}
    action = make.petition(make.campaign())
    for n in range(2):
        assert sign(client, action, payload(email=f"person{n}@example.org"), REMOTE_ADDR="198.51.100.4").status_code == 202
    assert sign(client, action, payload(email="third@example.org"), REMOTE_ADDR="198.51.100.4").status_code == 429
    assert sign(client, action, payload(email="third@example.org"), REMOTE_ADDR="198.51.100.5").status_code == 202
    assert Signature.objects.count() == 3
