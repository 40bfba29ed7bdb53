"""The records of processing: what personal data is held, why and for how long."""

import csv
import io

from django.utils import translation

import pytest

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db

URL = "/admin/engagement/records-of-processing/"


@pytest.fixture(autouse=True)
def retention_settings(settings):
    settings.ENGAGEMENT_FORM_RETENTION_DAYS = 90
    settings.ENGAGEMENT_UNCONFIRMED_RETENTION_DAYS = 5


@pytest.fixture
def superuser(superuser):
    """An administrator who reads the admin in English (the default site language is Polish)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "en"
    profile.save()
    return superuser


class RecordsTests:
    def test_administrators_see_every_category_with_counts_and_retention(self, client, tree, superuser):
        make_subscriber(email="a@example.org")
        make_subscriber(email="b@example.org")
        make_subscriber(email="c@example.org", confirmed=False)
        client.force_login(superuser)
        response = client.get(URL)
        assert response.status_code == 200
        with translation.override("en"):  # the context holds lazy strings
            rows = {str(row["category"]): row for row in response.context["rows"]}
            assert "5 days" in str(rows["Newsletter sign-ups awaiting confirmation"]["retention"])
            assert "90 days" in str(rows["Contact form messages"]["retention"])
        assert rows["Newsletter subscribers (confirmed)"]["count"] == 2
        assert rows["Newsletter sign-ups awaiting confirmation"]["count"] == 1
        assert rows["Newsletter subscribers (confirmed)"]["since"] is not None

    def test_pending_address_changes_are_listed_with_their_lifetime(self, client, tree, superuser):
        from django.utils import timezone

        moving = make_subscriber(email="old@example.org")
        moving.pending_email, moving.pending_email_at = "new@example.org", timezone.now()
        moving.save()
        make_subscriber(email="stays@example.org")
        client.force_login(superuser)
        response = client.get(URL)
        with translation.override("en"):
            rows = {str(row["category"]): row for row in response.context["rows"]}
            pending = rows["Newsletter address changes awaiting confirmation"]
            assert "7 days" in str(pending["retention"])
        assert pending["count"] == 1
        assert pending["since"] is not None

    def test_the_csv_export_has_one_row_per_category(self, client, tree, superuser):
        make_subscriber()
        client.force_login(superuser)
        response = client.get(URL + "?format=csv")
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        assert [row["category"] for row in rows][:2] == [
            "Newsletter subscribers (confirmed)",
            "Newsletter sign-ups awaiting confirmation",
        ]
        assert rows[0]["count"] == "1"
        assert rows[0]["legal_basis"].startswith("Consent")
        assert rows[0]["since"]

    def test_it_is_for_administrators_only(self, client, tree, moderator):
        client.force_login(moderator)
        assert client.get(URL).status_code in (302, 403)
        assert client.get(URL + "?format=csv").status_code in (302, 403)

    def test_the_menu_shows_it_to_administrators(self, client, tree, superuser):
        client.force_login(superuser)
        assert URL in client.get("/admin/").content.decode()
