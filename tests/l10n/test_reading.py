"""What a reader of a translated page gets: numbers in their own locale,
calendar feeds in their language only, and no link to a page that is not
there (the ``|localized`` filter)."""

import re
from decimal import Decimal

from django.utils import formats, timezone, translation

from wagtail.models import Locale, Page

import pytest
from icalendar import Calendar

from home.templatetags.partnerhub_tags import localized
from tests import factories
from tests.l10n.conftest import translate
from tests.l10n.content import INITIATIVE_DE, german

pytestmark = pytest.mark.django_db

NBSP = "\xa0"


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def facts(html):
    """The page's list of facts (``<dl class="facts">``), without the JSON-LD in the head."""
    match = re.search(r'<dl class="facts">.*?</dl>', html, re.S)
    assert match, "no facts list"
    return match.group(0)


@pytest.fixture
def initiative(german_content):
    """The initiative (25 000.00 EUR of funding) in Polish, German and English."""
    tree = german_content.pl.tree
    for page in (tree.home, tree.organisations, german_content.pl.organisation):
        translate(Page.objects.get(pk=page.pk).specific, "en", {})
    polish = Page.objects.get(pk=german_content.pl.initiative.pk).specific
    assert polish.funding_amount == Decimal("25000.00")
    translate(polish, "en", {"Europe for Citizens": "Europe for Citizens", "wymiana": "exchange"})
    return polish


class NumberFormatTests:
    def test_the_funding_amount_is_grouped_and_separated_in_each_readers_locale(self, client, initiative):
        english = initiative.get_translation(Locale.objects.get(language_code="en"))
        shown = {
            "pl": facts(html_of(client, initiative.url)),
            "de": facts(html_of(client, german(initiative).url)),
            "en": facts(html_of(client, english.url)),
        }
        assert f"25{NBSP}000,00 EUR" in shown["pl"]
        assert "25.000,00 EUR" in shown["de"]
        assert "25,000.00 EUR" in shown["en"]
        # No locale shows another's format (USE_THOUSAND_SEPARATOR is off; floatformat "g" groups anyway).
        assert "25,000.00" not in shown["de"] and "25.000,00" not in shown["en"]
        assert "25000" not in "".join(shown.values())

    def test_no_language_shows_raw_coordinates_but_the_region_and_the_map(self, client, german_content):
        # Coordinates ("51,8430, 6,8580") once stood here, in the reader's decimal format; they say nothing to a reader.
        partner = german_content.pl.partner
        shown = {
            "pl": facts(html_of(client, partner.url)),
            "de": facts(html_of(client, german_content.de["partner"].url)),
        }
        for language, html in shown.items():
            for value in (partner.latitude, partner.longitude):
                assert f"{value:.4f}" not in html and f"{value:.4f}".replace(".", ",") not in html, language
        assert 'href="/de/partnerstaedte/map/#country-de">Partner auf einer Karte zeigen</a>' in shown["de"]
        assert "Deutschland" in shown["de"]


class DateFormatTests:
    """English pages write dates the British way, day first ("1 May 2026"), not Django's "May 1, 2026"."""

    def test_the_english_initiative_gives_its_dates_day_first(self, client, initiative):
        english = initiative.get_translation(Locale.objects.get(language_code="en"))
        html = html_of(client, english.url)
        assert "1 May 2026" in facts(html) and "30 September 2027" in facts(html)
        upcoming = initiative.occurrences.filter(start__gte=timezone.now()).get()
        with translation.override("en"):
            day = formats.date_format(timezone.localtime(upcoming.start), "DATE_FORMAT")
        assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", day), day
        events = html.split('aria-labelledby="dates-heading"', 1)[1]
        assert f"{day}, " in events
        assert "May 1, 2026" not in html and "Sept. 30, 2027" not in html

    def test_polish_and_german_dates_keep_their_own_formats(self, client, initiative, german_content):
        assert "1 maja 2026" in facts(html_of(client, initiative.url))
        assert "1. Mai 2026" in facts(html_of(client, german(initiative).url))


def ical(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content), response.content.decode()


def events(calendar):
    return list(calendar.walk("VEVENT"))


def categories(event):
    value = event.get("CATEGORIES")
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [str(category) for item in values for category in item.cats]


POLISH_TEXTS = [
    "Wymiana młodzieży Borken 2026",
    "Tydzień warsztatów dla młodzieży z obu miast.",
    "Rynek w Bolesławcu",
    "Koncert",
    "Miejski Ośrodek",
    "Wymiana młodzieży",
    "/pl/",
]


class CalendarFeedLanguageTests:
    """/de/…/calendar/ical/… lists the German translations, /pl/… the Polish pages; never both."""

    def feeds(self, german_content, language):
        index = german_content.de["initiatives"] if language == "de" else german_content.pl.tree.initiatives
        organisation = german_content.de["organisation"] if language == "de" else german_content.pl.organisation
        initiative = german_content.de["initiative"] if language == "de" else german_content.pl.initiative
        base = f"{index.url}calendar/ical/"
        return [base, f"{base}{organisation.slug}/", f"{base}{organisation.slug}/{initiative.slug}/"]

    def test_german_feeds_carry_the_german_translations_only(self, client, german_content):
        german_initiative = german_content.de["initiative"]
        urls = self.feeds(german_content, "de")
        assert urls[2] == "/de/initiativen/calendar/ical/mops/austausch/"
        for url in urls:
            calendar, text = ical(client, url)
            found = events(calendar)
            assert len(found) == 2, url  # the upcoming and the past date
            assert {str(event["SUMMARY"]) for event in found} == {"Jugendaustausch Borken 2026"}, url
            assert {str(event["URL"]) for event in found} == {german_initiative.full_url}, url
            locations = {str(event["LOCATION"]) for event in found}
            assert locations == {"Marktplatz in Bolesławiec", "Stadthalle am Markt"}, url
            for event in found:
                description = str(event["DESCRIPTION"])
                assert INITIATIVE_DE["Tydzień warsztatów dla młodzieży z obu miast."] in description
                assert "Sozialzentrum MOPS" in description
                assert event["ORGANIZER"].params["CN"] == "Sozialzentrum MOPS"
                assert categories(event) == ["Jugendaustausch"], url
            assert any("Konzert" in str(event["DESCRIPTION"]) for event in found)
            unfolded = text.replace("\r\n ", "")
            for polish in POLISH_TEXTS:
                assert polish not in unfolded, (url, polish)

    def test_the_feeds_names_are_german(self, client, german_content):
        network, organisation, initiative = (ical(client, url)[0] for url in self.feeds(german_content, "de"))
        assert str(initiative["X-WR-CALNAME"]) == "Jugendaustausch Borken 2026"
        assert str(organisation["X-WR-CALNAME"]).endswith(": Sozialzentrum MOPS")

    def test_polish_feeds_carry_the_polish_pages_only(self, client, german_content):
        for url in self.feeds(german_content, "pl"):
            calendar, text = ical(client, url)
            found = events(calendar)
            assert {str(event["SUMMARY"]) for event in found} == {"Wymiana młodzieży Borken 2026"}, url
            assert {str(event["LOCATION"]) for event in found} == {"Rynek w Bolesławcu", "Stadthalle am Markt"}
            assert all(categories(event) == ["Wymiana młodzieży"] for event in found)
            unfolded = text.replace("\r\n ", "")
            for german_text in ("Jugendaustausch", "Marktplatz", "Konzert", "/de/"):
                assert german_text not in unfolded, (url, german_text)

    def test_a_polish_slug_in_a_german_feed_is_a_404(self, client, german_content):
        # The Polish initiative's slug (wymiana) names no German initiative.
        assert client.get("/de/initiativen/calendar/ical/mops/wymiana/").status_code == 404
        # The co-organiser has no German page: no German feed either.
        assert client.get("/de/initiativen/calendar/ical/parafia/").status_code == 404


def links(html):
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    return re.findall(r'<a href="(/[^"]*)"', main)


class LocalizedLinkTests:
    """A German page that links to Polish pages without a (published) German
    translation links to the Polish page, which exists; translated ones to the
    German page."""

    def test_the_german_initiative_links_to_existing_pages_only(self, client, german_content):
        html = html_of(client, german_content.de["initiative"].url)
        # The partner is translated: its German page. The co-organiser is not: its Polish page.
        assert f'<a href="{german_content.de["partner"].url}">Borken</a>' in html
        co_organiser = german_content.pl.co_organiser
        assert f'<a href="{co_organiser.url}">Parafia św. Mikołaja</a>' in html
        assert co_organiser.url.startswith("/pl/")
        # The section's own organisation is the German parent.
        assert f'<a href="{german_content.de["organisation"].url}">Sozialzentrum MOPS</a>' in html
        for url in links(html):
            assert client.get(url).status_code == 200, url

    def test_a_draft_translation_is_not_linked(self, client, german_content):
        co_organiser = german_content.pl.co_organiser
        draft = translate(co_organiser, "de", {"Parafia św. Mikołaja": "Pfarrei St. Nikolaus"}, publish=False)
        german_draft = german(co_organiser)
        assert not german_draft.live and draft is not None
        html = html_of(client, german_content.de["initiative"].url)
        assert f'<a href="{co_organiser.url}">Parafia św. Mikołaja</a>' in html
        assert "Pfarrei St. Nikolaus" not in html
        # Once published, the German page is linked instead.
        german_draft.save_revision().publish()
        from django.core.cache import caches

        for cache in caches.all():
            cache.clear()
        html = html_of(client, german_content.de["initiative"].url)
        assert f'<a href="{german(co_organiser).url}">Pfarrei St. Nikolaus</a>' in html
        assert co_organiser.url not in html.split("<main", 1)[1].split("</main>", 1)[0]

    def test_the_german_partner_page_lists_areas_and_links_in_german(self, client, german_content):
        html = html_of(client, german_content.de["partner"].url)
        assert "Jugendaustausch" in html
        for url in links(html):
            assert client.get(url).status_code == 200, url

    def test_the_filter_keeps_originals_without_a_translation_and_swaps_translated_ones(self, german_content):
        pl = german_content.pl
        untranslated = factories.PartnerPageFactory(parent=pl.tree.partners, title="Méru", slug="meru")
        with translation.override("de"):
            result = localized([pl.partner, untranslated, german_content.de["partner"]])
        assert [page.pk for page in result] == [
            german_content.de["partner"].pk,
            untranslated.pk,
            german_content.de["partner"].pk,
        ]
        with translation.override("pl"):
            assert localized([pl.partner, untranslated]) == [pl.partner, untranslated]


def test_the_german_initiatives_feed_names_the_areas_in_german(client, german_content):
    import feedparser

    response = client.get("/de/feeds/initiatives.rss")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert [entry.title for entry in feed.entries] == ["Jugendaustausch Borken 2026"]
    assert [tag.term for tag in feed.entries[0].tags] == ["Jugendaustausch"]
    polish = feedparser.parse(client.get("/pl/feeds/initiatives.rss").content)
    assert [tag.term for tag in polish.entries[0].tags] == ["Wymiana młodzieży"]
