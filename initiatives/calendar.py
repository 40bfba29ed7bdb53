"""The network calendar: an upcoming list, a month view and iCalendar feeds.

Served as sub-routes of the initiative index page (RoutablePageMixin), so the
URLs follow the page's localised slug: /pl/inicjatywy/calendar/,
/en/initiatives/calendar/2026/11/, /pl/inicjatywy/calendar/ical/ …
"""

import calendar as stdlib_calendar
import datetime
from collections import defaultdict
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import slugify

from wagtail.models import Site

from icalendar import Calendar, Event, Timezone

from core.listing import paginate
from core.models import NetworkSettings
from core.queries import pages_public

from .forms import CalendarFilterForm
from .models.content import InitiativePage
from .selectors import (
    attach_occurrence_organisations,
    localized_area_names,
    occurrences_for_calendar,
    organisation_for_filter,
)

CALENDAR_TIME_ZONE = ZoneInfo(settings.TIME_ZONE)
# How far back the iCalendar feeds go: calendar apps keep what they already have.
ICAL_HISTORY = datetime.timedelta(days=365)


def _render(request, index, template, context):
    context = {**index.get_context(request), **context}
    return TemplateResponse(request, template, context)


def upcoming_view(request, *, index):
    home = index.get_parent()
    form = CalendarFilterForm(request.GET, home=home)
    occurrences = occurrences_for_calendar(home=home, after=timezone.now(), **form.filters())
    page, page_range = paginate(request, occurrences, per_page=20)
    page.object_list = attach_occurrence_organisations(page.object_list)
    today = timezone.localdate()
    return _render(
        request,
        index,
        "pages/calendar_upcoming.html",
        {
            "filter_form": form,
            "active_filters": form.filters(),
            "filter_notices": form.notices(),
            "page_obj": page,
            "page_range": page_range,
            "result_count": page.paginator.count,
            "this_month": (today.year, today.month),
            "filter_query": urlencode(form.filters()),
        },
    )


def _month_bounds(year, month):
    if not (1900 <= year <= 2100 and 1 <= month <= 12):
        raise Http404("No such month")
    first = datetime.date(year, month, 1)
    following = (first + datetime.timedelta(days=31)).replace(day=1)
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    return first, following, previous


def _local_midnight(day):
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=CALENDAR_TIME_ZONE)


def month_view(request, *, index, year, month):
    home = index.get_parent()
    first, following, previous = _month_bounds(year, month)
    weeks = stdlib_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    grid_start, grid_end = weeks[0][0], weeks[-1][-1] + datetime.timedelta(days=1)
    form = CalendarFilterForm(request.GET, home=home)
    occurrences = attach_occurrence_organisations(
        occurrences_for_calendar(
            home=home, after=_local_midnight(grid_start), before=_local_midnight(grid_end), **form.filters()
        )
    )
    # An event lasting several days is shown on each of its days.
    by_day = defaultdict(list)
    for occurrence in occurrences:
        day = max(timezone.localtime(occurrence.start, CALENDAR_TIME_ZONE).date(), grid_start)
        last = timezone.localtime(occurrence.end or occurrence.start, CALENDAR_TIME_ZONE).date()
        while day <= last and day < grid_end:
            by_day[day].append(occurrence)
            day += datetime.timedelta(days=1)
    in_month = [o for o in occurrences if _overlaps_month(o, first, following)]
    return _render(
        request,
        index,
        "pages/calendar_month.html",
        {
            "filter_form": form,
            "active_filters": form.filters(),
            "filter_notices": form.notices(),
            "month": first,
            "previous_month": previous,
            "next_month": following,
            "weeks": [[(day, day.month == month, by_day.get(day, [])) for day in week] for week in weeks],
            "weekdays": weeks[0],
            "month_occurrences": in_month,
            "today": timezone.localdate(),
        },
    )


def _overlaps_month(occurrence, first, following):
    start = timezone.localtime(occurrence.start, CALENDAR_TIME_ZONE).date()
    end = timezone.localtime(occurrence.end or occurrence.start, CALENDAR_TIME_ZONE).date()
    return start < following and end >= first


def ical_view(request, *, index, organisation_slug=None, initiative_slug=None):
    """An iCalendar file of event dates: the whole network, one organisation or one initiative."""
    home = index.get_parent()
    site = Site.find_for_request(request)
    host = site.hostname if site else request.get_host()
    network_name = (site and _network_name(site)) or settings.WAGTAIL_SITE_NAME
    organisation = initiative = None
    if organisation_slug:
        organisation = organisation_for_filter(home=home, slug=organisation_slug)
        if organisation is None:
            raise Http404("No such organisation")
    if initiative_slug:
        initiative = (
            pages_public(InitiativePage.objects.live().child_of(organisation)).filter(slug=initiative_slug).first()
        )
        if initiative is None:
            raise Http404("No such initiative")
    form = CalendarFilterForm(request.GET, home=home)
    filters = form.filters()
    if organisation is not None:
        filters["organisation"] = organisation.slug

    if initiative is not None:
        name, filename = initiative.title, f"{organisation.slug}-{initiative.slug}"
    elif organisation is not None:
        name, filename = f"{network_name}: {organisation.title}", organisation.slug
    else:
        name, filename = network_name, slugify(network_name) or "partnerhub"

    occurrences = attach_occurrence_organisations(
        occurrences_for_calendar(home=home, after=timezone.now() - ICAL_HISTORY, initiative=initiative, **filters)
    )
    ical = build_ical(request, occurrences=occurrences, name=name, host=host)
    response = HttpResponse(ical, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def _network_name(site):
    return NetworkSettings.for_site(site).network_name


def build_ical(request, *, occurrences, name, host):
    """A VCALENDAR that calendar apps accept: stable UIDs, TZID Europe/Warsaw with its VTIMEZONE."""
    ical = Calendar()
    ical.add("prodid", "-//PartnerHub//PartnerHub calendar//EN")
    ical.add("version", "2.0")
    ical.add("calscale", "GREGORIAN")
    ical.add("method", "PUBLISH")
    ical.add("x-wr-calname", name)
    ical.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    area_names = localized_area_names(occurrence.page for occurrence in occurrences)
    for occurrence in occurrences:
        page = occurrence.page
        event = Event()
        # The occurrence's primary key never changes, so re-downloads update rather than duplicate.
        event.add("uid", f"occurrence-{occurrence.pk}@{host}")
        event.add("dtstamp", stamp)
        if page.last_published_at:
            event.add("last-modified", page.last_published_at.astimezone(datetime.UTC).replace(microsecond=0))
        event.add("dtstart", timezone.localtime(occurrence.start, CALENDAR_TIME_ZONE).replace(microsecond=0))
        if occurrence.end:
            event.add("dtend", timezone.localtime(occurrence.end, CALENDAR_TIME_ZONE).replace(microsecond=0))
        event.add("summary", page.title)
        url = page.get_full_url(request)
        organiser = page.organisation_page.title if page.organisation_page else ""
        description = "\n\n".join(part for part in (occurrence.description, page.summary, organiser, url) if part)
        event.add("description", description)
        location = occurrence.venue or page.place
        if location:
            event.add("location", location)
        if url:
            event.add("url", url)
        organisation = page.organisation_page
        if organisation is not None and organisation.email:
            # ORGANIZER must be an address; without an e-mail the organisation is named in the description.
            event.add("organizer", f"mailto:{organisation.email}", parameters={"cn": organisation.title})
        areas = [area_names[area.pk] for area in page.areas.all()]
        if areas:
            event.add("categories", areas)
        event.add("status", "CONFIRMED")
        ical.add_component(event)
    ical.add_missing_timezones()
    if not occurrences:
        # Without events there is nothing to derive VTIMEZONE from; declare it anyway.
        ical.add_component(_vtimezone())
    return ical.to_ical()


def _vtimezone():
    return Timezone.from_tzid(settings.TIME_ZONE)
