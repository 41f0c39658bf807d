"""Background work of consultations: the map of opinions is computed here, never by a page."""

from __future__ import annotations

from django.core.cache import cache
from django_tasks import task

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
