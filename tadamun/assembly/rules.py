"""Who may do what in consultations and in groups (django-rules predicates)."""

from __future__ import annotations

import rules

from tadamun.network.models import Membership
from tadamun.network.rules import is_coordinator, is_org_admin

from .models import Gathering, Group, GroupMember, Seat


@rules.predicate
def opened_it(user, consultation) -> bool:
    return bool(consultation is not None and user and user.is_authenticated and consultation.created_by_id == user.pk)


def _group(obj) -> Group | None:
    return obj if isinstance(obj, Group) else getattr(obj, "group", None)


@rules.predicate
def planned_it(user, gathering) -> bool:
    return bool(isinstance(gathering, Gathering) and user and user.is_authenticated and gathering.created_by_id == user.pk)


@rules.predicate
def is_public_gathering(user, gathering) -> bool:
    return isinstance(gathering, Gathering) and gathering.public


@rules.predicate
def is_group_member(user, obj) -> bool:
    """In the group: a member or facilitator, or (where organisations have the voice) a
    member of an organisation that has a seat."""
    group = _group(obj)
    if group is None or not (user and user.is_authenticated and user.is_active):
        return False
    if GroupMember.objects.filter(group=group, person=user).exists():
        return True
    return group.by_organisation and Membership.objects.filter(
        person=user, organisation__in=Seat.objects.filter(group=group).values("organisation")
    ).exists()


@rules.predicate
def is_facilitator(user, obj) -> bool:
    group = _group(obj)
    return bool(
        group is not None and user and user.is_authenticated and user.is_active
        and GroupMember.objects.filter(group=group, person=user, role=GroupMember.Role.FACILITATOR).exists()
    )


@rules.predicate
def is_public_group(user, obj) -> bool:
    group = _group(obj)
    return bool(group is not None and group.public)


@rules.predicate
def is_public_decision(user, decision) -> bool:
    return bool(getattr(decision, "public", False)) and not isinstance(decision, Group | Seat)


@rules.predicate
def is_seat_admin(user, seat) -> bool:
    return isinstance(seat, Seat) and is_org_admin(user, seat.organisation)


rules.add_perm("assembly.open_consultation", is_coordinator | is_facilitator)  # object: the group opening it, or None
rules.add_perm("assembly.moderate", is_coordinator | opened_it | is_facilitator)  # facilitators of the group that opened it

rules.add_perm("assembly.manage_groups", is_coordinator)
rules.add_perm("assembly.view_group", is_public_group | is_group_member | is_coordinator)
# People's names in a group (members, who stands where) are for the group, not the public:
# some members are defenders under threat. Organisations' names are public.
rules.add_perm("assembly.see_names", is_group_member | is_coordinator)
rules.add_perm("assembly.discuss", is_group_member | is_coordinator)
rules.add_perm("assembly.facilitate", is_facilitator | is_coordinator)
rules.add_perm("assembly.designate_delegate", is_seat_admin | is_coordinator)
rules.add_perm("assembly.view_decision", is_public_decision | is_group_member | is_coordinator)

rules.add_perm("assembly.plan_gathering", is_coordinator | is_facilitator)
rules.add_perm("assembly.organise", is_coordinator | is_facilitator | planned_it)
rules.add_perm("assembly.view_gathering", is_public_gathering | is_group_member | is_coordinator | planned_it)
