"""Shared builders for the solidarity tests: a vocabulary of skills named in the five languages,
organisations with controlled words (so that only what a test sets makes two of them alike),
needs and offers stated through the services with their on-commit work run, and introductions.
"""

from __future__ import annotations

import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tadamun.network.models import Governorate, Membership, WorkingLanguage
from tadamun.pathways.models import Pathway
from tadamun.solidarity import matching, services
from tadamun.solidarity.models import Need, Offer, Skill
from tests import factories

LANGUAGES = ("en", "ar", "ckb", "kmr", "it")

# Made by the tests, besides the starting vocabulary (migration solidarity 0003).
SKILL_NAMES = {
    "media-training": {
        "en": "Media training", "ar": "تدريب إعلامي", "ckb": "ڕاهێنانی میدیایی", "kmr": "Perwerdeya medyayê",
        "it": "Formazione sui media",
    },
    "legal-aid": {
        "en": "Legal aid", "ar": "مساعدة قانونية", "ckb": "یارمەتیی یاسایی", "kmr": "Alîkariya hiqûqî",
        "it": "Assistenza legale",
    },
    "fundraising": {
        "en": "Fundraising", "ar": "جمع التبرعات", "ckb": "کۆکردنەوەی پارە", "kmr": "Berhevkirina pereyan",
        "it": "Raccolta fondi",
    },
    "psychosocial": {
        "en": "Trauma counselling", "ar": "إرشاد الناجين من الصدمات", "ckb": "ڕاوێژکاریی تراوما", "kmr": "Şêwirmendiya travmayê",
        "it": "Consulenza sul trauma",
    },
}

# Words no two organisations share unless a test gives them the same: each organisation gets
# a name and description of its own, so text similarity plays no part unless a test wants it.
_WORDS = itertools.count(1)
_SYLLABLES = ["ka", "lu", "mi", "zo", "re", "ta", "ni", "vo", "shu", "pe", "gi", "da"]


def nonce_word() -> str:
    n = next(_WORDS)
    letters = []
    while True:
        n, r = divmod(n, len(_SYLLABLES))
        letters.append(_SYLLABLES[r])
        if not n:
            break
    return "q" + "".join(letters) + "x"


@pytest.fixture(autouse=True)
def _fresh_index():
    """The matching index lives in the process's memory: each test starts without it."""
    matching.forget_index()
    yield
    matching.forget_index()


@pytest.fixture
def skills(db) -> dict[str, Skill]:
    return {
        slug: Skill.objects.create(slug=slug, names=names, position=i)
        for i, (slug, names) in enumerate(SKILL_NAMES.items())
    }


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit(): ...` runs what the code queued for after the commit (tasks, emails)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def org(
    name: str | None = None, *, country: str = "IQ", governorates=(), pathways=(), languages=("ar",),
    description: str | None = None, **kwargs,
):
    """An approved member organisation whose words are its own (unless given)."""
    name = name or f"{nonce_word().title()} {nonce_word().title()}"
    organisation = factories.OrganisationFactory(
        name=name, country=country, description=description if description is not None else f"{nonce_word()} {nonce_word()}",
        kind="international" if country != "IQ" else "ngo", **kwargs,
    )
    organisation.governorates.set(Governorate.objects.filter(iso_code__in=governorates))
    organisation.pathways.set(Pathway.objects.filter(slug__in=pathways))
    organisation.languages.set(WorkingLanguage.objects.filter(code__in=languages))
    return organisation


def admin_of(organisation, **kwargs):
    return factories.member(organisation, Membership.Role.ADMIN, **kwargs)


class Builder:
    """Needs, offers and introductions through the services, their on-commit work run."""

    def __init__(self, commit) -> None:
        self.commit = commit
        self._admins: dict[int, object] = {}

    def admin(self, organisation):
        if organisation.pk not in self._admins:
            self._admins[organisation.pk] = admin_of(organisation)
        return self._admins[organisation.pk]

    def state(self, organisation, side, skills, *, title: str | None = None, description: str = "", by=None,
              pathways=(), governorates=(), language: str = "en"):
        draft = services.ContributionDraft(
            title=title or f"{nonce_word()} {nonce_word()}", original_language=language, description=description,
            skills=list(skills), pathways=list(Pathway.objects.filter(slug__in=pathways)),
            governorates=list(Governorate.objects.filter(iso_code__in=governorates)),
        )
        with self.commit():
            return services.state(by=by or self.admin(organisation), organisation=organisation, side=side, draft=draft)

    def need(self, organisation, *skills, **kwargs) -> Need:
        return self.state(organisation, Need, skills, **kwargs)

    def offer(self, organisation, *skills, **kwargs) -> Offer:
        return self.state(organisation, Offer, skills, **kwargs)

    def ask(self, requester, counterpart, *, name="Requester Contact", email="requester@example.org", phone="", message="",
            by=None):
        with self.commit():
            return services.request_introduction(
                by=by or self.admin(requester), requester=requester, counterpart=counterpart,
                contact=services.Contact(name=name, email=email, phone=phone), message=message,
            )

    def accept(self, introduction, organisation, *, name="Counterpart Contact", email="counterpart@example.org", phone="",
               by=None):
        with self.commit():
            return services.answer_introduction(
                by=by or self.admin(organisation), introduction=introduction, accept=True,
                contact=services.Contact(name=name, email=email, phone=phone),
            )

    def decline(self, introduction, organisation, *, answer="", by=None):
        with self.commit():
            return services.answer_introduction(by=by or self.admin(organisation), introduction=introduction, accept=False,
                                                answer=answer)

    def partners(self, first, second):
        """An accepted introduction between two organisations."""
        introduction = self.ask(first, second)
        return self.accept(introduction, second)


@pytest.fixture
def make(commit) -> Builder:
    return Builder(commit)


def queries_for(client, url: str, status: int = 200) -> int:
    cache.clear()  # the cold path: rate-limit buckets and cached counts start empty
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == status, url
    return len(ctx.captured_queries)
