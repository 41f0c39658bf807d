"""Settings of the benchmark's web server: the platform's own, plus a bare "hello" view."""

from tadamun.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
