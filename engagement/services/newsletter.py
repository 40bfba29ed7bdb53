"""The newsletter: double opt-in, the subscriber's rights, composing and sending issues."""

import contextlib
import datetime
import logging
import smtplib
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import mailers
from django.db import DatabaseError, connection, transaction
from django.db.models import Count
from django.tasks import TaskResultStatus, task
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from django_tasks_db.models import DBTaskResult

from ..emails import email_build, unsubscribe_headers
from ..links import (
    DELIVERY_HEADER,
    LinkInvalid,
    delivery_bounce_address,
    delivery_token,
    email_change_url,
    subscriber_url,
)
from ..models.newsletter import (
    ConsentText,
    Delivery,
    DeliveryStatus,
    IssueStatus,
    NewsletterIssue,
    NewsletterIssueItem,
    RestrictionGround,
    Subscriber,
    SubscriptionScope,
)
from ..selectors import newsletter_issue_suggest_pages

logger = logging.getLogger(__name__)


def _subscriber_email(*, subscriber, template, context=None, html=False):
    unsubscribe_url = subscriber_url(subscriber=subscriber, purpose="unsubscribe")
    return email_build(
        to=subscriber.email,
        template=template,
        context={
            "subscriber": subscriber,
            "unsubscribe_url": unsubscribe_url,
            "manage_url": subscriber_url(subscriber=subscriber, purpose="manage"),
            **(context or {}),
        },
        language=subscriber.language,
        headers=unsubscribe_headers(unsubscribe_url),
        html=html,
    )


def _confirmation_send(*, subscriber):
    _subscriber_email(
        subscriber=subscriber,
        template="confirm_subscription",
        context={"confirm_url": subscriber_url(subscriber=subscriber, purpose="confirm")},
    ).send()


@transaction.atomic
def subscriber_subscribe(
    *, site, email, language, consent_version, scope=SubscriptionScope.NETWORK, organisation=None, area=None
):
    """Start (or restart) a double opt-in to ``site``'s newsletter. Says nothing about whether the address was known.

    A new or unconfirmed subscription gets a confirmation e-mail; a confirmed
    one gets a reminder with its manage link, so the answer on the page is
    always the same and nobody learns who is subscribed.
    """
    consent = ConsentText.objects.filter(language=language, version=consent_version).first()
    current = ConsentText.current(language)
    if consent is None or consent != current:
        raise ValidationError(_("The consent text has just changed. Please read the new text and agree to it again."))
    email = email.strip().lower()
    if scope != SubscriptionScope.ORGANISATION:
        organisation = None
    if scope != SubscriptionScope.AREA:
        area = None
    subscriber, created = Subscriber.objects.get_or_create(
        site=site,
        email__iexact=email,
        scope=scope,
        organisation=organisation,
        area=area,
        defaults={
            "email": email,
            "language": language,
            "consent": consent,
            "consented_at": timezone.now(),
            "organisation": organisation,
            "area": area,
        },
    )
    if subscriber.is_confirmed:
        _subscriber_email(subscriber=subscriber, template="already_subscribed").send()
        return subscriber
    if not created:
        # A repeated sign-up renews the consent: the latest accepted text counts.
        subscriber.language = language
        subscriber.consent = consent
        subscriber.consented_at = timezone.now()
        subscriber.save(update_fields=["language", "consent", "consented_at"])
    _confirmation_send(subscriber=subscriber)
    return subscriber


def subscriber_confirm(*, subscriber):
    if not subscriber.is_confirmed:
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at"])
    return subscriber


def subscriber_links_send(*, email):
    """E-mail the manage links of every subscription of ``email`` (if any). Silent when there is none."""
    for subscriber in Subscriber.objects.filter(email__iexact=email).select_related("organisation", "area"):
        _subscriber_email(subscriber=subscriber, template="manage_link").send()


def _email_change_send(*, subscriber, email):
    """The confirmation link for a change of address, to the new address, in the subscriber's language.

    Not a list e-mail: no manage or unsubscribe links of the subscription (the
    new address's owner may be someone else, e.g. after a typo).
    """
    email_build(
        to=email,
        template="confirm_email_change",
        context={"subscriber": subscriber, "confirm_url": email_change_url(subscriber=subscriber, email=email)},
        language=subscriber.language,
    ).send()


@transaction.atomic
def subscriber_update(*, subscriber, email, language):
    """Correct the subscriber's data; returns whether a change of address was requested.

    The language changes at once. A new address changes nothing yet: it is
    kept as pending and a confirmation link is e-mailed to it. Whether that
    address already has this subscription is not looked at here, so the
    answer is the same either way (no enumeration); the two are merged when
    the owner of the new address confirms (``subscriber_email_change_confirm``).
    """
    email = email.strip().lower()
    subscriber.language = language
    changed_email = email != subscriber.email.lower()
    if changed_email:
        # A newer request replaces an older one: the older link stops working.
        subscriber.pending_email, subscriber.pending_email_at = email, timezone.now()
    subscriber.full_clean(exclude=["consent"])
    subscriber.save(update_fields=["language", "pending_email", "pending_email_at"])
    if changed_email:
        _email_change_send(subscriber=subscriber, email=email)
    return changed_email


def _address_works(subscriber):
    # The address has just received our link and answered it: earlier bounces no longer count.
    subscriber.suspended_at, subscriber.hard_bounces, subscriber.soft_bounces = None, 0, 0


@transaction.atomic
def subscriber_email_change_confirm(*, subscriber, email):
    """Apply a change of address confirmed from the new address; returns the subscription that now has it.

    Confirming from the new address is its double opt-in, so the subscription
    is confirmed. If the new address already has the same subscription, the
    two become one, and nothing is lost: the new address's subscription stays
    (the links in its mailbox keep working) and takes over the other one's
    deliveries and bounces, the more recent consent, the language just chosen
    and a restriction or objection; then the other one is deleted.
    """
    subscriber = Subscriber.objects.select_for_update().select_related("consent").get(pk=subscriber.pk)
    if subscriber.pending_email.lower() != email.lower():
        raise LinkInvalid(
            _("This link is no longer valid: the change of address was already confirmed or replaced by a newer one.")
        )
    now = timezone.now()
    subscriber.pending_email, subscriber.pending_email_at = "", None
    kept = (
        Subscriber.objects.select_for_update()
        .filter(
            email__iexact=email,
            site_id=subscriber.site_id,
            scope=subscriber.scope,
            organisation=subscriber.organisation,
            area=subscriber.area,
        )
        .exclude(pk=subscriber.pk)
        .first()
    )
    if kept is None:
        subscriber.email = email
        subscriber.confirmed_at = now
        _address_works(subscriber)
        subscriber.full_clean(exclude=["consent"])
        subscriber.save()
        return subscriber

    merged = subscriber
    # An issue both received: the moved subscription's delivery is detached (as
    # on erasure), so the issue's counts stay true.
    merged.deliveries.filter(issue__in=kept.deliveries.values("issue")).update(subscriber=None, error="")
    merged.deliveries.update(subscriber=kept)
    merged.bounces.update(subscriber=kept)
    if merged.consented_at > kept.consented_at:
        kept.consent, kept.consented_at = merged.consent, merged.consented_at
    kept.language = merged.language
    if merged.is_restricted and not kept.is_restricted:
        kept.restricted_at, kept.restriction_ground = merged.restricted_at, merged.restriction_ground
    kept.confirmed_at = kept.confirmed_at or now
    _address_works(kept)
    kept.save()
    if merged.created_at < kept.created_at:  # "subscribed since" is the earlier of the two
        Subscriber.objects.filter(pk=kept.pk).update(created_at=merged.created_at)
        kept.created_at = merged.created_at
    merged.delete()
    return kept


def subscriber_export(*, subscriber):
    """Everything stored about this subscription (GDPR access and portability)."""
    deliveries = subscriber.deliveries.select_related("issue").order_by("attempted_at")
    return {
        "email": subscriber.email,
        "language": subscriber.language,
        "scope": subscriber.scope,
        "organisation": subscriber.organisation.title if subscriber.organisation else None,
        "area": subscriber.area.name if subscriber.area else None,
        "subscribed_at": subscriber.created_at.isoformat(),
        "confirmed_at": subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else None,
        "processing_restricted": {
            "since": subscriber.restricted_at.isoformat(),
            "ground": subscriber.restriction_ground,
        }
        if subscriber.restricted_at
        else None,
        "suspended_for_bounces_at": subscriber.suspended_at.isoformat() if subscriber.suspended_at else None,
        "pending_email_change": {
            "email": subscriber.pending_email,
            "requested_at": subscriber.pending_email_at.isoformat(),
        }
        if subscriber.pending_email
        else None,
        "consent": {
            "language": subscriber.consent.language,
            "version": subscriber.consent.version,
            "text": subscriber.consent.text,
            "given_at": subscriber.consented_at.isoformat(),
        },
        "deliveries": [
            {
                "issue": delivery.issue.subject,
                "status": delivery.status,
                "attempted_at": delivery.attempted_at.isoformat() if delivery.attempted_at else None,
            }
            for delivery in deliveries
        ],
        "bounces": [
            {"kind": bounce.kind, "status": bounce.status, "at": bounce.received_at.isoformat()}
            for bounce in subscriber.bounces.order_by("received_at")
        ],
    }


def subscriber_restrict(*, subscriber, ground=RestrictionGround.RESTRICTION):
    """GDPR art. 18 / 21: keep the data, send nothing, until the subscriber lifts it."""
    subscriber.restricted_at = timezone.now()
    subscriber.restriction_ground = ground
    subscriber.full_clean(exclude=["consent"])
    subscriber.save(update_fields=["restricted_at", "restriction_ground"])
    return subscriber


def subscriber_restriction_lift(*, subscriber):
    subscriber.restricted_at = None
    subscriber.restriction_ground = ""
    subscriber.save(update_fields=["restricted_at", "restriction_ground"])
    return subscriber


@transaction.atomic
def subscriber_erase(*, subscriber):
    """Withdraw consent and erase the subscription. Delivery rows stay, without any link to the person."""
    subscriber.deliveries.update(error="")
    subscriber.bounces.update(diagnostic="")  # a bounce's text often quotes the address
    subscriber.delete()


# --- Issues ---------------------------------------------------------------------


@transaction.atomic
def newsletter_issue_compose(
    *, language, site=None, days=30, scope=SubscriptionScope.NETWORK, organisation=None, area=None
):
    """A draft issue of ``site``'s newsletter (the default site's if None) with the network's recent content."""
    since = timezone.localdate() - datetime.timedelta(days=days)
    if scope != SubscriptionScope.ORGANISATION:
        organisation = None
    if scope != SubscriptionScope.AREA:
        area = None
    with translation.override(language):
        subject = _("News from the partnership, %(date)s") % {"date": timezone.localdate().strftime("%Y-%m-%d")}
    issue = NewsletterIssue(language=language, subject=subject, scope=scope, organisation=organisation, area=area)
    if site is not None:
        issue.site = site
    issue.full_clean()
    issue.save()
    suggestions = newsletter_issue_suggest_pages(
        language=language, since=since, organisation=organisation, area=area, site_id=issue.site_id
    )
    for order, page in enumerate(suggestions):
        NewsletterIssueItem.objects.create(issue=issue, page=page, sort_order=order)
    return issue


def newsletter_issue_recipients(*, issue):
    """Confirmed subscribers of the issue's network in its language and audience.

    Unconfirmed subscriptions never get anything; restricted ones (art. 18/21)
    and ones suspended after repeated hard bounces are skipped.
    """
    recipients = Subscriber.objects.filter(
        site_id=issue.site_id,
        confirmed_at__isnull=False,
        restricted_at__isnull=True,
        suspended_at__isnull=True,
        language=issue.language,
        scope=issue.scope,
    )
    # Organisations and areas are translated: a subscription names the page or
    # area in the language it was made in, the issue maybe another
    # translation of it (the subscriber may have switched language since).
    if issue.scope == SubscriptionScope.ORGANISATION:
        if issue.organisation is None:
            return recipients.none()
        recipients = recipients.filter(organisation__translation_key=issue.organisation.translation_key)
    elif issue.scope == SubscriptionScope.AREA:
        if issue.area is None:
            return recipients.none()
        recipients = recipients.filter(area__translation_key=issue.area.translation_key)
    return recipients


@transaction.atomic
def newsletter_issue_send(*, issue):
    """Record one pending delivery per recipient, then hand the sending to the task queue."""
    issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
    if issue.status != IssueStatus.DRAFT:
        raise ValidationError(_("This issue has already been sent."))
    issue.status = IssueStatus.SENDING
    issue.sent_at = timezone.now()
    issue.save(update_fields=["status", "sent_at"])
    Delivery.objects.bulk_create(
        [Delivery(issue=issue, subscriber=subscriber) for subscriber in newsletter_issue_recipients(issue=issue)],
        ignore_conflicts=True,
    )
    result = newsletter_issue_deliver_task.using(backend=settings.ENGAGEMENT_TASK_BACKEND).enqueue(issue_id=issue.pk)
    issue.task_id = str(result.id)[:64]
    issue.save(update_fields=["task_id"])
    return issue


def _issue_items(issue):
    items = []
    for item in issue.items.select_related("page").order_by("sort_order"):
        page = item.page.specific
        items.append(
            {
                "title": page.title,
                "summary": item.note or (page.get_listing_summary() if hasattr(page, "get_listing_summary") else ""),
                "url": page.full_url,
            }
        )
    return items


def _mark_for_bounces(message, *, delivery_id):
    """Let a later bounce name its delivery: VERP envelope sender and a header the bounce quotes back."""
    message.extra_headers[DELIVERY_HEADER] = delivery_token(delivery_id=delivery_id)
    envelope_sender = delivery_bounce_address(delivery_id=delivery_id)
    if envelope_sender:
        # The SMTP envelope (MAIL FROM, hence Return-Path) is from_email; readers still see the usual From.
        message.extra_headers["From"] = message.from_email
        message.from_email = envelope_sender


# A worker holds this PostgreSQL session lock (namespace, issue id) while it sends an
# issue; PostgreSQL drops it when the worker's connection ends, killed worker included.
SENDER_LOCK_NAMESPACE = 0x4E4C5452  # "NLTR"
# A worker that has claimed the task takes the lock within milliseconds; until this
# much time has passed since the claim, a task without the lock is not yet stalled.
STALLED_TASK_GRACE = datetime.timedelta(seconds=5)
# Without PostgreSQL (no session locks): a sender silent this long is taken for dead.
SILENT_SENDER_AFTER = datetime.timedelta(minutes=10)
# Claims of one issue's task (each worker that ran it) after which it is left alone.
MAX_SENDING_ATTEMPTS = 5


def _sender_lock_key(issue_id):
    return [SENDER_LOCK_NAMESPACE, issue_id % 2**31]


@contextlib.contextmanager
def _issue_sender_lock(issue_id):
    """Whether this process is now the one sending ``issue_id`` (PostgreSQL: a session advisory lock)."""
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", _sender_lock_key(issue_id))
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with contextlib.suppress(DatabaseError), connection.cursor() as cursor:  # a lost connection lost it too
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", _sender_lock_key(issue_id))


def _issue_sender_alive(issue):
    """Whether some process is sending the issue now (holds its lock, or recently made progress)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = %s AND objid = %s"
                " AND objsubid = 2 AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))",
                _sender_lock_key(issue.pk),
            )
            return cursor.fetchone()[0]
    last = issue.deliveries.exclude(attempted_at=None).order_by("-attempted_at").values_list("attempted_at", flat=True)
    return bool(last) and last[0] > timezone.now() - SILENT_SENDER_AFTER


def _deliver_one(delivery, *, issue, items, connection_):
    if not delivery.subscriber.receives_mail:  # restricted or suspended after the issue was queued
        delivery.status, delivery.error = DeliveryStatus.FAILED, "not sent: processing restricted or suspended"
    else:
        message = _subscriber_email(
            subscriber=delivery.subscriber,
            template="newsletter_issue",
            context={"issue": issue, "items": items},
            html=True,
        )
        _mark_for_bounces(message, delivery_id=delivery.pk)
        try:
            connection_.send_messages([message])
        except smtplib.SMTPRecipientsRefused as error:
            delivery.status, delivery.error = DeliveryStatus.BOUNCED, repr(error)[:2000]
        except Exception as error:  # noqa: BLE001 -- any failure is recorded on the delivery, never lost
            delivery.status, delivery.error = DeliveryStatus.FAILED, repr(error)[:2000]
        else:
            delivery.status, delivery.error = DeliveryStatus.SENT, ""
    delivery.attempted_at = timezone.now()
    delivery.save(update_fields=["status", "error", "attempted_at"])


def newsletter_issue_deliver(*, issue_id):
    """Send every pending delivery of an issue; each result (sent, failed, bounced) is recorded.

    Safe to run again, and at the same time: one process at a time sends an
    issue (a PostgreSQL session lock; a second run returns at once), and each
    delivery is sent inside its own transaction that holds its row
    (``SELECT … FOR UPDATE SKIP LOCKED``) and records the result before it
    commits. A worker killed half-way leaves the message it was sending
    pending (its transaction is rolled back), and the next run resumes with
    the pending ones (``newsletter_issues_resume`` queues it again). The one
    message a kill can duplicate is the one the mail server accepted in the
    milliseconds before the result was committed (at least once, never lost;
    docs/operations.md, "Faults").
    """
    with _issue_sender_lock(issue_id) as sending:
        if not sending:
            return "another worker is sending this issue"
        issue = NewsletterIssue.objects.get(pk=issue_id)
        items = _issue_items(issue)
        pending = issue.deliveries.filter(status=DeliveryStatus.PENDING, subscriber__isnull=False).select_related(
            "subscriber", "subscriber__organisation", "subscriber__area"
        )
        mailer = mailers.default  # one connection for the whole issue
        with contextlib.suppress(Exception):  # each message below retries and records its own error
            mailer.open()
        last_pk = 0
        try:
            while True:
                with transaction.atomic():
                    delivery = (
                        pending.filter(pk__gt=last_pk)
                        .select_for_update(skip_locked=True, of=("self",))
                        .order_by("pk")
                        .first()
                    )
                    if delivery is None:
                        break
                    last_pk = delivery.pk
                    _deliver_one(delivery, issue=issue, items=items, connection_=mailer)
        finally:
            with contextlib.suppress(Exception):  # closing a broken connection must not hide the results
                mailer.close()
        if issue.deliveries.filter(status=DeliveryStatus.PENDING, subscriber__isnull=False).exists():
            return "deliveries held by another worker remain"  # that one finishes the issue
        # Deliveries whose subscriber left before sending are not attempted.
        issue.deliveries.filter(status=DeliveryStatus.PENDING, subscriber__isnull=True).update(
            status=DeliveryStatus.FAILED, error="unsubscribed before sending", attempted_at=timezone.now()
        )
        NewsletterIssue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENT)
        return "sent"


def _task_uuid(task_id):
    try:
        return uuid.UUID(task_id)
    except ValueError:
        return None


def newsletter_issues_resume():
    """Queue again the sending of issues whose worker died; returns their ids.

    django-tasks-db marks a task RUNNING when a worker claims it and never
    looks at it again: a worker killed mid-task leaves it RUNNING for ever, so
    no other worker would take it. An issue still *sending* whose sender is
    gone (nobody holds its lock, the claim is older than a few seconds) gets
    its task back to READY, for the next worker to claim; a task that failed
    (the database went away under it) too. After MAX_SENDING_ATTEMPTS claims
    it is left for a person (logged). ``manage.py db_worker`` calls this when
    it starts and every ``--resume-interval`` seconds
    (engagement/management/commands/db_worker.py).
    """
    resumed = []
    for issue in NewsletterIssue.objects.filter(status=IssueStatus.SENDING):
        if _issue_sender_alive(issue):
            continue
        with transaction.atomic():
            task_result = DBTaskResult.objects.select_for_update().filter(pk=_task_uuid(issue.task_id)).first()
            if task_result is None:  # pruned, or queued by another backend
                result = newsletter_issue_deliver_task.using(backend=settings.ENGAGEMENT_TASK_BACKEND).enqueue(
                    issue_id=issue.pk
                )
                NewsletterIssue.objects.filter(pk=issue.pk).update(task_id=str(result.id)[:64])
            elif task_result.status == TaskResultStatus.READY or (
                task_result.status == TaskResultStatus.RUNNING
                and task_result.started_at
                and task_result.started_at > timezone.now() - STALLED_TASK_GRACE
            ):
                continue
            elif len(task_result.worker_ids) >= MAX_SENDING_ATTEMPTS:
                logger.error(
                    "Newsletter issue %s: %s attempts, not queued again", issue.pk, len(task_result.worker_ids)
                )
                continue
            else:
                task_result.status = TaskResultStatus.READY
                task_result.save(update_fields=["status"])
        logger.warning("Newsletter issue %s: its sender is gone, sending queued again", issue.pk)
        resumed.append(issue.pk)
    return resumed


def newsletter_issue_progress(*, issue):
    counts = dict(issue.deliveries.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    total = sum(counts.values())
    return {
        "total": total,
        "pending": counts.get(DeliveryStatus.PENDING, 0),
        "sent": counts.get(DeliveryStatus.SENT, 0),
        "failed": counts.get(DeliveryStatus.FAILED, 0),
        "bounced": counts.get(DeliveryStatus.BOUNCED, 0),
    }


@task(backend=settings.ENGAGEMENT_TASK_BACKEND)
def newsletter_issue_deliver_task(issue_id):
    """The queued sending of one issue (inline unless TASKS_DATABASE_QUEUE; see partnerhub/settings/base.py).

    The task names its backend (ENGAGEMENT_TASK_BACKEND): the "default" alias
    may be the django-tasks backport that Wagtail uses, whose tasks
    django-tasks-db refuses.
    """
    return newsletter_issue_deliver(issue_id=issue_id)
