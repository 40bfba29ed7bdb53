"""Write-side rules of the editorial model: onboarding, archiving, roles, workflow, reviews.

Every function is idempotent: running it twice leaves the same groups,
collections and permissions, and writes audit-log entries only for what
actually changed.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from core.models import NetworkSettings
from home.models import HomePage
from partners.models import MemberOrganisationIndexPage, MemberOrganisationPage, OrganisationStatus

from .models import ModerationTask, PageReview

MODERATORS = "Moderators"
SITE_ADMINISTRATORS = "Site administrators"
TRANSLATORS = "Translators ({language})"
WORKFLOW_NAME = "Organisation content approval"
TASK_NAME = "Moderators approve"
# Each network's own moderators, workflow and task (network_moderation_setup).
NETWORK_MODERATORS = "{network}: moderators"
NETWORK_WORKFLOW_NAME = "{network}: content approval"
NETWORK_TASK_NAME = "{network}: moderators approve"
NETWORK_TRANSLATORS = "{network}: translators ({language})"

ACCESS_ADMIN = "wagtailadmin.access_admin"

# An organisation's editors write in their own section and send it for
# approval: no publish, no unlock of other people's locks, no bulk delete.
ORGANISATION_PAGE_PERMISSIONS = ("wagtailcore.add_page", "wagtailcore.change_page", "wagtailcore.lock_page")
# Wagtail checks image permissions against wagtailimages.Image even with a
# custom image model (home.SiteImage), so those are the ones to grant.
ORGANISATION_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)
MODERATOR_PAGE_PERMISSIONS = (
    "wagtailcore.add_page",
    "wagtailcore.change_page",
    "wagtailcore.publish_page",
    "wagtailcore.bulk_delete_page",
    "wagtailcore.lock_page",
    "wagtailcore.unlock_page",
)
# Model-level rights of moderators besides the page tree: areas of cooperation,
# and reviewing accession requests and composing newsletters (engagement app).
MODERATOR_PERMISSIONS = (
    ACCESS_ADMIN,
    # wagtail-localize's "Translate" on a Polish page: moderators start translations.
    "wagtail_localize.submit_translation",
    "partners.add_cooperationarea",
    "partners.change_cooperationarea",
    "engagement.review_accessionrequest",
    "engagement.view_accessionrequest",
    "engagement.add_newsletterissue",
    "engagement.change_newsletterissue",
    "engagement.view_newsletterissue",
    "engagement.add_consenttext",
    "engagement.change_consenttext",
    "engagement.view_consenttext",
    "engagement.view_subscriber",
    "engagement.view_purgelog",
)
MODERATOR_COLLECTION_PERMISSIONS = (
    *ORGANISATION_COLLECTION_PERMISSIONS,
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
)
# A network's moderators: the page and media rights above, on their network's
# home pages and collection only. No model-level rights on personal data or on
# vocabularies shared by every network: a model permission would reach every
# network's rows. Their network's own subscribers, issues and accession requests
# they get from being its moderators' group (engagement/permissions.py).
NETWORK_MODERATOR_PERMISSIONS = (ACCESS_ADMIN, "wagtail_localize.submit_translation")
# A network's translators: their language's tree of their network. The shared
# snippets (areas, footers) are the platform translators' (TRANSLATOR_PERMISSIONS).
NETWORK_TRANSLATOR_PERMISSIONS = (ACCESS_ADMIN, "wagtail_localize.submit_translation")
# Translators edit their language's tree; their changes are moderated like everyone's.
TRANSLATOR_PAGE_PERMISSIONS = ORGANISATION_PAGE_PERMISSIONS
# wagtail-localize's editor needs these to open a translation and to translate
# the areas of cooperation (a snippet: model-level, not per language).
TRANSLATOR_PERMISSIONS = (
    ACCESS_ADMIN,
    "wagtail_localize.submit_translation",
    "partners.change_cooperationarea",
    # The footer texts (home.NetworkFooter), translated like the areas.
    "home.change_networkfooter",
)
SITE_ADMINISTRATOR_PERMISSIONS = (
    ACCESS_ADMIN,
    "auth.add_user",
    "auth.change_user",
    "auth.delete_user",
    "auth.view_user",
    "auth.add_group",
    "auth.change_group",
    "auth.delete_group",
    "auth.view_group",
    "wagtailcore.add_site",
    "wagtailcore.change_site",
    "wagtailcore.delete_site",
    "wagtailcore.add_locale",
    "wagtailcore.change_locale",
    "wagtailcore.add_workflow",
    "wagtailcore.change_workflow",
    "wagtailcore.add_task",
    "wagtailcore.change_task",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
    "home.change_networksettings",
    "home.add_networkfooter",
    "home.change_networkfooter",
)


def _permissions(names):
    """``Permission`` rows for "app_label.codename" names, failing loudly on a typo."""
    wanted = {tuple(name.split(".", 1)) for name in names}
    found = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.filter(codename__in=[codename for _, codename in wanted]).select_related(
            "content_type"
        )
    }
    missing = wanted - found.keys()
    if missing:
        raise ImproperlyConfigured(f"Unknown permissions: {sorted('.'.join(m) for m in missing)}")
    return [found[key] for key in sorted(wanted)]


def _sync_group_permissions(*, group, names):
    """Give the group exactly these model-level permissions; return what changed."""
    wanted = set(_permissions(names))
    current = set(group.permissions.all())
    added, removed = wanted - current, current - wanted
    if added:
        group.permissions.add(*added)
    if removed:
        group.permissions.remove(*removed)
    return {"added": sorted(p.codename for p in added), "removed": sorted(p.codename for p in removed)}


def _sync_page_permissions(*, group, pages, names):
    """Give the group exactly these permissions on exactly these pages."""
    permissions = _permissions(names)
    wanted = {(page.pk, perm.pk) for page in pages for perm in permissions}
    existing = {(gpp.page_id, gpp.permission_id): gpp.pk for gpp in GroupPagePermission.objects.filter(group=group)}
    to_delete = [pk for key, pk in existing.items() if key not in wanted]
    to_create = [key for key in wanted if key not in existing]
    GroupPagePermission.objects.filter(pk__in=to_delete).delete()
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page_id=page_id, permission_id=perm_id) for page_id, perm_id in to_create
    )
    return len(to_create) + len(to_delete)


def _sync_collection_permissions(*, group, collections, names):
    permissions = _permissions(names)
    wanted = {(collection.pk, perm.pk) for collection in collections for perm in permissions}
    existing = {
        (gcp.collection_id, gcp.permission_id): gcp.pk for gcp in GroupCollectionPermission.objects.filter(group=group)
    }
    to_delete = [pk for key, pk in existing.items() if key not in wanted]
    to_create = [key for key in wanted if key not in existing]
    GroupCollectionPermission.objects.filter(pk__in=to_delete).delete()
    GroupCollectionPermission.objects.bulk_create(
        GroupCollectionPermission(group=group, collection_id=collection_id, permission_id=perm_id)
        for collection_id, perm_id in to_create
    )
    return len(to_create) + len(to_delete)


def _unique_group_name(*, wanted, group):
    """Group names are unique in Django; two organisations may share a name."""
    clash = Group.objects.filter(name=wanted)
    if group is not None:
        clash = clash.exclude(pk=group.pk)
    return wanted if not clash.exists() else None


def _network_collection_of(page):
    """The media collection of the network (site) a page belongs to, if that network has one."""
    site = page.get_site()
    if site is None:
        return None
    network = NetworkSettings.objects.filter(site=site).select_related("collection").first()
    return network.collection if network is not None else None


def organisation_group_name(*, organisation):
    return f"{organisation.title} editors"[:150]


@transaction.atomic
def organisation_onboard(*, organisation, user=None):
    """Give an organisation its editors' group and media collection, with rights on its own section only.

    The group and collection are linked to the page by foreign key, so a
    rename renames them (run again after publishing the new title) instead
    of orphaning them. An archived organisation keeps its group and
    collection, but the group holds no permission at all.
    """
    organisation = MemberOrganisationPage.objects.select_for_update().get(pk=organisation.pk)
    group = organisation.editors_group
    group_name = organisation_group_name(organisation=organisation)
    name = _unique_group_name(wanted=group_name, group=group) or f"{group_name[:140]} (#{organisation.pk})"
    changes = {}
    if group is None:
        group = Group.objects.create(name=name)
        changes["group_created"] = name
    elif group.name != name:
        changes["group_renamed"] = [group.name, name]
        group.name = name
        group.save(update_fields=["name"])

    collection = organisation.collection
    parent_collection = _network_collection_of(organisation) or Collection.get_first_root_node()
    if collection is None:
        collection = parent_collection.add_child(name=organisation.title)
        changes["collection_created"] = collection.name
    elif not collection.is_child_of(parent_collection):
        # The network's moderators have rights on the network's collection and
        # everything under it: an organisation's media belong there.
        collection.move(parent_collection, pos="sorted-child")  # collections are kept sorted by name
        collection = Collection.objects.get(pk=collection.pk)
        changes["collection_moved"] = parent_collection.name
    elif collection.name != organisation.title:
        changes["collection_renamed"] = [collection.name, organisation.title]
        collection.name = organisation.title
        collection.save(update_fields=["name"])

    if (organisation.editors_group_id, organisation.collection_id) != (group.pk, collection.pk):
        # update() rather than save(): linking must not create a page revision.
        MemberOrganisationPage.objects.filter(pk=organisation.pk).update(editors_group=group, collection=collection)
        organisation.editors_group, organisation.collection = group, collection

    active = organisation.status == OrganisationStatus.ACTIVE
    permission_changes = _sync_group_permissions(group=group, names=[ACCESS_ADMIN] if active else [])
    page_changes = _sync_page_permissions(
        group=group, pages=[organisation] if active else [], names=ORGANISATION_PAGE_PERMISSIONS
    )
    collection_changes = _sync_collection_permissions(
        group=group, collections=[collection] if active else [], names=ORGANISATION_COLLECTION_PERMISSIONS
    )
    if page_changes or collection_changes or permission_changes["added"] or permission_changes["removed"]:
        changes["permissions"] = "granted" if active else "revoked"

    if changes:
        action = "partnerhub.organisation.onboarded" if active else "partnerhub.organisation.access_revoked"
        log(instance=organisation, action=action, user=user, data={"group": group.name, **changes})
    return organisation


@transaction.atomic
def organisation_archive(*, organisation, user=None):
    """Archive: the editors lose every right; published pages and history stay."""
    MemberOrganisationPage.objects.filter(pk=organisation.pk).update(status=OrganisationStatus.ARCHIVED)
    organisation.status = OrganisationStatus.ARCHIVED
    return organisation_onboard(organisation=organisation, user=user)


@transaction.atomic
def organisation_restore(*, organisation, user=None):
    MemberOrganisationPage.objects.filter(pk=organisation.pk).update(status=OrganisationStatus.ACTIVE)
    organisation.status = OrganisationStatus.ACTIVE
    return organisation_onboard(organisation=organisation, user=user)


@transaction.atomic
def organisation_create(*, name, kind, role, parent=None, user=None):
    """Create (or find) a published organisation page and onboard it: what `add_organisation` runs."""
    if parent is None:
        parent = MemberOrganisationIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()
        if parent is None:
            raise ValueError("There is no member organisation index page in the default language to add to.")
    organisation = MemberOrganisationPage.objects.child_of(parent).filter(title=name).first()
    if organisation is None:
        organisation = MemberOrganisationPage(
            title=name, slug=slugify(name)[:200] or "organisation", kind=kind, role=role
        )
        organisation.full_clean(exclude=["path", "depth", "slug"])
        parent.add_child(instance=organisation)
        organisation.save_revision(user=user, log_action=True).publish(user=user)
    return organisation_onboard(organisation=organisation, user=user)


def _home_pages(*, language_code):
    return list(HomePage.objects.filter(depth=2, locale__language_code=language_code))


@transaction.atomic
def roles_setup(*, user=None):
    """Create or repair the role groups. Safe to run on every deploy."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    _sync_group_permissions(group=moderators, names=MODERATOR_PERMISSIONS)
    changed = _sync_page_permissions(group=moderators, pages=[root_page], names=MODERATOR_PAGE_PERMISSIONS)
    changed += _sync_collection_permissions(
        group=moderators, collections=[root_collection], names=MODERATOR_COLLECTION_PERMISSIONS
    )
    groups[moderators] = changed

    administrators, _ = Group.objects.get_or_create(name=SITE_ADMINISTRATORS)
    change = _sync_group_permissions(group=administrators, names=SITE_ADMINISTRATOR_PERMISSIONS)
    groups[administrators] = len(change["added"]) + len(change["removed"])

    default_language = Locale.get_default().language_code
    for code, _label in settings.LANGUAGES:
        if code == default_language:
            continue
        translators, _ = Group.objects.get_or_create(name=TRANSLATORS.format(language=code))
        _sync_group_permissions(group=translators, names=TRANSLATOR_PERMISSIONS)
        # Only that language's own home page (a translation of the default
        # one, a child of the root): never a page of the source language.
        groups[translators] = _sync_page_permissions(
            group=translators, pages=_home_pages(language_code=code), names=TRANSLATOR_PAGE_PERMISSIONS
        )

    for group, count in groups.items():
        if count:
            log(instance=group, action="partnerhub.role.permissions_set", user=user, data={"changes": count})
    return list(groups)


@transaction.atomic
def workflow_setup(*, user=None):
    """One workflow on the root page: every page, in every language, is approved by a moderator."""
    moderators = Group.objects.get(name=MODERATORS)
    task = ModerationTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = ModerationTask.objects.create(name=TASK_NAME)
    task.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=Page.get_first_root_node(), defaults={"workflow": workflow})
    return workflow


def workflows_unused_deactivate(*, user=None):
    """Switch off workflows that no page or snippet uses (Wagtail's own "Moderators approval",
    replaced by ours): a moderator choosing among workflows should see only those at work.
    One with a submission still in progress is left alone: deactivating would cancel it."""
    unused = Workflow.objects.filter(active=True, workflow_pages__isnull=True, workflow_content_types__isnull=True)
    for workflow in unused.exclude(workflow_states__status=WorkflowState.STATUS_IN_PROGRESS).distinct():
        workflow.deactivate(user=user)


def _network_homes(site):
    """The network's home page in every language (the site's root and its translations)."""
    return list(
        Page.objects.filter(translation_key=site.root_page.translation_key, depth=site.root_page.depth).select_related(
            "locale"
        )
    )


@transaction.atomic
def network_moderation_setup(*, network, name, user=None):
    """Give a network its moderators' group, media collection and moderation workflow.

    The group may add, edit, publish, lock and delete pages under the
    network's home pages (every language) and manage the media in the
    network's collection, and nothing in another network. Submissions in the
    network go through the network's own workflow, approved by its
    moderators (and the platform's moderators, who work across networks).
    Idempotent; a renamed network renames its group, collection and workflow.
    """
    network = NetworkSettings.objects.select_for_update().select_related("site__root_page").get(pk=network.pk)
    group_name = NETWORK_MODERATORS.format(network=name)[:150]
    group = network.moderators
    if group is None:
        group = Group.objects.filter(name=group_name).first() or Group.objects.create(name=group_name)
    elif group.name != group_name and _unique_group_name(wanted=group_name, group=group):
        group.name = group_name
        group.save(update_fields=["name"])

    collection = network.collection
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=name)
    elif collection.name != name:
        collection.name = name
        collection.save(update_fields=["name"])
    if (network.moderators_id, network.collection_id) != (group.pk, collection.pk):
        NetworkSettings.objects.filter(pk=network.pk).update(moderators=group, collection=collection)
        network.moderators, network.collection = group, collection

    homes = _network_homes(network.site)
    changes = len(_sync_group_permissions(group=group, names=NETWORK_MODERATOR_PERMISSIONS)["added"])
    changes += _sync_page_permissions(group=group, pages=homes, names=MODERATOR_PAGE_PERMISSIONS)
    changes += _sync_collection_permissions(
        group=group, collections=[collection], names=MODERATOR_COLLECTION_PERMISSIONS
    )

    default_locale_id = Locale.get_default().pk
    for home in homes:
        if home.locale_id == default_locale_id:
            continue
        translators, _created = Group.objects.get_or_create(
            name=NETWORK_TRANSLATORS.format(network=name[:100], language=home.locale.language_code)
        )
        _sync_group_permissions(group=translators, names=NETWORK_TRANSLATOR_PERMISSIONS)
        changes += _sync_page_permissions(group=translators, pages=[home], names=TRANSLATOR_PAGE_PERMISSIONS)

    task_name = NETWORK_TASK_NAME.format(network=name)[:255]
    workflow_name = NETWORK_WORKFLOW_NAME.format(network=name)[:255]
    workflow = Workflow.objects.filter(workflow_pages__page__in=homes).distinct().first()
    if workflow is None:
        workflow, _created = Workflow.objects.get_or_create(name=workflow_name)
    elif workflow.name != workflow_name:
        workflow.name = workflow_name
        workflow.save(update_fields=["name"])
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = ModerationTask.objects.filter(workflow_tasks__workflow=workflow).first()
    if task is None:
        task = ModerationTask.objects.create(name=task_name)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    elif task.name != task_name:
        task.name = task_name
        task.save(update_fields=["name"])
    task.groups.set([group, *Group.objects.filter(name=MODERATORS)])
    for home in homes:
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})

    if changes:
        log(instance=group, action="partnerhub.role.permissions_set", user=user, data={"changes": changes})
    return network


def _network_name(network):
    footer = network.footer
    return footer.network_name if footer is not None else network.site.site_name or network.site.hostname


def editorial_setup(*, user=None):
    """Roles, the moderation workflows and every organisation's access: what `setup_editorial` runs."""
    groups = roles_setup(user=user)
    workflow = workflow_setup(user=user)
    for network in NetworkSettings.objects.select_related("site__root_page", "footer").order_by("pk"):
        network_moderation_setup(network=network, name=_network_name(network), user=user)
    workflows_unused_deactivate(user=user)
    organisations = [
        organisation_onboard(organisation=organisation, user=user)
        for organisation in MemberOrganisationPage.objects.filter(locale=Locale.get_default()).order_by("path")
    ]
    return {"groups": groups, "workflow": workflow, "organisations": organisations}


# The name load_demo calls.
setup_editorial = editorial_setup


def page_mark_reviewed(*, page, user):
    """Confirm that a page is still accurate without publishing a new revision."""
    review, _ = PageReview.objects.update_or_create(
        page=page, defaults={"reviewed_at": timezone.now(), "reviewed_by": user}
    )
    log(instance=page.specific, action="partnerhub.page.reviewed", user=user)
    return review
