"""Initiatives (projects, exchanges, events) and news, each published in the
section of the organisation that runs it."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from rest_framework.fields import CharField

from core import api as api_serializers
from core.blocks import BodyBlock
from core.models import PAGE_TRANSLATABLE_FIELDS, ListingMixin, SiteImage, tabbed_edit_handler
from partners.models import CooperationArea, MemberOrganisationPage


def organisation_parent(page):
    """The page's parent when it is a member organisation's page (the generic page: title and URL), else None."""
    parent = getattr(page, "routed_parent", None) or page.get_parent()
    if parent is None or not issubclass(parent.specific_class or type(parent), MemberOrganisationPage):
        return None
    return parent


class InitiativeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class Currency(models.TextChoices):
    PLN = "PLN", "PLN"
    EUR = "EUR", "EUR"


class InitiativeTag(TaggedItemBase):
    content_object = ParentalKey("initiatives.InitiativePage", related_name="tagged_items", on_delete=models.CASCADE)


class InitiativePage(ListingMixin, Page):
    """A project, exchange or event series run by one or more member organisations."""

    summary = models.TextField(_("summary"), max_length=400, help_text=_("One or two sentences: what and for whom."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    status = models.CharField(
        _("status"), max_length=20, choices=InitiativeStatus.choices, default=InitiativeStatus.PLANNED
    )
    # Indexed: the listing shows the newest 12 of thousands, sorted by this date.
    start_date = models.DateField(_("start date"), null=True, blank=True, db_index=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    organisers = ParentalManyToManyField(
        "partners.MemberOrganisationPage",
        blank=True,
        related_name="co_organised_initiatives",
        verbose_name=_("co-organising organisations"),
        help_text=_("Other member organisations running this initiative with the section's owner."),
    )
    partners = ParentalManyToManyField(
        "partners.PartnerPage", blank=True, related_name="initiatives", verbose_name=_("partners involved")
    )
    areas = ParentalManyToManyField(CooperationArea, blank=True, verbose_name=_("areas of cooperation"))
    tags = ClusterTaggableManager(through=InitiativeTag, blank=True, verbose_name=_("tags"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    main_image = models.ForeignKey(
        SiteImage, verbose_name=_("main image"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    funding_programme = models.CharField(
        _("funding programme"), max_length=200, blank=True, help_text=_("E.g. Europe for Citizens.")
    )
    funding_amount = models.DecimalField(_("funding amount"), max_digits=12, decimal_places=2, null=True, blank=True)
    funding_currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.PLN)

    parent_page_types = ["partners.MemberOrganisationPage"]
    subpage_types = []
    template = "pages/initiative_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("main_image"),
        FieldPanel("body"),
        InlinePanel("gallery_images", label=_("Gallery"), heading=_("Gallery")),
        InlinePanel("related_documents", label=_("Related documents"), heading=_("Related documents")),
    ]
    details_panels = [
        FieldPanel("status"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("place"),
        FieldPanel("organisers", widget=forms.CheckboxSelectMultiple),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                FieldPanel("funding_programme"),
                FieldRowPanel([FieldPanel("funding_amount"), FieldPanel("funding_currency")]),
            ],
            heading=_("Funding"),
        ),
    ]
    occurrence_panels = [InlinePanel("occurrences", label=_("Event dates"), heading=_("Event dates"))]
    edit_handler = tabbed_edit_handler(
        content_panels,
        ObjectList(details_panels, heading=_("Details")),
        ObjectList(occurrence_panels, heading=_("Event dates")),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("place"),
        index.FilterField("status"),
        index.FilterField("start_date"),
        index.SearchField("search_normalised_text"),
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("status"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("organisers"),
        SynchronizedField("partners"),
        SynchronizedField("areas"),
        SynchronizedField("tagged_items"),
        TranslatableField("place"),
        SynchronizedField("main_image"),
        TranslatableField("funding_programme"),
        SynchronizedField("funding_amount"),
        SynchronizedField("funding_currency"),
        TranslatableField("gallery_images"),  # captions translated, images copied
        SynchronizedField("related_documents"),
        TranslatableField("occurrences"),  # venues and descriptions translated, dates copied
    ]

    # The open API (/api/v2/pages/?type=initiatives.InitiativePage&fields=*); see docs/api.md.
    api_fields = [
        APIField("summary"),
        APIField("status"),
        APIField("status_display", serializer=CharField(source="get_status_display")),
        APIField("start_date"),
        APIField("end_date"),
        APIField("place"),
        APIField("areas", serializer=api_serializers.AreaListField()),
        APIField("tags", serializer=api_serializers.TagListField()),
        APIField("organisation", serializer=api_serializers.LivePageField()),
        APIField("organisers", serializer=api_serializers.LivePageListField()),
        APIField("partners", serializer=api_serializers.LivePageListField()),
        APIField("occurrences", serializer=api_serializers.OccurrenceListField()),
        APIField("main_image"),
        APIField("funding_programme"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.funding_amount is not None and self.funding_amount < 0:
            raise ValidationError({"funding_amount": _("The amount cannot be negative.")})

    @cached_property
    def occurrence_list(self):
        """The dates, read once per request by the page and its JSON-LD."""
        return list(self.occurrences.all())

    @cached_property
    def organisation(self):
        """The member organisation whose section this initiative is in (its parent page).

        The page and the JSON-LD show its title and URL only: the parent that
        the routing already read (HomePage.route) does, without a query.
        """
        return organisation_parent(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        occurrences = self.occurrence_list
        context["upcoming_occurrences"] = [o for o in occurrences if (o.end or o.start) >= now]
        context["past_occurrences"] = [o for o in occurrences if (o.end or o.start) < now]
        return context


class InitiativeGalleryImage(TranslatableMixin, Orderable):
    """A gallery picture; translatable so that wagtail-localize offers its caption to translators."""

    page = ParentalKey(InitiativePage, related_name="gallery_images", on_delete=models.CASCADE)
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="+", verbose_name=_("image"))
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
    translatable_fields = [SynchronizedField("image"), TranslatableField("caption")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]


class InitiativeDocument(Orderable):
    page = ParentalKey(InitiativePage, related_name="related_documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )

    panels = [FieldPanel("document")]


class InitiativeOccurrence(TranslatableMixin, Orderable):
    """One dated event of an initiative: what the calendar shows.

    Translatable so that its venue and description are translated with the
    page (wagtail-localize) while the dates are copied from the Polish source.
    """

    page = ParentalKey(InitiativePage, related_name="occurrences", on_delete=models.CASCADE)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("venue"), FieldPanel("description")]
    translatable_fields = [
        SynchronizedField("start"),
        SynchronizedField("end"),
        TranslatableField("venue"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("event date")
        verbose_name_plural = _("event dates")
        ordering = ["start"]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})


class NewsTag(TaggedItemBase):
    content_object = ParentalKey("initiatives.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsPage(ListingMixin, Page):
    """A news item; its author is the organisation whose section it is in."""

    # Indexed: the home page and the feeds take the latest few of tens of thousands.
    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    intro = models.TextField(_("intro"), max_length=500, help_text=_("The lead paragraph, shown in lists."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    main_image = models.ForeignKey(
        SiteImage, verbose_name=_("image"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tags = ClusterTaggableManager(through=NewsTag, blank=True, verbose_name=_("tags"))
    areas = ParentalManyToManyField(CooperationArea, blank=True, verbose_name=_("areas of cooperation"))
    related_initiative = models.ForeignKey(
        InitiativePage,
        verbose_name=_("related initiative"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_items",
    )

    parent_page_types = ["partners.MemberOrganisationPage"]
    subpage_types = []
    template = "pages/news_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("main_image"),
        FieldPanel("body"),
    ]
    details_panels = [
        FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        PageChooserPanel("related_initiative", "initiatives.InitiativePage"),
    ]
    edit_handler = tabbed_edit_handler(content_panels, ObjectList(details_panels, heading=_("Details")))

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
        index.SearchField("search_normalised_text"),
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        SynchronizedField("date"),
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("main_image"),
        SynchronizedField("tagged_items"),
        SynchronizedField("areas"),
        SynchronizedField("related_initiative"),
    ]

    api_fields = [
        APIField("date"),
        APIField("intro"),
        APIField("areas", serializer=api_serializers.AreaListField()),
        APIField("tags", serializer=api_serializers.TagListField()),
        APIField("organisation", serializer=api_serializers.LivePageField()),
        APIField("related_initiative", serializer=api_serializers.LivePageField()),
        APIField("main_image"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    @cached_property
    def organisation(self):
        """As InitiativePage.organisation (None for network news)."""
        return organisation_parent(self)

    def get_listing_summary(self):
        return self.listing_summary or self.intro
