"""Two demo consultations with generated participants and votes, so that their reports show
clear groups and statements every group supports. Fictional; the votes follow planted
opinions (each group's probability of agreeing with each statement) with noise."""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from tadamun.accounts.models import User
from tadamun.core.demo import quiet_log
from tadamun.network.demo import COORDINATOR_EMAIL

from . import services
from .models import Consultation, Participant, Statement, Vote

# (statement in its language, language, English translation, agree probability per group)
PRIORITIES = [
    ("يجب أن تكون المياه أولوية الشبكة الأولى في 2027.", "ar", "Water must be the network's first priority in 2027.", (0.9, 0.85, 0.8)),
    ("Every campaign should be led by an Iraqi organisation.", "en", "", (0.95, 0.9, 0.85)),
    ("نحتاج إلى حماية أقوى للمدافعين عن حقوق الإنسان المهددين.", "ar", "We need stronger protection for threatened human rights defenders.", (0.9, 0.9, 0.9)),
    ("Translating everything into Kurdish and Arabic is worth its cost.", "en", "", (0.85, 0.8, 0.9)),
    ("پێویستە تۆڕەکە بە شێوەیەکی سەربەخۆ لە حکومەت کار بکات.", "ckb", "The network must work independently of any government.", (0.9, 0.2, 0.6)),
    ("We should accept funding from foreign governments for big projects.", "en", "", (0.15, 0.85, 0.5)),
    ("يجب أن نعمل مع وزارات الحكومة بدل الاحتجاج ضدها.", "ar", "We should work with government ministries rather than protest against them.", (0.2, 0.9, 0.5)),
    ("Street protests are still the most effective tool we have.", "en", "", (0.85, 0.15, 0.4)),
    ("Kurdistan Region organisations need their own coordination committee.", "en", "", (0.3, 0.4, 0.95)),
    ("Dabeşkirina li gorî herêman tora me qels dike.", "kmr", "Dividing by regions weakens our network.", (0.8, 0.75, 0.15)),
    ("يجب أن تكون الاجتماعات السنوية في مدينة مختلفة كل عام.", "ar", "The annual meetings should be in a different city each year.", (0.6, 0.5, 0.85)),
    ("Trade unions should have more weight in the general assembly.", "en", "", (0.85, 0.25, 0.45)),
    ("الإعلام المستقل يحتاج صندوق دعم مشترك من الشبكة.", "ar", "Independent media need a joint support fund from the network.", (0.8, 0.55, 0.6)),
    ("Environmental campaigns should come before labour campaigns.", "en", "", (0.3, 0.55, 0.7)),
    ("ئافرەتان دەبێت نیوەی کۆمیتەی هەماهەنگی بن.", "ckb", "Women should be half of the coordination committee.", (0.85, 0.7, 0.8)),
    ("International partners should not set our priorities.", "en", "", (0.9, 0.5, 0.85)),
    ("يجب نشر كل التمويل وكل المانحين علناً.", "ar", "All funding and all donors should be published openly.", (0.9, 0.6, 0.85)),
    ("The network should take a position on elections.", "en", "", (0.55, 0.2, 0.3)),
]
DECIDING = [
    ("Decisions of the general assembly should be taken by consensus, not by vote.", "en", "", (0.9, 0.4)),
    ("كل منظمة عضو يجب أن يكون لها صوت واحد، مهما كان حجمها.", "ar", "Every member organisation should have one voice, whatever its size.", (0.85, 0.3)),
    ("Bigger organisations should carry more weight.", "en", "", (0.1, 0.75)),
    ("A block by one organisation should stop a decision.", "en", "", (0.7, 0.15)),
    ("يجب أن تكون كل الاجتماعات مترجمة إلى العربية والكردية.", "ar", "Every meeting should be interpreted into Arabic and Kurdish.", (0.95, 0.9)),
    ("Online participation should count like presence in the room.", "en", "", (0.85, 0.8)),
    ("Proposals should be published two weeks before the assembly.", "en", "", (0.9, 0.85)),
    ("Delegates should be able to give a proxy to another organisation.", "en", "", (0.3, 0.8)),
    ("بڕیارەکان پێویستە بە دەنگی زۆرینە بدرێن ئەگەر ڕێککەوتن نەبوو.", "ckb", "Decisions should go to a majority vote when there is no agreement.", (0.2, 0.85)),
    ("Minutes of every meeting should be public.", "en", "", (0.8, 0.75)),
]


def planted_consultation(*, question, language, description, statements, per_group, days_open, rng, by, audience) -> Consultation:
    now = timezone.now()
    consultation = services.open_consultation(by=by, draft=services.ConsultationDraft(
        question=question, original_language=language, description=description,
        opens_at=now - timedelta(days=days_open), closes_at=now + timedelta(days=21),
        audience=audience, demographics=["governorate", "organisation_kind"],
        seeds=[text for text, *_rest in statements],
    ))
    for statement, (_text, lang, english, _odds) in zip(consultation.statements.order_by("number"), statements, strict=True):
        statement.language = lang
        statement.translations = {"en": english} if english else {}
        statement.save(update_fields=["language", "translations"])
    groups = len(statements[0][3])
    participants = Participant.objects.bulk_create([
        Participant(
            consultation=consultation, number=number, pseudonym=f"P{1000 + number}",
            answers={"governorate": rng.choice(["IQ-BG", "IQ-BA", "IQ-NI", "IQ-SU", "IQ-AR", "IQ-DI", "abroad"])},
            created_at=now - timedelta(days=rng.uniform(0, days_open)),
        )
        for number in range(groups * per_group)
    ])
    rows = list(consultation.statements.order_by("number"))
    votes = []
    for participant in participants:
        group = participant.number % groups
        for statement, (_text, _lang, _english, odds) in zip(rows, statements, strict=True):
            if rng.random() < 0.3:
                continue  # not seen
            chance = odds[group]
            roll = rng.random()
            value = Vote.PASS if roll > 0.93 else (Vote.AGREE if rng.random() < chance else Vote.DISAGREE)
            votes.append(Vote(consultation=consultation, participant=participant, statement=statement, value=value,
                              voted_at=participant.created_at + timedelta(minutes=rng.uniform(1, 60))))
    Vote.objects.bulk_create(votes, batch_size=5000)
    counts: dict[int, int] = {}
    for item in votes:
        counts[item.participant_id] = counts.get(item.participant_id, 0) + 1
        item.statement.vote_count += 1
    for participant in participants:
        participant.vote_count = counts.get(participant.pk, 0)
    Participant.objects.bulk_update(participants, ["vote_count"])
    Statement.objects.bulk_update(rows, ["vote_count"])
    Consultation.objects.filter(pk=consultation.pk).update(vote_count=len(votes), participant_count=len(participants))
    consultation.refresh_from_db()
    services.recompute(consultation)
    return consultation


def load_demo_consultations(*, stdout=None) -> list[Consultation]:
    """(Re)build the two demo consultations; the demo network must be loaded."""
    with quiet_log("tadamun.assembly"), transaction.atomic():
        made = _load()
    if stdout is not None:
        for consultation in made:
            result = consultation.report.result
            stdout.write(
                f"Demo consultation: {consultation.question} ({consultation.participant_count} participants, "
                f"{consultation.vote_count} votes, {result.get('k', 0)} groups, {len(result.get('consensus') or [])} consensus statements)"
            )
    return made


def _load() -> list[Consultation]:
    Consultation.objects.all().delete()
    rng = random.Random(2027)  # noqa: S311 (demo data)
    coordinator = User.objects.get(email=COORDINATOR_EMAIL)
    made = [
        planted_consultation(
            question="What should the network's priorities be for 2027?", language="en",
            description="Before the general assembly, tell us what matters. Vote on each statement, and add yours.",
            statements=PRIORITIES, per_group=70, days_open=12, rng=rng, by=coordinator,
            audience=Consultation.Audience.PUBLIC,
        ),
        planted_consultation(
            question="كيف يجب أن تتخذ الجمعية العامة قراراتها؟", language="ar",
            description="نقترح قواعد جديدة لاتخاذ القرار بالتوافق. صوّتوا على كل عبارة.",
            statements=DECIDING, per_group=60, days_open=5, rng=rng, by=coordinator,
            audience=Consultation.Audience.MEMBERS,
        ),
    ]
    return made
