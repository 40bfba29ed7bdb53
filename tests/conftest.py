"""Shared fixtures: a throwaway PostgreSQL for the session, a network site tree on it."""

import os
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches

from wagtail.models import Collection, Locale, Page, Site

import environ
import pytest

from tests import factories
from tests.postgres import PostgresNotAvailable, start_throwaway_cluster


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Starts a throwaway PostgreSQL cluster before the test database is created, unless DATABASE_URL names one."""
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return
    try:
        url = start_throwaway_cluster()
    except PostgresNotAvailable as error:
        pytest.exit(f"No PostgreSQL for the tests: {error}", returncode=1)
    # In place: Django's connections hold this very dict.
    where = environ.Env.db_url_config(url)
    settings.DATABASES["default"].update(NAME=where["NAME"], USER=where["USER"], HOST=where["OPTIONS"]["host"])


@dataclass
class NetworkTree:
    home: object
    partners: object
    organisations: object
    initiatives: object
    news: object
    organisation: object
    partner: object


def ensure_wagtail_roots():
    """The root page and collection that Wagtail's migrations create.

    A transactional test empties every table when it ends (without serialized_rollback),
    so the tree must not depend on the order tests run in.
    """
    if Page.get_first_root_node() is None:
        # Only a flush without restore removes the root, and its post_migrate re-created the
        # content types under new ids: Django's per-process memo of them is stale now. (Never
        # clear it after a serialized restore: the next restore's save handlers would then
        # look content types up in an emptied table and create them anew, under other ids.)
        ContentType.objects.clear_cache()
        locale, _ = Locale.objects.get_or_create(language_code="pl")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def build_network_tree():
    """A home page as the default site's root with one page of every kind."""
    ensure_wagtail_roots()
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
    """No cached page outlives the test (and its rolled-back data) that made it."""
    for cache in caches.all():
        cache.clear()
