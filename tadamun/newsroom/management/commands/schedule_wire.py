"""Make sure the wire is fetched: queue its periodic task unless one is already waiting.
`manage.py runplatform` calls it at start; the task then reschedules itself."""

from django.core.management.base import BaseCommand
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tadamun.newsroom.tasks import fetch_wire, schedule_wire


class Command(BaseCommand):
    help = "Queue the periodic fetch of the wire if none is waiting."

    def handle(self, *args, **options):
        path = f"{fetch_wire.func.__module__}.{fetch_wire.func.__qualname__}"
        waiting = DBTaskResult.objects.filter(task_path=path, status=TaskResultStatus.READY).exists()
        if waiting:
            self.stdout.write("The wire is already scheduled.")
            return
        schedule_wire(now=True)
        self.stdout.write("The wire will be fetched now, then every WIRE_FETCH_MINUTES.")
