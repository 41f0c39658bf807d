"""Who may do what in the network (django-rules predicates)."""

from __future__ import annotations

import rules

from .models import Membership, Organisation, Visibility


@rules.predicate
def is_coordinator(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


@rules.predicate
def is_network_member(user) -> bool:
    """Belongs to an approved member organisation (coordinators count as members)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_staff or Membership.objects.filter(
        person=user, organisation__status=Organisation.Status.APPROVED
    ).exists()


def _role_in(user, organisation) -> str | None:
    if not (user and user.is_authenticated and user.is_active and organisation is not None):
        return None
    return (
        Membership.objects.filter(person=user, organisation_id=organisation.pk)
        .values_list("role", flat=True)
        .first()
    )


# The roles that run an organisation's work on the platform (publish, propose, state).
RUNNERS = frozenset({Membership.Role.ADMIN, Membership.Role.EDITOR})


def roles_in_approved(user, organisation_id: int | None) -> set[str]:
    """The person's roles in an organisation, if it is an approved member (else none)."""
    if not (user and user.is_authenticated and user.is_active and organisation_id):
        return set()
    return set(
        Membership.objects.filter(
            person=user, organisation_id=organisation_id, organisation__status=Organisation.Status.APPROVED
        ).values_list("role", flat=True)
    )


@rules.predicate
def is_org_admin(user, organisation) -> bool:
    return _role_in(user, organisation) == Membership.Role.ADMIN


@rules.predicate
def is_org_editor(user, organisation) -> bool:
    return _role_in(user, organisation) in (Membership.Role.ADMIN, Membership.Role.EDITOR)


@rules.predicate
def is_org_member(user, organisation) -> bool:
    return _role_in(user, organisation) is not None


@rules.predicate
def is_applicant(user, organisation) -> bool:
    return bool(user and user.is_authenticated and organisation is not None and organisation.applicant_id == user.pk)


@rules.predicate
def is_approved(user, organisation) -> bool:
    return organisation is not None and organisation.status == Organisation.Status.APPROVED


can_view_organisation = is_approved | is_coordinator | is_applicant | is_org_member
can_change_organisation = is_coordinator | (is_org_admin & is_approved)

rules.add_perm("network.view_organisation", can_view_organisation)
rules.add_perm("network.change_organisation", can_change_organisation)
rules.add_perm("network.manage_members", can_change_organisation)
rules.add_perm("network.review_organisation", is_coordinator)
rules.add_perm("network.apply_organisation", rules.is_authenticated)


def visibilities_for(user) -> list[str]:
    """The contact visibility levels this person may read."""
    if is_coordinator(user):
        return [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.COORDINATORS]
    if is_network_member(user):
        return [Visibility.PUBLIC, Visibility.MEMBERS]
    return [Visibility.PUBLIC]
