"""Who may see and do what in campaigns: every role against every status of a campaign."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tadamun.campaigns import queries
from tadamun.campaigns.models import Campaign
from tadamun.core.errors import NotFound
from tadamun.network.models import Membership, Organisation
from tests import factories
from tests.campaigns import factories as make

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "lead_member", "lead_editor", "lead_admin", "other_admin", "coordinator"]
STATUSES = [s for s, _label in Campaign.Status.choices]  # proposed, active, won, ended, rejected

IN_LEAD = {"lead_member", "lead_editor", "lead_admin"}
RUNNERS = {"lead_editor", "lead_admin"}
PUBLIC = {Campaign.Status.ACTIVE, Campaign.Status.WON, Campaign.Status.ENDED}

CAMPAIGN_PERMISSIONS = [
    "campaigns.view_campaign",
    "campaigns.change_campaign",
    "campaigns.review_campaign",
    "campaigns.decide_endorsement",
    "campaigns.moderate_messages",
    "campaigns.post_message",
    "campaigns.export_signatures",
]


def expected(permission: str, role: str, status: str) -> bool:
    if permission == "campaigns.view_campaign":
        # Proposed and rejected campaigns: only the lead's people and coordinators.
        return status in PUBLIC or role in IN_LEAD | {"coordinator"}
    if permission == "campaigns.change_campaign":
        return status != Campaign.Status.REJECTED and role in RUNNERS | {"coordinator"}
    if permission == "campaigns.review_campaign":
        return role == "coordinator"
    if permission in ("campaigns.decide_endorsement", "campaigns.moderate_messages"):
        return role in RUNNERS | {"coordinator"}
    if permission == "campaigns.post_message":
        return status == Campaign.Status.ACTIVE and role != "anonymous"
    if permission == "campaigns.export_signatures":
        # Signers' names and addresses: the lead's administrators and coordinators only.
        return role in {"lead_admin", "coordinator"}
    raise AssertionError(permission)


@pytest.fixture
def world(db):
    """An Iraqi organisation leading one campaign in each status, another member organisation,
    and one person per role."""
    lead = factories.OrganisationFactory()
    other = factories.OrganisationFactory(country="DE", kind=Organisation.Kind.INTERNATIONAL)
    people = {
        "anonymous": AnonymousUser(),
        "outsider": factories.UserFactory(),
        "lead_member": factories.member(lead, Membership.Role.MEMBER),
        "lead_editor": factories.member(lead, Membership.Role.EDITOR),
        "lead_admin": factories.member(lead, Membership.Role.ADMIN),
        "other_admin": factories.member(other, Membership.Role.ADMIN),
        "coordinator": factories.coordinator(),
    }
    campaigns = {status: make.campaign(lead, status) for status in STATUSES}
    return {"people": people, "campaigns": campaigns, "lead": lead, "other": other}


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_permissions_follow_the_role_and_the_status_of_the_campaign(world, role, status):
    user = world["people"][role]
    campaign = world["campaigns"][status]
    for permission in CAMPAIGN_PERMISSIONS:
        assert user.has_perm(permission, campaign) is expected(permission, role, status), (role, status, permission)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_a_campaign_the_viewer_may_not_see_is_answered_like_a_missing_one(world, role, status):
    user = world["people"][role]
    campaign = world["campaigns"][status]
    action = make.petition(campaign)
    if expected("campaigns.view_campaign", role, status):
        assert queries.campaign_for_viewer(user, campaign.slug) == campaign
        assert queries.campaign_by_id_for_viewer(user, campaign.pk) == campaign
        assert queries.action_for_viewer(user, campaign.slug, action.pk) == action
    else:
        for look in (
            lambda: queries.campaign_for_viewer(user, campaign.slug),
            lambda: queries.campaign_by_id_for_viewer(user, campaign.pk),
            lambda: queries.action_for_viewer(user, campaign.slug, action.pk),
        ):
            with pytest.raises(NotFound) as hidden:
                look()
            assert hidden.value.message
    with pytest.raises(NotFound):
        queries.campaign_for_viewer(user, "no-such-campaign")
    with pytest.raises(NotFound):
        queries.campaign_by_id_for_viewer(user, 999999)


@pytest.mark.parametrize("role", ROLES)
def test_only_editors_and_admins_of_an_approved_iraqi_organisation_propose(world, role):
    user = world["people"][role]
    assert user.has_perm("campaigns.propose_for", world["lead"]) is (role in RUNNERS)
    # An international organisation endorses; it never leads, not even for its own admin.
    assert user.has_perm("campaigns.propose_for", world["other"]) is False
    assert not user.has_perm("campaigns.propose_for", None)


@pytest.mark.parametrize("role", ROLES)
def test_only_an_organisations_admin_endorses_in_its_name(world, role):
    user = world["people"][role]
    assert user.has_perm("campaigns.endorse_for", world["other"]) is (role == "other_admin")
    # The rule lets the lead's admin speak for the lead; the service refuses self-endorsement.
    assert user.has_perm("campaigns.endorse_for", world["lead"]) is (role == "lead_admin")


def test_the_lists_never_hold_proposed_or_rejected_campaigns(world):
    public = {c.status for c in queries.public()}
    assert public == PUBLIC
    assert {c.status for c in queries.public(queries.CampaignFilters(q="clean water"))} == PUBLIC
    assert {c.status for c in queries.public(queries.CampaignFilters(organisation=world["lead"].slug))} == PUBLIC
    assert [c.status for c in queries.latest()] == [Campaign.Status.ACTIVE]
    assert [c.status for c in queries.review_queue()] == [Campaign.Status.PROPOSED]


def test_the_lead_sees_all_its_campaigns_on_its_desk(world):
    assert len(queries.my_campaigns(world["people"]["lead_editor"])) == len(STATUSES)
    assert queries.my_campaigns(world["people"]["lead_member"]) == []
    assert queries.my_campaigns(world["people"]["anonymous"]) == []
    assert queries.campaigns_led_by(world["people"]["lead_admin"]) == [world["lead"]]
    assert queries.campaigns_led_by(world["people"]["other_admin"]) == []  # international
    active = world["campaigns"][Campaign.Status.ACTIVE]
    assert queries.organisations_speaking(world["people"]["other_admin"], active) == [world["other"]]
    assert queries.organisations_speaking(world["people"]["lead_admin"], active) == []


def test_people_of_an_organisation_not_yet_approved_run_nothing(world):
    world["lead"].status = Organisation.Status.PENDING
    world["lead"].save()
    proposed = world["campaigns"][Campaign.Status.PROPOSED]
    for role in IN_LEAD:
        user = world["people"][role]
        assert not user.has_perm("campaigns.propose_for", world["lead"])
        assert not user.has_perm("campaigns.view_campaign", proposed)
        running = set(CAMPAIGN_PERMISSIONS) - {"campaigns.view_campaign", "campaigns.post_message"}
        for permission in running:
            assert not user.has_perm(permission, world["campaigns"][Campaign.Status.ACTIVE]), (role, permission)


def test_inactive_people_lose_their_rights(world):
    proposed = world["campaigns"][Campaign.Status.PROPOSED]
    for role in ("lead_admin", "coordinator"):
        user = world["people"][role]
        user.is_active = False
        user.save()
        assert not user.has_perm("campaigns.view_campaign", proposed)
        assert not user.has_perm("campaigns.change_campaign", world["campaigns"][Campaign.Status.ACTIVE])
        assert not user.has_perm("campaigns.export_signatures", world["campaigns"][Campaign.Status.ACTIVE])
        assert not user.has_perm("campaigns.review_campaign", proposed)


def test_someone_who_left_the_lead_no_longer_runs_its_campaign(world):
    admin = world["people"]["lead_admin"]
    active = world["campaigns"][Campaign.Status.ACTIVE]
    assert admin.has_perm("campaigns.export_signatures", active)
    Membership.objects.filter(person=admin).delete()
    assert not admin.has_perm("campaigns.export_signatures", active)
    assert not admin.has_perm("campaigns.change_campaign", active)
    assert not admin.has_perm("campaigns.view_campaign", world["campaigns"][Campaign.Status.PROPOSED])
