"""The benchmark's campaigns generator: campaigns as the services leave them, and signatures
whose counters are exact, whatever the database (COPY on PostgreSQL, executemany on SQLite)."""

from datetime import timedelta

import pytest
from django.db.models import Count, Q, Sum
from django.test import Client
from django.utils import timezone

from bench.generate import email_key_function, generate, generate_campaigns
from tadamun.campaigns import models as campaign_models
from tadamun.campaigns import services
from tadamun.campaigns.models import Action, Authority, Campaign, Signature
from tadamun.campaigns.queries import CampaignFilters, public
from tadamun.core import markdown
from tadamun.core.text import normalise

pytestmark = pytest.mark.django_db

CONFIRMED = Signature.Status.CONFIRMED


@pytest.fixture
def generated():
    generate(40, batch_size=40)
    return generate_campaigns(5, 500, batch_size=200)


def confirmed_per_action() -> dict[int, int]:
    return dict(
        Action.objects.annotate(n=Count("signatures", filter=Q(signatures__status=CONFIRMED))).values_list("pk", "n")
    )


def assert_counters_exact() -> None:
    confirmed = confirmed_per_action()
    assert dict(Action.objects.values_list("pk", "signature_count")) == confirmed
    tally = getattr(campaign_models, "Tally", None)
    if tally is not None:  # the daily tallies add up to the counter
        days = dict(tally.objects.values("action").annotate(n=Sum("count")).values_list("action", "n"))
        assert {pk: days.get(pk, 0) for pk in confirmed} == confirmed
        assert not tally.objects.filter(count__lte=0).exists()


def test_campaigns_are_active_led_by_iraqi_organisations_with_a_petition_and_a_letter(generated):
    assert generated["campaigns"] == generated["campaigns_total"] == 5
    assert generated["actions"] == 10
    campaigns = list(Campaign.objects.select_related("lead").prefetch_related("pathways", "governorates", "actions"))
    assert len(campaigns) == 5
    for campaign in campaigns:
        assert campaign.status == Campaign.Status.ACTIVE
        assert campaign.published_at is not None and campaign.published_at <= timezone.now()
        assert campaign.lead.country == "IQ" and campaign.lead.status == campaign.lead.Status.APPROVED
        assert campaign.original_language in ("ar", "ckb")
        assert 1 <= len(campaign.pathways.all()) <= 3
        assert 1 <= len(campaign.governorates.all()) <= 2
        assert sorted(a.kind for a in campaign.actions.all()) == ["letter", "petition"]
        assert Authority.objects.filter(campaign=campaign).count() == 1
        assert {a.authority.campaign_id for a in campaign.actions.all()} == {campaign.pk}
        assert campaign.story_html == markdown.render(campaign.story)
        # What services._index computes.
        texts = [campaign.title, campaign.summary, campaign.story, campaign.demands]
        for translated in campaign.translations.values():
            texts += [translated["title"], translated["summary"]]
        assert campaign.search_text == normalise(" ".join(texts))
    assert len({c.slug for c in campaigns}) == 5
    busy = Action.objects.get(pk=generated["busy_action"])
    assert busy.kind == Action.Kind.PETITION and services.is_open(busy)


def test_signatures_counters_and_the_busy_petition(generated):
    assert generated["signatures"] == generated["signatures_total"] == 500
    assert Signature.objects.filter(status=CONFIRMED).count() == 500
    assert_counters_exact()
    busy = Action.objects.get(pk=generated["busy_action"])
    assert busy.signature_count == generated["busy_signatures"] >= 250
    # A few pending and withdrawn signatures, which never count.
    assert generated["rows"] == Signature.objects.count() > 500
    assert Signature.objects.filter(status=Signature.Status.PENDING).exists()
    withdrawn = Signature.objects.filter(status=Signature.Status.WITHDRAWN)
    assert withdrawn.exists()
    assert not withdrawn.exclude(name="", email="").exists()


def test_signers_are_unique_and_their_keys_are_the_services(generated):
    rows = list(Signature.objects.values_list("action_id", "email", "email_key", "status", "confirmed_at", "created_at"))
    assert len({(action, key) for action, _e, key, *_rest in rows}) == len(rows)
    emails = [email for _a, email, _k, status, *_rest in rows if status != Signature.Status.WITHDRAWN]
    assert len(set(emails)) == len(emails)
    for _action, email, key, status, confirmed_at, created_at in rows:
        if status != Signature.Status.WITHDRAWN:
            assert key == services.email_key(email)
        if status == CONFIRMED:
            assert created_at < confirmed_at <= timezone.now()
    assert email_key_function()(" Someone@Example.ORG") == services.email_key(" Someone@Example.ORG")
    moments = [confirmed_at for *_rest, status, confirmed_at, _created in rows if status == CONFIRMED]
    assert max(moments) - min(moments) > timedelta(days=30)  # spread over months


def test_names_in_arabic_kurdish_and_latin_and_some_shown(generated):
    confirmed = Signature.objects.filter(status=CONFIRMED)
    names = list(confirmed.values_list("name", flat=True))
    arabic_script = [n for n in names if any("\u0600" <= ch <= "\u06ff" for ch in n)]
    latin = [n for n in names if n and n[0].isascii()]
    assert arabic_script and latin
    assert any(ch in "ەێۆڕڵ" for n in arabic_script for ch in n)  # Sorani letters
    assert 0.15 < confirmed.filter(show_name=True).count() / len(names) < 0.45
    in_iraq = confirmed.filter(country="IQ")
    assert in_iraq.exists() and not in_iraq.filter(governorate__isnull=True).exists()
    assert not confirmed.exclude(country="IQ").filter(governorate__isnull=False).exists()


def test_growing_keeps_the_campaigns_and_the_shape(generated):
    grown = generate_campaigns(5, 800)
    assert grown["campaigns"] == 0 and Campaign.objects.count() == 5
    assert grown["signatures"] == 300 and grown["signatures_total"] == 800
    assert Signature.objects.filter(status=CONFIRMED).count() == 800
    assert grown["busy_action"] == generated["busy_action"]
    assert grown["busy_signatures"] >= 400
    assert_counters_exact()
    assert Signature.objects.values("action", "email_key").distinct().count() == Signature.objects.count()
    # Asking for fewer than there are changes nothing.
    again = generate_campaigns(5, 100)
    assert again["signatures"] == again["rows"] == 0
    assert Signature.objects.filter(status=CONFIRMED).count() == 800


def test_growing_after_people_signed_keeps_the_counters_exact(generated):
    """Signatures confirmed through the services (as the benchmark does) put the busy petition
    above its share: growing again must neither undercount it nor add less than asked."""
    from django.core import signing

    busy = Action.objects.select_related("campaign", "authority").get(pk=generated["busy_action"])
    for i in range(6):
        email = f"person{i}@example.org"
        services.sign(action=busy, signer=services.Signer(name=f"Person {i}", email=email, country="IT"), language="it")
        signature = Signature.objects.get(action=busy, email=email)
        services.confirm_signature(signing.dumps([signature.pk, signature.nonce], salt=services.CONFIRM_SALT))
    assert_counters_exact()
    assert generate_campaigns(5, 506)["signatures"] == 0  # already there
    grown = generate_campaigns(5, 520)
    assert grown["signatures"] == 14 and grown["signatures_total"] == 520
    assert Signature.objects.filter(status=CONFIRMED).count() == 520
    assert_counters_exact()


def test_the_pages_find_them(generated):
    busy = Action.objects.select_related("campaign").get(pk=generated["busy_action"])
    assert public(CampaignFilters()).count() == 5
    water = public(CampaignFilters(q="مياه")) | public(CampaignFilters(q="ئاو"))
    assert busy.campaign in water
    client = Client()
    for url in ("/en/campaigns/", busy.campaign.get_absolute_url(), busy.get_absolute_url()):
        assert client.get(url).status_code == 200, url
