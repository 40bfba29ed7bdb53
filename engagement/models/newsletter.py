"""The newsletter: consent texts, subscribers, issues and their deliveries.

Personal data is kept to what the newsletter needs (address, language,
scope) plus the proof of consent (which text, in which language, when).
Withdrawing consent deletes the subscription; delivery rows stay, detached,
so an issue's sent/failed counts remain true.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable

from core.locales import language_choices
from core.queries import network_home_paths, pages_under_filter

from ..admin_forms import NetworkRecordForm
from .network import network_field


class SubscriptionScope(models.TextChoices):
    NETWORK = "network", _("The whole network")
    ORGANISATION = "organisation", _("One member organisation")
    AREA = "area", _("One area of cooperation")


class ConsentText(models.Model):
    """One version of the newsletter consent, in one language. Published versions are never edited."""

    language = models.CharField(_("language"), max_length=10, choices=language_choices)
    version = models.PositiveIntegerField(_("version"), editable=False)
    text = models.TextField(_("text"), max_length=3000)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [FieldPanel("language"), FieldPanel("text")]

    class Meta:
        verbose_name = _("newsletter consent text")
        verbose_name_plural = _("newsletter consent texts")
        ordering = ["language", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["language", "version"], name="unique_consent_version_per_language")
        ]

    def __str__(self):
        return f"{self.get_language_display()} v{self.version}"

    def save(self, *args, **kwargs):
        if self.version is None:
            last = ConsentText.objects.filter(language=self.language).aggregate(models.Max("version"))["version__max"]
            self.version = (last or 0) + 1
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.pk and self.subscribers.exists():
            original = ConsentText.objects.get(pk=self.pk)
            if (original.text, original.language) != (self.text, self.language):
                raise ValidationError(
                    {"text": _("People have agreed to this version: add a new version instead of changing it.")}
                )

    @classmethod
    def current(cls, language):
        return cls.objects.filter(language=language).order_by("-version").first()


class RestrictionGround(models.TextChoices):
    """Why processing of a subscription is restricted (the data stays, nothing is sent)."""

    RESTRICTION = "restriction", _("Restriction of processing (GDPR art. 18)")
    OBJECTION = "objection", _("Objection to processing (GDPR art. 21)")


def _optional_link(model, verbose_name, on_delete, help_text):
    return models.ForeignKey(
        model,
        null=True,
        blank=True,
        on_delete=on_delete,
        related_name="+",
        verbose_name=verbose_name,
        help_text=help_text,
    )


def audience_model(*, on_delete, scope_label, organisation_help="", area_help=""):
    """An abstract model with the fields that say who something is for: network, language, scope, organisation, area.

    Subscriptions and issues need the same four fields; they differ only in
    what happens when the organisation or area goes away (a subscription to
    it goes too, an issue keeps its history) and in their labels.
    """

    class Audience(models.Model):
        site = network_field()
        language = models.CharField(_("language"), max_length=10, choices=language_choices)
        scope = models.CharField(
            scope_label, max_length=20, choices=SubscriptionScope.choices, default=SubscriptionScope.NETWORK
        )
        organisation = _optional_link(
            "partners.MemberOrganisationPage", _("organisation"), on_delete, organisation_help
        )
        area = _optional_link("partners.CooperationArea", _("area of cooperation"), on_delete, area_help)

        class Meta:
            abstract = True

        def get_scope_display_full(self):
            if self.scope == SubscriptionScope.ORGANISATION and self.organisation:
                return f"{self.get_scope_display()}: {self.organisation.title}"
            if self.scope == SubscriptionScope.AREA and self.area:
                return f"{self.get_scope_display()}: {self.area.name}"
            return str(self.get_scope_display())

        def organisation_in_network(self):
            """Whether the organisation (if any) is one of this record's network."""
            if self.organisation_id is None or self.site_id is None:
                return True
            inside = pages_under_filter(network_home_paths(site_ids=[self.site_id]))
            return type(self.organisation).objects.filter(inside, pk=self.organisation_id).exists()

    return Audience


class Subscriber(audience_model(on_delete=models.CASCADE, scope_label=_("scope"))):
    email = models.EmailField(_("e-mail"))
    consent = models.ForeignKey(
        ConsentText, on_delete=models.PROTECT, related_name="subscribers", verbose_name=_("consent text accepted")
    )
    consented_at = models.DateTimeField(_("consent given at"))
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Bound into every signed link: a link stops working once the
    # subscription is erased, even if the same address subscribes again.
    key = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    # GDPR art. 18 / 21: the data stays (and shows in exports and records of
    # processing), but nothing is sent until the subscriber lifts it.
    restricted_at = models.DateTimeField(_("processing restricted since"), null=True, blank=True)
    restriction_ground = models.CharField(
        _("ground of the restriction"), max_length=20, choices=RestrictionGround.choices, blank=True
    )
    # Bounces reported later by e-mail (manage.py process_bounces).
    hard_bounces = models.PositiveIntegerField(_("hard bounces"), default=0)
    soft_bounces = models.PositiveIntegerField(_("soft bounces"), default=0)
    suspended_at = models.DateTimeField(
        _("suspended for bounces since"),
        null=True,
        blank=True,
        help_text=_("Set after too many hard bounces: the address no longer receives issues."),
    )

    # A change of address waits here until it is confirmed through a signed
    # link e-mailed to the new address (engagement.links, purpose "email");
    # only then does ``email`` change. Cleared by the daily purge once the
    # link has expired.
    pending_email = models.EmailField(_("new address awaiting confirmation"), blank=True)
    pending_email_at = models.DateTimeField(_("address change requested at"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]
        # One subscription per address, network and scope (organisation/area are set exactly for their scope).
        constraints = [
            models.UniqueConstraint(
                fields=["email", "site"], condition=models.Q(scope="network"), name="unique_network_subscription"
            ),
            models.UniqueConstraint(
                fields=["email", "site", "organisation"],
                condition=models.Q(scope="organisation"),
                name="unique_organisation_subscription",
            ),
            models.UniqueConstraint(
                fields=["email", "site", "area"], condition=models.Q(scope="area"), name="unique_area_subscription"
            ),
        ]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def is_restricted(self):
        return self.restricted_at is not None

    @property
    def is_suspended(self):
        return self.suspended_at is not None

    @property
    def receives_mail(self):
        """Only confirmed subscriptions that are neither restricted nor suspended get issues."""
        return self.is_confirmed and not self.is_restricted and not self.is_suspended


class IssueStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


class NewsletterIssue(
    audience_model(
        on_delete=models.SET_NULL,
        scope_label=_("audience"),
        organisation_help=_("Only for issues sent to one organisation's subscribers."),
        area_help=_("Only for issues sent to one area's subscribers."),
    ),
    ClusterableModel,
):
    """One issue of the newsletter in one language, composed from recent content."""

    subject = models.CharField(_("subject"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True, max_length=3000)
    status = models.CharField(
        _("status"), max_length=10, choices=IssueStatus.choices, default=IssueStatus.DRAFT, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sending started at"), null=True, blank=True, editable=False)
    task_id = models.CharField(max_length=64, blank=True, editable=False)

    base_form_class = NetworkRecordForm
    panels = [
        FieldPanel("site"),
        FieldPanel("language"),
        FieldPanel("subject"),
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("scope"), FieldPanel("organisation"), FieldPanel("area")], heading=_("Audience")),
        InlinePanel("items", label=_("Items")),
    ]

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} ({self.language})"

    def clean(self):
        super().clean()
        if self.scope == SubscriptionScope.ORGANISATION and not self.organisation_id:
            raise ValidationError({"organisation": _("Choose the organisation whose subscribers get this issue.")})
        if self.scope == SubscriptionScope.AREA and not self.area_id:
            raise ValidationError({"area": _("Choose the area whose subscribers get this issue.")})
        if self.scope == SubscriptionScope.ORGANISATION and not self.organisation_in_network():
            raise ValidationError({"organisation": _("Choose an organisation of the issue's network.")})


class NewsletterIssueItem(Orderable):
    issue = ParentalKey(NewsletterIssue, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))
    note = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_("Optional; the page summary is used otherwise.")
    )

    panels = [PageChooserPanel("page", ["initiatives.NewsPage", "initiatives.InitiativePage"]), FieldPanel("note")]


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    BOUNCED = "bounced", _("Bounced")


class Delivery(models.Model):
    """One issue to one subscriber; kept (detached) when the subscriber leaves."""

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries")
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    error = models.TextField(blank=True)
    attempted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="one_delivery_per_issue_and_subscriber")
        ]


class BounceKind(models.TextChoices):
    HARD = "hard", _("Hard (permanent failure)")
    SOFT = "soft", _("Soft (temporary failure)")


class Bounce(models.Model):
    """A bounce reported by e-mail after sending, matched to its delivery and subscription.

    Bounces that match nothing are not stored here (they would be personal
    data of strangers): ``process_bounces`` reports them and leaves them in
    the mailbox's "unmatched" folder for a person to look at.
    """

    delivery = models.ForeignKey(
        Delivery, null=True, blank=True, on_delete=models.SET_NULL, related_name="bounces", verbose_name=_("delivery")
    )
    subscriber = models.ForeignKey(
        Subscriber,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bounces",
        verbose_name=_("subscriber"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=BounceKind.choices)
    status = models.CharField(_("status code"), max_length=20, blank=True, help_text=_("e.g. 5.1.1"))
    diagnostic = models.TextField(_("diagnostic"), blank=True)
    message_id = models.CharField(_("message ID of the report"), max_length=998, blank=True)
    received_at = models.DateTimeField(_("processed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("bounce")
        verbose_name_plural = _("bounces")
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.status}".strip()
