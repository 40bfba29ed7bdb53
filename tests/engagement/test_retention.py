"""Retention: only what is past its period is purged, and every purge is logged."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

import pytest

from engagement.models import AccessionRequest, AccessionStatus, PurgeLog, Subscriber

from .conftest import make_subscriber
from .test_contact_forms import contact_page

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def aged(queryset, field, days):
    queryset.update(**{field: timezone.now() - days * DAY})


def accession(name, status, decided_days_ago=None):
    now = timezone.now()
    return AccessionRequest.objects.create(
        organisation_name=name,
        kind="ngo",
        contact_person="X",
        email=f"{name}@example.org",
        language="pl",
        consent_text="c",
        consented_at=now,
        status=status,
        decided_at=now - decided_days_ago * DAY if decided_days_ago is not None else None,
    )


@pytest.fixture(autouse=True)
def retention_settings(settings):
    settings.ENGAGEMENT_FORM_RETENTION_DAYS = 30
    settings.ENGAGEMENT_UNCONFIRMED_RETENTION_DAYS = 7


class PurgeTests:
    def test_the_purge_removes_only_what_is_due_and_logs_it(self, tree):
        form = contact_page(tree.organisation)
        old_message = FormSubmission.objects.create(page=form, form_data={"wiadomosc": "old"})
        new_message = FormSubmission.objects.create(page=form, form_data={"wiadomosc": "new"})
        aged(FormSubmission.objects.filter(pk=old_message.pk), "submit_time", 31)
        aged(FormSubmission.objects.filter(pk=new_message.pk), "submit_time", 29)

        stale = make_subscriber(email="stale@example.org", confirmed=False)
        fresh = make_subscriber(email="fresh@example.org", confirmed=False)
        loyal = make_subscriber(email="loyal@example.org", confirmed=True)
        aged(Subscriber.objects.filter(pk__in=[stale.pk, loyal.pk]), "consented_at", 8)
        aged(Subscriber.objects.filter(pk=fresh.pk), "consented_at", 6)

        accession("decided-long-ago", AccessionStatus.REJECTED, decided_days_ago=31)
        accession("decided-recently", AccessionStatus.APPROVED, decided_days_ago=2)
        accession("still-pending", AccessionStatus.PENDING)

        out = StringIO()
        call_command("purge_personal_data", stdout=out)

        assert list(FormSubmission.objects.values_list("pk", flat=True)) == [new_message.pk]
        assert set(Subscriber.objects.values_list("email", flat=True)) == {"fresh@example.org", "loyal@example.org"}
        assert set(AccessionRequest.objects.values_list("organisation_name", flat=True)) == {
            "decided-recently",
            "still-pending",
        }
        logged = {entry.category: entry.deleted for entry in PurgeLog.objects.all()}
        assert logged == {
            "form submissions": 1,
            "unconfirmed subscriptions": 1,
            "decided accession requests": 1,
            "expired address changes": 0,
        }
        assert "unconfirmed subscriptions: deleted 1" in out.getvalue()

    def test_a_dry_run_deletes_and_logs_nothing(self, tree):
        aged(Subscriber.objects.filter(pk=make_subscriber(confirmed=False).pk), "consented_at", 30)
        out = StringIO()
        call_command("purge_personal_data", "--dry-run", stdout=out)
        assert Subscriber.objects.count() == 1
        assert not PurgeLog.objects.exists()
        assert "unconfirmed subscriptions: would delete 1" in out.getvalue()

    def test_the_log_holds_counts_never_the_data(self, tree):
        aged(
            Subscriber.objects.filter(pk=make_subscriber(email="secret@example.org", confirmed=False).pk),
            "consented_at",
            30,
        )
        call_command("purge_personal_data", stdout=StringIO())
        assert "secret@example.org" not in str(list(PurgeLog.objects.values()))
