"""Invalidation: any change to published content makes a new cache generation.

Over-invalidating is cheap (pages are re-rendered once) and never wrong;
under-invalidating would show stale or withdrawn content, so the rule is broad:
every save, delete or many-to-many change of a model of the content apps
(pages, snippets, settings, partnerships, images, documents, search
promotions, sites, locales) bumps the generation, plus Wagtail's publish,
unpublish and move signals (wagtail-localize's translation publishes go through
page publish). The bump happens at once and again when the transaction
commits, so a reader who renders the old version between the two cannot keep
it cached under the new generation.

A change to a news item or an initiative (its page, its revisions and
workflow states, its dates, images, documents and tags) leaves the
structure version alone (generation.py): nothing in the frame of a page
depends on one. Anything else bumps both, so a model nobody classified is
always treated as able to change the frame.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images.models import AbstractRendition
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .generation import cache_generation_bump
from .scope import frame_unchanged


def _bump(structure):
    cache_generation_bump(structure=structure)
    transaction.on_commit(lambda: cache_generation_bump(structure=structure))


def page_cache_invalidate(sender=None, instance=None, **kwargs):
    """Make every cached page and fragment stale; safe to call from code that bypasses signals.

    Called with no instance (or an unclassified one) it renews the structure
    version as well.
    """
    # A move changes tree paths, which view restrictions are matched on.
    _bump(structure=kwargs.get("signal") is post_page_move or not frame_unchanged(instance))


def _content_changed(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None:
        return
    if meta.app_label not in settings.PAGE_CACHE_INVALIDATING_APPS and not (
        isinstance(sender, type) and issubclass(sender, Page)
    ):
        return
    # A rendition is created the first time a page shows an image: not a change
    # of content, and invalidating then would defeat the cache.
    if isinstance(sender, type) and issubclass(sender, AbstractRendition):
        return
    # Wagtail creates a site's settings row, with its defaults, the first time a
    # page reads it: nothing a reader sees has changed.
    if kwargs.get("created") and isinstance(sender, type) and issubclass(sender, BaseSiteSetting | BaseGenericSetting):
        return
    page_cache_invalidate(sender, kwargs.get("instance"))


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"caching-{signal!r}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_cache_invalidate, dispatch_uid=f"caching-page-{signal!r}")
