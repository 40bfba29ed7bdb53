"""The generation (one number every stored page's key holds), what renews it and purges Varnish.

Only what readers see: a page's publish, unpublish, move and delete, PAGE_CACHE_INVALIDATING_MODELS
and media in use; never a draft, a lock, a comment or a form post (docs/caching.md, "Invalidation").
"""

import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from core.signals import content_changed_in_bulk

from . import purge

GENERATION_KEY = "partnerhub:page-generation"


def generation():
    caches[settings.CACHE_MIDDLEWARE_ALIAS].add(GENERATION_KEY, time.time_ns(), timeout=None)  # after a clear: new
    return caches[settings.CACHE_MIDDLEWARE_ALIAS].get(GENERATION_KEY, 0)


def bump_generation():
    caches[settings.CACHE_MIDDLEWARE_ALIAS].set(GENERATION_KEY, time.time_ns(), timeout=None)


def invalidate():
    """Now and again on commit: a reader who renders the old version in between can't keep it stored."""
    bump_generation()
    transaction.on_commit(bump_generation)


def invalidate_everything(**kwargs):
    invalidate()
    transaction.on_commit(purge.ban_everything)


def page_changed(sender, instance, signal, **kwargs):
    if signal is not pre_page_move:  # before a move: only the URLs it is leaving are noted
        invalidate()
    purge.purge_page(instance)


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):  # a live page was unpublished first: page_unpublished purged it
        invalidate()


def model_changed(sender, instance, created=False, **kwargs):
    # Wagtail creates a site's settings row with its defaults the first time a page reads it.
    if not (created and issubclass(sender, BaseSiteSetting | BaseGenericSetting)):
        invalidate_everything()


def media_changed(sender, instance, created=False, **kwargs):
    # An image or document shows on no page until a page uses it (a new upload, an unused one).
    if not created and ReferenceIndex.get_references_to(instance).exists():
        invalidate_everything()


def connect():
    content_changed_in_bulk.connect(invalidate_everything, dispatch_uid="caching-bulk")
    for signal in (page_published, page_unpublished, pre_page_move, post_page_move):
        signal.connect(page_changed, dispatch_uid=f"caching-{id(signal)}")
    post_delete.connect(page_deleted, dispatch_uid="caching-page-deleted")
    receivers = dict.fromkeys(settings.PAGE_CACHE_INVALIDATING_MODELS, model_changed)
    receivers.update(dict.fromkeys(settings.PAGE_CACHE_INVALIDATING_MEDIA, media_changed))
    for label, receiver in receivers.items():
        post_save.connect(receiver, sender=apps.get_model(label), dispatch_uid=f"caching-save-{label}")
        post_delete.connect(receiver, sender=apps.get_model(label), dispatch_uid=f"caching-delete-{label}")
