"""Each network has its own colour and logo, and a colour too light for white text is refused."""

from django.test import Client

from wagtail.models import Page, Site

import pytest

from core.models import NetworkKind, NetworkSettings
from core.theme import contrast_ratio
from networks.services import network_add
from tests import factories
from tests.conftest import ensure_wagtail_roots

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_networks():
    ensure_wagtail_roots()
    Page.objects.filter(depth=2).delete()
    a = network_add(name="Siec A", kind=NetworkKind.MUNICIPALITY, host="a.localhost:8000")
    b = network_add(name="Siec B", kind=NetworkKind.MUNICIPALITY, host="b.localhost:8000")
    return a, b


def test_each_network_s_pages_take_its_own_colour(two_networks):
    a, _b = two_networks
    NetworkSettings.objects.filter(pk=a.network.pk).update(accent_colour="#7a1f3d")

    page = Client().get("/pl/", HTTP_HOST="a.localhost:8000")
    theme_a = Client().get("/theme.css", HTTP_HOST="a.localhost:8000")
    theme_b = Client().get("/theme.css", HTTP_HOST="b.localhost:8000")

    assert '<link rel="stylesheet" href="/theme.css">' in page.text
    assert theme_a["Content-Type"].startswith("text/css")
    assert "--accent: #7a1f3d;" in theme_a.text and "--accent-dark: #55162b;" in theme_a.text
    assert "--accent: #0b5cad;" in theme_b.text


def test_the_logo_appears_in_the_header_of_its_network_only(two_networks):
    a, _b = two_networks
    logo = factories.ImageFactory(title="Herb", description="Herb sieci A")
    NetworkSettings.objects.filter(pk=a.network.pk).update(logo=logo)

    on_a = Client().get("/pl/", HTTP_HOST="a.localhost:8000").text
    on_b = Client().get("/pl/", HTTP_HOST="b.localhost:8000").text

    assert 'class="site-header__logo"' in on_a and 'alt=""' in on_a  # the name beside it is the link's text
    assert 'class="site-header__logo"' not in on_b


def test_contrast_is_measured_as_wcag_does():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#0b5cad", "#ffffff"), 2) == 6.67
    assert round(contrast_ratio("#777777", "#ffffff"), 2) == 4.48


@pytest.mark.parametrize(
    ("colour", "message"),
    [
        # The admin speaks Polish to this user (the default language).
        ("#ffcc00", "Biały tekst na #ffcc00 i linki w kolorze #ffcc00 na białym tle mają kontrast 1.5:1"),
        ("#777777", "kontrast 4.5:1; WCAG AA wymaga co najmniej 4,5:1"),
        ("blue", "Zapisz kolor jako # i sześć cyfr szesnastkowych"),
    ],
)
def test_a_colour_that_fails_is_refused_in_the_settings_form_naming_the_pair(two_networks, colour, message):
    from django.contrib.auth import get_user_model

    a, _b = two_networks
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    client = Client()
    client.force_login(admin)
    url = f"/admin/settings/home/networksettings/{a.site.pk}/"
    form = client.get(url)
    assert form.status_code == 200

    response = client.post(
        url,
        {
            "kind": "municipality",
            "accent_colour": colour,
            "logo": "",
            "footer": a.network.footer_id or "",
            "contact_email": "",
            "contact_phone": "",
        },
    )

    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert NetworkSettings.objects.get(pk=a.network.pk).accent_colour == "#0b5cad"
    assert Site.objects.filter(pk=a.site.pk).exists()
