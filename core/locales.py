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


def language_choices():
    """settings.LANGUAGES as model field choices.

    A callable, so that adding a language to the settings does not need a
    new migration in every app that stores a language code.
    """
    return settings.LANGUAGES
