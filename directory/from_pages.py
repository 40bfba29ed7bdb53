"""A partner town's page is the one source of its directory row.

A network that publishes a partner town (Konstancin-Jeziorna's Denzlingen)
also appears in the twinning portal's directory. Rather than two copies
that drift apart (the page saying one date, the directory another), the
row is written from the page each time its Polish version is published: the
facts a reader sees on the page (partner, country, region, status, date,
areas, position) are the page's. Fields only the directory keeps (TERYT
code, voivodeship, council resolution, recurring events) stay as the
directory's editors set them.
"""

from django.db import transaction

from wagtail.models import Locale

from partners.models import PartnerPage

from .partnerships import Partnership

SOURCE = "partner page"


def partnership_from_partner_page(page):
    """Create or update the directory row of ``page`` (the default-language page); ``None`` if it has none.

    A page without a Polish partner (``local_unit``) is not a twinning of a
    Polish local unit, so it has no row; an unpublished page loses its row's link.
    """
    page = PartnerPage.objects.get(pk=page.pk)
    if page.locale_id != Locale.get_default().pk:
        return None
    if not page.local_unit or not page.live:
        Partnership.objects.filter(partner_page=page).update(partner_page=None)
        return None
    with transaction.atomic():
        row = Partnership.objects.select_for_update().filter(partner_page=page).first() or Partnership(
            partner_page=page
        )
        row.local_unit_name = page.local_unit
        row.partner_name = page.official_name or page.title
        row.partner_kind = page.kind
        row.country = page.country
        row.partner_region = page.region
        row.status = page.relationship_status
        row.since_date = page.cooperation_since_date
        row.since_year = (
            page.cooperation_since_date.year if page.cooperation_since_date else page.cooperation_since_year
        )
        row.latitude, row.longitude = page.latitude, page.longitude
        row.source = SOURCE
        row.areas.set(page.areas.all())  # a ParentalManyToManyField: written by save()
        row.save()
    return row


def partner_page_published(sender, instance, **kwargs):
    """``page_published`` receiver: the row follows the page."""
    if isinstance(instance, PartnerPage):
        partnership_from_partner_page(instance)
