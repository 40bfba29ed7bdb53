"""Locales follow settings.LANGUAGES: one place declares the languages."""

from django.conf import settings

from wagtail.models import Locale


def locales_sync():
    """Create the missing Wagtail locales; return the language codes created.

    Locales for languages no longer configured are left alone: deleting one
    would delete its pages.
    """
    existing = set(Locale.objects.values_list("language_code", flat=True))
    created = []
    for code, _name in settings.LANGUAGES:
        if code not in existing:
            Locale.objects.create(language_code=code)
            created.append(code)
    return created
