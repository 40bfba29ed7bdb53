"""Context of the partner and member organisation listing pages (called from their get_context)."""

from django.utils.translation import get_language

from core.listing import listing_context

from .forms import OrganisationFilterForm, PartnerFilterForm
from .selectors import organisations_for_directory, partners_for_listing


def partner_listing_context(request, *, index):
    form = PartnerFilterForm(request.GET, index=index)
    # Wagtail serves a page in its own language: the active one is the reader's.
    partners = partners_for_listing(index=index, language_code=get_language(), **form.filters())
    return listing_context(request, form=form, items=partners)


def organisation_listing_context(request, *, index):
    form = OrganisationFilterForm(request.GET, index=index)
    return listing_context(
        request, form=form, items=organisations_for_directory(index=index, **form.filters()), per_page=24
    )
