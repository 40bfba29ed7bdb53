"""Links to the calendar's iCalendar files from initiative and organisation pages."""

from django import template

register = template.Library()


def _calendar_index(page):
    """The live initiative index of the home page ``page`` belongs to (it serves the calendar routes)."""
    from home.models import HomePage
    from initiatives.models import InitiativeIndexPage

    home = HomePage.objects.ancestor_of(page).order_by("-depth").first()
    if home is None:
        return None
    return InitiativeIndexPage.objects.live().child_of(home).first()


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

    request = context.get("request")
    host = request.get_host() if request is not None else ""
    return fragment_cached("ical-url", page.pk, host, build=lambda: _ical_url(page, request))
