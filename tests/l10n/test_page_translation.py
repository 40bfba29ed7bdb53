"""Every page type and the cooperation-area snippet, translated from Polish to
German through wagtail-localize's services, reads in German at /de/…."""

import datetime

from django.utils import translation

from wagtail.models import Page
from wagtail_localize.models import TranslationSource

import pytest

from partners.models import CooperationArea
from tests import factories
from tests.l10n.conftest import translate

pytestmark = pytest.mark.django_db


def german_page(client, page):
    german = page.get_translation(page.locale.__class__.objects.get(language_code="de"))
    response = client.get(german.url)
    assert response.status_code == 200, german.url
    html = response.content.decode()
    assert '<html lang="de">' in html
    return german, html


def test_home_page_reads_in_german_with_german_interface(client, german_tree):
    german, html = german_page(client, german_tree.home)
    assert german.url == "/de/"
    assert "Gemeinsam vor Ort" in html
    assert "Razem działamy lokalnie" not in html
    # Interface strings come from the German catalogue.
    assert "Zum Hauptinhalt springen" in html
    assert "Skip to main content" not in html


def test_index_pages_have_translated_slugs(client, german_tree):
    german, html = german_page(client, german_tree.partners)
    assert german.url == "/de/partnerstaedte/"
    assert "<h1>Partnerstädte</h1>" in html or "Partnerstädte" in html
    # The Polish slug the translation started from redirects to the German one.
    response = client.get("/de/partnerzy/")
    assert response.status_code == 301
    assert response["Location"] == "/de/partnerstaedte/"


def test_standard_page_body_is_translated(client, german_tree):
    page = factories.StandardPageFactory(
        parent=german_tree.home,
        title="O stowarzyszeniu",
        slug="o-stowarzyszeniu",
        introduction="Stowarzyszenie założono w styczniu 2012 roku.",
        body=[("paragraph", "<p>Wymiana mieszkańców i młodzieży.</p>")],
    )
    translate(
        page,
        "de",
        {
            "O stowarzyszeniu": "Über den Verein",
            "o-stowarzyszeniu": "ueber-den-verein",
            "Stowarzyszenie założono w styczniu 2012 roku.": "Der Verein wurde im Januar 2012 gegründet.",
            "Wymiana mieszkańców i młodzieży.": "Austausch von Einwohnern und Jugendlichen.",
        },
    )
    german, html = german_page(client, page)
    assert german.url == "/de/ueber-den-verein/"
    assert "Über den Verein" in html
    assert "Der Verein wurde im Januar 2012 gegründet." in html
    assert "Austausch von Einwohnern und Jugendlichen." in html
    assert "Wymiana" not in html


def test_partner_page_translates_text_and_keeps_facts(client, german_tree, locales):
    area = factories.CooperationAreaFactory(name="Kultura", slug="kultura")
    translate(area, "de", {"Kultura": "Kultur"})
    partner = german_tree.partner
    partner.summary = "Miasto partnerskie w Nadrenii Północnej-Westfalii."
    partner.region = "Nadrenia Północna-Westfalia"
    partner.cooperation_since_date = datetime.date(2011, 6, 19)
    partner.cooperation_since_year = 2011
    partner.save_revision().publish()
    partner.areas.add(area)
    partner.save_revision().publish()
    translate(
        Page.objects.get(pk=partner.pk).specific,
        "de",
        {
            "Miasto partnerskie w Nadrenii Północnej-Westfalii.": "Partnerstadt in Nordrhein-Westfalen.",
            "Nadrenia Północna-Westfalia": "Nordrhein-Westfalen",
        },
    )
    german, html = german_page(client, partner)
    assert "Partnerstadt in Nordrhein-Westfalen." in html
    # Synchronised: the partner's own name, coordinates and dates.
    assert german.specific.official_name == partner.official_name
    assert german.specific.latitude == partner.latitude
    # Country, dates and area in the reader's language.
    assert "Deutschland" in html
    assert "19. Juni 2011" in html
    assert "Kultur" in html
    assert "Kultura" not in html
    polish_html = client.get(partner.url).content.decode()
    assert "Niemcy" in polish_html
    assert "19 czerwca 2011" in polish_html


def test_member_organisation_page_is_translated(client, german_tree):
    organisation = german_tree.organisation
    organisation.summary = "Miejski ośrodek pomocy społecznej."
    organisation.save_revision().publish()
    translate(organisation, "de", {"Miejski ośrodek pomocy społecznej.": "Städtisches Sozialhilfezentrum."})
    german, html = german_page(client, organisation)
    assert "Städtisches Sozialhilfezentrum." in html
    assert "10. Dezember 2013" in html  # joined_on, synchronised, formatted in German


def test_initiative_and_news_pages_are_translated(client, german_tree):
    organisation = german_tree.organisation
    translate(organisation, "de", {})
    initiative = factories.InitiativePageFactory(
        parent=organisation, title="Wymiana młodzieży", slug="wymiana-mlodziezy", summary="Tydzień w Borken."
    )
    news = factories.NewsPageFactory(
        parent=organisation, title="Wróciliśmy z Borken", slug="wrocilismy", intro="Relacja z wyjazdu."
    )
    translate(initiative, "de", {"Wymiana młodzieży": "Jugendaustausch", "Tydzień w Borken.": "Eine Woche in Borken."})
    translate(news, "de", {"Wróciliśmy z Borken": "Zurück aus Borken", "Relacja z wyjazdu.": "Ein Reisebericht."})
    _german, html = german_page(client, initiative)
    assert "Jugendaustausch" in html and "Eine Woche in Borken." in html
    assert "1. Mai 2025" in html
    _german, html = german_page(client, news)
    assert "Zurück aus Borken" in html and "Ein Reisebericht." in html
    assert "1. Oktober 2026" in html
    # German listings show German pages only.
    listing = client.get(german_tree.news.get_translation(news.locale.__class__.objects.get(language_code="de")).url)
    body = listing.content.decode()
    assert "Zurück aus Borken" in body
    assert "Wróciliśmy z Borken" not in body
    polish_listing = client.get(german_tree.news.url).content.decode()
    assert "Wróciliśmy z Borken" in polish_listing
    assert "Zurück aus Borken" not in polish_listing


def test_cooperation_area_snippet_translates_name_and_keeps_slug(locales):
    area = factories.CooperationAreaFactory(name="Seniorzy", slug="seniorzy", description="Współpraca klubów seniora.")
    translate(area, "de", {"Seniorzy": "Senioren", "Współpraca klubów seniora.": "Zusammenarbeit der Seniorenclubs."})
    german = CooperationArea.objects.get(translation_key=area.translation_key, locale=locales["de"])
    assert german.name == "Senioren"
    assert german.description == "Zusammenarbeit der Seniorenclubs."
    assert german.slug == "seniorzy"  # ?area=seniorzy filters in every language
    with translation.override("de"):
        assert TranslationSource.objects.get_for_instance(area).translations.get().target_locale == locales["de"]
