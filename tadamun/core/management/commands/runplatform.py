"""Start the web server (gunicorn) and the task worker together; Ctrl-C stops both."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run gunicorn and the django-tasks database worker side by side."

    def add_arguments(self, parser):
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--workers", default=os.environ.get("WEB_CONCURRENCY", "2"))

    def handle(self, *args, port, host, workers, **options):
        python = sys.executable
        # Other gunicorn settings are in gunicorn.conf.py (read from the project directory).
        web = [
            python, "-m", "gunicorn", "tadamun.wsgi:application",
            "--config", str(settings.BASE_DIR / "gunicorn.conf.py"),
            "--bind", f"{host}:{port}", "--workers", str(workers),
        ]
        call_command("schedule")
        worker = [python, "manage.py", "db_worker", "--queue-name", "default", "--interval", "1", "--no-reload"]
        procs = [
            subprocess.Popen(web, cwd=settings.BASE_DIR),
            subprocess.Popen(worker, cwd=settings.BASE_DIR),
        ]
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        self.stdout.write(f"Tadamun is running on http://{host}:{port}/ (Ctrl-C stops it)")
        try:
            while not stopping and all(p.poll() is None for p in procs):
                time.sleep(0.3)
        finally:
            for p in procs:
                if p.poll() is None:
                    p.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 10
            for p in procs:
                try:
                    p.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    p.kill()
        self.stdout.write("Stopped.")
