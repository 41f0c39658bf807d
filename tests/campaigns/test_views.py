"""The pages of campaigns: list, campaign, signing (double opt-in), embed, desk, exports."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tadamun.campaigns import services
from tadamun.campaigns.models import Action, Campaign, Endorsement, Export, Message, Signature
from tadamun.network.models import Membership
from tadamun.pathways.models import Pathway
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _commit_at_once(monkeypatch):
    """Email queued "at commit" goes at once: each test runs inside one transaction."""
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, using=None, robust=False: func())


def queries_for(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.fixture
def world(db, django_capture_on_commit_callbacks):
    """An Iraqi organisation (admin and editor), a coordinator, an approved campaign with an
    authority, a petition and a letter."""
    lead = factories.OrganisationFactory(country="IQ", name="Tigris Keepers", slug="tigris-keepers")
    admin = factories.member(lead, Membership.Role.ADMIN)
    editor = factories.member(lead, Membership.Role.EDITOR)
    boss = factories.coordinator()
    draft = services.CampaignDraft(
        title="Save the Tigris", story="The river is **dying**.", original_language="en",
        summary="Water for Basra", demands="Release water\nStop dumping",
        pathways=list(Pathway.objects.filter(slug__in=["environment"])) or list(Pathway.objects.all()[:1]),
    )
    with django_capture_on_commit_callbacks(execute=True):
        campaign = services.propose_campaign(by=admin, lead=lead, draft=draft)
        services.review_campaign(by=boss, campaign=campaign, approve=True)
    authority = services.add_authority(by=admin, campaign=campaign, kind="ministry", name="Ministry of Water Resources")
    closes = timezone.now() + timedelta(days=30)
    petition = services.open_action(by=admin, campaign=campaign, draft=services.ActionDraft(
        kind="petition", authority=authority, title="Let the Tigris flow", text="We ask the ministry...",
        language="en", goal=100, closes_at=closes,
    ))
    letter = services.open_action(by=admin, campaign=campaign, draft=services.ActionDraft(
        kind="letter", authority=authority, title="A letter to the minister", text="Dear Minister, the river...",
        language="en", goal=50, closes_at=closes,
    ))
    mail.outbox.clear()
    campaign.refresh_from_db()
    return {"lead": lead, "admin": admin, "editor": editor, "coordinator": boss, "campaign": campaign,
            "petition": petition, "letter": letter, "authority": authority}


def sign_form(client, action, **data):
    page = client.get(action.get_absolute_url())
    started = re.search(r'name="started" value="([^"]+)"', page.content.decode()).group(1)
    values = {"name": "Layla", "email": "layla@example.org", "country": "IQ", "governorate": "IQ-BA",
              "show_name": "on", "started": started, "website": ""}
    values.update(data)
    return client.post(action.get_absolute_url(), values)


def confirm_link(message) -> str:
    return re.search(r"https?://[^\s]+/campaigns/confirm/[^\s]+/", message.body).group(0).split("://", 1)[1].split("/", 1)[1]


def test_the_list_shows_public_campaigns_only(client, world):
    hidden = Campaign.objects.create(
        lead=world["lead"], title="Secret plan", story="x", original_language="en", slug="secret-plan",
        status=Campaign.Status.PROPOSED,
    )
    page = client.get("/en/campaigns/").content.decode()
    assert "Save the Tigris" in page
    assert hidden.title not in page
    assert "1 signature" not in page and "0 signatures of 100" in page


def test_the_list_filters_and_explains_bad_filters(client, world):
    page = client.get("/en/campaigns/?governorate=XX&status=nope").content.decode()
    assert "Unknown governorate code" in page and "Unknown status" in page
    assert "Save the Tigris" in page  # the bad filters are ignored, not fatal
    assert "Save the Tigris" not in client.get("/en/campaigns/?q=pollution+of+the+moon").content.decode()


def test_a_proposed_campaign_is_hidden_from_the_public(client, world):
    world["campaign"].status = Campaign.Status.PROPOSED
    world["campaign"].save()
    assert client.get(world["campaign"].get_absolute_url()).status_code == 404
    client.force_login(world["editor"])
    assert client.get(world["campaign"].get_absolute_url()).status_code == 200


def test_the_campaign_page_shows_progress_charts_and_demands(client, world):
    campaign = world["campaign"]
    indicator = services.add_indicator(by=world["admin"], campaign=campaign, name="Families with clean water",
                                       baseline=100, target=1000, baseline_on=date(2026, 1, 1))
    services.record_measurement(by=world["admin"], indicator=indicator, measured_on=date(2026, 6, 1), value=550)
    services.add_milestone(by=world["admin"], campaign=campaign, title="Hearing in parliament", due_on=date(2026, 9, 1))
    page = client.get(campaign.get_absolute_url()).content.decode()
    assert "<svg class=\"chart\"" in page and "50% of the way" in page
    assert "Release water" in page and "Hearing in parliament" in page
    assert "<strong>dying</strong>" in page


def test_signing_counts_only_after_confirmation(client, world):
    petition = world["petition"]
    response = sign_form(client, petition)
    assert response.status_code == 302 and response.url.endswith("/signed/")
    assert Action.objects.get(pk=petition.pk).signature_count == 0
    assert len(mail.outbox) == 1 and "layla@example.org" in mail.outbox[0].to
    link = "/" + confirm_link(mail.outbox[0])
    assert "Confirm my signature" in client.get(link).content.decode()  # a scanner's GET confirms nothing
    assert Action.objects.get(pk=petition.pk).signature_count == 0
    page = client.post(link).content.decode()
    assert "Your signature counts" in page
    assert Action.objects.get(pk=petition.pk).signature_count == 1
    again = client.post(link).content.decode()
    assert "already confirmed" in again
    assert Action.objects.get(pk=petition.pk).signature_count == 1
    public = client.get(petition.get_absolute_url()).content.decode()
    assert "Layla" in public and "layla@example.org" not in public
    assert "1 signature in the last 30 days" in public and '<rect class="bar"' in public


def test_withdrawing_takes_the_signature_off_the_counter_and_the_chart(client, world):
    petition = world["petition"]
    sign_form(client, petition)
    client.post("/" + confirm_link(mail.outbox[0]))
    withdraw = re.search(r"https?://\S+/campaigns/withdraw/\S+/", mail.outbox[0].body).group(0)
    path = "/" + withdraw.split("://", 1)[1].split("/", 1)[1]
    assert "Withdraw my signature" in client.get(path).content.decode()
    assert "erased" in client.post(path).content.decode()
    assert Action.objects.get(pk=petition.pk).signature_count == 0
    signature = Signature.objects.get()
    assert signature.status == "withdrawn" and signature.name == "" and signature.email == ""
    public = client.get(petition.get_absolute_url()).content.decode()
    assert "Layla" not in public and "in the last 30 days" not in public
    client.post(path)  # a second click changes nothing
    assert Action.objects.get(pk=petition.pk).signature_count == 0


def test_a_forged_link_is_refused(client, world):
    response = client.post("/en/campaigns/confirm/not-a-token/")
    assert response.status_code == 400 and "not valid" in response.content.decode()


def test_the_honeypot_blocks_programs_and_keeps_the_data(client, world):
    response = sign_form(client, world["petition"], website="http://spam.example")
    assert response.status_code == 400
    page = response.content.decode()
    assert "filled in by a program" in page and 'value="Layla"' in page
    assert not Signature.objects.exists() and not mail.outbox


def test_a_forged_or_replayed_form_is_refused(client, world):
    response = sign_form(client, world["petition"], started="forged")
    assert response.status_code == 400 and "did not come from our page" in response.content.decode()
    assert not Signature.objects.exists()


def test_bad_input_is_explained_and_changes_nothing(client, world):
    response = sign_form(client, world["petition"], email="not-an-email")
    assert response.status_code == 400 and "not valid" in response.content.decode()
    response = sign_form(client, world["petition"], governorate="IQ-ZZ")
    assert response.status_code == 400 and "Unknown governorate" in response.content.decode()
    assert not Signature.objects.exists()


def test_a_closed_petition_refuses_signatures(client, world):
    Action.objects.filter(pk=world["petition"].pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    page = client.get(world["petition"].get_absolute_url()).content.decode()
    assert "signatures are no longer collected" in page and 'name="email"' not in page


def test_blocked_attempts_get_a_translated_message(client, world, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign_address": "1/h"}
    assert sign_form(client, world["petition"]).status_code == 302
    response = sign_form(client, world["petition"], email="other@example.org")
    assert response.status_code == 429 and "Too many signatures" in response.content.decode()
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign_address": "100/h"}
    cache.clear()
    response = sign_form(client, world["petition"], email="x@mailinator.com", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and "expire" in response.content.decode()


def test_the_embed_page_may_be_framed_and_nothing_else(client, world):
    petition = world["petition"]
    embed = client.get(f"/en/campaigns/{world['campaign'].slug}/actions/{petition.pk}/embed/")
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    assert "campaigns/embed.css" in embed.content.decode() and "tadamun.css" not in embed.content.decode()
    page = client.get(petition.get_absolute_url())
    assert page["X-Frame-Options"] == "DENY" and "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_signing_inside_the_embed_needs_no_cookie(client, world):
    petition = world["petition"]
    url = f"/en/campaigns/{world['campaign'].slug}/actions/{petition.pk}/embed/"
    started = re.search(r'name="started" value="([^"]+)"', client.get(url).content.decode()).group(1)
    from django.test import Client

    framed = Client(enforce_csrf_checks=True)
    response = framed.post(url, {"name": "Giulia", "email": "giulia@example.it", "country": "IT", "started": started})
    assert response.status_code == 200 and "Check your inbox" in response.content.decode()
    assert Signature.objects.filter(status="pending").count() == 1


def test_the_lead_admin_exports_signatures_and_the_export_is_logged(client, world):
    petition = world["petition"]
    sign_form(client, petition, keep_informed="on")
    client.post("/" + confirm_link(mail.outbox[0]))
    sign_form(client, petition, name="Hidden", email="hidden@example.org")  # pending: not exported
    client.force_login(world["editor"])
    assert client.get(f"/en/campaigns/{world['campaign'].slug}/actions/{petition.pk}/signatures.csv").status_code == 404
    client.force_login(world["admin"])
    response = client.get(f"/en/campaigns/{world['campaign'].slug}/actions/{petition.pk}/signatures.csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "Layla" in content and "layla@example.org" in content and "Hidden" not in content
    assert Export.objects.get().by == world["admin"]


def test_letters_compile_into_one_pdf(client, world):
    letter = world["letter"]
    sign_form(client, letter, letter="Dear Minister, my own words about the river.")
    client.post("/" + confirm_link(mail.outbox[0]))
    client.force_login(world["admin"])
    response = client.get(f"/en/campaigns/{world['campaign'].slug}/actions/{letter.pk}/letters.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert Export.objects.filter(format="pdf").count() == 1


def test_the_desk_keeps_typed_data_on_refusal(client, world):
    client.force_login(world["editor"])
    url = f"/en/campaigns/{world['campaign'].slug}/manage/"
    response = client.post(url, {"form": "indicator", "indicator-name": "Wells dug", "indicator-baseline": "5",
                                 "indicator-target": "5", "indicator-baseline_on": "2026-01-01"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "must differ from the baseline" in page and 'value="Wells dug"' in page
    response = client.post(url, {"form": "authority", "authority-kind": "parliament_committee", "authority-name": "Agriculture and Water Committee"})
    assert response.status_code == 302
    assert world["campaign"].authorities.count() == 2


def test_endorsements_and_messages_go_through_the_lead(client, world):
    other = factories.OrganisationFactory(country="IT", kind="international", name="Amici del Tigri", slug="amici")
    other_admin = factories.member(other, Membership.Role.ADMIN)
    client.force_login(other_admin)
    url = world["campaign"].get_absolute_url()
    client.post(f"{url}endorse/", {"organisation": "amici", "statement": "We stand with you"})
    client.post(f"{url}messages/", {"text": "Solidarietà dal Piemonte!", "language": "it", "name": "Marco",
                                    "country": "IT", "organisation": ""})
    client.logout()
    page = client.get(url).content.decode()
    assert "Amici del Tigri" not in page and "Solidarietà" not in page  # not before the lead decides
    endorsement, message = Endorsement.objects.get(), Message.objects.get()
    client.force_login(world["editor"])
    client.post(f"{url}endorsements/{endorsement.pk}/", {"accept": "1"})
    client.post(f"{url}messages/{message.pk}/moderate/", {"publish": "1"})
    client.post(f"{url}messages/{message.pk}/translate/", {"language": "ar", "text": "تضامن من بيامونتي!"})
    page = client.get(url).content.decode()
    assert "Amici del Tigri" in page and "Solidarietà dal Piemonte!" in page
    assert "تضامن من بيامونتي" in client.get(url.replace("/en/", "/ar/")).content.decode()


def test_queries_do_not_grow_with_the_campaigns(client, world):
    def seed(n):
        for i in range(n):
            org = factories.OrganisationFactory(country="IQ")
            Campaign.objects.create(lead=org, title=f"Campaign {org.pk}", story="x", original_language="ar",
                                    slug=f"c-{org.pk}", status=Campaign.Status.ACTIVE, published_at=timezone.now())
            campaign = Campaign.objects.get(slug=f"c-{org.pk}")
            campaign.pathways.set(Pathway.objects.all()[:2])
            authority = campaign.authorities.create(kind="ministry", name="Ministry")
            Action.objects.create(campaign=campaign, kind="petition", authority=authority, language="ar", title="P",
                                  text="t", goal=10, closes_at=timezone.now() + timedelta(days=3))
            factories.member(org, Membership.Role.ADMIN)
            Endorsement.objects.create(campaign=world["campaign"], organisation=org, status="accepted", decided_at=timezone.now())
            Message.objects.create(campaign=world["campaign"], name=f"Friend {i}", country="IT", language="it",
                                   text="Forza!", status="published", published_at=timezone.now())
        Signature.objects.bulk_create([
            Signature(action=world["petition"], name=f"S{i}-{n}", email=f"s{i}-{n}@example.org",
                      email_key=f"{i}-{n}", country="IQ", show_name=True, status="confirmed",
                      confirmed_at=timezone.now(), nonce="0")
            for i in range(n * 5)
        ])

    seed(2)
    c, p = world["campaign"], world["petition"]
    urls = ("/en/campaigns/", "/en/campaigns/?pathway=environment&q=campaign", c.get_absolute_url(),
            p.get_absolute_url(), f"/en/campaigns/{c.slug}/actions/{p.pk}/embed/", "/en/campaigns/feed.rss", "/api/campaigns",
            f"/api/campaigns/{c.pk}")
    small = {url: queries_for(client, url) for url in urls}
    seed(12)
    large = {url: queries_for(client, url) for url in urls}
    assert small == large


@pytest.mark.parametrize("code, direction", [("ar", "rtl"), ("ckb", "rtl"), ("kmr", "ltr"), ("it", "ltr")])
def test_every_language_and_direction(client, world, code, direction):
    for url in ("/campaigns/", world["campaign"].get_absolute_url()[3:], world["petition"].get_absolute_url()[3:]):
        page = client.get(f"/{code}{url}").content.decode()
        assert f'dir="{direction}"' in page


def test_charts_keep_svg_numbers_in_every_language(client, world):
    """Arabic and Italian write 310,3 for 310.3; SVG coordinates must not follow them."""
    campaign, petition = world["campaign"], world["petition"]
    indicator = services.add_indicator(by=world["admin"], campaign=campaign, name="Wells", baseline="1.5",
                                       target="10.25", baseline_on=date(2026, 1, 1))
    services.record_measurement(by=world["admin"], indicator=indicator, measured_on=date(2026, 3, 1), value="3.3")
    sign_form(client, petition)
    client.post("/" + confirm_link(mail.outbox[0]))
    for code in ("ar", "it", "ckb"):
        for url in (campaign.get_absolute_url(), petition.get_absolute_url()):
            page = client.get(f"/{code}{url[3:]}").content.decode()
            assert "<svg" in page
            assert not re.search(r'\s(x|y|x1|x2|y1|y2|cx|cy|width|height)="-?\d+,\d', page), (code, url)
            for points in re.findall(r'points="([^"]*)"', page):
                assert re.fullmatch(r"(-?\d+(\.\d+)?,-?\d+(\.\d+)?\s?)+", points), points
