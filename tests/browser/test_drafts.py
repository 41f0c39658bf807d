"""What a translator types survives the end of their session (the browser keeps a copy)."""

import re

import pytest

from tadamun.network.models import Membership
from tadamun.newsroom import services
from tadamun.newsroom.models import Article, Translator
from tests import factories
from tests.browser.conftest import log_in
from tests.newsroom.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def reference_data(db):
    factories.ensure_reference_data()


def test_a_translators_text_survives_a_session_that_ended(page, live_server):
    organisation = factories.OrganisationFactory()
    editor = factories.member(organisation, Membership.Role.EDITOR)
    article = ArticleFactory(organisation=organisation, author=editor, original_language="ar", status=Article.Status.PUBLISHED,
                             title="مياه البصرة", body="الفقرة الأولى.\n\nالفقرة الثانية.")
    (version,) = services.request_translations(by=editor, article=article, languages=["en"])
    translator = factories.UserFactory()
    Translator.objects.create(person=translator, source_language="ar", target_language="en")
    services.claim_translation(by=translator, version=version)

    log_in(page, live_server, translator)
    url = f"{live_server.url}/en/news/translations/{version.pk}/"
    page.goto(url)
    page.fill("#id_paragraph_0", "The first paragraph, typed with care.")
    page.context.clear_cookies(name="sessionid")  # the session ends while they type
    page.locator("button[value=save]").click()
    page.wait_for_url(re.compile(r"/accounts/login/"))
    log_in(page, live_server, translator)
    page.goto(url)
    assert page.locator("#id_paragraph_0").input_value() == "The first paragraph, typed with care."
    assert page.locator("[data-draft-restored]").is_visible()
    page.locator("button[value=save]").click()
    page.wait_for_url(re.compile(r"\?saved=1"))
    version.refresh_from_db()
    assert version.paragraphs[0] == "The first paragraph, typed with care."
    page.goto(url)  # saved: the browser's copy is gone, nothing to restore
    assert not page.locator("[data-draft-restored]").is_visible()
