"""The site and the page route of a request, from the cache.

Every public page starts with the same lookups: the site for the host (one
query), the home page in the reader's language (two), the page at the URL
(one or two) and its specific type (one). Their result only changes when
content changes, which makes a new cache generation (generation.py), so it
is kept under that generation: a publish, a move or a renamed slug is routed
afresh on the next request. A route to any page but a news item or an
initiative is kept under the structure version instead, which their
publishes leave alone; for those two the structure-keyed entry only says
"look under the generation".

Only what Wagtail computes anyway is restored, on the request attributes
Wagtail itself reads (``request._wagtail_site`` and
``request._wagtail_route_for_request``): view restrictions, the page's
``live`` state and the serve hooks are all still checked on every request.
A routable page keeps only its page in the cache; its sub-URL is resolved
again (no query) so ``request.routable_resolver_match`` is set as Wagtail
sets it.
"""

import logging
import pickle

from django.conf import settings
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation

from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Site
from wagtail.url_routing import RouteResult

from .generation import fragment_cached
from .scope import is_item_page

logger = logging.getLogger(__name__)


def _site_for(request):
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page  # noqa: B018 -- read now so the cached copy carries it
    return site


def site_cached(request):
    """``Site.find_for_request``, from the cache (None is looked up every time)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    return fragment_cached("site", hostname, request.get_port(), build=lambda: _site_for(request), structural=True)


def _route_entry(request, site, path):
    """What the cache keeps of a route: the page, and a routable page's sub-URL to resolve again."""
    from home.templatetags.partnerhub_tags import current_home

    # As Page.route_for_request, from the cached home page in the reader's language.
    home = current_home(request)
    if home is None:
        return None
    try:
        result = home.specific.route(request, [component for component in path.split("/") if component])
    except Http404:
        return None
    if result is None:
        return None
    page, args, kwargs = result
    if isinstance(page, RoutablePageMixin):
        consumed = page.depth - site.root_page.depth
        components = [component for component in path.split("/") if component]
        return (page, components[consumed:], None, None)
    try:
        pickle.dumps((page, args, kwargs))
    except Exception:  # noqa: BLE001 -- an unpicklable route is simply not cached
        logger.debug("Route to %s is not cacheable", path, exc_info=True)
        return None
    return (page, None, args, kwargs)


# The structure-keyed entry of a route to a news item or an initiative.
_ITEM_ROUTE = "item"


def _route_cached(request, site, path):
    parts = ("route", site.pk, translation.get_language(), path)
    resolved = []

    def build_structural():
        entry = _route_entry(request, site, path)
        if entry is not None and is_item_page(entry[0]):
            resolved.append(entry)
            return _ITEM_ROUTE
        return entry

    entry = fragment_cached(*parts, build=build_structural, structural=True)
    if entry == _ITEM_ROUTE:
        # The item may have been unpublished or renamed since: its route
        # is kept under the generation, which its changes renew.
        entry = fragment_cached(*parts, build=lambda: resolved[0] if resolved else _route_entry(request, site, path))
    return entry


class CachedRouteMiddleware:
    """Sets the site, and for Wagtail's page view the route, from the cache before the view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in ("GET", "HEAD") or not settings.FRAGMENT_CACHE_SECONDS:
            return None
        site = site_cached(request)
        if site is None:
            return None
        request._wagtail_site = site
        if view_func is not wagtail_views.serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        # Wagtail's URL pattern passes the path positionally.
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        entry = _route_cached(request, site, path)
        if entry is None:
            return None
        page, subpath, args, kwargs = entry
        if subpath is None:
            request._wagtail_route_for_request = RouteResult(page, args=args, kwargs=kwargs)
        else:
            # Resolves the sub-URL again; an unknown one is Wagtail's 404, as without the cache.
            try:
                request._wagtail_route_for_request = page.route(request, subpath)
            except Http404:
                request._wagtail_route_for_request = None
        return None
