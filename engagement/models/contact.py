"""Contact forms built in the admin with Wagtail's form builder."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from wagtail_honeypot.models import HoneypotFormMixin, HoneypotFormSubmissionMixin

from core.models import ListingMixin, tabbed_edit_handler
from engagement.abuse import rate_limit_exceeded, rate_limited_response


class ContactFormField(AbstractFormField):
    page = ParentalKey("engagement.ContactFormPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactFormPage(ListingMixin, HoneypotFormMixin, HoneypotFormSubmissionMixin):
    """A contact form of the network or of one member organisation.

    Its submissions are visible in the admin to whoever may edit the page,
    i.e. the organisation's own editors (and the network's moderators).
    The honeypot is wagtail-honeypot's (on by default, HONEYPOT_ENABLED_DEFAULT):
    a submission that trips it gets the thank-you page but is neither stored
    nor e-mailed.
    """

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    privacy_notice = models.TextField(
        _("privacy notice"),
        blank=True,
        max_length=1000,
        help_text=_("Who reads the messages, why, and how long they are kept. Shown under the form."),
    )
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage", "partners.MemberOrganisationPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "engagement/contact_form_page.html"
    landing_page_template = "engagement/contact_form_page_landing.html"

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
        FieldPanel("honeypot"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail"),
        ),
    ]
    edit_handler = tabbed_edit_handler(content_panels)

    class Meta:
        verbose_name = _("contact form page")

    def serve(self, request, *args, **kwargs):
        if rate_limit_exceeded(request, scope="contact"):
            return rate_limited_response(request)
        return super().serve(request, *args, **kwargs)
