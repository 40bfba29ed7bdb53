"""The shared file cache, culled now and then instead of on every write."""

from django.core.cache.backends.filebased import FileBasedCache as DjangoFileBasedCache


class FileBasedCache(DjangoFileBasedCache):
    """Django's file cache, which lists its whole directory on every write to
    see whether it is over ``MAX_ENTRIES``.

    With the page cache and the fragments that is thousands of files listed
    per write; the first request after a publish writes a dozen fragments,
    and at 20,000 entries the listing alone cost more than rendering the
    page. Here the check runs once every ``CULL_EVERY`` writes (per process),
    so the cache can overshoot ``MAX_ENTRIES`` by at most that many entries
    per worker before it is culled as Django culls it.
    """

    def __init__(self, dir, params):  # noqa: A002 (Django's signature)
        super().__init__(dir, params)
        self._cull_every = max(1, int(params.get("OPTIONS", {}).get("CULL_EVERY", 200)))
        self._writes_since_cull = 0

    def _cull(self):
        self._writes_since_cull += 1
        if self._writes_since_cull < self._cull_every:
            return
        self._writes_since_cull = 0
        super()._cull()
