from django.dispatch import receiver

from wagtail.signals import page_published

from .models import MinorEdit
from .services import translations_resync_minor


@receiver(page_published)
def resync_translations_after_minor_edit(sender, instance, revision=None, **kwargs):
    """A revision marked minor was approved in a workflow: keep translations up to date."""
    if revision is None:
        return
    mark = MinorEdit.objects.filter(revision=revision, applied_at__isnull=True).first()
    if mark is None:
        return
    translations_resync_minor(page=instance, user=kwargs.get("user") or mark.marked_by)
