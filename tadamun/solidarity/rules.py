"""Who may do what in solidarity (django-rules predicates).

The administrators and editors of an approved member organisation publish its opportunities,
needs and offers and answer applications; its administrators ask for and answer introductions
(they commit the organisation). Contacts of an introduction are seen only by the two
organisations, and only once both have accepted. Coordinators keep the vocabulary and the
security notes, see the network's suggestions and propose introductions by hand.
"""

from __future__ import annotations

import rules

from tadamun.network.models import Membership
from tadamun.network.rules import RUNNERS, is_coordinator, is_network_member, roles_in_approved


@rules.predicate
def runs(user, organisation) -> bool:
    """An administrator or editor of the approved member organisation."""
    return organisation is not None and bool(roles_in_approved(user, organisation.pk) & RUNNERS)


@rules.predicate
def speaks_for(user, organisation) -> bool:
    """An administrator of the approved member organisation."""
    return organisation is not None and Membership.Role.ADMIN in roles_in_approved(user, organisation.pk)


@rules.predicate
def runs_publisher(user, opportunity) -> bool:
    return opportunity is not None and bool(roles_in_approved(user, opportunity.organisation_id) & RUNNERS)


@rules.predicate
def runs_owner(user, contribution) -> bool:
    return contribution is not None and bool(roles_in_approved(user, contribution.organisation_id) & RUNNERS)


@rules.predicate
def applied(user, application) -> bool:
    return application is not None and user.is_authenticated and application.person_id == user.pk


@rules.predicate
def runs_opportunity_of(user, application) -> bool:
    return application is not None and bool(roles_in_approved(user, application.opportunity.organisation_id) & RUNNERS)


@rules.predicate
def in_either_side(user, introduction) -> bool:
    return introduction is not None and bool(
        roles_in_approved(user, introduction.requester_id) or roles_in_approved(user, introduction.counterpart_id)
    )


@rules.predicate
def speaks_for_a_side_yet_to_accept(user, introduction) -> bool:
    if introduction is None or introduction.status != introduction.Status.PENDING:
        return False
    waiting = []
    if introduction.requester_accepted_at is None:
        waiting.append(introduction.requester_id)
    if introduction.counterpart_accepted_at is None:
        waiting.append(introduction.counterpart_id)
    return any(Membership.Role.ADMIN in roles_in_approved(user, pk) for pk in waiting)


@rules.predicate
def both_accepted(user, introduction) -> bool:
    return introduction is not None and introduction.status == introduction.Status.ACCEPTED


rules.add_perm("solidarity.publish_for", runs)
rules.add_perm("solidarity.change_opportunity", runs_publisher | is_coordinator)
rules.add_perm("solidarity.manage_applications", runs_publisher)
rules.add_perm("solidarity.apply", rules.is_authenticated)
rules.add_perm("solidarity.view_application", applied | runs_opportunity_of)
rules.add_perm("solidarity.state_for", runs)
rules.add_perm("solidarity.change_contribution", runs_owner | is_coordinator)
rules.add_perm("solidarity.view_suggestions", runs | is_coordinator)
rules.add_perm("solidarity.introduce_for", speaks_for)
rules.add_perm("solidarity.view_introduction", in_either_side | is_coordinator)
rules.add_perm("solidarity.answer_introduction", speaks_for_a_side_yet_to_accept)
# The contacts exchanged: the two organisations' people, once both have accepted. Not coordinators.
rules.add_perm("solidarity.see_contacts", in_either_side & both_accepted)
rules.add_perm("solidarity.see_partners", is_network_member)
rules.add_perm("solidarity.maintain_vocabulary", is_coordinator)
rules.add_perm("solidarity.set_security", is_coordinator)
rules.add_perm("solidarity.see_network_suggestions", is_coordinator)
rules.add_perm("solidarity.propose_introduction", is_coordinator)
