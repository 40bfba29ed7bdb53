"""The calendar: upcoming list, month view, and iCalendar files parsed with the icalendar library."""

from django.utils import timezone

import pytest
from icalendar import Calendar

from tests import factories
from tests.citizens_network import in_days

INDEX = "/pl/inicjatywy/"


@pytest.fixture
def events(network):
    network.festival_next = factories.InitiativeOccurrenceFactory(page=network.festival, start=in_days(10))
    network.festival_past = factories.InitiativeOccurrenceFactory(page=network.festival, start=in_days(-40))
    network.exchange_week = factories.InitiativeOccurrenceFactory(
        page=network.exchange, start=in_days(20), end=in_days(23, hour=12), venue="Méru, Salle des fêtes"
    )
    network.workshop = factories.InitiativeOccurrenceFactory(page=network.workshops, start=in_days(30))
    network.secret = factories.InitiativeOccurrenceFactory(page=network.draft, start=in_days(5))
    return network


def upcoming(response):
    assert response.status_code == 200
    return {occurrence.pk for occurrence in response.context["page_obj"].object_list}


def ical(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def uids(calendar):
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def uid(occurrence):
    return f"occurrence-{occurrence.pk}@localhost"


class UpcomingListTests:
    def test_lists_future_dates_of_published_initiatives_only(self, client, events):
        assert upcoming(client.get(f"{INDEX}calendar/")) == {
            events.festival_next.pk,
            events.exchange_week.pk,
            events.workshop.pk,
        }

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("area=youth", {"exchange_week", "workshop"}),
            ("area=culture", {"festival_next", "workshop"}),
            ("organisation=mops", {"festival_next", "exchange_week"}),
            ("organisation=caritas&area=culture", {"workshop"}),
        ],
    )
    def test_filters_by_area_and_organisation(self, client, events, query, expected):
        assert upcoming(client.get(f"{INDEX}calendar/?{query}")) == {getattr(events, name).pk for name in expected}

    def test_an_unknown_area_shows_everything_with_a_message(self, client, events):
        response = client.get(f"{INDEX}calendar/?area=nowhere")
        assert len(upcoming(response)) == 3
        assert "nowhere" in response.content.decode()

    def test_dates_appear_in_time_order(self, client, events):
        starts = [o.start for o in client.get(f"{INDEX}calendar/").context["page_obj"].object_list]
        assert starts == sorted(starts)


class MonthViewTests:
    def test_the_month_shows_its_events_and_a_multi_day_event_on_each_day(self, client, events):
        start = timezone.localtime(events.exchange_week.start)
        response = client.get(f"{INDEX}calendar/{start.year}/{start.month}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Wymiana młodzieży z Méru" in html
        assert "Tajny projekt" not in html
        days_with_exchange = [
            day
            for week in response.context["weeks"]
            for day, _in_month, occurrences in week
            if events.exchange_week in occurrences
        ]
        assert len(days_with_exchange) == 4  # from day 20 to day 23

    def test_a_month_without_events_says_so(self, client, events):
        response = client.get(f"{INDEX}calendar/2001/2/")
        assert response.status_code == 200
        assert response.context["month_occurrences"] == []
        assert 'class="empty-state"' in response.content.decode()

    @pytest.mark.parametrize("path", ["2026/13/", "2026/0/", "1800/1/"])
    def test_an_impossible_month_is_a_404(self, client, events, path):
        assert client.get(f"{INDEX}calendar/{path}").status_code == 404

    def test_the_filter_applies_to_the_month(self, client, events):
        start = timezone.localtime(events.exchange_week.start)
        response = client.get(f"{INDEX}calendar/{start.year}/{start.month}/?organisation=caritas&area=culture")
        assert events.exchange_week not in response.context["month_occurrences"]


class ICalendarTests:
    def test_the_network_feed_holds_exactly_the_published_dates(self, client, events):
        calendar = ical(client.get(f"{INDEX}calendar/ical/"))
        assert uids(calendar) == {
            uid(events.festival_next),
            uid(events.festival_past),
            uid(events.exchange_week),
            uid(events.workshop),
        }
        assert str(calendar["VERSION"]) == "2.0"
        assert "PRODID" in calendar

    def test_times_are_in_europe_warsaw_with_its_vtimezone(self, client, events):
        response = client.get(f"{INDEX}calendar/ical/")
        calendar = ical(response)
        assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Warsaw"]
        event = next(e for e in calendar.walk("VEVENT") if str(e["UID"]) == uid(events.exchange_week))
        assert event["DTSTART"].params["TZID"] == "Europe/Warsaw"
        assert event.decoded("DTSTART") == events.exchange_week.start
        assert event.decoded("DTEND") == events.exchange_week.end
        assert str(event["LOCATION"]) == "Méru, Salle des fêtes"
        assert str(event["SUMMARY"]) == "Wymiana młodzieży z Méru"
        assert str(event["URL"]).startswith("http://localhost/pl/")
        assert b"DTSTART;TZID=Europe/Warsaw:" in response.content

    def test_it_downloads_as_a_named_file(self, client, events):
        response = client.get(f"{INDEX}calendar/ical/mops/festival/")
        assert response["Content-Disposition"] == 'attachment; filename="mops-festival.ics"'

    def test_uids_are_stable_between_downloads(self, client, events):
        assert uids(ical(client.get(f"{INDEX}calendar/ical/"))) == uids(ical(client.get(f"{INDEX}calendar/ical/")))

    def test_an_organisation_feed_has_its_own_and_co_organised_dates(self, client, events):
        assert uids(ical(client.get(f"{INDEX}calendar/ical/caritas/"))) == {
            uid(events.exchange_week),
            uid(events.workshop),
        }
        assert uids(ical(client.get(f"{INDEX}calendar/ical/mops/"))) == {
            uid(events.festival_next),
            uid(events.festival_past),
            uid(events.exchange_week),
        }

    def test_an_initiative_feed_has_only_its_dates(self, client, events):
        assert uids(ical(client.get(f"{INDEX}calendar/ical/caritas/exchange/"))) == {uid(events.exchange_week)}

    def test_a_feed_filtered_by_area(self, client, events):
        assert uids(ical(client.get(f"{INDEX}calendar/ical/?area=youth"))) == {
            uid(events.exchange_week),
            uid(events.workshop),
        }

    @pytest.mark.parametrize(
        "path", ["calendar/ical/mops/draft/", "calendar/ical/nobody/", "calendar/ical/caritas/festival/"]
    )
    def test_drafts_and_unknown_names_are_404(self, client, events, path):
        assert client.get(f"{INDEX}{path}").status_code == 404

    def test_an_empty_calendar_is_still_valid(self, client, network):
        calendar = ical(client.get(f"{INDEX}calendar/ical/caritas/workshops/"))
        assert uids(calendar) == set()
        assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Warsaw"]

    def test_the_initiative_page_links_to_its_calendar_file(self, client, events):
        html = client.get("/pl/czlonkowie/caritas/exchange/").content.decode()
        assert 'href="/pl/inicjatywy/calendar/ical/caritas/exchange/"' in html

    def test_the_organisation_page_links_to_its_calendar_and_feeds(self, client, events):
        html = client.get("/pl/czlonkowie/caritas/").content.decode()
        assert 'href="/pl/inicjatywy/calendar/ical/caritas/"' in html
        assert 'href="/pl/feeds/caritas/news.rss"' in html
