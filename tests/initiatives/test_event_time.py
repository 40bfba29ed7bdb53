"""An event's date is written once when it starts and ends on the same day ("6 grudnia 2026, 17:00–19:00")."""

import datetime
import re
from zoneinfo import ZoneInfo

from tests import factories

WARSAW = ZoneInfo("Europe/Warsaw")


def _dates_text(html):
    """The visible text of the page's <time> elements, tags stripped."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_a_same_day_event_shows_its_day_once_and_both_times(client, tree):
    start = datetime.datetime(2031, 12, 6, 17, 0, tzinfo=WARSAW)
    initiative = factories.InitiativePageFactory(parent=tree.organisation, title="Mikołajki", slug="mikolajki")
    factories.InitiativeOccurrenceFactory(page=initiative, start=start, end=start + datetime.timedelta(hours=2))

    html = client.get(initiative.url).content.decode()

    line = next(part for part in html.split("<li>") if 'datetime="2031-12-06T17:00' in part)
    text = _dates_text(line)
    assert text.count("2031") == 1, text
    assert "17:00" in text and "19:00" in text
    assert 'datetime="2031-12-06T19:00:00+01:00"' in line  # the end stays machine-readable


def test_an_event_over_several_days_shows_both_days(client, tree):
    start = datetime.datetime(2031, 7, 1, 10, 0, tzinfo=WARSAW)
    initiative = factories.InitiativePageFactory(parent=tree.organisation, title="Obóz", slug="oboz")
    factories.InitiativeOccurrenceFactory(page=initiative, start=start, end=start + datetime.timedelta(days=3))

    html = client.get(initiative.url).content.decode()

    line = next(part for part in html.split("<li>") if 'datetime="2031-07-01T10:00' in part)
    assert _dates_text(line).count("2031") == 2
