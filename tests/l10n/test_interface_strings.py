"""Every page type's German URL shows its interface strings from the German
catalogue (not only the home page), on content translated through
wagtail-localize (tests/l10n/content.py)."""

import html as html_module
import re
from pathlib import Path

from django.conf import settings

import polib
import pytest

from directory.models import PartnershipDirectoryPage
from engagement.models import AccessionPage, ContactFormPage
from tests.l10n.conftest import translate
from tests.l10n.content import german

pytestmark = pytest.mark.django_db

GERMAN_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES" / "django.po"

# On every page: the site frame.
FRAME = ["Skip to main content", "Built with PartnerHub, a content platform for partnership networks."]

# Interface strings per page type (English msgids), as the templates show them with this content.
LABELS = {
    "home": ["Featured initiatives", "Upcoming events", "Latest news", "Our partners"],
    "standard": [],
    "partners": ["Show the partners on a map"],
    "partner map": ["Back to the list of partners", "Partners by country"],
    "partner": ["Relationship", "Cooperating since", "Areas of cooperation", "Location", "Agreements", "Signed by"],
    "organisations": ["Member organisations with their role and membership dates", "Kind", "Role", "Membership"],
    "organisation": [
        "Contact",
        "E-mail",
        "Phone",
        "Initiatives",
        "Upcoming events",
        "This organisation's events in your calendar app (.ics)",
        "News feed (RSS)",
        "Initiatives feed (RSS)",
    ],
    "initiatives": ["Calendar of events", "RSS feed", "Atom feed"],
    "initiative": [
        "When",
        "Where",
        "Organised by",
        "Partners",
        "Areas of cooperation",
        "Funding",
        "Tags",
        "Event dates",
        "Past dates",
        "Add these dates to your calendar (.ics)",
    ],
    "calendar": ["Calendar of events", "Month view", "Subscribe in your calendar app (iCalendar)"],
    "calendar month": ["Calendar", "Upcoming events"],
    "news index": ["RSS feed", "Atom feed"],
    "news": ["Related initiative", "Tags"],
    "directory": ["Filter the directory", "Search by name, region or country", "Sort by"],
    "accession": ["Our statutory goals", "Consent to processing", "Send the request"],
    "contact": ["Send"],
}


def german_catalogue():
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(GERMAN_CATALOGUE))
        if not entry.msgctxt and not entry.obsolete and entry.msgstr
    }


def visible_text(html):
    """The page's text and attribute-free markup, entities decoded, without scripts and styles."""
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    return html_module.unescape(re.sub(r"<[^>]+>", " ", html))


def engagement_pages(german_content):
    """An accession form and a contact form under the members' index, translated into German."""
    organisations = german_content.pl.tree.organisations
    accession = AccessionPage(
        title="Dołącz do partnerstwa",
        slug="dolacz",
        consent_text="Administratorem danych jest MOPS.",
        goals_help="Aktywizacja mieszkańców.",
    )
    organisations.add_child(instance=accession)
    contact = ContactFormPage(
        title="Kontakt",
        slug="kontakt",
        from_address="no-reply@example.org",
        subject="Wiadomość ze strony",
    )
    organisations.add_child(instance=contact)
    translate(accession, "de", {"Dołącz do partnerstwa": "Der Partnerschaft beitreten", "dolacz": "beitreten"})
    translate(contact, "de", {"Kontakt": "Kontakt", "kontakt": "kontakt"})
    return german(accession), german(contact)


def directory_page(german_content):
    page = PartnershipDirectoryPage(title="Katalog partnerstw", slug="katalog", per_page=10)
    german_content.pl.tree.home.add_child(instance=page)
    page.save_revision().publish()
    translate(page, "de", {"Katalog partnerstw": "Verzeichnis der Partnerschaften", "katalog": "verzeichnis"})
    return german(page)


def german_urls(german_content):
    de = german_content.de
    accession, contact = engagement_pages(german_content)
    occurrence = german_content.pl.upcoming.start
    return {
        "home": de["home"].url,
        "standard": de["standard"].url,
        "partners": de["partners"].url,
        "partner map": f"{de['partners'].url}map/",
        "partner": de["partner"].url,
        "organisations": de["organisations"].url,
        "organisation": de["organisation"].url,
        "initiatives": de["initiatives"].url,
        "initiative": de["initiative"].url,
        "calendar": f"{de['initiatives'].url}calendar/",
        "calendar month": f"{de['initiatives'].url}calendar/{occurrence.year}/{occurrence.month}/",
        "news index": de["news_index"].url,
        "news": de["news"].url,
        "directory": directory_page(german_content).url,
        "accession": accession.url,
        "contact": contact.url,
    }


def test_the_german_home_features_the_german_initiative_and_partner(client, german_content):
    page = client.get("/de/").content.decode()
    assert f'href="{german_content.de["initiative"].url}"' in page
    assert f'href="{german_content.de["partner"].url}"' in page
    assert "Wymiana młodzieży Borken 2026" not in page


def test_every_page_types_german_url_shows_german_interface_strings(client, german_content):
    catalogue = german_catalogue()
    urls = german_urls(german_content)
    assert set(urls) == set(LABELS)
    problems = []
    for name, url in urls.items():
        assert url.startswith("/de/"), (name, url)
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        page = response.content.decode()
        assert '<html lang="de">' in page, (name, url)
        text = visible_text(page)
        for msgid in FRAME + LABELS[name]:
            msgstr = catalogue.get(msgid)
            if not msgstr:
                problems.append((name, msgid, "no German translation in the catalogue"))
                continue
            if msgstr not in text:
                problems.append((name, msgid, f"German {msgstr!r} not shown"))
            if msgstr != msgid and re.search(rf"(?<![\w-]){re.escape(msgid)}(?![\w-])", text):
                problems.append((name, msgid, "English msgid shown"))
    assert problems == []
