"""Initiative and news pages show their key facts to the public."""

import datetime

from bs4 import BeautifulSoup

from initiatives.models import InitiativeStatus
from tests.network_content import polish


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_initiative_page_shows_status_dates_place_organisers_partners_and_funding(client, content):
    soup = soup_of(client.get("/pl/czlonkowie/mops/wymiana/"))
    facts = soup.select_one("dl.facts").get_text(" ", strip=True)
    assert polish(InitiativeStatus.ONGOING.label) in facts
    assert polish(datetime.date(2026, 5, 1)) in facts
    assert polish(datetime.date(2027, 9, 30)) in facts
    assert "Bolesławiec, Dom Kultury" in facts
    assert "MOPS" in facts  # the section's owner
    assert "Parafia św. Mikołaja" in facts  # co-organiser
    assert content.partner.title in facts
    assert "Wymiana młodzieży" in facts  # area
    assert "Europe for Citizens" in facts
    assert "EUR" in facts
    assert "młodzież" in facts  # tag
    assert soup.select_one("dl.facts a[href='/pl/czlonkowie/mops/']") is not None
    assert soup.select_one("img.main-image")["alt"] == "Młodzież przy stole warsztatowym"


def test_initiative_page_separates_upcoming_and_past_event_dates(client, content):
    soup = soup_of(client.get("/pl/czlonkowie/mops/wymiana/"))
    dates = soup.find("section", attrs={"aria-labelledby": "dates-heading"})
    lists = dates.select("ul.event-list")
    assert len(lists) == 2
    assert "Rynek w Bolesławcu" in lists[0].get_text()
    assert "Koncert" in lists[0].get_text()
    assert "Stadthalle am Markt" in lists[1].get_text()
    assert "Stadthalle am Markt" not in lists[0].get_text()


def test_initiative_page_hides_an_unpublished_partner(client, content):
    content.partner.unpublish()
    facts = soup_of(client.get("/pl/czlonkowie/mops/wymiana/")).select_one("dl.facts").get_text()
    assert content.partner.title not in facts


def test_news_page_shows_date_author_organisation_intro_and_related_initiative(client, content):
    soup = soup_of(client.get("/pl/czlonkowie/mops/porozumienie/"))
    article = soup.select_one("article.news")
    assert article.select_one("time")["datetime"] == "2026-10-01"
    assert polish(datetime.date(2026, 10, 1)) in article.select_one("time").get_text()
    assert article.select_one(".card__meta a[href='/pl/czlonkowie/mops/']").get_text() == "MOPS"
    text = article.get_text(" ", strip=True)
    assert "Nowy rozdział współpracy z Borken." in text
    assert article.find("a", href="/pl/czlonkowie/mops/wymiana/").get_text() == "Wymiana młodzieży Borken 2026"
    assert "porozumienie" in text  # tag


def test_news_page_drops_the_link_to_an_unpublished_initiative(client, content):
    content.initiative.unpublish()
    article = soup_of(client.get("/pl/czlonkowie/mops/porozumienie/")).select_one("article.news")
    assert article.find("a", href="/pl/czlonkowie/mops/wymiana/") is None
