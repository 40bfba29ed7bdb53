"""HTTP caching of anonymous pages (docs/caching.md).

``CacheControlMiddleware`` tells Varnish and browsers what they may keep: a
shareable anonymous page gets ``public, max-age=0, s-maxage=…,
stale-while-revalidate=…``; anything for a logged-in user, or for a request
with the session or messages cookie, ``private, no-cache``. Without Varnish,
Django's own page-cache pair stores the same shareable pages, keyed by the
generation (generation.py).
"""

import fnmatch

from django.conf import settings
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import has_vary_header, patch_cache_control
from django.utils.http import split_directive_names

from .generation import generation

CACHE_HEADER = "X-Page-Cache"
UNSHAREABLE = {"private", "no-cache", "no-store"}


def is_anonymous(request):
    """No session or messages cookie (PAGE_CACHE_BYPASS_COOKIES), and nobody logged in."""
    if any(name in request.COOKIES for name in settings.PAGE_CACHE_BYPASS_COOKIES):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def may_be_shared(request):
    """An anonymous GET or HEAD of an allow-listed public route (PAGE_CACHE_URL_NAMES)."""
    match = request.resolver_match
    name = match.url_name if match else None
    return (
        request.method in ("GET", "HEAD")
        and bool(name)
        and any(fnmatch.fnmatchcase(name, pattern) for pattern in settings.PAGE_CACHE_URL_NAMES)
        and not getattr(request, "is_preview", False)
        and is_anonymous(request)
    )


def is_shareable(request, response):
    """A response every anonymous reader may get: a 200 that sets no cookie and isn't marked private."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    directives = set(split_directive_names(response.get("Cache-Control", "")))
    return not directives & UNSHAREABLE and not has_vary_header(response, "*") and may_be_shared(request)


class CacheControlMiddleware:
    """Near the top: the Cache-Control header every response leaves with."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_anonymous(request):
            patch_cache_control(response, private=True, no_cache=True)
            response.headers.pop("Expires", None)
        elif is_shareable(request, response):
            # Browsers revalidate every time (a 304 on a matching ETag); Varnish
            # keeps the page for s-maxage and is purged on publish (purge.py).
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                s_maxage=settings.FRONTEND_CACHE_SECONDS,
                stale_while_revalidate=settings.FRONTEND_CACHE_STALE_SECONDS,
            )
            response.headers.pop("Expires", None)
        elif "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        return response


class _KeyedByGeneration:
    """Django's page cache (CACHE_MIDDLEWARE_SECONDS, _ALIAS) with the generation as its key prefix."""

    @property
    def key_prefix(self):
        return f"partnerhub:{generation()}"

    @key_prefix.setter
    def key_prefix(self, value):
        """Django's ``__init__`` sets a fixed prefix: the generation stands for it."""


class UpdatePageCacheMiddleware(_KeyedByGeneration, UpdateCacheMiddleware):
    """Below CacheControlMiddleware: stores what the fetch half looked up, if every reader may get it."""

    def process_response(self, request, response):
        if not is_shareable(request, response):
            return response
        response = super().process_response(request, response)
        if getattr(request, "page_cache_missed", False):
            response.headers[CACHE_HEADER] = "miss"
        return response


class FetchFromPageCacheMiddleware(_KeyedByGeneration, FetchFromCacheMiddleware):
    """Last: looks a request up once its route is known, so only allow-listed routes are stored or served."""

    def process_request(self, request):
        return None

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.CACHE_MIDDLEWARE_SECONDS or not may_be_shared(request):
            return None
        response = super().process_request(request)
        if response is None:
            request.page_cache_missed = True
        else:
            response.headers[CACHE_HEADER] = "hit"
        return response


class PartnerHubGZipMiddleware(GZipMiddleware):
    """Django's gzip, except for logged-in users' pages that vary on the cookie (BREACH: CSRF token, session)."""

    def process_response(self, request, response):
        # The session cookie stands for "logged in": reading request.user could cost a query.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and has_vary_header(response, "Cookie"):
            return response
        return super().process_response(request, response)
