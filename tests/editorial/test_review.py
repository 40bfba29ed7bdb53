"""Stale content: due for review on the dashboard, in the weekly digest, and "still accurate"."""

import datetime

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageLogEntry

import pytest

from editorial.models import PageReview
from editorial.selectors import pages_due_for_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def stale_world(world):
    """Everything freshly published except A's fair, last published 400 days ago."""
    for page in Page.objects.filter(depth__gt=1, live=True).specific():
        page.save_revision().publish()
    Page.objects.filter(pk=world.a_live).update(last_published_at=timezone.now() - datetime.timedelta(days=400))
    mail.outbox.clear()
    return world


def _login(client, world, role):
    client.force_login(get_user_model().objects.get(pk=world.users[role]))


class DueForReviewTests:
    def test_a_page_not_reviewed_for_a_year_is_due(self, stale_world):
        org_a = stale_world.page("org_a")
        assert [page.pk for page in pages_due_for_review(section=org_a)] == [stale_world.a_live]
        assert list(pages_due_for_review(section=stale_world.page("org_b"))) == []

    def test_the_period_is_a_setting(self, stale_world, settings):
        settings.EDITORIAL_REVIEW_AFTER_DAYS = 500
        assert list(pages_due_for_review(section=stale_world.page("org_a"))) == []

    def test_the_organisations_dashboard_lists_it_and_nobody_elses(self, stale_world, client):
        _login(client, stale_world, "editor_a")
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Festyn rodzinny" in html.split("editorial-due-for-review", 1)[1]
        _login(client, stale_world, "editor_b")
        assert "Festyn rodzinny" not in client.get(reverse("wagtailadmin_home")).content.decode()

    def test_marking_it_still_accurate_takes_it_off_the_list_and_is_logged(self, stale_world, client):
        _login(client, stale_world, "editor_a")
        response = client.post(reverse("editorial_mark_reviewed", args=[stale_world.a_live]))
        assert response.status_code == 302
        assert list(pages_due_for_review(section=stale_world.page("org_a"))) == []
        entry = PageLogEntry.objects.get(page_id=stale_world.a_live, action="partnerhub.page.reviewed")
        assert entry.user.username == "editor_a"

    def test_another_organisations_editor_cannot_mark_it(self, stale_world, client):
        _login(client, stale_world, "editor_b")
        response = client.post(reverse("editorial_mark_reviewed", args=[stale_world.a_live]))
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
        assert not PageReview.objects.exists()

    def test_marking_a_missing_page_ends_in_a_404_and_records_nothing(self, stale_world, client):
        _login(client, stale_world, "editor_a")
        # LocaleMiddleware first tries the language-prefixed URL, which is not found either.
        response = client.post(reverse("editorial_mark_reviewed", args=[999999]), follow=True)
        assert response.status_code == 404
        assert not PageReview.objects.exists()


class DigestTests:
    def test_the_weekly_digest_goes_to_the_organisations_editors_only(self, stale_world):
        call_command("send_review_digest")

        assert [message.to for message in mail.outbox] == [["editor_a@example.org"]]
        body = mail.outbox[0].body
        assert "Festyn rodzinny" in body
        assert f"http://testserver/admin/pages/{stale_world.a_live}/edit/" in body

    def test_a_dry_run_sends_nothing(self, stale_world):
        call_command("send_review_digest", "--dry-run")
        assert mail.outbox == []
