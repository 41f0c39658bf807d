"""Background work of solidarity: suggestions are computed by the task worker, never by a page.

A changed profile, need or offer queues `update_suggestions` for its organisation, which updates
its list and its place in everyone else's (see `matching.update_for`). Once a night every list is
rebuilt from scratch, so that the weights of rare and common words follow the network.
"""

from __future__ import annotations

from datetime import timedelta

from django_tasks import task

from tadamun.core.periodic import periodic, schedule_next

from . import matching


@task()
def update_suggestions(*, organisation_id: int) -> int:
    """Update one organisation's suggestions; returns how many other lists changed."""
    return matching.update_for(organisation_id)


@periodic(lambda: timedelta(days=1))
@task()
def rebuild_suggestions() -> int:
    """Every organisation's suggestions from scratch; then again tomorrow."""
    try:
        return matching.rebuild_all()
    finally:
        schedule_next(rebuild_suggestions)


def profile_changed_receiver(sender, organisation_id: int, **kwargs) -> None:
    """An organisation's profile changed (or it was approved): queue its suggestions."""
    update_suggestions.enqueue(organisation_id=organisation_id)
