"""Helpers shared by the demo loaders of every app."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def quiet_log(name: str) -> Iterator[None]:
    """Only warnings from the logger `name` while the demo loads (not one line per object)."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
