"""Translatable objects in the reader's language."""

from wagtail.models import Locale, Page

from .queries import locale_active, pages_public


def localized(objects, locale_id=None):
    """The reader's-language version of each translatable object, in one query (none when all are in it).

    Pages and snippets linked from a translated page still point at the
    Polish originals (wagtail-localize synchronises these links); this swaps
    each for its translation in the active language when one exists (a live
    one, for pages) and keeps the original otherwise. ``locale_id`` is the
    reader's locale when the caller knows it (the page's: Wagtail serves a
    page in its own language), else it is looked up.
    """
    objects = list(objects or [])
    if not objects:
        return objects
    if locale_id is None:
        try:
            locale_id = locale_active().pk
        except Locale.DoesNotExist:
            return objects
    model = type(objects[0])
    keys = {obj.translation_key for obj in objects if obj.locale_id != locale_id}
    if not keys:
        return objects
    candidates = model.objects.filter(translation_key__in=keys, locale_id=locale_id)
    if issubclass(model, Page):
        candidates = pages_public(candidates.live())
    found = {obj.translation_key: obj for obj in candidates}
    return [found.get(obj.translation_key, obj) if obj.locale_id != locale_id else obj for obj in objects]
