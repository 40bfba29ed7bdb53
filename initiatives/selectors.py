"""Read-side queries for initiatives and news.

Every listing goes through here so that "live, public, in this locale, with
its images and organisation loaded in a fixed number of queries" is decided
in one place.
"""

from django.db.models import Exists, Max, Min, OuterRef, Q, Value
from django.utils import timezone

from wagtail.models import Page

from core.listing import with_card_images
from core.locales import text_sort_key
from core.localization import localized
from core.queries import pages_public
from partners.models import CooperationArea, MemberOrganisationPage, PartnerPage

from .models.content import InitiativeOccurrence, InitiativePage, InitiativeTag, NewsPage, NewsTag


def attach_organisations(pages):
    """Set ``organisation_page`` on each page from its parent, in one query (none when no page has one).

    Initiatives and news live directly under their organisation's page, so
    the parent's tree path is the page's path minus one step. The parents are
    matched by id in a subquery on the page table's path index: joined by
    path, PostgreSQL chose a merge join that read the whole page table (12 ms
    at 50,000 pages).
    """
    pages = list(pages)
    paths = {page.path[: -Page.steplen] for page in pages}
    parents = Page.objects.filter(path__in=paths).values("pk")
    organisations = {org.path: org for org in MemberOrganisationPage.objects.filter(pk__in=parents)} if paths else {}
    for page in pages:
        page.organisation_page = organisations.get(page.path[: -Page.steplen])
    return pages


def localized_area_names(pages):
    """{area pk: name in the reader's language} for the (prefetched) areas of ``pages``, in one query.

    A translated initiative links to the Polish areas (wagtail-localize
    synchronises the links); the name shown is the area's translation, or the
    Polish name while the area is not translated.
    """
    pages = list(pages)
    areas = list({area.pk: area for page in pages for area in page.areas.all()}.values())
    locale_id = pages[0].locale_id if pages else None
    return {area.pk: translated.name for area, translated in zip(areas, localized(areas, locale_id), strict=True)}


def with_cards(pages):
    """A card's image (listing image, else main image) with its renditions."""
    return with_card_images(pages, "listing_image", "main_image")


def _live_in(model, *, home):
    return pages_public(model.objects.live().descendant_of(home).filter(locale_id=home.locale_id))


def organisation_for_filter(*, home, slug):
    return _live_in(MemberOrganisationPage, home=home).filter(slug=slug).first()


def _partner_page_ids(*, home, slug):
    """The ids of the partner called ``slug`` in ``home``'s locale and of all its translations.

    Filters use the slug of the reader's language (/de/…?partner=borken-de),
    while translated initiatives keep linking to the Polish partner page
    (wagtail-localize synchronises the links): matching every translation
    finds them in every language. Read as a list (one query): as a nested
    subquery, PostgreSQL re-ran it for every initiative (28 ms).
    """
    keys = _live_in(PartnerPage, home=home).filter(slug=slug).values("translation_key")
    return list(PartnerPage.objects.filter(translation_key__in=keys).values_list("pk", flat=True))


def _linked(through, page_field, *, outer="pk", **conditions):
    """EXISTS a row of the many-to-many table ``through`` for the outer page (its ``outer`` field) matching ``conditions``."""
    return Exists(through.objects.filter(**{f"{page_field}_id": OuterRef(outer)}, **conditions))


def initiatives_for_listing(
    *, home, area=None, organisation=None, partner=None, status=None, year=None, tag=None, with_images=True
):
    """Live, public initiatives of ``home``'s locale, filtered; every filter is optional.

    ``organisation`` (a slug) matches initiatives in the organisation's section
    and those it co-organises; ``year`` matches initiatives running at any
    time during that year.
    """
    initiatives = _live_in(InitiativePage, home=home)
    # Many-to-many filters as EXISTS subqueries, not joins: a join repeats a
    # page once per matching row and needs DISTINCT over every column, which
    # PostgreSQL can only sort, instead of walking the start-date index.
    if area:
        initiatives = initiatives.filter(
            _linked(InitiativePage.areas.through, "initiativepage", cooperationarea__slug=area)
        )
    if partner:
        initiatives = initiatives.filter(
            _linked(
                InitiativePage.partners.through,
                "initiativepage",
                partnerpage_id__in=_partner_page_ids(home=home, slug=partner),
            )
        )
    if status:
        initiatives = initiatives.filter(status=status)
    if tag:
        initiatives = initiatives.filter(_linked(InitiativeTag, "content_object", tag__slug=tag))
    if year:
        initiatives = initiatives.filter(start_date__year__lte=year).filter(
            Q(end_date__year__gte=year) | Q(end_date__isnull=True, start_date__year=year)
        )
    if organisation:
        org = organisation_for_filter(home=home, slug=organisation)
        if org is None:
            return initiatives.none()
        # Co-organisers of a translated initiative are the Polish pages: match by translation key.
        initiatives = initiatives.filter(
            Q(path__startswith=org.path, depth=org.depth + 1)
            | _linked(
                InitiativePage.organisers.through,
                "initiativepage",
                memberorganisationpage__translation_key=org.translation_key,
            )
        )
    initiatives = initiatives.prefetch_related("areas")
    if with_images:
        initiatives = with_cards(initiatives)
    return initiatives.order_by("-start_date", "title", "pk")


def news_for_listing(*, home, area=None, organisation=None, partner=None, year=None, tag=None, with_images=True):
    """Live, public news of ``home``'s locale, newest first; ``partner`` matches
    news about an initiative the partner takes part in."""
    news = _live_in(NewsPage, home=home)
    if area:
        news = news.filter(_linked(NewsPage.areas.through, "newspage", cooperationarea__slug=area))
    if partner:
        news = news.filter(
            _linked(
                InitiativePage.partners.through,
                "initiativepage",
                outer="related_initiative_id",
                partnerpage_id__in=_partner_page_ids(home=home, slug=partner),
            )
        )
    if tag:
        news = news.filter(_linked(NewsTag, "content_object", tag__slug=tag))
    if year:
        news = news.filter(date__year=year)
    if organisation:
        org = organisation_for_filter(home=home, slug=organisation)
        if org is None:
            return news.none()
        news = news.child_of(org)
    news = news.prefetch_related("areas")
    if with_images:
        news = with_cards(news)
    return news.order_by("-date", "-first_published_at", "pk")


def _choices(queryset, value, label):
    return list(queryset.order_by(label).values_list(value, label).distinct())


def listing_filter_choices(*, home, model, tag_model):
    """The values a listing's filters accept, from live content of ``home``'s locale.

    One query (a UNION of the four lists) whatever the amount of content.
    """

    def named(kind, queryset, value, label):
        return queryset.annotate(choice_list=Value(kind)).values_list("choice_list", value, label).distinct().order_by()

    rows = named("areas", CooperationArea.objects.filter(locale_id=home.locale_id), "slug", "name").union(
        named("organisations", _live_in(MemberOrganisationPage, home=home), "slug", "title"),
        named("partners", _live_in(PartnerPage, home=home), "slug", "title"),
        named(
            "tags",
            tag_model.objects.filter(content_object__in=_live_in(model, home=home).values("pk")),
            "tag__slug",
            "tag__name",
        ),
    )
    choices = {"areas": [], "organisations": [], "partners": [], "tags": []}
    # A UNION has one ORDER BY for all four lists: the labels are sorted here, accents not counting first.
    for kind, value, label in sorted(rows, key=lambda row: (row[0], text_sort_key(row[2]), row[1])):
        choices[kind].append((value, label))
    return choices


def initiative_years(*, home):
    """Every year in which some live initiative runs, newest first."""
    bounds = _live_in(InitiativePage, home=home).aggregate(
        first=Min("start_date"), last_end=Max("end_date"), last_start=Max("start_date")
    )
    if not bounds["first"]:
        return []
    last = max(d.year for d in (bounds["last_end"], bounds["last_start"]) if d)
    return list(range(last, bounds["first"].year - 1, -1))


def news_years(*, home):
    return [d.year for d in _live_in(NewsPage, home=home).dates("date", "year", order="DESC")]


def upcoming_occurrences(*, locale_id, limit=None, initiatives=None):
    occurrences = (
        InitiativeOccurrence.objects.filter(start__gte=timezone.now(), page__live=True, page__locale_id=locale_id)
        .select_related("page")
        .order_by("start")
    )
    if initiatives is not None:
        occurrences = occurrences.filter(page__in=initiatives)
    occurrences = occurrences.filter(page__in=pages_public(InitiativePage.objects.live()))
    return occurrences[:limit] if limit else occurrences


def _chosen_live(ids, model, *, image):
    """The live, public pages among ``ids``, in the editors' order.

    The ids are read from the relation rather than filtered in SQL: in a
    preview the relation is the draft's, held in memory, where a subquery
    filter is not possible.
    """
    pages = pages_public(model.objects.live()).filter(pk__in=ids).select_related(image) if ids else []
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


def home_page_blocks(*, home):
    """Everything the home page shows, computed from live content."""
    # Chosen by editors, but shown only while live and not behind a view
    # restriction (a private section must not leak through the home page).
    featured = _chosen_live(
        [item.initiative_id for item in home.featured_initiatives.all()], InitiativePage, image="main_image"
    )
    highlights = _chosen_live(
        [item.partner_id for item in home.partner_highlights.all()], PartnerPage, image="coat_of_arms"
    )
    news = attach_organisations(news_for_listing(home=home)[: home.news_count])
    return {
        "featured_initiatives": featured,
        "partner_highlights": highlights,
        "latest_news": news,
        "upcoming_events": list(upcoming_occurrences(locale_id=home.locale_id, limit=home.events_count)),
    }


def organisation_activity(*, organisation):
    """An organisation page's initiatives, news and upcoming events (its own and co-organised)."""
    own = Q(path__startswith=organisation.path, depth=organisation.depth + 1)
    # Translated initiatives keep pointing at the Polish organisation: match by
    # translation key and keep the organisation page's own language.
    co_organised = Q(
        _linked(
            InitiativePage.organisers.through,
            "initiativepage",
            memberorganisationpage__translation_key=organisation.translation_key,
        ),
        locale_id=organisation.locale_id,
    )
    initiatives = with_cards(pages_public(InitiativePage.objects.live()).filter(own | co_organised)).order_by(
        "-start_date", "title"
    )
    upcoming = (
        InitiativeOccurrence.objects.filter(page__in=initiatives.values("pk"))
        .filter(Q(end__gte=timezone.now()) | Q(end__isnull=True, start__gte=timezone.now()))
        .select_related("page")
        .order_by("start")
    )
    return {
        "initiatives": initiatives,
        "news_items": pages_public(NewsPage.objects.live().child_of(organisation)).order_by("-date")[:10],
        "upcoming_events": list(upcoming[:20]),
    }


def occurrences_for_calendar(*, home, after=None, before=None, area=None, organisation=None, initiative=None):
    """Event dates of live, public initiatives of ``home``'s locale, in time order.

    ``after``/``before`` select dates that overlap the interval (an event that
    started yesterday and ends tomorrow is "after" today). ``initiative`` is a
    page; ``area`` and ``organisation`` are slugs as in the listings.
    """
    initiatives = initiatives_for_listing(home=home, area=area, organisation=organisation, with_images=False)
    if initiative is not None:
        initiatives = initiatives.filter(pk=initiative.pk)
    occurrences = InitiativeOccurrence.objects.filter(page__in=initiatives.values("pk"))
    if after is not None:
        occurrences = occurrences.filter(Q(end__gte=after) | Q(end__isnull=True, start__gte=after))
    if before is not None:
        occurrences = occurrences.filter(start__lt=before)
    occurrences = occurrences.select_related("page").prefetch_related("page__areas").order_by("start", "pk")
    return occurrences


def attach_occurrence_organisations(occurrences):
    """``occurrence.page.organisation_page`` for every occurrence, in one query."""
    occurrences = list(occurrences)
    attach_organisations(occurrence.page for occurrence in occurrences)
    return occurrences


def partner_activity(*, partner):
    """The live initiatives a partner takes part in and the news about them.

    Translated initiatives keep linking to the Polish partner page, so the
    link is matched by the partner's translation key, as an EXISTS subquery:
    the join it replaces needed DISTINCT over every column (23 ms at 5,000
    initiatives).
    """
    takes_part = Exists(
        InitiativePage.partners.through.objects.filter(
            initiativepage_id=OuterRef("pk"), partnerpage__translation_key=partner.translation_key
        )
    )

    initiatives = with_cards(
        pages_public(InitiativePage.objects.live()).filter(takes_part, locale_id=partner.locale_id)
    ).order_by("-start_date", "title", "pk")
    news = (
        pages_public(NewsPage.objects.live())
        .filter(
            locale_id=partner.locale_id,
            related_initiative_id__in=InitiativePage.objects.filter(takes_part).values("pk"),
        )
        .order_by("-date", "-first_published_at", "pk")[:10]
    )
    return {"partner_initiatives": list(initiatives), "partner_news": list(news)}
