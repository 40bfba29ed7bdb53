"""What every public listing shares: GET filter handling and pagination.

The listing pages (initiatives, news, partners, member organisations) call
``listing_context`` from their ``get_context`` so that "invalid filters are
dropped with a message, the page number is forgiving, counts are shown" is
decided in one place.
"""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from .models import SiteRendition

# The renditions every card shows (components/card.html: `picture` with
# format-{avif,webp,jpeg} fill-{480x270,960x540}), as Wagtail spells their filter specs.
CARD_RENDITIONS = [
    f"format-{image_format}|fill-{size}" for image_format in ("avif", "webp", "jpeg") for size in ("480x270", "960x540")
]
PER_PAGE = 12


def parent_of(page):
    """The page's parent: the one the routing already read (``HomePage.route`` sets ``routed_parent``), else a query."""
    return getattr(page, "routed_parent", None) or page.get_parent()


def with_card_images(pages, *fields):
    """``pages`` with the card images in ``fields`` joined in, and their card renditions in one query per field.

    Joined rather than prefetched: the images come with the pages' own row,
    so a listing pays one query for the renditions of a field, not two.
    ``image.get_rendition`` then reads Wagtail's ``prefetched_renditions``.
    """
    renditions = SiteRendition.objects.filter(filter_spec__in=CARD_RENDITIONS)
    return pages.select_related(*fields).prefetch_related(
        *[Prefetch(f"{field}__renditions", queryset=renditions, to_attr="prefetched_renditions") for field in fields]
    )


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


class NormalizedChoices(BaseChoiceIterator):
    """Flat ``(value, label)`` pairs, already in the form Django normalizes choices to.

    Django's ``normalize_choices`` leaves a choice iterator as it is; a plain
    list it re-checks pair by pair (with abstract-class checks on every
    non-string value), once for the field and once for its widget, on every
    request.
    """

    def __init__(self, pairs):
        self.pairs = list(pairs)

    def __iter__(self):
        return iter(self.pairs)

    def __len__(self):
        return len(self.pairs)


def paginate(request, items, *, per_page=PER_PAGE, count=None):
    """A page of ``items``; a non-number page gives the first, a too-large one the last.

    ``count``, when the caller knows it, spares the paginator its COUNT query.
    """
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count
    page = paginator.get_page(request.GET.get("page"))
    return page, list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))


def listing_context(request, *, form, items, per_page=PER_PAGE, prepare=None):
    """Context for a filtered, paginated listing template.

    ``prepare`` turns the page's items into what the template renders (e.g.
    attaching organisations in one query) and runs on one page only.
    """
    page, page_range = paginate(request, items, per_page=per_page)
    page.object_list = (prepare or list)(page.object_list)
    return {
        "filter_form": form,
        "active_filters": form.filters(),
        "filter_notices": form.notices(),
        "page_obj": page,
        "page_range": page_range,
        "result_count": page.paginator.count,
    }
