"""Signals shared by every app."""

from django.dispatch import Signal

# Sent by code that changes what readers see without model signals (bulk
# imports, generators): the page cache and Varnish drop every page (caching/).
content_changed_in_bulk = Signal()
