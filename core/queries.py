"""Query helpers shared by every app: public pages in one SQL statement, locales."""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction


def pages_public(queryset):
    """``queryset.public()`` in the same SQL statement, without expired pages.

    Wagtail's ``public()`` first loads every view restriction (one query per
    call); this excludes pages at or below a restricted page with a NOT EXISTS
    subquery instead. A page whose ``expire_at`` has passed stays live until
    ``publish_scheduled`` runs: it is left out at once (issue 17).
    """
    restricted_ancestor = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    not_expired = Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
    return queryset.filter(not_expired).exclude(Exists(restricted_ancestor))


def locale_active():
    """Wagtail's ``Locale.get_active()``: the locale of the reader's language."""
    return Locale.get_active()


def view_restricted_paths():
    """Tree paths of every page with a view restriction (privacy setting)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def locale_code(locale_id):
    """The language code of a Wagtail locale id."""
    return Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()


def request_memo(request):
    """A dict that lives as long as ``request``: rows several parts of one page need, read once.

    Never a cache across requests, so it cannot go stale.
    """
    memo = getattr(request, "partnerhub_memo", None)
    if memo is None:
        memo = request.partnerhub_memo = {}
    return memo


def once_per_request(request, key, build):
    """``build()``, computed once for ``request``."""
    memo = request_memo(request)
    if key not in memo:
        memo[key] = build()
    return memo[key]
