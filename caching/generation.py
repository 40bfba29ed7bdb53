"""The page cache's generation: one number in the shared cache that every stored page's key holds.

A new generation makes every stored page unreachable at once, in every
gunicorn worker that shares the cache; old entries expire by themselves.
"""

import time

from django.conf import settings
from django.core.cache import caches

GENERATION_KEY = "partnerhub:page-generation"


def page_cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def generation():
    value = page_cache().get(GENERATION_KEY)
    if value is None:
        # After a cache clear: a value no earlier generation had (add() keeps another worker's).
        page_cache().add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = page_cache().get(GENERATION_KEY, 0)
    return value


def bump_generation():
    page_cache().set(GENERATION_KEY, time.time_ns(), timeout=None)
