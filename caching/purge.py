"""Purging Varnish through ``wagtail.contrib.frontend_cache`` (docs/caching.md, "Varnish in front")."""

import logging
from urllib.error import URLError
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction

from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

logger = logging.getLogger(__name__)


def batch_for(page):
    """The page, its translations, the pages above them and what the ``purge_pages_showing`` hook names."""
    batch = PurgeBatch()
    for shown in [page, *page.get_translations().live()]:
        batch.add_page(shown)
        batch.add_pages(shown.get_ancestors().filter(depth__gt=1).live())
        for pages_showing in hooks.get_hooks("purge_pages_showing"):
            items = list(pages_showing(shown))
            batch.add_pages(item for item in items if isinstance(item, Page))
            batch.add_urls(item for item in items if not isinstance(item, Page))
    return batch


def purge_page(page):  # once committed, the URLs that show the page now (before a move: the old ones)
    if settings.WAGTAILFRONTENDCACHE:
        transaction.on_commit(batch_for(page).purge)


def ban_everything():
    """Asks every Varnish to drop every page (the VCL accepts BAN from 127.0.0.1 only)."""
    for backend in settings.WAGTAILFRONTENDCACHE.values():
        try:
            urlopen(Request(backend["LOCATION"], method="BAN"), timeout=5)  # noqa: S310  # nosec B310  # the operator's FRONTEND_CACHE_URL, not request data
        except (URLError, OSError):
            logger.exception("Could not ban every page from %s", backend["LOCATION"])
