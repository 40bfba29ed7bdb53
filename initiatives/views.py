"""Context of the initiative and news listing pages (called from their get_context)."""

from core.listing import listing_context, parent_of

from .forms import InitiativeFilterForm, NewsFilterForm
from .selectors import attach_organisations, initiatives_for_listing, news_for_listing


def initiative_listing_context(request, *, index):
    home = parent_of(index)
    form = InitiativeFilterForm(request.GET, home=home)
    return listing_context(
        request,
        form=form,
        items=initiatives_for_listing(home=home, **form.filters()),
        prepare=attach_organisations,
    )


def news_listing_context(request, *, index):
    home = parent_of(index)
    form = NewsFilterForm(request.GET, home=home)
    return listing_context(
        request,
        form=form,
        items=news_for_listing(home=home, **form.filters()),
        prepare=attach_organisations,
    )
