"""Which changes and pages the structure version (generation.py) depends on.

News items and initiatives (``PAGE_CACHE_ITEM_MODELS``) are "item pages":
what they show changes with every publish of them, and nothing in the frame
of any page depends on them. Signals use ``frame_unchanged`` to leave the
structure version alone for their changes; fragments use ``is_item_page``
to key an item page's own values by the generation instead.
"""

import functools

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from modelcluster.fields import ParentalKey
from wagtail.models import Page, Revision

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
