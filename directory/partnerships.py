"""The partnership directory's data: every twinning of a Polish municipality, county
or region with a partner abroad, at European scale (tens of thousands of rows).

Partnerships are data, not pages: a snippet edited in the admin, imported from
CSV/XLSX and shown on one :class:`PartnershipDirectoryPage` per site.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from django_countries import countries
from django_countries.fields import CountryField

from partners.models import CooperationArea, CoordinatesMixin, PartnerKind, PartnerPage, RelationshipStatus


class LocalUnitKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    COUNTY = "county", _("County")
    REGION = "region", _("Region")


class Voivodeship(models.TextChoices):
    # Proper names of the sixteen Polish regions: not translated.
    DOLNOSLASKIE = "dolnoslaskie", "dolnośląskie"
    KUJAWSKO_POMORSKIE = "kujawsko-pomorskie", "kujawsko-pomorskie"
    LUBELSKIE = "lubelskie", "lubelskie"
    LUBUSKIE = "lubuskie", "lubuskie"
    LODZKIE = "lodzkie", "łódzkie"
    MALOPOLSKIE = "malopolskie", "małopolskie"
    MAZOWIECKIE = "mazowieckie", "mazowieckie"
    OPOLSKIE = "opolskie", "opolskie"
    PODKARPACKIE = "podkarpackie", "podkarpackie"
    PODLASKIE = "podlaskie", "podlaskie"
    POMORSKIE = "pomorskie", "pomorskie"
    SLASKIE = "slaskie", "śląskie"
    SWIETOKRZYSKIE = "swietokrzyskie", "świętokrzyskie"
    WARMINSKO_MAZURSKIE = "warminsko-mazurskie", "warmińsko-mazurskie"
    WIELKOPOLSKIE = "wielkopolskie", "wielkopolskie"
    ZACHODNIOPOMORSKIE = "zachodniopomorskie", "zachodniopomorskie"


class StatusEventKind(models.TextChoices):
    SIGNED = "signed", _("Signed")
    RENEWED = "renewed", _("Renewed")
    DORMANT = "dormant", _("Dormant")
    ENDED = "ended", _("Ended")


# Letters NFKD does not decompose into a base letter plus a mark.
_EXTRA_FOLDS = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th"})


def fold_text(value):
    """Lower-case, without diacritics: what the directory search compares (Łódź → lodz)."""
    value = (value or "").lower().translate(_EXTRA_FOLDS)
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def partnership_search_text(*, local_unit_name, partner_name, partner_region, country):
    """The folded text the directory search looks in; the country by its English name,
    whatever language is active when the row is saved."""
    with translation.override("en"):
        country_name = str(countries.name(country))
    return fold_text(" ".join([local_unit_name, partner_name, partner_region, country_name]))


class Partnership(CoordinatesMixin, ClusterableModel):
    """One twinning: a Polish local unit and its partner abroad."""

    local_unit_name = models.CharField(_("local unit"), max_length=200, help_text=_("E.g. Konstancin-Jeziorna."))
    local_unit_kind = models.CharField(
        _("kind of local unit"), max_length=20, choices=LocalUnitKind.choices, default=LocalUnitKind.MUNICIPALITY
    )
    voivodeship = models.CharField(_("voivodeship"), max_length=24, choices=Voivodeship.choices, blank=True)
    teryt = models.CharField(
        _("TERYT code"),
        max_length=7,
        blank=True,
        help_text=_("The official territorial code, 2 to 7 digits (e.g. 1405034)."),
    )
    partner_name = models.CharField(_("partner"), max_length=200, help_text=_("E.g. Leidschendam-Voorburg."))
    partner_kind = models.CharField(
        _("kind of partner"), max_length=20, choices=PartnerKind.choices, default=PartnerKind.TOWN
    )
    country = CountryField(_("country"))
    partner_region = models.CharField(_("partner's region"), max_length=120, blank=True)
    status = models.CharField(
        _("relationship status"),
        max_length=30,
        choices=RelationshipStatus.choices,
        default=RelationshipStatus.OFFICIAL_AGREEMENT,
    )
    since_year = models.PositiveSmallIntegerField(
        _("since (year)"), null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    since_date = models.DateField(_("since (exact date)"), null=True, blank=True)
    resolution_number = models.CharField(
        _("council resolution"), max_length=80, blank=True, help_text=_("E.g. XII/85/2006.")
    )
    areas = ParentalManyToManyField(
        CooperationArea, blank=True, related_name="partnerships", verbose_name=_("areas of cooperation")
    )
    recurring_events = models.TextField(
        _("recurring joint events"), blank=True, help_text=_("E.g. the town festival every June.")
    )
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("Where the data comes from."))
    notes = models.TextField(_("notes"), blank=True)
    partner_page = models.ForeignKey(
        PartnerPage,
        verbose_name=_("partner page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partnerships",
    )
    last_activity = models.DateField(
        _("last joint activity"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the latest initiative or news linked to the partner page."),
    )
    # Folded copy of the names, kept up to date by save() and by the import,
    # so that "lodz" finds "Łódź" without a database extension.
    search_text = models.TextField(editable=False, blank=True, default="")
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("local_unit_name"),
                FieldRowPanel([FieldPanel("local_unit_kind"), FieldPanel("voivodeship"), FieldPanel("teryt")]),
            ],
            heading=_("Local unit"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("partner_name"),
                FieldRowPanel([FieldPanel("partner_kind"), FieldPanel("country")]),
                FieldPanel("partner_region"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("partner_page"),
            ],
            heading=_("Partner abroad"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("since_year"), FieldPanel("since_date")]),
                FieldPanel("resolution_number"),
                FieldPanel("last_activity"),
            ],
            heading=_("Relationship"),
        ),
        InlinePanel("status_events", label=_("Status history"), heading=_("Status history")),
        FieldPanel("areas"),
        FieldPanel("recurring_events"),
        FieldPanel("source"),
        FieldPanel("notes"),
    ]

    class Meta:
        app_label = "partners"  # the code moved to directory/; the table and its migrations stay partners'
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["local_unit_name", "partner_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["local_unit_name", "partner_name", "country"], name="unique_partnership_natural_key"
            ),
        ]
        indexes = [
            models.Index(fields=["country"], name="partnership_country_idx"),
            models.Index(fields=["voivodeship"], name="partnership_voivodeship_idx"),
            models.Index(fields=["local_unit_kind"], name="partnership_unit_kind_idx"),
            models.Index(fields=["status"], name="partnership_status_idx"),
            models.Index(fields=["since_year"], name="partnership_since_year_idx"),
            models.Index(fields=["partner_name"], name="partnership_partner_name_idx"),
        ]

    def __str__(self):
        return f"{self.local_unit_name} – {self.partner_name} ({self.country.code})"

    def clean(self):
        super().clean()
        errors = self.coordinate_errors()
        if self.teryt and not (self.teryt.isdigit() and 2 <= len(self.teryt) <= 7):
            errors["teryt"] = _("A TERYT code has 2 to 7 digits.")
        if self.since_date:
            if self.since_year and self.since_year != self.since_date.year:
                errors["since_year"] = _("The year does not match the exact date.")
            self.since_year = self.since_date.year
        if errors:
            raise ValidationError(errors)

    def compute_search_text(self):
        return partnership_search_text(
            local_unit_name=self.local_unit_name,
            partner_name=self.partner_name,
            partner_region=self.partner_region,
            country=self.country.code,
        )

    def save(self, *args, **kwargs):
        self.search_text = self.compute_search_text()
        super().save(*args, **kwargs)

    @property
    def since_display(self):
        return self.since_date.isoformat() if self.since_date else (str(self.since_year) if self.since_year else "")


class PartnershipStatusEvent(Orderable):
    """One step of a partnership's history: signed, renewed, dormant, ended."""

    partnership = ParentalKey(Partnership, related_name="status_events", on_delete=models.CASCADE)
    kind = models.CharField(_("what happened"), max_length=10, choices=StatusEventKind.choices)
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        app_label = "partners"
        verbose_name = _("status change")
        verbose_name_plural = _("status history")
        ordering = ["date", "sort_order"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date}"
