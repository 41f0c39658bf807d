"""Background work of the newsroom."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

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


@task()
def fetch_wire() -> dict:
    """Fetch the wire's sources, then come back in WIRE_FETCH_MINUTES (the worker keeps
    the schedule: no cron)."""
    try:
        return services.fetch_wire()
    finally:
        schedule_wire()


def schedule_wire(*, now: bool = False) -> None:
    if not fetch_wire.get_backend().supports_defer:
        return  # a backend that runs tasks at once (tests) keeps no schedule
    delay = timedelta(0) if now else timedelta(minutes=settings.WIRE_FETCH_MINUTES)
    fetch_wire.using(run_after=timezone.now() + delay).enqueue()
