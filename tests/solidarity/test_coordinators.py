"""What the network's coordinators do in solidarity: the vocabulary of skills named in every
language, the security note of each governorate, the network's suggestions and introductions
proposed by hand, and the partnership graph every visitor sees on the hub."""

from __future__ import annotations

import html
import re

import pytest
from django.utils import translation

from tadamun.network.models import Governorate
from tadamun.solidarity.forms import ContributionForm
from tadamun.solidarity.models import Introduction, Need, SecurityLevel, SecurityNote, Skill
from tests.solidarity.conftest import LANGUAGES, SKILL_NAMES, org, queries_for

pytestmark = pytest.mark.django_db

NEW_SKILL = {
    "en": "Solar power installation", "ar": "تركيب الطاقة الشمسية", "ckb": "دامەزراندنی وزەی خۆر",
    "kmr": "Sazkirina enerjiya rojê", "it": "Installazione di impianti solari",
}


def text(response) -> str:
    return html.unescape(response.content.decode())


def skill_form(names: dict[str, str], **extra) -> dict:
    return {"position": 5, **{f"name_{code}": name for code, name in names.items()}, **extra}


@pytest.fixture
def boss(client, coordinator):
    client.force_login(coordinator)
    return coordinator


# --- The vocabulary ---------------------------------------------------------------------------


def test_a_coordinator_adds_a_skill_named_in_all_five_languages(client, boss):
    before = Skill.objects.count()
    response = client.post("/en/solidarity/skills/", skill_form(NEW_SKILL))
    assert response.status_code == 302

    assert Skill.objects.count() == before + 1
    skill = Skill.objects.get(names__en="Solar power installation")
    assert skill.names == NEW_SKILL and skill.is_active and skill.slug == "solar-power-installation"
    assert "Solar power installation" in text(client.get("/en/solidarity/skills/"))
    assert "تركيب الطاقة الشمسية" in text(client.get("/ar/solidarity/skills/"))
    # Editors of member organisations can now choose it, named in their language.
    with translation.override("kmr"):
        assert ("solar-power-installation", "Sazkirina enerjiya rojê") in ContributionForm().fields["skills"].choices


@pytest.mark.parametrize("missing", ["ar", "ckb", "kmr", "it"])
def test_a_skill_without_a_name_in_one_language_is_refused_and_the_typed_names_kept(client, boss, missing):
    names = {**NEW_SKILL, missing: "   "}
    before = Skill.objects.count()
    response = client.post("/en/solidarity/skills/", skill_form(names))

    assert response.status_code == 400
    assert Skill.objects.count() == before
    assert not Skill.objects.filter(names__en=NEW_SKILL["en"]).exists()
    page = text(response)
    assert "Please correct what is marked below." in page
    assert response.context["form"].errors[f"name_{missing}"]
    for code in LANGUAGES:
        if code != missing:
            assert f'value="{NEW_SKILL[code]}"' in page, code


def test_the_same_name_twice_is_refused(client, boss, skills):
    before = Skill.objects.count()
    response = client.post("/en/solidarity/skills/", skill_form({**NEW_SKILL, "en": "media TRAINING"}))
    assert response.status_code == 400
    assert "The vocabulary already has a skill with this name." in text(response)
    assert Skill.objects.count() == before


def test_a_coordinator_renames_a_skill(client, boss, skills):
    page = text(client.get("/en/solidarity/skills/?skill=legal-aid"))
    assert 'value="Assistenza legale"' in page
    renamed = {**SKILL_NAMES["legal-aid"], "en": "Legal aid and counsel", "it": "Assistenza e consulenza legale"}
    before = Skill.objects.count()
    response = client.post("/en/solidarity/skills/", skill_form(renamed, skill="legal-aid"))
    assert response.status_code == 302

    skill = Skill.objects.get(slug="legal-aid")
    assert skill.names["en"] == "Legal aid and counsel" and skill.names["it"] == "Assistenza e consulenza legale"
    assert Skill.objects.count() == before  # renamed, not added


def test_a_retired_skill_stays_on_what_uses_it_but_is_no_longer_offered(client, boss, skills, make):
    basra = org()
    need = make.need(basra, skills["fundraising"])
    response = client.post("/en/solidarity/skills/", {"skill": "fundraising", "action": "retire"})
    assert response.status_code == 302

    assert not Skill.objects.get(slug="fundraising").is_active
    assert list(Need.objects.get(pk=need.pk).skills.all()) == [skills["fundraising"]]
    assert "Fundraising" in text(client.get(need.get_absolute_url()))
    editor_page = text(client.get("/en/solidarity/skills/"))
    assert re.search(r"Fundraising</th><td>Retired", editor_page)
    client.force_login(make.admin(basra))
    form = text(client.get("/en/solidarity/needs/new/"))
    assert 'value="legal-aid"' in form and 'value="fundraising"' not in form


# --- Security notes ---------------------------------------------------------------------------


@pytest.mark.parametrize("level", [SecurityLevel.RESTRICTED, SecurityLevel.SUSPENDED])
def test_restricting_or_suspending_travel_needs_a_note(client, boss, level):
    response = client.post("/en/solidarity/security/", {"governorate": "IQ-NI", "level": level, "note": "  "})
    assert response.status_code == 400
    assert "Say why travel is restricted or suspended, and what to do." in text(response)
    assert not SecurityNote.objects.exists()

    response = client.post("/en/solidarity/security/", {
        "governorate": "IQ-NI", "level": level, "note": "Checkpoints on the road to Sinjar.",
        "note_ar": "نقاط تفتيش على طريق سنجار.",
    })
    assert response.status_code == 302
    note = SecurityNote.objects.get(governorate__iso_code="IQ-NI")
    assert note.level == level and note.updated_by == boss
    assert note.notes == {"ar": "نقاط تفتيش على طريق سنجار."}


def test_opening_travel_again_needs_no_note(client, boss):
    SecurityNote.objects.create(governorate=Governorate.objects.get(iso_code="IQ-AN"), level="suspended", note="Closed")
    response = client.post("/en/solidarity/security/", {"governorate": "IQ-AN", "level": "open", "note": ""})
    assert response.status_code == 302
    assert SecurityNote.objects.get().level == SecurityLevel.OPEN


def test_anyone_reads_every_governorate_and_its_level(client):
    nineveh, anbar = Governorate.objects.get(iso_code="IQ-NI"), Governorate.objects.get(iso_code="IQ-AN")
    SecurityNote.objects.create(governorate=nineveh, level="restricted", note="Travel with a local partner only.",
                                notes={"ar": "السفر مع شريك محلي فقط."})
    SecurityNote.objects.create(governorate=anbar, level="suspended", note="No travel until further notice.")

    response = client.get("/en/solidarity/security/")
    assert response.status_code == 200
    page = text(response)
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th>\s*<td><span class="badge level-(\w+)">', page)
    assert len(rows) == Governorate.objects.count() == 18
    levels = dict(rows)
    assert levels["Nineveh"] == "restricted" and levels["Anbar"] == "suspended"
    assert {level for name, level in rows if name not in ("Nineveh", "Anbar")} == {"open"}
    assert "Travel with a local partner only." in page and "No travel until further notice." in page
    assert "Set a governorate&#x27;s security note" not in response.content.decode()
    assert "السفر مع شريك محلي فقط." in text(client.get("/ar/solidarity/security/"))


# --- The network's suggestions and introductions proposed by hand -----------------------------


def network_pairs(page: str) -> list[tuple[str, str]]:
    return re.findall(r"<h3><bdi>([^<]+)</bdi> ↔ <bdi>([^<]+)</bdi></h3>", page)


def test_the_network_page_lists_pairs_from_their_iraqi_side_and_leaves_out_introduced_pairs(client, boss, make, skills):
    basra = org("Basra Women Forum", governorates=["IQ-BA"])
    milan = org("Milano Solidale", country="IT")
    lyon = org("Lyon Entraide", country="FR")
    paris = org("Paris Partage", country="FR")  # no Iraqi side: not listed
    make.offer(milan, skills["media-training"])
    make.offer(lyon, skills["media-training"])
    make.need(paris, skills["legal-aid"])
    make.offer(lyon, skills["legal-aid"])
    make.need(basra, skills["media-training"])

    pairs = network_pairs(text(client.get("/en/solidarity/network/")))
    assert sorted(pairs) == [("Basra Women Forum", "Lyon Entraide"), ("Basra Women Forum", "Milano Solidale")]

    make.ask(basra, milan)
    pairs = network_pairs(text(client.get("/en/solidarity/network/")))
    assert pairs == [("Basra Women Forum", "Lyon Entraide")]


def test_a_pair_of_two_iraqi_organisations_is_listed_once(client, boss, make, skills):
    erbil = org("Erbil Youth House", governorates=["IQ-AR"])
    basra = org("Basra Youth House", governorates=["IQ-BA"])
    make.offer(erbil, skills["legal-aid"])
    make.need(basra, skills["legal-aid"])

    page = text(client.get("/en/solidarity/network/"))
    assert len(network_pairs(page)) == 1
    assert "1 suggestion" in page


def test_a_coordinator_proposes_an_introduction_by_hand(client, boss, make, mailoutbox):
    basra, milan = org("Basra Women Forum", governorates=["IQ-BA"]), org("Milano Solidale", country="IT")
    make.admin(basra), make.admin(milan)
    with make.commit():
        response = client.post("/en/solidarity/network/", {
            "first": basra.slug, "second": milan.slug, "message": "You both train women journalists.",
        })
    assert response.status_code == 302
    introduction = Introduction.objects.get()
    assert response["Location"] == introduction.get_absolute_url()
    assert introduction.proposed_by_coordinator and introduction.requested_by == boss
    assert introduction.requester_accepted_at is None and introduction.counterpart_accepted_at is None
    assert sorted(m.to[0] for m in mailoutbox) == sorted([make.admin(basra).email, make.admin(milan).email])
    assert all("You both train women journalists." in m.body for m in mailoutbox)


@pytest.mark.parametrize("first,second,message,error", [
    ("no-such-organisation", "milan", "Meet", "There is no member organisation at this address."),
    ("basra", "not-a-member", "Meet", "There is no member organisation at this address."),
    ("basra", "basra", "Meet", "An organisation cannot be introduced to itself."),
    ("basra", "milan", "   ", "This field is required."),
])
def test_a_wrong_proposal_is_refused_with_a_message_and_changes_nothing(client, boss, make, mailoutbox, first, second,
                                                                         message, error):
    slugs = {
        "basra": org("Basra Women Forum", governorates=["IQ-BA"]).slug,
        "milan": org("Milano Solidale", country="IT").slug,
        "not-a-member": org("Pending Group", country="IT", status="pending").slug,
    }
    with make.commit():
        response = client.post("/en/solidarity/network/", {
            "first": slugs.get(first, first), "second": slugs.get(second, second), "message": message,
        })
    assert response.status_code == 400
    assert error in text(response)
    assert not Introduction.objects.exists() and not mailoutbox


def test_proposing_a_pair_already_introduced_is_refused(client, boss, make):
    basra, milan = org(governorates=["IQ-BA"]), org(country="IT")
    make.partners(basra, milan)
    response = client.post("/en/solidarity/network/", {"first": milan.slug, "second": basra.slug, "message": "Meet"})
    assert response.status_code == 400
    assert "These organisations are already partners" in text(response)
    assert Introduction.objects.count() == 1


# --- The partnership graph on the hub ---------------------------------------------------------


@pytest.fixture
def two_partnerships(make):
    basra = org("Basra Women Forum", governorates=["IQ-BA"])
    italy = org("Milano Solidale", country="IT")
    erbil = org("Erbil Youth House", governorates=["IQ-AR"])
    baghdad = org("Baghdad Youth House", governorates=["IQ-BG"])
    make.partners(basra, italy)
    make.partners(erbil, baghdad)
    pending = make.ask(org(governorates=["IQ-NA"]), org(country="DE"))  # not accepted: no link
    return basra, italy, erbil, baghdad, pending


def svg_of(page: str) -> str:
    return page[page.index("<svg"):page.index("</svg>")]


def test_the_hub_draws_each_accepted_partnership(client, two_partnerships):
    page = text(client.get("/en/solidarity/"))
    svg = svg_of(page)
    assert svg.count('class="link"') == 2
    assert re.search(r'<text class="node-label"[^>]*>Italy \(1\)</text>', svg)
    assert "Germany" not in svg  # the pending request draws nothing
    titles = re.findall(r'<path class="link"[^>]*><title>([^<]+)</title>', svg)
    assert sorted(titles) == ["Basra – Italy: 1", "Erbil – Baghdad: 1"]
    rows = re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td><td class=\"number\">(\d+)</td></tr>", page)
    assert sorted(rows) == [("Basra", "Italy", "1"), ("Erbil", "Baghdad", "1")]
    assert "2 partnerships, accepted by both sides, between 4 organisations." in page


@pytest.mark.parametrize("language,italy", [("it", "Italia"), ("ar", "إيطاليا")])
def test_the_numbers_of_the_drawing_are_not_localised(client, two_partnerships, language, italy):
    page = text(client.get(f"/{language}/solidarity/"))
    svg = svg_of(page)
    assert svg.count('class="link"') == 2
    assert italy in svg
    assert not re.search(r"\d[,٫]\d", svg)  # no decimal comma, whatever the language
    assert re.search(r'stroke-width="\d+\.\d"', svg)
    for attribute in re.findall(r'\s(?:d|cx|cy|x|y|stroke-width|viewBox)="([^"]*)"', svg):
        assert re.fullmatch(r"[A-Za-z\d\s.\-]*", attribute), attribute


def test_the_hub_reads_a_fixed_number_of_queries_whatever_the_number_of_partnerships(client, make):
    def partnerships(count):
        for i in range(count):
            make.partners(org(governorates=[["IQ-BA", "IQ-AR", "IQ-NI", "IQ-SU"][i % 4]]),
                          org(country=["IT", "FR", "DE", "SE", "NO"][i % 5]))

    partnerships(2)
    few = queries_for(client, "/en/solidarity/")
    partnerships(8)
    assert Introduction.objects.filter(status="accepted").count() == 10
    assert queries_for(client, "/en/solidarity/") == few
