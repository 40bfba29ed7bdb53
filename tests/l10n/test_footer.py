"""The footer's texts (network name, address, contact text) are a translatable
snippet: translated in wagtail-localize's editor, shown in the page's language,
falling back to Polish."""

from django.urls import reverse

from wagtail.models import Locale, Site

import pytest

from core.models import NetworkFooter, NetworkSettings
from tests.l10n.conftest import translate

pytestmark = pytest.mark.django_db

FOOTER_DE = {
    "Partnerstwo Lokalne Bolesławiec": "Lokale Partnerschaft Bolesławiec",
    # wagtail-localize stores a line break of plain text as <br/> in the segment.
    "Rynek 41, Bolesławiec<br/>Polska": "Rynek 41, Bolesławiec<br/>Polen",
    "Biuro jest czynne w dni robocze.": "Das Büro ist werktags geöffnet.",
}


@pytest.fixture
def footer(german_tree):
    polish = NetworkFooter.objects.create(
        locale=Locale.get_default(),
        network_name="Partnerstwo Lokalne Bolesławiec",
        address="Rynek 41, Bolesławiec\nPolska",
        contact_text="Biuro jest czynne w dni robocze.",
    )
    NetworkSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={"footer": polish, "contact_email": "biuro@example.org", "contact_phone": "+48 75 000 00 00"},
    )
    return polish


def footer_html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return html, html.split('<footer class="site-footer">', 1)[1]


def test_polish_pages_show_the_polish_footer(client, footer):
    html, footer_part = footer_html(client, "/pl/")
    assert "Partnerstwo Lokalne Bolesławiec" in footer_part
    assert "Rynek 41, Bolesławiec<br>Polska" in footer_part
    assert "Biuro jest czynne w dni robocze." in footer_part
    assert 'href="mailto:biuro@example.org"' in footer_part
    assert "· Partnerstwo Lokalne Bolesławiec</title>" in html


def test_untranslated_footer_falls_back_to_polish_on_german_pages(client, footer):
    html, footer_part = footer_html(client, "/de/")
    assert '<html lang="de">' in html
    assert "Partnerstwo Lokalne Bolesławiec" in footer_part
    assert "Biuro jest czynne w dni robocze." in footer_part


def test_translated_footer_reads_in_german_on_german_pages(client, footer):
    translate(footer, "de", FOOTER_DE)
    html, footer_part = footer_html(client, "/de/partnerstaedte/")
    assert "Lokale Partnerschaft Bolesławiec" in footer_part
    assert "Rynek 41, Bolesławiec<br>Polen" in footer_part
    assert "Das Büro ist werktags geöffnet." in footer_part
    assert "Partnerstwo Lokalne" not in footer_part and "Biuro jest" not in footer_part
    # E-mail and phone are the same in every language.
    assert 'href="mailto:biuro@example.org"' in footer_part
    assert "· Lokale Partnerschaft Bolesławiec</title>" in html
    # Polish pages keep the Polish text.
    _html, footer_part = footer_html(client, "/pl/")
    assert "Partnerstwo Lokalne Bolesławiec" in footer_part and "Lokale Partnerschaft" not in footer_part


def test_partly_translated_footer_falls_back_to_polish_per_text(client, footer):
    translate(footer, "de", {"Partnerstwo Lokalne Bolesławiec": "Lokale Partnerschaft Bolesławiec"})
    _html, footer_part = footer_html(client, "/de/")
    assert "Lokale Partnerschaft Bolesławiec" in footer_part
    assert "Biuro jest czynne w dni robocze." in footer_part


def test_footer_costs_one_query_per_page_whatever_reads_it(client, footer, django_assert_max_num_queries):
    translate(footer, "de", FOOTER_DE)
    settings = NetworkSettings.objects.get()
    from django.utils import translation

    with translation.override("de"), django_assert_max_num_queries(1):
        assert settings.network_name == "Lokale Partnerschaft Bolesławiec"
        assert settings.address.endswith("Polen")
        assert settings.contact_text == "Das Büro ist werktags geöffnet."


def test_translators_translate_the_footer_in_wagtail_localize(client, footer):
    """A translator (the Translators (de) group of the editorial roles) opens the
    footer's translation in wagtail-localize's editor and sees the Polish texts."""
    from django.contrib.auth.models import Group

    from editorial.services import editorial_setup
    from tests.editorial.conftest import make_user

    editorial_setup()
    translator = make_user("tlumacz", Group.objects.get(name="Translators (de)"))
    translate(footer, "de", {})  # submitted for translation, nothing translated yet
    german = footer.get_translation(Locale.objects.get(language_code="de"))
    client.force_login(translator)
    response = client.get(reverse("wagtailsnippets_home_networkfooter:edit", args=[german.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Partnerstwo Lokalne Bolesławiec" in html  # the source text, in the editor's data
    assert "Biuro jest czynne w dni robocze." in html


def test_settings_without_footer_show_the_site_name(client, german_tree, settings):
    settings.WAGTAIL_SITE_NAME = "Sieć testowa"
    html, _footer_part = footer_html(client, "/pl/")
    assert "· Sieć testowa</title>" in html
