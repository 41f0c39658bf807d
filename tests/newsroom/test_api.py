"""The newsroom's API: the page's filters and rules; drafts stay hidden; writes need a token."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from tadamun.accounts.services import create_api_token
from tadamun.network.models import Membership
from tadamun.newsroom import services
from tadamun.newsroom.models import Article
from tests import factories
from tests.newsroom.factories import ArticleFactory, network_editor

pytestmark = pytest.mark.django_db


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def token_for(user):
    _token, raw = create_api_token(by=user, name="script")
    return bearer(raw)


def published(**kwargs):
    return ArticleFactory(status=Article.Status.PUBLISHED, **kwargs)


@pytest.fixture
def editor(organisation):
    return factories.member(organisation, Membership.Role.EDITOR)


def payload(organisation, **overrides):
    values = {
        "organisation": organisation.slug,
        "title": "Clean water for Basra",
        "body": "The river is salty again.\n\nWe asked for **help**.",
        "kind": "news",
        "original_language": "en",
        "summary": "A summer without drinking water.",
        "pathways": ["heritage-environment"],
        "governorates": ["IQ-BA"],
    }
    values.update(overrides)
    return values


def post(client, url, data=None, **extra):
    return client.post(url, data or {}, content_type="application/json", **extra)


# --- Reading -------------------------------------------------------------------------


def test_the_schema_lists_the_articles(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/articles" in paths and "/api/articles/{article_id}" in paths
    assert "/api/articles/{article_id}/submit" in paths


def test_list_filters_combine_and_count(client):
    basra = factories.OrganisationFactory(slug="basra-women")
    published(organisation=basra, title="Water in Basra", pathways=["women"], governorates=["IQ-BA"])
    published(organisation=basra, title="Elections", kind=Article.Kind.REPORT, pathways=["democracy"], governorates=["IQ-BA"])
    published(organisation=basra, title="الماء في البصرة", original_language="ar", pathways=["women"], governorates=["IQ-BA"])
    published(title="Water in Erbil", pathways=["women"], governorates=["IQ-AR"])
    ArticleFactory(organisation=basra, title="Water draft", pathways=["women"], governorates=["IQ-BA"])

    everything = client.get("/api/articles").json()
    assert everything["count"] == 4 and everything["page"] == 1 and everything["page_size"] == 20

    body = client.get(
        "/api/articles", {"organisation": "basra-women", "pathway": "women", "governorate": "IQ-BA", "language": "en"}
    ).json()
    assert body["count"] == 1 and [a["title"] for a in body["items"]] == ["Water in Basra"]
    item = body["items"][0]
    assert item["organisation"]["slug"] == "basra-women" and item["pathways"] == ["women"]
    assert item["url"].startswith("http://testserver/") and item["url"].endswith(f"/news/{item['slug']}/")
    assert item["cover"] is None and item["published_at"]
    assert set(item) == {
        "id", "slug", "title", "summary", "kind", "original_language", "organisation", "pathways",
        "published_at", "url", "cover",
    }

    assert client.get("/api/articles", {"kind": "report"}).json()["count"] == 1
    assert client.get("/api/articles", {"q": "water", "governorate": "IQ-AR"}).json()["count"] == 1
    assert client.get("/api/articles", {"q": "water"}).json()["count"] == 2
    assert client.get("/api/articles", {"language": "ar"}).json()["count"] == 1


def test_list_paginates(client):
    for _ in range(7):
        published()
    body = client.get("/api/articles", {"page": 2, "page_size": 5}).json()
    assert body["count"] == 7 and len(body["items"]) == 2 and body["page"] == 2
    assert client.get("/api/articles", {"page": 9}).json()["items"] == []
    assert client.get("/api/articles", {"page_size": 101}).status_code == 400
    assert client.get("/api/articles", {"page_size": 0}).status_code == 400
    assert client.get("/api/articles", {"page": 0}).status_code == 400


def test_bad_filters_are_refused_with_a_clear_message(client):
    response = client.get("/api/articles", {"governorate": "IQ-ZZ", "kind": "gossip"})
    assert response.status_code == 400
    body = response.json()
    assert body["detail"]
    assert "Unknown governorate code: IQ-ZZ" in body["errors"]["governorate"][0]
    assert "gossip" in body["errors"]["kind"][0]
    assert client.get("/api/articles", {"pathway": "nowhere"}).status_code == 400
    assert client.get("/api/articles", {"q": "x" * 101}).status_code == 400
    with override_settings(LANGUAGE_CODE="en"):
        arabic = client.get("/api/articles", {"governorate": "IQ-ZZ"}, HTTP_ACCEPT_LANGUAGE="ar")
    assert "IQ-ZZ" in arabic.json()["errors"]["governorate"][0]


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/api/articles", {"page_size": 100})
    assert response.status_code == 200
    return len(captured)


def test_the_list_runs_the_same_queries_for_3_or_30_articles(client):
    for i in range(3):
        published(pathways=["women", "youth"], governorates=["IQ-BA"], title=f"First {i}")
    few = _list_queries(client)
    for i in range(27):
        published(pathways=["democracy"], governorates=["IQ-NI"], title=f"More {i}")
    assert client.get("/api/articles").json()["count"] == 30
    assert _list_queries(client) == few


def test_an_article_in_detail(client, organisation):
    article = published(organisation=organisation, pathways=["women"], governorates=["IQ-NI", "IQ-BA"])
    body = client.get(f"/api/articles/{article.pk}").json()
    assert body["id"] == article.pk and body["status"] == "published"
    assert body["body"] == article.body and "<h2>" in body["body_html"]
    assert body["governorates"] == ["IQ-BA", "IQ-NI"] and body["pathways"] == ["women"]
    assert body["attachments"] == []
    assert body["versions"] == [{"language": "en", "status": "original", "label": None}]
    assert body["organisation"] == {"id": organisation.pk, "slug": organisation.slug, "name": organisation.name}


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.SUBMITTED])
def test_unpublished_articles_are_hidden_like_missing_ones(client, organisation, status):
    author = factories.member(organisation, Membership.Role.EDITOR)
    hidden = ArticleFactory(organisation=organisation, author=author, status=status, title="Secret plan")
    outsider = factories.member(factories.OrganisationFactory(), Membership.Role.EDITOR)
    plain_member = factories.member(organisation)

    assert client.get("/api/articles").json()["count"] == 0
    assert client.get("/api/articles", {"q": "secret"}, **token_for(author)).json()["count"] == 0

    missing = client.get("/api/articles/999999")
    assert missing.status_code == 404
    for headers in ({}, token_for(outsider), token_for(plain_member)):
        response = client.get(f"/api/articles/{hidden.pk}", **headers)
        assert response.status_code == 404
        assert response.json() == missing.json()

    mine = client.get(f"/api/articles/{hidden.pk}", **token_for(author))
    assert mine.status_code == 200 and mine.json()["status"] == status
    colleague = factories.member(organisation, Membership.Role.EDITOR)
    assert client.get(f"/api/articles/{hidden.pk}", **token_for(colleague)).status_code == 200


def test_a_wrong_token_is_refused_even_for_reads(client):
    assert client.get("/api/articles", **bearer("tdm_wrong")).status_code == 401


# --- Writing -------------------------------------------------------------------------


def test_writing_needs_a_token(client, organisation):
    response = post(client, "/api/articles", payload(organisation))
    assert response.status_code == 401
    assert not Article.objects.exists()


def test_an_editor_writes_a_draft(client, organisation, editor):
    response = post(client, "/api/articles", payload(organisation), **token_for(editor))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft" and body["title"] == "Clean water for Basra"
    assert body["pathways"] == ["heritage-environment"] and body["governorates"] == ["IQ-BA"]
    assert "<strong>help</strong>" in body["body_html"]
    article = Article.objects.get()
    assert article.pk == body["id"] and article.author == editor and article.organisation == organisation
    assert client.get("/api/articles").json()["count"] == 0


def test_a_plain_member_cannot_write(client, organisation):
    member = factories.member(organisation)
    response = post(client, "/api/articles", payload(organisation), **token_for(member))
    assert response.status_code == 403 and response.json()["detail"]
    assert not Article.objects.exists()


def test_an_editor_of_another_organisation_cannot_write_for_this_one(client, organisation):
    other = factories.member(factories.OrganisationFactory(), Membership.Role.EDITOR)
    response = post(client, "/api/articles", payload(organisation), **token_for(other))
    assert response.status_code == 403
    assert not Article.objects.exists()


def test_an_empty_title_is_refused_naming_the_field(client, organisation, editor):
    response = post(client, "/api/articles", payload(organisation, title="   "), **token_for(editor))
    assert response.status_code == 400
    assert "title" in response.json()["errors"]
    bad = post(client, "/api/articles", payload(organisation, governorates=["IQ-ZZ"], kind="gossip"), **token_for(editor))
    assert bad.status_code == 400 and {"governorates", "kind"} <= set(bad.json()["errors"])
    assert not Article.objects.exists()


# --- Submitting ----------------------------------------------------------------------


def test_the_author_submits_a_draft(client, organisation, editor):
    headers = token_for(editor)
    created = post(client, "/api/articles", payload(organisation), **headers).json()
    response = post(client, f"/api/articles/{created['id']}/submit", **headers)
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "submitted"
    assert Article.objects.get().status == Article.Status.SUBMITTED
    assert client.get(f"/api/articles/{created['id']}").status_code == 404
    again = post(client, f"/api/articles/{created['id']}/submit", **headers)
    assert again.status_code == 400


def test_a_trusted_organisation_publishes_at_once(client):
    trusted = factories.OrganisationFactory(is_trusted=True)
    author = factories.member(trusted, Membership.Role.EDITOR)
    headers = token_for(author)
    created = post(client, "/api/articles", payload(trusted), **headers).json()
    response = post(client, f"/api/articles/{created['id']}/submit", **headers)
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "published" and response.json()["published_at"]
    assert client.get(f"/api/articles/{created['id']}").status_code == 200
    assert client.get("/api/articles").json()["count"] == 1


def test_submitting_needs_a_token_and_the_right_person(client, organisation, editor):
    draft = ArticleFactory(organisation=organisation, author=editor)
    assert post(client, f"/api/articles/{draft.pk}/submit").status_code == 401
    outsider = factories.member(factories.OrganisationFactory(), Membership.Role.EDITOR)
    assert post(client, f"/api/articles/{draft.pk}/submit", **token_for(outsider)).status_code == 404
    assert post(client, "/api/articles/999999/submit", **token_for(editor)).status_code == 404
    # A network editor may read the draft but only its organisation submits it.
    reviewer = network_editor()
    refused = post(client, f"/api/articles/{draft.pk}/submit", **token_for(reviewer))
    assert refused.status_code == 403 and refused.json()["detail"]
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_attachments_and_cover_are_absolute_addresses(client, organisation, editor):
    article = ArticleFactory(organisation=organisation, author=editor)
    pdf = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    services.attach_pdf(by=editor, article=article, upload=pdf, title="Full report")
    Article.objects.filter(pk=article.pk).update(cover="covers/basra.jpg")
    body = client.get(f"/api/articles/{article.pk}", **token_for(editor)).json()
    [attachment] = body["attachments"]
    assert attachment["title"] == "Full report" and attachment["size"] == 15
    assert attachment["url"].startswith("http://testserver/") and f"/news/{article.slug}/files/" in attachment["url"]
    assert body["cover"].startswith("http://testserver/") and body["cover"].endswith("covers/basra.jpg")
