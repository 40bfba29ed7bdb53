"""What makes a new generation and purges Varnish (docs/caching.md, "Invalidation").

Only what readers see: a page's publish, unpublish, move and delete, and a
save or delete of the models listed in PAGE_CACHE_INVALIDATING_MODELS. A draft
(a revision), a lock, a comment, a workflow step or an anonymous form post
change nothing a reader sees, so they leave the cache alone.
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from core.signals import content_changed_in_bulk

from . import purge
from .generation import bump_generation


def invalidate():
    """A new generation now and once more on commit: a reader who renders the old
    version in between cannot keep it stored under the new one."""
    bump_generation()
    transaction.on_commit(bump_generation)


def invalidate_everything():
    invalidate()
    transaction.on_commit(purge.ban_everything)


def page_changed(sender, instance, **kwargs):
    invalidate()
    purge.purge_page(instance)


def page_moving(sender, instance, **kwargs):
    # Before the move: the URLs the page is leaving.
    purge.purge_page(instance)


def page_deleted(sender, instance, **kwargs):
    # Wagtail unpublishes a live page before deleting it (page_unpublished purges it).
    if isinstance(instance, Page):
        invalidate()


def model_changed(sender, instance, created=False, **kwargs):
    # Wagtail creates a site's settings row with its defaults the first time a page reads it.
    if not (created and issubclass(sender, BaseSiteSetting | BaseGenericSetting)):
        invalidate_everything()


def media_changed(sender, instance, created=False, **kwargs):
    # An image or document shows on no page until a page uses it (a new upload, an unused one).
    if not created and ReferenceIndex.get_references_to(instance).exists():
        invalidate_everything()


def bulk_changed(sender, **kwargs):
    invalidate_everything()


def connect():
    content_changed_in_bulk.connect(bulk_changed, dispatch_uid="caching-bulk")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_changed, dispatch_uid=f"caching-{id(signal)}")
    pre_page_move.connect(page_moving, dispatch_uid="caching-pre-move")
    post_delete.connect(page_deleted, dispatch_uid="caching-page-deleted")
    for labels, receiver in (
        (settings.PAGE_CACHE_INVALIDATING_MODELS, model_changed),
        (settings.PAGE_CACHE_INVALIDATING_MEDIA, media_changed),
    ):
        for label in labels:
            for signal in (post_save, post_delete):
                signal.connect(receiver, sender=apps.get_model(label), dispatch_uid=f"caching-{label}-{id(signal)}")
