import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware

LANGUAGE_PREFIX = re.compile(r"^/([a-z]{2,3}(?:-[a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)
UNPREFIXED_AREAS = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/")


class PartnerHubLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, without redirecting 404s that a prefix cannot fix.

    Django answers any unprefixed 404 with a redirect to /pl/<path>; with
    Wagtail's catch-all page route that "works" for every path, so /xx/
    (an unknown language) would bounce to /pl/xx/ and only then 404, and a
    missing admin URL would bounce into the public site. Those are plain 404s
    here; other unprefixed paths (old links like /partnerzy/) still redirect.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and self._prefix_cannot_help(request.path_info):
            return response
        return super().process_response(request, response)

    @staticmethod
    def _prefix_cannot_help(path):
        if path.startswith(UNPREFIXED_AREAS):
            return True
        match = LANGUAGE_PREFIX.match(path)
        configured = {code.lower() for code, _name in settings.LANGUAGES}
        return bool(match) and match.group(1).lower() not in configured
