"""WSGI entry point (gunicorn tadamun.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tadamun.settings")
application = get_wsgi_application()
