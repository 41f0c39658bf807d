"""The Pol.is open-data format: `comments.csv`, `votes.csv`, `participants-votes.csv` and
`summary.csv` (https://github.com/compdemocracy/openData). Votes there are 1 agree, -1
disagree, 0 pass. An imported conversation keeps its participant and comment ids (our
`number`s), so its export lines up row by row with the original files."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from tadamun.core.text import clean_text

from .models import Consultation, Participant, Report, Statement, Vote

FILES = ("comments.csv", "votes.csv", "participants-votes.csv", "summary.csv")
MODERATED = {"1": Statement.Status.ACCEPTED, "0": Statement.Status.ACCEPTED, "-1": Statement.Status.REJECTED}


class PolisFormatError(ValueError):
    """The folder is not a Pol.is export we can read (the message says why)."""


def _rows(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def _moment(value: str) -> datetime:
    """Pol.is timestamps are seconds (older exports: milliseconds) since 1970."""
    number = float(value or 0)
    if number > 1e11:
        number /= 1000
    return datetime.fromtimestamp(number, tz=UTC)


def read_summary(directory: Path) -> dict[str, str]:
    path = directory / "summary.csv"
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return {row[0]: row[1] if len(row) > 1 else "" for row in csv.reader(handle) if row}


@transaction.atomic
def import_polis(directory: str | Path, *, language: str = "en") -> Consultation:
    """Load a Pol.is export folder as a new, closed consultation."""
    directory = Path(directory)
    for name in ("comments.csv", "votes.csv"):
        if not (directory / name).exists():
            raise PolisFormatError(f"{directory} has no {name}")
    summary = read_summary(directory)
    comments = _rows(directory / "comments.csv")
    votes = _rows(directory / "votes.csv")
    try:
        latest: dict[tuple[int, int], tuple[datetime, int]] = {}
        for row in votes:
            key = (int(row["voter-id"]), int(row["comment-id"]))
            moment = _moment(row.get("timestamp", "0"))
            if key not in latest or moment >= latest[key][0]:
                latest[key] = (moment, int(row["vote"]))
        statements = {int(row["comment-id"]): row for row in comments}
    except (KeyError, ValueError) as exc:
        raise PolisFormatError(f"unexpected column or value: {exc}") from exc
    people = {pid for pid, _sid in latest} | {int(row["author-id"]) for row in comments if row.get("author-id", "").strip()}
    if (directory / "participants-votes.csv").exists():
        people |= {int(row["participant"]) for row in _rows(directory / "participants-votes.csv")}
    moments = [moment for moment, _value in latest.values()] or [timezone.now()]
    topic = clean_text(summary.get("topic", "")) or f"Pol.is {directory.name}"
    consultation = Consultation.objects.create(
        slug=f"{slugify(topic)[:60] or 'polis'}-{directory.name[-12:].lower().replace('.', '-')}"[:90],
        question=topic[:300],
        description=summary.get("conversation-description", "").replace("\\n", "\n"),
        original_language=language,
        audience=Consultation.Audience.PUBLIC,
        opens_at=min(moments),
        closes_at=max(moments),
        source=summary.get("url", "") or str(directory.name),
        participant_count=len(people),
        vote_count=len(latest),
    )
    participants = Participant.objects.bulk_create(
        [Participant(consultation=consultation, number=pid, pseudonym=f"P{pid}") for pid in sorted(people)],
        batch_size=2000,
    )
    by_number = {p.number: p for p in participants}
    counts_by_statement: dict[int, int] = {}
    counts_by_participant: dict[int, int] = {}
    for pid, sid in latest:
        counts_by_statement[sid] = counts_by_statement.get(sid, 0) + 1
        counts_by_participant[pid] = counts_by_participant.get(pid, 0) + 1
    made = Statement.objects.bulk_create(
        [
            Statement(
                consultation=consultation, number=sid, text=row.get("comment-body", "").strip(), language=language,
                status=MODERATED.get(str(row.get("moderated", "0")).strip(), Statement.Status.ACCEPTED),
                author=by_number.get(int(row["author-id"])) if row.get("author-id", "").strip() else None,
                created_at=_moment(row.get("timestamp", "0")), vote_count=counts_by_statement.get(sid, 0),
            )
            for sid, row in sorted(statements.items())
        ],
        batch_size=2000,
    )
    statement_by_number = {s.number: s for s in made}
    Vote.objects.bulk_create(
        [
            Vote(consultation=consultation, participant=by_number[pid], statement=statement_by_number[sid], value=value,
                 voted_at=moment)
            for (pid, sid), (moment, value) in latest.items()
            if sid in statement_by_number and value in (-1, 0, 1)
        ],
        batch_size=5000,
    )
    for participant in participants:
        participant.vote_count = counts_by_participant.get(participant.number, 0)
    Participant.objects.bulk_update(participants, ["vote_count"], batch_size=2000)
    return consultation


def _polis_time(moment: datetime) -> tuple[str, str]:
    moment = moment.astimezone(UTC)
    return str(int(moment.timestamp())), moment.strftime("%a %b %d %Y %H:%M:%S GMT+0000 (Coordinated Universal Time)")


def export_polis(consultation: Consultation, directory: str | Path) -> list[Path]:
    """Write the four Pol.is files; `group-id` holds each participant's group in our report."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    statements = list(consultation.statements.order_by("number").values_list("pk", "number", "author__number", "status", "text", "created_at"))
    number_of = {pk: number for pk, number, *_rest in statements}
    votes = list(
        Vote.objects.filter(consultation=consultation)
        .order_by("voted_at", "participant__number", "statement__number")
        .values_list("voted_at", "statement_id", "participant__number", "value")
    )
    agrees: dict[int, int] = {}
    disagrees: dict[int, int] = {}
    matrix: dict[int, dict[int, int]] = {}
    for _when, statement_id, pid, value in votes:
        sid = number_of[statement_id]
        matrix.setdefault(pid, {})[sid] = value
        if value == 1:
            agrees[sid] = agrees.get(sid, 0) + 1
        elif value == -1:
            disagrees[sid] = disagrees.get(sid, 0) + 1
    moderated = {Statement.Status.ACCEPTED: "1", Statement.Status.REJECTED: "-1", Statement.Status.META: "-1", Statement.Status.PENDING: "0"}
    written = []

    def write(name: str, header: list[str] | None, rows) -> None:
        path = directory / name
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            if header:
                writer.writerow(header)
            writer.writerows(rows)
        written.append(path)

    write(
        "comments.csv",
        ["timestamp", "datetime", "comment-id", "author-id", "agrees", "disagrees", "moderated", "comment-body"],
        (
            [*_polis_time(created), number, "" if author is None else author, agrees.get(number, 0),
             disagrees.get(number, 0), moderated[status], text]
            for _pk, number, author, status, text, created in statements
        ),
    )
    write(
        "votes.csv",
        ["timestamp", "datetime", "comment-id", "voter-id", "vote"],
        ([*_polis_time(moment), number_of[statement_id], pid, value] for moment, statement_id, pid, value in votes),
    )
    report, positions = Report.objects.filter(consultation=consultation).values_list("result", "positions").first() or ({}, {})
    group_of = positions.get("group_of") or {}
    authored: dict[int, int] = {}
    for _pk, _number, author, *_rest in statements:
        if author is not None:
            authored[author] = authored.get(author, 0) + 1
    numbers = [number for _pk, number, *_rest in statements]
    people = consultation.participants.order_by("number").values_list("number", flat=True)
    write(
        "participants-votes.csv",
        ["participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree", *[str(n) for n in numbers]],
        (
            [pid, group_of.get(str(pid), ""), authored.get(pid, 0), len(matrix.get(pid, {})),
             sum(1 for v in matrix.get(pid, {}).values() if v == 1), sum(1 for v in matrix.get(pid, {}).values() if v == -1),
             *[matrix.get(pid, {}).get(n, "") for n in numbers]]
            for pid in people
        ),
    )
    write(
        "summary.csv",
        None,
        [
            ["topic", consultation.question],
            ["url", consultation.source or consultation.get_absolute_url()],
            ["voters", len(matrix)],
            ["voters-in-conv", report.get("participants", 0)],
            ["commenters", len(authored)],
            ["comments", len(statements)],
            ["groups", report.get("k", 0)],
            ["conversation-description", consultation.description.replace("\n", "\\n")],
        ],
    )
    return written
