"""The international wire, against real feed files served on loopback."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.test import override_settings

from tadamun.core import fetch
from tadamun.newsroom import services
from tadamun.newsroom.models import Article, FeedSource, WireItem
from tests import factories as base

pytestmark = pytest.mark.django_db
FEEDS = Path(__file__).parent / "feeds"


class FeedServer(BaseHTTPRequestHandler):
    hits: list[tuple[str, str]] = []

    def do_GET(self):
        FeedServer.hits.append((self.path, self.headers.get("If-None-Match", "")))
        if self.path == "/rss.xml":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            self._send((FEEDS / "rss.xml").read_bytes(), etag='"v1"')
        elif self.path in ("/atom.xml", "/laughs.xml", "/broken.xml"):
            self._send((FEEDS / self.path[1:]).read_bytes())
        elif self.path == "/moved.xml":
            self._redirect("/atom.xml")
        elif self.path == "/loop.xml":
            self._redirect("/loop.xml")
        elif self.path == "/huge.xml":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            try:
                chunk = b"<!-- " + b"x" * 65536 + b" -->"
                for _ in range(50 * 16):  # 50 MB, no Content-Length
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/slow.xml":
            time.sleep(3)
            self._send((FEEDS / "rss.xml").read_bytes())
        else:
            self.send_response(404)
            self.end_headers()

    def _send(self, body, etag=""):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FeedServer)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    FeedServer.hits = []
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture(autouse=True)
def loopback_allowed(settings):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True  # the test server is on loopback
    settings.FETCH_TIMEOUT_SECONDS = 1
    settings.FETCH_MAX_BYTES = 1024 * 1024


def source(url, **kwargs):
    return FeedSource.objects.create(name=url.rsplit("/", 1)[-1], url=url, **kwargs)


def test_rss_and_atom_items_are_kept_once(server):
    rss, atom = source(f"{server}/rss.xml"), source(f"{server}/atom.xml", language="it")
    assert services.fetch_wire() == {"sources": 2, "new_items": 4}
    basra = WireItem.objects.get(title="Delegation visits Basra water activists")
    assert basra.summary == "A delegation met water activists in Basra.alert(1)"  # plain text, tags gone
    assert basra.url == "https://peace.example.org/news/basra-delegation"
    assert basra.published_at.isoformat().startswith("2026-11-16T09:30")
    assert WireItem.objects.get(guid="urn:item:103").url == ""  # a javascript: link is dropped
    assert WireItem.objects.filter(source=atom).get().title == "Campagna per le paludi mesopotamiche"
    rss.refresh_from_db()
    assert rss.etag == '"v1"' and rss.last_error == ""
    # The second round asks with the ETag, gets "not modified", and duplicates nothing.
    assert services.fetch_wire()["new_items"] == 0
    assert ("/rss.xml", '"v1"') in FeedServer.hits
    assert WireItem.objects.count() == 4


@pytest.mark.parametrize(
    "path, error",
    [
        ("/missing.xml", "HTTP 404"),
        ("/broken.xml", "not a valid feed"),
        ("/laughs.xml", "not a valid feed"),
        ("/loop.xml", "too many redirects"),
        ("/huge.xml", "too large"),
        ("/slow.xml", "cannot fetch"),
    ],
)
def test_a_bad_feed_is_recorded_on_its_source_and_the_others_go_on(server, path, error):
    bad = source(f"{server}{path}")
    good = source(f"{server}/atom.xml")
    started = time.monotonic()
    counts = services.fetch_wire()
    assert time.monotonic() - started < 15
    assert counts["new_items"] == 1
    bad.refresh_from_db()
    assert error in bad.last_error and bad.failures == 1
    assert WireItem.objects.filter(source=good).count() == 1
    assert not WireItem.objects.filter(source=bad).exists()


def test_redirects_are_followed_and_checked(server):
    moved = source(f"{server}/moved.xml")
    services.fetch_source(moved)
    assert WireItem.objects.filter(source=moved).count() == 1


def test_private_addresses_are_refused_unless_the_operator_allows_them(server):
    with override_settings(FETCH_ALLOW_PRIVATE_ADDRESSES=False):
        with pytest.raises(fetch.FetchError, match="private"):
            fetch.fetch(f"{server}/rss.xml")
        with pytest.raises(fetch.FetchError, match="http"):
            fetch.fetch("file:///etc/passwd")


def test_the_worker_task_fetches_and_reschedules(server):
    from tadamun.newsroom.tasks import fetch_wire

    source(f"{server}/atom.xml")
    fetch_wire.call()
    assert WireItem.objects.count() == 1


def test_an_editor_shares_a_wire_item_with_attribution(server, client):
    from tadamun.network.models import Membership

    services.fetch_source(source(f"{server}/rss.xml"))
    organisation = base.OrganisationFactory()
    editor = base.member(organisation, Membership.Role.EDITOR)
    item = WireItem.objects.get(guid="https://peace.example.org/?p=102")
    client.force_login(base.UserFactory())
    assert client.get("/en/news/wire/").status_code == 404  # the wire is for editors
    client.force_login(editor)
    page = client.get("/en/news/wire/").content.decode()
    assert "Report: journalists&#x27; safety in 2026" in page
    response = client.post(f"/en/news/wire/{item.pk}/share/", {"organisation": organisation.slug})
    article = Article.objects.get(source_url=item.url)
    assert response.status_code == 302 and article.status == Article.Status.DRAFT
    assert article.organisation == organisation and article.source_name == "rss.xml"
    item.refresh_from_db()
    assert item.shared_as == article
    outsider_org = base.OrganisationFactory()
    assert client.post(f"/en/news/wire/{item.pk}/share/", {"organisation": outsider_org.slug}).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_wire_keeps_its_schedule_in_the_database_queue():
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}):
        call_command("schedule")
        call_command("schedule")  # twice: still one waiting
    assert DBTaskResult.objects.filter(task_path="tadamun.newsroom.tasks.fetch_wire", status="READY").count() == 1


def test_the_wire_is_searched_with_spellings_folded(server):
    from tadamun.newsroom.queries import wire_items

    services.fetch_source(source(f"{server}/rss.xml"))
    services.fetch_source(source(f"{server}/atom.xml", language="it"))
    assert [i.title for i in wire_items(q="JOURNALISTS")] == ["Report: journalists' safety in 2026"]
    assert [i.title for i in wire_items(q="paludi")] == ["Campagna per le paludi mesopotamiche"]
    assert [i.title for i in wire_items(q="ba")] == ["Delegation visits Basra water activists"]  # short: a scan
