"""The directory's page type: one per site, serving the filterable list, its exports and map data.

Its models keep the ``partners`` app label (tables and migrations from before
the directory was an app of its own): moving the code needed no migration.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.models import ListingMixin, tabbed_edit_handler

from .partnerships import (  # noqa: F401  (registers the directory's data models with the app)
    LocalUnitKind,
    Partnership,
    PartnershipStatusEvent,
    StatusEventKind,
    Voivodeship,
)
from .views import directory_anniversaries_ics, directory_export, directory_geojson, directory_index


class PartnershipDirectoryPage(RoutablePageMixin, ListingMixin, Page):
    """The public, filterable directory of partnerships, with exports, map data and statistics."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    per_page = models.PositiveSmallIntegerField(
        _("partnerships per page"), default=50, validators=[MinValueValidator(10), MaxValueValidator(200)]
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/partnership_directory_page.html"

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("per_page")]
    edit_handler = tabbed_edit_handler(content_panels)

    class Meta:
        app_label = "partners"
        verbose_name = _("partnership directory page")

    @path("")
    def directory(self, request):
        return directory_index(request, page=self)

    @path("export/<str:fmt>/")
    def export(self, request, fmt):
        return directory_export(request, page=self, fmt=fmt)

    @path("geojson/")
    def geojson(self, request):
        return directory_geojson(request, page=self)

    @path("anniversaries/ics/")
    def anniversaries(self, request):
        return directory_anniversaries_ics(request, page=self)
