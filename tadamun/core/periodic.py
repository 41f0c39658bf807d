"""Periodic work without cron: a task reschedules itself in the database queue.

Each periodic task is registered here with its interval; `manage.py schedule` (run by
`runplatform` at start) queues any that is not already waiting.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks.base import TaskResultStatus

PERIODIC: dict[str, tuple[object, callable]] = {}


def task_path(task) -> str:
    return f"{task.func.__module__}.{task.func.__qualname__}"


def periodic(interval: callable):
    """Register a task to run every `interval()` (a function, so settings are read late)."""

    def register(task):
        PERIODIC[task_path(task)] = (task, interval)
        return task

    return register


def schedule_next(task, *, now: bool = False) -> None:
    """Queue the next run of a periodic task (nothing on a backend that cannot defer)."""
    if not task.get_backend().supports_defer:
        return
    _task, interval = PERIODIC[task_path(task)]
    delay = timedelta(0) if now else interval()
    task.using(run_after=timezone.now() + delay).enqueue()


def ensure_scheduled() -> list[str]:
    """Queue every periodic task that has no run waiting; returns the ones queued."""
    from django_tasks_db.models import DBTaskResult

    queued = []
    for path, (task, _interval) in PERIODIC.items():
        if not DBTaskResult.objects.filter(task_path=path, status=TaskResultStatus.READY).exists():
            schedule_next(task, now=True)
            queued.append(path)
    return queued
