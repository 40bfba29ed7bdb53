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
from wagtail.api.v2.utils import BadRequestError
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


# PostgreSQL's bigint: an id or offset beyond it is an error in the database, not "not found".
LARGEST_ID = 2**63 - 1
INTEGER_PARAMETERS = ("id", "offset", "limit", "child_of", "descendant_of", "ancestor_of", "translation_of")


class ValidatedParametersMixin:
    """Answer impossible query parameters with a 400 and a message, before they reach the database.

    Wagtail checks the names of the parameters and the types it parses itself; an id that is not a
    number (``/find/?id=x``), an offset past PostgreSQL's bigint or a NUL byte (which PostgreSQL
    refuses in text) otherwise end as a 500 (issue 17's probe).
    """

    def initial(self, request, *args, **kwargs):
        # initial() runs inside DRF's dispatch, so BadRequestError becomes the API's JSON 400.
        super().initial(request, *args, **kwargs)
        for name, value in request.GET.items():
            if "\x00" in value:
                raise BadRequestError(f"{name}: the value contains a NUL character")
            if name in INTEGER_PARAMETERS and value.lstrip("-").isdigit() and abs(int(value)) > LARGEST_ID:
                raise BadRequestError(f"{name}: the number is too large")
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise BadRequestError("id must be a positive integer")


class PublicPagesAPIViewSet(ValidatedParametersMixin, UnprefixedMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        """Wagtail's live, public pages, without those whose ``expire_at`` has passed (issue 17)."""
        # Built once per request: the listing, its count and the serializer context all ask for it.
        if not hasattr(self, "_public_pages"):
            self._public_pages = pages_public(super().get_base_queryset())
        return self._public_pages

    def paginate_queryset(self, queryset):
        """The page of results, with what its fields show read for all of it at once (core.api)."""
        return prepare_for_api(super().paginate_queryset(queryset), self)


class PublicDocumentsAPIViewSet(ValidatedParametersMixin, UnprefixedMixin, DocumentsAPIViewSet):
    pass


class PublicImagesAPIViewSet(ValidatedParametersMixin, UnprefixedMixin, ImagesAPIViewSet):
    """Images with their alternative text, so reusers can keep them accessible."""

    body_fields = [*ImagesAPIViewSet.body_fields, "description"]
    listing_default_fields = [*ImagesAPIViewSet.listing_default_fields, "description"]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)

# The URLconf the API's responses finish with (see UnprefixedMixin).
urlpatterns = [path("api/v2/", api_router.urls)]
