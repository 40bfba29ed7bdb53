"""Fixtures of the partnership directory: areas, a directory page, CSV helpers."""

import csv
import io
from pathlib import Path

from wagtail.models import Locale

import pytest

from directory.importing import COLUMN_NAMES, partnerships_import_file
from directory.models import PartnershipDirectoryPage
from tests import factories

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "sample_partnerships.csv"
AREA_SLUGS = ["culture", "youth-exchange", "education", "sport", "seniors", "environment"]


def csv_bytes(rows, columns=COLUMN_NAMES):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8")


def import_csv(rows, **options):
    return partnerships_import_file(file=io.BytesIO(csv_bytes(rows)), filename="file.csv", **options)


def row(**values):
    base = {"local_unit_name": "Izabelin", "partner_name": "Borken", "country": "DE"}
    return {**base, **values}


@pytest.fixture
def areas(db):
    Locale.objects.get_or_create(language_code="pl")
    return {
        slug: factories.CooperationAreaFactory(slug=slug, name=slug.capitalize(), locale=Locale.get_default())
        for slug in AREA_SLUGS
    }


@pytest.fixture
def directory(tree, areas):
    page = PartnershipDirectoryPage(title="Katalog partnerstw", slug="katalog", per_page=10)
    tree.home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture(autouse=True)
def english_interface(settings):
    """These tests pin the directory's English msgids; without the project catalogue
    the Polish default site falls back to them (the catalogue tests cover the Polish wording)."""
    settings.LOCALE_PATHS = []


@pytest.fixture(autouse=True)
def fresh_directory_cache():
    """The directory caches counts and GeoJSON per data version; the database is
    rolled back after each test but the cache is not, so start each test empty."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
