"""Queue the periodic tasks (the wire, the digest) unless a run is already waiting."""

from django.core.management.base import BaseCommand
from django.utils.module_loading import autodiscover_modules

from tadamun.core.periodic import ensure_scheduled


class Command(BaseCommand):
    help = "Queue every periodic task that has no run waiting; each then reschedules itself."

    def handle(self, *args, **options):
        autodiscover_modules("tasks")  # each app's tasks.py registers its periodic tasks
        queued = ensure_scheduled()
        self.stdout.write(f"Scheduled: {', '.join(queued)}" if queued else "Every periodic task is already scheduled.")
