"""The newsroom in the real browser: an Arabic article from the editor's desk to the reader."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from tadamun.network.models import Membership
from tadamun.newsroom.models import Article
from tests import factories
from tests.browser.conftest import log_in, screenshot
from tests.browser.test_journeys import OUTSIDE_THE_SCREEN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "مياه نظيفة لأطفال البصرة"
BODY = (
    "عادت الملوحة إلى شط العرب هذا الصيف.\n\n"
    "## ما رأيناه في القرى\n\n"
    "- أطفال مرضى بسبب المياه المالحة\n"
    "- محطات تحلية متوقفة\n"
    "- أسر تشتري الماء بأسعار عالية\n\n"
    "نطالب بخطة **عاجلة** للمياه."
)


@pytest.fixture(autouse=True)
def reference_data(db):
    factories.ensure_reference_data()


@pytest.fixture
def organisation(db):
    return factories.OrganisationFactory(
        name="Basra Water Defenders", names={"ar": "المدافعون عن مياه البصرة"},
        governorates=["IQ-BA"], pathways=["heritage-environment"],
    )


@pytest.fixture
def editor(organisation):
    return factories.member(organisation, Membership.Role.EDITOR, display_name="زينب البصري")


@pytest.fixture
def network_editor(db):
    user = factories.UserFactory(display_name="Network Editor")
    group, _created = Group.objects.get_or_create(name="Network editors")
    user.groups.add(group)
    return user


def switch_person(page, live_server, user=None) -> None:
    page.context.clear_cookies()
    if user is not None:
        log_in(page, live_server, user)


def test_an_arabic_article_from_writing_to_reading(page, live_server, organisation, editor, network_editor):
    # Some published news already there, so the list is not empty.
    factories_article(organisation, "Older news in English", "en", days_ago=3)

    # 1. The editor writes in the Arabic interface.
    log_in(page, live_server, editor)
    page.goto(f"{live_server.url}/ar/news/write/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#id_original_language").input_value() == "ar"  # the interface's language by default
    page.fill("#id_title", TITLE)
    page.select_option("#id_kind", "report")
    page.fill("#id_summary", "صيف بلا مياه صالحة للشرب.")
    page.fill("#id_body", BODY)
    page.check("input[name=pathways][value=heritage-environment]")
    page.check("input[name=governorates][value=IQ-BA]")
    screenshot(page, "write-ar")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/ar/news/[^/]+/edit/\?saved=1$"))
    article = Article.objects.get(title=TITLE)
    assert article.status == "draft" and article.author == editor and article.original_language == "ar"
    assert page.locator(".messages").count() == 1
    assert page.locator("#id_body").input_value() == BODY

    # 2. The draft goes to the network editors.
    page.locator("button[name=action][value=submit]").click()
    page.wait_for_url(re.compile(rf"/ar/news/{re.escape(article.slug)}/$"))
    article.refresh_from_db()
    assert article.status == "submitted"
    # Not yet public.
    switch_person(page, live_server)
    response = page.goto(f"{live_server.url}/ar/news/{article.slug}/")
    assert response.status == 404

    # 3. A network editor reviews and publishes it.
    switch_person(page, live_server, network_editor)
    page.goto(f"{live_server.url}/ar/news/review/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    screenshot(page, "review-news-ar")
    page.locator("main").get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(rf"/ar/news/{re.escape(article.slug)}/$"))
    page.locator("button[name=action][value=publish]").click()
    page.wait_for_load_state()
    article.refresh_from_db()
    assert article.status == "published" and article.reviewed_by == network_editor

    # 4. An anonymous reader finds it on the news page and reads it.
    switch_person(page, live_server)
    page.goto(f"{live_server.url}/ar/news/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The filter panel is on the start side (the right) of a right-to-left page.
    assert page.locator("form.filters").bounding_box()["x"] > page.locator("#results").bounding_box()["x"]
    cards = page.locator("#results .card")
    assert cards.count() == 2
    assert TITLE in cards.first.inner_text()  # newest first
    screenshot(page, "news-ar")
    page.locator("#results").get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(rf"/ar/news/{re.escape(article.slug)}/$"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == TITLE
    prose = page.locator("article .prose-html")
    assert prose.locator("h2").inner_text() == "ما رأيناه في القرى"
    assert prose.locator("ul > li").count() == 3
    assert prose.locator("ul > li").first.inner_text() == "أطفال مرضى بسبب المياه المالحة"
    assert prose.locator("strong").inner_text() == "عاجلة"
    assert "المدافعون عن مياه البصرة" in page.locator("article header").inner_text()
    assert page.locator("article").get_attribute("lang") == "ar"
    # Right-to-left text starts on the right: the heading's right edge is near the column's right edge.
    heading, column = prose.locator("h2").bounding_box(), prose.bounding_box()
    assert abs((heading["x"] + heading["width"]) - (column["x"] + column["width"])) < 4
    screenshot(page, "article-ar")


def test_filtering_the_news_in_arabic(page, live_server, organisation):
    factories_article(organisation, "تقرير عن الأهوار", "ar", kind="report")
    factories_article(organisation, "خبر عن المدارس", "ar", kind="news", days_ago=1)
    page.goto(f"{live_server.url}/ar/news/")
    assert page.locator("#results .card").count() == 2
    page.select_option("#id_kind", "report")  # htmx refreshes the results in place
    page.wait_for_url(re.compile(r"kind=report"))
    from playwright.sync_api import expect

    expect(page.locator("#results .card")).to_have_count(1)
    assert "تقرير عن الأهوار" in page.locator("#results").inner_text()


# Text drawn beyond the screen's edges, even when its element's box is inside (a long
# word or address that does not wrap): OUTSIDE_THE_SCREEN sees boxes, this sees the text.
TEXT_OUTSIDE_THE_SCREEN = """
(() => {
  const found = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || node.parentElement.closest('.skip, .visually-hidden, svg, .table-scroll, pre')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if ([...range.getClientRects()].some(r => r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1)))
      found.push(node.parentElement.tagName + '.' + node.parentElement.className + ': ' + node.textContent.trim().slice(0, 30));
  }
  return found.slice(0, 5);
})()
"""


def fits_the_screen(page, path: str) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
    outside = page.evaluate(OUTSIDE_THE_SCREEN)
    assert not outside, (path, outside)
    text = page.evaluate(TEXT_OUTSIDE_THE_SCREEN)
    assert not text, (path, text)


def test_news_pages_fit_a_phone(page, live_server, organisation):
    article = factories_article(
        organisation, "المدافعون عن المياه يطالبون بخطة وطنية لإنقاذ الأهوار وشط العرب", "ar",
        body=("## التقرير\n\nاقرأ [التقرير الكامل](https://example.org/reports/2024/" + "basra-water-" * 8 + ".pdf) "
              "أو https://example.org/reports/2024/" + "basra-water-" * 8 + ".pdf\n\n- بند أول\n- بند ثان"),
    )
    factories_article(organisation, "A rather long English headline about water, rights and the marshes of the south",
                      "en", kind="report", days_ago=1)
    page.set_viewport_size({"width": 360, "height": 800})
    for path in ("/ar/news/", "/en/news/", "/ckb/news/", f"/ar/news/{article.slug}/", f"/en/news/{article.slug}/",
                 "/ar/news/?kind=spaceship&governorate=IQ-XX"):
        page.goto(f"{live_server.url}{path}")
        fits_the_screen(page, path)


def test_long_words_wrap_on_a_phone(page, live_server, organisation):
    article = factories_article(organisation, "حملة #أنقذوا_الأهوار_العراقية_من_الجفاف تنطلق", "ar")
    Article.objects.filter(pk=article.pk).update(
        summary="التقرير الكامل: https://example.org/reports/2024/basra-water-quality-final.pdf"
    )
    page.set_viewport_size({"width": 360, "height": 800})
    for path in ("/ar/news/", f"/ar/news/{article.slug}/", f"/en/news/{article.slug}/"):
        page.goto(f"{live_server.url}{path}")
        fits_the_screen(page, path)


def factories_article(organisation, title, language, *, kind="news", days_ago=0, body=None):
    """A published article, as the services would have saved it."""
    from tests.newsroom.factories import ArticleFactory

    extra = {"body": body} if body else {}
    return ArticleFactory(
        organisation=organisation, title=title, original_language=language, kind=kind,
        status=Article.Status.PUBLISHED, published_at=timezone.now() - timedelta(days=days_ago),
        pathways=["heritage-environment"], **extra,
    )
