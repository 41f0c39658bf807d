"""The demo newsroom: fictional articles written through the services, reloadable."""

import io
import re
from html import escape
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from tadamun.core import markdown
from tadamun.network.demo import COORDINATOR_EMAIL, DEMO_DOMAIN, DEMO_PASSWORD
from tadamun.newsroom import queries
from tadamun.newsroom.demo import ARTICLES, TRANSLATIONS, demo_pdf, load_demo_newsroom
from tadamun.newsroom.models import Article, Attachment, Memory, Translator, Version

pytestmark = pytest.mark.django_db

S = Article.Status
V = Version.Status


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
        "versions": sorted(Version.objects.values_list("language", "status")),
        "memory": Memory.objects.count(),
        "translators": Translator.objects.count(),
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
    assert len([line for line in out.getvalue().splitlines() if "Demo translations" in line]) == 1
    pks = set(Article.objects.values_list("pk", flat=True))
    assert len(pks) >= 30
    call_command("demo", "--if-empty", stdout=StringIO())
    assert set(Article.objects.values_list("pk", flat=True)) == pks


def test_volunteers_translate_and_review_the_demo_articles(demo):
    volunteers = Translator.objects.select_related("person")
    people = {t.person for t in volunteers}
    assert len(people) >= 4
    pairs = set(volunteers.values_list("source_language", "target_language"))
    assert {("ar", "en"), ("ckb", "en"), ("en", "ar"), ("ar", "it"), ("en", "ckb")} <= pairs
    assert set(volunteers.filter(reviews=True).values_list("target_language", flat=True)) >= {
        "en",
        "ar",
    }
    for person in people:
        assert person.email.endswith(f"@{DEMO_DOMAIN}")
        assert person.check_password(DEMO_PASSWORD)
        assert person.emailaddress_set.filter(verified=True, primary=True).exists()

    reviewed = Version.objects.filter(status=V.PUBLISHED).select_related("article")
    assert reviewed.count() >= 3
    english = reviewed.filter(language="en")
    originals = sorted(english.values_list("article__original_language", flat=True))
    assert originals.count("ar") >= 2 and originals.count("ckb") >= 1
    for version in reviewed:
        assert version.origin == Version.Origin.HUMAN
        assert version.article.status == S.PUBLISHED
        assert version.reviewer_id and version.reviewer_id != version.translator_id
        assert Translator.objects.filter(
            person=version.reviewer, target_language=version.language, reviews=True
        ).exists()
        source = markdown.paragraphs(version.article.body)
        target = markdown.paragraphs(version.body)
        assert len(target) == len(source)
        # A heading stays a heading, a list stays a list.
        for original, translated in zip(source, target, strict=True):
            assert original.startswith("## ") == translated.startswith("## ")
            assert original.startswith("- ") == translated.startswith("- ")
            assert original.count("\n") == translated.count("\n")
        assert version.title and version.summary and version.title != version.article.title
        assert (
            version.article.published_at
            < version.created_at
            < version.claimed_at
            < version.submitted_at
            < version.published_at
        )

    waiting = Version.objects.select_related("article").get(status=V.SUBMITTED)
    assert waiting.language == "ar" and waiting.article.original_language == "en"
    assert waiting.reviewer is None and waiting.translator is not None
    assert len(markdown.paragraphs(waiting.body)) == len(markdown.paragraphs(waiting.article.body))
    working = Version.objects.select_related("article").get(status=V.IN_PROGRESS)
    assert working.language == "en" and working.article.original_language == "ar"
    assert (
        0 < len(markdown.paragraphs(working.body)) < len(markdown.paragraphs(working.article.body))
    )
    queued = Version.objects.filter(status=V.REQUESTED, translator=None)
    assert queued.count() >= 4
    assert {"en", "it", "ckb", "kmr"} <= set(queued.values_list("language", flat=True))
    for version in Version.objects.select_related("article", "requested_by"):
        assert version.requested_by == version.article.author
        assert version.language != version.article.original_language
    assert Version.objects.count() == len(TRANSLATIONS)


def test_an_english_reader_reads_a_reviewed_translation(demo, client):
    version = (
        Version.objects.filter(status=V.PUBLISHED, language="en", article__original_language="ar")
        .select_related("article")
        .first()
    )
    page = client.get(f"/en/news/{version.article.slug}/").content.decode()
    assert escape(version.title) in page
    assert "Translated by a volunteer, reviewed" in page
    assert "?original=1" in page
    first = markdown.paragraphs(version.body)[0]
    assert escape(first.split(".")[0]) in page
    original = client.get(f"/en/news/{version.article.slug}/?original=1").content.decode()
    assert escape(version.article.title) in original


def test_a_demo_translator_finds_requests_on_the_translation_desk(demo):
    person = (
        Translator.objects.filter(source_language="ar", target_language="en", reviews=False)
        .select_related("person")
        .first()
        .person
    )
    desk = queries.translation_desk(person)
    assert desk["available"]
    for version in desk["available"]:
        assert version.status == V.REQUESTED
        assert (version.article.original_language, version.language) == ("ar", "en")
    assert desk["mine"]  # the demo translators all have work of their own going on
    arabic_reviewer = Translator.objects.get(target_language="ar", reviews=True).person
    to_review = queries.translation_desk(arabic_reviewer)["to_review"]
    assert [v.language for v in to_review] == ["ar"]


def test_approved_translations_fill_the_memory(demo, django_capture_on_commit_callbacks):
    reviewed = Version.objects.filter(status=V.PUBLISHED)
    expected = sum(len(markdown.paragraphs(v.body)) for v in reviewed)
    assert Memory.objects.count() == expected >= 10
    row = Memory.objects.filter(source_language="ar", target_language="en").first()
    assert row.version.status == V.PUBLISHED
    assert row.source in row.version.article.body and row.target in row.version.body
    # Reloading replaces the demo's memory instead of adding to it (the memory outlives
    # deleted articles), and says what it loaded.
    out = StringIO()
    result = load_demo_newsroom(stdout=out)
    assert Memory.objects.count() == expected == result["translations"]["memory"]
    assert not Memory.objects.filter(version=None).exists()
    assert result["translations"]["published"] == reviewed.count() >= 3
    assert result["translations"]["requested"] >= 4
    said = out.getvalue().split("Demo translations loaded:")[1]
    assert f"{reviewed.count()} reviewed versions" in said
    assert f"{expected} paragraphs in the translation memory" in said


def test_the_newsroom_needs_the_demo_network():
    with pytest.raises(RuntimeError, match="demo network"):
        load_demo_newsroom()


@pytest.mark.django_db
def test_the_demo_wire_is_read_from_shipped_files_and_never_fetched():
    from django.core.management import call_command

    from tadamun.newsroom.models import FeedSource, WireItem

    call_command("demo", stdout=io.StringIO())
    assert FeedSource.objects.count() == 3 and not FeedSource.objects.filter(active=True).exists()
    assert WireItem.objects.count() >= 6
    assert WireItem.objects.filter(source__language="it").exists()
