"""The benchmark's newsroom generator: published articles the newsroom's queries find."""

import pytest

from bench.generate import generate, generate_articles
from tadamun.core import markdown
from tadamun.core.text import normalise
from tadamun.newsroom.models import Article, Version
from tadamun.newsroom.queries import ArticleFilters, published

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated():
    generate(40, batch_size=40)
    return generate_articles(300, batch_size=120)


def test_it_generates_published_articles_in_the_five_languages(generated):
    assert generated["articles"] == 300
    # On SQLite the platform's own trigger indexed them for search (the generator would
    # index them itself otherwise, hiding a migration that lost the trigger).
    assert generated["fts_trigger_missing"] is False, "the FTS insert trigger of newsroom_article is missing"
    assert Article.objects.count() == 300
    assert not Article.objects.exclude(status=Article.Status.PUBLISHED).exists()
    assert not Article.objects.filter(published_at__isnull=True).exists()
    assert set(Article.objects.values_list("original_language", flat=True)) == {"ar", "ckb", "kmr", "en", "it"}
    assert len(set(Article.objects.values_list("kind", flat=True))) == len(Article.Kind.values)
    assert Article.objects.values("organisation").distinct().count() > 10
    assert len(set(Article.objects.values_list("slug", flat=True))) == 300


def test_texts_are_what_the_services_compute(generated):
    for article in Article.objects.all():
        assert article.search_text == normalise(" ".join([article.title, article.summary, article.body]))
        assert article.body_html == markdown.render(article.body)
        assert 2 <= article.body.count("\n\n") + 1 <= 6  # 2–4 paragraphs, maybe a heading and a list


def test_pathways_governorates_and_versions(generated):
    for article in Article.objects.prefetch_related("pathways", "governorates"):
        assert 1 <= len(article.pathways.all()) <= 2
        assert len(article.governorates.all()) <= 2
    versions = list(Version.objects.select_related("article"))
    assert generated["versions"] == len(versions)
    assert 10 <= len(versions) <= 60  # about a tenth
    for version in versions:
        assert version.status == Version.Status.PUBLISHED
        assert version.language != version.article.original_language
        assert version.body_html == markdown.render(version.body)
        assert version.published_at >= version.article.published_at


def test_the_newsroom_finds_them_by_an_arabic_word_and_by_pathway(generated):
    water = set(published(ArticleFilters(q="مياه")).values_list("pk", flat=True))
    assert water
    assert water == set(Article.objects.filter(search_text__contains="مياه").values_list("pk", flat=True))
    assert set(Article.objects.filter(pk__in=water).values_list("original_language", flat=True)) == {"ar"}

    women = set(published(ArticleFilters(pathway="women")).values_list("pk", flat=True))
    assert women
    assert women == set(Article.objects.filter(pathways__slug="women").values_list("pk", flat=True))

    both = published(ArticleFilters(pathway="women", language="ar"))
    assert both.exists()
    assert all(a.original_language == "ar" and "women" in {p.slug for p in a.pathways.all()} for a in both)


def test_a_second_run_adds_more_without_clashes(generated):
    again = generate_articles(50)
    assert again["articles"] == 50
    assert Article.objects.count() == 350
    assert Article.objects.values("slug").distinct().count() == 350
    # The new rows are searchable too.
    assert published(ArticleFilters(q="مياه")).count() == Article.objects.filter(search_text__contains="مياه").count()
