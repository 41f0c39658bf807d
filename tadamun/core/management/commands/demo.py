"""`manage.py demo`: (re)load the fictional demo network, its newsroom and its campaigns;
`--if-empty` only into an empty directory."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from tadamun.accounts.models import User
from tadamun.assembly.demo import load_demo_consultations
from tadamun.assembly.demo_groups import load_demo_groups
from tadamun.campaigns.demo import load_demo_campaigns
from tadamun.network.demo import COORDINATOR_EMAIL, DEMO_PASSWORD, load_demo
from tadamun.network.models import Organisation
from tadamun.newsroom.demo import load_demo_newsroom
from tadamun.solidarity.demo import load_demo_solidarity


class Command(BaseCommand):
    help = (
        "Load the demo network (fictional organisations, people and activity centres), its "
        "newsroom (fictional articles), its campaigns (fictional campaigns, petitions, letters, "
        "signatures, endorsements and solidarity messages), its groups and its solidarity (fictional "
        "opportunities and applications, needs and offers, suggestions, introductions and security "
        "notes), replacing every organisation, every article, every campaign, every opportunity and "
        "every demo account. With --if-empty, load them only when the directory has no "
        "organisation yet."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Load the demo only when there is no organisation in the database yet.",
        )

    def handle(self, *args, if_empty: bool = False, **options):
        if if_empty and Organisation.objects.exists():
            self.stdout.write(
                "The directory already has organisations: the demo network, newsroom and campaigns are left as they are."
            )
        else:
            load_demo(stdout=self.stdout)
            load_demo_newsroom(stdout=self.stdout)
            load_demo_campaigns(stdout=self.stdout)
            load_demo_consultations(stdout=self.stdout)
            load_demo_groups(stdout=self.stdout)
            load_demo_solidarity(stdout=self.stdout)
        self._print_login()

    def _print_login(self) -> None:
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Log in as the demo coordinator:"))
        self.stdout.write(f"  email:    {COORDINATOR_EMAIL}")
        self.stdout.write(f"  password: {DEMO_PASSWORD}")
        self.stdout.write(
            "Coordinators must turn on two-factor authentication at their first login: keep an "
            "authenticator app (TOTP) at hand. Every demo account uses the same password."
        )
        if not User.objects.filter(email=COORDINATOR_EMAIL).exists():
            self.stdout.write(
                self.style.WARNING(
                    "This database has no demo coordinator: run `manage.py demo` to load the demo "
                    "network (it replaces every organisation)."
                )
            )
