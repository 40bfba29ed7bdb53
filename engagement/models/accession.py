"""Joining the partnership: the public form page and the requests it creates."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.locales import language_choices
from partners.models import OrganisationKind

from .network import network_field


class Offer(models.TextChoices):
    KNOWLEDGE = "knowledge", _("Knowledge and experience")
    PREMISES = "premises", _("Premises")
    EQUIPMENT = "equipment", _("Equipment")
    VOLUNTEERS = "volunteers", _("Volunteers")


class AccessionStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class AccessionRequest(models.Model):
    """An organisation's request to join, reviewed by the leader's editors and the moderators."""

    site = network_field()
    page = models.ForeignKey(
        "engagement.AccessionPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="requests",
        verbose_name=_("form page"),
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
