"""Rules and invariants of the campaigns' services: proposing and reviewing campaigns,
endorsements, actions, signatures (double opt-in), exports, messages and updates."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.core import mail, signing
from django.utils import timezone, translation

from tadamun.campaigns import queries, services
from tadamun.campaigns.models import Action, Campaign, Endorsement, Export, Message, Signature
from tadamun.core.errors import DomainError, PermissionDenied, TooManyRequests
from tadamun.network.models import Governorate, Membership, Organisation
from tadamun.newsroom.models import Translator
from tadamun.pathways.models import Pathway
from tests import factories
from tests.campaigns import factories as make

pytestmark = pytest.mark.django_db


def draft(title="Clean water for Basra", story="The river is salty again.\n\nFamilies buy water.", **overrides):
    values = dict(
        title=title,
        story=story,
        original_language="en",
        summary="A summer without drinking water.",
        demands="Repair the pumping station\n- Test the water every month",
        pathways=list(Pathway.objects.filter(slug="heritage-environment")),
        governorates=list(Governorate.objects.filter(iso_code="IQ-BA")),
    )
    values.update(overrides)
    return services.CampaignDraft(**values)


def action_draft(campaign, **overrides):
    values = dict(
        kind=Action.Kind.PETITION,
        authority=campaign.authorities.first(),
        title="Repair the pumping station",
        text="We ask the Ministry to repair the pumping station before the summer.",
        language="en",
        goal=500,
        closes_at=timezone.now() + timedelta(days=30),
    )
    values.update(overrides)
    return services.ActionDraft(**values)


def limit(name: str) -> int:
    return int(settings.RATE_LIMITS[name].split("/")[0])


def count(action) -> int:
    action.refresh_from_db()
    return action.signature_count


@pytest.fixture
def lead(organisation):
    return organisation  # an approved Iraqi organisation


@pytest.fixture
def editor(lead):
    return factories.member(lead, Membership.Role.EDITOR)


@pytest.fixture
def admin(lead):
    return factories.member(lead, Membership.Role.ADMIN)


@pytest.fixture
def campaign(lead):
    return make.campaign(lead)


@pytest.fixture
def action(campaign):
    return make.petition(campaign)


# --- Proposing a campaign ------------------------------------------------------------------


@pytest.mark.parametrize("role", [Membership.Role.EDITOR, Membership.Role.ADMIN])
def test_an_editor_of_an_iraqi_organisation_proposes_a_campaign_and_coordinators_are_told(
    lead, role, django_capture_on_commit_callbacks
):
    staff = factories.coordinator(language="ar")
    factories.coordinator(is_active=False)
    proposer = factories.member(lead, role)
    with django_capture_on_commit_callbacks(execute=True):
        campaign = services.propose_campaign(by=proposer, lead=lead, draft=draft())
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.PROPOSED
    assert campaign.lead == lead and campaign.proposed_by == proposer
    assert campaign.slug.startswith("clean-water-for-basra-")
    assert campaign.published_at is None
    assert [p.slug for p in campaign.pathways.all()] == ["heritage-environment"]
    assert [g.iso_code for g in campaign.governorates.all()] == ["IQ-BA"]
    assert campaign.demand_list == ["Repair the pumping station", "Test the water every month"]
    assert campaign not in queries.public()
    assert [m.to for m in mail.outbox] == [[staff.email]]


def test_an_arabic_title_still_gets_an_address(editor, lead):
    first = services.propose_campaign(by=editor, lead=lead, draft=draft(title="الماء في البصرة"))
    second = services.propose_campaign(by=editor, lead=lead, draft=draft(title="الماء في البصرة"))
    assert first.slug and second.slug and first.slug != second.slug


def test_an_international_organisation_does_not_lead_campaigns():
    international = factories.OrganisationFactory(country="IT", kind=Organisation.Kind.INTERNATIONAL)
    admin = factories.member(international, Membership.Role.ADMIN)
    with pytest.raises(PermissionDenied):
        services.propose_campaign(by=admin, lead=international, draft=draft())
    assert not Campaign.objects.exists()


@pytest.mark.parametrize("who", ["plain member", "outsider", "editor elsewhere", "editor of a pending organisation", "coordinator"])
def test_only_editors_of_the_approved_lead_propose(lead, who):
    target = lead
    if who == "plain member":
        proposer = factories.member(lead, Membership.Role.MEMBER)
    elif who == "outsider":
        proposer = factories.UserFactory()
    elif who == "editor elsewhere":
        proposer = factories.member(factories.OrganisationFactory(), Membership.Role.EDITOR)
    elif who == "editor of a pending organisation":
        target = factories.OrganisationFactory(status=Organisation.Status.PENDING)
        proposer = factories.member(target, Membership.Role.EDITOR)
    else:
        proposer = factories.coordinator()
    with pytest.raises(PermissionDenied):
        services.propose_campaign(by=proposer, lead=target, draft=draft())
    assert not Campaign.objects.exists()


@pytest.mark.parametrize(
    "field, overrides",
    [
        ("title", {"title": "  "}),
        ("title", {"title": "\u202e\u2066"}),
        ("story", {"story": " \n "}),
        ("original_language", {"original_language": "xx"}),
        ("pathways", {"pathways": []}),
        ("ends_on", {"starts_on": date(2030, 5, 1), "ends_on": date(2030, 4, 1)}),
    ],
)
def test_an_incomplete_proposal_is_refused_on_the_right_field(editor, lead, field, overrides):
    with pytest.raises(DomainError) as refused:
        services.propose_campaign(by=editor, lead=lead, draft=draft(**overrides))
    assert refused.value.field == field
    assert not Campaign.objects.exists()


# --- Review -----------------------------------------------------------------------------


@pytest.fixture
def proposed(editor, lead):
    return services.propose_campaign(by=editor, lead=lead, draft=draft())


def test_a_coordinator_approves_and_the_proposer_is_told(proposed, editor, coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.review_campaign(by=coordinator, campaign=proposed, approve=True)
    proposed.refresh_from_db()
    assert proposed.status == Campaign.Status.ACTIVE
    assert proposed.published_at is not None and proposed.reviewed_by == coordinator
    assert list(queries.public()) == [proposed]
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert proposed.slug in mail.outbox[0].body


def test_a_rejection_needs_a_reason_which_the_proposer_reads(proposed, editor, coordinator, django_capture_on_commit_callbacks):
    for reason in ("", "   "):
        with pytest.raises(DomainError) as refused:
            services.review_campaign(by=coordinator, campaign=proposed, approve=False, reason=reason)
        assert refused.value.field == "reason"
    proposed.refresh_from_db()
    assert proposed.status == Campaign.Status.PROPOSED
    with django_capture_on_commit_callbacks(execute=True):
        services.review_campaign(by=coordinator, campaign=proposed, approve=False, reason="Name the authority you address.")
    proposed.refresh_from_db()
    assert proposed.status == Campaign.Status.REJECTED
    assert proposed.rejection_reason == "Name the authority you address."
    assert proposed.published_at is None
    assert list(queries.public()) == []
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert "Name the authority you address." in mail.outbox[0].body


def test_only_coordinators_review_and_only_once(proposed, lead, coordinator):
    for person in (factories.member(lead, Membership.Role.ADMIN), factories.UserFactory()):
        with pytest.raises(PermissionDenied):
            services.review_campaign(by=person, campaign=proposed, approve=True)
    services.review_campaign(by=coordinator, campaign=proposed, approve=True)
    with pytest.raises(DomainError):
        services.review_campaign(by=coordinator, campaign=proposed, approve=False, reason="Changed my mind")
    proposed.refresh_from_db()
    assert proposed.status == Campaign.Status.ACTIVE


# --- Editing and translating ---------------------------------------------------------------


def test_the_lead_edits_its_campaign_and_search_follows(campaign, editor):
    services.edit_campaign(by=editor, campaign=campaign, draft=draft(title="Marshes of Chibayish", story="The buffaloes are thirsty."))
    campaign.refresh_from_db()
    assert campaign.title == "Marshes of Chibayish"
    assert "buffaloes" in campaign.story_html
    assert list(queries.public(queries.CampaignFilters(q="buffaloes"))) == [campaign]
    assert list(queries.public(queries.CampaignFilters(q="salty"))) == []


def test_a_coordinator_edits_but_others_do_not(campaign, coordinator):
    services.edit_campaign(by=coordinator, campaign=campaign, draft=draft(title="Fixed by a coordinator"))
    for person in (
        factories.member(factories.OrganisationFactory(), Membership.Role.ADMIN),
        factories.member(campaign.lead, Membership.Role.MEMBER),
        factories.UserFactory(),
    ):
        with pytest.raises(PermissionDenied):
            services.edit_campaign(by=person, campaign=campaign, draft=draft(title="Hijacked"))
    campaign.refresh_from_db()
    assert campaign.title == "Fixed by a coordinator"


def test_a_rejected_campaign_is_not_edited_even_by_its_lead(lead, editor):
    rejected = make.campaign(lead, Campaign.Status.REJECTED)
    with pytest.raises(PermissionDenied):
        services.edit_campaign(by=editor, campaign=rejected, draft=draft(title="Second try"))


def test_an_edit_that_empties_the_story_changes_nothing(campaign, editor):
    with pytest.raises(DomainError) as refused:
        services.edit_campaign(by=editor, campaign=campaign, draft=draft(story=""))
    assert refused.value.field == "story"
    campaign.refresh_from_db()
    assert campaign.story.startswith("The river is salty")


def test_a_translation_is_shown_in_its_language_and_found_by_search(campaign, editor):
    services.translate_campaign(
        by=editor, campaign=campaign, language="ar", title="ماء نظيف للبصرة", summary="صيف بلا ماء", story="النهر مالح."
    )
    campaign.refresh_from_db()
    with translation.override("ar"):
        assert campaign.display_title == "ماء نظيف للبصرة"
        assert campaign.display_language == "ar"
        assert "النهر" in campaign.story_markup
    with translation.override("it"):
        assert campaign.display_title == campaign.title
        assert campaign.display_language == "en"
    assert list(queries.public(queries.CampaignFilters(q="نظيف"))) == [campaign]


@pytest.mark.parametrize(
    "language, title, story", [("en", "Same", "Same"), ("xx", "Title", "Story"), ("ar", "", "Story"), ("ar", "Title", " ")]
)
def test_a_translation_needs_another_language_a_title_and_a_story(campaign, editor, language, title, story):
    with pytest.raises(DomainError):
        services.translate_campaign(by=editor, campaign=campaign, language=language, title=title, summary="", story=story)
    campaign.refresh_from_db()
    assert campaign.translations == {}


def test_outsiders_do_not_translate_a_campaign(campaign):
    with pytest.raises(PermissionDenied):
        services.translate_campaign(
            by=factories.UserFactory(), campaign=campaign, language="ar", title="عنوان", summary="", story="قصة"
        )


def test_the_lead_marks_the_outcome_of_an_approved_campaign_only(campaign, editor, lead):
    services.set_outcome(by=editor, campaign=campaign, status=Campaign.Status.WON)
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.WON and campaign in queries.public()
    with pytest.raises(DomainError):
        services.set_outcome(by=editor, campaign=campaign, status=Campaign.Status.PROPOSED)
    waiting = make.campaign(lead, Campaign.Status.PROPOSED)
    with pytest.raises(DomainError):
        services.set_outcome(by=editor, campaign=waiting, status=Campaign.Status.ACTIVE)
    waiting.refresh_from_db()
    assert waiting.status == Campaign.Status.PROPOSED


def test_milestones_and_indicators_have_their_rules(campaign, editor):
    today = timezone.localdate()
    milestone = services.add_milestone(by=editor, campaign=campaign, title="Meet the ministry", due_on=today)
    with pytest.raises(DomainError):
        services.reach_milestone(by=editor, milestone=milestone, reached_on=today + timedelta(days=1))
    services.reach_milestone(by=editor, milestone=milestone, reached_on=today)
    indicator = services.add_indicator(
        by=editor, campaign=campaign, name="Families with safe water", baseline="100", target="1000",
        baseline_on=today - timedelta(days=10),
    )
    for value, field in (("many", "value"), ("1e20", "value")):
        with pytest.raises(DomainError) as refused:
            services.record_measurement(by=editor, indicator=indicator, measured_on=today, value=value)
        assert refused.value.field == field
    with pytest.raises(DomainError):
        services.record_measurement(by=editor, indicator=indicator, measured_on=today - timedelta(days=11), value=200)
    with pytest.raises(DomainError):
        services.add_indicator(by=editor, campaign=campaign, name="Same", baseline=5, target=5, baseline_on=today)
    services.record_measurement(by=editor, indicator=indicator, measured_on=today, value="550")
    chart = queries.campaign_page(campaign).indicators[0].chart
    assert chart.percent == 50
    with pytest.raises(PermissionDenied):
        services.add_milestone(by=factories.UserFactory(), campaign=campaign, title="Sneaky", due_on=today)


# --- Endorsements ---------------------------------------------------------------------------


@pytest.fixture
def friend():
    """An international member organisation, and its administrator."""
    organisation = factories.OrganisationFactory(country="IT", kind=Organisation.Kind.INTERNATIONAL)
    return organisation, factories.member(organisation, Membership.Role.ADMIN)


def test_another_organisations_admin_asks_to_endorse_and_the_lead_accepts(
    campaign, editor, admin, friend, django_capture_on_commit_callbacks
):
    organisation, friend_admin = friend
    factories.member(campaign.lead, Membership.Role.MEMBER)  # a plain member is not asked
    with django_capture_on_commit_callbacks(execute=True):
        endorsement = services.request_endorsement(
            by=friend_admin, campaign=campaign, organisation=organisation, statement="Water is a right."
        )
    assert endorsement.status == Endorsement.Status.REQUESTED
    assert sorted(m.to[0] for m in mail.outbox) == sorted([editor.email, admin.email])
    assert queries.campaign_page(campaign).endorsements == []
    assert queries.desk(campaign).endorsements == [endorsement]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_endorsement(by=editor, endorsement=endorsement, accept=True)
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.ACCEPTED and endorsement.decided_by == editor
    assert queries.campaign_page(campaign).endorsements == [endorsement]
    assert [m.to for m in mail.outbox] == [[friend_admin.email]]
    with pytest.raises(DomainError):
        services.decide_endorsement(by=editor, endorsement=endorsement, accept=False)
    with pytest.raises(DomainError) as again:
        services.request_endorsement(by=friend_admin, campaign=campaign, organisation=organisation)
    assert again.value.field == "organisation"


def test_a_declined_endorsement_is_not_shown_and_may_be_asked_again(campaign, editor, friend):
    organisation, friend_admin = friend
    endorsement = services.request_endorsement(by=friend_admin, campaign=campaign, organisation=organisation)
    services.decide_endorsement(by=editor, endorsement=endorsement, accept=False)
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.DECLINED
    assert queries.campaign_page(campaign).endorsements == []
    again = services.request_endorsement(by=friend_admin, campaign=campaign, organisation=organisation, statement="Please")
    assert again.pk == endorsement.pk and again.status == Endorsement.Status.REQUESTED
    assert Endorsement.objects.count() == 1


def test_only_an_admin_endorses_in_the_organisations_name(campaign, friend):
    organisation, _admin = friend
    for person in (factories.member(organisation, Membership.Role.EDITOR), factories.UserFactory(), factories.coordinator()):
        with pytest.raises(PermissionDenied):
            services.request_endorsement(by=person, campaign=campaign, organisation=organisation)
    assert not Endorsement.objects.exists()


def test_the_lead_does_not_endorse_itself(campaign, admin):
    with pytest.raises(DomainError) as refused:
        services.request_endorsement(by=admin, campaign=campaign, organisation=campaign.lead)
    assert refused.value.field == "organisation"
    assert not Endorsement.objects.exists()


def test_only_active_campaigns_are_endorsed(lead, friend):
    organisation, friend_admin = friend
    for status in (Campaign.Status.PROPOSED, Campaign.Status.REJECTED, Campaign.Status.ENDED):
        with pytest.raises(DomainError):
            services.request_endorsement(by=friend_admin, campaign=make.campaign(lead, status), organisation=organisation)
    assert not Endorsement.objects.exists()


def test_only_the_lead_or_a_coordinator_decides_an_endorsement(campaign, friend, coordinator):
    organisation, friend_admin = friend
    endorsement = services.request_endorsement(by=friend_admin, campaign=campaign, organisation=organisation)
    for person in (friend_admin, factories.member(campaign.lead, Membership.Role.MEMBER)):
        with pytest.raises(PermissionDenied):
            services.decide_endorsement(by=person, endorsement=endorsement, accept=True)
    services.decide_endorsement(by=coordinator, endorsement=endorsement, accept=True)
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.ACCEPTED


# --- Opening actions --------------------------------------------------------------------------


def test_the_lead_opens_a_petition_to_one_of_its_authorities(campaign, editor):
    opened = services.open_action(by=editor, campaign=campaign, draft=action_draft(campaign))
    assert opened.status == Action.Status.OPEN and opened.signature_count == 0
    assert opened.created_by == editor and opened.authority.campaign == campaign
    assert services.is_open(opened)


def test_actions_open_only_on_active_campaigns(lead, editor):
    for status in (Campaign.Status.PROPOSED, Campaign.Status.WON, Campaign.Status.ENDED):
        waiting = make.campaign(lead, status)
        with pytest.raises(DomainError):
            services.open_action(by=editor, campaign=waiting, draft=action_draft(waiting))
    assert not Action.objects.exists()


@pytest.mark.parametrize(
    "field, overrides",
    [
        ("kind", {"kind": "riot"}),
        ("authority", {"authority": None}),
        ("title", {"title": " "}),
        ("text", {"text": ""}),
        ("language", {"language": "xx"}),
        ("goal", {"goal": 0}),
        ("closes_at", {"closes_at": timezone.now() - timedelta(minutes=1)}),
    ],
)
def test_an_action_is_refused_on_the_right_field(campaign, editor, field, overrides):
    with pytest.raises(DomainError) as refused:
        services.open_action(by=editor, campaign=campaign, draft=action_draft(campaign, **overrides))
    assert refused.value.field == field
    assert not Action.objects.exists()


def test_the_authority_must_belong_to_the_campaign(campaign, editor, lead):
    elsewhere = make.campaign(lead, authority="Parliament committee on water")
    with pytest.raises(DomainError) as refused:
        services.open_action(by=editor, campaign=campaign, draft=action_draft(campaign, authority=elsewhere.authorities.get()))
    assert refused.value.field == "authority"
    assert not Action.objects.exists()


def test_outsiders_do_not_open_actions(campaign):
    for person in (factories.UserFactory(), factories.member(campaign.lead, Membership.Role.MEMBER)):
        with pytest.raises(PermissionDenied):
            services.open_action(by=person, campaign=campaign, draft=action_draft(campaign))


def test_closing_and_delivering_an_action(action, editor):
    services.close_action(by=editor, action=action)
    assert action.status == Action.Status.CLOSED and not services.is_open(action)
    with pytest.raises(DomainError):
        services.record_delivery(by=editor, action=action, delivered_on=timezone.localdate() + timedelta(days=1), delivered_to="Minister")
    with pytest.raises(DomainError) as refused:
        services.record_delivery(by=editor, action=action, delivered_on=timezone.localdate(), delivered_to=" ")
    assert refused.value.field == "delivered_to"
    services.record_delivery(by=editor, action=action, delivered_on=timezone.localdate(), delivered_to="The minister's office")
    assert action.status == Action.Status.DELIVERED
    with pytest.raises(PermissionDenied):
        services.close_action(by=factories.UserFactory(), action=action)


# --- Signing: double opt-in --------------------------------------------------------------------


def test_a_pending_signature_does_not_count(action):
    person = make.sign(action, make.signer(show_name=True))
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING and signature.confirmed_at is None
    assert count(action) == 0
    assert queries.public_signers(action) == []
    assert list(services.confirmed_signatures(action)) == []
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert make.confirm_token(person.email)


def test_nothing_is_sent_before_the_signature_commits(action, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.sign(action=action, signer=make.signer(), language="en")
    assert mail.outbox == [] and len(callbacks) == 1


def test_confirming_counts_the_signature_once(action):
    person = make.sign(action, make.signer(show_name=True, name="Layla Hassan"))
    token = make.confirm_token(person.email)
    first = services.confirm_signature(token)
    assert first.already is False and first.signature.status == Signature.Status.CONFIRMED
    assert first.signature.confirmed_at is not None
    assert count(action) == 1
    assert [s.name for s in queries.public_signers(action)] == ["Layla Hassan"]
    second = services.confirm_signature(token)  # the second click
    assert second.already is True
    assert count(action) == 1
    assert Signature.objects.filter(status=Signature.Status.CONFIRMED).count() == 1


def test_a_name_is_shown_only_when_the_signer_chose_it(action):
    make.signed_and_confirmed(action, make.signer(show_name=False))
    assert count(action) == 1 and queries.public_signers(action) == []


def test_an_expired_link_is_refused_and_counts_nothing(action, monkeypatch):
    hours = settings.SIGNATURE_CONFIRM_HOURS
    with monkeypatch.context() as past:
        long_ago = int(timezone.now().timestamp()) - hours * 3600 - 60
        past.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(long_ago))
        person = make.sign(action)
    with pytest.raises(DomainError) as refused:
        make.confirm(person.email)
    assert "expired" in refused.value.message
    assert Signature.objects.get().status == Signature.Status.PENDING
    assert count(action) == 0
    make.sign(action, person)  # signing again sends a fresh link
    assert make.confirm(person.email).already is False
    assert count(action) == 1


def test_a_link_just_within_its_time_is_accepted(action, monkeypatch):
    hours = settings.SIGNATURE_CONFIRM_HOURS
    with monkeypatch.context() as past:
        recently = int(timezone.now().timestamp()) - hours * 3600 + 120
        past.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(recently))
        person = make.sign(action)
    make.confirm(person.email)
    assert count(action) == 1


def test_a_forged_link_is_refused(action):
    person = make.sign(action)
    token = make.confirm_token(person.email)
    signature = Signature.objects.get()
    forgeries = [
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # tampered signature
        "garbage",
        "",
        signing.dumps([signature.pk, signature.nonce], salt="another.salt"),
        signing.dumps([signature.pk, signature.nonce], salt=services.CONFIRM_SALT, key="not-the-secret-key"),
        services.withdraw_token(signature),  # a withdrawal link is not a confirmation link
        signing.dumps(["x"], salt=services.CONFIRM_SALT),
    ]
    for forged in forgeries:
        with pytest.raises(DomainError):
            services.confirm_signature(forged)
    with pytest.raises(DomainError) as replaced:  # well signed, with a nonce that is not the signature's
        services.confirm_signature(signing.dumps([signature.pk, "0" * 16], salt=services.CONFIRM_SALT))
    assert "newer" in replaced.value.message
    assert count(action) == 0
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_signing_again_with_the_same_address_in_another_case_keeps_one_signature(action):
    first = make.sign(action, make.signer(email="Layla.Hassan@Example.org", name="Layla"))
    old_token = make.confirm_token(first.email)
    make.sign(action, make.signer(email="  layla.hassan@example.ORG ", name="Layla Hassan", show_name=True))
    signature = Signature.objects.get()
    assert signature.name == "Layla Hassan" and signature.show_name is True
    assert signature.email == "layla.hassan@example.ORG"
    assert len(mail.outbox) == 2
    new_token = make.CONFIRM_LINK.search(mail.outbox[-1].body).group(1)
    assert new_token != old_token
    with pytest.raises(DomainError) as replaced:
        services.confirm_signature(old_token)
    assert "newer" in replaced.value.message
    services.confirm_signature(new_token)
    assert count(action) == 1
    assert services.confirm_signature(old_token).already is True  # confirmed: no harm in an old click


def test_signing_again_after_confirming_changes_nothing_and_says_so(action):
    person = make.signer(email="layla@example.org", name="Layla", show_name=True)
    make.signed_and_confirmed(action, person)
    mail.outbox.clear()
    make.sign(action, make.signer(email="LAYLA@example.org", name="Someone else", show_name=False))
    assert count(action) == 1
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.CONFIRMED
    assert signature.name == "Layla" and signature.show_name is True
    assert [m.to for m in mail.outbox] == [["LAYLA@example.org"]]
    body = mail.outbox[0].body
    assert not make.CONFIRM_LINK.search(body)  # no new link to confirm
    assert make.WITHDRAW_LINK.search(body)  # but the way to withdraw


@pytest.mark.parametrize("how", ["closes_at passed", "closed", "delivered", "campaign won", "campaign ended"])
def test_a_closed_action_refuses_signatures_and_changes_nothing(campaign, how):
    if how == "closes_at passed":
        action = make.petition(campaign, closes_at=timezone.now() - timedelta(seconds=1))
    elif how in ("closed", "delivered"):
        action = make.petition(campaign, status=how)
    else:
        action = make.petition(campaign)
        campaign.status = Campaign.Status.WON if how == "campaign won" else Campaign.Status.ENDED
        campaign.save()
        action.refresh_from_db()
    with pytest.raises(DomainError) as refused:
        make.sign(action)
    assert "closed" in refused.value.message
    assert not Signature.objects.exists() and mail.outbox == [] and count(action) == 0


@pytest.mark.parametrize("how", ["action closed", "closes_at passed", "campaign ended"])
def test_a_signature_confirmed_after_the_action_closed_does_not_count(action, how):
    person = make.sign(action)
    if how == "action closed":
        Action.objects.filter(pk=action.pk).update(status=Action.Status.CLOSED)
    elif how == "closes_at passed":
        Action.objects.filter(pk=action.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
    else:
        Campaign.objects.filter(pk=action.campaign_id).update(status=Campaign.Status.ENDED)
    with pytest.raises(DomainError) as refused:
        make.confirm(person.email)
    assert "closed" in refused.value.message
    assert count(action) == 0
    assert Signature.objects.get().status == Signature.Status.PENDING


@pytest.mark.parametrize(
    "field, overrides",
    [
        ("name", {"name": "  "}),
        ("email", {"email": "not-an-address"}),
        ("email", {"email": "layla@"}),
        ("email", {"email": ""}),
        ("email", {"email": "someone@mailinator.com"}),
        ("email", {"email": "Someone@MAILINATOR.COM"}),
        ("country", {"country": "XX"}),
        ("country", {"country": ""}),
        ("governorate", {"country": "FR", "governorate": "IQ-BA"}),
    ],
)
def test_invalid_signers_are_refused_on_the_right_field(action, field, overrides):
    if "governorate" in overrides:
        overrides["governorate"] = Governorate.objects.get(iso_code=overrides["governorate"])
    with pytest.raises(DomainError) as refused:
        make.sign(action, make.signer(**overrides))
    assert refused.value.field == field
    assert not Signature.objects.exists() and mail.outbox == []


def test_disposable_addresses_may_be_allowed_by_settings(action, settings):
    settings.CAMPAIGNS_BLOCK_DISPOSABLE_EMAIL = False
    make.sign(action, make.signer(email="someone@mailinator.com"))
    assert Signature.objects.count() == 1


def test_a_signer_in_iraq_gives_a_governorate(action):
    basra = Governorate.objects.get(iso_code="IQ-BA")
    make.signed_and_confirmed(action, make.signer(country="IQ", governorate=basra))
    make.signed_and_confirmed(action, make.signer(country="DE"))
    assert {(s.country.code, s.governorate_id) for s in Signature.objects.all()} == {("IQ", basra.pk), ("DE", None)}


def test_a_letter_as_written_is_stored_empty_and_a_personal_one_in_full(campaign):
    letter = make.letter_action(campaign)
    make.signed_and_confirmed(letter, make.signer(email="same@example.org", letter=f"  {letter.text}\n"))
    make.signed_and_confirmed(letter, make.signer(email="own@example.org", letter="Dear Minister, my son drinks this water."))
    letters = dict(Signature.objects.values_list("email", "letter"))
    assert letters == {"same@example.org": "", "own@example.org": "Dear Minister, my son drinks this water."}
    with pytest.raises(DomainError) as refused:
        make.sign(letter, make.signer(letter="x" * 5001))
    assert refused.value.field == "letter"


def test_too_many_attempts_with_one_address_are_refused(action):
    allowed = limit("sign_email")
    for i in range(allowed):
        make.sign(action, make.signer(email="Flooded@example.org" if i % 2 else "flooded@example.org"))
    sent = len(mail.outbox)
    with pytest.raises(TooManyRequests):
        make.sign(action, make.signer(email="FLOODED@example.org"))
    assert len(mail.outbox) == sent == allowed
    assert Signature.objects.count() == 1
    make.sign(action, make.signer(email="someone.else@example.org"))  # other addresses still sign


def test_too_many_signatures_from_one_connection_are_refused(action, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign_address": "3/h"}
    for _ in range(3):
        make.sign(action, client="203.0.113.7")
    with pytest.raises(TooManyRequests):
        make.sign(action, client="203.0.113.7")
    assert Signature.objects.count() == 3
    make.sign(action, client="203.0.113.8")
    assert Signature.objects.count() == 4


def test_a_refused_signature_does_not_use_up_the_rate(action):
    for _ in range(limit("sign_email") + 2):
        with pytest.raises(DomainError):
            make.sign(action, make.signer(email="layla@example.org", country="XX"))
    make.sign(action, make.signer(email="layla@example.org"))
    assert Signature.objects.count() == 1


# --- Withdrawal and purge ---------------------------------------------------------------------


def test_withdrawing_a_confirmed_signature_uncounts_it_and_erases_the_person(action):
    basra = Governorate.objects.get(iso_code="IQ-BA")
    person = make.signer(name="Layla Hassan", governorate=basra, show_name=True, keep_informed=True)
    signature = make.signed_and_confirmed(action, person)
    make.signed_and_confirmed(action)
    assert count(action) == 2
    token = make.withdraw_token(person.email)
    withdrawn = services.withdraw_signature(token)
    assert withdrawn.pk == signature.pk and withdrawn.status == Signature.Status.WITHDRAWN
    assert count(action) == 1
    signature.refresh_from_db()
    assert (signature.name, signature.email, signature.letter, signature.governorate) == ("", "", "", None)
    assert signature.show_name is False and signature.keep_informed is False
    assert signature.withdrawn_at is not None
    assert queries.public_signers(action) == []
    services.withdraw_signature(token)  # the link followed again: no harm
    assert count(action) == 1
    with pytest.raises(DomainError):
        make.confirm(person.email)  # the old confirmation link does not bring it back
    assert count(action) == 1


def test_withdrawing_a_pending_signature_erases_it_without_uncounting(action):
    person = make.sign(action)
    make.signed_and_confirmed(action)
    services.withdraw_signature(make.withdraw_token(person.email))
    assert count(action) == 1
    signature = Signature.objects.get(status=Signature.Status.WITHDRAWN)
    assert signature.email == "" and signature.name == ""
    with pytest.raises(DomainError) as refused:
        make.confirm(person.email)
    assert "withdrawn" in refused.value.message
    assert count(action) == 1


def test_a_forged_withdrawal_link_is_refused(action):
    person = make.signer()
    signature = make.signed_and_confirmed(action, person)
    other = make.signed_and_confirmed(action)
    for forged in (
        "garbage",
        make.withdraw_token(person.email)[:-3] + "xyz",
        signing.dumps([signature.pk, other.email_key[:16]], salt=services.WITHDRAW_SALT),  # someone else's key
        signing.dumps([signature.pk, signature.nonce], salt=services.CONFIRM_SALT),
        signing.dumps([999999, signature.email_key[:16]], salt=services.WITHDRAW_SALT),
    ):
        with pytest.raises(DomainError):
            services.withdraw_signature(forged)
    assert count(action) == 2


def test_signing_again_after_withdrawing_counts_again(action):
    person = make.signer(email="layla@example.org")
    make.signed_and_confirmed(action, person)
    services.withdraw_signature(make.withdraw_token(person.email))
    assert count(action) == 0
    make.sign(action, make.signer(email="Layla@example.org", name="Layla again"))
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING and signature.withdrawn_at is None
    assert signature.name == "Layla again" and signature.email == "Layla@example.org"
    assert count(action) == 0
    make.confirm("Layla@example.org")
    assert count(action) == 1
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


def _age(signature, hours):
    Signature.objects.filter(pk=signature.pk).update(created_at=timezone.now() - timedelta(hours=hours))


def test_purge_deletes_only_old_unconfirmed_signatures(action):
    expired_hours = settings.SIGNATURE_CONFIRM_HOURS + 25
    make.sign(action, make.signer(email="old.pending@example.org"))
    make.sign(action, make.signer(email="new.pending@example.org"))
    make.signed_and_confirmed(action, make.signer(email="old.confirmed@example.org"))
    withdrawn = make.signed_and_confirmed(action, make.signer(email="old.withdrawn@example.org"))
    services.withdraw_signature(make.withdraw_token("old.withdrawn@example.org"))
    for signature in Signature.objects.exclude(email="new.pending@example.org"):
        _age(signature, expired_hours)
    _age(Signature.objects.get(email="new.pending@example.org"), settings.SIGNATURE_CONFIRM_HOURS)
    assert services.purge_unconfirmed() == 1
    assert not Signature.objects.filter(email="old.pending@example.org").exists()
    assert Signature.objects.filter(email="new.pending@example.org", status=Signature.Status.PENDING).exists()
    assert Signature.objects.filter(email="old.confirmed@example.org").exists()
    assert Signature.objects.filter(pk=withdrawn.pk).exists()  # keeps its key: the signer may sign again
    assert count(action) == 1
    assert services.purge_unconfirmed() == 0


@pytest.mark.parametrize("before", ["pending", "withdrawn"])
def test_signing_again_long_after_gives_a_fresh_link_that_the_purge_spares(action, before):
    person = make.signer(email="layla@example.org")
    if before == "pending":
        make.sign(action, person)
    else:
        make.signed_and_confirmed(action, person)
        services.withdraw_signature(make.withdraw_token(person.email))
    _age(Signature.objects.get(), settings.SIGNATURE_CONFIRM_HOURS + 24 * 7)
    make.sign(action, person)
    assert services.purge_unconfirmed() == 0
    make.confirm(person.email)
    assert count(action) == 1


# --- Exports -----------------------------------------------------------------------------------


def _csv(by, action) -> list[list[str]]:
    return list(csv.reader(io.StringIO("".join(services.export_csv(by=by, action=action)))))


def test_the_csv_holds_confirmed_signatures_with_addresses_only_of_those_who_consented(action, admin):
    basra = Governorate.objects.get(iso_code="IQ-BA")
    make.signed_and_confirmed(action, make.signer(name="Informed", email="informed@example.org", keep_informed=True, governorate=basra))
    make.signed_and_confirmed(action, make.signer(name="Private", email="private@example.org", country="FR"))
    make.sign(action, make.signer(name="Pending", email="pending@example.org", keep_informed=True))
    make.signed_and_confirmed(action, make.signer(name="Withdrawn", email="withdrawn@example.org", keep_informed=True))
    services.withdraw_signature(make.withdraw_token("withdrawn@example.org"))

    action.refresh_from_db()
    rows = _csv(admin, action)
    header, body = rows[0], rows[1:]
    assert len(header) == 5
    assert [(r[0], r[1], r[2], r[4]) for r in body] == [
        ("Informed", "Iraq", basra.name, "informed@example.org"),
        ("Private", "France", "", ""),
    ]
    text = "\n".join(",".join(r) for r in rows)
    for secret in ("private@example.org", "Pending", "pending@example.org", "Withdrawn", "withdrawn@example.org"):
        assert secret not in text
    export = Export.objects.get()
    assert (export.by, export.action, export.format, export.rows) == (admin, action, Export.Format.CSV, 2)


def test_a_letter_csv_carries_the_personal_letters(campaign, admin):
    letter = make.letter_action(campaign)
    make.signed_and_confirmed(letter, make.signer(name="Own words", letter="Dear Minister, listen to us."))
    rows = _csv(admin, letter)
    assert len(rows[0]) == 6 and rows[1][0] == "Own words" and rows[1][5] == "Dear Minister, listen to us."


@pytest.mark.parametrize("who", ["lead admin", "coordinator"])
def test_lead_admins_and_coordinators_export(action, who):
    person = factories.member(action.campaign.lead, Membership.Role.ADMIN) if who == "lead admin" else factories.coordinator()
    assert len(_csv(person, action)) == 1
    assert Export.objects.get().by == person


@pytest.mark.parametrize("who", ["lead editor", "lead member", "other admin", "outsider"])
def test_nobody_else_exports_signatures(action, who):
    make.signed_and_confirmed(action)
    person = {
        "lead editor": lambda: factories.member(action.campaign.lead, Membership.Role.EDITOR),
        "lead member": lambda: factories.member(action.campaign.lead, Membership.Role.MEMBER),
        "other admin": lambda: factories.member(factories.OrganisationFactory(), Membership.Role.ADMIN),
        "outsider": factories.UserFactory,
    }[who]()
    with pytest.raises(PermissionDenied):
        services.export_csv(by=person, action=action)
    with pytest.raises(PermissionDenied):
        services.compile_letters(by=person, action=action)
    assert not Export.objects.exists()


def test_the_letters_compile_into_a_pdf_and_the_export_is_recorded(campaign, admin):
    letter = make.letter_action(campaign, language="ar", title="رسالة إلى الوزارة", text="نطالب بإصلاح محطة الضخ.")
    make.signed_and_confirmed(letter, make.signer(name="ليلى حسن", governorate=Governorate.objects.get(iso_code="IQ-BA")))
    make.signed_and_confirmed(letter, make.signer(name="Marco Rossi", country="IT", letter="Dear Minister, from Italy."))
    make.sign(letter, make.signer(name="Pending"))
    letter.refresh_from_db()
    pdf = services.compile_letters(by=admin, action=letter)
    assert pdf.startswith(b"%PDF")
    export = Export.objects.get()
    assert (export.format, export.rows, export.by) == (Export.Format.PDF, 2, admin)


# --- Solidarity messages --------------------------------------------------------------------------


def post(campaign, by, **overrides):
    values = dict(text="We stand with the people of Basra.", language="it", name="Marco", country="IT")
    values.update(overrides)
    return services.post_message(by=by, campaign=campaign, **values)


def test_a_message_waits_for_the_lead_then_is_published(campaign, editor, person):
    message = post(campaign, person)
    assert message.status == Message.Status.PENDING
    assert queries.campaign_page(campaign).messages == []
    assert queries.desk(campaign).messages == [message]
    services.moderate_message(by=editor, message=message, publish=True)
    message.refresh_from_db()
    assert message.status == Message.Status.PUBLISHED and message.published_at and message.moderated_by == editor
    assert queries.campaign_page(campaign).messages == [message]
    services.moderate_message(by=editor, message=message, publish=False)
    message.refresh_from_db()
    assert message.status == Message.Status.REJECTED and message.published_at is None
    assert queries.campaign_page(campaign).messages == []


def test_messages_go_to_active_campaigns_from_signed_in_people(lead, person):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        post(make.campaign(lead), AnonymousUser())
    for status in (Campaign.Status.PROPOSED, Campaign.Status.REJECTED, Campaign.Status.WON):
        with pytest.raises(PermissionDenied):
            post(make.campaign(lead, status), person)
    assert not Message.objects.exists()


@pytest.mark.parametrize(
    "field, overrides",
    [
        ("text", {"text": "Bravo!"}),
        ("text", {"text": "x" * 601}),
        ("name", {"name": " "}),
        ("country", {"country": "XX"}),
        ("language", {"language": ""}),
    ],
)
def test_an_invalid_message_is_refused_on_the_right_field(campaign, person, field, overrides):
    with pytest.raises(DomainError) as refused:
        post(campaign, person, **overrides)
    assert refused.value.field == field
    assert not Message.objects.exists()


def test_a_message_on_behalf_of_an_organisation_needs_membership(campaign, person):
    mine = factories.OrganisationFactory(country="IT")
    theirs = factories.OrganisationFactory(country="IT")
    Membership.objects.create(organisation=mine, person=person)
    assert post(campaign, person, organisation=mine).organisation == mine
    with pytest.raises(PermissionDenied):
        post(campaign, person, organisation=theirs)


def test_too_many_messages_are_refused(campaign, person):
    for _ in range(limit("message_person")):
        post(campaign, person)
    with pytest.raises(TooManyRequests):
        post(campaign, person)
    assert Message.objects.count() == limit("message_person")


def test_only_the_lead_and_coordinators_moderate(campaign, person, coordinator):
    message = post(campaign, person)
    for outsider in (person, factories.member(campaign.lead, Membership.Role.MEMBER),
                     factories.member(factories.OrganisationFactory(), Membership.Role.ADMIN)):
        with pytest.raises(PermissionDenied):
            services.moderate_message(by=outsider, message=message, publish=True)
    services.moderate_message(by=coordinator, message=message, publish=True)
    message.refresh_from_db()
    assert message.status == Message.Status.PUBLISHED


def test_messages_are_translated_by_organisers_and_volunteer_translators(campaign, editor, person):
    message = post(campaign, person)
    services.translate_message(by=editor, message=message, language="ar", text="نحن نقف مع أهل البصرة.")
    volunteer = factories.UserFactory()
    Translator.objects.create(person=volunteer, source_language="it", target_language="en")
    services.translate_message(by=volunteer, message=message, language="en", text="We stand with the people of Basra.")
    message.refresh_from_db()
    assert set(message.translations) == {"ar", "en"}
    with translation.override("ar"):
        assert message.translation == "نحن نقف مع أهل البصرة."
    with translation.override("it"):
        assert message.translation == ""  # the reader reads the original
    with pytest.raises(PermissionDenied):  # a volunteer translates only into their language
        services.translate_message(by=volunteer, message=message, language="ckb", text="Translation")
    with pytest.raises(PermissionDenied):
        services.translate_message(by=person, message=message, language="ckb", text="Translation")
    with pytest.raises(DomainError) as refused:
        services.translate_message(by=editor, message=message, language="it", text="Stessa lingua")
    assert refused.value.field == "language"
    with pytest.raises(DomainError) as refused:
        services.translate_message(by=editor, message=message, language="ckb", text="  ")
    assert refused.value.field == "text"


# --- Updates to signers -------------------------------------------------------------------------


def test_an_update_reaches_each_consenting_confirmed_address_once(campaign, editor, django_capture_on_commit_callbacks):
    first, second = make.petition(campaign), make.letter_action(campaign)
    elsewhere = make.petition(make.campaign())
    both = make.signer(email="both@example.org", keep_informed=True)
    make.signed_and_confirmed(first, both)
    make.signed_and_confirmed(second, make.signer(email="BOTH@example.org", keep_informed=True))
    make.signed_and_confirmed(first, make.signer(email="no-news@example.org", keep_informed=False))
    make.sign(first, make.signer(email="pending@example.org", keep_informed=True))
    make.signed_and_confirmed(second, make.signer(email="withdrawn@example.org", keep_informed=True))
    services.withdraw_signature(make.withdraw_token("withdrawn@example.org"))
    make.signed_and_confirmed(elsewhere, make.signer(email="other-campaign@example.org", keep_informed=True))
    make.signed_and_confirmed(first, make.signer(email="arabic@example.org", keep_informed=True), language="ar")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        update = services.post_update(by=editor, campaign=campaign, title="We met the minister", body="He **listened**.", language="en")
    assert "<strong>listened</strong>" in update.body_html
    recipients = sorted(address.lower() for m in mail.outbox for address in m.to)
    assert recipients == ["arabic@example.org", "both@example.org"]
    for message in mail.outbox:
        assert make.STOP_NEWS_LINK.search(message.body)
    arabic = make.emails_to("arabic@example.org")[0]
    assert "/ar/campaigns/stop-news/" in arabic.body


def test_an_update_is_sent_only_after_it_commits(campaign, editor, django_capture_on_commit_callbacks):
    make.signed_and_confirmed(make.petition(campaign), make.signer(keep_informed=True))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.post_update(by=editor, campaign=campaign, title="News", body="Text", language="en")
    assert mail.outbox == [] and len(callbacks) == 1


def test_the_stop_link_ends_the_news_for_that_address_on_the_whole_campaign(campaign, editor, django_capture_on_commit_callbacks):
    first, second = make.petition(campaign), make.petition(campaign)
    elsewhere = make.petition(make.campaign())
    make.signed_and_confirmed(first, make.signer(email="layla@example.org", keep_informed=True))
    make.signed_and_confirmed(second, make.signer(email="layla@example.org", keep_informed=True))
    make.signed_and_confirmed(elsewhere, make.signer(email="layla@example.org", keep_informed=True))
    make.signed_and_confirmed(first, make.signer(email="ahmed@example.org", keep_informed=True))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.post_update(by=editor, campaign=campaign, title="First news", body="Text", language="en")
    services.stop_news(make.stop_news_token("layla@example.org"))
    assert not Signature.objects.filter(action__campaign=campaign, email="layla@example.org", keep_informed=True).exists()
    assert Signature.objects.get(action=elsewhere).keep_informed is True  # another campaign's news continue
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.post_update(by=editor, campaign=campaign, title="Second news", body="Text", language="en")
    assert [m.to for m in mail.outbox] == [["ahmed@example.org"]]
    for forged in ("garbage", signing.dumps([1], salt="other"), signing.dumps([999999], salt=services.STOP_NEWS_SALT)):
        with pytest.raises(DomainError):
            services.stop_news(forged)


def test_updates_are_posted_by_the_lead_on_approved_campaigns(lead, editor):
    waiting = make.campaign(lead, Campaign.Status.PROPOSED)
    with pytest.raises(DomainError):
        services.post_update(by=editor, campaign=waiting, title="Too early", body="Text", language="en")
    active = make.campaign(lead)
    with pytest.raises(PermissionDenied):
        services.post_update(by=factories.UserFactory(), campaign=active, title="Not mine", body="Text", language="en")
    for field, overrides in (("title", {"title": " "}), ("body", {"body": ""}), ("language", {"language": "xx"})):
        values = {"title": "News", "body": "Text", "language": "en", **overrides}
        with pytest.raises(DomainError) as refused:
            services.post_update(by=editor, campaign=active, **values)
        assert refused.value.field == field
