"""Background work of the newsroom."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django_tasks import task

from tadamun.core.periodic import periodic, schedule_next

from . import machine, services
from .models import Version

log = logging.getLogger("tadamun.newsroom")


@task()
def prefill_machine_translation(*, version_id: int) -> None:
    """Ask the configured machine translator for a first draft of a requested translation.
    A failure leaves the request as it was: a person translates it from scratch."""
    translator = machine.backend()
    version = Version.objects.select_related("article").filter(pk=version_id).first()
    if translator is None or version is None:
        return
    try:
        services.prefill(version, translator)
    except machine.MachineTranslationError as exc:
        log.warning("machine translation failed version=%s: %s", version_id, exc)


@periodic(lambda: timedelta(minutes=settings.WIRE_FETCH_MINUTES))
@task()
def fetch_wire() -> dict:
    """Fetch the wire's sources, then come back in WIRE_FETCH_MINUTES."""
    try:
        return services.fetch_wire()
    finally:
        schedule_next(fetch_wire)


@periodic(lambda: timedelta(days=7))
@task()
def send_digests() -> int:
    """The weekly digest, one email per person; then again in a week."""
    try:
        return services.send_digests()
    finally:
        schedule_next(send_digests)
