"""Recording bounces that arrive by e-mail after an issue was sent.

A hard bounce (permanent failure) marks the delivery *bounced* and counts
against the subscription; NEWSLETTER_HARD_BOUNCE_LIMIT of them suspend it
(it stays, visible to moderators and in the subscriber's export, but gets no
more issues). A soft bounce (temporary failure) is counted and recorded only.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..models.newsletter import Bounce, BounceKind, Delivery, DeliveryStatus, Subscriber


@dataclass
class BounceOutcome:
    """What happened to one message: ``matched`` bounces recorded, or why nothing could be."""

    matched: list = field(default_factory=list)  # (kind, delivery id or None, subscriber id or None)
    duplicate: bool = False
    suspended: list = field(default_factory=list)  # subscriber ids suspended by this message
    problem: str = ""


def _count(*, subscriber_id, kind, outcome):
    if subscriber_id is None:
        return
    counter = "hard_bounces" if kind == BounceKind.HARD else "soft_bounces"
    Subscriber.objects.filter(pk=subscriber_id).update(**{counter: F(counter) + 1})
    if kind == BounceKind.HARD:
        suspended = Subscriber.objects.filter(
            pk=subscriber_id, suspended_at__isnull=True, hard_bounces__gte=settings.NEWSLETTER_HARD_BOUNCE_LIMIT
        ).update(suspended_at=timezone.now())
        if suspended:
            outcome.suspended.append(subscriber_id)


def _targets(report):
    """(delivery, subscriber id) pairs the report is about: by token first, by failed address otherwise."""
    if report.delivery_ids:
        deliveries = Delivery.objects.filter(pk__in=report.delivery_ids).order_by("pk")
        return [(delivery, delivery.subscriber_id) for delivery in deliveries]
    targets = []
    for address in {recipient.address for recipient in report.recipients if recipient.address}:
        for subscriber in Subscriber.objects.filter(email__iexact=address).order_by("pk"):
            latest = subscriber.deliveries.order_by("-attempted_at", "-pk").first()
            targets.append((latest, subscriber.pk))
    return targets


@transaction.atomic
def bounce_record(*, report):
    """Record one parsed bounce message. Nothing is recorded twice for the same message and delivery."""
    outcome = BounceOutcome()
    if report.error:
        outcome.problem = report.error
        return outcome
    if not report.is_bounce:
        outcome.problem = "not a bounce (no failed recipient found)"
        return outcome
    targets = _targets(report)
    if not targets:
        addresses = ", ".join(sorted({r.address for r in report.recipients if r.address})) or "no address"
        outcome.problem = f"matches no delivery or subscription ({addresses})"
        return outcome
    kind = report.kind
    for delivery, subscriber_id in targets:
        if (
            report.message_id
            and Bounce.objects.filter(
                message_id=report.message_id, delivery=delivery, subscriber_id=subscriber_id
            ).exists()
        ):
            outcome.duplicate = True
            continue
        Bounce.objects.create(
            delivery=delivery,
            subscriber_id=subscriber_id,
            kind=kind,
            status=report.status,
            diagnostic=report.diagnostic,
            message_id=report.message_id,
        )
        if delivery is not None and kind == BounceKind.HARD:
            Delivery.objects.filter(pk=delivery.pk).update(
                status=DeliveryStatus.BOUNCED, error=f"bounced later: {report.status} {report.diagnostic}"[:2000]
            )
        _count(subscriber_id=subscriber_id, kind=kind, outcome=outcome)
        outcome.matched.append((kind, delivery.pk if delivery else None, subscriber_id))
    return outcome
