"""Uncached public pages run a fixed, small number of SQL queries, whatever the amount of content.

"Uncached" means the page cache is off (as in the test settings): every
request renders the page. The site frame's fragments (menu, language
switcher, hreflang links, listing filter values) are cached per publish, so
the count is taken on the second request, as a reader after the first sees it.
The counts include the two SAVEPOINT statements of ATOMIC_REQUESTS under the
test transaction.
"""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from initiatives.models import InitiativeStatus
from tests import factories

# The target: at most 15 per uncached page, whatever the amount of content.
CEILING = 15


def urls(network, news):
    return {
        "home": "/pl/",
        "initiative listing": "/pl/inicjatywy/",
        "initiative listing, filtered": "/pl/inicjatywy/?area=culture&status=ongoing",
        "an initiative": network.festival.url,
        "a partner": network.borken.url,
        "news listing": network.tree.news.url,
        "a news item": news.url,
        "news feed": "/pl/feeds/news.rss",
        "initiatives calendar (ics)": "/pl/inicjatywy/calendar/ical/",
        "site search": "/pl/search/?query=festiwal",
    }


def add_content(network, count, *, first=0):
    """``count`` more initiatives and news items, each with an area, a partner, a tag and a date."""
    for number in range(first, first + count):
        initiative = factories.InitiativePageFactory(
            parent=network.mops,
            title=f"Festiwal numer {number}",
            status=InitiativeStatus.ONGOING,
            start_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
        )
        initiative.areas.set([network.culture])
        initiative.partners.set([network.borken])
        initiative.tags.add(f"tag{number}")
        factories.InitiativeOccurrenceFactory(
            page=initiative, start=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(days=number)
        )
        initiative.save_revision().publish()
        news = factories.NewsPageFactory(parent=network.tree.news, title=f"Festiwal wiadomość {number}")
        news.areas.set([network.culture])
        news.save_revision().publish()


def queries_per_page(client, network, news):
    counts = {}
    for name, url in urls(network, news).items():
        assert client.get(url).status_code == 200, url
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[name] = len(queries)
    return counts


@pytest.fixture
def news(network):
    return factories.NewsPageFactory(parent=network.tree.news, title="Festiwal w prasie", slug="w-prasie")


class TestQueryCounts:
    def test_every_public_page_stays_under_its_ceiling(self, client, network, news):
        counts = queries_per_page(client, network, news)
        over = {name: count for name, count in counts.items() if count > CEILING}
        assert not over, over

    def test_counts_do_not_grow_with_content(self, client, network, news):
        add_content(network, 3)
        few = queries_per_page(client, network, news)
        add_content(network, 25, first=3)
        many = queries_per_page(client, network, news)
        grown = {name: (few[name], many[name]) for name in few if many[name] > few[name]}
        assert not grown, grown

    def test_site_search_writes_nothing(self, client, network):
        client.get("/pl/search/?query=festiwal")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/pl/search/?query=festiwal")
        assert response.status_code == 200
        writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
        assert writes == []
