"""Consultations: taking part, statements and moderation, votes (last one counts, once),
recomputation in the worker, and the Pol.is open-data format in both directions."""

from __future__ import annotations

import csv
import random
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from tadamun.assembly import polis, services
from tadamun.assembly.models import Consultation, Participant, Report, Statement, Vote
from tadamun.core.errors import DomainError, NotFound, PermissionDenied
from tadamun.network.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(db):
    boss = factories.coordinator()
    return services.open_consultation(by=boss, draft=services.ConsultationDraft(
        question="How should the network decide its priorities for 2027?", original_language="en",
        opens_at=timezone.now() - timedelta(hours=1), closes_at=timezone.now() + timedelta(days=7),
        audience=Consultation.Audience.MEMBERS, seeds=["Water must come first.", "Peace work must come first."],
    ))


def member_of_network():
    return factories.member(factories.OrganisationFactory(), Membership.Role.MEMBER)


def test_only_coordinators_open_consultations(db):
    draft = services.ConsultationDraft(question="Q?", original_language="en", opens_at=timezone.now(),
                                       closes_at=timezone.now() + timedelta(days=1))
    with pytest.raises(PermissionDenied):
        services.open_consultation(by=member_of_network(), draft=draft)


def test_bad_dates_and_audiences_are_explained(db):
    boss = factories.coordinator()
    now = timezone.now()
    with pytest.raises(DomainError) as error:
        services.open_consultation(by=boss, draft=services.ConsultationDraft(
            question="Q?", original_language="en", opens_at=now, closes_at=now - timedelta(days=1)))
    assert error.value.field == "closes_at"
    with pytest.raises(DomainError) as error:
        services.open_consultation(by=boss, draft=services.ConsultationDraft(
            question="Q?", original_language="en", opens_at=now, closes_at=now + timedelta(days=1),
            audience=Consultation.Audience.ORGANISATIONS))
    assert error.value.field == "organisations"


def test_seeds_are_accepted_and_participants_statements_wait(consultation):
    assert list(consultation.statements.values_list("status", flat=True)) == ["accepted", "accepted"]
    participant = services.participate(person=member_of_network(), consultation=consultation)
    written = services.write_statement(participant=participant, text="Unions should lead the labour pathway.", language="en")
    assert written.status == Statement.Status.PENDING and written.number == 2
    with pytest.raises(DomainError):
        services.write_statement(participant=participant, text="x" * 281, language="en")
    with pytest.raises(NotFound):  # not open to votes before moderation
        services.vote(participant=participant, statement=written, value=1)


def test_the_audience_decides_who_takes_part(consultation):
    with pytest.raises(PermissionDenied):
        services.participate(person=factories.UserFactory(), consultation=consultation)
    person = member_of_network()
    first = services.participate(person=person, consultation=consultation)
    assert services.participate(person=person, consultation=consultation) == first
    assert Consultation.objects.get(pk=consultation.pk).participant_count == 1


def test_the_last_vote_counts_once(consultation):
    participant = services.participate(person=member_of_network(), consultation=consultation)
    statement = consultation.statements.first()
    services.vote(participant=participant, statement=statement, value=1)
    services.vote(participant=participant, statement=statement, value=-1)
    assert list(Vote.objects.values_list("value", flat=True)) == [-1]
    assert Consultation.objects.get(pk=consultation.pk).vote_count == 1
    assert Statement.objects.get(pk=statement.pk).vote_count == 1
    with pytest.raises(DomainError):
        services.vote(participant=participant, statement=statement, value=5)


def test_votes_after_closing_and_on_rejected_statements_are_refused(consultation):
    participant = services.participate(person=member_of_network(), consultation=consultation)
    written = services.write_statement(participant=participant, text="A statement to reject here.", language="en")
    boss = consultation.created_by
    with pytest.raises(DomainError) as error:
        services.moderate_statement(by=boss, statement=written, status="rejected")
    assert error.value.field == "reason"
    services.moderate_statement(by=boss, statement=written, status="rejected", reason="Off topic")
    with pytest.raises(NotFound):
        services.vote(participant=participant, statement=written, value=1)
    Consultation.objects.filter(pk=consultation.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    participant.consultation.refresh_from_db()
    with pytest.raises(DomainError):
        services.vote(participant=participant, statement=consultation.statements.first(), value=1)


def test_the_next_statement_is_one_not_yet_voted(consultation):
    participant = services.participate(person=member_of_network(), consultation=consultation)
    seen = set()
    for _round in range(2):
        statement = services.next_statement(participant, rng=random.Random(1))
        seen.add(statement.pk)
        services.vote(participant=participant, statement=statement, value=0)
    assert seen == set(consultation.statements.values_list("pk", flat=True))
    assert services.next_statement(participant) is None


def test_votes_queue_a_recomputation_and_the_report_is_stored(consultation, settings, django_capture_on_commit_callbacks):
    settings.CONSULTATION_RECOMPUTE_VOTES = 1
    participant = services.participate(person=member_of_network(), consultation=consultation)
    with django_capture_on_commit_callbacks(execute=True):
        services.vote(participant=participant, statement=consultation.statements.first(), value=1)
    report = Report.objects.get(consultation=consultation)
    assert report.votes_seen == 1 and report.result["k"] in (0, 1)  # one participant: no groups, no crash


def planted_export(directory: Path, *, groups=3, per_group=40, statements=24, seed=5) -> dict[int, int]:
    """A small Pol.is-format folder with planted groups; returns participant → planted group."""
    rng = random.Random(seed)
    opinions = [[rng.choice([1, -1]) for _s in range(statements)] for _g in range(groups)]
    for consensus in range(3):  # everybody agrees with the first three
        for g in range(groups):
            opinions[g][consensus] = 1
    planted, votes = {}, []
    for pid in range(groups * per_group):
        g = pid % groups
        planted[pid] = g
        for sid in range(statements):
            if rng.random() < 0.3:
                continue
            value = opinions[g][sid] if rng.random() > 0.08 else -opinions[g][sid]
            votes.append((1_600_000_000 + pid * 100 + sid, sid, pid, value))
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "comments.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["timestamp", "datetime", "comment-id", "author-id", "agrees", "disagrees", "moderated", "comment-body"])
        for sid in range(statements):
            writer.writerow([1_599_999_000 + sid, "", sid, sid % 7, 0, 0, 1 if sid != statements - 1 else -1, f"Statement {sid}, with a comma"])
    with (directory / "votes.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["timestamp", "datetime", "comment-id", "voter-id", "vote"])
        writer.writerows([[ts, "", sid, pid, value] for ts, sid, pid, value in votes])
    (directory / "summary.csv").write_text("topic,Planted conversation\nurl,https://pol.is/planted\nconversation-description,Three camps\n")
    return planted


def test_a_polis_export_loads_keeps_its_ids_and_exports_the_same(tmp_path, capsys):
    planted = planted_export(tmp_path / "in")
    call_command("consultation", "import-polis", str(tmp_path / "in"))
    consultation = Consultation.objects.get(pk=int(capsys.readouterr().out.strip()))
    assert consultation.question == "Planted conversation" and consultation.source == "https://pol.is/planted"
    assert sorted(consultation.participants.values_list("number", flat=True)) == sorted(planted)
    assert Statement.objects.get(consultation=consultation, number=23).status == Statement.Status.REJECTED
    report = consultation.report.result
    assert report["k"] == 3
    call_command("consultation", "export", str(consultation.pk), str(tmp_path / "out"))
    original = list(csv.reader((tmp_path / "in" / "votes.csv").open()))
    exported = list(csv.reader((tmp_path / "out" / "votes.csv").open()))
    assert [row[2:] for row in exported] == [row[2:] for row in original]  # comment-id, voter-id, vote, row by row
    rows = list(csv.DictReader((tmp_path / "out" / "participants-votes.csv").open()))
    assert [int(row["participant"]) for row in rows] == sorted(planted)
    found = {int(row["participant"]): row["group-id"] for row in rows}
    # The computed groups recover the planted ones (those in the map all have a group).
    from sklearn.metrics import adjusted_rand_score

    mapped = [pid for pid in planted if found[pid] != ""]
    assert len(mapped) >= 110
    assert adjusted_rand_score([planted[p] for p in mapped], [found[p] for p in mapped]) >= 0.9
    comments = list(csv.DictReader((tmp_path / "out" / "comments.csv").open()))
    assert comments[0]["comment-body"] == "Statement 0, with a comma" and comments[-1]["moderated"] == "-1"
    summary = dict(csv.reader((tmp_path / "out" / "summary.csv").open()))
    assert summary["groups"] == "3" and summary["topic"] == "Planted conversation"


def test_a_folder_that_is_not_a_polis_export_is_refused(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="has no comments.csv"):
        call_command("consultation", "import-polis", str(tmp_path))
    with pytest.raises(CommandError, match="no consultation"):
        call_command("consultation", "recompute", "999")


def test_recompute_command_reports_the_groups(tmp_path, capsys):
    planted_export(tmp_path / "in")
    consultation = polis.import_polis(tmp_path / "in")
    call_command("consultation", "recompute", str(consultation.pk))
    output = capsys.readouterr().out
    assert "3 groups" in output and "participants in the map" in output
    assert Participant.objects.filter(consultation=consultation).count() == 120
