"""Settings for the test suite: the platform's settings, with tasks run at once and fast
password hashing. The worker's own test uses the real database backend ("database")."""

from tadamun.settings import *  # noqa: F403
from tadamun.settings import TASKS

TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]},
    "database": dict(TASKS["default"]),
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
