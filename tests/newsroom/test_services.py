"""Rules and invariants of the newsroom's services: writing, review, files and search."""

import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from tadamun.core.errors import DomainError, PermissionDenied
from tadamun.network.models import Governorate, Membership, Organisation
from tadamun.newsroom import services
from tadamun.newsroom.models import Article, Attachment
from tadamun.newsroom.queries import ArticleFilters, published
from tadamun.newsroom.rules import NETWORK_EDITORS
from tadamun.pathways.models import Pathway
from tests import factories
from tests.newsroom.factories import ArticleFactory, network_editor

pytestmark = pytest.mark.django_db


def draft(title="Clean water for Basra", body="The river is salty again.\n\nWe asked for help.", **overrides):
    values = dict(
        title=title,
        body=body,
        kind=Article.Kind.NEWS,
        original_language="en",
        summary="A summer without drinking water.",
        pathways=list(Pathway.objects.filter(slug="heritage-environment")),
        governorates=list(Governorate.objects.filter(iso_code="IQ-BA")),
    )
    values.update(overrides)
    return services.ArticleDraft(**values)


@pytest.fixture
def editor(organisation):
    return factories.member(organisation, Membership.Role.EDITOR)


@pytest.fixture
def reviewer(db):
    return network_editor()


def link(name, language, **kwargs):
    """The absolute address an email carries, in the recipient's language."""
    with translation.override(language):
        return settings.SITE_URL + reverse(name, kwargs=kwargs)


def submitted(organisation, author, **kwargs):
    return ArticleFactory(organisation=organisation, author=author, status=Article.Status.SUBMITTED, **kwargs)


def published_article(organisation, author, **kwargs):
    return ArticleFactory(organisation=organisation, author=author, status=Article.Status.PUBLISHED, **kwargs)


# --- Writing -----------------------------------------------------------------------


@pytest.mark.parametrize("role", [Membership.Role.EDITOR, Membership.Role.ADMIN])
def test_an_editor_or_admin_of_a_member_organisation_writes_a_draft(organisation, role):
    writer = factories.member(organisation, role)
    article = services.write_article(by=writer, organisation=organisation, draft=draft())
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.author == writer and article.organisation == organisation
    assert article.slug.startswith("clean-water-for-basra-")
    assert [p.slug for p in article.pathways.all()] == ["heritage-environment"]
    assert [g.iso_code for g in article.governorates.all()] == ["IQ-BA"]
    assert article.published_at is None
    assert article not in published()


def test_an_arabic_title_still_gets_an_address(editor, organisation):
    first = services.write_article(by=editor, organisation=organisation, draft=draft(title="الماء في البصرة"))
    second = services.write_article(by=editor, organisation=organisation, draft=draft(title="الماء في البصرة"))
    assert first.slug and second.slug and first.slug != second.slug


@pytest.mark.parametrize("who", ["plain member", "outsider", "editor of a pending organisation", "editor elsewhere"])
def test_only_editors_of_an_approved_organisation_write_for_it(organisation, who):
    target = organisation
    if who == "plain member":
        writer = factories.member(organisation, Membership.Role.MEMBER)
    elif who == "outsider":
        writer = factories.UserFactory()
    elif who == "editor of a pending organisation":
        target = factories.OrganisationFactory(status=Organisation.Status.PENDING)
        writer = factories.member(target, Membership.Role.EDITOR)
    else:
        writer = factories.member(factories.OrganisationFactory(), Membership.Role.EDITOR)
    with pytest.raises(PermissionDenied):
        services.write_article(by=writer, organisation=target, draft=draft())
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "field, overrides",
    [
        ("title", {"title": ""}),
        ("title", {"title": "   "}),
        ("title", {"title": "\u202e\u2066"}),  # only invisible controls: nothing left
        ("body", {"body": ""}),
        ("body", {"body": " \n\n  "}),
        ("kind", {"kind": "rumour"}),
        ("original_language", {"original_language": "xx"}),
    ],
)
def test_an_incomplete_article_is_refused_on_the_right_field_and_nothing_is_saved(editor, organisation, field, overrides):
    with pytest.raises(DomainError) as refused:
        services.write_article(by=editor, organisation=organisation, draft=draft(**overrides))
    assert refused.value.field == field
    assert not Article.objects.exists()


def test_an_edit_that_empties_the_text_changes_nothing(editor, organisation):
    article = services.write_article(by=editor, organisation=organisation, draft=draft())
    with pytest.raises(DomainError) as refused:
        services.edit_article(by=editor, article=article, draft=draft(title="New title", body=""))
    assert refused.value.field == "body"
    article.refresh_from_db()
    assert article.title == "Clean water for Basra"


def _elements(html: str) -> tuple[set[str], set[tuple[str, str]]]:
    """The tags and the (attribute, value) pairs of an HTML fragment, as a browser reads them."""
    from html.parser import HTMLParser

    tags: set[str] = set()
    attributes: set[tuple[str, str]] = set()

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.add(tag)
            attributes.update((name, (value or "").strip().lower()) for name, value in attrs)

    Collector().feed(html)
    return tags, attributes


def test_markdown_is_rendered_and_nothing_dangerous_reaches_the_page(editor, organisation):
    body = "\n\n".join(
        [
            "# A big title",
            "Some **bold** and *italic* text, a [good link](https://example.org/report).",
            "<script>alert('canary-script')</script>",
            '<div onclick="steal()">raw html</div>',
            "[click me](javascript:alert('canary-js'))",
            "[also me](JaVaScRiPt:alert(1))",
            "![tracking pixel](https://evil.example/pixel.png)",
            '<img src="x" onerror="alert(1)">',
            "<iframe src=\"https://evil.example\"></iframe>",
        ]
    )
    article = services.write_article(by=editor, organisation=organisation, draft=draft(body=body))
    article.refresh_from_db()
    html = article.body_html
    assert "<h2>A big title</h2>" in html
    assert "<h1" not in html
    assert "<strong>bold</strong>" in html and "<em>italic</em>" in html
    assert 'href="https://example.org/report"' in html
    assert "noopener" in html and "noreferrer" in html
    tags, attributes = _elements(html)
    assert tags <= {"h2", "p", "strong", "em", "a"}, tags  # no script, div, img, iframe
    assert {name for name, _value in attributes} <= {"href", "rel"}, attributes  # no onclick, onerror, src
    hrefs = {value for name, value in attributes if name == "href"}
    assert hrefs == {"https://example.org/report"}  # javascript: links are not links
    assert "<script" not in html.lower() and "evil.example/pixel" not in html
    assert "&lt;script&gt;" in html  # raw HTML is shown as text, never run
    assert article.body == body  # the author's own text is kept as written
    assert str(article.body_markup) == html


def test_bidi_overrides_and_controls_are_removed_from_titles(editor, organisation):
    article = services.write_article(
        by=editor, organisation=organisation, draft=draft(title="Good\u202eevil\u2066 news\x07", summary="\u202dsum\u202cmary")
    )
    article.refresh_from_db()
    assert article.title == "Goodevil news"
    assert article.summary == "summary"


def test_an_edit_is_saved_and_searched_for(editor, organisation, reviewer):
    article = services.write_article(by=editor, organisation=organisation, draft=draft())
    services.edit_article(
        by=editor, article=article, draft=draft(title="Marshes of Chibayish", body="# Drought\n\nThe buffaloes are thirsty.")
    )
    article.refresh_from_db()
    assert article.title == "Marshes of Chibayish"
    assert "<h2>Drought</h2>" in article.body_html
    services.submit_article(by=editor, article=article)
    services.publish_article(by=reviewer, article=article)
    assert list(published(ArticleFilters(q="buffaloes"))) == [article]
    assert list(published(ArticleFilters(q="salty"))) == []  # the old text is forgotten


# --- Submission and review ---------------------------------------------------------


def test_a_submission_waits_for_review_and_every_network_editor_is_told_once_in_their_language(
    editor, organisation, django_capture_on_commit_callbacks
):
    staff = factories.coordinator(language="en")
    group_member = network_editor(language="ar")
    both = factories.coordinator(language="it")
    both.groups.add(Group.objects.get(name=NETWORK_EDITORS))  # staff and in the group: told once
    retired = network_editor(is_active=False)
    factories.member(organisation, Membership.Role.ADMIN)  # not a reviewer: not told
    article = services.write_article(by=editor, organisation=organisation, draft=draft())
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_article(by=editor, article=article)
    article.refresh_from_db()
    assert article.status == Article.Status.SUBMITTED
    assert article.submitted_at is not None and article.published_at is None
    assert article not in published()
    assert sorted(m.to for m in mail.outbox) == sorted([[staff.email], [group_member.email], [both.email]])
    reviewers = {m.to[0]: m for m in mail.outbox}
    assert retired.email not in reviewers
    for person in (staff, group_member, both):
        message = reviewers[person.email]
        assert "Clean water for Basra" in message.subject
        assert link("newsroom:review", person.language) in message.body
    assert "/ar/" in reviewers[group_member.email].body
    assert "/it/" in reviewers[both.email].body


def test_nobody_is_told_before_the_submission_commits(editor, organisation, reviewer, django_capture_on_commit_callbacks):
    article = services.write_article(by=editor, organisation=organisation, draft=draft())
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.submit_article(by=editor, article=article)
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_a_trusted_organisation_publishes_at_once(editor, organisation, reviewer, django_capture_on_commit_callbacks):
    organisation.is_trusted = True
    organisation.save()
    article = services.write_article(by=editor, organisation=organisation, draft=draft())
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_article(by=editor, article=article)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at is not None and article.submitted_at is not None
    assert list(published()) == [article]
    assert reviewer.email not in [m.to[0] for m in mail.outbox]  # nothing to review


def test_a_network_editor_publishes_and_the_author_is_told_in_their_language(
    editor, organisation, reviewer, django_capture_on_commit_callbacks
):
    editor.language = "it"
    editor.save()
    article = submitted(organisation, editor, title="Acqua pulita")
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_article(by=reviewer, article=article)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at is not None
    assert article.reviewed_by == reviewer
    assert list(published()) == [article]
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert "Acqua pulita" in mail.outbox[0].subject
    assert link("newsroom:article", "it", slug=article.slug) in mail.outbox[0].body
    assert "/it/" in mail.outbox[0].body


def test_a_coordinator_reviews_too(editor, organisation, coordinator):
    article = services.publish_article(by=coordinator, article=submitted(organisation, editor))
    assert article.status == Article.Status.PUBLISHED


def test_a_return_needs_a_comment_that_the_author_reads(editor, organisation, reviewer, django_capture_on_commit_callbacks):
    editor.language = "ar"
    editor.save()
    article = submitted(organisation, editor)
    for empty in ("", "   \n "):
        with pytest.raises(DomainError) as refused:
            services.return_article(by=reviewer, article=article, comment=empty)
        assert refused.value.field == "comment"
    article.refresh_from_db()
    assert article.status == Article.Status.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        services.return_article(by=reviewer, article=article, comment="  Please name your sources.  ")
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.review_comment == "Please name your sources."
    assert article.reviewed_by == reviewer
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert "Please name your sources." in mail.outbox[0].body
    assert link("newsroom:article", "ar", slug=article.slug) in mail.outbox[0].body


def test_a_returned_article_is_changed_and_submitted_again(editor, organisation, reviewer):
    article = services.write_article(by=editor, organisation=organisation, draft=draft())
    services.submit_article(by=editor, article=article)
    services.return_article(by=reviewer, article=article, comment="Add a photo caption.")
    services.edit_article(by=editor, article=article, draft=draft(title="Clean water for Basra, again"))
    article = services.submit_article(by=editor, article=article)
    assert article.status == Article.Status.SUBMITTED
    assert article.review_comment == ""  # the old comment is done with


@pytest.mark.parametrize("who", ["author", "org_admin", "plain member", "outsider", "editor elsewhere"])
def test_only_network_editors_publish_or_return(editor, organisation, who):
    people = {
        "author": editor,
        "org_admin": factories.member(organisation, Membership.Role.ADMIN),
        "plain member": factories.member(organisation, Membership.Role.MEMBER),
        "outsider": factories.UserFactory(),
        "editor elsewhere": factories.member(factories.OrganisationFactory(), Membership.Role.EDITOR),
    }
    article = submitted(organisation, editor)
    with pytest.raises(PermissionDenied):
        services.publish_article(by=people[who], article=article)
    with pytest.raises(PermissionDenied):
        services.return_article(by=people[who], article=article, comment="No.")
    article.refresh_from_db()
    assert article.status == Article.Status.SUBMITTED
    assert article.published_at is None


def test_only_a_submission_is_published_or_returned(editor, organisation, reviewer):
    for state in (Article.Status.DRAFT, Article.Status.PUBLISHED):
        article = ArticleFactory(organisation=organisation, author=editor, status=state)
        with pytest.raises(DomainError):
            services.publish_article(by=reviewer, article=article)
        with pytest.raises(DomainError):
            services.return_article(by=reviewer, article=article, comment="Fine.")
        article.refresh_from_db()
        assert article.status == state


def test_only_a_draft_is_submitted(editor, organisation):
    waiting = submitted(organisation, editor)
    with pytest.raises(DomainError):
        services.submit_article(by=editor, article=waiting)
    live = published_article(organisation, editor)
    with pytest.raises(DomainError):
        services.submit_article(by=editor, article=live)
    waiting.refresh_from_db()
    live.refresh_from_db()
    assert (waiting.status, live.status) == (Article.Status.SUBMITTED, Article.Status.PUBLISHED)


def test_a_plain_member_or_a_reviewer_does_not_submit(editor, organisation, reviewer):
    article = ArticleFactory(organisation=organisation, author=editor)
    for person in (factories.member(organisation, Membership.Role.MEMBER), reviewer, factories.UserFactory()):
        with pytest.raises(PermissionDenied):
            services.submit_article(by=person, article=article)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_a_published_article_cannot_be_edited_by_anyone(editor, organisation, reviewer, coordinator):
    article = published_article(organisation, editor, title="As published")
    for person in (editor, factories.member(organisation, Membership.Role.ADMIN), reviewer, coordinator):
        with pytest.raises(PermissionDenied):
            services.edit_article(by=person, article=article, draft=draft(title="Rewritten"))
        with pytest.raises(PermissionDenied):
            services.set_cover(by=person, article=article, upload=None)
        with pytest.raises(PermissionDenied):
            services.attach_pdf(by=person, article=article, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4 x"))
    article.refresh_from_db()
    assert article.title == "As published"
    assert not article.attachments.exists()


def test_others_cannot_edit_a_draft(editor, organisation):
    article = services.write_article(by=editor, organisation=organisation, draft=draft())
    for person in (
        factories.member(organisation, Membership.Role.MEMBER),
        factories.UserFactory(),
        factories.member(factories.OrganisationFactory(), Membership.Role.EDITOR),
    ):
        with pytest.raises(PermissionDenied):
            services.edit_article(by=person, article=article, draft=draft(title="Hijacked"))
    article.refresh_from_db()
    assert article.title == "Clean water for Basra"


@pytest.mark.parametrize("who", ["org_editor", "org_admin", "network_editor", "coordinator"])
def test_a_published_article_is_unpublished_by_its_organisation_or_the_network_editors(editor, organisation, who):
    people = {
        "org_editor": factories.member(organisation, Membership.Role.EDITOR),
        "org_admin": factories.member(organisation, Membership.Role.ADMIN),
        "network_editor": network_editor(),
        "coordinator": factories.coordinator(),
    }
    article = published_article(organisation, editor)
    services.unpublish_article(by=people[who], article=article)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert list(published()) == []
    services.edit_article(by=editor, article=article, draft=draft(title="Corrected"))  # editable again


def test_others_cannot_unpublish_and_a_draft_is_not_unpublished(editor, organisation):
    article = published_article(organisation, editor)
    for person in (
        factories.member(organisation, Membership.Role.MEMBER),
        factories.UserFactory(),
        factories.member(factories.OrganisationFactory(), Membership.Role.EDITOR),
    ):
        with pytest.raises(PermissionDenied):
            services.unpublish_article(by=person, article=article)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    with pytest.raises(DomainError):
        services.unpublish_article(by=editor, article=ArticleFactory(organisation=organisation, author=editor))


# --- Cover images --------------------------------------------------------------------


def _jpeg_with_metadata(size=(64, 40)) -> bytes:
    from PIL import Image

    image = Image.new("RGB", size, (30, 90, 200))
    exif = Image.Exif()
    exif[0x010F] = "CanaryCameraMaker"  # Make
    gps = exif.get_ifd(0x8825)  # GPSInfo
    gps[1] = "N"
    gps[2] = (30.0, 30.0, 0.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes(), comment=b"canary-comment")
    return out.getvalue()


def test_a_cover_is_rebuilt_without_its_metadata_and_replaced_cleanly(editor, organisation, django_capture_on_commit_callbacks):
    article = ArticleFactory(organisation=organisation, author=editor)
    raw = _jpeg_with_metadata()
    assert b"CanaryCameraMaker" in raw and b"canary-comment" in raw
    services.set_cover(by=editor, article=article, upload=SimpleUploadedFile("my-home.jpg", raw, "image/jpeg"))
    article.refresh_from_db()
    stored = article.cover.read()
    article.cover.close()
    assert stored[:4] == b"RIFF" and stored[8:12] == b"WEBP"
    assert b"CanaryCameraMaker" not in stored and b"canary-comment" not in stored and b"Exif" not in stored
    assert article.cover.name.startswith("covers/") and article.cover.name.endswith(".webp")
    assert "my-home" not in article.cover.name
    first = article.cover.name
    storage = article.cover.storage
    with django_capture_on_commit_callbacks(execute=True):
        services.set_cover(by=editor, article=article, upload=SimpleUploadedFile("b.jpg", _jpeg_with_metadata(), "image/jpeg"))
    article.refresh_from_db()
    assert article.cover.name != first
    assert not storage.exists(first)  # the replaced file is gone
    second = article.cover.name
    with django_capture_on_commit_callbacks(execute=True):
        services.set_cover(by=editor, article=article, upload=None)
    article.refresh_from_db()
    assert not article.cover
    assert not storage.exists(second)


def test_a_large_cover_is_scaled_down(editor, organisation):
    from PIL import Image

    article = ArticleFactory(organisation=organisation, author=editor)
    services.set_cover(
        by=editor, article=article, upload=SimpleUploadedFile("wide.jpg", _jpeg_with_metadata((3200, 1000)), "image/jpeg")
    )
    article.refresh_from_db()
    with Image.open(article.cover.path) as image:
        assert max(image.size) == 1600


@pytest.mark.parametrize(
    "content, name",
    [
        (b"%PDF-1.4 not an image", "cover.jpg"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "cover.svg"),
        (b"\x89PNG\r\n\x1a\n" + b"0" * 100, "broken.png"),
    ],
)
def test_a_non_image_cover_is_refused_and_nothing_changes(editor, organisation, content, name):
    article = ArticleFactory(organisation=organisation, author=editor)
    with pytest.raises(DomainError) as refused:
        services.set_cover(by=editor, article=article, upload=SimpleUploadedFile(name, content, "image/jpeg"))
    assert refused.value.field == "cover"
    article.refresh_from_db()
    assert not article.cover


def test_an_oversized_cover_is_refused(editor, organisation):
    article = ArticleFactory(organisation=organisation, author=editor)
    huge = _jpeg_with_metadata() + b"0" * (8 * 1024 * 1024)
    with pytest.raises(DomainError, match="too large") as refused:
        services.set_cover(by=editor, article=article, upload=SimpleUploadedFile("huge.jpg", huge, "image/jpeg"))
    assert refused.value.field == "cover"
    article.refresh_from_db()
    assert not article.cover


# --- PDF attachments -------------------------------------------------------------------

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def test_a_pdf_is_attached_under_a_name_of_ours(editor, organisation):
    article = ArticleFactory(organisation=organisation, author=editor)
    attachment = services.attach_pdf(
        by=editor, article=article, upload=SimpleUploadedFile("Annual report 2024.pdf", PDF, "application/pdf")
    )
    attachment.refresh_from_db()
    assert attachment.title == "Annual report 2024"
    assert attachment.size == len(PDF)
    stored_name = attachment.file.name.rsplit("/", 1)[-1]
    assert attachment.file.name.startswith(f"attachments/{article.pk}/")
    assert stored_name.endswith(".pdf") and "Annual" not in stored_name and "report" not in stored_name
    assert len(stored_name) == len("0123456789abcdef0123456789abcdef.pdf")
    with attachment.file.open("rb") as stored:
        assert stored.read() == PDF
    assert list(article.attachments.all()) == [attachment]


def test_a_pdf_is_given_the_title_chosen_cleaned(editor, organisation):
    article = ArticleFactory(organisation=organisation, author=editor)
    attachment = services.attach_pdf(
        by=editor, article=article, upload=SimpleUploadedFile("x.pdf", PDF), title="Full\u202e text\u2066"
    )
    assert attachment.title == "Full text"


@pytest.mark.parametrize(
    "content, name",
    [
        (b"\x89PNG\r\n\x1a\n" + b"0" * 100, "report.pdf"),
        (b"MZ\x90\x00 an executable", "report.pdf"),
        (b"<html><script>alert(1)</script></html>", "report.pdf"),
        (b" %PDF-1.4 starts too late", "report.pdf"),
        (b"", "empty.pdf"),
    ],
)
def test_only_a_pdf_by_its_bytes_is_attached(editor, organisation, content, name):
    article = ArticleFactory(organisation=organisation, author=editor)
    with pytest.raises(DomainError) as refused:
        services.attach_pdf(by=editor, article=article, upload=SimpleUploadedFile(name, content, "application/pdf"))
    assert refused.value.field == "file"
    assert not Attachment.objects.exists()


def test_a_pdf_over_the_limit_is_refused(editor, organisation, monkeypatch):
    assert services.ATTACHMENT_MAX_BYTES == 20 * 1024 * 1024
    monkeypatch.setattr(services, "ATTACHMENT_MAX_BYTES", len(PDF))
    article = ArticleFactory(organisation=organisation, author=editor)
    services.attach_pdf(by=editor, article=article, upload=SimpleUploadedFile("fits.pdf", PDF))  # exactly the limit
    with pytest.raises(DomainError, match="too large") as refused:
        services.attach_pdf(by=editor, article=article, upload=SimpleUploadedFile("big.pdf", PDF + b"0"))
    assert refused.value.field == "file"
    assert article.attachments.count() == 1


def test_removing_an_attachment_deletes_its_file(editor, organisation, django_capture_on_commit_callbacks):
    article = ArticleFactory(organisation=organisation, author=editor)
    attachment = services.attach_pdf(by=editor, article=article, upload=SimpleUploadedFile("r.pdf", PDF))
    name, storage = attachment.file.name, attachment.file.storage
    assert storage.exists(name)
    for person in (factories.member(organisation, Membership.Role.MEMBER), factories.UserFactory()):
        with pytest.raises(PermissionDenied):
            services.remove_attachment(by=person, attachment=attachment)
        with pytest.raises(PermissionDenied):
            services.attach_pdf(by=person, article=article, upload=SimpleUploadedFile("r.pdf", PDF))
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_attachment(by=editor, attachment=attachment)
    assert not Attachment.objects.exists()
    assert not storage.exists(name)


# --- Search and filters --------------------------------------------------------------


def _publish(editor, organisation, reviewer, **overrides):
    article = services.write_article(by=editor, organisation=organisation, draft=draft(**overrides))
    services.submit_article(by=editor, article=article)
    return services.publish_article(by=reviewer, article=article)


@pytest.fixture
def library(editor, organisation, reviewer):
    """Three published articles (Arabic, with Arabic and Persian letter forms, Sorani) and a draft."""
    arabic = _publish(
        editor, organisation, reviewer, original_language="ar",
        title="مُؤسَّسة الأمل للمياه في البصرة", summary="", body="وَزَّعَتْ الـمـؤسسة خزانات المِياه على العوائل.",
    )
    kirkuk = _publish(
        editor, organisation, reviewer, original_language="ar",
        title="مكتبة عامة في كركوك", summary="", body="افتتحت مكتبة للأطفال.",
    )
    sorani = _publish(
        editor, organisation, reviewer, original_language="ckb",
        title="ڕێکخراوی ژنانی هەولێر", summary="", body="کۆبوونەوەیەک بۆ مافەکانی ئافرەتان لە هەولێر.",
    )
    hidden = services.write_article(
        by=editor, organisation=organisation, draft=draft(title="الأمل في البصرة مسودة", body="مسودة لم تنشر", original_language="ar")
    )
    return {"arabic": arabic, "kirkuk": kirkuk, "sorani": sorani, "draft": hidden}


@pytest.mark.parametrize(
    "query",
    [
        "مُؤسَّسة الأمل للمياه في البصرة",  # as written
        "مؤسسه",  # hamza on waw dropped, ta marbuta as ha
        "موسسة",
        "امل",  # bare alef
        "إمل",  # wrong hamza
        "البصره",
        "المـياه",  # tatweel
        "المِيَاه",  # diacritics
        "البصرة الأمل",  # words in any order
        "خزانات",  # found in the text, not only the title
    ],
)
def test_arabic_search_finds_every_spelling(library, query):
    assert list(published(ArticleFilters(q=query))) == [library["arabic"]]


@pytest.mark.parametrize("query", ["کرکوک", "مکتبه", "فی کرکوک", "كركوك"])
def test_kaf_and_yeh_variants_find_each_other(library, query):
    assert list(published(ArticleFilters(q=query))) == [library["kirkuk"]]


@pytest.mark.parametrize("query", ["هەولێر", "هەولیر", "ههولير", "ڕێکخراو", "ریکخراو", "ئافرەتان", "افرەتان"])
def test_sorani_search_folds_kurdish_letters(library, query):
    assert list(published(ArticleFilters(q=query))) == [library["sorani"]]


def test_search_never_finds_what_is_not_there_or_not_published(library):
    assert list(published(ArticleFilters(q="الموصل"))) == []
    assert list(published(ArticleFilters(q="مسودة"))) == []
    assert library["draft"] not in published(ArticleFilters(q="الأمل"))
    assert set(published()) == {library["arabic"], library["kirkuk"], library["sorani"]}


def test_filters_combine(organisation):
    elsewhere = factories.OrganisationFactory()
    basra_report = published_article(
        organisation, None, kind="report", original_language="ar", pathways=["heritage-environment"], governorates=["IQ-BA"]
    )
    basra_news = published_article(
        organisation, None, kind="news", original_language="ar", pathways=["women"], governorates=["IQ-BA"]
    )
    erbil_report = published_article(
        elsewhere, None, kind="report", original_language="ckb", pathways=["heritage-environment", "women"], governorates=["IQ-AR"]
    )
    italian_story = published_article(elsewhere, None, kind="story", original_language="it", pathways=["women"])
    ArticleFactory(organisation=organisation, kind="report", original_language="ar", pathways=["heritage-environment"], governorates=["IQ-BA"])

    def found(**filters):
        return set(published(ArticleFilters(**filters)))

    assert found() == {basra_report, basra_news, erbil_report, italian_story}
    assert found(kind="report") == {basra_report, erbil_report}
    assert found(language="ar") == {basra_report, basra_news}
    assert found(pathway="women") == {basra_news, erbil_report, italian_story}
    assert found(organisation=organisation.slug) == {basra_report, basra_news}
    assert found(governorate="IQ-BA") == {basra_report, basra_news}
    assert found(kind="report", pathway="heritage-environment") == {basra_report, erbil_report}
    assert found(kind="report", governorate="IQ-AR") == {erbil_report}
    assert found(pathway="women", language="it") == {italian_story}
    assert found(pathway="women", organisation=elsewhere.slug, governorate="IQ-AR") == {erbil_report}
    assert found(kind="report", language="it") == set()
    assert found(kind="story", organisation=organisation.slug) == set()
    assert found(governorate="IQ-NI") == set()


def test_the_newest_article_comes_first(organisation):
    from datetime import timedelta

    from django.utils import timezone

    old = published_article(organisation, None, published_at=timezone.now() - timedelta(days=3))
    new = published_article(organisation, None)
    assert list(published()) == [new, old]
