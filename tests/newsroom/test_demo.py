"""The demo newsroom: fictional articles written through the services, reloadable."""

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from tadamun.network.demo import COORDINATOR_EMAIL
from tadamun.newsroom import queries
from tadamun.newsroom.demo import ARTICLES, demo_pdf, load_demo_newsroom
from tadamun.newsroom.models import Article, Attachment

pytestmark = pytest.mark.django_db

S = Article.Status


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    # Run what the load leaves for the commit too: an email would be sent then.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", stdout=StringIO())


def counts() -> dict:
    return {
        "articles": Article.objects.count(),
        "published": Article.objects.filter(status=S.PUBLISHED).count(),
        "submitted": Article.objects.filter(status=S.SUBMITTED).count(),
        "drafts": Article.objects.filter(status=S.DRAFT).count(),
        "returned": Article.objects.filter(status=S.DRAFT).exclude(review_comment="").count(),
        "organisations": Article.objects.values("organisation").distinct().count(),
        "languages": sorted(set(Article.objects.values_list("original_language", flat=True))),
        "covers": Article.objects.exclude(cover="").count(),
        "attachments": Attachment.objects.count(),
        "pathway_links": Article.pathways.through.objects.count(),
    }


def test_the_demo_command_writes_a_newsroom(demo):
    assert Article.objects.count() >= 30
    published = Article.objects.filter(status=S.PUBLISHED)
    assert published.count() >= 20
    assert published.values("organisation").distinct().count() >= 8
    assert Article.objects.filter(status=S.SUBMITTED).count() >= 3
    drafts = Article.objects.filter(status=S.DRAFT)
    assert drafts.filter(review_comment="").count() >= 3
    returned = drafts.exclude(review_comment="")
    assert returned.count() >= 2
    assert all(a.reviewed_by.email == COORDINATOR_EMAIL for a in returned)
    assert set(Article.Kind.values) == set(Article.objects.values_list("kind", flat=True))
    originals = set(published.values_list("original_language", flat=True))
    assert {"ar", "ckb", "en", "kmr", "it"} <= originals


def test_published_articles_are_in_the_public_list_and_spread_over_months(demo):
    published = Article.objects.filter(status=S.PUBLISHED)
    assert set(queries.published().values_list("pk", flat=True)) == set(
        published.values_list("pk", flat=True)
    )
    days = {a.published_at.date() for a in published}
    assert len(days) == published.count()  # not all on one day
    span = max(days) - min(days)
    assert 200 <= span.days <= 310
    for article in published.select_related("organisation", "reviewed_by"):
        assert article.submitted_at <= article.published_at
        # Members' articles are published by the coordinator, trusted organisations' at once.
        if article.organisation.is_trusted:
            assert article.reviewed_by is None or article.reviewed_by.email != COORDINATOR_EMAIL
        else:
            assert article.reviewed_by.email == COORDINATOR_EMAIL
    assert published.filter(organisation__is_trusted=True).count() >= 4
    assert not Article.objects.filter(status=S.SUBMITTED, organisation__is_trusted=True).exists()


def test_articles_are_written_by_their_organisations_editors(demo):
    for article in Article.objects.select_related("organisation", "author"):
        assert article.author.email.endswith("@demo.tadamun.example")
        assert article.organisation.memberships.filter(
            person=article.author, role__in=["admin", "editor"]
        ).exists()
        assert article.pathways.exists() and article.governorates.exists()
        assert article.summary and article.search_text
        assert 3 <= article.body.count("\n\n") + 1
        assert "<script" not in article.body_html.lower()
        assert article.body_html.startswith("<")
    assert Article.objects.filter(body_html__contains="<h2>").count() >= 8
    assert Article.objects.filter(body_html__contains="<li>").count() >= 8


def test_covers_are_webp_and_a_report_has_a_pdf(demo):
    covered = Article.objects.exclude(cover="")
    assert covered.count() == 4
    for article in covered:
        assert article.cover.name.endswith(".webp")
        with article.cover.open("rb") as f:
            head = f.read(12)
        assert head[:4] == b"RIFF" and head[8:12] == b"WEBP"
        assert article.cover_alt
    attachment = Attachment.objects.select_related("article").get()
    assert attachment.article.kind == Article.Kind.REPORT
    with attachment.file.open("rb") as f:
        assert f.read(5) == b"%PDF-"
    assert attachment.size == attachment.file.size


def test_the_generated_pdf_has_a_correct_cross_reference_table():
    pdf = demo_pdf(["Hello (world)"])
    assert pdf.startswith(b"%PDF-1.4") and pdf.endswith(b"%EOF\n")
    start = int(re.search(rb"startxref\n(\d+)", pdf).group(1))
    assert pdf[start:].startswith(b"xref")
    offsets = [int(o) for o in re.findall(rb"(\d{10}) 00000 n ", pdf)]
    assert len(offsets) == 5
    for number, offset in enumerate(offsets, start=1):
        assert pdf[offset:].startswith(b"%d 0 obj" % number)


def test_no_email_is_sent(demo):
    assert mail.outbox == []


def test_reloading_gives_the_same_newsroom(demo, django_capture_on_commit_callbacks):
    first = counts()
    assert first["articles"] == len(ARTICLES)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", stdout=StringIO())
    assert counts() == first
    # Reloading the newsroom alone replaces its articles too.
    pks = set(Article.objects.values_list("pk", flat=True))
    out = StringIO()
    result = load_demo_newsroom(stdout=out)
    assert counts() == first
    assert not pks & set(Article.objects.values_list("pk", flat=True))
    assert result["published"] == first["published"] and result["articles"] == first["articles"]
    assert "Demo newsroom loaded" in out.getvalue()
    assert mail.outbox == []


def test_the_demo_command_prints_the_newsroom_counts_and_if_empty_keeps_it():
    out = StringIO()
    call_command("demo", "--if-empty", stdout=out)
    lines = [
        line for line in out.getvalue().splitlines() if line.startswith("Demo newsroom loaded")
    ]
    assert len(lines) == 1 and "published" in lines[0]
    pks = set(Article.objects.values_list("pk", flat=True))
    assert len(pks) >= 30
    call_command("demo", "--if-empty", stdout=StringIO())
    assert set(Article.objects.values_list("pk", flat=True)) == pks


def test_the_newsroom_needs_the_demo_network():
    with pytest.raises(RuntimeError, match="demo network"):
        load_demo_newsroom()
