"""Contact forms per organisation: submissions visible only to that organisation's editors."""

from django.core import mail

from wagtail.contrib.forms.models import FormSubmission
from wagtail.test.utils import WagtailPageTestCase

import pytest

from engagement.models import AccessionPage, ContactFormField, ContactFormPage
from home.models import HomePage
from initiatives.models import NewsIndexPage
from partners.models import MemberOrganisationIndexPage, MemberOrganisationPage

from .conftest import human, onboard

pytestmark = pytest.mark.django_db


def contact_page(parent, *, to_address=""):
    page = ContactFormPage(
        title="Kontakt",
        slug="kontakt",
        to_address=to_address,
        from_address="no-reply@example.org",
        subject="Wiadomość ze strony",
    )
    parent.add_child(instance=page)
    ContactFormField.objects.create(page=page, label="Imię", field_type="singleline", required=True, sort_order=0)
    ContactFormField.objects.create(page=page, label="Wiadomość", field_type="multiline", required=True, sort_order=1)
    return page


@pytest.fixture
def two_organisations(tree, django_user_model):
    a, editor_a = onboard(tree, "Caritas", editor_username="editor-a", django_user_model=django_user_model)
    b, editor_b = onboard(tree, "PCK", editor_username="editor-b", django_user_model=django_user_model)
    return {
        "a": a,
        "editor_a": editor_a,
        "form_a": contact_page(a, to_address="caritas@example.org"),
        "b": b,
        "editor_b": editor_b,
        "form_b": contact_page(b),
    }


def send_message(client, page, **extra):
    return client.post(page.url, {"imie": "Ewa", "wiadomosc": "Chcę pomóc w zbiórce.", **human(**extra)})


class PageTreeTests:
    def test_contact_forms_live_under_an_organisation_or_the_home_page(self):
        case = WagtailPageTestCase()
        case.assertCanCreateAt(MemberOrganisationPage, ContactFormPage)
        case.assertCanCreateAt(HomePage, ContactFormPage)
        case.assertCanNotCreateAt(NewsIndexPage, ContactFormPage)

    def test_the_accession_page_lives_under_the_members_page_or_the_home_page(self):
        case = WagtailPageTestCase()
        case.assertCanCreateAt(MemberOrganisationIndexPage, AccessionPage)
        case.assertCanCreateAt(HomePage, AccessionPage)
        case.assertCanNotCreateAt(MemberOrganisationPage, AccessionPage)


class ContactSubmissionTests:
    def test_a_message_is_stored_and_mailed_to_the_organisation(self, client, two_organisations):
        form = two_organisations["form_a"]
        response = send_message(client, form)
        assert response.status_code == 200
        assert "Dziękujemy za wiadomość" in response.content.decode()
        submission = FormSubmission.objects.get(page=form)
        assert submission.get_data()["wiadomosc"] == "Chcę pomóc w zbiórce."
        assert "whf_name" not in submission.form_data and "whf_time" not in submission.form_data
        assert mail.outbox[0].to == ["caritas@example.org"]

    def test_a_missing_field_is_named_and_nothing_is_stored(self, client, two_organisations):
        response = client.post(two_organisations["form_a"].url, {"imie": "Ewa"})
        assert "wiadomosc" in response.context["form"].errors
        assert not FormSubmission.objects.exists()

    @pytest.mark.parametrize(
        "trap", [{"whf_name": "http://spam.example"}, {"whf_time": "now"}], ids=["filled", "too fast"]
    )
    def test_a_tripped_honeypot_is_thanked_but_not_stored(self, client, two_organisations, trap):
        html = client.get(two_organisations["form_a"].url).content.decode()
        assert 'name="whf_name"' in html and 'name="whf_time"' in html
        response = send_message(client, two_organisations["form_a"], **trap)
        assert "Dziękujemy za wiadomość" in response.content.decode()
        assert not FormSubmission.objects.exists()
        assert mail.outbox == []

    def test_an_editor_can_switch_the_honeypot_off_for_one_form(self, client, two_organisations):
        form = two_organisations["form_a"]
        form.honeypot = False
        form.save_revision().publish()
        assert 'name="whf_name"' not in client.get(form.url).content.decode()
        client.post(form.url, {"imie": "Ewa", "wiadomosc": "Bez pułapki."})
        assert FormSubmission.objects.get(page=form).get_data()["wiadomosc"] == "Bez pułapki."

    def test_the_sixth_message_in_a_minute_is_refused_with_429(self, client, two_organisations):
        for _n in range(5):
            assert send_message(client, two_organisations["form_b"]).status_code == 200
        response = send_message(client, two_organisations["form_b"])
        assert response.status_code == 429
        assert FormSubmission.objects.count() == 5

    def test_message_text_is_escaped_on_the_form(self, client, two_organisations):
        response = client.post(two_organisations["form_a"].url, {"imie": "<script>x()</script>"})
        assert "<script>x()</script>" not in response.content.decode()


class SubmissionPermissionTests:
    def test_each_editor_lists_only_their_own_organisations_forms(self, client, two_organisations):
        client.force_login(two_organisations["editor_b"])
        html = client.get("/admin/forms/").content.decode()
        assert f"/admin/forms/submissions/{two_organisations['form_b'].pk}/" in html
        assert f"/admin/forms/submissions/{two_organisations['form_a'].pk}/" not in html

    def test_an_editor_cannot_read_another_organisations_submissions(self, client, two_organisations):
        send_message(client, two_organisations["form_a"])
        client.force_login(two_organisations["editor_b"])
        response = client.get(f"/admin/forms/submissions/{two_organisations['form_a'].pk}/")
        assert response.status_code in (302, 403)
        assert "Chcę pomóc" not in response.content.decode()
        csv = client.get(f"/admin/forms/submissions/{two_organisations['form_a'].pk}/?export=csv")
        assert "Chcę pomóc" not in csv.content.decode()

    def test_the_organisations_own_editor_reads_its_submissions(self, client, two_organisations):
        send_message(client, two_organisations["form_a"])
        client.force_login(two_organisations["editor_a"])
        response = client.get(f"/admin/forms/submissions/{two_organisations['form_a'].pk}/")
        assert response.status_code == 200
        assert "Chcę pomóc w zbiórce." in response.content.decode()
