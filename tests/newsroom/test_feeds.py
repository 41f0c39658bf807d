"""RSS 2.0, Atom and JSON Feed of the published articles, as a feed reader sees them."""

import json
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from tadamun.newsroom.models import Article
from tests import factories
from tests.newsroom.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ATOM = {"a": "http://www.w3.org/2005/Atom"}
SCRIPT_BODY = "## Alert\n\n<script>alert('feed')</script>\n\n<img src=x onerror=alert(1)>\n\nAnd the rest."


def published(days_ago=0, **kwargs):
    return ArticleFactory(status=Article.Status.PUBLISHED, published_at=timezone.now() - timedelta(days=days_ago), **kwargs)


def rss(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, [(item.findtext("title"), item.findtext("link")) for item in channel.findall("item")]


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = [
        (entry.findtext("a:title", namespaces=ATOM), entry.find("a:link", ATOM).get("href"))
        for entry in feed.findall("a:entry", ATOM)
    ]
    return feed, entries


def json_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/feed+json")
    return json.loads(response.content)


def link(article, language="en"):
    return f"http://testserver/{language}/news/{article.slug}/"


@pytest.fixture
def articles(db):
    org = factories.OrganisationFactory(name="Basra Water Defenders")
    newest = published(0, organisation=org, title="Newest: the river is back", pathways=["heritage-environment"])
    middle = published(2, organisation=org, title="Middle: a union is born", pathways=["economic-social-rights"])
    oldest = published(5, organisation=org, title="Oldest: schools open", pathways=["youth"])
    ArticleFactory(organisation=org, title="Draft: not for readers")
    ArticleFactory(organisation=org, title="Submitted: not for readers either", status=Article.Status.SUBMITTED)
    return [newest, middle, oldest]


def test_rss_lists_published_articles_newest_first(client, articles):
    channel, items = rss(client, "/en/news/feed.rss")
    assert channel.findtext("title") and channel.findtext("link").startswith("http://testserver/en/news/")
    assert items == [(a.title, link(a)) for a in articles]
    item = channel.find("item")
    assert item.findtext("pubDate") and item.findtext("guid") == f"tadamun-article-{articles[0].pk}"
    assert item.findtext("category") == "News"
    assert item.findtext("description") == articles[0].summary


def test_atom_lists_published_articles_newest_first(client, articles):
    feed, entries = atom(client, "/en/news/feed.atom")
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert entries == [(a.title, link(a)) for a in articles]
    entry = feed.find("a:entry", ATOM)
    assert entry.findtext("a:author/a:name", namespaces=ATOM) == "Basra Water Defenders"
    assert entry.findtext("a:published", namespaces=ATOM) or entry.findtext("a:updated", namespaces=ATOM)


def test_json_feed(client, articles):
    feed = json_feed(client, "/en/news/feed.json")
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["home_page_url"].startswith("http://testserver/")
    assert feed["feed_url"] == "http://testserver/en/news/feed.json"
    assert [item["title"] for item in feed["items"]] == [a.title for a in articles]
    for item, article in zip(feed["items"], articles, strict=True):
        assert item["id"] == f"tadamun-article-{article.pk}"
        assert item["url"] == link(article)
        assert item["content_html"] == article.body_html and "<h2>" in item["content_html"]
        assert item["language"] == "en" and item["authors"][0]["name"] == "Basra Water Defenders"
        assert item["date_published"].startswith(str(timezone.localtime(article.published_at).date())[:4])


def test_no_drafts_in_any_feed(client, articles):
    for url in ("/en/news/feed.rss", "/en/news/feed.atom", "/en/news/feed.json",
                f"/en/news/organisation/{articles[0].organisation.slug}.rss"):
        text = client.get(url).content.decode()
        assert "not for readers" not in text, url


def test_per_language_feeds(client):
    english = published(0, title="English article", original_language="en")
    arabic = published(1, title="مقال بالعربية", original_language="ar")
    kurdish = published(2, title="وتارێکی کوردی", original_language="ckb")
    _, items = rss(client, "/en/news/feed.rss")
    assert items == [(english.title, link(english))]
    _, items = rss(client, "/ar/news/feed.rss")
    assert items == [(arabic.title, link(arabic, "ar"))]
    _, entries = atom(client, "/ckb/news/feed.atom")
    assert entries == [(kurdish.title, link(kurdish, "ckb"))]
    feed = json_feed(client, "/ar/news/feed.json")
    assert [item["title"] for item in feed["items"]] == [arabic.title] and feed["language"] == "ar"
    # The scoped address names the language explicitly, whatever the interface's language.
    _, items = rss(client, "/en/news/language/ar.rss")
    assert [title for title, _ in items] == [arabic.title]
    # Arabic text comes through unharmed.
    assert "مقال بالعربية" in client.get("/ar/news/feed.json").content.decode()


def test_per_pathway_feeds(client):
    women = published(0, title="For women", pathways=["women"])
    both = published(1, title="For women and youth", pathways=["women", "youth"])
    published(2, title="For youth only", pathways=["youth"])
    ArticleFactory(title="Draft for women", pathways=["women"])
    _, items = rss(client, "/en/news/pathway/women.rss")
    assert items == [(women.title, link(women)), (both.title, link(both))]
    _, entries = atom(client, "/en/news/pathway/women.atom")
    assert [title for title, _ in entries] == [women.title, both.title]
    feed = json_feed(client, "/en/news/pathway/women.json")
    assert [item["title"] for item in feed["items"]] == [women.title, both.title]
    assert feed["home_page_url"] == "http://testserver/en/pathways/women/"


def test_per_organisation_feeds(client):
    ours = factories.OrganisationFactory(name="Our Group")
    theirs = factories.OrganisationFactory(name="Their Group")
    first = published(0, organisation=ours, title="Ours, newest")
    second = published(3, organisation=ours, title="Ours, older", original_language="ar")
    published(1, organisation=theirs, title="Theirs")
    channel, items = rss(client, f"/en/news/organisation/{ours.slug}.rss")
    # All of the organisation's languages, not only the interface's.
    assert items == [(first.title, link(first)), (second.title, link(second))]
    assert "Our Group" in channel.findtext("title")
    _, entries = atom(client, f"/en/news/organisation/{ours.slug}.atom")
    assert [title for title, _ in entries] == [first.title, second.title]
    feed = json_feed(client, f"/en/news/organisation/{ours.slug}.json")
    assert [item["title"] for item in feed["items"]] == [first.title, second.title]


def test_unknown_scopes_are_404(client):
    pending = factories.OrganisationFactory(status="pending")
    published(organisation=pending, title="Of a pending group")
    for url in (
        "/en/news/organisation/no-such-group.rss", "/en/news/organisation/no-such-group.atom",
        "/en/news/organisation/no-such-group.json", f"/en/news/organisation/{pending.slug}.rss",
        "/en/news/pathway/no-such-pathway.rss", "/en/news/pathway/no-such-pathway.atom",
        "/en/news/pathway/no-such-pathway.json", "/en/news/spaceship/anything.rss", "/en/news/spaceship/anything.json",
    ):
        assert client.get(url).status_code == 404, url


def test_a_script_in_the_body_is_never_unescaped(client):
    org = factories.OrganisationFactory()
    published(0, organisation=org, title="With a summary", body=SCRIPT_BODY, pathways=["women"])
    without = published(1, organisation=org, title="Without a summary", summary="", body=SCRIPT_BODY, pathways=["women"])
    assert "&lt;script&gt;" in without.body_html  # kept as text by the Markdown renderer
    urls = [f"/en/news/{scope}.{ext}" for scope in ("feed", "pathway/women", f"organisation/{org.slug}")
            for ext in ("rss", "atom", "json")]
    for url in urls:
        raw = client.get(url).content.decode()
        assert "With a summary" in raw and "Without a summary" in raw, url
        if url.endswith(".json"):
            for item in json.loads(raw)["items"]:
                assert "<script" not in item["content_html"] and "<img" not in item["content_html"], url
                # `summary` is plain text by the JSON Feed spec: the words stay words, and
                # readers must escape it; the HTML field carries them escaped.
        else:
            assert "<script" not in raw.lower() and "<img" not in raw.lower(), url
            root = ET.fromstring(raw)
            for element in root.iter():
                # Once the XML is read, the text may hold HTML for the reader: it must be escaped HTML.
                assert "<script" not in (element.text or ""), (url, element.tag)
                assert "<img" not in (element.text or ""), (url, element.tag)


def test_json_summary_is_plain_text(client):
    published(title="Rights & peace", summary="", body="Rights & peace for \"all\".")
    item = json_feed(client, "/en/news/feed.json")["items"][0]
    assert item["summary"] == 'Rights & peace for "all".'


def test_unknown_language_feed_is_404(client):
    for url in ("/en/news/language/zz.rss", "/en/news/language/zz.atom", "/en/news/language/zz.json"):
        assert client.get(url).status_code == 404, url


def test_a_language_feed_declares_its_language(client):
    published(title="مقال", original_language="ar")
    channel, _ = rss(client, "/en/news/language/ar.rss")
    assert channel.findtext("language") == "ar"
