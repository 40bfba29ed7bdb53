"""The interface catalogues are complete in every language of settings.LANGUAGES."""

import re
import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

import polib
import pytest

# The partners' languages too (fr, lt, cs, uk, it, lv, nl): a partner town's page is read in its own.
REQUIRED_LANGUAGES = [code for code, _name in settings.LANGUAGES]


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
        if entry.msgid_plural:
            # A plural form may use any name of the singular or the plural msgid
            # ("this partnership" / "these {{ counter }} partnerships"), never another one.
            known = set(placeholder.findall(entry.msgid)) | set(placeholder.findall(entry.msgid_plural))
            for msgstr in entry.msgstr_plural.values():
                assert set(placeholder.findall(msgstr)) <= known, entry.msgid
        else:
            assert set(placeholder.findall(entry.msgstr)) == set(placeholder.findall(entry.msgid)), entry.msgid


def test_catalogues_compile_without_gettext(tmp_path, monkeypatch, settings):
    """`make install` compiles the catalogues even where msgfmt is not installed."""
    import gettext
    import shutil

    from django.core.management import call_command

    shutil.copytree(Path(settings.BASE_DIR) / "locale", tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.setattr("home.management.commands.compile_catalogues.shutil.which", lambda name: None)
    call_command("compile_catalogues")
    german = gettext.GNUTranslations(open(tmp_path / "locale/de/LC_MESSAGES/django.mo", "rb"))  # noqa: SIM115
    assert german.gettext("Skip to main content") == "Zum Hauptinhalt springen"
    assert german.ngettext("%(counter)s result", "%(counter)s results", 3) == "%(counter)s Ergebnisse"


def test_broken_catalogue_stops_the_compile(tmp_path, monkeypatch, settings):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    (tmp_path / "locale/de/LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "locale/de/LC_MESSAGES/django.po").write_text("this is not a catalogue\n")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.setattr("home.management.commands.compile_catalogues.shutil.which", lambda name: None)
    with pytest.raises(CommandError, match="django.po"):
        call_command("compile_catalogues")


def test_makemessages_finds_no_string_the_catalogues_lack(tmp_path, monkeypatch, settings):
    """A msgid added in code or a template without a translation shows English to every reader:
    extracting the strings afresh (what `make messages` does) leaves nothing untranslated."""
    if shutil.which("xgettext") is None:
        pytest.fail("xgettext is missing: install gettext (Debian: apt-get install gettext)")
    shutil.copytree(Path(settings.BASE_DIR) / "locale", tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(settings.BASE_DIR)
    call_command(
        "makemessages",
        locale=REQUIRED_LANGUAGES,
        ignore_patterns=[".venv", ".bootstrap", "var", "node_modules"],  # the Makefile's
        verbosity=0,
    )
    missing = {}
    for language in REQUIRED_LANGUAGES:
        po = polib.pofile(str(tmp_path / "locale" / language / "LC_MESSAGES" / "django.po"))
        untranslated = [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries()]
        if untranslated:
            missing[language] = untranslated
    assert missing == {}


@pytest.mark.parametrize("language", REQUIRED_LANGUAGES)
def test_every_plural_entry_has_as_many_forms_as_the_language_needs(language):
    """A missing form is a fatal error for msgfmt and an empty string for the reader who needs it."""
    po = catalogue(language)
    forms = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
    short = [
        entry.msgid for entry in po.translated_entries() if entry.msgid_plural and len(entry.msgstr_plural) != forms
    ]
    assert short == []
