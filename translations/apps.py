from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """Translation status report, dashboard panel and "minor edit" marks.

    A separate app because it owns a model (the minor-edit mark on a
    revision) and admin views that belong to no content domain.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from . import signals  # noqa: F401
