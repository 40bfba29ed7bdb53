"""Query helpers shared by every app: public pages in one SQL statement, locales."""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone

from wagtail.models import Locale, Page, PageViewRestriction, Site


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


def network_home_paths(*, site_ids=None):
    """{tree path of a home page: its site's id} for the networks ``site_ids`` (every network if None).

    A network's homes are its site root and the root's translations (the
    pages at the root's depth sharing its translation key), one per language.
    Two queries whatever the number of networks.
    """
    sites = Site.objects.all() if site_ids is None else Site.objects.filter(pk__in=site_ids)
    roots = {
        (key, depth): site_id
        for site_id, key, depth in sites.values_list("pk", "root_page__translation_key", "root_page__depth")
    }
    homes = Page.objects.filter(translation_key__in={key for key, _depth in roots}).values_list(
        "path", "translation_key", "depth"
    )
    return {path: roots[(key, depth)] for path, key, depth in homes if (key, depth) in roots}


def network_of_path(path, home_paths):
    """The site id among ``home_paths`` (from ``network_home_paths``) whose tree holds the page at ``path``."""
    for end in range(len(path), 0, -Page.steplen):
        if path[:end] in home_paths:
            return home_paths[path[:end]]
    return None


def pages_under_filter(paths, *, field="path"):
    """A filter on pages (or a relation to pages, ``field="page__path"``) at or below the pages at ``paths``.

    With a network's ``network_home_paths``: the pages of that network, in every language.
    """
    inside = Q(pk__in=[])
    for path in paths:
        inside |= Q(**{f"{field}__startswith": path})
    return inside
