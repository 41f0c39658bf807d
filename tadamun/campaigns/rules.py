"""Who may do what in campaigns (django-rules predicates).

Local ownership: a campaign is led by an approved Iraqi member organisation; its editors and
administrators run it; coordinators approve it; other organisations' administrators ask to
endorse it. Signers' personal data is seen only by the lead's administrators and coordinators.
"""

from __future__ import annotations

import rules

from tadamun.network.models import Membership
from tadamun.network.rules import RUNNERS, is_coordinator, roles_in_approved

from .models import Campaign


@rules.predicate
def leads_for(user, organisation) -> bool:
    """An editor or administrator of an approved Iraqi member organisation."""
    return organisation is not None and organisation.country == "IQ" and bool(roles_in_approved(user, organisation.pk) & RUNNERS)


@rules.predicate
def speaks_for(user, organisation) -> bool:
    """An administrator of an approved member organisation (endorsements commit the organisation)."""
    return organisation is not None and Membership.Role.ADMIN in roles_in_approved(user, organisation.pk)


@rules.predicate
def runs_campaign(user, campaign) -> bool:
    return campaign is not None and bool(roles_in_approved(user, campaign.lead_id) & RUNNERS)


@rules.predicate
def administers_lead(user, campaign) -> bool:
    return campaign is not None and Membership.Role.ADMIN in roles_in_approved(user, campaign.lead_id)


@rules.predicate
def in_lead(user, campaign) -> bool:
    return campaign is not None and bool(roles_in_approved(user, campaign.lead_id))


@rules.predicate
def is_public(user, campaign) -> bool:
    return campaign is not None and campaign.status in Campaign.PUBLIC


@rules.predicate
def is_active(user, campaign) -> bool:
    return campaign is not None and campaign.status == Campaign.Status.ACTIVE


@rules.predicate
def is_rejected(user, campaign) -> bool:
    return campaign is not None and campaign.status == Campaign.Status.REJECTED


can_view = is_public | in_lead | is_coordinator

rules.add_perm("campaigns.propose_for", leads_for)
rules.add_perm("campaigns.view_campaign", can_view)
rules.add_perm("campaigns.change_campaign", (runs_campaign | is_coordinator) & ~is_rejected)
rules.add_perm("campaigns.review_campaign", is_coordinator)
rules.add_perm("campaigns.endorse_for", speaks_for)
rules.add_perm("campaigns.decide_endorsement", runs_campaign | is_coordinator)
rules.add_perm("campaigns.moderate_messages", runs_campaign | is_coordinator)
rules.add_perm("campaigns.post_message", rules.is_authenticated & is_active)
# Names and addresses of signers: the lead's administrators and coordinators only.
rules.add_perm("campaigns.export_signatures", administers_lead | is_coordinator)
