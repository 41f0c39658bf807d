from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "tadamun.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401  (registers system checks)

        post_migrate.connect(_mend_search_indexes, dispatch_uid="tadamun.search.mend")


def _mend_search_indexes(sender, using="default", **kwargs) -> None:
    from .search import ensure_indexes

    ensure_indexes(using)
