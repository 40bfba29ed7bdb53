"""Search result snippets: the reader's text escaped first, then the query terms marked."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.normalise import fold

SNIPPET_LENGTH = 240


def term_patterns(terms):
    """Folded prefixes to look for: a word matches if it starts with a term (or its lemma)."""
    prefixes = sorted({fold(term) for term in terms if len(term) >= 2}, key=len, reverse=True)
    if not prefixes:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(prefix) for prefix in prefixes) + r")\w*", re.UNICODE)


def highlight(text, *, terms, length=SNIPPET_LENGTH):
    """A window of ``text`` around the first match, escaped, with matches in <mark>.

    Matching is done on the folded text, which has the same length as the
    original, so positions carry over and accents never prevent a match.
    """
    text = " ".join((text or "").split())
    if not text:
        return ""
    pattern = term_patterns(terms)
    matches = list(pattern.finditer(fold(text))) if pattern else []
    start = 0
    if matches and matches[0].start() > length // 3:
        start = text.rfind(" ", 0, matches[0].start() - length // 3) + 1
    end = len(text) if len(text) - start <= length else text.rfind(" ", start, start + length)
    if end <= start:
        end = min(len(text), start + length)
    pieces, position = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        position = match.end()
    pieces.append(escape(text[position:end]))
    return mark_safe(("… " if start else "") + "".join(pieces) + (" …" if end < len(text) else ""))  # noqa: S308  # nosec B308, B703  # every piece of the text is escaped above
