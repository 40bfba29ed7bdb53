"""Cache-Control for Varnish and browsers, and Django's page cache keyed by the generation (docs/caching.md)."""

import fnmatch

from django.conf import settings
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import has_vary_header, patch_cache_control
from django.utils.http import split_directive_names

from .signals import generation

CACHE_HEADER = "X-Page-Cache"


def is_anonymous(request):
    user = getattr(request, "user", None)
    cookies = any(name in request.COOKIES for name in settings.PAGE_CACHE_BYPASS_COOKIES)
    return not cookies and not (user is not None and user.is_authenticated)


def may_be_shared(request):
    """An anonymous GET or HEAD of an allow-listed route (PAGE_CACHE_URL_NAMES), not a preview."""
    name = request.resolver_match.url_name if request.resolver_match else None
    return (
        request.method in ("GET", "HEAD")
        and any(fnmatch.fnmatchcase(name or "", pattern) for pattern in settings.PAGE_CACHE_URL_NAMES)
        and not getattr(request, "is_preview", False)
        and is_anonymous(request)
    )


def is_shareable(request, response):
    """What every anonymous reader may get: a 200 that sets no cookie and isn't marked private."""
    if response.status_code != 200 or response.streaming or response.cookies or has_vary_header(response, "*"):
        return False
    directives = set(split_directive_names(response.get("Cache-Control", "")))
    return not directives & {"private", "no-cache", "no-store"} and may_be_shared(request)


class CacheControlMiddleware:
    """Near the top: the Cache-Control every response leaves with."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_anonymous(request) and is_shareable(request, response):
            # Browsers revalidate every time (a 304 on a matching ETag); Varnish keeps it, purged on publish.
            shared = {
                "s_maxage": settings.FRONTEND_CACHE_SECONDS,
                "stale_while_revalidate": settings.FRONTEND_CACHE_STALE_SECONDS,
            }
            patch_cache_control(response, public=True, max_age=0, **shared)
        elif not is_anonymous(request) or "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        response.headers.pop("Expires", None)  # Django's page cache sets one; Cache-Control says it all
        return response


class _KeyedByGeneration:
    """Django's page cache (CACHE_MIDDLEWARE_SECONDS, _ALIAS) keyed by the generation."""

    @property
    def key_prefix(self):
        return f"partnerhub:{generation()}"

    @key_prefix.setter
    def key_prefix(self, value):  # Django's __init__ sets a fixed prefix: the generation stands for it
        pass


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
    """Last: looks up once the route is known, so only allow-listed routes are stored or served."""

    def process_request(self, request):
        return None

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.CACHE_MIDDLEWARE_SECONDS or not may_be_shared(request):
            return None
        response = super().process_request(request)
        if response is not None:
            response.headers[CACHE_HEADER] = "hit"
        request.page_cache_missed = response is None
        return response


class PartnerHubGZipMiddleware(GZipMiddleware):
    """Django's gzip, except for logged-in users' pages that vary on the cookie (BREACH: CSRF token, session)."""

    def process_response(self, request, response):
        # The session cookie stands for "logged in": reading request.user could cost a query.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and has_vary_header(response, "Cookie"):
            return response
        return super().process_response(request, response)
