"""The partner list (with its map) and the member organisation list of a network's language."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from core.models import PAGE_TRANSLATABLE_FIELDS, ListingMixin, tabbed_edit_handler

from ..map import map_context
from ..views import organisation_listing_context, partner_listing_context


class PartnerIndexPage(RoutablePageMixin, ListingMixin, Page):
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerPage"]
    max_count_per_parent = 1
    template = "pages/partner_index_page.html"

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    edit_handler = tabbed_edit_handler(content_panels)
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("introduction")]

    class Meta:
        verbose_name = _("partner index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(partner_listing_context(request, index=self))
        return context

    @path("map/", name="map")
    def map_view(self, request):
        """<index>/map/: the partners on a map, with a list that works without JavaScript."""
        return self.render(
            request, template="pages/partner_map.html", context_overrides=map_context(index=self, request=request)
        )

    def get_sitemap_urls(self, request=None):
        """The listing and its map, both worth indexing."""
        urls = super().get_sitemap_urls(request)
        return [*urls, {**urls[0], "location": urls[0]["location"] + self.reverse_subpage("map")}]


class MemberOrganisationIndexPage(ListingMixin, Page):
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.MemberOrganisationPage", "engagement.AccessionPage"]
    max_count_per_parent = 1
    template = "pages/member_organisation_index_page.html"

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    edit_handler = tabbed_edit_handler(content_panels)
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("introduction")]

    class Meta:
        verbose_name = _("member organisation index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(organisation_listing_context(request, index=self))
        return context
