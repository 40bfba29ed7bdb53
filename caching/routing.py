"""The site and the page route of a request, from the cache.

Every public page starts with the same lookups: the site for the host (one
query), the home page in the reader's language (two), the page at the URL
(one or two) and its specific type (one). Their result only changes when
content changes, which makes a new cache generation (generation.py), so it
is kept under that generation: a publish, a move or a renamed slug is routed
afresh on the next request.

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
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from .generation import fragment_cached

logger = logging.getLogger(__name__)


def _site_for(request):
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page  # noqa: B018 -- read now so the cached copy carries it
    return site


def site_cached(request):
    """``Site.find_for_request``, from the cache (None is looked up every time)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    return fragment_cached("site", hostname, request.get_port(), build=lambda: _site_for(request))


def _route_entry(request, site, path):
    """What the cache keeps of a route: the page, and a routable page's sub-URL to resolve again."""
    result = Page.route_for_request(request, path)
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
        entry = fragment_cached(
            "route", site.pk, translation.get_language(), path, build=lambda: _route_entry(request, site, path)
        )
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
