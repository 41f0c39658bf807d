"""Who may do what in consultations (django-rules predicates)."""

from __future__ import annotations

import rules

from tadamun.network.rules import is_coordinator


@rules.predicate
def opened_it(user, consultation) -> bool:
    return bool(consultation is not None and user and user.is_authenticated and consultation.created_by_id == user.pk)


rules.add_perm("assembly.open_consultation", is_coordinator)
rules.add_perm("assembly.moderate", is_coordinator | opened_it)
