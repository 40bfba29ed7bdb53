"""When the Polish source changes, syncing updates the translation: untranslated
segments follow the new Polish text, translated ones stay translated."""

from django.test import TestCase

from wagtail.models import Locale

import pytest

from tests import factories
from tests.l10n.conftest import translate

pytestmark = pytest.mark.django_db


def sync(translation):
    """What wagtail-localize's "Sync translated pages" action does."""
    translation.source.update_from_db()
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)


def test_sync_updates_untranslated_segments_and_keeps_translated_ones(client, german_tree):
    page = factories.StandardPageFactory(
        parent=german_tree.home,
        title="Cele statutowe",
        slug="cele",
        introduction="Wymiana mieszkańców.",
        body=[("paragraph", "<p>Wystawy i sympozja.</p>")],
    )
    translation = translate(page, "de", {"Cele statutowe": "Satzungsziele", "Wymiana mieszkańców.": "Bürgeraustausch."})
    german_url = page.get_translation(Locale.objects.get(language_code="de")).url
    html = client.get(german_url).content.decode()
    assert "Wystawy i sympozja." in html  # untranslated: falls back to Polish

    page.body = [("paragraph", "<p>Wspólne wystawy, sympozja i zawody sportowe.</p>")]
    page.save_revision().publish()
    sync(translation)

    html = client.get(german_url).content.decode()
    assert "Wspólne wystawy, sympozja i zawody sportowe." in html
    assert "Wystawy i sympozja." not in html
    assert "Satzungsziele" in html
    assert "Bürgeraustausch." in html
    assert "Wymiana mieszkańców." not in html


def test_sync_copies_synchronised_fields(client, german_tree):
    news = factories.NewsPageFactory(parent=german_tree.organisation, title="Zjazd", slug="zjazd")
    translate(german_tree.organisation, "de", {})
    translation = translate(news, "de", {"Zjazd": "Treffen"})
    news.date = news.date.replace(year=2024)
    news.save_revision().publish()
    sync(translation)
    german = news.get_translation(Locale.objects.get(language_code="de")).specific
    assert german.date.year == 2024
    assert german.title == "Treffen"
