"""The migrations that made the footer and child rows translatable keep
existing content: run backwards and forwards on real rows."""

import datetime

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Locale, Page, Site

import pytest

from core.models import NetworkFooter, NetworkSettings
from partners.models import PartnerAgreement
from tests.l10n.conftest import translate

pytestmark = pytest.mark.django_db


def migrate(*targets):
    """Migrate to ``targets`` inside the test's transaction; returns the historical apps there."""
    with connection.cursor() as cursor:
        # Rows written earlier in this transaction must not block ALTER TABLE.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    executor = MigrationExecutor(connection)
    executor.migrate(list(targets))
    return MigrationExecutor(connection).loader.project_state(list(targets)).apps


def latest(app):
    return MigrationExecutor(connection).loader.graph.leaf_nodes(app)[0]


def test_existing_network_settings_become_a_polish_footer(tree):
    home_latest = latest("home")
    site = Site.objects.get(is_default_site=True)
    apps = migrate(("home", "0003_initial"))
    OldSettings = apps.get_model("home", "NetworkSettings")
    OldSettings.objects.create(
        site_id=site.pk, network_name="Sieć Bolesławiec", address="Rynek 41\nBolesławiec", contact_email="a@b.pl"
    )
    migrate(home_latest)
    network = NetworkSettings.objects.get(site=site)
    assert network.footer.network_name == "Sieć Bolesławiec"
    assert network.footer.address == "Rynek 41\nBolesławiec"
    assert network.footer.locale == Locale.get_default()
    assert network.contact_email == "a@b.pl"
    assert NetworkFooter.objects.count() == 1


def test_footer_migration_runs_backwards_without_losing_the_name(tree):
    home_latest = latest("home")
    site = Site.objects.get(is_default_site=True)
    footer = NetworkFooter.objects.create(locale=Locale.get_default(), network_name="Sieć", address="Rynek 1")
    NetworkSettings.objects.create(site=site, footer=footer)
    apps = migrate(("home", "0003_initial"))
    old = apps.get_model("home", "NetworkSettings").objects.get(site_id=site.pk)
    assert (old.network_name, old.address) == ("Sieć", "Rynek 1")
    migrate(home_latest)


def test_existing_agreements_get_locales_and_shared_translation_keys(german_tree):
    partners_latest = latest("partners")
    partner = german_tree.partner
    partner.agreements = [
        PartnerAgreement(date_signed=datetime.date(1991, 5, 3), kind="partnership_agreement", place="Ratusz"),
        PartnerAgreement(date_signed=datetime.date(2001, 5, 3), kind="amendment", place="Urząd"),
    ]
    partner.save_revision().publish()
    translate(Page.objects.get(pk=partner.pk).specific, "de", {"Ratusz": "Rathaus"})
    other = german_tree.partner.get_parent().add_child(
        instance=type(partner)(title="Meru", slug="meru", official_name="Ville de Meru", country="FR")
    )
    PartnerAgreement.objects.create(page=other, date_signed=datetime.date(2010, 1, 1), kind="amendment")

    migrate(("partners", "0002_partnership_directory"))
    migrate(partners_latest)

    de = Locale.objects.get(language_code="de")
    polish_rows = list(PartnerAgreement.objects.filter(page=partner).order_by("sort_order", "pk"))
    german_rows = list(PartnerAgreement.objects.filter(page=partner.get_translation(de)).order_by("sort_order", "pk"))
    assert [row.locale.language_code for row in polish_rows] == ["pl", "pl"]
    assert [row.locale.language_code for row in german_rows] == ["de", "de"]
    # Rows at the same position are translations of each other; other pages' rows are not.
    assert [row.translation_key for row in polish_rows] == [row.translation_key for row in german_rows]
    assert polish_rows[0].translation_key != polish_rows[1].translation_key
    other_row = PartnerAgreement.objects.get(page=other)
    assert other_row.translation_key not in {row.translation_key for row in polish_rows}
    assert german_rows[0].place == "Rathaus"  # the content itself is untouched
