"""The network's theme: its colour as a small stylesheet, so no template is per network.

A stylesheet rather than an inline ``<style>``: the Content-Security-Policy
allows only this site's own styles (partnerhub/security.py).
"""

from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from wagtail.models import Site

from core.models import NetworkSettings
from core.theme import DEFAULT_ACCENT, theme_css


@require_GET
def network_theme(request):
    site = Site.find_for_request(request)
    accent = NetworkSettings.for_site(site).accent_colour if site is not None else DEFAULT_ACCENT
    response = HttpResponse(theme_css(accent or DEFAULT_ACCENT), content_type="text/css; charset=utf-8")
    # Short: a changed colour shows within minutes, and the file is a few bytes.
    patch_cache_control(response, public=True, max_age=300)
    return response
