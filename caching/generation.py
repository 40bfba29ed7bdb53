"""The cache generation: one value in the shared cache that every cached page and fragment is keyed by.

Changing it (on publish, unpublish, move, delete, snippet or setting changes) makes
every cached page and fragment unreachable at once, in every gunicorn worker that
shares the cache, without listing which URLs a change affects: a renamed menu
page changes the frame of every page. Old entries simply expire.

A second value, the structure version, keys what only changes with the
network's frame: the site, its languages, the menu, the network settings,
view restrictions, and the organisations, partners and areas the filters
offer. Every change bumps it too, except a change to a news item or an
initiative (scope.py), by far the most frequent publishes: after one, a
page rebuilds its own content but not its frame.
"""

import contextlib
import contextvars
import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches

GENERATION_KEY = "partnerhub:cache-generation"
STRUCTURE_KEY = "partnerhub:cache-structure"

# The generation read once per request (see generation_pinned).
_pinned = contextvars.ContextVar("partnerhub_cache_generation", default=None)


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


@contextlib.contextmanager
def generation_pinned():
    """Read the generation once for the block (a request) instead of once per fragment.

    A page reads a few dozen fragments; with a file or Redis cache each
    generation read is a round trip. A change made meanwhile in another
    worker is seen by the next request; one made in this block (a bump) is
    seen at once.
    """
    token = _pinned.set({})
    try:
        yield
    finally:
        _pinned.reset(token)


def version_get(key, cache=None):
    """The version stored under ``key`` (the cache generation, the directory's data
    version), read once per pinned request; created when missing."""
    pinned = _pinned.get()
    if pinned and key in pinned:
        return pinned[key]
    cache = cache or page_cache()
    version = cache.get(key)
    if version is None:
        # First read after a cache clear: agree on one value (add() keeps a
        # concurrent worker's value if it was first).
        cache.add(key, uuid.uuid4().hex, timeout=None)
        version = cache.get(key) or "0"
    if pinned is not None:
        pinned[key] = version
    return version


def version_bump(key, cache=None):
    """A new version under ``key``, seen at once by this request and by the next one elsewhere."""
    version = uuid.uuid4().hex
    (cache or page_cache()).set(key, version, timeout=None)
    pinned = _pinned.get()
    if pinned is not None:
        pinned[key] = version
    return version


def cache_generation_get():
    return version_get(GENERATION_KEY)


def cache_generation_bump(*, structure=True):
    """A new generation; with ``structure`` (the default, always safe) a new structure version too."""
    version_bump(GENERATION_KEY)
    if structure:
        version_bump(STRUCTURE_KEY)


def fragment_key(name, *parts, structural=False):
    """A fragment's key: its name, the generation (or the structure version) and whatever it depends on."""
    version = version_get(STRUCTURE_KEY) if structural else cache_generation_get()
    raw = "|".join(str(part) for part in parts)
    digest = hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()
    return f"partnerhub:fragment:{name}:{'s' if structural else 'g'}{version}:{digest}"


def fragment_cached(name, *parts, build, timeout=None, structural=False):
    """``build()``'s value, cached under the current generation (None is not cached).

    ``structural`` keys it by the structure version instead: only for values
    that no news or initiative change can alter (the module's docstring).
    ``timeout`` (seconds, at most FRAGMENT_CACHE_SECONDS) bounds how long a
    value that depends on the clock ("upcoming" events) may lag.
    """
    if not settings.FRAGMENT_CACHE_SECONDS:
        return build()
    lifetime = settings.FRAGMENT_CACHE_SECONDS if timeout is None else min(timeout, settings.FRAGMENT_CACHE_SECONDS)
    key = fragment_key(name, *parts, structural=structural)
    # A fragment's key holds the generation, so a copy kept in this process
    # can never be stale: it spares the shared cache's file read or round
    # trip (a page reads a dozen fragments).
    local = caches[settings.FRAGMENT_LOCAL_CACHE_ALIAS]
    value = local.get(key)
    if value is not None:
        return value
    value = page_cache().get(key)
    if value is None:
        value = build()
        if value is None:
            return None
        page_cache().set(key, value, timeout=lifetime)
    local.set(key, value, timeout=lifetime)
    return value
