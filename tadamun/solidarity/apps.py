from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SolidarityConfig(AppConfig):
    name = "tadamun.solidarity"
    label = "solidarity"
    verbose_name = _("Solidarity")

    def ready(self) -> None:
        from tadamun.network.signals import profile_changed

        from . import tasks

        # A changed profile updates its suggestions in the task worker, never in a page view.
        profile_changed.connect(tasks.profile_changed_receiver, dispatch_uid="solidarity-suggestions")
