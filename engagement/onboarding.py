"""Onboarding an approved organisation: page, editors' group, media collection.

SWAP POINT for the lead: the `editorial` app owns the real
``editorial.services.organisation_onboard``. When it is installed it is used;
otherwise ``organisation_onboard_minimal`` below does the same job with the
smallest set of permissions (its editors can add and edit pages in their own
section and manage images and documents in their own collection; publishing
goes through moderation).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from partners.models import MemberOrganisationPage, OrganisationRole


def organisation_onboard(*, index, title, kind):
    """Create a live member organisation under ``index``; returns ``(page, editors_group)``."""
    try:
        from editorial.services import organisation_onboard as editorial_organisation_onboard
    except ImportError:
        return organisation_onboard_minimal(index=index, title=title, kind=kind)
    page = editorial_organisation_onboard(
        index=index, title=title, kind=kind, role=OrganisationRole.MEMBER, joined_on=timezone.localdate()
    )
    page.refresh_from_db()
    return page, page.editors_group


def _unique_slug(*, index, title):
    base = slugify(title, allow_unicode=True)[:70] or "organisation"
    slug, n = base, 1
    siblings = set(index.get_children().values_list("slug", flat=True))
    while slug in siblings:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _unique_group_name(name):
    candidate, n = name, 1
    while Group.objects.filter(name=candidate).exists():
        n += 1
        candidate = f"{name} ({n})"
    return candidate


def _permissions(app_label, *codenames):
    return list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


@transaction.atomic
def organisation_onboard_minimal(*, index, title, kind):
    page = MemberOrganisationPage(
        title=title,
        slug=_unique_slug(index=index, title=title),
        kind=kind,
        role=OrganisationRole.MEMBER,
        joined_on=timezone.localdate(),
    )
    index.add_child(instance=page)
    page.save_revision().publish()

    collection = Collection.get_first_root_node().add_child(name=title)
    group = Group.objects.create(name=_unique_group_name(f"{title}: editors"))
    group.permissions.add(*_permissions("wagtailadmin", "access_admin"))
    for permission in _permissions("wagtailcore", "add_page", "change_page"):
        GroupPagePermission.objects.create(group=group, page=page, permission=permission)
    media_permissions = _permissions("home", "add_siteimage", "change_siteimage", "choose_image") + _permissions(
        "wagtaildocs", "add_document", "change_document", "choose_document"
    )
    for permission in media_permissions:
        GroupCollectionPermission.objects.create(group=group, collection=collection, permission=permission)

    page.editors_group = group
    page.collection = collection
    page.save(update_fields=["editors_group", "collection"])
    return page, group
