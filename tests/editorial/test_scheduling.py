"""Scheduled publishing and expiry, end to end through the admin and publish_scheduled."""

import datetime

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, Revision, TaskState

import pytest

from .conftest import news_form_data

pytestmark = pytest.mark.django_db


def _login(client, world, role):
    client.force_login(get_user_model().objects.get(pk=world.users[role]))


def _move_schedule_to_the_past(revision):
    """Stand-in for waiting: the stored go-live moment is moved an hour into the past."""
    past = timezone.now() - datetime.timedelta(hours=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])


class ScheduledPublishingTests:
    def test_an_approved_page_with_a_go_live_date_waits_for_publish_scheduled(self, world, client):
        page = Page.objects.get(pk=world.a_draft).specific
        go_live = timezone.localtime(timezone.now() + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
        _login(client, world, "editor_a")
        client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            news_form_data(page, go_live_at=go_live, **{"action-submit": "1"}),
        )
        task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")

        _login(client, world, "moderator")
        client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {"comment": ""}
        )

        page = Page.objects.get(pk=page.pk)
        revision = Revision.page_revisions.get(object_id=str(page.pk), approved_go_live_at__isnull=False)
        assert not page.live
        client.logout()
        assert client.get("/pl/czlonkowie/aktywni/szkic/").status_code == 404
        _login(client, world, "editor_a")
        section = client.get(reverse("wagtailadmin_home")).content.decode().split('id="editorial-section-', 1)[1]
        assert "Tajny szkic" in section.split('class="editorial-scheduled"', 1)[1]

        call_command("publish_scheduled")  # before the date: nothing happens
        assert not Page.objects.get(pk=page.pk).live

        _move_schedule_to_the_past(revision)
        call_command("publish_scheduled")

        assert Page.objects.get(pk=page.pk).live
        client.logout()
        assert "Tajny szkic" in client.get("/pl/czlonkowie/aktywni/szkic/").content.decode()
        assert "Tajny szkic" in client.get("/pl/aktualnosci/").content.decode()
        assert PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish.scheduled").exists()


class ExpiryTests:
    def test_an_expired_page_disappears_at_once_and_publish_scheduled_unpublishes_it(self, world, client):
        page = Page.objects.get(pk=world.a_live)
        assert client.get("/pl/czlonkowie/aktywni/festyn/").status_code == 200
        page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        page.save(update_fields=["expire_at"])

        # Before the command runs, the public already gets a 404.
        assert client.get("/pl/czlonkowie/aktywni/festyn/").status_code == 404

        call_command("publish_scheduled")
        page.refresh_from_db()
        assert not page.live and page.expired
        assert client.get("/pl/czlonkowie/aktywni/festyn/").status_code == 404
        assert "Festyn rodzinny" not in client.get("/pl/aktualnosci/").content.decode()
        assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish.scheduled").exists()

    def test_a_page_expiring_later_is_still_served(self, world, client):
        Page.objects.filter(pk=world.a_live).update(expire_at=timezone.now() + datetime.timedelta(days=1))
        call_command("publish_scheduled")
        assert client.get("/pl/czlonkowie/aktywni/festyn/").status_code == 200
