from django.db import models
from django.utils.translation import gettext_lazy as _


class PurgeLog(models.Model):
    """What one run of ``purge_personal_data`` deleted (counts only, never the data)."""

    ran_at = models.DateTimeField(_("ran at"), auto_now_add=True)
    category = models.CharField(_("category"), max_length=60)
    cutoff = models.DateTimeField(_("deleted what was older than"))
    deleted = models.PositiveIntegerField(_("records deleted"))

    class Meta:
        verbose_name = _("purge log entry")
        verbose_name_plural = _("purge log")
        ordering = ["-ran_at"]

    def __str__(self):
        return f"{self.ran_at:%Y-%m-%d %H:%M} {self.category}: {self.deleted}"
