"""The initiative and news indexes list every live page of their locale, wherever it sits in the tree."""

import datetime

from bs4 import BeautifulSoup

from tests import factories
from tests.network_content import publish_translation


def card_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.main.select(".card__title a")]


def test_initiative_index_lists_live_initiatives_of_every_organisation(client, tree):
    other = factories.MemberOrganisationPageFactory(parent=tree.organisations, title="Parafia", slug="parafia")
    factories.InitiativePageFactory(
        parent=tree.organisation, title="Dni Europy", start_date=datetime.date(2026, 5, 9), end_date=None
    )
    factories.InitiativePageFactory(parent=other, title="Jarmark", start_date=datetime.date(2026, 12, 1), end_date=None)
    factories.InitiativePageFactory(parent=other, title="Szkic projektu", live=False)
    assert card_titles(client, "/pl/inicjatywy/") == ["Jarmark", "Dni Europy"]  # newest start first


def test_initiative_index_lists_only_its_own_locale(client, tree):
    initiative = factories.InitiativePageFactory(parent=tree.organisation, title="Dni Europy")
    publish_translation(tree.initiatives, "en")
    publish_translation(initiative, "en", title="Europe Days")
    assert card_titles(client, "/pl/inicjatywy/") == ["Dni Europy"]
    assert card_titles(client, "/en/inicjatywy/") == ["Europe Days"]


def test_unpublished_initiative_leaves_the_index(client, tree):
    initiative = factories.InitiativePageFactory(parent=tree.organisation, title="Dni Europy")
    assert card_titles(client, "/pl/inicjatywy/") == ["Dni Europy"]
    initiative.unpublish()
    assert card_titles(client, "/pl/inicjatywy/") == []


def test_news_index_lists_live_news_newest_first(client, tree):
    other = factories.MemberOrganisationPageFactory(parent=tree.organisations, title="Parafia", slug="parafia")
    factories.NewsPageFactory(parent=tree.organisation, title="Starsza", date=datetime.date(2026, 9, 1))
    factories.NewsPageFactory(parent=other, title="Nowsza", date=datetime.date(2026, 10, 1))
    factories.NewsPageFactory(parent=other, title="Szkic wiadomości", live=False)
    assert card_titles(client, "/pl/aktualnosci/") == ["Nowsza", "Starsza"]


def test_news_index_lists_only_its_own_locale(client, tree):
    news = factories.NewsPageFactory(parent=tree.organisation, title="Porozumienie")
    publish_translation(tree.news, "en")
    publish_translation(news, "en", title="Agreement")
    assert card_titles(client, "/pl/aktualnosci/") == ["Porozumienie"]
    assert card_titles(client, "/en/aktualnosci/") == ["Agreement"]
