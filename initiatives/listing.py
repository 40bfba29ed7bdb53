"""What every public listing shares: GET filter handling and pagination.

The listing pages (initiatives, news, partners, member organisations) call
``listing_context`` from their ``get_context`` so that "invalid filters are
dropped with a message, the page number is forgiving, counts are shown" is
decided in one place.
"""

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

# The rendition every card uses (components/card.html: fill-480x270 format-webp).
CARD_RENDITION = "fill-480x270|format-webp"
PER_PAGE = 12


class ListingFilterForm(forms.Form):
    """A GET filter form whose invalid fields are ignored, never a 400 or 500.

    Choices are filled in by subclasses from live content, so an unknown
    area slug or a year nobody published anything in is reported back to
    the reader instead of silently matching nothing.
    """

    def filters(self):
        """The valid, non-empty filter values, by field name."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value not in (None, "")}

    def notices(self):
        """One readable message per rejected filter value."""
        self.is_valid()
        messages = []
        for name in self.errors:
            field = self.fields[name]
            value = self.data.get(name, "")
            messages.append(
                _("“%(value)s” is not a valid value for “%(field)s”: this filter was ignored.")
                % {"value": value, "field": field.label}
            )
        return messages


def blank_choice(label):
    return [("", label)]


def paginate(request, items, *, per_page=PER_PAGE):
    """A page of ``items``; a non-number page gives the first, a too-large one the last."""
    paginator = Paginator(items, per_page)
    page = paginator.get_page(request.GET.get("page"))
    return page, list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))


def listing_context(request, *, form, items, per_page=PER_PAGE, prepare=None):
    """Context for a filtered, paginated listing template.

    ``prepare`` turns the page's items into what the template renders (e.g.
    attaching organisations in one query) and runs on one page only.
    """
    page, page_range = paginate(request, items, per_page=per_page)
    if prepare is not None:
        page.object_list = prepare(page.object_list)
    return {
        "filter_form": form,
        "active_filters": form.filters(),
        "filter_notices": form.notices(),
        "page_obj": page,
        "page_range": page_range,
        "result_count": page.paginator.count,
    }
