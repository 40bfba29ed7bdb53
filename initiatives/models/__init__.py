"""Initiatives (with their event dates) and news, and the index pages that list them.

``content`` holds the items; ``indexes`` the pages that list them (they import
the listing views, which import ``content``: no module imports back).
"""

from .content import (
    Currency,
    InitiativeDocument,
    InitiativeGalleryImage,
    InitiativeOccurrence,
    InitiativePage,
    InitiativeStatus,
    InitiativeTag,
    NewsPage,
    NewsTag,
)
from .indexes import InitiativeIndexPage, NewsIndexPage

__all__ = [
    "InitiativeStatus",
    "Currency",
    "InitiativeIndexPage",
    "InitiativeTag",
    "InitiativePage",
    "InitiativeGalleryImage",
    "InitiativeDocument",
    "InitiativeOccurrence",
    "NewsIndexPage",
    "NewsTag",
    "NewsPage",
]
