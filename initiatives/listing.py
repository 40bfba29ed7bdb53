"""What every public listing shares: GET filter handling and pagination.

The listing pages (initiatives, news, partners, member organisations) call
``listing_context`` from their ``get_context`` so that "invalid filters are
dropped with a message, the page number is forgiving, counts are shown" is
decided in one place.
"""

import collections
import html

from django import forms
from django.core.paginator import Paginator
from django.utils.choices import BaseChoiceIterator
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from caching.generation import fragment_cached

# The rendition every card uses (components/card.html: fill-480x270 format-webp).
CARD_RENDITION = "fill-480x270|format-webp"
PER_PAGE = 12


def _html_attrs(attrs):
    """``flatatt`` without its per-value lazy-string checks: True → bare name, False/None → left out."""
    return "".join(
        f" {name}" if value is True else f' {name}="{html.escape(str(value))}"'
        for name, value in attrs.items()
        if value is not None and value is not False
    )


def _choices_key(choices):
    """The choices as plain strings (labels in the active language), optgroups included."""
    key = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            key.append((str(value), tuple((str(sub_value), str(sub_label)) for sub_value, sub_label in label)))
        else:
            key.append((str(value), str(label)))
    return tuple(key)


class QuickSelect(forms.Select):
    """Django's ``Select`` with the same markup, built in Python.

    Django renders every ``<option>`` through a template include, and its
    ``format_html`` checks each argument for lazy strings: the listings'
    filters have hundreds of options (organisations, partners, tags), and
    that was about half the time of an uncached listing page. The context
    (selection, attributes) still comes from Django's ``get_context``; every
    value is escaped here with the standard library's ``html.escape``.
    """

    # Rendered selects by everything their markup depends on (name, selection,
    # attributes, choices in the reader's language): the same few hundred
    # options are rendered on every listing request. Bounded; per process.
    _rendered = collections.OrderedDict()
    RENDERED_MAX = 512

    def render(self, name, value, attrs=None, renderer=None):
        key = (
            name,
            tuple(self.format_value(value)),
            tuple((attr, str(attr_value)) for attr, attr_value in self.build_attrs(self.attrs, attrs).items()),
            _choices_key(self.choices),
        )
        rendered = self._rendered.get(key)
        if rendered is None:
            rendered = self._render(name, value, attrs)
            self._rendered[key] = rendered
            if len(self._rendered) > self.RENDERED_MAX:
                self._rendered.popitem(last=False)
        else:
            self._rendered.move_to_end(key)
        return rendered

    def _render(self, name, value, attrs):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{html.escape(str(widget["name"]))}"{_html_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'<optgroup label="{html.escape(str(group_name))}">')
            parts.extend(
                f'<option value="{html.escape(str(option["value"]))}"{_html_attrs(option["attrs"])}>'
                f"{html.escape(str(option['label']))}</option>"
                for option in options
            )
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


class ListingFilterForm(forms.Form):
    """A GET filter form whose invalid fields are ignored, never a 400 or 500.

    Choices are filled in by subclasses from live content, so an unknown
    area slug or a year nobody published anything in is reported back to
    the reader instead of silently matching nothing. Its selects render
    with ``QuickSelect``.
    """

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        for field in self.fields.values():
            if type(field.widget) is forms.Select:
                field.widget = QuickSelect(attrs=field.widget.attrs, choices=field.widget.choices)

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


class _Counted:
    """Stands for a listing's items when only their number is known (the items come from the cache)."""

    def __init__(self, count):
        self.count = count

    def __len__(self):
        return self.count

    def __getitem__(self, index):
        return []


def listing_context(request, *, form, items, per_page=PER_PAGE, prepare=None, count_key=None):
    """Context for a filtered, paginated listing template.

    ``prepare`` turns the page's items into what the template renders (e.g.
    attaching organisations in one query) and runs on one page only.
    With ``count_key`` (what identifies the listing besides its filters), the
    number of results and the page's prepared items are kept in the fragment
    cache until the next publish: counting 20,000 news took longer than
    rendering the page. ``items`` may then be a function that returns the
    queryset, so that it is only built on a cache miss (building the
    filtered queryset took a quarter of a cached listing's time).
    """
    prepare = prepare or list
    if count_key is None:
        page, page_range = paginate(request, items() if callable(items) else items, per_page=per_page)
        page.object_list = prepare(page.object_list)
    else:
        queryset = items if callable(items) else (lambda: items)
        filters = sorted(form.filters().items())
        count = fragment_cached("listing-count", *count_key, filters, build=lambda: queryset().count())
        page, page_range = paginate(request, _Counted(count), per_page=per_page, count=count)
        start = (page.number - 1) * per_page
        # The page's items too (with their images and organisations loaded).
        page.object_list = fragment_cached(
            "listing-page",
            *count_key,
            filters,
            per_page,
            page.number,
            build=lambda: prepare(queryset()[start : start + per_page]),
        )
    return {
        "filter_form": form,
        "active_filters": form.filters(),
        "filter_notices": form.notices(),
        "page_obj": page,
        "page_range": page_range,
        "result_count": page.paginator.count,
    }
