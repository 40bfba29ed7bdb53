"""An expired page disappears from listings, feeds and the API at its expiry
time (issue 17), before publish_scheduled has unpublished it."""

import datetime

from django.utils import timezone

import pytest

from tests.citizens_network import build_network


@pytest.fixture
def expired(db):
    network = build_network()
    network.festival.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    network.festival.save(update_fields=["expire_at"])
    network.festival.refresh_from_db()
    assert network.festival.live  # publish_scheduled has not run yet
    return network


def test_an_expired_initiative_leaves_the_listing(client, expired):
    body = client.get(expired.tree.initiatives.url).content.decode()
    assert "Festiwal kultury w Borken" not in body
    assert "Warsztaty dla seniorów" in body  # the others stay


def test_an_expired_initiative_leaves_the_feed(client, expired):
    body = client.get("/pl/feeds/initiatives.rss").content.decode()
    assert "Festiwal kultury w Borken" not in body
    assert "Warsztaty dla seniorów" in body


def test_an_expired_initiative_leaves_the_api(client, expired):
    listing = client.get("/api/v2/pages/?type=initiatives.InitiativePage&fields=title").json()
    titles = {item["title"] for item in listing["items"]}
    assert "Festiwal kultury w Borken" not in titles
    assert "Warsztaty dla seniorów" in titles
    detail = client.get(f"/api/v2/pages/{expired.festival.pk}/")
    assert detail.status_code == 404


def test_a_page_expiring_later_is_still_listed(client, expired):
    expired.festival.expire_at = timezone.now() + datetime.timedelta(days=1)
    expired.festival.save(update_fields=["expire_at"])
    assert "Festiwal kultury w Borken" in client.get(expired.tree.initiatives.url).content.decode()
