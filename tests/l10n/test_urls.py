"""Language-prefixed URLs: / picks the reader's language, unknown prefixes are 404."""

import pytest

from tests.l10n.conftest import translate

pytestmark = pytest.mark.django_db


def test_root_redirects_by_accept_language_to_a_language_with_content(client, german_tree):
    response = client.get("/", headers={"accept-language": "de-AT,de;q=0.9,en;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == "/de/"
    assert "Accept-Language" in response["Vary"]


def test_root_skips_configured_languages_without_a_published_home(client, german_tree):
    # French is configured but nothing is published in French yet: next choice wins.
    response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9,de;q=0.8"})
    assert response["Location"] == "/de/"


def test_root_falls_back_to_polish(client, german_tree):
    assert client.get("/", headers={"accept-language": "ja,zh;q=0.8"})["Location"] == "/pl/"
    assert client.get("/")["Location"] == "/pl/"


def test_language_cookie_wins_over_accept_language(client, german_tree):
    client.cookies["django_language"] = "de"
    assert client.get("/", headers={"accept-language": "pl"})["Location"] == "/de/"


def test_unknown_language_prefix_is_404(client, german_tree):
    assert client.get("/xx/").status_code == 404
    assert client.get("/xx/partnerzy/").status_code == 404


def test_configured_language_without_the_page_sends_reader_to_the_polish_page(client, german_tree):
    """/fr/partnerzy/ would otherwise show Polish text labelled as French."""
    response = client.get("/fr/partnerzy/")
    assert response.status_code == 302
    assert response["Location"] == "/pl/partnerzy/"


@pytest.fixture
def english_tree(tree, locales):
    """The Polish network tree with its home and partner index published in English."""
    translate(tree.home, "en", {"Sieć partnerska": "Partnership network", "siec": "network"})
    translate(tree.partners, "en", {tree.partners.title: "Partner towns", tree.partners.slug: "partner-towns"})
    return tree


class EnglishBeforePolishTests:
    """A browser that asks only for languages the site lacks gets English when it is live, else Polish."""

    @pytest.mark.parametrize("accept", ["fr-FR,fr;q=0.9", "ja,zh;q=0.8", "fr, *;q=0.1"])
    def test_root_sends_a_reader_of_a_missing_language_to_english(self, client, english_tree, accept):
        response = client.get("/", headers={"accept-language": accept})
        assert response.status_code == 302
        assert response["Location"] == "/en/"
        assert client.get(response["Location"]).status_code == 200

    def test_a_language_the_site_has_still_wins(self, client, english_tree):
        assert client.get("/", headers={"accept-language": "fr,pl;q=0.5,en;q=0.4"})["Location"] == "/pl/"
        assert client.get("/", headers={"accept-language": "en-GB"})["Location"] == "/en/"

    def test_a_browser_that_asks_for_nothing_gets_polish(self, client, english_tree):
        assert client.get("/")["Location"] == "/pl/"

    def test_a_draft_english_home_is_not_offered(self, client, tree, locales):
        translate(tree.home, "en", {"Sieć partnerska": "Partnership network", "siec": "network"}, publish=False)
        assert client.get("/", headers={"accept-language": "fr"})["Location"] == "/pl/"
        assert client.get("/fr/partnerzy/")["Location"] == "/pl/partnerzy/"

    def test_a_page_in_a_missing_language_sends_the_reader_to_its_english_version(self, client, english_tree):
        response = client.get("/fr/partnerzy/")
        assert response.status_code == 302
        assert response["Location"] == "/en/partner-towns/"
        assert client.get(response["Location"]).status_code == 200

    def test_an_old_unprefixed_link_ends_on_the_english_page(self, client, english_tree):
        response = client.get("/partnerzy/", headers={"accept-language": "fr"}, follow=True)
        assert response.status_code == 200
        assert response.redirect_chain[-1][0] == "/en/partner-towns/"
        assert '<html lang="en"' in response.content.decode()

    def test_a_page_without_a_live_english_version_still_goes_to_polish(self, client, english_tree):
        organisation = english_tree.organisation
        # The organisation index and the organisation have no English version.
        assert client.get(f"/fr/czlonkowie/{organisation.slug}/")["Location"] == organisation.url
        draft = translate(english_tree.news, "en", {english_tree.news.slug: "news"}, publish=False)
        assert draft is not None
        assert client.get("/fr/aktualnosci/")["Location"] == english_tree.news.url
