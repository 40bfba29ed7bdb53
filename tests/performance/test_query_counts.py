"""Honest queries: every public page type runs at most 15 SQL queries with
every application cache off, the same with 5 and with 60 items.

The page cache is off in the test settings and nothing else is cached: each
request renders its page from the database. Only the processes' own lookups
of Django and Wagtail (content types, the site root paths) are warm, as in
a running worker, so the count is taken on the second request. The
SAVEPOINT statements that ATOMIC_REQUESTS adds inside the test's
transaction are not counted: a real request runs none.
"""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from directory.models import Partnership, PartnershipDirectoryPage
from engagement.models import AccessionPage
from initiatives.models import InitiativeStatus
from tests import factories
from tests.engagement.test_contact_forms import contact_page

# The target: at most 15 per page, whatever the amount of content.
CEILING = 15
FEW, MANY = 5, 60


def public_urls(network, pages):
    festival = network.festival
    return {
        "home page": "/pl/",
        "standard page": pages["standard"].url,
        "initiative listing": network.tree.initiatives.url,
        "initiative listing, filtered": network.tree.initiatives.url + "?area=culture&status=ongoing",
        "initiative page": festival.url,
        "news listing": network.tree.news.url,
        "news listing, filtered": network.tree.news.url + "?area=culture",
        "news page": pages["news"].url,
        "partner index": network.tree.partners.url,
        "partner map": network.tree.partners.url + "map/",
        "partner page": network.borken.url,
        "member organisation index": network.tree.organisations.url,
        "member organisation page": network.mops.url,
        "partnership directory": pages["directory"].url,
        "partnership directory, filtered": pages["directory"].url + "?country=DE",
        "accession form": pages["accession"].url,
        "contact form": pages["contact"].url,
        "calendar": network.tree.initiatives.url + "calendar/",
        "calendar month": network.tree.initiatives.url + "calendar/2030/1/",
        "calendar (ics)": network.tree.initiatives.url + "calendar/ical/",
        "news feed (RSS)": "/pl/feeds/news.rss",
        "initiatives feed (Atom)": "/pl/feeds/initiatives.atom",
        "site search": "/pl/search/?query=festiwal",
        "sitemap": "/sitemap.xml",
        "open API: pages": "/api/v2/pages/?type=initiatives.InitiativePage&fields=*",
    }


def add_content(network, count, *, first=0):
    """``count`` more initiatives, news items and partnerships, each with an area, a partner, a tag, a date and an image."""
    image = factories.ImageFactory()
    for number in range(first, first + count):
        initiative = factories.InitiativePageFactory(
            parent=network.mops,
            title=f"Festiwal numer {number}",
            status=InitiativeStatus.ONGOING,
            start_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
            listing_image=image,
        )
        initiative.areas.set([network.culture])
        initiative.partners.set([network.borken])
        initiative.organisers.set([network.caritas])
        initiative.tags.add(f"tag{number}")
        factories.InitiativeOccurrenceFactory(
            page=initiative, start=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(days=number)
        )
        initiative.save_revision().publish()
        news = factories.NewsPageFactory(
            parent=network.mops, title=f"Festiwal wiadomość {number}", related_initiative=initiative
        )
        news.areas.set([network.culture])
        news.tags.add(f"news{number}")
        news.save_revision().publish()
        Partnership.objects.create(
            local_unit_name=f"Gmina {number}",
            partner_name=f"Partner {number}",
            country="DE",
            since_year=1990 + number % 30,
        )


@pytest.fixture
def pages(network):
    tree = network.tree
    directory = PartnershipDirectoryPage(title="Katalog partnerstw", slug="katalog", per_page=10)
    tree.home.add_child(instance=directory)
    directory.save_revision().publish()
    accession = AccessionPage(title="Dołącz", slug="dolacz", consent_text="Zgoda.", goals_help="Cele.")
    tree.organisations.add_child(instance=accession)
    return {
        "standard": factories.StandardPageFactory(parent=tree.home, title="O sieci", slug="o-sieci"),
        "news": factories.NewsPageFactory(parent=tree.news, title="Festiwal w prasie", slug="w-prasie"),
        "directory": directory,
        "accession": accession,
        "contact": contact_page(tree.home),
    }


def queries_per_page(client, network, pages):
    counts = {}
    for name, url in public_urls(network, pages).items():
        assert client.get(url).status_code == 200, url
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[name] = [q["sql"] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]
    return counts


class TestQueryCounts:
    def test_every_public_page_type_stays_under_the_ceiling_with_few_and_many_items(self, client, network, pages):
        add_content(network, FEW)
        few = queries_per_page(client, network, pages)
        add_content(network, MANY - FEW, first=FEW)
        many = queries_per_page(client, network, pages)
        over = {
            name: (len(few[name]), len(many[name])) for name in few if max(len(few[name]), len(many[name])) > CEILING
        }
        assert not over, over
        grown = {name: (len(few[name]), len(many[name])) for name in few if len(many[name]) > len(few[name])}
        assert not grown, grown

    def test_site_search_writes_nothing(self, client, network):
        client.get("/pl/search/?query=festiwal")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/pl/search/?query=festiwal")
        assert response.status_code == 200
        writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
        assert writes == []
