"""The language switcher and hreflang links show exactly the published translations."""

import re

from wagtail.models import Locale

import pytest

from tests.l10n.conftest import translate

pytestmark = pytest.mark.django_db


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def switcher_links(html):
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return {code: url for url, code in re.findall(r'<a href="([^"]+)" hreflang="([\w-]+)"', nav)}


def test_hreflang_lists_published_translations_and_x_default(client, german_tree):
    html = client.get("/de/partnerstaedte/").content.decode()
    assert alternates(html) == {
        "pl": "http://localhost/pl/partnerzy/",
        "de": "http://localhost/de/partnerstaedte/",
        "x-default": "http://localhost/pl/partnerzy/",
    }


def test_unpublished_translation_never_appears(client, german_tree):
    translate(german_tree.partner, "de", {"Borken": "Borken (DE)"}, publish=False)
    german = german_tree.partner.get_translation(Locale.objects.get(language_code="de"))
    assert not german.live
    html = client.get("/pl/partnerzy/borken/").content.decode()
    assert set(alternates(html)) == {"pl", "x-default"}
    links = switcher_links(html)
    # German links to the German home page, marked, never to the draft.
    assert links["de"] == "/de/"
    assert "borken" not in links["de"]
    assert "Ta strona nie jest jeszcze przetłumaczona na wszystkie języki" in html
    assert client.get("/de/partnerstaedte/borken/").status_code == 404


def test_switcher_links_to_the_translation_when_published(client, german_tree):
    translate(german_tree.partner, "de", {"Borken": "Borken"})
    html = client.get("/pl/partnerzy/borken/").content.decode()
    links = switcher_links(html)
    assert links == {"de": "/de/partnerstaedte/borken/"}
    assert 'aria-current="true" lang="pl"' in html
    # Languages with no published home at all are not offered (no dead links).
    assert 'hreflang="fr"' not in html
    assert "language-switcher__note" not in html
    german_html = client.get("/de/partnerstaedte/borken/").content.decode()
    assert switcher_links(german_html) == {"pl": "/pl/partnerzy/borken/"}
    assert "Sprache wählen" in german_html
