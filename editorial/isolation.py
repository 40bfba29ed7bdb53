"""What Wagtail's side routes of the admin show to whom.

Wagtail scopes its explorer, edit views and listings by permission, but it
calls choosers, bulk-action confirmations, the move confirmation, reports,
the admin API and wagtail-localize's views "UI-level": they show any object
by id to anyone with admin access. With several organisations in one admin,
those routes would show another organisation's drafts, its media and the
network's personal data. This module closes them:

* hooks where Wagtail has one (the page chooser's queryset, the admin API's
  endpoints);
* ``AdminIsolationMiddleware`` for the routes without one: a table from the
  resolved url name to a guard that raises 404 (the object is not there for
  you) or refuses as Wagtail does (you may not use this route) before the view runs.

docs/editorial.md ("Side routes of the admin") lists each route and who sees
what; tests/editorial/test_admin_routes.py fails when an admin route is in
neither this table nor its list of routes that need no guard.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from wagtail import hooks
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page, TranslatableMixin
from wagtail.permissions import page_permission_policy, policy_registry

# --- who sees which page ---------------------------------------------------


def visible_pages_filter(user):
    """Pages whose admin title the user may read: the live ones, and those they may edit.

    A draft (never published) belongs to its section: only the section's
    editors, the moderators and superusers see it.
    """
    editable = page_permission_policy.instances_user_has_any_permission_for(user, ["change", "publish"])
    return Q(live=True) | Q(pk__in=editable.values("pk"))


def visible_pages(user):
    return Page.objects.filter(visible_pages_filter(user))


def page_visible_to(user, page):
    return page.live or page.permissions_for_user(user).can_edit()


def _visible_page_or_404(user, page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not page_visible_to(user, page):
        raise Http404("No page with this id.")
    return page


@hooks.register("construct_page_chooser_queryset")
def only_visible_pages_in_chooser(pages, request):
    return pages.filter(visible_pages_filter(request.user))


# --- who sees which media ---------------------------------------------------


def visible_media(model, user):
    """Images or documents in the collections where the user may choose or edit them."""
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, ["choose", "change"])


class ScopedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=visible_media(get_image_model(), self.request.user).values("pk"))


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        documents = visible_media(get_document_model(), self.request.user)
        return super().get_queryset().filter(pk__in=documents.values("pk"))


class ScopedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    """Wagtail's admin page API lists explorable pages: ancestors included, so also their other drafts."""

    def get_base_queryset(self):
        return super().get_base_queryset().filter(visible_pages_filter(self.request.user))


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own registrations
def scope_admin_api(router):
    router.register_endpoint("pages", ScopedPagesAdminAPIViewSet)
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)


# --- guards keyed on the url name ---------------------------------------------


def guard_move_confirm(request, page_to_move_id, destination_id, **kwargs):
    """Wagtail checks the move only on POST; its GET shows both pages' titles."""
    page = _visible_page_or_404(request.user, page_to_move_id)
    destination = _visible_page_or_404(request.user, destination_id)
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


def guard_chooser_parent(request, parent_page_id, **kwargs):
    _visible_page_or_404(request.user, parent_page_id)


def guard_chosen_pages(request, **kwargs):
    ids = [raw for raw in request.GET.getlist("id") if raw.isdigit()]
    if visible_pages(request.user).filter(pk__in=ids).count() != len(set(ids)):
        raise Http404("No page with this id.")


def guard_bulk_action(request, app_label, model_name, action, **kwargs):
    """A confirmation lists the objects one may not act on by title: refuse instead of naming them."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    _allowed, refused = action_class(request, model).get_actionable_objects()
    if refused["items_with_no_access"]:
        raise PermissionDenied


def guard_whole_network_report(request, **kwargs):
    """Reports over every section (page types and their last edited page) are for those who edit every section."""
    if not page_permission_policy.user_has_permission_for_instance(request.user, "change", Page.get_first_root_node()):
        raise PermissionDenied


def guard_localize_submit_page(request, page_id, **kwargs):
    _visible_page_or_404(request.user, page_id)


def guard_localize_snippets_api(request, app_label, model_name, **kwargs):
    """The translation editor looks up translatable snippets; nothing else is served there."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    if not issubclass(model, TranslatableMixin):
        raise Http404("Not a translatable model.")
    policy = policy_registry.get_by_type(model)
    if not (
        policy.user_has_any_permission(request.user, ["add", "change", "view"])
        or request.user.has_perm("wagtail_localize.submit_translation")
    ):
        raise PermissionDenied


ROUTE_GUARDS = {
    "wagtailadmin_pages:move_confirm": guard_move_confirm,
    "wagtailadmin_choose_page_child": guard_chooser_parent,
    "wagtailadmin_choose_page_chosen_multiple": guard_chosen_pages,
    "wagtail_bulk_action": guard_bulk_action,
    "wagtailadmin_reports:page_types_usage": guard_whole_network_report,
    "wagtailadmin_reports:page_types_usage_results": guard_whole_network_report,
    "wagtail_localize:submit_page_translation": guard_localize_submit_page,
    # translations/guards.py serves the same path (its language checks) ahead of wagtail-localize's.
    "translations_submit_page_translation": guard_localize_submit_page,
    "wagtail_localize:snippets_api_listing": guard_localize_snippets_api,
    "wagtail_localize:snippets_api_detail": guard_localize_snippets_api,
}


class AdminIsolationMiddleware:
    """Run the route's guard before its view.

    Requests without admin access pass untouched: the admin itself sends them
    to its login. A refusal looks like Wagtail's own (a redirect to the
    dashboard with "Sorry, you do not have permission…", 403 for the admin's
    JavaScript); a 404 stays a 404.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        guard = ROUTE_GUARDS.get(match.view_name) if match else None
        if guard is None or not request.user.has_perm("wagtailadmin.access_admin"):
            return None
        try:
            guard(request, **view_kwargs)
        except PermissionDenied:
            return permission_denied(request)
        return None
