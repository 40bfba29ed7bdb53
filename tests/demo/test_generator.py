"""The large-network generator: deterministic for a seed, realistic, complete."""

from django.core.management import call_command

from wagtail.models import Page

import pytest

from demo.generator import partnership_rows
from directory.models import Partnership
from home.models import HomePage
from initiatives.models import InitiativeOccurrence, InitiativePage, NewsPage
from partners.models import MemberOrganisationPage

pytestmark = pytest.mark.django_db

SIZES = ["--partnerships", "150", "--organisations", "4", "--initiatives", "30", "--news", "40", "--locales", "pl,en"]


def snapshot():
    return (
        list(
            Partnership.objects.order_by("local_unit_name", "partner_name", "country").values_list(
                "local_unit_name", "partner_name", "country", "since_year", "since_date", "status", "latitude"
            )
        ),
        list(InitiativePage.objects.order_by("path").values_list("path", "title", "start_date", "translation_key")),
        list(NewsPage.objects.order_by("path").values_list("path", "title", "date", "related_initiative__title")),
        list(MemberOrganisationPage.objects.order_by("path").values_list("title", "kind")),
        sorted(InitiativeOccurrence.objects.values_list("page__title", "start")),
    )


def wipe():
    Partnership.objects.all().delete()
    # The generated home pages (one per locale) and everything below them;
    # Wagtail's welcome page stays, so the new home gets the same tree path.
    for page in HomePage.objects.all():
        page.delete()


class TestGenerator:
    def test_the_same_seed_builds_the_same_network_and_another_seed_a_different_one(self, db):
        call_command("generate_network", *SIZES, "--seed", "7", verbosity=0)
        first = snapshot()
        assert len(first[0]) == 150 and len(first[1]) == 30 and len(first[2]) == 40 and len(first[3]) == 4
        wipe()
        call_command("generate_network", *SIZES, "--seed", "7", verbosity=0)
        assert snapshot() == first
        assert partnership_rows(count=50, seed=8) != partnership_rows(count=50, seed=7)

    def test_the_generated_site_is_served_and_its_directory_lists_the_partnerships(self, client, db, settings):
        settings.LOCALE_PATHS = []  # the directory's English msgids, as in tests/directory (its catalogue is tested there)
        call_command("generate_network", *SIZES, "--seed", "3", verbosity=0)
        initiative = InitiativePage.objects.live().first()
        assert client.get(initiative.url).status_code == 200
        directory = Page.objects.get(slug="katalog", locale__language_code="pl")
        response = client.get(directory.url)
        assert "150 partnerships" in response.content.decode()
        assert Page.objects.filter(slug="katalog", locale__language_code="en").exists()  # translated frame
        # The tree is consistent: treebeard's own check finds nothing to fix.
        assert Page.find_problems() == ([], [], [], [], [])

    def test_dates_span_35_years(self):
        years = [int(row["since"][:4]) for row in partnership_rows(count=2000, seed=1)]
        assert min(years) == 1991 and max(years) >= 2020


class TestDemoDirectory:
    def test_the_demo_directory_holds_the_seeds_and_generated_partnerships_and_reloads_unchanged(self, db):
        from django.core.management import call_command

        call_command("load_directory_demo", "--generated", "40", verbosity=0)
        assert Partnership.objects.filter(local_unit_name="Konstancin-Jeziorna").count() == 8
        assert Partnership.objects.count() == 11 + 40
        from demo.generator import directory_demo_load

        report = directory_demo_load(generated=40)
        assert (report.created, report.updated, report.unchanged) == (0, 0, 51)
