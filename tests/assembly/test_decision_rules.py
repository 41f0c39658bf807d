"""Who may see and do what in groups and their register of decisions: every role against a
public group, a private group (where organisations have the voice), a public decision, a
members-only decision and an organisation's seat."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser

from tadamun.assembly import queries, services
from tadamun.assembly.models import Group, GroupMember
from tadamun.core.errors import NotFound
from tadamun.network.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous", "outsider", "unrelated_member", "group_member", "facilitator", "seated_member", "seated_admin", "coordinator",
]
EVERYONE = set(ROLES)
IN_PRIVATE = {"group_member", "facilitator", "seated_member", "seated_admin", "coordinator"}
COORDINATOR = {"coordinator"}

# (permission, object) → the roles that have it. Seats and decisions stand for their group
# where a permission is about the group (view_group, facilitate, manage_groups); designating a
# delegate is about a seat only, and seeing a decision about decisions only.
EXPECTED = {
    ("assembly.view_group", "public_group"): EVERYONE,
    ("assembly.view_group", "private_group"): IN_PRIVATE,
    ("assembly.view_group", "public_decision"): EVERYONE,
    ("assembly.view_group", "members_decision"): IN_PRIVATE,
    ("assembly.view_group", "seat"): IN_PRIVATE,
    ("assembly.facilitate", "public_group"): COORDINATOR,  # the facilitator is the private group's
    ("assembly.facilitate", "private_group"): {"facilitator", "coordinator"},
    ("assembly.facilitate", "public_decision"): COORDINATOR,
    ("assembly.facilitate", "members_decision"): {"facilitator", "coordinator"},
    ("assembly.facilitate", "seat"): {"facilitator", "coordinator"},
    ("assembly.manage_groups", "public_group"): COORDINATOR,
    ("assembly.manage_groups", "private_group"): COORDINATOR,
    ("assembly.manage_groups", "public_decision"): COORDINATOR,
    ("assembly.manage_groups", "members_decision"): COORDINATOR,
    ("assembly.manage_groups", "seat"): COORDINATOR,
    ("assembly.designate_delegate", "seat"): {"seated_admin", "coordinator"},
    ("assembly.view_decision", "public_decision"): EVERYONE,
    ("assembly.view_decision", "members_decision"): IN_PRIVATE,
}


@pytest.fixture
def world(db):
    """A public working group; a private General Assembly where organisations have the voice,
    with a member, a facilitator and one seated organisation (a member and an administrator);
    an unrelated organisation's administrator; a public decision of the working group and a
    members-only decision of the assembly."""
    boss = factories.coordinator()
    public_group = services.create_group(by=boss, draft=services.GroupDraft(name="Water working group", code="wwg"))
    private_group = services.create_group(by=boss, draft=services.GroupDraft(
        name="General Assembly", code="ga", kind=Group.Kind.GENERAL_ASSEMBLY, counts=Group.Counts.ORGANISATIONS, public=False,
    ))
    seated = factories.OrganisationFactory()
    unrelated = factories.OrganisationFactory()
    people = {
        "anonymous": AnonymousUser(),
        "outsider": factories.UserFactory(),
        "unrelated_member": factories.member(unrelated, Membership.Role.ADMIN),
        "group_member": factories.UserFactory(),
        "facilitator": factories.UserFactory(),
        "seated_member": factories.member(seated, Membership.Role.MEMBER),
        "seated_admin": factories.member(seated, Membership.Role.ADMIN),
        "coordinator": boss,
    }
    services.add_member(by=boss, group=private_group, person=people["group_member"])
    services.add_member(by=boss, group=private_group, person=people["facilitator"], role=GroupMember.Role.FACILITATOR)
    seat = services.seat_organisation(by=boss, group=private_group, organisation=seated)

    def decide(group, title, public):
        return services.record_decision(by=boss, group=group, draft=services.DecisionDraft(
            title=title, outcome="The group decided this after a long discussion.", language="en",
            decided_on=date(2024, 3, 1), public=public,
        ))

    objects = {
        "public_group": public_group,
        "private_group": private_group,
        "public_decision": decide(public_group, "Open decision", True),
        "members_decision": decide(private_group, "Closed decision", False),
        "seat": seat,
    }
    return {"people": people, "objects": objects}


@pytest.mark.parametrize("permission, kind", list(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_permissions_follow_the_role(world, role, permission, kind):
    user = world["people"][role]
    allowed = user.has_perm(permission, world["objects"][kind])
    assert allowed is (role in EXPECTED[(permission, kind)]), (role, permission, kind)


@pytest.mark.parametrize("role", ROLES)
def test_the_lists_and_pages_agree_with_the_permissions(world, role):
    """What a person finds in the lists is what the permissions let them open, and what they
    may not see answers as if it did not exist."""
    user = world["people"][role]
    public_group, private_group = world["objects"]["public_group"], world["objects"]["private_group"]
    sees_private = role in IN_PRIVATE

    listed = {g.slug for g in queries.groups_for(user)}
    assert listed == ({public_group.slug, private_group.slug} if sees_private else {public_group.slug})
    assert queries.group_for_viewer(user, public_group.slug) == public_group
    if sees_private:
        assert queries.group_for_viewer(user, private_group.slug) == private_group
    else:
        with pytest.raises(NotFound):
            queries.group_for_viewer(user, private_group.slug)

    register = {d.title for d in queries.decisions_for(user)}
    assert register == ({"Open decision", "Closed decision"} if sees_private else {"Open decision"})
    members_decision = world["objects"]["members_decision"]
    assert queries.decision_for_viewer(user, world["objects"]["public_decision"].reference.upper()).title == "Open decision"
    if sees_private:
        assert queries.decision_for_viewer(user, members_decision.reference) == members_decision
    else:
        with pytest.raises(NotFound):
            queries.decision_for_viewer(user, members_decision.reference)


def test_a_person_who_leaves_loses_what_membership_gave(world):
    people, private_group = world["people"], world["objects"]["private_group"]
    services.remove_member(by=people["coordinator"], group=private_group, person=people["group_member"])
    services.remove_member(by=people["coordinator"], group=private_group, person=people["facilitator"])
    assert not people["group_member"].has_perm("assembly.view_group", private_group)
    assert not people["facilitator"].has_perm("assembly.facilitate", private_group)
    assert not people["facilitator"].has_perm("assembly.view_decision", world["objects"]["members_decision"])


def test_a_deactivated_account_keeps_nothing(world):
    people, objects = world["people"], world["objects"]
    for role in ("facilitator", "seated_admin", "coordinator"):
        people[role].is_active = False
        people[role].save(update_fields=["is_active"])
    assert not people["facilitator"].has_perm("assembly.facilitate", objects["private_group"])
    assert not people["seated_admin"].has_perm("assembly.designate_delegate", objects["seat"])
    assert not people["coordinator"].has_perm("assembly.manage_groups", objects["private_group"])
    assert not people["seated_admin"].has_perm("assembly.view_decision", objects["members_decision"])
