"""Outside translators: download a PO file from the admin, translate, upload it back."""

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

import polib
import pytest

from tests import factories
from tests.l10n.conftest import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def german_translation(german_tree):
    page = factories.StandardPageFactory(
        parent=german_tree.home, title="Kontakt", slug="kontakt", introduction="Zapraszamy do biura."
    )
    return translate(page, "de", {})


def download(admin_client, translation):
    response = admin_client.get(f"/admin/localize/translate/{translation.id}/pofile/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation"
    return polib.pofile(response.content.decode())


def upload(admin_client, translation, content, next_url="/admin/"):
    return admin_client.post(
        f"/admin/localize/translate/{translation.id}/pofile/upload/",
        {
            "file": SimpleUploadedFile("de.po", content.encode(), content_type="text/x-gettext-translation"),
            "next": next_url,
        },
        follow=True,
    )


def messages_of(response):
    return [str(message).strip() for message in response.context["messages"]]


def test_po_export_edit_import_round_trip(admin_client, german_translation, client):
    po = download(admin_client, german_translation)
    assert {entry.msgid for entry in po} >= {"Kontakt", "Zapraszamy do biura."}
    for entry in po:
        if entry.msgid == "Zapraszamy do biura.":
            entry.msgstr = "Besuchen Sie uns im Büro."
    response = upload(admin_client, german_translation, str(po))
    assert "Successfully imported translations from PO File." in messages_of(response)
    assert StringTranslation.objects.filter(data="Besuchen Sie uns im Büro.").exists()

    # The translator's work reaches the German page once it is saved again.
    german_translation.save_target(publish=True)
    page = german_translation.get_target_instance()
    assert page.specific.introduction == "Besuchen Sie uns im Büro."
    # And a fresh download carries it back out.
    again = download(admin_client, german_translation)
    assert {entry.msgid: entry.msgstr for entry in again}["Zapraszamy do biura."] == "Besuchen Sie uns im Büro."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("this is not a PO file\nat all", "The file is not a valid PO file"),
        ('msgid "Kontakt"\nmsgstr "Kontakt DE"\n', "no X-WagtailLocalize-TranslationID header"),
        ("", "The file is empty."),
    ],
)
def test_malformed_po_upload_is_rejected_and_changes_nothing(admin_client, german_translation, content, message):
    before = list(StringTranslation.objects.values_list("id", "data"))
    response = upload(admin_client, german_translation, content)
    assert response.status_code == 200
    assert any(message in text for text in messages_of(response)), messages_of(response)
    assert list(StringTranslation.objects.values_list("id", "data")) == before


def test_po_file_of_another_translation_is_rejected(admin_client, german_translation, german_tree):
    other = translate(german_tree.partner, "de", {})
    po = download(admin_client, other)
    for entry in po:
        entry.msgstr = "Falsch"
    before = StringTranslation.objects.count()
    response = upload(admin_client, german_translation, str(po))
    assert "Cannot import PO file that was created for a different translation." in messages_of(response)
    assert StringTranslation.objects.count() == before
    assert Locale.objects.filter(language_code="de").exists()
