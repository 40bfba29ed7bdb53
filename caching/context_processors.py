"""Template context for fragment caching with Django's ``{% cache %}`` tag.

``cache_generation`` belongs in every cached fragment's key: a publish makes
a new generation (generation.py), so the fragment is rendered afresh on the
next request. It is read only when a template uses it. A preview (a draft,
or the unsaved form in the editor's live preview) must neither show the
live page's fragment nor store its own: it gets a key no other request has
and a lifetime of 0.
"""

import uuid

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .generation import cache_generation_get


def fragment_cache(request):
    if getattr(request, "is_preview", False):
        return {"cache_generation": f"preview-{uuid.uuid4().hex}", "fragment_cache_seconds": 0}
    return {
        "cache_generation": SimpleLazyObject(cache_generation_get),
        "fragment_cache_seconds": settings.FRAGMENT_CACHE_SECONDS,
    }
