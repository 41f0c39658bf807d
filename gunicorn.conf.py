"""gunicorn settings, read by `make run` (manage.py runplatform), the benchmark and production.

Threaded workers: on CPython 3.11 the sync worker runs Django deep in a stack that makes
each request far slower (python/cpython#142183, measured in bench/RESULTS.md); gthread
does not, and keeps a slow client from holding a whole process.
"""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
graceful_timeout = 5
timeout = 30
accesslog = "-"
