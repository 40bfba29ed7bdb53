"""The initiative and news index pages: every item of a network's language, filtered; and the calendar."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from core.models import PAGE_TRANSLATABLE_FIELDS, ListingMixin, tabbed_edit_handler

from .. import calendar
from ..views import initiative_listing_context, news_listing_context


class InitiativeIndexPage(RoutablePageMixin, ListingMixin, Page):
    """Lists every initiative of the site, wherever it sits in the tree.

    Also serves the network's calendar (an upcoming list, a month view and
    iCalendar feeds) as sub-routes, see docs/public-urls.md.
    """

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/initiative_index_page.html"

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    edit_handler = tabbed_edit_handler(content_panels)
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("introduction")]

    class Meta:
        verbose_name = _("initiative index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The calendar's routes render this page too, without the listing.
        match = getattr(request, "routable_resolver_match", None)
        if match is None or match.url_name in (None, "index_route"):
            context.update(initiative_listing_context(request, index=self))
        return context

    def get_cached_paths(self):
        """What wagtail.contrib.frontend_cache purges with the listing: the calendar and its file."""
        return ["/", "calendar/", "calendar/ical/"]

    # The calendar: thin routes, the work is in initiatives/calendar.py.
    @path("calendar/", name="calendar")
    def calendar_upcoming(self, request):
        return calendar.upcoming_view(request, index=self)

    @path("calendar/<int:year>/<int:month>/", name="calendar_month")
    def calendar_month(self, request, year, month):
        return calendar.month_view(request, index=self, year=year, month=month)

    @path("calendar/ical/", name="ical")
    def ical_network(self, request):
        return calendar.ical_view(request, index=self)

    @path("calendar/ical/<slug:organisation>/", name="ical_organisation")
    def ical_organisation(self, request, organisation):
        return calendar.ical_view(request, index=self, organisation_slug=organisation)

    @path("calendar/ical/<slug:organisation>/<slug:initiative>/", name="ical_initiative")
    def ical_initiative(self, request, organisation, initiative):
        return calendar.ical_view(request, index=self, organisation_slug=organisation, initiative_slug=initiative)


class NewsIndexPage(ListingMixin, Page):
    """Lists every news item of the site, newest first."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/news_index_page.html"

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    edit_handler = tabbed_edit_handler(content_panels)
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("introduction")]

    class Meta:
        verbose_name = _("news index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(news_listing_context(request, index=self))
        return context
