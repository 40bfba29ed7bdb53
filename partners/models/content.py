"""Partner towns abroad, the local partnership's member organisations and the
areas they cooperate in."""

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Collection, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from django_countries.fields import CountryField
from rest_framework.fields import CharField

from core import api as api_serializers
from core.blocks import BodyBlock
from core.models import PAGE_TRANSLATABLE_FIELDS, ListingMixin, SiteImage, tabbed_edit_handler


class CooperationArea(TranslatableMixin, index.Indexed, models.Model):
    """A field of cooperation (culture, youth exchange, seniors, …) used to filter everything."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("Used in filter URLs, e.g. ?area=culture."))
    description = models.TextField(_("description"), blank=True, max_length=400)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # The slug stays the same in every language so that ?area=culture filters
    # work whichever locale the reader is in.
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug"), TranslatableField("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("area of cooperation")
        verbose_name_plural = _("areas of cooperation")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_cooperation_area_slug_per_locale"),
        ]

    def __str__(self):
        return self.name


class RelationshipStatus(models.TextChoices):
    OFFICIAL_AGREEMENT = "official_agreement", _("Official partnership agreement")
    COOPERATION_AGREEMENT = "cooperation_agreement", _("Cooperation agreement or protocol")
    LETTER_OF_INTENT = "letter_of_intent", _("Letter of intent")
    INFORMAL_CONTACTS = "informal_contacts", _("Informal contacts")
    ENDED = "ended", _("Ended")


class PartnerKind(models.TextChoices):
    TOWN = "town", _("Town or municipality")
    COUNTY = "county", _("County or district")
    REGION = "region", _("Region")
    ORGANISATION = "organisation", _("Organisation")


class AgreementKind(models.TextChoices):
    PARTNERSHIP_AGREEMENT = "partnership_agreement", _("Partnership agreement")
    COOPERATION_AGREEMENT = "cooperation_agreement", _("Cooperation agreement")
    COOPERATION_PROTOCOL = "cooperation_protocol", _("Cooperation protocol")
    LETTER_OF_INTENT = "letter_of_intent", _("Letter of intent")
    AMENDMENT = "amendment", _("Amendment or renewal")


class CoordinatesMixin(models.Model):
    """Latitude and longitude of a place abroad (both or neither), shared by
    partner pages and directory partnerships so that both validate alike."""

    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Between -90 and 90, e.g. 51.843 for Borken."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Between -180 and 180, e.g. 6.858 for Borken."),
    )

    class Meta:
        abstract = True

    def coordinate_errors(self):
        """{field: message} when only one coordinate is given; for clean()."""
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            return {missing: _("Give both latitude and longitude, or neither.")}
        return {}

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None


class PartnerPage(ListingMixin, CoordinatesMixin, Page):
    """A partner town, county, region or organisation abroad."""

    official_name = models.CharField(
        _("official name"), max_length=200, help_text=_("The name in the partner's own language, e.g. Stadt Borken.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices, default=PartnerKind.TOWN)
    country = CountryField(_("country"))
    region = models.CharField(_("region"), max_length=120, blank=True, help_text=_("Region, state or district."))
    # The Polish side of the twinning: a network may speak for several local units (a county for its
    # municipalities), and the partnership directory's row needs the one this partner belongs to.
    local_unit = models.CharField(
        _("Polish partner"),
        max_length=200,
        blank=True,
        help_text=_("The Polish town, municipality or county this partner is twinned with, e.g. Konstancin-Jeziorna."),
    )
    website = models.URLField(_("website"), blank=True)
    coat_of_arms = models.ForeignKey(
        SiteImage,
        verbose_name=_("coat of arms or logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    relationship_status = models.CharField(
        _("relationship status"),
        max_length=30,
        choices=RelationshipStatus.choices,
        default=RelationshipStatus.OFFICIAL_AGREEMENT,
    )
    cooperation_since_year = models.PositiveSmallIntegerField(
        _("cooperating since (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    cooperation_since_date = models.DateField(
        _("cooperating since (exact date)"), null=True, blank=True, help_text=_("If known; the year is then filled in.")
    )
    areas = ParentalManyToManyField(CooperationArea, blank=True, verbose_name=_("areas of cooperation"))
    summary = models.TextField(_("summary"), blank=True, max_length=400)
    description = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []
    template = "pages/partner_page.html"

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("official_name"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("country")]),
                FieldPanel("region"),
                FieldPanel("local_unit"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("website"),
                FieldPanel("coat_of_arms"),
            ],
            heading=_("Identity"),
        ),
        FieldPanel("summary"),
        FieldPanel("description"),
    ]
    relationship_panels = [
        FieldPanel("relationship_status"),
        FieldRowPanel([FieldPanel("cooperation_since_year"), FieldPanel("cooperation_since_date")]),
        FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
        InlinePanel("agreements", label=_("Agreements"), heading=_("Agreements")),
    ]
    edit_handler = tabbed_edit_handler(content_panels, ObjectList(relationship_panels, heading=_("Partnership")))

    search_fields = [
        *Page.search_fields,
        index.SearchField("official_name", boost=2),
        index.AutocompleteField("official_name"),
        index.SearchField("region"),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("country"),
        index.FilterField("relationship_status"),
        index.SearchField("search_normalised_text"),
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        SynchronizedField("official_name"),  # the partner's own name, e.g. Stadt Borken
        SynchronizedField("kind"),
        SynchronizedField("country"),
        TranslatableField("region"),
        SynchronizedField("local_unit"),  # a proper name, the same in every language
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("website"),
        SynchronizedField("coat_of_arms"),
        SynchronizedField("relationship_status"),
        SynchronizedField("cooperation_since_year"),
        SynchronizedField("cooperation_since_date"),
        SynchronizedField("areas"),  # shown through `.localized` in the reader's language
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("agreements"),  # places and signatories translated, dates and documents copied
    ]

    # The open API (/api/v2/pages/?type=partners.PartnerPage&fields=*); see docs/api.md.
    api_fields = [
        APIField("official_name"),
        APIField("kind"),
        APIField("country", serializer=api_serializers.CountryField()),
        APIField("region"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("website"),
        APIField("relationship_status"),
        APIField("relationship_status_display", serializer=CharField(source="get_relationship_status_display")),
        APIField("cooperation_since_year"),
        APIField("cooperation_since_date"),
        APIField("areas", serializer=api_serializers.AreaListField()),
        APIField("summary"),
        APIField("coat_of_arms"),
    ]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def clean(self):
        super().clean()
        errors = self.coordinate_errors()
        if self.cooperation_since_date:
            if self.cooperation_since_year and self.cooperation_since_year != self.cooperation_since_date.year:
                errors["cooperation_since_year"] = _("The year does not match the exact date.")
            self.cooperation_since_year = self.cooperation_since_date.year
        if errors:
            raise ValidationError(errors)

    @property
    def main_image(self):
        return self.coat_of_arms


class SignatoryBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    function = blocks.CharBlock(label=_("Function"), max_length=160, help_text=_("E.g. Mayor of Borken."))

    class Meta:
        icon = "user"
        label = _("Signatory")


class PartnerAgreement(TranslatableMixin, Orderable):
    """One signed document in a partnership's history.

    Translatable (each row has a ``translation_key`` and a ``locale``) so that
    wagtail-localize offers its place and signatories to translators instead
    of copying the Polish text onto the German page.
    """

    page = ParentalKey(PartnerPage, related_name="agreements", on_delete=models.CASCADE)
    date_signed = models.DateField(_("date signed"))
    kind = models.CharField(_("kind"), max_length=30, choices=AgreementKind.choices)
    place = models.CharField(_("place of signing"), max_length=160, blank=True)
    signatories = StreamField(
        [("signatory", SignatoryBlock())], blank=True, verbose_name=_("signatories"), use_json_field=True
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("scanned document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("date_signed"), FieldPanel("kind")]),
        FieldPanel("place"),
        FieldPanel("signatories"),
        FieldPanel("document"),
    ]
    # Signatories' names are usually kept as they are; their functions
    # ("Burmistrz Bolesławca") and the place are translated.
    translatable_fields = [
        SynchronizedField("date_signed"),
        SynchronizedField("kind"),
        TranslatableField("place"),
        TranslatableField("signatories"),
        SynchronizedField("document"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("agreement")
        ordering = ["date_signed"]


class OrganisationKind(models.TextChoices):
    PUBLIC_INSTITUTION = "public_institution", _("Public institution")
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    NGO = "ngo", _("NGO or association")
    PARISH = "parish", _("Parish or religious body")
    BUSINESS = "business", _("Business")
    SCHOOL = "school", _("School")
    INDIVIDUAL = "individual", _("Individual")
    OTHER = "other", _("Other")


class OrganisationRole(models.TextChoices):
    LEADER = "leader", _("Leader")
    SIGNATORY = "signatory", _("Signatory")
    MEMBER = "member", _("Member")
    HONORARY_PATRON = "honorary_patron", _("Honorary patron")


class OrganisationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ARCHIVED = "archived", _("Archived")


class MemberOrganisationPage(ListingMixin, Page):
    """A member of the local partnership, and the root of its own section.

    The organisation's news and initiatives live below this page, which is
    what lets its editors be given rights on their own section only.
    """

    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    role = models.CharField(_("role"), max_length=20, choices=OrganisationRole.choices, default=OrganisationRole.MEMBER)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True, help_text=_("Only for former members."))
    logo = models.ForeignKey(
        SiteImage, verbose_name=_("logo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True, max_length=400)
    summary = models.TextField(_("summary"), blank=True, max_length=400)
    description = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))

    # Editorial links, kept as foreign keys so that renaming the organisation
    # never loses its editors' group or its media collection.
    status = models.CharField(
        _("status"), max_length=10, choices=OrganisationStatus.choices, default=OrganisationStatus.ACTIVE
    )
    editors_group = models.ForeignKey(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.ForeignKey(
        Collection, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    parent_page_types = ["partners.MemberOrganisationIndexPage"]
    subpage_types = ["initiatives.InitiativePage", "initiatives.NewsPage", "engagement.ContactFormPage"]
    template = "pages/member_organisation_page.html"

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("role")]),
                FieldRowPanel([FieldPanel("joined_on"), FieldPanel("left_on")]),
                FieldPanel("logo"),
            ],
            heading=_("Membership"),
        ),
        FieldPanel("summary"),
        FieldPanel("description"),
    ]
    contact_panels = [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone"), FieldPanel("address")]
    edit_handler = tabbed_edit_handler(content_panels, ObjectList(contact_panels, heading=_("Contact")))

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("search_normalised_text"),
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        SynchronizedField("kind"),
        SynchronizedField("role"),
        SynchronizedField("joined_on"),
        SynchronizedField("left_on"),
        SynchronizedField("logo"),
        SynchronizedField("website"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        TranslatableField("address"),
        TranslatableField("summary"),
        TranslatableField("description"),
        SynchronizedField("status"),
    ]

    # The open API; the editors' group and media collection stay internal.
    api_fields = [
        APIField("kind"),
        APIField("role"),
        APIField("status"),
        APIField("joined_on"),
        APIField("left_on"),
        APIField("website"),
        APIField("summary"),
        APIField("logo"),
    ]

    class Meta:
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")

    def clean(self):
        super().clean()
        if self.joined_on and self.left_on and self.left_on < self.joined_on:
            raise ValidationError({"left_on": _("An organisation cannot leave before it joined.")})

    @property
    def main_image(self):
        return self.logo
