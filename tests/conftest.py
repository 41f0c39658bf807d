import pytest

from tests import factories


@pytest.fixture(autouse=True)
def _media_and_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    from django.core.cache import cache

    cache.clear()


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
