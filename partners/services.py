"""Write-side rules for member organisations.

``organisation_onboard`` gives an organisation its own editors' group and
media collection, so that its editors can work on their own section of the
tree and their own images and documents, and nothing else.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

# Editors draft and submit; publishing stays with moderators (the workflow decides).
ORGANISATION_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")
ORGANISATION_MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def organisation_group_name(*, organisation):
    # Not translated: group names are identifiers shared by all admin languages.
    return f"{organisation.title} editors"


@transaction.atomic
def organisation_onboard(*, organisation):
    """Create (or repair) the organisation's editors' group, collection and permissions.

    Idempotent: the group and collection are found through the foreign keys
    stored on the organisation page first, so renaming an organisation keeps
    them; permissions are added only when missing.
    """
    group = organisation.editors_group
    if group is None:
        group, _created = Group.objects.get_or_create(name=organisation_group_name(organisation=organisation))

    collection = organisation.collection
    if collection is None:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=organisation.title).first()
        if collection is None:
            collection = root.add_child(name=organisation.title)

    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    for codename in ORGANISATION_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=organisation, permission=_permission("wagtailcore", codename)
        )
    for app_label, codename in ORGANISATION_MEDIA_PERMISSIONS:
        # Wagtail checks image permissions on wagtailimages.Image even with a custom image model.
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )

    if organisation.editors_group_id != group.pk or organisation.collection_id != collection.pk:
        organisation.editors_group = group
        organisation.collection = collection
        # Only the two links: saving the whole page would bypass its revisions.
        type(organisation).objects.filter(pk=organisation.pk).update(editors_group=group, collection=collection)
    return group, collection
