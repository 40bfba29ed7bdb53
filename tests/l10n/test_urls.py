"""Language-prefixed URLs: / picks the reader's language, unknown prefixes are 404."""

import pytest

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
