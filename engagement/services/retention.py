"""Retention: delete personal data once its period is over, and log what was deleted."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

from ..links import CONFIRM_MAX_AGE_DAYS
from ..models.accession import AccessionRequest, AccessionStatus
from ..models.newsletter import Subscriber
from ..models.retention import PurgeLog


def _purge(*, category, queryset, cutoff, dry_run, delete=None):
    count = queryset.count()
    if not dry_run:
        (delete or (lambda queryset: queryset.delete()))(queryset)
        PurgeLog.objects.create(category=category, cutoff=cutoff, deleted=count)
    return count


@transaction.atomic
def personal_data_purge(*, now=None, dry_run=False):
    """Delete what is past its retention period; returns ``{category: count}``.

    - contact form submissions older than ENGAGEMENT_FORM_RETENTION_DAYS;
    - decided accession requests older than the same period (the approved
      organisation itself lives on as its page);
    - subscriptions never confirmed within ENGAGEMENT_UNCONFIRMED_RETENTION_DAYS;
    - new addresses of changes never confirmed while their link was valid
      (only the pending address is deleted; the subscription stays).
    """
    now = now or timezone.now()
    form_cutoff = now - datetime.timedelta(days=settings.ENGAGEMENT_FORM_RETENTION_DAYS)
    unconfirmed_cutoff = now - datetime.timedelta(days=settings.ENGAGEMENT_UNCONFIRMED_RETENTION_DAYS)
    address_change_cutoff = now - datetime.timedelta(days=CONFIRM_MAX_AGE_DAYS)
    return {
        "form submissions": _purge(
            category="form submissions",
            queryset=FormSubmission.objects.filter(submit_time__lt=form_cutoff),
            cutoff=form_cutoff,
            dry_run=dry_run,
        ),
        "decided accession requests": _purge(
            category="decided accession requests",
            queryset=AccessionRequest.objects.exclude(status=AccessionStatus.PENDING).filter(
                decided_at__lt=form_cutoff
            ),
            cutoff=form_cutoff,
            dry_run=dry_run,
        ),
        "unconfirmed subscriptions": _purge(
            category="unconfirmed subscriptions",
            queryset=Subscriber.objects.filter(confirmed_at__isnull=True, consented_at__lt=unconfirmed_cutoff),
            cutoff=unconfirmed_cutoff,
            dry_run=dry_run,
        ),
        "expired address changes": _purge(
            category="expired address changes",
            queryset=Subscriber.objects.exclude(pending_email="").filter(pending_email_at__lt=address_change_cutoff),
            cutoff=address_change_cutoff,
            dry_run=dry_run,
            delete=lambda queryset: queryset.update(pending_email="", pending_email_at=None),
        ),
    }
