"""Links to the calendar's iCalendar files from initiative and organisation pages."""

from django import template
from django.utils import timezone

from initiatives.models import InitiativeIndexPage, InitiativePage

register = template.Library()


def _calendar_index(page):
    """The first live initiative index right below the home page ``page`` belongs to (it serves the calendar)."""
    # Home pages (a site's root and its translations) are the root's children.
    home_path = page.path[: 2 * page.steplen]
    return InitiativeIndexPage.objects.live().filter(path__startswith=home_path, depth=3).order_by("path").first()


def _ical_url(page, request):
    index = _calendar_index(page)
    if index is None:
        return ""
    if isinstance(page, InitiativePage):
        organisation = page.organisation or page.get_parent()
        return index.get_url(request) + index.reverse_subpage("ical_initiative", args=(organisation.slug, page.slug))
    return index.get_url(request) + index.reverse_subpage("ical_organisation", args=(page.slug,))


@register.simple_tag(takes_context=True)
def ical_url(context, page):
    """The .ics URL of an initiative (its event dates) or of an organisation (all its events); "" if none."""
    return _ical_url(page, context.get("request"))


@register.inclusion_tag("components/event_time.html")
def event_time(occurrence):
    """An event date's start and end, the day written once when both fall on the same (local) day."""
    start, end = occurrence.start, occurrence.end
    same_day = bool(end) and timezone.localtime(start).date() == timezone.localtime(end).date()
    return {"start": start, "end": end, "same_day": same_day}
