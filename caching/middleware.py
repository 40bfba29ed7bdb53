"""Anonymous full-page cache, and gzip that leaves logged-in pages with CSRF tokens alone.

Two halves, like Django's own cache middleware. ``UpdatePageCacheMiddleware``
is near the top: it answers a hit before any inner middleware runs (no
session, locale, URL resolution or CSRF work: a hit costs two cache reads),
and on a miss it sees the final response, with any Set-Cookie or compression
the inner middleware added, and stores it. ``FetchFromPageCacheMiddleware``
is the last middleware: it knows the resolved view and marks only
allow-listed public routes for storing, so an entry found by the first half
is always one of those.

Never cached: logged-in users or anyone with a session or pending messages
(their cookie bypasses the cache), previews (admin URLs, not allow-listed),
anything but GET/HEAD, non-200 responses, responses that set a cookie (a form
with a CSRF token does), streaming responses, and responses marked private or
no-store. The key holds the cache generation (see generation.py), the host,
the full path with its language prefix and query string, and whether the
client accepts gzip.
"""

import fnmatch
import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import get_conditional_response, get_max_age, patch_cache_control

from .generation import cache_generation_get, generation_pinned, page_cache

CACHE_HEADER = "X-Page-Cache"
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")


def _route_is_cacheable(request):
    match = getattr(request, "resolver_match", None)
    name = match.url_name if match else None
    return bool(name) and any(fnmatch.fnmatchcase(name, pattern) for pattern in settings.PAGE_CACHE_URL_NAMES)


def page_cache_key(request):
    accepts_gzip = bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
    raw = f"{request.get_host()}|{request.get_full_path()}|{int(accepts_gzip)}"
    digest = hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()
    return f"partnerhub:page:{cache_generation_get()}:{digest}"


def request_may_be_cached(request):
    """Method, settings and cookies allow a cached answer (the route is not known yet)."""
    if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
        return False
    return not any(name in request.COOKIES for name in settings.PAGE_CACHE_BYPASS_COOKIES)


def request_is_cacheable(request):
    return request_may_be_cached(request) and _route_is_cacheable(request)


def _freeze(response):
    return (response.status_code, response.content, list(response.items()))


def _thaw(frozen):
    status, content, headers = frozen
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response.headers[name] = value
    response.headers[CACHE_HEADER] = "hit"
    return response


class FetchFromPageCacheMiddleware:
    """Last in MIDDLEWARE: marks a cacheable GET (an allow-listed route) for storing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method == "GET" and request_is_cacheable(request):
            request._page_cache_key = getattr(request, "_page_cache_lookup_key", None) or page_cache_key(request)
        return None


class UpdatePageCacheMiddleware:
    """Near the top of MIDDLEWARE: answers hits, and stores what the fetch half marked if it is safe to share."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            with generation_pinned():
                return self._respond(request)
        return self._respond(request)

    def _respond(self, request):
        if request_may_be_cached(request):
            key = page_cache_key(request)
            frozen = page_cache().get(key)
            if frozen is not None:
                # What ConditionalGetMiddleware (an inner one) would do: a matching ETag gets a 304.
                response = _thaw(frozen)
                return get_conditional_response(
                    request, etag=response.get("ETag"), last_modified=None, response=response
                )
            request._page_cache_lookup_key = key
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key is not None and self._shareable(request, response):
            self._set_cache_control(response)
            page_cache().set(key, _freeze(response), timeout=settings.PAGE_CACHE_SECONDS)
            response.headers[CACHE_HEADER] = "miss"
        return response

    @staticmethod
    def _shareable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES) or get_max_age(response) == 0:
            return False
        if getattr(request, "is_preview", False):
            return False
        user = getattr(request, "user", None)
        return not (user is not None and user.is_authenticated)

    @staticmethod
    def _set_cache_control(response):
        # Browsers revalidate every time (cheap: a 304 on a matching ETag); a
        # front-end cache (Varnish/CDN, purged by wagtail.contrib.frontend_cache)
        # may keep the page for FRONTEND_CACHE_SECONDS.
        if settings.WAGTAILFRONTENDCACHE:
            patch_cache_control(response, public=True, max_age=0, s_maxage=settings.FRONTEND_CACHE_SECONDS)
        else:
            patch_cache_control(response, max_age=0, must_revalidate=True)


class PartnerHubGZipMiddleware(GZipMiddleware):
    """Django's gzip, except for logged-in users' pages that carry a CSRF token or session data.

    BREACH needs a secret echoed in a compressed response next to attacker
    text. Anonymous public pages hold no secret; Django masks CSRF tokens per
    response and pads gzip output with random bytes, and on top of that a
    logged-in user's responses that vary on the cookie (CSRF token or session
    used) are sent uncompressed: in practice every response to a request
    with a session cookie that used the session or a CSRF token.
    """

    def process_response(self, request, response):
        # A session cookie stands for "logged in" here: reading request.user
        # would cost a query on responses that never needed it.
        has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
        if has_session and "cookie" in response.get("Vary", "").lower():
            return response
        return super().process_response(request, response)
