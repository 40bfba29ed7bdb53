"""The home page's blocks are computed from live content, and standard pages show their body."""

import datetime

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from tests import factories
from tests.network_content import polish


def section(response, heading_id):
    soup = BeautifulSoup(response.content, "html.parser")
    found = soup.find("section", attrs={"aria-labelledby": heading_id})
    return found.get_text(" ", strip=True) if found else ""


def test_home_page_shows_hero_and_every_computed_block(client, content):
    response = client.get("/pl/")
    assert response.status_code == 200
    assert "Razem działamy lokalnie" in response.content.decode()
    assert "Wymiana młodzieży Borken 2026" in section(response, "featured-heading")
    assert polish(content.initiative.get_status_display()) in section(response, "featured-heading")
    partners = section(response, "partners-heading")
    assert content.partner.title in partners
    assert "Niemcy" in partners, "the partner's country is named in the reader's language"
    assert "Podpisaliśmy nowe porozumienie" in section(response, "news-heading")
    events = section(response, "events-heading")
    assert "Rynek w Bolesławcu" in events
    assert "Stadthalle am Markt" not in events, "past event dates are not upcoming"


def test_unpublished_initiative_leaves_the_featured_block_and_the_events(client, content):
    content.initiative.unpublish()
    response = client.get("/pl/")
    assert "Wymiana młodzieży Borken 2026" not in section(response, "featured-heading")
    assert "Rynek w Bolesławcu" not in section(response, "events-heading")


def test_unpublished_partner_leaves_the_highlights(client, content):
    content.partner.unpublish()
    response = client.get("/pl/")
    assert content.partner.title not in section(response, "partners-heading")


def test_unpublished_news_leaves_the_latest_news(client, content):
    content.news.unpublish()
    response = client.get("/pl/")
    assert "Podpisaliśmy nowe porozumienie" not in section(response, "news-heading")


def test_latest_news_shows_only_the_configured_number_newest_first(client, tree):
    for day in range(1, 6):
        factories.NewsPageFactory(
            parent=tree.organisation, title=f"Wiadomość z dnia {day}", date=datetime.date(2026, 10, day)
        )
    response = client.get("/pl/")
    news = section(response, "news-heading")
    shown = [day for day in range(1, 6) if f"Wiadomość z dnia {day}" in news]
    assert shown == [3, 4, 5]
    assert news.index("dnia 5") < news.index("dnia 4") < news.index("dnia 3")


def test_upcoming_events_show_only_the_configured_number_soonest_first(client, tree):
    tree.home.events_count = 2
    tree.home.save_revision().publish()
    initiative = factories.InitiativePageFactory(parent=tree.organisation)
    for days in (30, 10, 20):
        factories.InitiativeOccurrenceFactory(
            page=initiative, start=timezone.now() + datetime.timedelta(days=days), venue=f"Sala {days}"
        )
    events = section(client.get("/pl/"), "events-heading")
    assert "Sala 10" in events
    assert "Sala 20" in events
    assert "Sala 30" not in events
    assert events.index("Sala 10") < events.index("Sala 20")


def test_home_page_without_content_says_so(client, tree):
    response = client.get("/pl/")
    assert response.status_code == 200
    assert section(response, "featured-heading") == ""
    assert section(response, "events-heading") != ""  # the heading stays, with a message


@pytest.mark.parametrize("block", ["heading", "quote"])
def test_standard_page_shows_its_introduction_and_body(client, tree, block):
    body = {
        "heading": [("heading", {"text": "Cele statutowe", "level": "h2"})],
        "quote": [("quote", {"text": "Razem możemy więcej.", "attribute_name": "Burmistrz"})],
    }[block]
    factories.StandardPageFactory(parent=tree.home, slug="o-nas", introduction="Krótko o nas.", body=body)
    html = client.get("/pl/o-nas/").content.decode()
    assert "Krótko o nas." in html
    assert {"heading": "<h2>Cele statutowe</h2>", "quote": "Razem możemy więcej."}[block] in html


def test_featured_initiative_in_a_private_section_stays_off_the_home_page(client, content):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=content.organisation, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/pl/")
    assert "Wymiana młodzieży Borken 2026" not in section(response, "featured-heading")
    assert "Rynek w Bolesławcu" not in section(response, "events-heading")
    assert "Podpisaliśmy nowe porozumienie" not in section(response, "news-heading")
