"""What every public page must be: one <h1>, the right <html lang>, no server
error; and what the public must never see: unknown URLs give 404, drafts stay private."""

import pytest
from bs4 import BeautifulSoup

from tests import factories
from tests.network_content import publish_translation

PAGE_TYPES = [
    "home",
    "standard",
    "partner_index",
    "partner",
    "member_index",
    "organisation",
    "initiative_index",
    "initiative",
    "news_index",
    "news",
]


def page_of_type(content, name):
    tree = content.tree
    return {
        "home": tree.home,
        "standard": content.standard,
        "partner_index": tree.partners,
        "partner": content.partner,
        "member_index": tree.organisations,
        "organisation": content.organisation,
        "initiative_index": tree.initiatives,
        "initiative": content.initiative,
        "news_index": tree.news,
        "news": content.news,
    }[name]


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_has_one_h1_and_polish_lang(client, content, name):
    page = page_of_type(content, name)
    url = page.get_url()
    assert url.startswith("/pl/")
    response = client.get(url)
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == "pl"
    headings = soup.find_all("h1")
    assert len(headings) == 1, [h.get_text() for h in headings]
    expected = page.specific.hero_title if name == "home" else page.title
    assert headings[0].get_text(strip=True) == expected


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_in_english_has_english_lang(client, content, name):
    page = page_of_type(content, name)
    translated = publish_translation(page.specific, "en", title=f"{page.title} (EN)")
    response = client.get(translated.get_url())
    assert translated.get_url().startswith("/en/")
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == "en"
    assert len(soup.find_all("h1")) == 1


@pytest.mark.parametrize(
    "url",
    ["/pl/nie-ma-takiej-strony/", "/pl/partnerzy/nie-ma/", "/pl/inicjatywy/cokolwiek/", "/pl/czlonkowie/mops/x/"],
)
def test_unknown_url_gives_a_polish_404_page(client, tree, url):
    response = client.get(url)
    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.html["lang"] == "pl"
    assert len(soup.find_all("h1")) == 1


def test_draft_page_gives_404_to_anonymous_visitors(client, tree):
    factories.NewsPageFactory(parent=tree.organisation, title="Tajny szkic", slug="szkic", live=False)
    assert client.get("/pl/czlonkowie/mops/szkic/").status_code == 404


def test_unpublished_page_gives_404_to_anonymous_visitors(client, content):
    url = content.initiative.get_url()
    assert client.get(url).status_code == 200
    content.initiative.unpublish()
    assert client.get(url).status_code == 404


def test_unsaved_draft_changes_never_reach_the_public(client, content):
    page = content.news
    page.title = "Wersja robocza, jeszcze nie do publikacji"
    page.save_revision()  # a draft revision, not published
    response = client.get(page.get_url())
    html = response.content.decode()
    assert "Podpisaliśmy nowe porozumienie" in html
    assert "Wersja robocza" not in html


def test_private_page_is_not_shown_to_anonymous_visitors(client, content):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=content.standard, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(content.standard.get_url())
    assert response.status_code == 302
    assert "Lokalne partnerstwo od 2013 roku." not in response.content.decode()


def test_user_text_is_escaped(client, tree):
    factories.StandardPageFactory(parent=tree.home, slug="xss", title="<script>alert(1)</script>")
    response = client.get("/pl/xss/")
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in response.content
