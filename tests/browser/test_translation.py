"""Translation in the real browser: an Arabic article asked for in English, translated
beside the original by a volunteer, reviewed by another person, then read in English."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group

from tadamun.network.models import Membership
from tadamun.newsroom.models import Article, Translator, Version
from tests import factories
from tests.browser.conftest import log_in, screenshot
from tests.browser.test_newsroom import fits_the_screen, switch_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "مياه نظيفة لأطفال البصرة"
SUMMARY = "صيف بلا مياه صالحة للشرب."
PARAGRAPHS = [
    "عادت الملوحة إلى شط العرب هذا الصيف، ومرض أطفال كثيرون في القرى.",
    "نطالب بخطة **عاجلة** للمياه قبل الصيف القادم.",
]
EN_TITLE = "Clean water for the children of Basra"
EN_SUMMARY = "A summer without safe drinking water."
EN_PARAGRAPHS = [
    "Salt came back to the Shatt al-Arab this summer, and many children in the villages fell ill.",
    "We call for an **urgent** water plan before next summer.",
]

# The right edge of the first line of an element's text, and of the element.
TEXT_EDGES = """
e => {
  const range = document.createRange();
  range.selectNodeContents(e);
  return [range.getClientRects()[0].right, e.getBoundingClientRect().right];
}
"""


@pytest.fixture(autouse=True)
def reference_data(db):
    factories.ensure_reference_data()


@pytest.fixture
def organisation(db):
    return factories.OrganisationFactory(
        name="Basra Water Defenders",
        names={"ar": "المدافعون عن مياه البصرة"},
        governorates=["IQ-BA"],
        pathways=["heritage-environment"],
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


@pytest.fixture
def translator(db):
    user = factories.UserFactory(display_name="Sara the translator")
    # Also a reviewer of English (given by the coordinators, for another pair): still,
    # nobody approves their own translation.
    Translator.objects.create(
        person=user, source_language="ckb", target_language="en", reviews=True
    )
    return user


@pytest.fixture
def reviewer(db):
    user = factories.UserFactory(display_name="Omar the reviewer")
    Translator.objects.create(person=user, source_language="ar", target_language="en", reviews=True)
    return user


def fields(page) -> dict[str, str]:
    names = ["title", "summary", *(f"paragraph_{i}" for i in range(len(PARAGRAPHS)))]
    return {name: page.locator(f"#id_{name}").input_value() for name in names}


def press(page, button):
    """Press a button that posts a form back to the same address; return the final response."""
    with page.expect_navigation() as navigation:
        button.click()
    return navigation.value


def test_an_arabic_article_translated_into_english(
    page, live_server, organisation, editor, network_editor, translator, reviewer
):
    # 1. The editor writes the article in the Arabic interface and sends it for review.
    log_in(page, live_server, editor)
    page.goto(f"{live_server.url}/ar/news/write/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill("#id_title", TITLE)
    page.select_option("#id_kind", "news")
    page.fill("#id_summary", SUMMARY)
    page.fill("#id_body", "\n\n".join(PARAGRAPHS))
    page.check("input[name=pathways][value=heritage-environment]")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/ar/news/[^/]+/edit/\?saved=1$"))
    article = Article.objects.get(title=TITLE)
    assert article.original_language == "ar"
    page.locator("button[name=action][value=submit]").click()
    page.wait_for_url(re.compile(rf"/ar/news/{re.escape(article.slug)}/$"))
    article.refresh_from_db()
    assert article.status == Article.Status.SUBMITTED
    # Nobody asks for translations of an unpublished article.
    assert page.locator("input[name=languages]").count() == 0

    # 2. A network editor publishes it.
    switch_person(page, live_server, network_editor)
    page.goto(f"{live_server.url}/ar/news/{article.slug}/")
    press(page, page.locator("button[name=action][value=publish]"))
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED

    # 3. The editor asks for an English translation on the article's page.
    switch_person(page, live_server, editor)
    page.goto(f"{live_server.url}/ar/news/{article.slug}/")
    english = page.locator("input[name=languages][value=en]")
    assert (
        page.locator(f"label[for='{english.get_attribute('id')}']").inner_text().strip()
        == "English"
    )
    assert page.locator("input[name=languages][value=ar]").count() == 0  # not into the original
    english.check()
    # "Ask for translations", in Arabic.
    page.locator(
        f"form[action='/ar/news/{article.slug}/translations/'] button[type=submit]"
    ).click()
    page.wait_for_url(re.compile(rf"/ar/news/{re.escape(article.slug)}/\?original=1$"))
    assert page.locator(".messages").count() == 1
    version = Version.objects.get(article=article)
    assert (
        version.language == "en"
        and version.status == Version.Status.REQUESTED
        and version.requested_by == editor
    )

    # 4. The translator chooses Arabic → English among their languages and sees the request.
    switch_person(page, live_server, translator)
    page.goto(f"{live_server.url}/en/news/translations/")
    assert "No request in your languages right now." in page.locator("main").inner_text()
    pair = page.locator("input[name=pairs][value='ar:en']")
    assert not pair.is_checked()
    pair.check()
    press(page, page.get_by_role("button", name="Save my languages"))
    assert page.url == f"{live_server.url}/en/news/translations/"
    assert page.locator("input[name=pairs][value='ar:en']").is_checked()
    assert Translator.objects.filter(
        person=translator, source_language="ar", target_language="en"
    ).exists()
    # The reviewer role given by the coordinators is kept.
    assert Translator.objects.filter(person=translator, target_language="en", reviews=True).exists()
    available = page.locator("section", has=page.get_by_role("heading", name="Requests I can take"))
    assert available.locator(".card").count() == 1
    screenshot(page, "translation-desk-en")
    available.get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(rf"/en/news/translations/{version.pk}/$"))

    # 5. They take it: the side-by-side form, the Arabic original beside each field.
    press(page, page.get_by_role("button", name="Take this translation"))
    version.refresh_from_db()
    assert version.status == Version.Status.IN_PROGRESS and version.translator == translator
    assert page.locator("button[name=action][value=claim]").count() == 0
    pairs = page.locator("form.side-by-side .pair")
    assert pairs.count() == 2 + len(PARAGRAPHS)  # title, summary, each paragraph
    originals = [TITLE, SUMMARY, *PARAGRAPHS]
    names = ["title", "summary", *(f"paragraph_{i}" for i in range(len(PARAGRAPHS)))]
    for row, original, name in zip(pairs.all(), originals, names, strict=True):
        text = row.locator(".original p:not(.label)")
        assert text.inner_text() == original
        assert text.evaluate("e => e.closest('[lang]').lang") == "ar"
        assert row.locator(f".translated #id_{name}").count() == 1
        # Side by side at 1280 px: the original and its field on one line, the field after it.
        source = row.locator(".original").bounding_box()
        target = row.locator(".translated").bounding_box()
        assert abs(source["y"] - target["y"]) < 2 and target["x"] > source["x"] + source["width"]

    # Sending it with a paragraph left untranslated fails and keeps what was typed.
    page.fill("#id_title", EN_TITLE)
    page.fill("#id_summary", EN_SUMMARY)
    page.fill("#id_paragraph_1", EN_PARAGRAPHS[1])
    assert press(page, page.locator("button[name=action][value=submit]")).status == 400
    summary = page.locator(".error-summary")
    assert "Translate every paragraph before submitting." in summary.inner_text()
    typed = {
        "title": EN_TITLE,
        "summary": EN_SUMMARY,
        "paragraph_0": "",
        "paragraph_1": EN_PARAGRAPHS[1],
    }
    assert fields(page) == typed
    version.refresh_from_db()
    assert version.status == Version.Status.IN_PROGRESS

    # They translate the missing paragraph and save the draft; the page shows it again.
    page.fill("#id_paragraph_0", EN_PARAGRAPHS[0])
    press(page, page.locator("button[name=action][value=save]"))
    assert "Your draft is saved." in page.locator(".messages").inner_text()
    done = {
        "title": EN_TITLE,
        "summary": EN_SUMMARY,
        "paragraph_0": EN_PARAGRAPHS[0],
        "paragraph_1": EN_PARAGRAPHS[1],
    }
    assert fields(page) == done
    version.refresh_from_db()
    assert version.status == Version.Status.IN_PROGRESS
    assert version.body == "\n\n".join(EN_PARAGRAPHS)
    screenshot(page, "translation-side-by-side-en")

    # The Arabic original runs right to left on the English page (its text, not only the
    # label above it, decides the direction).
    for row, name in zip(pairs.all(), names, strict=True):
        direction = row.locator(".original p:not(.label)").evaluate(
            "e => getComputedStyle(e).direction"
        )
        assert direction == "rtl", f"the original {name} is laid out left to right"
    # On a phone, each original comes just above its field, and nothing leaves the screen.
    page.set_viewport_size({"width": 360, "height": 800})
    fits_the_screen(page, "side by side")
    for row in pairs.all():
        source = row.locator(".original").bounding_box()
        target = row.locator(".translated").bounding_box()
        assert source["y"] + source["height"] <= target["y"] + 1
    page.set_viewport_size({"width": 1280, "height": 900})

    # A draft saved with a paragraph still untranslated keeps each paragraph in its place.
    page.fill("#id_paragraph_0", "")
    press(page, page.locator("button[name=action][value=save]"))
    assert fields(page) == typed, (
        "the saved draft moved the second paragraph into the first one's place"
    )
    page.fill("#id_paragraph_0", EN_PARAGRAPHS[0])
    press(page, page.locator("button[name=action][value=save]"))
    assert fields(page) == done

    # Then send it to the reviewers.
    press(page, page.locator("button[name=action][value=submit]"))
    assert "The translation is sent to the reviewers." in page.locator(".messages").inner_text()
    version.refresh_from_db()
    assert version.status == Version.Status.SUBMITTED
    # A reviewer of English, yet not of their own work.
    assert page.locator("button[name=action][value=approve]").count() == 0
    page.goto(f"{live_server.url}/en/news/translations/")
    assert page.get_by_role("heading", name="Translations to review").count() == 0

    # Not yet for readers.
    switch_person(page, live_server)
    page.goto(f"{live_server.url}/en/news/{article.slug}/")
    assert page.locator("h1").inner_text() == TITLE
    assert page.locator(".translation-status").count() == 0

    # 6. Another person, a reviewer of English, approves it from their desk.
    switch_person(page, live_server, reviewer)
    page.goto(f"{live_server.url}/en/news/translations/")
    to_review = page.locator(
        "section", has=page.get_by_role("heading", name="Translations to review")
    )
    to_review.get_by_role("link", name=EN_TITLE).click()
    page.wait_for_url(re.compile(rf"/en/news/translations/{version.pk}/$"))
    assert page.locator("form.side-by-side").count() == 0  # reads, does not edit
    assert EN_PARAGRAPHS[1] in page.locator(".side-by-side").inner_text()
    press(page, page.get_by_role("button", name="Approve and publish"))
    version.refresh_from_db()
    assert version.status == Version.Status.PUBLISHED and version.reviewer == reviewer

    # 7. An anonymous reader reads it in English, then follows the link to the original.
    switch_person(page, live_server)
    page.goto(f"{live_server.url}/en/news/{article.slug}/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == EN_TITLE
    article_element = page.locator("article")
    assert article_element.get_attribute("lang") == "en"
    assert article_element.locator(".lead").inner_text() == EN_SUMMARY
    prose = article_element.locator(".prose-html")
    assert prose.locator("p").nth(0).inner_text() == EN_PARAGRAPHS[0]
    assert (
        prose.locator("p").nth(1).inner_text()
        == "We call for an urgent water plan before next summer."
    )
    assert prose.locator("strong").inner_text() == "urgent"
    assert prose.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert (
        page.locator(".translation-status .badge").inner_text()
        == "Translated by a volunteer, reviewed"
    )
    screenshot(page, "article-translated-en")
    original = page.get_by_role("link", name="Read the original")
    assert original.get_attribute("hreflang") == "ar"
    original.click()
    page.wait_for_url(re.compile(rf"/en/news/{re.escape(article.slug)}/\?original=1$"))
    assert page.locator("h1").inner_text() == TITLE
    assert article_element.get_attribute("lang") == "ar"
    assert prose.locator("p").nth(0).inner_text() == PARAGRAPHS[0]
    assert prose.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert page.locator("h1").evaluate("e => getComputedStyle(e).direction") == "rtl"
    # Right-to-left text starts on the right of its column.
    first_line, column_end = prose.locator("p").nth(0).evaluate(TEXT_EDGES)
    assert abs(first_line - column_end) < 4
    # And the original says which other languages it can be read in.
    assert page.locator("a[hreflang=en][href='?lang=en']").count() == 1
