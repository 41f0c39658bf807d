"""The API: same filters and rules as the pages; writes need a personal token."""

import pytest
from django.test.utils import override_settings

from tadamun.accounts.services import create_api_token, revoke_api_token
from tadamun.network.models import Membership, Organisation
from tests import factories

pytestmark = pytest.mark.django_db


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_health(client):
    response = client.get("/api/health")
    assert response.status_code == 200 and response.json()["database"] == "ok"


def test_health_says_503_when_the_database_is_unreachable(client, monkeypatch):
    from django.db import connection

    def broken(*args, **kwargs):
        raise connection.Database.OperationalError("down")

    monkeypatch.setattr(connection, "cursor", broken)
    assert client.get("/api/health").status_code == 503


def test_openapi_schema_and_docs(client):
    schema = client.get("/api/openapi.json").json()
    assert "/api/organisations" in schema["paths"] and "/api/governorates" in schema["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert b"cdn" not in docs.content.lower()


def test_list_filters_like_the_directory(client):
    factories.OrganisationFactory(name="Basra Women", governorates=["IQ-BA"], pathways=["women"])
    factories.OrganisationFactory(name="Erbil Women", governorates=["IQ-AR"], pathways=["women"])
    factories.OrganisationFactory(name="Pending Women", governorates=["IQ-BA"], status=Organisation.Status.PENDING)
    body = client.get("/api/organisations", {"governorate": "IQ-BA"}).json()
    assert body["count"] == 1 and [o["name"] for o in body["items"]] == ["Basra Women"]
    assert body["items"][0]["governorates"] == ["IQ-BA"]
    assert client.get("/api/organisations", {"pathway": "women", "q": "erbil"}).json()["count"] == 1


def test_list_paginates(client):
    for i in range(7):
        factories.OrganisationFactory(name=f"Group {i}")
    body = client.get("/api/organisations", {"page": 2, "page_size": 5}).json()
    assert body["count"] == 7 and len(body["items"]) == 2 and body["page"] == 2
    assert client.get("/api/organisations", {"page_size": 500}).status_code == 400


def test_bad_filters_are_refused_with_a_clear_message(client):
    response = client.get("/api/organisations", {"governorate": "IQ-ZZ"})
    assert response.status_code == 400
    assert "Unknown governorate code: IQ-ZZ" in response.json()["errors"]["governorate"][0]
    with override_settings(LANGUAGE_CODE="en"):
        arabic = client.get("/api/organisations", {"governorate": "IQ-ZZ"}, HTTP_ACCEPT_LANGUAGE="ar")
    assert "IQ-ZZ" in arabic.json()["errors"]["governorate"][0]


def test_governorates_with_counts(client):
    factories.OrganisationFactory(governorates=["IQ-NI"])
    rows = client.get("/api/governorates").json()
    assert len(rows) == 18
    nineveh = next(r for r in rows if r["iso_code"] == "IQ-NI")
    assert nineveh["organisations"] == 1 and nineveh["names"]["ar"]
    assert sum(r["kurdistan_region"] for r in rows) == 3


def test_pathways(client):
    rows = client.get("/api/pathways", HTTP_ACCEPT_LANGUAGE="en").json()
    assert [r["number"] for r in rows] == list(range(1, 10))


def test_a_private_application_is_a_404(client):
    pending = factories.OrganisationFactory(status=Organisation.Status.PENDING)
    assert client.get(f"/api/organisations/{pending.pk}").status_code == 404
    assert client.get("/api/organisations/999999").status_code == 404


def test_members_see_members_only_contacts_with_their_token(client, organisation):
    canaries = factories.add_contacts(organisation)
    person = factories.member(factories.OrganisationFactory())
    _token, raw = create_api_token(by=person, name="script")
    anonymous = client.get(f"/api/organisations/{organisation.pk}").json()
    as_member = client.get(f"/api/organisations/{organisation.pk}", **bearer(raw)).json()
    assert [c["value"] for c in anonymous["contacts"]] == [canaries["public"]]
    assert {c["value"] for c in as_member["contacts"]} == {canaries["public"], canaries["members"]}


def test_a_wrong_or_revoked_token_is_refused(client, person):
    assert client.get("/api/organisations", **bearer("tdm_wrong")).status_code == 401
    token, raw = create_api_token(by=person, name="old")
    assert client.get("/api/organisations", **bearer(raw)).status_code == 200
    revoke_api_token(by=person, token_id=token.pk)
    assert client.get("/api/organisations", **bearer(raw)).status_code == 401


def test_writes_need_a_token(client):
    response = client.post("/api/organisations", {"name": "X", "kind": "ngo"}, content_type="application/json")
    assert response.status_code == 401


def test_apply_through_the_api(client, person):
    _token, raw = create_api_token(by=person, name="app")
    payload = {"name": "Kirkuk Dialogue Forum", "kind": "ngo", "country": "IQ", "original_language": "ar",
               "governorates": ["IQ-KI"], "pathways": ["peacebuilding"], "names": {"en": "Kirkuk Dialogue"}}
    response = client.post("/api/organisations", payload, content_type="application/json", **bearer(raw))
    assert response.status_code == 201, response.content
    assert response.json()["governorates"] == ["IQ-KI"]
    assert Organisation.objects.get(name="Kirkuk Dialogue Forum").status == "pending"
    again = client.post("/api/organisations", payload, content_type="application/json", **bearer(raw))
    assert again.status_code == 400 and again.json()["field"] == "name"
    bad = client.post("/api/organisations", {**payload, "name": "Other", "governorates": ["IQ-00"]}, content_type="application/json", **bearer(raw))
    assert bad.status_code == 400 and "governorates" in bad.json()["errors"]


def test_only_admins_patch_a_profile(client, organisation):
    admin = factories.member(organisation, Membership.Role.ADMIN)
    editor = factories.member(organisation, Membership.Role.EDITOR)
    _t, admin_raw = create_api_token(by=admin, name="a")
    _t, editor_raw = create_api_token(by=editor, name="e")
    url = f"/api/organisations/{organisation.pk}"
    refused = client.patch(url, {"description": "Edited"}, content_type="application/json", **bearer(editor_raw))
    assert refused.status_code == 403
    done = client.patch(url, {"description": "Edited", "pathways": ["democracy"]}, content_type="application/json", **bearer(admin_raw))
    assert done.status_code == 200, done.content
    organisation.refresh_from_db()
    assert organisation.description == "Edited" and [p.slug for p in organisation.pathways.all()] == ["democracy"]
    assert organisation.name.startswith("Civil Society Group")
