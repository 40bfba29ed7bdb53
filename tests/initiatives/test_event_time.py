"""An event's date is written once when it starts and ends on the same day ("6 grudnia 2031, 17:00–19:00").

Every page that lists event dates renders them through ``{% event_time %}``, so each is checked here:
the initiative itself, the home page, the organisation, the calendar's upcoming list and its month view.
"""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest

from tests import factories

WARSAW = ZoneInfo("Europe/Warsaw")


def _text(html):
    """The visible text of ``html``, tags stripped and white space collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def _line(html, start):
    """The list item of the occurrence starting at ``start`` (an ISO prefix)."""
    return next(part for part in html.split("<li") if f'datetime="{start}' in part)


@pytest.fixture
def same_day(tree):
    initiative = factories.InitiativePageFactory(parent=tree.organisation, title="Mikołajki", slug="mikolajki")
    start = datetime.datetime(2031, 12, 6, 17, 0, tzinfo=WARSAW)
    factories.InitiativeOccurrenceFactory(page=initiative, start=start, end=start + datetime.timedelta(hours=2))
    return initiative


PAGES = {
    "initiative": lambda tree, initiative: initiative.url,
    "home": lambda tree, initiative: tree.home.url,
    "organisation": lambda tree, initiative: tree.organisation.url,
    "calendar": lambda tree, initiative: f"{tree.initiatives.url}calendar/",
    "calendar month": lambda tree, initiative: f"{tree.initiatives.url}calendar/2031/12/",
}


@pytest.mark.parametrize("where", PAGES)
def test_a_same_day_event_shows_its_day_once_and_both_times(client, tree, same_day, where):
    html = client.get(PAGES[where](tree, same_day)).content.decode()

    line = _line(html, "2031-12-06T17:00")
    assert "6 grudnia 2031, 17:00–19:00" in _text(line), _text(line)
    assert 'datetime="2031-12-06T19:00:00+01:00"' in line  # the end stays machine-readable


def test_an_event_over_several_days_shows_both_days(client, tree):
    start = datetime.datetime(2031, 7, 1, 10, 0, tzinfo=WARSAW)
    initiative = factories.InitiativePageFactory(parent=tree.organisation, title="Obóz", slug="oboz")
    factories.InitiativeOccurrenceFactory(page=initiative, start=start, end=start + datetime.timedelta(days=3, hours=2))

    html = client.get(initiative.url).content.decode()

    assert "1 lipca 2031, 10:00 – 4 lipca 2031, 12:00" in _text(_line(html, "2031-07-01T10:00"))


def test_an_event_without_an_end_shows_its_start(client, tree):
    start = datetime.datetime(2031, 5, 3, 12, 0, tzinfo=WARSAW)
    initiative = factories.InitiativePageFactory(parent=tree.organisation, title="Majówka", slug="majowka")
    factories.InitiativeOccurrenceFactory(page=initiative, start=start, end=None)

    html = client.get(initiative.url).content.decode()

    assert "3 maja 2031, 12:00" in _text(_line(html, "2031-05-03T12:00"))


def test_an_initiative_of_one_day_shows_the_day_once(client, tree):
    day = datetime.date(2031, 12, 6)
    initiative = factories.InitiativePageFactory(
        parent=tree.organisation, title="Jarmark", slug="jarmark", start_date=day, end_date=day
    )

    html = client.get(initiative.url).content.decode()

    facts = html.split('<dl class="facts">')[1].split("</dl>")[0]
    assert _text(facts).count("6 grudnia 2031") == 1, _text(facts)
