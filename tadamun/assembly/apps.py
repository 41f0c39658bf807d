from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssemblyConfig(AppConfig):
    name = "tadamun.assembly"
    label = "assembly"
    verbose_name = _("Participatory democracy")
