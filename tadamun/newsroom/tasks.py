"""Background work of the newsroom."""

from __future__ import annotations

import logging

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
