"""Every URL of the admin is accounted for, so a new route cannot slip by unchecked.

Each admin route (found by walking ``get_resolver()``) must be matched by one
row below: either it is guarded by editorial/isolation.py, or Wagtail (or the
project) already scopes it by permission and test_admin_read_isolation.py
checks it, or it shows no other organisation's data (with the reason). A
route in no row fails the test: add it to a row, with a reason, when you add
an app or upgrade Wagtail.
"""

from fnmatch import fnmatch

from django.urls import URLPattern, URLResolver, get_resolver

import pytest

from editorial.isolation import ROUTE_GUARDS

GUARDED = "guarded by editorial/isolation.py"
POLICY = "scoped by Wagtail's permission policies (checked in test_admin_read_isolation.py)"
SCOPED = "scoped by page, collection or model permissions in Wagtail's view"
PERSONAL = "personal-data chooser: engagement/permissions.py refuses it to roles without 'view'"
NO_DATA = "shows no object of any organisation"
OWN = "shows only the user's own account or the user's own items"
SUPERUSER_ONLY = "needs a permission only administrators or superusers have"
PROJECT = "a project view with its own permission check (tests/editorial, tests/engagement)"

# (view-name pattern, classification). First match wins; fnmatch patterns on the resolved view name.
ROUTE_TABLE = [
    *((name, GUARDED) for name in ROUTE_GUARDS),
    ("wagtailsnippetchoosers_engagement_subscriber:*", PERSONAL),
    ("wagtailsnippetchoosers_engagement_accessionrequest:*", PERSONAL),
    ("wagtailsnippetchoosers_engagement_newsletterissue:*", PERSONAL),
    # Snippet choosers of models that hold nothing private (areas, footers, consent texts, purge log…).
    ("wagtailsnippetchoosers_*", NO_DATA + ": public or network-wide reference data"),
    ("wagtailsnippets_engagement_*", POLICY),
    ("wagtailsnippets_*", POLICY),
    ("wagtailsnippets:*", POLICY),
    ("wagtailadmin_pages:*", SCOPED),
    ("wagtailadmin_explore*", SCOPED),
    ("wagtailadmin_choose_page", SCOPED + " (construct_page_chooser_queryset)"),
    ("wagtailadmin_choose_page_search", SCOPED + " (construct_page_chooser_queryset)"),
    ("wagtailadmin_choose_page_*_link", NO_DATA + ": link forms"),
    ("wagtailadmin_reports:*", SCOPED),
    ("wagtailadmin_workflows:*", SUPERUSER_ONLY + " (workflow and task management)"),
    ("wagtailadmin_tasks:*", SUPERUSER_ONLY + " (workflow and task management)"),
    ("wagtailimages:*", SCOPED),
    ("wagtailimages_chooser:*", SCOPED),
    ("wagtaildocs:*", SCOPED),
    ("wagtaildocs_chooser:*", SCOPED),
    ("wagtaildocs_serve*", SCOPED + " (collection view restrictions)"),
    ("wagtailforms:*", SCOPED + " (form submissions follow page permissions)"),
    ("wagtailadmin_api:*", GUARDED + " (construct_admin_api: scoped endpoints)"),
    ("wagtailusers_users:*", SUPERUSER_ONLY),
    ("wagtailusers_groups:*", SUPERUSER_ONLY),
    ("wagtailsites:*", SUPERUSER_ONLY),
    ("wagtaillocales:*", SUPERUSER_ONLY),
    ("wagtailredirects:*", SUPERUSER_ONLY),
    ("wagtailsettings:*", SUPERUSER_ONLY),
    ("wagtailsearchpromotions:*", SUPERUSER_ONLY),
    ("wagtailadmin_collections:*", SUPERUSER_ONLY),
    ("wagtailadmin_home", OWN + " (dashboard panels are per section)"),
    ("wagtailadmin_account*", OWN),
    ("wagtailadmin_login", NO_DATA),
    ("wagtailadmin_logout", NO_DATA),
    ("wagtailadmin_password_reset*", NO_DATA),
    ("wagtailadmin_sprite", NO_DATA),
    ("wagtailadmin_javascript_catalog", NO_DATA),
    ("wagtailadmin_dismissibles", OWN),
    ("wagtailadmin_error_test", NO_DATA),
    ("wagtailadmin_block_preview", NO_DATA + ": renders posted block values"),
    ("wagtailadmin_tag_autocomplete", NO_DATA + ": tag names are public"),
    ("wagtailadmin_tag_model_autocomplete", NO_DATA + ": tag names are public"),
    ("wagtailadmin_generic_*", NO_DATA),
    ("wagtailadmin_comments:*", SCOPED),
    ("wagtailembeds:*", NO_DATA + ": oEmbed of a posted URL"),
    ("wagtailsearch_*", SUPERUSER_ONLY),
    ("wagtail_localize:javascript_catalog", NO_DATA),
    ("wagtail_localize:submit_snippet_translation", SCOPED + " (model permission of the snippet)"),
    ("wagtail_localize:update_translations", SCOPED + " (translations/ checks languages: the write side)"),
    ("wagtail_localize:*", SCOPED + " (translation editor: edit permission on the translated object)"),
    ("editorial_*", PROJECT),
    ("engagement_admin:*", PROJECT),
    ("partnerhub_*", PROJECT),
    ("otp_*", OWN),
    ("two_factor_*", OWN + " (the signed-in user's own authenticator and recovery codes)"),
    ("wagtailadmin_editing_sessions:*", SCOPED + " (Http404 without edit permission on the object)"),
    ("translations_upload_pofile", PROJECT + ": translations/, the translation editor's own checks"),
    ("translation_status", PROJECT + ": translations/selectors.py builds the rows for the user"),
    ("translation_submit_for_moderation", PROJECT + ": translations/ (write side)"),
    ("translations_submit_snippet_translation", PROJECT + ": translations/guards.py (snippet permission, languages)"),
    ("translations_update_translations", PROJECT + ": translations/guards.py (edit permission, languages)"),
    ("partnerships_import", PROJECT + ": directory/, needs the partnership permissions"),
    # Unnamed routes, matched by their path.
    ("admin/^.*/$", NO_DATA + ": Wagtail's catch-all 404 of the admin"),
    ("admin/test404/", NO_DATA + ": Wagtail's 404 template"),
]


def _walk(resolver, prefix="", namespaces=()):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            spaces = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from _walk(entry, prefix + str(entry.pattern), spaces)
        elif isinstance(entry, URLPattern):
            name = ":".join((*namespaces, entry.name)) if entry.name else None
            yield prefix + str(entry.pattern), name


def admin_routes():
    return sorted({(route, name or "") for route, name in _walk(get_resolver()) if route.startswith("admin/")})


def classify(name):
    """``name`` is the view name, or the route's path for unnamed routes."""
    return next((reason for pattern, reason in ROUTE_TABLE if fnmatch(name, pattern)), None)


def test_every_admin_route_is_classified():
    routes = admin_routes()
    assert len(routes) > 100, "the walk found the admin's routes"
    unclassified = [f"{name or '(no name)'}  {route}" for route, name in routes if classify(name or route) is None]
    assert unclassified == [], "classify these admin routes in ROUTE_TABLE:\n" + "\n".join(unclassified)


@pytest.mark.parametrize("name", sorted(ROUTE_GUARDS))
def test_each_guard_names_a_real_route(name):
    assert any(found == name for _route, found in admin_routes()), f"{name} is not an admin route any more"


def test_personal_data_choosers_are_classified_as_checked():
    for model in ("subscriber", "accessionrequest", "newsletterissue"):
        assert classify(f"wagtailsnippetchoosers_engagement_{model}:choose") == PERSONAL
