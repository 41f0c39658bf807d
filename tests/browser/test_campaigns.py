"""Campaigns in the real browser: signing a petition in Arabic through the emailed link, and
an organiser exporting the signatures for delivery."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tadamun.campaigns import services
from tadamun.campaigns.models import Action, Export
from tadamun.network.models import Membership
from tadamun.pathways.models import Pathway
from tests import factories
from tests.browser.conftest import log_in, screenshot
from tests.browser.test_journeys import OUTSIDE_THE_SCREEN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def reference_data(db):
    factories.ensure_reference_data()


@pytest.fixture
def campaign_world(db):
    lead = factories.OrganisationFactory(
        name="Basra Water Defenders", names={"ar": "المدافعون عن مياه البصرة"}, governorates=["IQ-BA"],
        pathways=["heritage-environment"],
    )
    admin = factories.member(lead, Membership.Role.ADMIN, display_name="زينب البصري")
    coordinator = factories.coordinator()
    draft = services.CampaignDraft(
        title="أنقذوا دجلة", summary="مياه نظيفة لكل عائلة في البصرة", original_language="ar",
        story="تموت الأنهار حين نصمت. **نطالب** بحصة عادلة من المياه.",
        demands="إطلاق حصص مائية عادلة\nوقف رمي المخلفات في النهر",
        pathways=list(Pathway.objects.filter(slug="heritage-environment")),
    )
    campaign = services.propose_campaign(by=admin, lead=lead, draft=draft)
    services.review_campaign(by=coordinator, campaign=campaign, approve=True)
    authority = services.add_authority(by=admin, campaign=campaign, kind="ministry", name="وزارة الموارد المائية")
    petition = services.open_action(by=admin, campaign=campaign, draft=services.ActionDraft(
        kind="petition", authority=authority, title="عريضة: دعوا دجلة يجري", text="نحن الموقعين أدناه نطالب وزارة الموارد المائية...",
        language="ar", goal=500, closes_at=timezone.now() + timedelta(days=30),
    ))
    mail.outbox.clear()
    return {"campaign": campaign, "petition": petition, "admin": admin}


def test_signing_a_petition_in_arabic_through_the_emailed_link(page, live_server, campaign_world):
    campaign, petition = campaign_world["campaign"], campaign_world["petition"]
    page.goto(f"{live_server.url}/ar/campaigns/{campaign.slug}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".campaign svg.progress-bar").count() == 1
    screenshot(page, "campaign-ar")
    before = page.locator(".take-action .progress-text").inner_text()
    page.locator(".take-action a.button").first.click()
    page.fill("#id_name", "ليلى حسن")
    page.fill("#id_email", "layla@example.org")
    page.select_option("#id_country", "IQ")
    page.select_option("#id_governorate", "IQ-BA")
    page.check("#id_show_name")
    page.set_viewport_size({"width": 360, "height": 900})
    assert not page.evaluate(OUTSIDE_THE_SCREEN)
    screenshot(page, "petition-ar")
    page.locator(".sign-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/signed/$"))
    assert Action.objects.get(pk=petition.pk).signature_count == 0

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["layla@example.org"]
    link = re.search(r"https?://\S+/campaigns/confirm/\S+/", message.body).group(0)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    assert path.startswith("/ar/")  # the email speaks the signer's language
    page.goto(live_server.url + path)
    page.locator("form button[type=submit]").click()
    page.wait_for_selector(".progress-text")
    after = page.locator(".progress-text").inner_text()
    assert after != before and "توقيع واحد" in after  # "one signature", as Arabic says it
    assert float(page.locator(".progress-bar .done").get_attribute("width")) > 0
    assert Action.objects.get(pk=petition.pk).signature_count == 1

    page.goto(f"{live_server.url}/ar/campaigns/{campaign.slug}/actions/{petition.pk}/")
    assert "ليلى حسن" in page.locator(".signers").inner_text()
    assert "layla@example.org" not in page.content()
    screenshot(page, "petition-signed-ar")


def test_an_organiser_exports_the_signatures(page, live_server, campaign_world):
    campaign, petition = campaign_world["campaign"], campaign_world["petition"]
    for number, keep in ((1, True), (2, False)):
        services.sign(action=petition, signer=services.Signer(
            name=f"Signer {number}", email=f"signer{number}@example.org", country="IQ", keep_informed=keep,
        ), language="en")
        token = re.search(r"/campaigns/confirm/(\S+)/", mail.outbox[-1].body).group(1)
        services.confirm_signature(token)
    log_in(page, live_server, campaign_world["admin"])
    page.goto(f"{live_server.url}/ar/campaigns/{campaign.slug}/actions/{petition.pk}/")
    screenshot(page, "petition-organiser-ar")
    with page.expect_download() as download:
        page.locator(f"a[href$='/actions/{petition.pk}/signatures.csv']").click()
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    names = [row[0] for row in rows[1:]]
    assert names == ["Signer 1", "Signer 2"]
    emails = {row[0]: row[4] for row in rows[1:]}
    assert emails == {"Signer 1": "signer1@example.org", "Signer 2": ""}  # only with consent
    assert Export.objects.filter(action=petition, by=campaign_world["admin"], rows=2).exists()
    page.goto(f"{live_server.url}/ar/campaigns/{campaign.slug}/manage/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    screenshot(page, "campaign-desk-ar")
