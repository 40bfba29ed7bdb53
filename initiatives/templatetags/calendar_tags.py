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


@register.simple_tag(takes_context=True)
def ical_url(context, page):
    """The .ics URL of an initiative (its event dates) or of an organisation (all its events); "" if none."""
    from initiatives.models import InitiativePage

    index = _calendar_index(page)
    if index is None:
        return ""
    request = context.get("request")
    if isinstance(page, InitiativePage):
        organisation = page.get_parent()
        return index.get_url(request) + index.reverse_subpage("ical_initiative", args=(organisation.slug, page.slug))
    return index.get_url(request) + index.reverse_subpage("ical_organisation", args=(page.slug,))
