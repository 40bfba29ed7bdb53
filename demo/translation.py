"""Translate demo content through wagtail-localize's own models.

This is the path a translator's work takes in the admin, minus the typing:
a ``TranslationSource`` is extracted from the Polish object, a
``Translation`` is opened per target locale, each string segment gets a
``StringTranslation`` row, and ``Translation.save_target`` builds and
publishes the translated object. The admin then lists the result as a real
translation with its status ("Up to date" when every segment is translated).
"""

from dataclasses import dataclass

from django.db import transaction

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue, extract_strings

TARGET_LANGUAGES = ("en", "de")
# The partner towns' own languages: only partner pages and the frame they need are translated into them.
PARTNER_LANGUAGES = ("fr", "lt", "cs", "uk", "it", "lv", "nl")


@dataclass(frozen=True)
class T:
    """One text in the three demo languages; Polish is the source."""

    pl: str
    en: str
    de: str

    def __str__(self):
        return self.pl

    def get(self, language):
        return getattr(self, language)


def _segment_strings(text):
    """The string segments wagtail-localize extracts from a text, in order."""
    if text.lstrip().startswith("<"):
        _template, strings = extract_strings(text)
        return [string.data for string, _attrs in strings]
    return [StringValue.from_plaintext(text).data]


class TranslationMemory:
    """Maps each Polish segment (as wagtail-localize stores it) to its translations."""

    def __init__(self):
        self._strings = {}
        self._slugs = {}

    def add(self, text):
        if not isinstance(text, T):
            return text
        source = _segment_strings(text.pl)
        for language in TARGET_LANGUAGES:
            target = _segment_strings(text.get(language))
            if len(source) != len(target):
                raise ValueError(f"Demo text has a different structure in {language}: {text.pl[:60]!r}")
            for source_data, target_data in zip(source, target, strict=True):
                self._strings[(language, source_data)] = target_data
        return text

    def keep(self, text):
        """A proper name or address: the same in every language, unless translated elsewhere."""
        for source_data in _segment_strings(text):
            for language in (*TARGET_LANGUAGES, *PARTNER_LANGUAGES):
                self._strings.setdefault((language, source_data), source_data)
        return text

    def add_language(self, language, texts, slugs):
        """Translations into one more language: {Polish text: translation}, {Polish slug: slug}."""
        for polish, translated in texts.items():
            source = _segment_strings(polish)
            target = _segment_strings(translated)
            if len(source) != len(target):
                raise ValueError(f"Demo text has a different structure in {language}: {polish[:60]!r}")
            for source_data, target_data in zip(source, target, strict=True):
                self._strings[(language, source_data)] = target_data
        for polish, slug in slugs.items():
            self._slugs[(language, polish)] = slug

    def add_slug(self, slugs):
        if isinstance(slugs, T):
            for language in TARGET_LANGUAGES:
                self._slugs[(language, slugs.pl)] = slugs.get(language)

    def lookup(self, *, language, path, data):
        if not data.strip():
            return data  # empty optional fields are segments too
        if path == "slug":
            # Slugs without a translated form (towns, organisations, snippets) keep the source slug.
            return self._slugs.get((language, data), data)
        return self._strings.get((language, data))


def translation_save(*, instance, locale, memory, user=None):
    """Create or update ``instance``'s translation into ``locale``; returns the translated object.

    Idempotent: the source is re-extracted only when the Polish object
    changed, string translations are updated in place, and the target is
    rebuilt from them.
    """
    if isinstance(instance, Page):
        instance = instance.specific
    previous = TranslationSource.objects.get_for_instance_or_none(instance)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    changed = previous is None or previous.last_updated_at != source.last_updated_at
    translation, created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    changed = changed or created
    with transaction.atomic():
        segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
        existing = {
            (row.translation_of_id, row.context_id): row
            for row in StringTranslation.objects.filter(
                locale=locale, translation_of__in=[segment.string_id for segment in segments]
            )
        }
        for segment in segments:
            data = memory.lookup(language=locale.language_code, path=segment.context.path, data=segment.string.data)
            if data is None:
                continue  # untranslated: wagtail-localize falls back to the Polish text
            row = existing.get((segment.string_id, segment.context_id))
            if row is not None and row.data == data and not row.has_error:
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                    "has_error": False,
                    "field_error": "",
                },
            )
            changed = True
    target = instance.get_translation_or_none(locale)
    if changed or target is None or (isinstance(target, Page) and not target.live):
        translation.save_target(user=user, publish=True)
        target = source.get_translated_instance(locale)
    return target


def translation_progress(*, instance, locale):
    """(total, translated) string segments of ``instance``'s translation into ``locale``."""
    source = TranslationSource.objects.get_for_instance(instance)
    return Translation.objects.get(source=source, target_locale=locale).get_progress()
