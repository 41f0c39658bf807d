"""Background work of the assembly: the map of opinions of consultations (never computed by a
page), and the emails of groups: announcements, the daily digest, reminders before closing."""

from __future__ import annotations

from datetime import timedelta

from django.core.cache import cache
from django_tasks import task

from tadamun.core.periodic import periodic, schedule_next

from . import services
from .models import Consultation


@task()
def recompute_consultation(*, consultation_id: int) -> int:
    """Recompute a consultation's report; returns the number of groups found."""
    try:
        consultation = Consultation.objects.filter(pk=consultation_id).first()
        if consultation is None:
            return 0
        return services.recompute(consultation).result.get("k", 0)
    finally:
        cache.delete(f"assembly:recompute:{consultation_id}")  # later votes may queue the next run


@task()
def announce_to_group(*, proposal: int | None = None, decision: int | None = None) -> int:
    """Email a new proposal or decision to the members who want every new thing."""
    from .models import Decision, Proposal

    if proposal is not None:
        found = Proposal.objects.select_related("group").filter(pk=proposal).first()
        return services.announce(proposal=found) if found else 0
    found = Decision.objects.select_related("group").filter(pk=decision).first()
    return services.announce(decision=found) if found else 0


@periodic(lambda: timedelta(days=1))
@task()
def send_group_digests() -> int:
    """The daily digest of the groups, for those who chose it; then again tomorrow."""
    try:
        return services.send_group_digests()
    finally:
        schedule_next(send_group_digests)


@periodic(lambda: timedelta(hours=1))
@task()
def remind_before_closing() -> int:
    """Remind the voices not yet heard a day before a proposal closes; every hour."""
    try:
        return services.remind_before_closing()
    finally:
        schedule_next(remind_before_closing)


@task()
def notify_post(*, post_id: int) -> int:
    """Email a discussion's new message to those who want it and to those it mentions."""
    from .models import Post

    post = Post.objects.select_related("thread__group", "author").filter(pk=post_id).first()
    return services.notify_post(post) if post else 0
