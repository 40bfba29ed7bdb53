"""The moderation task and the review stamp behind "due for review"."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask


class RejectionCommentForm(TaskStateCommentForm):
    """Sending a page back without saying why leaves the editor guessing."""

    comment = forms.CharField(
        label=_("What needs to change?"),
        required=True,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("The editor receives this comment by e-mail."),
    )


class ModerationTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, except that a rejection must carry a comment."""

    def get_form_for_action(self, action):
        if action == "reject":
            return RejectionCommentForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The modal form enforces the comment; this refuses a hand-made request
        # (the page editor's "workflow-action-extra-data") that skips it.
        if action_name == "reject" and not str(kwargs.get("comment") or "").strip():
            raise PermissionDenied(_("A rejection needs a comment."))
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve; sending back for changes requires a comment")

    class Meta:
        verbose_name = _("moderation task")
        verbose_name_plural = _("moderation tasks")


class PageReview(models.Model):
    """When someone last confirmed that a page is still accurate.

    Publishing counts as a review too; this row records the reviews that
    changed nothing ("still correct"), so old but accurate pages drop off
    the due-for-review list without a pointless new revision.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="editorial_review"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("page review")
        verbose_name_plural = _("page reviews")

    def __str__(self):
        return f"{self.page_id} @ {self.reviewed_at:%Y-%m-%d}"
