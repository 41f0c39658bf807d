"""The benchmark's data generator: fast rows that obey the same invariants as the services."""

import pytest

from bench.generate import generate
from tadamun.core.text import normalise
from tadamun.network import services
from tadamun.network.models import ContactDetail, Organisation
from tadamun.network.queries import DirectoryFilters, directory

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated():
    result = generate(300, batch_size=120)
    return result


def test_it_generates_the_requested_number_of_member_organisations(generated):
    assert generated["organisations"] == 300
    assert Organisation.objects.count() == 300
    assert not Organisation.objects.exclude(status=Organisation.Status.APPROVED).exists()
    assert len(set(Organisation.objects.values_list("kind", flat=True))) == len(Organisation.Kind.values)
    assert Organisation.objects.exclude(country="IQ").exists()
    assert not Organisation.objects.filter(kind=Organisation.Kind.INTERNATIONAL, country="IQ").exists()
    assert ContactDetail.objects.count() == 600


def test_names_keys_and_slugs_are_unique_and_computed_like_the_services(generated):
    rows = list(Organisation.objects.all())
    assert len({o.name for o in rows}) == len({o.name_key for o in rows}) == len({o.slug for o in rows}) == 300
    for org in rows:
        assert org.name_key == normalise(org.name)
        # The same words as the services compute (PostgreSQL's jsonb may reorder the names).
        assert sorted(org.search_text.split()) == sorted(services._search_text(org).split())
        assert org.website == f"https://{org.slug}.example.org"
        assert org.names and org.description
    assert {o.original_language for o in rows} >= {"ar", "ckb", "en"}


def test_many_to_many_rows_are_there(generated):
    for org in Organisation.objects.prefetch_related("governorates", "pathways", "languages"):
        assert 1 <= len(org.governorates.all()) <= 3
        assert 1 <= len(org.pathways.all()) <= 4
        assert 1 <= len(org.languages.all()) <= 3


def test_a_second_run_adds_more_without_clashes(generated):
    generate(100, seed=2026)
    assert Organisation.objects.count() == 400
    assert Organisation.objects.values("name_key").distinct().count() == 400


def test_the_directory_finds_generated_organisations_by_governorate_and_arabic_term(generated):
    basra = set(
        Organisation.objects.filter(governorates__iso_code="IQ-BA").values_list("pk", flat=True)
    )
    assert basra
    found = set(directory(DirectoryFilters(governorate="IQ-BA")).values_list("pk", flat=True))
    assert found == basra

    water = set(directory(DirectoryFilters(q="مياه")).values_list("pk", flat=True))
    assert water
    assert water == set(Organisation.objects.filter(search_text__contains="مياه").values_list("pk", flat=True))
    # Arabic spelling variants find the same organisations ("المياة" with tā' marbūṭa).
    assert set(directory(DirectoryFilters(q="المياة")).values_list("pk", flat=True)) == set(
        directory(DirectoryFilters(q="المياه")).values_list("pk", flat=True)
    )
    both = directory(DirectoryFilters(governorate="IQ-BA", q="water"))
    assert all("water" in org.search_text for org in both)
