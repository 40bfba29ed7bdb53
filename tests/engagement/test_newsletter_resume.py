"""A newsletter issue whose worker died is queued again; one whose worker is alive is not.

django-tasks-db leaves a killed worker's task RUNNING for ever (docs/operations.md,
"Faults"); ``newsletter_issues_resume`` (run by ``db_worker``) puts it back.
tests/production/test_fault_worker.py kills real workers; these look at the rules.
"""

import datetime

from django.core import mail
from django.db import connection
from django.utils import timezone

import psycopg
import pytest
from django_tasks_db.models import DBTaskResult

from engagement.models import DeliveryStatus, IssueStatus, NewsletterIssue
from engagement.services.newsletter import (
    MAX_SENDING_ATTEMPTS,
    SENDER_LOCK_NAMESPACE,
    newsletter_issue_deliver,
    newsletter_issue_send,
    newsletter_issues_resume,
)

from .conftest import make_subscriber
from .test_newsletter_sending import database_queue  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued_issue(tree, database_queue):  # noqa: F811
    for n in range(3):
        make_subscriber(email=f"reader{n}@example.org")
    return newsletter_issue_send(issue=NewsletterIssue.objects.create(language="pl", subject="W kolejce"))


def claimed(issue, *, ago, workers=("killed-worker",)):
    DBTaskResult.objects.filter(pk=issue.task_id).update(
        status="RUNNING", started_at=timezone.now() - datetime.timedelta(seconds=ago), worker_ids=list(workers)
    )


@pytest.fixture
def other_session():
    """A second connection to the test database, as another worker's would be."""
    params = connection.settings_dict
    with psycopg.connect(
        host=params["HOST"] or None, port=params["PORT"] or None, user=params["USER"], dbname=params["NAME"]
    ) as other:
        other.autocommit = True
        yield other


def test_a_task_left_running_by_a_dead_worker_is_ready_again(queued_issue):
    claimed(queued_issue, ago=60)
    assert newsletter_issues_resume() == [queued_issue.pk]
    task = DBTaskResult.objects.get(pk=queued_issue.task_id)
    assert task.status == "READY"
    assert task.worker_ids == ["killed-worker"], "the next claim adds its worker"
    assert newsletter_issues_resume() == [], "queued once"


def test_a_task_just_claimed_is_left_to_its_worker(queued_issue):
    claimed(queued_issue, ago=1)
    assert newsletter_issues_resume() == []
    assert DBTaskResult.objects.get(pk=queued_issue.task_id).status == "RUNNING"


def test_a_task_whose_worker_holds_the_issue_is_left_alone_and_a_second_run_sends_nothing(queued_issue, other_session):
    claimed(queued_issue, ago=600)
    other_session.execute("SELECT pg_advisory_lock(%s, %s)", [SENDER_LOCK_NAMESPACE, queued_issue.pk])
    assert newsletter_issues_resume() == []
    assert newsletter_issue_deliver(issue_id=queued_issue.pk) == "another worker is sending this issue"
    assert mail.outbox == []
    other_session.execute("SELECT pg_advisory_unlock_all()")
    assert newsletter_issue_deliver(issue_id=queued_issue.pk) == "sent"
    assert len(mail.outbox) == 3


def test_a_failed_task_is_queued_again_until_the_attempts_run_out(queued_issue):
    DBTaskResult.objects.filter(pk=queued_issue.task_id).update(status="FAILED", worker_ids=["a"])
    assert newsletter_issues_resume() == [queued_issue.pk]
    claimed(queued_issue, ago=60, workers=[f"w{n}" for n in range(MAX_SENDING_ATTEMPTS)])
    assert newsletter_issues_resume() == []


# The other session must see the deliveries: committed for real (the migrated rows restored afterwards).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_deliveries_held_by_another_sender_are_not_sent_again_and_the_issue_is_not_marked_sent(
    queued_issue, other_session
):
    first = queued_issue.deliveries.order_by("pk").first()
    other_session.execute("BEGIN")
    other_session.execute("SELECT 1 FROM engagement_delivery WHERE id = %s FOR UPDATE", [first.pk])
    try:
        assert newsletter_issue_deliver(issue_id=queued_issue.pk) == "deliveries held by another worker remain"
    finally:
        other_session.execute("ROLLBACK")
    assert len(mail.outbox) == 2
    assert first.subscriber.email not in [message.to[0] for message in mail.outbox]
    assert NewsletterIssue.objects.get(pk=queued_issue.pk).status == IssueStatus.SENDING
    first.refresh_from_db()
    assert first.status == DeliveryStatus.PENDING
    assert newsletter_issue_deliver(issue_id=queued_issue.pk) == "sent"
    assert len(mail.outbox) == 3
