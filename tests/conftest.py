import pytest

from tests import factories


@pytest.fixture(autouse=True)
def _media_and_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    translation.activate("en")  # a page request leaves its language active for the next test


@pytest.fixture
def coordinator(db):
    """A coordinator who has set up two-factor authentication."""
    return factories.coordinator()


@pytest.fixture
def person(db):
    return factories.UserFactory()


@pytest.fixture
def organisation(db):
    return factories.OrganisationFactory()
