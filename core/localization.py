"""Translatable objects in the reader's language."""

from wagtail.models import Locale, Page

from .queries import locale_active, pages_public


def localized(objects):
    """The reader's-language version of each translatable object, in one query.

    Pages and snippets linked from a translated page still point at the
    Polish originals (wagtail-localize synchronises these links); this swaps
    each for its translation in the active language when one exists (a live
    one, for pages) and keeps the original otherwise.
    """
    objects = list(objects or [])
    if not objects:
        return objects
    try:
        locale = locale_active()
    except Locale.DoesNotExist:
        return objects
    model = type(objects[0])
    keys = {obj.translation_key for obj in objects if obj.locale_id != locale.pk}
    if not keys:
        return objects

    candidates = model.objects.filter(translation_key__in=keys, locale=locale)
    if issubclass(model, Page):
        candidates = pages_public(candidates.live())
    found = {obj.translation_key: obj for obj in candidates}
    return [found.get(obj.translation_key, obj) if obj.locale_id != locale.pk else obj for obj in objects]
