"""Query helpers that keep a page's number of SQL queries fixed."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import Locale, PageViewRestriction

from .generation import fragment_cached


def pages_public(queryset):
    """``queryset.public()`` in the same SQL statement.

    Wagtail's ``public()`` first loads every view restriction (one query per
    call, several per page); this excludes pages at or below a restricted
    page with a NOT EXISTS subquery instead: same rows, no extra query.
    """
    restricted_ancestor = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.exclude(Exists(restricted_ancestor))


def locale_active():
    """Wagtail's ``Locale.get_active()``, from the cache (it is one query per call)."""
    from django.utils import translation

    return fragment_cached("active-locale", translation.get_language(), build=Locale.get_active, structural=True)


def view_restricted_paths():
    """Tree paths of every page with a view restriction (privacy setting), from the cache."""
    return fragment_cached(
        "view-restricted-paths",
        build=lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
        structural=True,
    )


def locale_code(locale_id):
    """The language code of a Wagtail locale id, from the cache (``page.locale`` is a query)."""
    codes = fragment_cached(
        "locale-codes", build=lambda: dict(Locale.objects.values_list("pk", "language_code")), structural=True
    )
    return codes.get(locale_id)
