from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import seo
from networks import views as network_views
from partners import map as partner_map
from search import views as search_views
from translations import views as translations_views

from . import health, security
from .api import api_router

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # "/" picks the reader's language among those with a published home page.
    path("", translations_views.language_redirect, name="language_redirect"),
    # Open API, sitemap and robots.txt (docs/api.md, docs/seo-and-map.md).
    path("api/v2/", api_router.urls),
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("theme.css", network_views.network_theme, name="network_theme"),
    # For load balancers (docs/operations.md): the process is up; it can serve.
    path("healthz/", health.healthz, name="healthz"),
    path("readyz/", health.readyz, name="readyz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages are prefixed with their language: /pl/…, /en/…, /de/….
# LocaleMiddleware redirects "/" by the browser's Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    # Before Wagtail's own route of the same name: the page-password form, rate-limited.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        security.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include("initiatives.urls")),  # RSS/Atom feeds (docs/public-urls.md)
    path("api/partners.geojson", partner_map.partners_geojson, name="partners_geojson"),
    path("", include("engagement.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
