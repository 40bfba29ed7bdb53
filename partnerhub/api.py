"""The open, read-only API (Wagtail API v2) at /api/v2/.

Partner towns use it to show the network's initiatives and news on their own
sites: pages (with the domain fields declared as ``api_fields`` on the page
models), images and documents. Only live, public pages are listed (Wagtail's
``get_public_pages_queryset``), documents and images in restricted collections
are left out, and CORS allows GET from any origin (settings: CORS_*).
See docs/api.md for examples.
"""

import sys

from django.urls import path

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from core.api import prepare_for_api
from core.queries import pages_public


class UnprefixedMixin:
    """Keep the API's 404s as JSON 404s.

    The API lives outside the /pl/, /en/… prefixes; for a 404 there Django's
    LocaleMiddleware would redirect to /pl/api/…, which Wagtail's catch-all
    page route then answers with an HTML page. Pointing the request at a
    URLconf without language prefixes (this module's) turns that off.
    """

    def dispatch(self, request, *args, **kwargs):
        # ``request`` is still Django's HttpRequest here (DRF wraps it inside dispatch).
        request.urlconf = sys.modules[__name__]
        return super().dispatch(request, *args, **kwargs)


class PublicPagesAPIViewSet(UnprefixedMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        """Wagtail's live, public pages, without those whose ``expire_at`` has passed (issue 17)."""
        # Built once per request: the listing, its count and the serializer context all ask for it.
        if not hasattr(self, "_public_pages"):
            self._public_pages = pages_public(super().get_base_queryset())
        return self._public_pages

    def paginate_queryset(self, queryset):
        """The page of results, with what its fields show read for all of it at once (core.api)."""
        return prepare_for_api(super().paginate_queryset(queryset), self)


class PublicDocumentsAPIViewSet(UnprefixedMixin, DocumentsAPIViewSet):
    pass


class PublicImagesAPIViewSet(UnprefixedMixin, ImagesAPIViewSet):
    """Images with their alternative text, so reusers can keep them accessible."""

    body_fields = [*ImagesAPIViewSet.body_fields, "description"]
    listing_default_fields = [*ImagesAPIViewSet.listing_default_fields, "description"]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)

# The URLconf the API's responses finish with (see UnprefixedMixin).
urlpatterns = [path("api/v2/", api_router.urls)]
