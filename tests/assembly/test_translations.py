"""Translating statements: who may, into which language, and what participants then read."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tadamun.assembly import services
from tadamun.assembly.models import Consultation, Statement
from tadamun.core.errors import DomainError, PermissionDenied
from tadamun.network.models import Membership
from tadamun.newsroom.models import Translator
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    boss = factories.coordinator()
    consultation = services.open_consultation(by=boss, draft=services.ConsultationDraft(
        question="How should we decide?", original_language="en", audience=Consultation.Audience.MEMBERS,
        opens_at=timezone.now() - timedelta(hours=1), closes_at=timezone.now() + timedelta(days=3),
        seeds=["Decisions are taken by consensus.", "Every member organisation has one voice."],
    ))
    member = factories.member(factories.OrganisationFactory(), Membership.Role.MEMBER)
    # A volunteer of the newsroom who belongs to the network (the consultation is for members).
    translator = factories.member(factories.OrganisationFactory(), Membership.Role.MEMBER)
    Translator.objects.create(person=translator, source_language="en", target_language="ar")
    first, second = consultation.statements.order_by("number")
    return {"boss": boss, "consultation": consultation, "member": member, "translator": translator,
            "first": first, "second": second}


def test_moderators_translate_into_any_language_translators_into_theirs(world):
    consultation = world["consultation"]
    assert set(services.translation_languages(world["boss"], consultation)) == {"en", "ar", "ckb", "kmr", "it"}
    assert services.translation_languages(world["translator"], consultation) == ["ar"]
    assert services.translation_languages(world["member"], consultation) == []
    services.translate_statement(by=world["translator"], statement=world["first"], language="ar", text="تتخذ القرارات بالتوافق.")
    services.translate_statement(by=world["boss"], statement=world["first"], language="it", text="Le decisioni si prendono per consenso.")
    world["first"].refresh_from_db()
    assert world["first"].translations == {"ar": "تتخذ القرارات بالتوافق.", "it": "Le decisioni si prendono per consenso."}
    with pytest.raises(PermissionDenied):
        services.translate_statement(by=world["translator"], statement=world["first"], language="ckb", text="بڕیارەکان بە کۆدەنگی دەدرێن.")
    with pytest.raises(PermissionDenied):
        services.translate_statement(by=world["member"], statement=world["first"], language="ar", text="نص مترجم طويل بما يكفي.")


def test_bad_translations_are_refused_and_change_nothing(world):
    first = world["first"]
    for language, text in (("en", "Decisions are taken by consensus."), ("ar", "قصير"), ("ar", "ب" * 600)):
        with pytest.raises(DomainError):
            services.translate_statement(by=world["boss"], statement=first, language=language, text=text)
    pending = Statement.objects.create(consultation=world["consultation"], number=9, text="Not yet moderated text.", language="en")
    with pytest.raises(DomainError):
        services.translate_statement(by=world["boss"], statement=pending, language="ar", text="لم تتم مراجعته بعد.")
    first.refresh_from_db()
    pending.refresh_from_db()
    assert first.translations == {} and pending.translations == {}


def test_the_translation_page_lists_what_is_missing_and_keeps_refused_text(client, world):
    consultation = world["consultation"]
    url = f"/en/consultations/{consultation.slug}/translate/"
    client.force_login(world["member"])
    assert client.get(url).status_code == 404
    client.force_login(world["translator"])
    page = client.get(url).content.decode()
    assert 'value="ar" selected' in page and "Decisions are taken by consensus." in page
    refused = client.post(url, {"statement": world["first"].pk, "language": "ar", "text": "قصير جدا"[:5]})
    assert refused.status_code == 400 and "قصير" in refused.content.decode()
    saved = client.post(url, {"statement": world["first"].pk, "language": "ar", "text": "تتخذ القرارات بالتوافق."})
    assert saved.status_code == 302 and saved["Location"].endswith("?into=ar")
    page = client.get(url + "?into=ar").content.decode()
    assert "Decisions are taken by consensus." not in page and "Every member organisation has one voice." in page
    # A participant reading Arabic now votes on the Arabic text (with the original a click away).
    client.force_login(world["member"])
    services.translate_statement(by=world["boss"], statement=world["second"], language="ar", text="لكل منظمة عضو صوت واحد.")
    page = client.get(f"/ar/consultations/{consultation.slug}/").content.decode()
    assert "تتخذ القرارات بالتوافق." in page or "لكل منظمة عضو صوت واحد." in page
