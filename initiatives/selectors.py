"""Read-side queries for initiatives and news.

Every listing goes through here so that "live, public, in this locale, with
its images and organisation loaded in a fixed number of queries" is decided
in one place.
"""

from django.db.models import Prefetch
from django.utils import timezone

from wagtail.models import Page

from partners.models import PartnerPage

from .models import InitiativeOccurrence, InitiativePage, NewsPage


def attach_organisations(pages):
    """Set ``organisation_page`` on each page from its parent, in one query.

    Initiatives and news live directly under their organisation's page, so
    the parent's tree path is the page's path minus one step.
    """
    from partners.models import MemberOrganisationPage

    pages = list(pages)
    parent_paths = {page.path[: -Page.steplen] for page in pages}
    organisations = {org.path: org for org in MemberOrganisationPage.objects.filter(path__in=parent_paths)}
    for page in pages:
        page.organisation_page = organisations.get(page.path[: -Page.steplen])
    return pages


def initiatives_for_listing(*, home):
    return (
        InitiativePage.objects.live()
        .public()
        .descendant_of(home)
        .filter(locale_id=home.locale_id)
        .select_related("main_image", "listing_image")
        .prefetch_related("areas", "partners")
        .order_by("-start_date", "title")
    )


def news_for_listing(*, home):
    return (
        NewsPage.objects.live()
        .public()
        .descendant_of(home)
        .filter(locale_id=home.locale_id)
        .select_related("main_image", "listing_image")
        .order_by("-date", "-first_published_at")
    )


def upcoming_occurrences(*, locale, limit=None, initiatives=None):
    occurrences = (
        InitiativeOccurrence.objects.filter(start__gte=timezone.now(), page__live=True, page__locale=locale)
        .select_related("page")
        .order_by("start")
    )
    if initiatives is not None:
        occurrences = occurrences.filter(page__in=initiatives)
    occurrences = occurrences.filter(page__in=InitiativePage.objects.live().public())
    return occurrences[:limit] if limit else occurrences


def home_page_blocks(*, home):
    """Everything the home page shows, computed from live content."""
    # Chosen by editors, but shown only while live and not behind a view
    # restriction (a private section must not leak through the home page).
    featured = [
        item.initiative
        for item in home.featured_initiatives.filter(
            initiative__in=InitiativePage.objects.live().public()
        ).select_related("initiative", "initiative__main_image")
    ]
    highlights = [
        item.partner
        for item in home.partner_highlights.filter(partner__in=PartnerPage.objects.live().public()).select_related(
            "partner", "partner__coat_of_arms"
        )
    ]
    news = attach_organisations(news_for_listing(home=home)[: home.news_count])
    return {
        "featured_initiatives": featured,
        "partner_highlights": highlights,
        "latest_news": news,
        "upcoming_events": list(upcoming_occurrences(locale=home.locale, limit=home.events_count)),
    }


def organisation_activity(*, organisation):
    """An organisation page's initiatives, news and upcoming events (its own and co-organised)."""
    own = InitiativePage.objects.live().public().child_of(organisation)
    # Translated initiatives keep pointing at the Polish organisation: match by
    # translation key and keep the organisation page's own language.
    co_organised = (
        InitiativePage.objects.live()
        .public()
        .filter(organisers__translation_key=organisation.translation_key, locale_id=organisation.locale_id)
    )
    initiatives = (
        (own | co_organised)
        .distinct()
        .select_related("main_image")
        .prefetch_related(Prefetch("occurrences", queryset=InitiativeOccurrence.objects.order_by("start")))
    ).order_by("-start_date")
    return {
        "initiatives": initiatives,
        "news_items": NewsPage.objects.live().public().child_of(organisation).order_by("-date")[:10],
        "upcoming_events": list(upcoming_occurrences(locale=organisation.locale, initiatives=initiatives)),
    }
