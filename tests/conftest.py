"""Shared fixtures: a network site tree built on a real PostgreSQL database."""

from dataclasses import dataclass

from wagtail.models import Locale, Page, Site

import pytest

from tests import factories


@dataclass
class NetworkTree:
    home: object
    partners: object
    organisations: object
    initiatives: object
    news: object
    organisation: object
    partner: object


def build_network_tree():
    """A home page as the default site's root with one page of every kind."""
    Locale.objects.get_or_create(language_code="pl")
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root, slug="siec")
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    Site.objects.exclude(root_page=home).delete()
    partners = factories.PartnerIndexPageFactory(parent=home, slug="partnerzy")
    organisations = factories.MemberOrganisationIndexPageFactory(parent=home, slug="czlonkowie")
    initiatives = factories.InitiativeIndexPageFactory(parent=home, slug="inicjatywy")
    news = factories.NewsIndexPageFactory(parent=home, slug="aktualnosci")
    organisation = factories.MemberOrganisationPageFactory(parent=organisations, title="MOPS", slug="mops")
    partner = factories.PartnerPageFactory(parent=partners, title="Borken", slug="borken")
    return NetworkTree(home, partners, organisations, initiatives, news, organisation, partner)


@pytest.fixture
def tree(db):
    return build_network_tree()


@pytest.fixture(autouse=True)
def _empty_caches():
    """No cached page or fragment outlives the test (and its rolled-back data) that made it."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
