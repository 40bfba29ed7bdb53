"""Accent- and inflection-insensitive search text.

PostgreSQL has no Polish stemmer and SQLite's full-text search knows no
language at all, so the same trick serves both: every searchable page
indexes an extra field (``search_normalised_text``) holding its words
without diacritics *and* their dictionary forms (lemmas from simplemma),
and the query is normalised the same way. "wymiana mlodziezy" then finds
"Wymiana młodzieży", and "młodzieżą" finds it through the lemma "młodzież".
"""

import re
import unicodedata
from functools import lru_cache

from django.utils.html import strip_tags as django_strip_tags

import simplemma

WORD = re.compile(r"\w+", re.UNICODE)
# Letters that Unicode does not decompose into a base letter plus an accent.
_NO_DECOMPOSITION = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i"}
SIMPLEMMA_LANGUAGES = {"pl", "en", "de", "fr", "cs", "it", "lt", "lv", "nl", "uk"}
# The text attributes a page may have, in the order they matter.
TEXT_ATTRIBUTES = (
    "listing_title",
    "official_name",
    "hero_title",
    "hero_text",
    "summary",
    "intro",
    "introduction",
    "listing_summary",
    "search_description",
    "place",
    "region",
)
STREAM_ATTRIBUTES = ("body", "description")


def fold_char(char):
    """One character, lower-cased and without its accent; always exactly one character."""
    char = _NO_DECOMPOSITION.get(char, char)
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return (base or char).lower()[:1] or char


def fold(text):
    """Lower-case ``text`` without diacritics, keeping its length (for highlighting)."""
    return "".join(fold_char(char) for char in text)


def _language(language):
    language = (language or "pl").split("-")[0]
    return language if language in SIMPLEMMA_LANGUAGES else "pl"


@lru_cache(maxsize=50_000)
def lemma(word, language="pl"):
    return simplemma.lemmatize(word, lang=_language(language)).lower()


def word_forms(word, *, language="pl"):
    """The forms a word is indexed and searched under: itself folded, and its folded lemma."""
    word = word.lower()
    forms = [fold(word)]
    base = fold(lemma(word, language))
    if base not in forms:
        forms.append(base)
    return forms


def normalise_text(text, *, language="pl"):
    """Every word of ``text`` folded, followed by its folded lemma when that differs."""
    forms = []
    for word in WORD.findall(text or ""):
        forms.extend(word_forms(word, language=language))
    return " ".join(forms)


def page_search_text(page):
    """A page's own readable text (title excluded), for the normalised field and for snippets."""
    parts = []
    for name in TEXT_ATTRIBUTES:
        value = getattr(page, name, "")
        if isinstance(value, str) and value and value not in parts:
            parts.append(value)
    for name in STREAM_ATTRIBUTES:
        value = getattr(page, name, None)
        stream_block = getattr(value, "stream_block", None)
        if stream_block is not None:
            parts.extend(str(text) for text in stream_block.get_searchable_content(value) if text)
    return "\n".join(strip_tags(part) for part in parts)


def strip_tags(text):
    return django_strip_tags(text)


def page_normalised_text(page):
    language = page.locale.language_code if getattr(page, "locale_id", None) else "pl"
    return normalise_text(f"{page.title}\n{page_search_text(page)}", language=language)
