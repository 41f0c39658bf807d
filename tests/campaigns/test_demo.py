"""The demo campaigns: fictional campaigns built through the services, with bulk signatures
whose counters hold the invariant (signature_count == confirmed rows)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.db.models import Sum
from django.test.utils import override_settings
from django.utils import timezone

from tadamun.campaigns import queries, services
from tadamun.campaigns.demo import CAMPAIGNS, load_demo_campaigns, remove_demo_campaigns
from tadamun.campaigns.models import (
    Action,
    Authority,
    Campaign,
    Endorsement,
    Message,
    Signature,
    Update,
)
from tadamun.network.demo import COORDINATOR_EMAIL
from tadamun.network.models import Membership, Organisation

pytestmark = pytest.mark.django_db

C = Campaign.Status
# The six themes of the demo, by the pathways that carry them.
THEMES = {
    "water": "heritage-environment",
    "expression": "democracy",
    "domestic violence": "women",
    "minorities": "minorities",
    "labour": "economic-social-rights",
    "peace": "demilitarization",
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo (network, newsroom, campaigns), loaded once for the module inside a
    transaction that is rolled back at the end; each test runs in a savepoint within it.
    Nothing is committed, so nothing queued for the commit (an email) ever runs here."""
    out = StringIO()
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        with transaction.atomic():
            call_command("demo", stdout=out)
            yield out.getvalue()
            transaction.set_rollback(True)


def counts() -> dict:
    return {
        "campaigns": sorted(Campaign.objects.values_list("status", "original_language")),
        "actions": sorted(Action.objects.values_list("kind", "status", "signature_count")),
        "confirmed": Signature.objects.filter(status=Signature.Status.CONFIRMED).count(),
        "pending": Signature.objects.filter(status=Signature.Status.PENDING).count(),
        "endorsements": sorted(Endorsement.objects.values_list("status", flat=True)),
        "messages": sorted(Message.objects.values_list("status", flat=True)),
        "updates": Update.objects.count(),
        "authorities": sorted(Authority.objects.values_list("kind", flat=True)),
    }


def test_the_demo_command_loads_the_campaigns(demo):
    line = next(line for line in demo.splitlines() if line.startswith("Demo campaigns loaded"))
    assert f"{len(CAMPAIGNS)} campaigns" in line
    assert "petitions" in line and "letters" in line and "confirmed signatures" in line
    assert Campaign.objects.count() == len(CAMPAIGNS)


def test_six_public_campaigns_cover_the_six_themes(demo):
    public = Campaign.objects.filter(status__in=Campaign.PUBLIC)
    assert public.count() >= 6
    assert set(queries.public().values_list("pk", flat=True)) == set(
        public.values_list("pk", flat=True)
    )
    covered = set(public.values_list("pathways__slug", flat=True))
    for theme, pathway in THEMES.items():
        assert pathway in covered, theme
    statuses = list(Campaign.objects.values_list("status", flat=True))
    assert statuses.count(C.ACTIVE) > len(statuses) / 2
    assert statuses.count(C.WON) == 1 and statuses.count(C.ENDED) == 1
    assert statuses.count(C.PROPOSED) == 1


def test_campaigns_are_led_by_iraqi_members_and_reviewed_by_the_coordinator(demo):
    for campaign in Campaign.objects.select_related("lead", "proposed_by", "reviewed_by"):
        assert campaign.lead.country == "IQ"
        assert campaign.lead.status == Organisation.Status.APPROVED
        assert campaign.lead.memberships.filter(
            person=campaign.proposed_by, role__in=[Membership.Role.ADMIN, Membership.Role.EDITOR]
        ).exists()
        assert campaign.pathways.exists() and campaign.governorates.exists()
        assert campaign.demand_list and campaign.strategy_html and campaign.story_html
        assert 1 <= campaign.authorities.count() <= 3
        if campaign.is_public:
            assert campaign.reviewed_by.email == COORDINATOR_EMAIL
            assert campaign.published_at < timezone.now() - timedelta(days=30)
            assert campaign.created_at < campaign.published_at
            assert campaign.starts_on
    proposed = Campaign.objects.get(status=C.PROPOSED)
    assert proposed.published_at is None and not proposed.actions.exists()


def test_texts_are_in_their_languages_with_translations(demo):
    originals = set(Campaign.objects.values_list("original_language", flat=True))
    assert {"ar", "ckb", "kmr", "en"} <= originals
    italian = 0
    for campaign in Campaign.objects.filter(status__in=Campaign.PUBLIC):
        translations = campaign.translations
        assert len(translations) >= 2, campaign.title
        assert campaign.original_language not in translations
        assert "en" in translations or campaign.original_language == "en"
        for language, text in translations.items():
            assert text["title"] and text["summary"] and text["story"], language
            assert text["story_html"].startswith("<")
            assert text["title"] != campaign.title
        italian += "it" in translations
    assert italian >= 4
    assert set(Update.objects.values_list("language", flat=True)) >= {"ar", "en", "ckb", "kmr"}


def test_every_kind_of_authority_is_addressed(demo):
    kinds = set(Authority.objects.values_list("kind", flat=True))
    assert {
        Authority.Kind.MINISTRY,
        Authority.Kind.PARLIAMENT_COMMITTEE,
        Authority.Kind.KURDISTAN_REGION,
        Authority.Kind.GOVERNORATE_COUNCIL,
        Authority.Kind.INTERNATIONAL_BODY,
    } <= kinds
    for council in Authority.objects.filter(kind=Authority.Kind.GOVERNORATE_COUNCIL):
        assert council.governorate is not None


def test_milestones_indicators_and_updates(demo):
    today = timezone.localdate()
    for campaign in Campaign.objects.filter(status__in=Campaign.PUBLIC):
        milestones = campaign.milestones.all()
        assert milestones.filter(reached_on__isnull=False).exists()
        assert all(m.reached_on <= today for m in milestones if m.reached_on)
        assert 1 <= campaign.indicators.count() <= 2
        for indicator in campaign.indicators.all():
            assert indicator.baseline != indicator.target
            dates = list(indicator.measurements.values_list("measured_on", flat=True))
            assert 2 <= len(dates) <= 5
            assert all(indicator.baseline_on <= day <= today for day in dates)
        assert 1 <= campaign.updates.count() <= 3
    upcoming = Campaign.objects.filter(status=C.ACTIVE, milestones__reached_on__isnull=True)
    assert upcoming.filter(milestones__due_on__gt=today).exists()
    for update in Update.objects.select_related("campaign", "author"):
        assert update.published_at < timezone.now()
        assert update.campaign.lead.memberships.filter(person=update.author).exists()


def test_petitions_and_letters_are_addressed_to_the_campaigns_authorities(demo):
    assert Action.objects.filter(kind=Action.Kind.PETITION).count() >= 4
    assert Action.objects.filter(kind=Action.Kind.LETTER).count() >= 2
    now = timezone.now()
    for action in Action.objects.select_related("authority", "campaign"):
        assert action.authority.campaign_id == action.campaign_id
        assert action.goal > 0 and action.text and action.created_at < now
        if action.status == Action.Status.OPEN:
            assert action.campaign.status == C.ACTIVE
            assert action.closes_at > now and services.is_open(action)
        else:
            assert action.closes_at < now
    delivered = Action.objects.filter(status=Action.Status.DELIVERED)
    assert delivered.exists()
    for action in delivered:
        assert action.delivered_on and action.delivered_to and action.response
        assert action.closes_at.date() <= action.delivered_on <= timezone.localdate()
    assert delivered.filter(kind=Action.Kind.LETTER, campaign__status=C.WON).exists()


def test_every_counter_equals_its_confirmed_signatures(demo):
    for action in Action.objects.all():
        confirmed = action.signatures.filter(status=Signature.Status.CONFIRMED)
        assert action.signature_count == confirmed.count() > 0
        # The momentum chart's daily tallies add up to the counter too.
        assert action.tallies.aggregate(n=Sum("count"))["n"] == action.signature_count
    # A few supporters have not clicked the link in their email yet: they do not count.
    pending = Signature.objects.filter(status=Signature.Status.PENDING)
    assert pending.exists()
    assert not pending.exclude(action__status=Action.Status.OPEN).exists()
    assert not pending.exclude(confirmed_at=None).exists()


def test_signatures_look_like_real_supporters(demo):
    now = timezone.now()
    confirmed = Signature.objects.filter(status=Signature.Status.CONFIRMED)
    countries = set(confirmed.values_list("country", flat=True))
    assert {"IQ", "IT", "DE", "FR", "GB", "SE", "US"} <= countries
    assert confirmed.filter(country="IQ").count() > confirmed.exclude(country="IQ").count()
    assert not confirmed.filter(country="IQ", governorate=None).exists()
    assert not confirmed.exclude(country="IQ").exclude(governorate=None).exists()
    assert confirmed.filter(show_name=True).exists() and confirmed.filter(show_name=False).exists()
    assert confirmed.filter(keep_informed=True).exists()
    assert set(confirmed.values_list("language", flat=True)) >= {"ar", "ckb", "kmr", "it", "en"}
    names = list(confirmed.filter(show_name=True).values_list("name", flat=True)[:3000])
    assert any("\u0600" <= ch <= "\u06ff" for name in names for ch in name)  # Arabic script
    assert any(ch in "îêûşç" for name in names for ch in name)  # Kurmanji Latin letters
    for signature in confirmed.select_related("action")[:500]:
        assert signature.confirmed_at <= now
        assert signature.action.created_at <= signature.confirmed_at
        assert signature.email_key == services.email_key(signature.email)
        assert len(signature.nonce) == 16 and int(signature.nonce, 16) >= 0
    spread = confirmed.values_list("confirmed_at", flat=True)
    assert (max(spread) - min(spread)).days > 60
    letters = Signature.objects.exclude(letter="")
    assert letters.exists()
    assert not letters.exclude(action__kind=Action.Kind.LETTER).exists()
    assert set(letters.values_list("action", flat=True)) == set(
        Action.objects.filter(kind=Action.Kind.LETTER).values_list("pk", flat=True)
    )


def test_endorsements_accepted_and_waiting(demo):
    accepted = Endorsement.objects.filter(status=Endorsement.Status.ACCEPTED)
    waiting = Endorsement.objects.filter(status=Endorsement.Status.REQUESTED)
    assert accepted.exists() and waiting.exists()
    assert accepted.filter(organisation__country="IQ").exists()
    assert accepted.exclude(organisation__country="IQ").exists()
    for endorsement in Endorsement.objects.select_related("campaign", "organisation", "requested_by"):
        assert endorsement.organisation_id != endorsement.campaign.lead_id
        assert endorsement.organisation.memberships.filter(
            person=endorsement.requested_by, role=Membership.Role.ADMIN
        ).exists()
    for endorsement in accepted.select_related("campaign", "decided_by"):
        assert endorsement.campaign.lead.memberships.filter(person=endorsement.decided_by).exists()
        assert endorsement.created_at <= endorsement.decided_at <= timezone.now()


def test_solidarity_messages_published_with_translations_and_pending(demo):
    published = Message.objects.filter(status=Message.Status.PUBLISHED)
    pending = Message.objects.filter(status=Message.Status.PENDING)
    assert pending.exists() and published.exists()
    assert published.exclude(translations={}).count() >= 5
    assert published.exclude(country="IQ").count() == published.count()  # international supporters
    assert {"it", "fr", "de", "es", "en"} <= set(Message.objects.values_list("language", flat=True))
    for message in published:
        assert message.published_at and message.created_at <= message.published_at
        assert message.language not in message.translations
    for message in pending:
        assert message.published_at is None and message.campaign.status == C.ACTIVE


def test_reloading_replaces_the_campaigns(demo):
    first = counts()
    pks = set(Campaign.objects.values_list("pk", flat=True))
    out = StringIO()
    result = load_demo_campaigns(stdout=out)
    assert counts() == first
    assert not pks & set(Campaign.objects.values_list("pk", flat=True))
    assert result["campaigns"] == len(CAMPAIGNS)
    assert result["signatures"] == first["confirmed"]
    assert "Removed the previous campaigns" in out.getvalue()


def test_reloading_the_whole_demo_works_with_campaigns(demo):
    # An action protects its authority: the command removes the campaigns before the
    # network demo deletes the organisations that lead them.
    before = counts()
    call_command("demo", stdout=StringIO())
    assert counts() == before


def test_loading_sends_no_email(demo, django_capture_on_commit_callbacks):
    # The updates are posted while signers who asked for news exist from earlier loads:
    # whatever the load leaves for the commit runs here, and sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        load_demo_campaigns()
    assert mail.outbox == []


def test_the_campaigns_need_the_demo_network(demo):
    remove_demo_campaigns()
    Organisation.objects.all().delete()
    with pytest.raises(RuntimeError, match="demo network"):
        load_demo_campaigns()
