"""Response headers that keep intruders' scripts out (Content-Security-Policy, Permissions-Policy),
and the rate limit on Wagtail's page-password form.

Django 6's CSP middleware sends ``SECURE_CSP`` on every response. The public site has no inline
script or style at all, so its policy allows only this origin's own files (plus the map's tile
server for images). Wagtail's admin still writes a few inline scripts of its own (date choosers,
inline panels, wagtail-localize's editor) that cannot carry our nonce, so the admin gets
``SECURE_CSP_ADMIN``, which allows inline scripts but nothing from another origin. Responses that
set their own policy keep it (Wagtail serves documents with ``default-src 'none'``).
"""

from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware

from wagtail import views as wagtail_views

from engagement.abuse import rate_limit_exceeded, rate_limited_response

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class PartnerHubCSPMiddleware(ContentSecurityPolicyMiddleware):
    def process_response(self, request, response):
        if request.path.startswith(ADMIN_PREFIXES) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.SECURE_CSP_ADMIN
        return super().process_response(request, response)


class PermissionsPolicyMiddleware:
    """Switch off the browser features no PartnerHub page uses (camera, microphone, location…)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's form for a password-protected page, with the public forms' rate limit per address.

    Wagtail's own view lets a script try passwords as fast as it can post.
    """
    if rate_limit_exceeded(request, scope="page-password"):
        return rate_limited_response(request)
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
