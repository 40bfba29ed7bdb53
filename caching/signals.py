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

import functools

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from modelcluster.fields import ParentalKey
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images.models import AbstractRendition
from wagtail.models import Page, Revision
from wagtail.signals import page_published, page_unpublished, post_page_move

from .generation import cache_generation_bump

# Wagtail's own records about an object (its revisions, workflow, history,
# references, comments): they describe a change made to that object, and
# readers never see them.
_RECORD_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.referenceindex",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.pagesubscription",
}


# Models whose rows no frame fragment reads: a tag is shown only with the
# news and initiatives that carry it (and the listings' tag filters, which
# are kept under the generation).
_NOT_FRAME_MODELS = {"taggit.tag"}


@functools.cache
def _item_models():
    return tuple(apps.get_model(label) for label in settings.PAGE_CACHE_ITEM_MODELS)


@functools.cache
def _belongs_to_item(model):
    """True for an item page model and for the models that hang off one (dates, images, tags)."""
    items = _item_models()
    if issubclass(model, items):
        return True
    return any(
        isinstance(field, ParentalKey) and issubclass(field.related_model, items)
        for field in model._meta.get_fields()
        if getattr(field, "related_model", None) is not None
    )


def is_item_page(page):
    """True for a news item or an initiative: what it shows changes with every publish of it."""
    return page is not None and _belongs_to_item(getattr(page, "specific_class", None) or type(page))


def _model_of_content_type(content_type_id):
    try:
        return ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        return None


def frame_unchanged(instance):
    """True when a change to ``instance`` cannot alter the frame of any page.

    That is a change to a news item or an initiative, or to Wagtail's records
    of one; a comment or a subscription is never shown to readers at all.
    """
    if instance is None:
        return False
    model = type(instance)
    if model._meta.label_lower in _NOT_FRAME_MODELS:
        return True
    if isinstance(instance, Page):
        model = instance.specific_class or model
    elif model._meta.label_lower in _RECORD_MODELS:
        content_type_id = getattr(instance, "content_type_id", None)
        if content_type_id is None and getattr(instance, "revision_id", None):
            revision = Revision.objects.filter(pk=instance.revision_id).only("content_type_id").first()
            content_type_id = revision.content_type_id if revision else None
        if content_type_id is None:
            # A comment or a subscription: readers never see it.
            return True
        model = _model_of_content_type(content_type_id)
        if model is None:
            return False
    return _belongs_to_item(model)


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
