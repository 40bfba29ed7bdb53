"""A partner town's page is the one source of its directory row: publish the page, the row follows."""

import datetime

import pytest

from directory.from_pages import SOURCE
from directory.models import Partnership
from tests.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def denzlingen(tree, areas):
    page = PartnerPageFactory(
        parent=tree.partners,
        title="Denzlingen",
        slug="denzlingen",
        official_name="Gemeinde Denzlingen",
        country="DE",
        region="Baden-Württemberg",
        local_unit="Konstancin-Jeziorna",
        cooperation_since_date=datetime.date(2011, 6, 19),
    )
    page.areas.set([areas["education"], areas["culture"]])
    return publish(page)


def test_publishing_a_partner_page_writes_its_directory_row(denzlingen, areas):
    row = Partnership.objects.get(partner_page=denzlingen)

    assert (row.local_unit_name, row.partner_name, row.country.code, row.partner_region) == (
        "Konstancin-Jeziorna",
        "Gemeinde Denzlingen",
        "DE",
        "Baden-Württemberg",
    )
    assert (row.since_date, row.since_year) == (datetime.date(2011, 6, 19), 2011)
    assert set(row.areas.values_list("slug", flat=True)) == {"education", "culture"}
    assert row.source == SOURCE


def test_a_new_fact_on_the_page_reaches_the_directory_and_directory_only_fields_stay(denzlingen, areas):
    Partnership.objects.filter(partner_page=denzlingen).update(teryt="1405034", voivodeship="mazowieckie")

    page = type(denzlingen).objects.get(pk=denzlingen.pk)
    page.areas.set([areas["sport"]])
    publish(page, relationship_status="cooperation_agreement")

    (row,) = Partnership.objects.filter(partner_page=denzlingen)
    assert row.status == "cooperation_agreement"
    assert list(row.areas.values_list("slug", flat=True)) == ["sport"]
    assert (row.teryt, row.voivodeship) == ("1405034", "mazowieckie")


def test_a_page_without_a_polish_partner_has_no_row(tree):
    publish(PartnerPageFactory(parent=tree.partners, title="Somewhere", slug="somewhere", local_unit=""))

    assert not Partnership.objects.exists()


def test_unpublishing_the_page_unlinks_its_row(denzlingen):
    denzlingen.unpublish()

    row = Partnership.objects.get(partner_name="Gemeinde Denzlingen")
    assert row.partner_page is None


def test_the_directory_links_the_row_to_the_partner_page(client, directory, denzlingen):
    html = client.get(directory.url).content.decode()

    assert f'<a href="{denzlingen.url}">Gemeinde Denzlingen</a>' in html
    assert "generated example" not in html


def test_generated_rows_are_labelled_on_the_page(client, directory):
    Partnership.objects.create(
        local_unit_name="Gmina X", partner_name="Y-Stadt", country="DE", source="generated (generate_network)"
    )

    html = client.get(directory.url).content.decode()

    assert "Y-Stadt" in html and "generated example" in html
