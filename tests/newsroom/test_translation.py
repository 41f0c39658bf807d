"""The translation workflow: request, claim, translate side by side, review, read."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core import mail

from tadamun.core.errors import DomainError, PermissionDenied
from tadamun.newsroom import machine, queries, services
from tadamun.newsroom.models import Article, Translator, Version
from tests import factories as base
from tests.newsroom.factories import ArticleFactory, network_editor

pytestmark = pytest.mark.django_db

BODY = "## البصرة\n\nالفقرة الأولى عن المياه.\n\nالفقرة الثانية عن الأهوار."


@pytest.fixture
def article():
    from tadamun.network.models import Membership

    organisation = base.OrganisationFactory()
    editor = base.member(organisation, Membership.Role.EDITOR)
    return ArticleFactory(organisation=organisation, author=editor, original_language="ar", title="مياه البصرة",
                          body=BODY, status=Article.Status.PUBLISHED)


def translator(source="ar", target="en", reviews=False, **kwargs):
    person = base.UserFactory(**kwargs)
    Translator.objects.create(person=person, source_language=source, target_language=target, reviews=reviews)
    return person


def test_the_whole_journey(article, client, django_capture_on_commit_callbacks):
    (version,) = services.request_translations(by=article.author, article=article, languages=["en", "ar"])
    assert version.language == "en" and version.status == Version.Status.REQUESTED
    volunteer = translator(language="en")
    reviewer = translator(target="en", reviews=True)
    assert [v.pk for v in queries.translation_desk(volunteer)["available"]] == [version.pk]
    services.claim_translation(by=volunteer, version=version)
    with pytest.raises(DomainError):
        services.claim_translation(by=translator(), version=version)  # taken already
    services.save_translation(by=volunteer, version=version, title="Basra's water", summary="",
                              paragraphs=["## Basra", "The first paragraph, on water.", ""])
    with pytest.raises(DomainError):
        services.submit_translation(by=volunteer, version=version)  # a paragraph is missing
    services.save_translation(by=volunteer, version=version, title="Basra's water", summary="",
                              paragraphs=["## Basra", "The first paragraph, on water.", "The second, on the marshes."])
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_translation(by=volunteer, version=version)
    assert [m.to for m in mail.outbox] == [[reviewer.email]]
    with pytest.raises(PermissionDenied):
        services.approve_translation(by=translator(target="it", reviews=True), version=version)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_translation(by=reviewer, version=version)
    assert mail.outbox[-1].to == [volunteer.email]

    page = client.get(f"/en/news/{article.slug}/").content.decode()
    assert "Basra&#x27;s water" in page and "The second, on the marshes." in page
    assert "Translated by a volunteer, reviewed" in page
    assert "?original=1" in page
    original = client.get(f"/en/news/{article.slug}/?original=1").content.decode()
    assert "مياه البصرة" in original and "Also available in" in original
    italian = client.get(f"/it/news/{article.slug}/").content.decode()
    assert "مياه البصرة" in italian  # no Italian version: the original


def test_translation_memory_offers_earlier_human_translations(article):
    reviewer = translator(target="en", reviews=True)
    first = services.request_translations(by=article.author, article=article, languages=["en"])[0]
    volunteer = translator()
    services.claim_translation(by=volunteer, version=first)
    services.save_translation(by=volunteer, version=first, title="T", summary="",
                              paragraphs=["## Basra", "On water.", "On the marshes."])
    services.submit_translation(by=volunteer, version=first)
    services.approve_translation(by=reviewer, version=first)
    other = ArticleFactory(organisation=article.organisation, author=article.author, original_language="ar",
                           body="الفقرة الثانية عن الأهوار.\n\nفقرة جديدة.", status=Article.Status.PUBLISHED)
    second = services.request_translations(by=article.author, article=other, languages=["en"])[0]
    assert queries.memory_for(second) == {"الفقرة الثانية عن الأهوار.": "On the marshes."}


def test_only_translators_of_the_pair_claim_and_only_the_translator_saves(article):
    version = services.request_translations(by=article.author, article=article, languages=["en"])[0]
    with pytest.raises(PermissionDenied):
        services.claim_translation(by=translator(source="en", target="ar"), version=version)
    volunteer = translator()
    services.claim_translation(by=volunteer, version=version)
    with pytest.raises(PermissionDenied):
        services.save_translation(by=translator(), version=version, title="x", summary="", paragraphs=["x"])


def test_only_editors_ask_for_translations_of_published_articles(article):
    with pytest.raises(PermissionDenied):
        services.request_translations(by=base.UserFactory(), article=article, languages=["en"])
    draft = ArticleFactory(organisation=article.organisation, author=article.author)
    with pytest.raises(DomainError):
        services.request_translations(by=article.author, article=draft, languages=["en"])


def test_a_failed_submit_keeps_what_the_translator_typed(article, client):
    version = services.request_translations(by=article.author, article=article, languages=["en"])[0]
    volunteer = translator()
    services.claim_translation(by=volunteer, version=version)
    client.force_login(volunteer)
    response = client.post(f"/en/news/translations/{version.pk}/", {
        "action": "submit", "title": "", "summary": "", "paragraph_0": "## Basra", "paragraph_1": "Typed with care.",
        "paragraph_2": "",
    })
    assert response.status_code == 400
    assert "Typed with care." in response.content.decode()
    version.refresh_from_db()
    assert "Typed with care." in version.body and version.status == Version.Status.IN_PROGRESS


def test_others_do_not_see_a_translation_in_the_works(article, client):
    version = services.request_translations(by=article.author, article=article, languages=["en"])[0]
    client.force_login(base.UserFactory())
    assert client.get(f"/en/news/translations/{version.pk}/").status_code == 404
    client.force_login(network_editor())
    assert client.get(f"/en/news/translations/{version.pk}/").status_code == 200


class _LibreTranslate(BaseHTTPRequestHandler):
    """Speaks LibreTranslate's POST /translate: upper-cases the texts, tagged with the target."""

    received: list[dict] = []

    def do_POST(self):
        payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _LibreTranslate.received.append(payload)
        if self.path != "/translate" or payload.get("api_key") != "secret":
            self.send_response(403)
            self.end_headers()
            return
        body = json.dumps({"translatedText": [f"[{payload['target']}] {text.upper()}" for text in payload["q"]]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def libretranslate():
    server = HTTPServer(("127.0.0.1", 0), _LibreTranslate)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_machine_translation_is_off_by_default(settings):
    assert machine.backend() is None


def test_libretranslate_prefills_a_machine_draft(article, settings, libretranslate, django_capture_on_commit_callbacks):
    settings.MACHINE_TRANSLATION_BACKEND = "libretranslate"
    settings.LIBRETRANSLATE_URL = libretranslate
    settings.LIBRETRANSLATE_API_KEY = "secret"
    settings.LIBRETRANSLATE_LANGUAGES = {"kmr": "ku"}
    with django_capture_on_commit_callbacks(execute=True):
        versions = services.request_translations(by=article.author, article=article, languages=["en", "kmr"])
    english = Version.objects.get(pk=versions[0].pk)
    assert english.origin == Version.Origin.MACHINE and english.title == "[en] مياه البصرة"
    assert english.body.split("\n\n")[2] == "[en] الفقرة الثانية عن الأهوار."
    assert english.status == Version.Status.REQUESTED  # a person still translates and a reviewer checks
    assert {p["target"] for p in _LibreTranslate.received} >= {"en", "ku"}


def test_a_broken_translation_server_leaves_the_request_for_people(article, settings, django_capture_on_commit_callbacks):
    settings.MACHINE_TRANSLATION_BACKEND = "libretranslate"
    settings.LIBRETRANSLATE_URL = "http://127.0.0.1:9"  # nothing listens there
    with django_capture_on_commit_callbacks(execute=True):
        (version,) = services.request_translations(by=article.author, article=article, languages=["en"])
    version.refresh_from_db()
    assert version.body == "" and version.origin == Version.Origin.HUMAN


def test_translators_work_through_the_api(article, client):
    from tadamun.accounts.services import create_api_token

    volunteer = translator()
    _t, raw = create_api_token(by=volunteer, name="cat tool")
    _t, editor_raw = create_api_token(by=article.author, name="editor")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    requested = client.post(f"/api/articles/{article.pk}/translations", {"languages": ["en"]},
                            content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {editor_raw}")
    assert requested.status_code == 201, requested.content
    version_id = requested.json()[0]["id"]
    assert client.post(f"/api/translations/{version_id}/claim", **auth).json()["status"] == "in_progress"
    saved = client.put(f"/api/translations/{version_id}", {"title": "Water", "paragraphs": ["## Basra", "One.", "Two."]},
                       content_type="application/json", **auth)
    assert saved.status_code == 200 and saved.json()["paragraphs"] == ["## Basra", "One.", "Two."]
    assert client.post(f"/api/translations/{version_id}/submit", **auth).json()["status"] == "submitted"
    detail = client.get(f"/api/articles/{article.pk}").json()
    assert {"language": "en", "status": "submitted", "label": None} in detail["versions"]
    outsider = create_api_token(by=base.UserFactory(), name="x")[1]
    assert client.post(f"/api/translations/{version_id}/claim", HTTP_AUTHORIZATION=f"Bearer {outsider}").status_code == 404
