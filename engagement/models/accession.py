"""Joining the partnership: the public form page and the requests it creates."""

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.locales import language_choices
from home.models import ListingMixin, tabbed_edit_handler
from partners.models import OrganisationKind


class Offer(models.TextChoices):
    KNOWLEDGE = "knowledge", _("Knowledge and experience")
    PREMISES = "premises", _("Premises")
    EQUIPMENT = "equipment", _("Equipment")
    VOLUNTEERS = "volunteers", _("Volunteers")


class AccessionStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


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
        from engagement.views import accession_page_serve

        return accession_page_serve(request, page=self)

    def render_form(self, request, *, form, template=None, status=200):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, template or self.get_template(request), context, status=status)


class AccessionRequest(models.Model):
    """An organisation's request to join, reviewed by the leader's editors and the moderators."""

    page = models.ForeignKey(
        AccessionPage, null=True, on_delete=models.SET_NULL, related_name="requests", verbose_name=_("form page")
    )
    organisation_name = models.CharField(_("organisation name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    contact_person = models.CharField(_("contact person"), max_length=160)
    email = models.EmailField(_("e-mail"))
    offers = models.JSONField(_("offers"), blank=True, default=list, help_text=_("A list of Offer values."))
    goals = models.TextField(_("statutory goals supported"), blank=True, max_length=2000)
    language = models.CharField(_("language"), max_length=10, choices=language_choices)
    consent_text = models.TextField(_("consent text accepted"))
    consented_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    status = models.CharField(
        _("status"), max_length=10, choices=AccessionStatus.choices, default=AccessionStatus.PENDING
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True, max_length=2000)
    organisation = models.ForeignKey(
        "partners.MemberOrganisationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisation page"),
    )

    class Meta:
        verbose_name = _("accession request")
        verbose_name_plural = _("accession requests")
        ordering = ["-created_at"]
        permissions = [("review_accessionrequest", "Can approve or reject accession requests")]

    def __str__(self):
        return self.organisation_name

    def get_offers_display(self):
        labels = dict(Offer.choices)
        return ", ".join(str(labels.get(offer, offer)) for offer in self.offers)
