"""Who may see and do what: every role against every private object."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tadamun.network import queries
from tadamun.network.models import Membership, Organisation, Visibility
from tadamun.network.rules import visibilities_for
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "network_member", "org_member", "org_editor", "org_admin", "applicant", "coordinator"]


@pytest.fixture
def world(db):
    """A pending application, a rejected one, an approved organisation, and one person per role."""
    applicant = factories.UserFactory()
    approved = factories.OrganisationFactory()
    pending = factories.OrganisationFactory(status=Organisation.Status.PENDING, applicant=applicant)
    rejected = factories.OrganisationFactory(status=Organisation.Status.REJECTED, applicant=applicant)
    elsewhere = factories.OrganisationFactory()
    people = {
        "anonymous": AnonymousUser(),
        "outsider": factories.UserFactory(),
        "network_member": factories.member(elsewhere),
        "org_member": factories.member(approved, Membership.Role.MEMBER),
        "org_editor": factories.member(approved, Membership.Role.EDITOR),
        "org_admin": factories.member(approved, Membership.Role.ADMIN),
        "applicant": applicant,
        "coordinator": factories.coordinator(),
    }
    return {"people": people, "approved": approved, "pending": pending, "rejected": rejected}


VIEW_PENDING = {"applicant", "coordinator"}
CHANGE_APPROVED = {"org_admin", "coordinator"}


@pytest.mark.parametrize("role", ROLES)
def test_view_and_change_permissions(world, role):
    user = world["people"][role]
    assert user.has_perm("network.view_organisation", world["approved"])
    for private in ("pending", "rejected"):
        assert user.has_perm("network.view_organisation", world[private]) is (role in VIEW_PENDING), private
    assert user.has_perm("network.change_organisation", world["approved"]) is (role in CHANGE_APPROVED)
    assert user.has_perm("network.manage_members", world["approved"]) is (role in CHANGE_APPROVED)
    assert user.has_perm("network.change_organisation", world["pending"]) is (role == "coordinator")
    assert user.has_perm("network.review_organisation") is (role == "coordinator")


@pytest.mark.parametrize("role", ROLES)
def test_an_application_is_answered_like_a_missing_organisation(world, role, client):
    user = world["people"][role]
    if role != "anonymous":
        client.force_login(user)
    for private in ("pending", "rejected"):
        response = client.get(world[private].get_absolute_url())
        assert response.status_code == (200 if role in VIEW_PENDING else 404), (role, private)
    missing = client.get("/en/organisations/no-such-organisation/")
    assert missing.status_code == 404


CONTACT_LEVELS = {
    "anonymous": {Visibility.PUBLIC},
    "outsider": {Visibility.PUBLIC},
    "applicant": {Visibility.PUBLIC},
    "network_member": {Visibility.PUBLIC, Visibility.MEMBERS},
    "org_member": {Visibility.PUBLIC, Visibility.MEMBERS},
    "org_editor": {Visibility.PUBLIC, Visibility.MEMBERS},
    "org_admin": {Visibility.PUBLIC, Visibility.MEMBERS},
    "coordinator": {Visibility.PUBLIC, Visibility.MEMBERS, Visibility.COORDINATORS},
}


@pytest.mark.parametrize("role", ROLES)
def test_contact_details_follow_their_visibility_on_page_and_api(world, role, client):
    org = world["approved"]
    canaries = factories.add_contacts(org)
    user = world["people"][role]
    allowed = CONTACT_LEVELS[role]
    assert {c.visibility for c in queries.visible_contacts(user, org)} == allowed
    assert set(visibilities_for(user)) <= allowed | {Visibility.MEMBERS}
    if role != "anonymous":
        client.force_login(user)
    page = client.get(org.get_absolute_url()).content.decode()
    directory = client.get("/en/organisations/").content.decode()
    api_list = client.get("/api/organisations").content.decode()
    api_detail = client.get(f"/api/organisations/{org.pk}").content.decode()
    for level, canary in canaries.items():
        assert (canary in page) is (level in allowed), (role, level)
        assert canary not in directory
        assert canary not in api_list
        # The API reads as the token's owner; a session is not used, so it shows the public level only.
        assert (canary in api_detail) is (level == Visibility.PUBLIC)
