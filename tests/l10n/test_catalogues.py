"""The interface catalogues for Polish, English and German are complete."""

import re
from pathlib import Path

from django.conf import settings

import polib
import pytest

REQUIRED_LANGUAGES = ["pl", "en", "de"]


def catalogue(language):
    return polib.pofile(str(Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", REQUIRED_LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(language):
    po = catalogue(language)
    assert len(po) > 100, "run `make messages` to extract the interface strings"
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [], f"untranslated in locale/{language}: {untranslated}"
    assert fuzzy == [], f"fuzzy (needs review) in locale/{language}: {fuzzy}"


@pytest.mark.parametrize("language", REQUIRED_LANGUAGES)
def test_catalogue_keeps_placeholders(language):
    """A translation that drops or renames %(name)s would crash the page that uses it."""
    placeholder = re.compile(r"%\(\w+\)s")
    for entry in catalogue(language).translated_entries():
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for msgstr in translations:
            assert set(placeholder.findall(msgstr)) == set(placeholder.findall(entry.msgid)), entry.msgid
