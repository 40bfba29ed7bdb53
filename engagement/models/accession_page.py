"""The accession form page: organisations apply to join the partnership (the form is in ``engagement.views``)."""

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.models import ListingMixin, tabbed_edit_handler

from ..views import accession_page_serve


class AccessionPage(ListingMixin, Page):
    """The public "join the partnership" form."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    goals_help = models.TextField(
        _("statutory goals"),
        blank=True,
        max_length=2000,
        help_text=_("The partnership's statutory goals, shown next to the question which ones the applicant supports."),
    )
    consent_text = models.TextField(
        _("consent text"),
        max_length=2000,
        help_text=_("What the applicant agrees to: who processes the data, why, for how long, and their rights."),
    )
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage", "partners.MemberOrganisationIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "engagement/accession_page.html"
    landing_template = "engagement/accession_page_landing.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("goals_help"),
        FieldPanel("consent_text"),
        FieldPanel("thank_you_text"),
    ]
    edit_handler = tabbed_edit_handler(content_panels)

    class Meta:
        verbose_name = _("accession form page")

    def serve(self, request, *args, **kwargs):
        return accession_page_serve(request, page=self)

    def render_form(self, request, *, form, template=None, status=200):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, template or self.get_template(request), context, status=status)
