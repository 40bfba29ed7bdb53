"""Purging Varnish through ``wagtail.contrib.frontend_cache`` (docs/caching.md, "Varnish").

A page's publish, unpublish, move or delete purges the page, its translations,
the pages above it (its index, its organisation, the home page) and what the
apps say shows it (the ``purge_pages_showing`` hook: listings, feeds, the
calendar). A change to the frame (PAGE_CACHE_INVALIDATING_MODELS) bans every page.
"""

import logging
from urllib.error import URLError
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction

from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

logger = logging.getLogger(__name__)

HOOK = "purge_pages_showing"


def batch_for(page):
    """A PurgeBatch of every URL that shows ``page``."""
    batch = PurgeBatch()
    for shown in [page, *page.get_translations().live()]:
        batch.add_page(shown)
        batch.add_pages(shown.get_ancestors().filter(depth__gt=1).live())
        for pages_showing in hooks.get_hooks(HOOK):
            for item in pages_showing(shown):
                if isinstance(item, Page):
                    batch.add_page(item)
                else:
                    batch.add_url(item)
    return batch


def purge_page(page):
    """Purges the URLs that show ``page`` when the transaction commits (computed now: before a move, the old ones)."""
    if settings.WAGTAILFRONTENDCACHE:
        transaction.on_commit(batch_for(page).purge)


def ban_everything():
    """Asks every Varnish to drop every page (the VCL accepts BAN from 127.0.0.1 only)."""
    for backend in settings.WAGTAILFRONTENDCACHE.values():
        try:
            # The location is the operator's setting, not user input.
            urlopen(Request(backend["LOCATION"], method="BAN"), timeout=5)  # noqa: S310
        except (URLError, OSError):
            logger.exception("Could not ban every page from %s", backend["LOCATION"])
