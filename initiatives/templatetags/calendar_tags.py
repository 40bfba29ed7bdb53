"""Links to the calendar's iCalendar files from initiative and organisation pages."""

from django import template

register = template.Library()


def _calendar_indexes():
    """{home page path: its first live initiative index, or None} (the index serves the calendar routes)."""
    from home.models import HomePage
    from initiatives.models import InitiativeIndexPage

    indexes = dict.fromkeys(HomePage.objects.values_list("path", flat=True))
    for index in InitiativeIndexPage.objects.live().filter(depth__gt=1).order_by("path"):
        parent = index.path[: -index.steplen]
        if parent in indexes and indexes[parent] is None:
            indexes[parent] = index
    return indexes


def _calendar_index(page):
    """The live initiative index of the home page ``page`` belongs to (the nearest home above it)."""
    from caching.generation import fragment_cached

    indexes = fragment_cached("calendar-indexes", build=_calendar_indexes, structural=True)
    homes = [path for path in indexes if page.path.startswith(path)]
    return indexes[max(homes, key=len)] if homes else None  # the nearest home, as Wagtail's ancestor_of


def _ical_url(page, request):
    from initiatives.models import InitiativePage

    index = _calendar_index(page)
    if index is None:
        return ""
    if isinstance(page, InitiativePage):
        organisation = page.get_parent()
        return index.get_url(request) + index.reverse_subpage("ical_initiative", args=(organisation.slug, page.slug))
    return index.get_url(request) + index.reverse_subpage("ical_organisation", args=(page.slug,))


@register.simple_tag(takes_context=True)
def ical_url(context, page):
    """The .ics URL of an initiative (its event dates) or of an organisation (all its events); "" if none.

    Cached until the next content change: finding the calendar's index and
    the organisation took three queries on every initiative page.
    """
    from caching.generation import fragment_cached
    from caching.scope import is_item_page

    request = context.get("request")
    host = request.get_host() if request is not None else ""
    return fragment_cached(
        "ical-url", page.pk, host, build=lambda: _ical_url(page, request), structural=not is_item_page(page)
    )
