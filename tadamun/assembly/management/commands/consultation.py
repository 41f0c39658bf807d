"""`manage.py consultation import-polis DIR | recompute ID | export ID DIR`."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from tadamun.assembly import polis, services
from tadamun.assembly.models import Consultation


class Command(BaseCommand):
    help = "Consultations: load a Pol.is export folder, recompute the map of opinions now, or export in the Pol.is format."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("import-polis", help="Load a Pol.is export folder as a new consultation; prints its id.")
        load.add_argument("directory")
        load.add_argument("--language", default="en", help="The language the conversation is written in.")
        load.add_argument("--no-recompute", action="store_true", help="Do not compute the map after loading.")
        again = sub.add_parser("recompute", help="Run the maths now and store the report.")
        again.add_argument("id", type=int)
        out = sub.add_parser("export", help="Write comments.csv, votes.csv, participants-votes.csv and summary.csv.")
        out.add_argument("id", type=int)
        out.add_argument("directory")

    def handle(self, *args, action: str, **options):
        if action == "import-polis":
            try:
                consultation = polis.import_polis(options["directory"], language=options["language"])
            except (OSError, polis.PolisFormatError) as exc:
                raise CommandError(f"Cannot load {options['directory']}: {exc}") from exc
            if not options["no_recompute"]:
                services.recompute(consultation)
            self.stdout.write(str(consultation.pk))
            return
        consultation = Consultation.objects.filter(pk=options["id"]).first()
        if consultation is None:
            raise CommandError(f"There is no consultation {options['id']}.")
        if action == "recompute":
            report = services.recompute(consultation)
            result = report.result
            self.stdout.write(
                f"{result.get('participants', 0)} participants in the map, {result.get('k', 0)} groups, "
                f"{len(result.get('consensus') or [])} consensus statements, in {report.seconds:.2f} s"
            )
        else:
            for path in polis.export_polis(consultation, options["directory"]):
                self.stdout.write(str(path))
