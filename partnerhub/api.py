"""The open, read-only API (Wagtail API v2) at /api/v2/.

Partner towns use it to show the network's initiatives and news on their own
sites: pages (with the domain fields declared as ``api_fields`` on the page
models), images and documents. Only live, public pages are listed (Wagtail's
``get_public_pages_queryset``), documents and images in restricted collections
are left out, and CORS allows GET from any origin (settings: CORS_*).
See docs/api.md for examples.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """Images with their alternative text, so reusers can keep them accessible."""

    body_fields = [*ImagesAPIViewSet.body_fields, "description"]
    listing_default_fields = [*ImagesAPIViewSet.listing_default_fields, "description"]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
