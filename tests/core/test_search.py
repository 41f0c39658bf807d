import pytest
from django.db import connection

from tadamun.core.search import ensure_indexes
from tadamun.newsroom.queries import ArticleFilters, published
from tests.newsroom.factories import ArticleFactory


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite keeps its index with triggers")
def test_the_search_index_is_mended_after_a_table_rebuild_dropped_its_triggers():
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER newsroom_article_search_insert")
    assert ensure_indexes() == ["newsroom_article"]
    assert ensure_indexes() == []
    article = ArticleFactory(title="Marshes of Chibayish", status="published")
    assert list(published(ArticleFilters(q="chibayish"))) == [article]


@pytest.mark.django_db
def test_every_indexed_table_finds_by_substring():
    article = ArticleFactory(title="Marshes of Chibayish", status="published")
    assert list(published(ArticleFilters(q="hibayi"))) == [article]
