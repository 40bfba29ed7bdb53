"""Composing an issue from recent content and sending it in the background, with every delivery recorded."""

import datetime
import smtplib
import socket

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest

from engagement.models import Delivery, DeliveryStatus, IssueStatus, NewsletterIssue, NewsletterIssueItem
from engagement.services.newsletter import newsletter_issue_compose
from tests import factories

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db


class RefusingBackend(LocmemBackend):
    """Behaves like an SMTP server that refuses mailboxes at bounce.invalid."""

    def send_messages(self, messages):
        for message in messages:
            refused = {
                address: (550, b"mailbox unavailable") for address in message.to if address.endswith("@bounce.invalid")
            }
            if refused:
                raise smtplib.SMTPRecipientsRefused(refused)
        return super().send_messages(messages)


@pytest.fixture
def content(tree):
    recent = factories.NewsPageFactory(parent=tree.organisation, title="Festyn rodzinny", date=timezone.localdate())
    old = factories.NewsPageFactory(parent=tree.organisation, title="Stara wiadomość", date=datetime.date(2020, 1, 1))
    with_event = factories.InitiativePageFactory(parent=tree.organisation, title="Klub seniora")
    factories.InitiativeOccurrenceFactory(page=with_event)
    return {"recent": recent, "old": old, "with_event": with_event}


@pytest.fixture
def audience(db):
    return {
        "confirmed": [make_subscriber(email=f"reader{n}@example.org") for n in range(2)],
        "unconfirmed": make_subscriber(email="pending@example.org", confirmed=False),
        "german": make_subscriber(email="leser@example.org", language="de"),
    }


def send(client, issue):
    return client.post(f"/admin/engagement/newsletter/{issue.pk}/send/")


class ComposeTests:
    def test_composing_suggests_recent_news_and_initiatives_with_upcoming_events(
        self, client, tree, content, moderator
    ):
        client.force_login(moderator)
        response = client.post("/admin/engagement/newsletter/compose/", {"language": "pl", "days": 30})
        issue = NewsletterIssue.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/admin/snippets/engagement/newsletterissue/edit/{issue.pk}/"
        titles = [item.page.title for item in issue.items.all()]
        assert "Festyn rodzinny" in titles and "Klub seniora" in titles
        assert "Stara wiadomość" not in titles
        assert issue.language == "pl" and issue.status == IssueStatus.DRAFT

    def test_the_suggestion_stays_editable_in_the_admin(self, client, tree, content, moderator):
        issue = newsletter_issue_compose(language="pl")
        client.force_login(moderator)
        assert client.get(f"/admin/snippets/engagement/newsletterissue/edit/{issue.pk}/").status_code == 200

    def test_drafts_never_appear_in_suggestions(self, tree, content):
        content["recent"].unpublish()
        issue = newsletter_issue_compose(language="pl")
        assert "Festyn rodzinny" not in [item.page.title for item in issue.items.all()]

    def test_only_newsletter_editors_may_compose(self, client, tree, django_user_model):
        from .conftest import onboard

        _page, editor = onboard(tree, "Parafia", editor_username="parish", django_user_model=django_user_model)
        client.force_login(editor)
        client.post("/admin/engagement/newsletter/compose/", {"language": "pl", "days": 30})
        assert not NewsletterIssue.objects.exists()


class SendingTests:
    def test_sending_reaches_only_confirmed_subscribers_of_the_issues_language(
        self, client, tree, content, audience, moderator
    ):
        issue = newsletter_issue_compose(language="pl")
        client.force_login(moderator)
        response = send(client, issue)
        assert response.status_code == 302
        assert sorted(message.to[0] for message in mail.outbox) == ["reader0@example.org", "reader1@example.org"]
        issue.refresh_from_db()
        assert issue.status == IssueStatus.SENT
        assert list(issue.deliveries.values_list("status", flat=True)) == [DeliveryStatus.SENT] * 2
        assert not Delivery.objects.filter(subscriber=audience["unconfirmed"]).exists()

    def test_each_issue_email_has_the_items_and_one_click_unsubscribe(self, client, tree, content, audience, moderator):
        issue = newsletter_issue_compose(language="pl")
        client.force_login(moderator)
        send(client, issue)
        message = mail.outbox[0]
        assert message.subject == issue.subject
        assert "Festyn rodzinny" in message.body
        assert "Wypisz się jednym kliknięciem:" in message.body
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert "/pl/newsletter/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html" and "Festyn rodzinny" in html

    def test_the_german_issue_is_framed_in_german(self, client, tree, audience, moderator):
        issue = NewsletterIssue.objects.create(language="de", subject="Neues aus Borken")
        client.force_login(moderator)
        send(client, issue)
        [message] = mail.outbox
        assert message.to == ["leser@example.org"]
        assert "Mit einem Klick abbestellen:" in message.body
        assert "/de/newsletter/unsubscribe/" in message.body

    def test_an_issue_is_sent_only_once(self, client, tree, audience, moderator):
        issue = NewsletterIssue.objects.create(language="pl", subject="Raz")
        client.force_login(moderator)
        send(client, issue)
        send(client, issue)
        assert len(mail.outbox) == 2
        assert Delivery.objects.count() == 2

    def test_the_progress_view_shows_sent_and_failed_counts(self, client, tree, audience, moderator):
        make_subscriber(email="gone@bounce.invalid")
        issue = NewsletterIssue.objects.create(language="pl", subject="Postęp")
        client.force_login(moderator)
        with override_settings(
            MAILERS={"default": {"BACKEND": "tests.engagement.test_newsletter_sending.RefusingBackend"}}
        ):
            response = send(client, issue)
        progress = client.get(response["Location"])
        assert progress.status_code == 200
        assert progress.context["progress"] == {"total": 3, "pending": 0, "sent": 2, "failed": 0, "bounced": 1}
        assert "gone@bounce.invalid" in progress.content.decode()


class FailureTests:
    def test_a_refused_address_is_recorded_as_bounced_and_the_others_still_get_it(
        self, tree, audience, moderator, client
    ):
        bouncing = make_subscriber(email="gone@bounce.invalid")
        issue = NewsletterIssue.objects.create(language="pl", subject="Odbicia")
        client.force_login(moderator)
        with override_settings(
            MAILERS={"default": {"BACKEND": "tests.engagement.test_newsletter_sending.RefusingBackend"}}
        ):
            send(client, issue)
        delivery = Delivery.objects.get(subscriber=bouncing)
        assert delivery.status == DeliveryStatus.BOUNCED
        assert "550" in delivery.error
        assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 2

    def test_an_unreachable_mail_server_is_recorded_on_every_delivery(self, tree, audience, moderator, client):
        with socket.socket() as probe:  # a port nobody listens on
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        issue = NewsletterIssue.objects.create(language="pl", subject="Awaria")
        client.force_login(moderator)
        with override_settings(
            MAILERS={
                "default": {
                    "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                    "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
                }
            }
        ):
            send(client, issue)
        deliveries = list(issue.deliveries.all())
        assert len(deliveries) == 2
        assert {delivery.status for delivery in deliveries} == {DeliveryStatus.FAILED}
        assert all(
            "Connection refused" in delivery.error or "ConnectionRefusedError" in delivery.error
            for delivery in deliveries
        )
        assert all(delivery.attempted_at for delivery in deliveries)


@pytest.fixture
def database_queue():
    """The production queue settings (TASKS_DATABASE_QUEUE=true).

    Both task frameworks (Django's and the backport Wagtail uses) cache their
    settings: reset them around the override.
    """
    from django.tasks import task_backends

    import django_tasks
    from asgiref.local import Local

    def reset():
        for handler in (task_backends, django_tasks.task_backends):
            handler.__dict__.pop("settings", None)
            handler._connections = Local(handler.thread_critical)

    tasks = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "database": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    }
    with override_settings(TASKS=tasks, ENGAGEMENT_TASK_BACKEND="database"):
        reset()
        yield
    reset()


class DatabaseWorkerTests:
    # The worker closes database connections between tasks, as in production:
    # this test needs real commits (and restores the migrated data afterwards).
    @pytest.mark.django_db(transaction=True, serialized_rollback=True)
    def test_with_the_database_queue_nothing_is_sent_until_the_worker_runs(
        self, client, tree, audience, moderator, database_queue
    ):
        issue = NewsletterIssue.objects.create(language="pl", subject="W kolejce")
        client.force_login(moderator)
        send(client, issue)
        assert mail.outbox == []
        progress = client.get(f"/admin/engagement/newsletter/{issue.pk}/progress/")
        assert progress.context["progress"]["pending"] == 2

        call_command("db_worker", "--backend", "database", "--batch", "--no-startup-delay")

        assert len(mail.outbox) == 2
        issue.refresh_from_db()
        assert issue.status == IssueStatus.SENT
        assert set(issue.deliveries.values_list("status", flat=True)) == {DeliveryStatus.SENT}

    def test_the_queue_settings_pass_the_system_checks(self, database_queue):
        call_command("check", "--fail-level", "WARNING")


def test_items_keep_the_moderators_order(tree, content):
    issue = newsletter_issue_compose(language="pl")
    first = issue.items.order_by("sort_order").first()
    assert isinstance(first, NewsletterIssueItem)
    assert first.page.title == "Festyn rodzinny"


class ProgressQueryTests:
    @pytest.mark.parametrize("failures", [5, 50])
    def test_the_progress_page_query_count_does_not_grow_with_failures(
        self, client, tree, moderator, failures, django_assert_max_num_queries
    ):
        issue = NewsletterIssue.objects.create(language="pl", subject="Dużo błędów", status=IssueStatus.SENT)
        for n in range(failures):
            Delivery.objects.create(
                issue=issue,
                subscriber=make_subscriber(email=f"f{n}@bounce.invalid"),
                status=DeliveryStatus.BOUNCED,
                error="550",
                attempted_at=timezone.now(),
            )
        client.force_login(moderator)
        with django_assert_max_num_queries(25):
            response = client.get(f"/admin/engagement/newsletter/{issue.pk}/progress/")
        assert response.context["progress"]["bounced"] == failures
        assert "f4@bounce.invalid" in response.content.decode()


def test_moderators_find_compose_in_the_engagement_menu(client, tree, moderator):
    client.force_login(moderator)
    assert "/admin/engagement/newsletter/compose/" in client.get("/admin/").content.decode()
