from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MinorEdit(models.Model):
    """A source revision its editor marked "minor — translations stay up to date".

    Stored per revision so that the mark survives moderation: when a
    moderator later approves (publishes) the revision, the translations are
    re-synced then, not when the editor submitted it.
    """

    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="translations_minor_edit"
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("minor edit")
        verbose_name_plural = _("minor edits")

    def __str__(self):
        return f"Minor edit of revision {self.revision_id}"
