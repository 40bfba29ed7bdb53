"""The directory in Wagtail's admin: the snippet list with its filters and the
"dormant?" flag, the upload view, the bulk action and the list export."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from directory.facets import partnerships_dormant
from directory.models import Partnership
from tests import factories

from .conftest import SAMPLE, csv_bytes, import_csv, row

pytestmark = pytest.mark.django_db

LIST_URL = "wagtailsnippets_partners_partnership:list"


@pytest.fixture
def moderator(django_user_model, client):
    user = django_user_model.objects.create_superuser("moderator", "m@example.org", "pw")
    client.force_login(user)
    return user


def _months_ago(months):
    return datetime.date.today() - datetime.timedelta(days=months * 31)


class TestDormancy:
    def test_partnerships_without_activity_for_24_months_are_flagged(self, tree, areas):
        import_csv(
            [
                row(partner_name="Silent", since="2001-05-03"),
                row(partner_name="Busy", since="2001-05-03", last_activity=_months_ago(3).isoformat()),
                row(partner_name="New", since=_months_ago(6).isoformat()),
                row(partner_name="Ended", since="2001-05-03", status="ended"),
                row(partner_name="Through an initiative", since="2001-05-03"),
                row(partner_name="Through news", since="2001-05-03"),
            ]
        )
        organisation = tree.organisation
        recent = factories.InitiativePageFactory(
            parent=organisation, start_date=_months_ago(2), end_date=_months_ago(2)
        )
        recent.partners.add(tree.partner)
        recent.save_revision().publish()
        Partnership.objects.filter(partner_name="Through an initiative").update(partner_page=tree.partner)

        other_partner = factories.PartnerPageFactory(parent=tree.partners, title="Méru")
        old = factories.InitiativePageFactory(parent=organisation, start_date=datetime.date(2010, 1, 1), end_date=None)
        old.partners.add(other_partner)
        old.save_revision().publish()
        factories.NewsPageFactory(parent=organisation, date=_months_ago(1), related_initiative=old)
        Partnership.objects.filter(partner_name="Through news").update(partner_page=other_partner)

        dormant = set(partnerships_dormant().values_list("partner_name", flat=True))
        assert dormant == {"Silent"}

    def test_the_admin_list_shows_the_flag_and_filters_by_it(self, client, moderator, areas):
        import_csv(
            [row(partner_name="Silent", since="2001"), row(partner_name="Busy", since=str(datetime.date.today().year))]
        )
        response = client.get(reverse(LIST_URL))
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count("dormant?") == 1
        response = client.get(reverse(LIST_URL), {"dormant": "true"})
        assert "Silent" in response.content.decode() and "Busy" not in response.content.decode()

    def test_the_list_filters_by_country_and_searches_without_diacritics(self, client, moderator, areas):
        with SAMPLE.open("rb") as file:
            from directory.importing import partnerships_import_file

            partnerships_import_file(file=file, filename="s.csv")
        html = client.get(reverse(LIST_URL), {"country": "LT"}).content.decode()
        assert "Mickūnai" in html and "Borken" not in html
        html = client.get(reverse(LIST_URL), {"q": "cesis"}).content.decode()
        assert "Cēsis" in html and "Borken" not in html

    def test_the_list_export_gives_a_spreadsheet(self, client, moderator, areas):
        import_csv([row(partner_name="Borken")])
        response = client.get(reverse(LIST_URL), {"export": "csv"})
        assert response.status_code == 200
        body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
        assert "Borken" in body


class TestUploadView:
    def test_a_moderator_runs_a_dry_run_then_imports(self, client, moderator, areas):
        url = reverse("partnerships_import")
        upload = SimpleUploadedFile("sample.csv", SAMPLE.read_bytes(), content_type="text/csv")
        response = client.post(url, {"file": upload, "dry_run": "on"})
        assert response.status_code == 200
        assert "Dry run, nothing was saved." in response.content.decode()
        assert Partnership.objects.count() == 0
        upload = SimpleUploadedFile("sample.csv", SAMPLE.read_bytes(), content_type="text/csv")
        response = client.post(url, {"file": upload})
        assert "11 new" in response.content.decode()
        assert Partnership.objects.count() == 11

    def test_problems_are_listed_by_row_and_column_and_nothing_is_saved(self, client, moderator, areas):
        data = csv_bytes([row(partner_name="Borken"), row(partner_name="Méru", country="Atlantis")])
        upload = SimpleUploadedFile("bad.csv", data, content_type="text/csv")
        html = client.post(reverse("partnerships_import"), {"file": upload}).content.decode()
        assert "<td>3</td><td>country</td>" in html
        assert "Unknown country “Atlantis”" in html
        assert Partnership.objects.count() == 0

    def test_a_wrong_file_type_is_refused_with_a_message(self, client, moderator, areas):
        upload = SimpleUploadedFile("list.pdf", b"%PDF", content_type="application/pdf")
        html = client.post(reverse("partnerships_import"), {"file": upload}).content.decode()
        assert "Only .csv and .xlsx files can be imported." in html

    def test_an_editor_without_partnership_rights_cannot_import(self, client, django_user_model, areas):
        editor = django_user_model.objects.create_user("editor", "e@example.org", "pw")
        group = Group.objects.create(name="Organisation editors without directory rights")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        editor.groups.add(group)
        client.force_login(editor)
        # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message.
        response = client.get(reverse("partnerships_import"))
        assert (response.status_code, response.url) == (302, "/admin/")
        upload = SimpleUploadedFile("sample.csv", SAMPLE.read_bytes(), content_type="text/csv")
        response = client.post(reverse("partnerships_import"), {"file": upload})
        assert (response.status_code, response.url) == (302, "/admin/")
        assert Partnership.objects.count() == 0


class TestBulkAction:
    def test_record_activity_today_clears_the_dormant_flag(self, client, moderator, areas):
        import_csv([row(partner_name="Silent", since="2001"), row(partner_name="Other", since="2001")])
        silent = Partnership.objects.get(partner_name="Silent")
        url = (
            reverse("wagtail_bulk_action", args=("partners", "partnership", "record_activity"))
            + f"?id={silent.pk}&next=/admin/"
        )
        assert client.get(url).status_code == 200
        response = client.post(url)
        assert response.status_code == 302
        silent.refresh_from_db()
        assert silent.last_activity == datetime.date.today()
        assert set(partnerships_dormant().values_list("partner_name", flat=True)) == {"Other"}
