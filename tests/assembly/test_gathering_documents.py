"""Documents of a gathering: PDF only, added and removed by its organisers, downloaded by
those who may see the gathering."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tadamun.assembly import services
from tadamun.assembly.models import GatheringDocument
from tadamun.core.errors import DomainError, PermissionDenied
from tests import factories

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def forum(db):
    boss = factories.coordinator()
    start = timezone.now() - timedelta(days=3)
    gathering = services.plan_gathering(by=boss, draft=services.GatheringDraft(
        title="Social forum of Basra", kind="social_forum", language="en", starts_at=start, ends_at=start + timedelta(days=1),
        place="Basra"))
    return {"boss": boss, "gathering": gathering}


def test_organisers_attach_pdfs_that_readers_download(client, forum):
    client.force_login(forum["boss"])
    url = f"/en/gatherings/{forum['gathering'].slug}/organise/"
    refused = client.post(url, {"action": "document", "title": "Programme",
                                "file": SimpleUploadedFile("programme.pdf", b"<html>not a pdf</html>")})
    assert refused.status_code == 400 and "Attach a PDF file." in refused.content.decode()
    assert not GatheringDocument.objects.exists()
    client.post(url, {"action": "document", "title": "Final report", "file": SimpleUploadedFile("report.pdf", PDF)})
    document = GatheringDocument.objects.get()
    assert document.file.name.endswith(".pdf") and "report" not in document.file.name  # stored under a name of ours
    client.logout()
    page = client.get(forum["gathering"].get_absolute_url()).content.decode()
    assert "Final report" in page
    download = client.get(f"/en/gatherings/{forum['gathering'].slug}/documents/{document.pk}/")
    assert download["Content-Type"] == "application/pdf" and b"".join(download.streaming_content) == PDF
    outsider = factories.UserFactory()
    with pytest.raises(PermissionDenied):
        services.attach_document(by=outsider, gathering=forum["gathering"], upload=SimpleUploadedFile("x.pdf", PDF))
    services.remove_document(by=forum["boss"], document=document)
    assert not GatheringDocument.objects.exists()


def test_a_document_too_large_is_refused(forum, monkeypatch):
    from tadamun.core import uploads

    monkeypatch.setattr(uploads, "PDF_MAX_BYTES", 10)
    with pytest.raises(DomainError, match="too large"):
        services.attach_document(by=forum["boss"], gathering=forum["gathering"], upload=SimpleUploadedFile("big.pdf", PDF))
    assert not GatheringDocument.objects.exists()
