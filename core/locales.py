"""Locales follow settings.LANGUAGES: one place declares the languages."""

from django.conf import settings
from django.db import connection
from django.db.models import F
from django.db.models.functions import Collate

from wagtail.models import Locale

from .normalise import fold


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


def collated(field, *, language_code):
    """``field`` for ``order_by`` in the alphabetical order of ``language_code``'s readers.

    The database's own collation is not the reader's: "Łomża" after "Zwickau"
    under C, or wherever en_US puts it. PostgreSQL's ICU collations know each
    language's alphabet (Polish Ł after L, Czech Ch after H, German Ä with A);
    every language of settings.LANGUAGES has one ("pl-x-icu"). SQLite (a
    developer's database) sorts by its own rule.
    """
    if connection.vendor != "postgresql":
        return F(field)
    language = (language_code or "").split("-")[0]
    known = {code for code, _name in settings.LANGUAGES}
    return Collate(field, f"{language}-x-icu" if language in known else "und-x-icu")


def text_sort_key(text):
    """A sort key for names sorted in Python (translated country names, choices of a union query).

    Accents and case do not count first, so "Łotwa" files with the Ls, not
    after "Zambia"; close to the ICU order without a query or a dependency.
    """
    text = str(text)
    return (fold(text), text)
