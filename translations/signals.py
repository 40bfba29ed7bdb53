from django.dispatch import receiver

from wagtail.models import TaskState
from wagtail.signals import page_published

from .models import MinorEdit
from .services import translations_resync_minor


def _approver(revision):
    """Who approved ``revision`` in a workflow (Wagtail's signal does not say who published)."""
    task_state = (
        TaskState.objects.filter(revision=revision, status=TaskState.STATUS_APPROVED, finished_by__isnull=False)
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )
    return task_state.finished_by if task_state else None


@receiver(page_published)
def resync_translations_after_minor_edit(sender, instance, revision=None, **kwargs):
    """A revision marked minor was approved in a workflow: keep translations up to date.

    The re-synced translations are published with the rights of the moderator
    who approved the source, not of the editor who submitted it (who usually
    may not publish the translated pages, which would leave them as drafts).
    """
    if revision is None:
        return
    mark = MinorEdit.objects.filter(revision=revision, applied_at__isnull=True).first()
    if mark is None:
        return
    user = kwargs.get("user") or _approver(revision) or mark.marked_by
    translations_resync_minor(page=instance, user=user)
