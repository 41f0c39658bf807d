"""Suggested counterparts: what makes two organisations a good match, the reasons in the
reader's language, and how the stored lists follow the network as it changes (incrementally,
in the task worker) without a full rebuild."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import ngettext

from tadamun.core.text import normalise
from tadamun.network import services as network_services
from tadamun.network.models import Organisation
from tadamun.network.signals import profile_changed
from tadamun.pathways.models import Pathway
from tadamun.solidarity import matching, queries, services, tasks
from tadamun.solidarity.models import Introduction, Profile, Suggestion
from tests.solidarity.conftest import admin_of, org

pytestmark = pytest.mark.django_db


def stored(organisation) -> list[int]:
    """The counterparts in an organisation's stored list, best first."""
    return list(Suggestion.objects.filter(organisation=organisation).order_by("-score", "counterpart_id")
                .values_list("counterpart_id", flat=True))


def score(organisation, counterpart) -> float:
    return Suggestion.objects.get(organisation=organisation, counterpart=counterpart).score


def shown(organisation, **kwargs) -> list[int]:
    return [s.counterpart_id for s in queries.suggestions_for(organisation, **kwargs)]


# --- What makes a match ------------------------------------------------------------------------


def test_an_offer_of_what_is_needed_ranks_above_a_shared_pathway(make, skills):
    basra = org(country="IQ", pathways=["women"])
    trainer = org(country="IT", languages=("ar", "en"))  # offers what Basra needs, no pathway in common
    sister = org(country="FR", pathways=["women"])  # only the pathway in common
    make.offer(trainer, skills["media-training"])
    make.need(basra, skills["media-training"])
    with make.commit():
        services.suggestions_changed(sister.pk)

    assert stored(basra) == [trainer.pk, sister.pk]
    assert score(basra, trainer) > score(basra, sister) > 0
    reasons = Suggestion.objects.get(organisation=basra, counterpart=trainer).reasons
    assert reasons["needs"] == [skills["media-training"].pk] and reasons["pathways"] == []
    assert Suggestion.objects.get(organisation=basra, counterpart=sister).reasons["pathways"] == [
        Pathway.objects.get(slug="women").pk
    ]


def test_no_shared_language_scores_lower_and_says_so(make, skills):
    najaf = org(country="IQ", languages=("ar",))
    speaks_arabic = org(country="DE", languages=("ar", "de"))
    german_only = org(country="DE", languages=("de",))
    for offerer in (speaks_arabic, german_only):
        make.offer(offerer, skills["legal-aid"])
    make.need(najaf, skills["legal-aid"])

    assert stored(najaf) == [speaks_arabic.pk, german_only.pk]
    assert score(najaf, german_only) < score(najaf, speaks_arabic)
    sentences = {s.counterpart_id: s.reason_sentences for s in queries.suggestions_for(najaf)}
    assert "You share Arabic." in sentences[speaks_arabic.pk]
    assert "You have no working language in common: an interpreter may help." in sentences[german_only.pk]


def test_geography_iraqi_and_international_and_the_two_regions_of_iraq(make, skills):
    erbil = org(country="IQ", governorates=["IQ-AR"])  # Kurdistan Region
    basra = org(country="IQ", governorates=["IQ-BA"])  # federal Iraq
    baghdad = org(country="IQ", governorates=["IQ-BG"])  # federal Iraq too
    rome = org(country="IT")
    for offerer in (erbil, baghdad, rome):
        make.offer(offerer, skills["fundraising"])
    make.need(basra, skills["fundraising"])

    reasons = {s.counterpart_id: s.reasons["geography"] for s in Suggestion.objects.filter(organisation=basra)}
    assert reasons == {rome.pk: "international", erbil.pk: "regions", baghdad.pk: ""}
    # Complementary geography counts: abroad first, then the other region, then the same region.
    assert stored(basra) == [rome.pk, erbil.pk, baghdad.pk]
    sentences = {s.counterpart_id: s.reason_sentences for s in queries.suggestions_for(basra)}
    assert "One works in Iraq, the other abroad." in sentences[rome.pk]
    assert "You work in different regions of Iraq." in sentences[erbil.pk]
    assert not {"One works in Iraq, the other abroad.", "You work in different regions of Iraq."} & set(sentences[baghdad.pk])
    # The same reason from the other side.
    assert Suggestion.objects.get(organisation=rome, counterpart=basra).reasons["geography"] == "international"
    assert Suggestion.objects.get(organisation=erbil, counterpart=basra).reasons["geography"] == "regions"


def test_two_international_organisations_with_nothing_but_geography_are_not_suggested(make, skills):
    paris, rome = org(country="FR"), org(country="IT")
    make.offer(paris, skills["fundraising"])
    make.need(rome, skills["legal-aid"])  # nothing in common
    assert stored(rome) == [] and stored(paris) == []


# Arabic and Kurdish spellings that differ letter by letter, and fold to the same words.
ARABIC_WRITTEN_ONE_WAY = "أمن المعلومات للصحفيات في البصرة ومكتبة إعلامية مستقلة لحماية المدونين"
ARABIC_WRITTEN_ANOTHER = "امن المعلومات للصحفيات فى البصره ومكتبه اعلاميه مستقله لحمايه المدونين"
SORANI = "کتێبخانەی ڕۆژنامەنووسان و پاراستنی زانیاری"
SORANI_ARABIC_KEYBOARD = "كتيبخانهي روژنامهنووسان و پاراستني زانياري"


def test_descriptions_in_variant_arabic_and_kurdish_spellings_still_count_as_similar(make):
    assert ARABIC_WRITTEN_ONE_WAY != ARABIC_WRITTEN_ANOTHER and normalise(ARABIC_WRITTEN_ONE_WAY) == normalise(ARABIC_WRITTEN_ANOTHER)
    assert SORANI != SORANI_ARABIC_KEYBOARD and normalise(SORANI) == normalise(SORANI_ARABIC_KEYBOARD)
    basra = org(country="IQ", governorates=["IQ-BA"], description=ARABIC_WRITTEN_ONE_WAY)
    beirut = org(country="LB", description=ARABIC_WRITTEN_ANOTHER)
    sulaymaniyah = org(country="IQ", governorates=["IQ-SU"], languages=("ckb",), description=SORANI)
    london = org(country="GB", languages=("ckb",), description=SORANI_ARABIC_KEYBOARD)
    unrelated = org(country="DE", description="Schrebergärten Kleingartenverein Vereinsheim")
    for organisation in (basra, beirut, sulaymaniyah, london, unrelated):
        matching.update_for(organisation.pk)

    # The same text in another spelling comes first; the Sorani texts on journalists and
    # protection follow (the same issues in another language, with no working language shared).
    assert stored(basra)[0] == beirut.pk
    assert stored(sulaymaniyah)[0] == london.pk
    reasons = Suggestion.objects.get(organisation=basra, counterpart=beirut).reasons
    assert reasons["text"] >= matching.TEXT_ALIKE and not reasons["needs"] and not reasons["pathways"]
    assert Suggestion.objects.get(organisation=london, counterpart=sulaymaniyah).reasons["text"] >= matching.TEXT_ALIKE
    assert "Both speak of human rights defenders and the media." in queries.suggestions_for(basra)[0].reason_sentences
    assert stored(unrelated) == []


@pytest.mark.parametrize("language", ["ar", "it", "ckb", "kmr"])
def test_reasons_are_worded_in_the_readers_language_with_the_skills_named_in_it(make, skills, language):
    basra = org(country="IQ", languages=("ar", "en"))
    milan = org(country="IT", languages=("en", "it"))
    make.offer(milan, skills["media-training"])
    make.need(basra, skills["media-training"])
    make.offer(basra, skills["legal-aid"])
    make.need(milan, skills["legal-aid"])

    with translation.override(language):
        sentences = queries.suggestions_for(basra)[0].reason_sentences
        text = " ".join(sentences)
    assert skills["media-training"].names[language] in text  # what Basra needs, Milan offers
    assert skills["legal-aid"].names[language] in text  # what Milan needs, Basra offers
    assert "Media training" not in text and "Legal aid" not in text
    with translation.override(language):
        expected = ngettext("You need %(skills)s; they offer it.", "You need %(skills)s; they offer them.", 1) % {
            "skills": skills["media-training"].names[language]}
    assert expected in sentences
    assert "You need" not in text and "They need" not in text  # the sentences too, not only the names


# --- Keeping the lists up to date -------------------------------------------------------------


def test_a_new_offer_updates_both_lists_without_a_rebuild(make, skills):
    needing = org(country="IQ")
    make.need(needing, skills["psychosocial"])
    assert stored(needing) == []
    offering = org(country="IT")
    make.offer(offering, skills["psychosocial"])

    assert stored(needing) == [offering.pk]
    assert stored(offering) == [needing.pk]
    assert Suggestion.objects.get(organisation=needing).reasons["needs"] == [skills["psychosocial"].pk]
    assert Suggestion.objects.get(organisation=offering).reasons["offers"] == [skills["psychosocial"].pk]


def test_nothing_changes_before_the_transaction_commits(make, skills, django_capture_on_commit_callbacks):
    """Suggestions are the task's work, queued on commit: never computed by the request."""
    needing, offering = org(country="IQ"), org(country="IT")
    make.need(needing, skills["psychosocial"])
    draft = services.ContributionDraft(title="Trauma counselling", original_language="en", skills=[skills["psychosocial"]])
    with django_capture_on_commit_callbacks(execute=False) as queued:
        services.state(by=admin_of(offering), organisation=offering, side=services.Offer, draft=draft)
    assert Suggestion.objects.count() == 0
    assert len(queued) == 1
    queued[0]()
    assert stored(offering) == [needing.pk]


def test_a_profile_change_updates_the_suggestions_through_the_task(make, skills, commit):
    erbil = org(country="IQ", governorates=["IQ-AR"], pathways=["youth"], languages=("ckb", "en"))
    matching.update_for(erbil.pk)
    berlin = org(country="DE", languages=("de",), name="Jugend Brücke Berlin", description="Austausch")
    admin = make.admin(berlin)
    assert stored(erbil) == []

    profile = network_services.OrganisationProfile(
        name=berlin.name, kind=berlin.kind, country="DE", original_language="en", description="Austausch",
        pathways=list(Pathway.objects.filter(slug="youth")), languages=list(berlin.languages.all()) + list(
            erbil.languages.filter(code="en")),
    )
    with commit():
        network_services.update_profile(by=admin, organisation=berlin, profile=profile)

    assert stored(erbil) == [berlin.pk]
    assert stored(berlin) == [erbil.pk]
    reasons = Suggestion.objects.get(organisation=erbil).reasons
    assert reasons["pathways"] == [Pathway.objects.get(slug="youth").pk] and reasons["languages"] == ["en"]


def test_an_organisation_no_longer_approved_disappears_from_the_others_suggestions(make, skills, commit):
    kirkuk = org(country="IQ")
    make.need(kirkuk, skills["legal-aid"])
    leaving, staying = org(country="NL"), org(country="SE")
    make.offer(leaving, skills["legal-aid"])
    make.offer(staying, skills["legal-aid"])
    assert set(stored(kirkuk)) == {leaving.pk, staying.pk}

    Organisation.objects.filter(pk=leaving.pk).update(status=Organisation.Status.REJECTED)
    assert shown(kirkuk) == [staying.pk]  # pages stop showing it at once
    with commit():
        profile_changed.send(sender=Organisation, organisation_id=leaving.pk)

    assert stored(kirkuk) == [staying.pk]
    assert not Suggestion.objects.filter(organisation=leaving).exists()
    assert not Profile.objects.filter(organisation=leaving).exists()
    # Another change elsewhere does not bring it back (the index forgot it too).
    make.offer(staying, skills["fundraising"])
    make.need(kirkuk, skills["fundraising"])
    assert stored(kirkuk) == [staying.pk]
    matching.rebuild_all()
    assert stored(kirkuk) == [staying.pk]


def test_a_rejected_organisation_never_enters_the_lists(make, skills):
    kirkuk = org(country="IQ")
    make.need(kirkuk, skills["legal-aid"])
    pending = org(country="NL", status=Organisation.Status.PENDING)
    assert matching.update_for(pending.pk) == 0
    assert stored(kirkuk) == [] and not Profile.objects.filter(organisation=pending).exists()


def _candidates(make, skills, count: int, *, country: str = "IT"):
    found = []
    for _i in range(count):
        candidate = org(country=country)
        make.offer(candidate, skills["media-training"])
        found.append(candidate)
    return found


def test_a_full_list_keeps_the_best_twenty_after_its_own_update(make, skills):
    mosul = org(country="IQ", governorates=["IQ-NI"])
    _candidates(make, skills, 25)
    make.need(mosul, skills["media-training"])  # its own update: its 20 best

    assert len(stored(mosul)) == matching.KEEP == 20
    assert Profile.objects.get(organisation=mosul).threshold == pytest.approx(score(mosul, Suggestion.objects.filter(
        organisation=mosul).order_by("score").first().counterpart))


def test_a_list_filled_by_newcomers_keeps_twenty(make, skills):
    mosul = org(country="IQ", governorates=["IQ-NI"])
    make.need(mosul, skills["media-training"])  # first, then 25 organisations offer it, one by one
    candidates = _candidates(make, skills, 25)

    assert len(stored(mosul)) == matching.KEEP
    threshold = Profile.objects.get(organisation=mosul).threshold
    assert threshold == min(Suggestion.objects.filter(organisation=mosul).values_list("score", flat=True)) > 0
    assert set(stored(mosul)) < {c.pk for c in candidates}
    assert all(stored(c) == [mosul.pk] for c in candidates)  # each of them keeps Mosul


def test_a_much_better_newcomer_enters_full_lists_and_pushes_out_the_last(make, skills):
    mosul = org(country="IQ", governorates=["IQ-NI"])
    candidates = _candidates(make, skills, 25)
    make.need(mosul, skills["media-training"])
    before = stored(mosul)
    threshold = Profile.objects.get(organisation=mosul).threshold
    assert len(before) == 20 and threshold > 0

    # Offers both things Mosul needs: a much better match than any in its full list.
    make.need(mosul, skills["legal-aid"])
    listed = stored(mosul)
    best = org(country="DE")
    make.offer(best, skills["media-training"], skills["legal-aid"])

    after = stored(mosul)
    assert after[0] == best.pk
    assert len(after) == 20  # one of the full list made room
    assert set(after) - {best.pk} < set(listed)
    assert Profile.objects.get(organisation=mosul).threshold >= threshold
    assert min(Suggestion.objects.filter(organisation=mosul).values_list("score", flat=True)) >= threshold
    assert set(after) <= {best.pk, *(c.pk for c in candidates)}
    assert mosul.pk in stored(best)

    # A poor newcomer (no language in common: below the last of the list) does not enter it.
    poor = org(country="IT", languages=("de",))
    make.offer(poor, skills["media-training"])
    assert 0 < score(poor, mosul) < Profile.objects.get(organisation=mosul).threshold
    assert poor.pk not in stored(mosul) and len(stored(mosul)) == 20


def test_a_rebuild_gives_the_same_lists_as_the_incremental_updates(make, skills):
    s = skills
    network = {
        "basra": org(country="IQ", governorates=["IQ-BA"], pathways=["women"], languages=("ar", "en")),
        "erbil": org(country="IQ", governorates=["IQ-AR"], pathways=["youth", "women"], languages=("ckb", "ar")),
        "najaf": org(country="IQ", governorates=["IQ-NA"], pathways=["minorities"], languages=("ar",)),
        "milan": org(country="IT", pathways=["women"], languages=("it", "en")),
        "lyon": org(country="FR", pathways=["youth"], languages=("fr", "ar")),
        "bonn": org(country="DE", pathways=["minorities", "democracy"], languages=("de", "en")),
    }
    make.need(network["basra"], s["media-training"], s["legal-aid"])
    make.offer(network["milan"], s["media-training"])
    make.offer(network["bonn"], s["legal-aid"], s["fundraising"])
    make.need(network["erbil"], s["fundraising"])
    make.offer(network["erbil"], s["psychosocial"])
    make.need(network["lyon"], s["psychosocial"])
    make.need(network["najaf"], s["psychosocial"], s["legal-aid"])
    make.offer(network["lyon"], s["media-training"])

    def lists():
        return {
            name: [(c, round(sc, 3)) for c, sc in Suggestion.objects.filter(organisation=o)
                   .order_by("-score", "counterpart_id").values_list("counterpart_id", "score")]
            for name, o in network.items()
        }

    incremental = lists()
    assert all(incremental.values())
    assert matching.rebuild_all() == Organisation.objects.filter(status="approved").count()
    assert lists() == incremental


# --- What is shown ----------------------------------------------------------------------------


def test_a_dismissed_suggestion_is_hidden_and_stays_dismissed_after_recomputing(make, skills):
    halabja = org(country="IQ", governorates=["IQ-SU"], languages=("ckb",))
    first, second = org(country="IT", languages=("ckb",)), org(country="ES", languages=("ckb",))
    make.offer(first, skills["fundraising"])
    make.offer(second, skills["fundraising"])
    make.need(halabja, skills["fundraising"])
    suggestion = Suggestion.objects.get(organisation=halabja, counterpart=first)

    services.dismiss_suggestion(by=make.admin(halabja), suggestion=suggestion)
    assert shown(halabja) == [second.pk]
    assert shown(halabja, dismissed=True) == [first.pk]
    assert halabja.pk in shown(first)  # dismissing is one side's choice

    make.need(halabja, skills["media-training"])  # its list is recomputed
    make.offer(first, skills["media-training"])  # and its place in the other's
    matching.rebuild_all()
    assert shown(halabja) == [second.pk]
    assert Suggestion.objects.get(organisation=halabja, counterpart=first).dismissed_at is not None

    services.dismiss_suggestion(by=make.admin(halabja), suggestion=suggestion, dismissed=False)
    assert set(shown(halabja)) == {first.pk, second.pk}


@pytest.mark.parametrize("status", ["pending", "accepted", "declined"])
def test_a_pair_with_an_introduction_is_no_longer_suggested(make, skills, status):
    duhok = org(country="IQ", governorates=["IQ-DA"])
    partner, other = org(country="NO"), org(country="DK")
    for offerer in (partner, other):
        make.offer(offerer, skills["psychosocial"])
    make.need(duhok, skills["psychosocial"])
    assert set(shown(duhok)) == {partner.pk, other.pk}

    introduction = make.ask(duhok, partner)
    if status == "accepted":
        make.accept(introduction, partner)
    elif status == "declined":
        make.decline(introduction, partner)
    assert Introduction.objects.get().status == status

    assert shown(duhok) == [other.pk]
    assert duhok.pk not in shown(partner)
    matching.rebuild_all()  # stored suggestions may remain: they are never shown
    assert shown(duhok) == [other.pk] and duhok.pk not in shown(partner)


def test_a_withdrawn_request_lets_the_pair_be_suggested_again(make, skills):
    duhok, partner = org(country="IQ", governorates=["IQ-DA"]), org(country="NO")
    make.offer(partner, skills["psychosocial"])
    make.need(duhok, skills["psychosocial"])
    introduction = make.ask(duhok, partner)
    assert shown(duhok) == []
    services.withdraw_introduction(by=make.admin(duhok), introduction=introduction)
    assert shown(duhok) == [partner.pk]


def test_the_update_task_reports_how_many_other_lists_changed(make, skills):
    needing = [org(country="IQ") for _ in range(3)]
    for organisation in needing:
        make.need(organisation, skills["fundraising"])
    offering = org(country="CH")
    offering_admin = make.admin(offering)
    services.state(by=offering_admin, organisation=offering, side=services.Offer, draft=services.ContributionDraft(
        title="Fundraising workshops", original_language="en", skills=[skills["fundraising"]]))  # not committed: no task
    assert stored(offering) == []
    assert tasks.update_suggestions.call(organisation_id=offering.pk) == 3
    assert all(stored(o) == [offering.pk] for o in needing)


def test_the_same_issue_in_two_languages_ranks_above_another_issue(make, skills):
    """An Arabic text on drinking water in Basra meets an Italian one on water and Bassora, though
    they share no word; an Italian organisation on school dropouts, equal in all else, comes after."""
    basra = org(country="IQ", governorates=["IQ-BA"], languages=("ar", "en"), pathways=["women"],
                description="نفحص مياه الشرب في البصرة وننشر النتائج")
    water = org(country="IT", languages=("it", "en"), pathways=["women"],
                description="Analizziamo l'acqua potabile con i partner di Bassora")
    schools = org(country="IT", languages=("it", "en"), pathways=["women"],
                  description="Riportiamo a scuola i bambini che l'hanno abbandonata")
    make.offer(water, skills["media-training"])
    make.offer(schools, skills["media-training"])
    make.need(basra, skills["media-training"])

    assert stored(basra)[:2] == [water.pk, schools.pk]
    reasons = Suggestion.objects.get(organisation=basra, counterpart=water).reasons
    assert reasons["issues"] == ["water"] and reasons["text"] >= matching.TEXT_ALIKE
    with translation.override("it"):
        sentences = queries.suggestions_for(basra)[0].reason_sentences
    assert any("acqua" in s and "water" not in s for s in sentences)  # the issue named in Italian


def test_what_one_needs_weighs_more_than_what_one_offers(make, skills):
    """Each side ranks first the one who offers what it needs."""
    basra = org(country="IQ", languages=("ar", "en"))
    helps_basra = org(country="IT", languages=("en",))
    basra_helps = org(country="FR", languages=("en",))
    make.need(basra, skills["media-training"])
    make.offer(helps_basra, skills["media-training"])
    make.offer(basra, skills["legal-aid"])
    make.need(basra_helps, skills["legal-aid"])

    assert stored(basra)[:2] == [helps_basra.pk, basra_helps.pk]
    assert score(basra, helps_basra) > score(basra, basra_helps)
    assert score(basra_helps, basra) > score(helps_basra, basra)  # from their side, the other way round


def test_a_dismissed_suggestion_that_drops_out_and_comes_back_stays_dismissed(make, skills):
    basra = org(country="IQ", languages=("ar", "en"))
    milan = org(country="IT", languages=("en",))
    make.need(basra, skills["media-training"])
    offer = make.offer(milan, skills["media-training"])
    suggestion = Suggestion.objects.get(organisation=basra, counterpart=milan)
    services.dismiss_suggestion(by=make.admin(basra), suggestion=suggestion)
    services.set_current(by=make.admin(milan), contribution=offer, current=False)  # nothing links them for a while
    matching.update_for(milan.pk)
    services.set_current(by=make.admin(milan), contribution=offer, current=True)
    matching.update_for(milan.pk)
    matching.update_for(basra.pk)
    assert Suggestion.objects.get(organisation=basra, counterpart=milan).dismissed_at is not None
    assert milan.pk not in shown(basra)


def test_an_index_kept_between_updates_scores_as_a_fresh_one(make, skills):
    """The worker's index rebuilds its matrices only when many rows changed; the rows changed
    since are scored one by one, and must give the same scores as a fresh index."""
    organisations = [org(country="IQ" if i % 2 else "IT", languages=("ar", "en")) for i in range(8)]
    for i, organisation in enumerate(organisations):
        (make.need if i % 2 else make.offer)(organisation, skills["media-training"])
    kept = matching.index()
    make.offer(organisations[1], skills["legal-aid"], description="حماية المدافعين")
    make.need(organisations[2], skills["legal-aid"])
    kept = matching.index()
    assert kept.families["o"].dirty  # changed rows waiting for the next rebuild of the matrices
    fresh = matching.Index().refresh()
    for organisation in organisations:
        mine, theirs = kept.scores(organisation.pk), fresh.scores(organisation.pk)
        order = [fresh.row[pk] for pk in kept.ids]
        assert list(mine.forward.round(6)) == list(theirs.forward[order].round(6))
