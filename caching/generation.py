"""The cache generation: one value in the shared cache that every cached page and fragment is keyed by.

Changing it (on publish, unpublish, move, delete, snippet or setting changes) makes
every cached page and fragment unreachable at once, in every gunicorn worker that
shares the cache, without listing which URLs a change affects: a renamed menu
page changes the frame of every page. Old entries simply expire.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches

GENERATION_KEY = "partnerhub:cache-generation"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def cache_generation_get():
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # First request after a cache clear: agree on one value (add() keeps a
        # concurrent worker's value if it was first).
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY) or "0"
    return generation


def cache_generation_bump():
    page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def fragment_key(name, *parts):
    """A fragment's key: its name, the generation and whatever the fragment depends on."""
    raw = "|".join(str(part) for part in parts)
    return f"partnerhub:fragment:{name}:{cache_generation_get()}:{hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()}"


def fragment_cached(name, *parts, build):
    """``build()``'s value, cached under the current generation (None is not cached)."""
    if not settings.FRAGMENT_CACHE_SECONDS:
        return build()
    cache = page_cache()
    key = fragment_key(name, *parts)
    value = cache.get(key)
    if value is None:
        value = build()
        if value is not None:
            cache.set(key, value, timeout=settings.FRAGMENT_CACHE_SECONDS)
    return value
