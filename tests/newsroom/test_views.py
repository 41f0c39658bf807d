"""The newsroom's pages as readers, editors and network editors use them."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template.defaultfilters import date as date_filter
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from tadamun.network.models import Membership
from tadamun.newsroom import services
from tadamun.newsroom.models import Article
from tests import factories
from tests.newsroom.factories import ArticleFactory, network_editor

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def queries_for(client, url):
    cache.clear()  # the cold path: cached counts and rate-limit buckets start empty
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def published(**kwargs):
    return ArticleFactory(status=Article.Status.PUBLISHED, **kwargs)


def page(client, url, **extra) -> str:
    response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


@pytest.fixture
def editor(organisation):
    return factories.member(organisation, Membership.Role.EDITOR)


@pytest.fixture
def reviewer(db):
    return network_editor()


# --- The news list -------------------------------------------------------------------


def test_news_lists_published_articles_only(client, organisation):
    published(organisation=organisation, title="Water returns to Basra")
    ArticleFactory(organisation=organisation, title="A draft about water")
    ArticleFactory(organisation=organisation, title="A submission about water", status=Article.Status.SUBMITTED)
    html = page(client, "/en/news/")
    assert "Water returns to Basra" in html
    assert "A draft about water" not in html and "A submission about water" not in html
    assert "1 article" in html


def test_news_filters_combine_and_count(client):
    basra = factories.OrganisationFactory(name="Basra Water Defenders")
    baghdad = factories.OrganisationFactory(name="Baghdad Youth Hub")
    published(organisation=basra, title="Report on the marshes", kind="report", original_language="ar",
              pathways=["women", "heritage-environment"], governorates=["IQ-BA"])
    published(organisation=basra, title="News of the women's fair", kind="news", original_language="en",
              pathways=["women"], governorates=["IQ-BA"])
    published(organisation=baghdad, title="Report on youth centres", kind="report", original_language="ar",
              pathways=["youth"], governorates=["IQ-BG"])
    ArticleFactory(organisation=basra, title="Draft report on the marshes", kind="report", original_language="ar",
                   pathways=["women"], governorates=["IQ-BA"])

    html = page(client, "/en/news/?kind=report")
    assert "2 articles" in html and "Report on the marshes" in html and "Report on youth centres" in html
    assert "women&#x27;s fair" not in html and "Draft report" not in html

    html = page(client, "/en/news/?kind=report&language=ar&pathway=women")
    assert "1 article" in html and "Report on the marshes" in html and "youth centres" not in html

    html = page(client, "/en/news/?pathway=women&governorate=IQ-BA")
    assert "2 articles" in html and "Report on the marshes" in html and "women&#x27;s fair" in html

    html = page(client, f"/en/news/?organisation={baghdad.slug}")
    assert "1 article" in html and "Report on youth centres" in html and "marshes" not in html

    html = page(client, "/en/news/?language=en&governorate=IQ-BG")
    assert "0 articles" in html and "No article matches these filters." in html

    html = page(client, "/en/news/?q=marshes&kind=report")
    assert "1 article" in html and "Report on the marshes" in html


def test_search_folds_arabic_spellings(client, organisation):
    published(organisation=organisation, title="مؤسسة أمل للمياه تفتح مركزا", original_language="ar")
    published(organisation=organisation, title="تقرير عن التعليم", original_language="ar")
    for query in ("امل", "أمل", "مؤسسه", "للمياة", "مؤسسة أمل"):
        html = page(client, "/ar/news/", data={"q": query})
        assert "مؤسسة أمل للمياه تفتح مركزا" in html, query
        assert "تقرير عن التعليم" not in html, query


def test_unknown_filters_are_explained_and_ignored(client, organisation):
    published(organisation=organisation, title="Still listed")
    html = page(client, "/en/news/?kind=spaceship&governorate=IQ-XX&language=xx&pathway=nothing")
    assert "Some filters were not understood and are ignored" in html
    assert "Unknown kind of article: spaceship" in html
    assert "Unknown governorate code: IQ-XX" in html
    assert "Unknown language: xx" in html
    assert "Unknown pathway: nothing" in html
    assert "Still listed" in html and "1 article" in html
    # A valid filter next to an invalid one still applies.
    html = page(client, "/en/news/?kind=spaceship&language=ar")
    assert "Unknown kind of article: spaceship" in html and "0 articles" in html


def test_htmx_request_returns_only_the_results(client, organisation):
    published(organisation=organisation, title="Found by htmx")
    html = page(client, "/en/news/?kind=news", HTTP_HX_REQUEST="true")
    assert "Found by htmx" in html and "1 article" in html
    assert "<html" not in html and "site-header" not in html and "<form" not in html


# --- The article page ----------------------------------------------------------------


def test_article_page_shows_the_article_and_its_metadata(client):
    org = factories.OrganisationFactory(name="Basra Water Defenders")
    when = timezone.now().replace(year=2024, month=3, day=5, hour=10)
    article = published(
        organisation=org, title="Clean water for Basra", published_at=when,
        body="## What we saw\n\n- salty water\n- sick children\n\n<script>alert('x')</script>\n\n[bad](javascript:alert(1))",
    )
    html = page(client, f"/en/news/{article.slug}/")
    assert "<h1 dir=\"auto\">Clean water for Basra</h1>" in html
    assert "Basra Water Defenders" in html
    with translation.override("en"):
        shown = date_filter(timezone.localtime(when), "DATE_FORMAT")
    assert shown in html and f'datetime="{timezone.localtime(when).isoformat()}"' in html
    assert "<h2>What we saw</h2>" in html and "<li>salty water</li>" in html
    assert "<script>alert" not in html
    assert 'href="javascript' not in html  # the link is refused, left as text
    assert "&lt;script&gt;" in html  # shown as text, not run
    assert f'<meta property="og:title" content="{article.title}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:url" content="http://testserver/en/news/{article.slug}/">' in html
    for kind, href in (("rss+xml", "/en/news/feed.rss"), ("atom+xml", "/en/news/feed.atom"), ("feed+json", "/en/news/feed.json")):
        assert re.search(rf'<link rel="alternate" type="application/{re.escape(kind)}"[^>]*href="{href}"', html), kind


def test_news_page_links_its_feeds(client):
    html = page(client, "/ar/news/")
    for href in ("/ar/news/feed.rss", "/ar/news/feed.atom", "/ar/news/feed.json"):
        assert '<link rel="alternate"' in html and f'href="{href}"' in html


def test_unknown_article_is_404(client):
    assert client.get("/en/news/no-such-article/").status_code == 404


def test_a_draft_is_seen_only_by_those_who_work_on_it(client, organisation, editor, reviewer):
    author = factories.member(organisation, Membership.Role.EDITOR)
    draft = ArticleFactory(organisation=organisation, author=author, title="Not yet public")
    url = f"/en/news/{draft.slug}/"
    assert client.get(url).status_code == 404
    outsider = factories.UserFactory()
    plain = factories.member(organisation)  # a member, not an editor
    other_editor = factories.member(factories.OrganisationFactory(), Membership.Role.EDITOR)
    for person in (outsider, plain, other_editor):
        client.force_login(person)
        assert client.get(url).status_code == 404, person
        assert client.get(f"{url}print/").status_code == 404, person
    for person in (author, editor, reviewer):
        client.force_login(person)
        html = page(client, url)
        assert "Not yet public" in html and "Only its authors" in html, person


def test_print_view_has_the_article_without_the_site_navigation(client, organisation):
    article = published(organisation=organisation, title="Printable report", body="## Findings\n\nThe **water** is salty.")
    html = page(client, f"/en/news/{article.slug}/print/")
    assert "Printable report" in html and "<h2>Findings</h2>" in html and "<strong>water</strong>" in html
    assert f"http://testserver/en/news/{article.slug}/" in html  # where the paper came from
    assert "main-nav" not in html and "site-header" not in html and "site-footer" not in html
    assert 'class="languages"' not in html and "Log in" not in html


def test_print_view_follows_the_articles_direction(client, organisation):
    article = published(organisation=organisation, title="تقرير", original_language="ar")
    assert '<html lang="ar" dir="rtl">' in page(client, f"/en/news/{article.slug}/print/")


# --- Files ---------------------------------------------------------------------------


def _with_pdf(organisation, author, *, status):
    article = ArticleFactory(organisation=organisation, author=author)
    attachment = services.attach_pdf(
        by=author, article=article, upload=SimpleUploadedFile("report.pdf", PDF, content_type="application/pdf"),
        title="Full report",
    )
    Article.objects.filter(pk=article.pk).update(
        status=status, published_at=timezone.now() if status == Article.Status.PUBLISHED else None
    )
    article.refresh_from_db()
    return article, attachment


def _download(client, url):
    response = client.get(url)
    if response.status_code == 200:
        # Reading the stream through closes the response (the test client's wrapper does it
        # without closing the database connection; a second close() would).
        body = b"".join(response.streaming_content)
        return response, body
    return response, None


def test_pdf_download(client, organisation, editor):
    article, attachment = _with_pdf(organisation, editor, status=Article.Status.PUBLISHED)
    html = page(client, f"/en/news/{article.slug}/")
    url = f"/en/news/{article.slug}/files/{attachment.pk}/"
    assert f'href="{url}"' in html and "Full report" in html
    response, body = _download(client, url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert f'filename="{article.slug}-{attachment.pk}.pdf"' in response["Content-Disposition"]
    assert body == PDF
    assert client.get(f"/en/news/{article.slug}/files/{attachment.pk + 999}/").status_code == 404


def test_pdf_of_a_draft_is_404_for_those_who_may_not_see_it(client, organisation, editor, reviewer):
    article, attachment = _with_pdf(organisation, editor, status=Article.Status.DRAFT)
    url = f"/en/news/{article.slug}/files/{attachment.pk}/"
    assert client.get(url).status_code == 404
    client.force_login(factories.member(organisation))
    assert client.get(url).status_code == 404
    for person in (editor, reviewer):
        client.force_login(person)
        response, body = _download(client, url)
        assert response.status_code == 200 and body == PDF


def test_a_file_is_only_served_under_its_own_article(client, organisation, editor):
    visible, _ = _with_pdf(organisation, editor, status=Article.Status.PUBLISHED)
    hidden, hidden_file = _with_pdf(organisation, editor, status=Article.Status.DRAFT)
    assert client.get(f"/en/news/{visible.slug}/files/{hidden_file.pk}/").status_code == 404


# --- Writing -------------------------------------------------------------------------


def article_data(organisation, **overrides):
    data = {
        "organisation": organisation.slug, "title": "Teachers of Mosul", "original_language": "en", "kind": "story",
        "summary": "Schools open again.", "body": "## The first day\n\n- chalk\n- books",
        "pathways": ["youth"], "governorates": ["IQ-NI"], "cover_alt": "",
    }
    data.update(overrides)
    return data


def test_writing_needs_an_account(client):
    response = client.get("/en/news/write/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_people_without_an_editor_role_get_an_explanation(client, organisation):
    pending = factories.OrganisationFactory(status="pending")
    for person in (factories.UserFactory(), factories.member(organisation), factories.member(pending, Membership.Role.EDITOR)):
        client.force_login(person)
        response = client.get("/en/news/write/")
        assert response.status_code == 403
        html = response.content.decode()
        assert "Articles are written by the editors of member organisations" in html
        assert "/en/organisations/apply/" in html
        assert client.post("/en/news/write/", article_data(organisation)).status_code == 403
    assert not Article.objects.exists()


def test_an_editor_writes_a_draft(client, organisation, editor):
    client.force_login(editor)
    html = page(client, "/en/news/write/")
    assert 'name="title"' in html and 'name="body"' in html and 'value="youth"' in html
    response = client.post("/en/news/write/", article_data(organisation))
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/news/{article.slug}/edit/?saved=1"
    assert article.status == "draft" and article.author == editor and article.organisation == organisation
    assert article.kind == "story" and "<h2>The first day</h2>" in article.body_html
    assert [p.slug for p in article.pathways.all()] == ["youth"]
    assert [g.iso_code for g in article.governorates.all()] == ["IQ-NI"]
    edit = page(client, response["Location"])
    assert "The draft is saved" in edit and "Teachers of Mosul" in edit


def test_an_editor_of_two_organisations_chooses_one(client, organisation, editor):
    second = factories.OrganisationFactory(name="Second Group")
    Membership.objects.create(organisation=second, person=editor, role=Membership.Role.ADMIN)
    client.force_login(editor)
    assert 'name="organisation"' in page(client, "/en/news/write/")
    client.post("/en/news/write/", article_data(second))
    assert Article.objects.get().organisation == second
    # An organisation the person does not edit for is not chosen.
    stranger = factories.OrganisationFactory()
    client.post("/en/news/write/", article_data(stranger, title="Elsewhere"))
    assert Article.objects.get(title="Elsewhere").organisation != stranger


def test_a_failed_submit_keeps_the_text_and_marks_the_field(client, organisation, editor):
    client.force_login(editor)
    response = client.post("/ar/news/write/", article_data(organisation, title="", body="نص لا يضيع\n\n- بند"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "نص لا يضيع" in html
    title = re.search(r'<input[^>]*name="title"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in title
    assert 'aria-invalid="true"' not in re.search(r'<textarea[^>]*name="body"[^>]*>', html).group(0)
    assert not Article.objects.exists()


# --- Review --------------------------------------------------------------------------


def decide(client, article, action, **data):
    return client.post(f"/en/news/{article.slug}/decide/", {"action": action, **data})


def test_submit_publish_and_return_with_the_right_roles(client, organisation, editor, reviewer):
    author = factories.member(organisation, Membership.Role.EDITOR)
    article = ArticleFactory(organisation=organisation, author=author, title="For review")
    plain = factories.member(organisation)
    outsider = factories.UserFactory()

    # Anonymous people are asked to log in; those who may not see the draft get 404.
    response = decide(client, article, "submit")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    for person in (plain, outsider):
        client.force_login(person)
        assert decide(client, article, "submit").status_code == 404
    article.refresh_from_db()
    assert article.status == "draft"

    # A network editor cannot submit for an organisation; its author can.
    client.force_login(reviewer)
    assert decide(client, article, "submit").status_code == 404
    client.force_login(author)
    response = decide(client, article, "submit")
    assert response.status_code == 302 and response["Location"] == f"/en/news/{article.slug}/"
    article.refresh_from_db()
    assert article.status == "submitted"
    assert "sent to the network editors" in page(client, response["Location"])

    # The organisation's editor cannot publish its own submission.
    client.force_login(editor)
    assert decide(client, article, "publish").status_code == 404
    article.refresh_from_db()
    assert article.status == "submitted"

    # A return needs a comment; with one, it goes back to draft.
    client.force_login(reviewer)
    response = decide(client, article, "return", comment="  ")
    assert response.status_code == 302
    assert "Say what should change" in page(client, response["Location"])
    article.refresh_from_db()
    assert article.status == "submitted"
    decide(client, article, "return", comment="Add the date of the meeting.")
    article.refresh_from_db()
    assert article.status == "draft" and article.review_comment == "Add the date of the meeting."
    client.force_login(author)
    assert "Add the date of the meeting." in page(client, f"/en/news/{article.slug}/")

    # Submitted again and published by the network editor.
    decide(client, article, "submit")
    client.force_login(reviewer)
    response = decide(client, article, "publish")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == "published" and article.published_at and article.reviewed_by == reviewer
    client.logout()
    assert "For review" in page(client, "/en/news/")

    # Unpublishing: not for outsiders (404), yes for the organisation's editor.
    client.force_login(outsider)
    assert decide(client, article, "unpublish").status_code == 404
    client.force_login(editor)
    decide(client, article, "unpublish")
    article.refresh_from_db()
    assert article.status == "draft"


def test_a_trusted_organisation_publishes_at_once(client, editor, organisation):
    organisation.is_trusted = True
    organisation.save()
    article = ArticleFactory(organisation=organisation, author=editor)
    client.force_login(editor)
    response = decide(client, article, "submit")
    article.refresh_from_db()
    assert article.status == "published"
    assert "trusted publisher" in page(client, response["Location"])


def test_decide_answers_an_unknown_action(client, organisation, editor):
    article = ArticleFactory(organisation=organisation, author=editor)
    client.force_login(editor)
    response = decide(client, article, "explode")
    assert response.status_code == 302 and "Unknown action." in page(client, response["Location"])
    assert client.get(f"/en/news/{article.slug}/decide/").status_code == 405


def test_review_page_is_for_network_editors(client, organisation, editor, reviewer):
    ArticleFactory(organisation=organisation, title="Waiting submission", status=Article.Status.SUBMITTED)
    ArticleFactory(organisation=organisation, title="Quiet draft")
    published(organisation=organisation, title="Old news")
    client.force_login(reviewer)
    html = page(client, "/en/news/review/")
    assert "Waiting submission" in html and "Quiet draft" not in html and "Old news" not in html
    for person in (editor, factories.UserFactory()):
        client.force_login(person)
        assert client.get("/en/news/review/").status_code == 404
    client.logout()
    assert client.get("/en/news/review/").status_code == 302


def test_the_article_shows_the_review_buttons_to_network_editors_only(client, organisation, editor, reviewer):
    article = ArticleFactory(organisation=organisation, author=editor, status=Article.Status.SUBMITTED)
    client.force_login(reviewer)
    html = page(client, f"/en/news/{article.slug}/")
    assert 'value="publish"' in html and 'value="return"' in html
    client.force_login(editor)
    html = page(client, f"/en/news/{article.slug}/")
    assert 'value="publish"' not in html and 'value="return"' not in html


# --- Elsewhere in the site -----------------------------------------------------------


def test_organisation_profile_and_pathway_page_list_the_latest_articles(client, organisation):
    now = timezone.now()
    for i in range(7):
        published(organisation=organisation, title=f"Women's news number {i}", pathways=["women"],
                  published_at=now - timedelta(days=i))
    ArticleFactory(organisation=organisation, title="Unpublished women's draft", pathways=["women"])
    published(title="Someone else's youth news", pathways=["youth"])
    for url in (organisation.get_absolute_url(), "/en/pathways/women/"):
        html = page(client, url).replace("&#x27;", "'")
        assert "Women's news number 0" in html and "Women's news number 4" in html, url
        assert "Women's news number 5" not in html, url  # the five newest
        assert html.index("number 0") < html.index("number 4"), url
        assert "Unpublished women's draft" not in html and "youth news" not in html, url
    assert f"/en/news/?organisation={organisation.slug}" in page(client, organisation.get_absolute_url())
    assert "/en/news/?pathway=women" in page(client, "/en/pathways/women/")


# --- Query counts --------------------------------------------------------------------


def test_queries_do_not_grow_with_the_articles(client):
    def seed(n):
        for _ in range(n):
            org = factories.OrganisationFactory()
            article = published(organisation=org, pathways=["women", "youth"], governorates=["IQ-BG", "IQ-BA"])
            article.attachments.create(title="Report", file="attachments/x.pdf", size=10)

    seed(3)
    first = Article.objects.order_by("pk").first()
    urls = (
        "/en/news/", "/en/news/?pathway=women&q=network", f"/en/news/{first.slug}/",
        "/en/news/feed.rss", "/en/news/feed.atom", "/en/news/feed.json", "/en/news/pathway/women.rss",
    )
    small = {url: queries_for(client, url) for url in urls}
    seed(30)
    large = {url: queries_for(client, url) for url in urls}
    assert small == large


# --- Languages -----------------------------------------------------------------------


def test_right_to_left_languages(client, organisation):
    article = published(organisation=organisation, title="خبر", original_language="ar")
    for code, direction in {"ar": "rtl", "ckb": "rtl", "en": "ltr", "it": "ltr"}.items():
        for url in (f"/{code}/news/", f"/{code}/news/{article.slug}/"):
            assert f'<html lang="{code}" dir="{direction}">' in page(client, url), url


ENGLISH_ON_THE_NEWS_PAGE = (
    "Show results", "Follow the news", "Written in", ">Any<", "No article matches these filters",
    "News, reports, statements", "See all the news", "Write an article",
)


@pytest.mark.parametrize("code", ["ar", "it", "ckb"])
def test_news_page_is_translated(client, person, code):
    client.force_login(person)  # so the "Write an article" link shows too
    html = page(client, f"/{code}/news/?kind=report")
    left = [phrase for phrase in ENGLISH_ON_THE_NEWS_PAGE if phrase in html]
    assert not left, left


def test_a_missing_article_answers_in_the_readers_language(client, organisation):
    draft = ArticleFactory(organisation=organisation)
    response = client.get(f"/ar/news/{draft.slug}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html and "main-nav" in html
