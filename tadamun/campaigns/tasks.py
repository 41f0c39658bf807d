"""Background work of campaigns."""

from __future__ import annotations

from datetime import timedelta

from django_tasks import task

from tadamun.core.periodic import periodic, schedule_next

from . import services
from .models import Update


@task()
def send_update(*, update_id: int) -> int:
    """Email a campaign update to the signers who asked to be kept informed."""
    update = Update.objects.select_related("campaign").filter(pk=update_id).first()
    return services.email_update(update) if update else 0


@periodic(lambda: timedelta(hours=6))
@task()
def purge_unconfirmed() -> int:
    """Delete signatures whose confirmation link expired unused; again in six hours."""
    try:
        return services.purge_unconfirmed()
    finally:
        schedule_next(purge_unconfirmed)
