"""Wagtail hooks of the editorial model."""

from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.permissions import policy_registry

from partners.models import MemberOrganisationPage

# isolation closes the admin side routes to other organisations; write_guards refuses forged writes.
from . import isolation, two_factor, views, write_guards  # noqa: F401
from .panels import panels_for
from .selectors import organisations_for_editor
from .services import organisation_onboard


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [
        path("editorial/reviewed/<int:page_id>/", views.mark_reviewed, name="editorial_mark_reviewed"),
        *two_factor.urlpatterns,
    ]


@hooks.register("register_account_menu_item")
def register_two_factor_menu_item(request):
    return two_factor.account_menu_item(request)


@hooks.register("register_log_actions")
def register_editorial_log_actions(actions):
    actions.register_action(
        "partnerhub.organisation.onboarded", _("Grant organisation access"), _("Organisation editors' access granted")
    )
    actions.register_action(
        "partnerhub.organisation.access_revoked",
        _("Revoke organisation access"),
        _("Organisation editors' access revoked"),
    )
    actions.register_action("partnerhub.role.permissions_set", _("Set role permissions"), _("Role permissions set"))
    actions.register_action("partnerhub.page.reviewed", _("Mark as reviewed"), _("Marked as still accurate"))


@hooks.register("after_create_page")
def onboard_new_organisation(request, page):
    """Creating a member organisation in the admin creates its group and collection too."""
    if isinstance(page, MemberOrganisationPage) and page.locale_id == Locale.get_default().pk:
        organisation_onboard(organisation=page, user=request.user)


def _refuse_forged_publish(request, can_publish):
    # Wagtail quietly saves a draft when someone without publish permission
    # posts "action-publish"; we refuse, so a forged request changes nothing.
    if request.method == "POST" and request.POST.get("action-publish") and not can_publish:
        raise PermissionDenied


def _refuse_foreign_media(request, page_class, current=None):
    """The chooser only offers images and documents the user may choose; a
    hand-written form could still name another organisation's by id."""
    if request.method != "POST":
        return
    media_models = (get_image_model(), get_document_model())
    for field in page_class._meta.concrete_fields:
        if not field.many_to_one or field.related_model not in media_models:
            continue
        raw = request.POST.get(field.name)
        if not raw or (current is not None and str(getattr(current, field.attname)) == raw):
            continue  # empty, or kept as it was
        chosen = field.related_model.objects.filter(pk=raw).first() if raw.isdigit() else None
        if chosen is None:
            continue  # the form itself reports an invalid choice
        policy = policy_registry.get_by_type(field.related_model)
        if not policy.user_has_permission_for_instance(request.user, "choose", chosen):
            raise PermissionDenied


@hooks.register("before_edit_page")
def refuse_forged_edits(request, page):
    _refuse_forged_publish(request, page.permissions_for_user(request.user).can_publish())
    _refuse_foreign_media(request, page.specific_class, current=page)


@hooks.register("before_create_page")
def refuse_forged_creations(request, parent_page, page_class):
    _refuse_forged_publish(request, parent_page.permissions_for_user(request.user).can_publish_subpage())
    _refuse_foreign_media(request, page_class)


@hooks.register("before_serve_page")
def hide_expired_pages(page, request, serve_args, serve_kwargs):
    # publish_scheduled unpublishes expired pages on its next run; until then
    # the public must not see them either.
    if page.expire_at and page.expire_at <= timezone.now():
        raise Http404


def _own_collections_first(queryset, request):
    own = list(
        organisations_for_editor(user=request.user)
        .exclude(collection__isnull=True)
        .values_list("collection_id", flat=True)
    )
    if not own:
        return queryset
    ordering = list(queryset.query.order_by) or ["-created_at"]
    return queryset.annotate(
        editorial_own_first=Case(
            When(collection_id__in=own, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
    ).order_by("editorial_own_first", *ordering)


hooks.register("construct_image_chooser_queryset", _own_collections_first)
hooks.register("construct_document_chooser_queryset", _own_collections_first)


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.extend(panels_for(request))
