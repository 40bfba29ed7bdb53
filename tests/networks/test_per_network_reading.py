"""Citizens read one network at a time: search, feeds and the API show its content only.

The twinning portal is the exception a reader asks for: its search can look
across every network, and says which network each result comes from.
"""

from django.test import Client

from wagtail.models import Page

import pytest

from core.models import NetworkKind
from networks.services import network_add
from partners.models import MemberOrganisationIndexPage
from tests import factories
from tests.conftest import ensure_wagtail_roots

pytestmark = pytest.mark.django_db

A, B, PORTAL = "siec-a.localhost:8000", "siec-b.localhost:8000", "portal.localhost:8000"


@pytest.fixture
def three_networks():
    ensure_wagtail_roots()
    Page.objects.filter(depth=2).delete()
    titles = {}
    for host, name, kind in [
        (A, "Siec A", NetworkKind.LOCAL_PARTNERSHIP),
        (B, "Siec B", NetworkKind.ASSOCIATION_OF_MUNICIPALITIES),
        (PORTAL, "Portal", NetworkKind.TWINNING_PORTAL),
    ]:
        result = network_add(name=name, kind=kind, host=host)
        index = MemberOrganisationIndexPage.objects.child_of(result.home).first()
        if index is None:
            continue
        organisation = factories.MemberOrganisationPageFactory(parent=index, title=f"Organizacja {name}")
        # Search results highlight "Festyn": the rest of the title is what the tests look for.
        titles[host] = f"sasiedzki {name}"
        factories.NewsPageFactory(parent=organisation, title=f"Festyn {titles[host]}", intro="Festyn dla mieszkancow.")
    return titles


def get(host, path):
    return Client().get(path, HTTP_HOST=host)


def test_site_search_finds_the_network_s_own_pages_only(three_networks):
    on_a = get(A, "/pl/search/?query=festyn").text
    on_b = get(B, "/pl/search/?query=festyn").text

    assert three_networks[A] in on_a and three_networks[B] not in on_a
    assert three_networks[B] in on_b and three_networks[A] not in on_b


def test_the_portal_searches_across_networks_when_asked_and_names_each_result_s_network(three_networks):
    own = get(PORTAL, "/pl/search/?query=festyn").text
    across = get(PORTAL, "/pl/search/?query=festyn&scope=all").text

    assert three_networks[A] not in own and three_networks[B] not in own
    assert three_networks[A] in across and three_networks[B] in across
    assert "· Siec A" in across and "· Siec B" in across
    # Results elsewhere link to their own network's host.
    assert 'href="http://siec-a.localhost:8000/pl/' in across
    assert 'name="scope"' in own


def test_other_networks_cannot_widen_their_search(three_networks):
    response = get(A, "/pl/search/?query=festyn&scope=all")

    assert three_networks[B] not in response.text
    assert 'name="scope"' not in response.text


def test_feeds_carry_the_network_s_own_news(three_networks):
    feed_a = get(A, "/pl/feeds/news.rss").text
    feed_b = get(B, "/pl/feeds/news.rss").text

    assert three_networks[A] in feed_a and three_networks[B] not in feed_a
    assert three_networks[B] in feed_b and three_networks[A] not in feed_b


def test_the_open_api_lists_the_network_s_own_pages(three_networks):
    pages_a = get(A, "/api/v2/pages/?type=initiatives.NewsPage&fields=title").json()
    titles = {item["title"] for item in pages_a["items"]}

    assert titles == {f"Festyn {three_networks[A]}"}
