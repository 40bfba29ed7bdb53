"""Read-side queries of the editorial model: dashboards, reviews, digests.

Each runs a fixed number of queries whatever the number of pages.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import Greatest
from django.utils import timezone

from wagtail.models import Locale, Page, Revision, TaskState, WorkflowState

from core.models import NetworkSettings
from partners.models import MemberOrganisationPage, OrganisationStatus


def review_cutoff(*, now=None):
    days = getattr(settings, "EDITORIAL_REVIEW_AFTER_DAYS", 365)
    return (now or timezone.now()) - datetime.timedelta(days=days)


def networks_moderated_by(*, user):
    """The site ids of the networks whose moderators' group (``NetworkSettings.moderators``) the user is in.

    One query, remembered on the user object for the request: permission
    policies ask it for every row of a listing.
    """
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    cached = getattr(user, "_partnerhub_moderated_site_ids", None)
    if cached is None:
        cached = frozenset(
            NetworkSettings.objects.filter(moderators__in=user.groups.all()).values_list("site_id", flat=True)
        )
        user._partnerhub_moderated_site_ids = cached
    return cached


def organisations_for_editor(*, user):
    """The active organisations whose editors' group the user belongs to, each once.

    A translation of an organisation page copies its editors_group link, so
    the group matches the organisation in every language. One per
    translation_key: the default locale's (onboarding gives the group its
    rights there), else whichever translation exists.
    """
    if not user.is_authenticated:
        return MemberOrganisationPage.objects.none()
    theirs = MemberOrganisationPage.objects.filter(
        editors_group__in=user.groups.all(), status=OrganisationStatus.ACTIVE
    )
    default_first = Case(
        When(locale_id=Locale.get_default().pk, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    one_each = theirs.order_by("translation_key", default_first, "path").distinct("translation_key").values("pk")
    return MemberOrganisationPage.objects.filter(pk__in=one_each).order_by("title")


def organisations_by_page(*, pages):
    """Map each page's id to the member organisation whose section holds it (or None), in one query."""
    pages = list(pages)
    prefixes = {page.path[:end] for page in pages for end in range(Page.steplen, len(page.path) + 1, Page.steplen)}
    organisations = {
        org.path: org for org in MemberOrganisationPage.objects.filter(path__in=prefixes).only("title", "path")
    }
    found = {}
    for page in pages:
        found[page.pk] = next(
            (
                organisations[page.path[:end]]
                for end in range(len(page.path), 0, -Page.steplen)
                if page.path[:end] in organisations
            ),
            None,
        )
    return found


def pages_awaiting_approval(*, user):
    """Task states the user may approve, each with its page and organisation."""
    states = list(
        TaskState.objects.reviewable_by(user)
        .filter(workflow_state__base_content_type=ContentType.objects.get_for_model(Page))
        .select_related("revision", "workflow_state__requested_by")
        .order_by("started_at")
    )
    pages = Page.objects.in_bulk([int(state.workflow_state.object_id) for state in states])
    organisations = organisations_by_page(pages=pages.values())
    items = []
    for state in states:
        page = pages.get(int(state.workflow_state.object_id))
        if page is not None:
            items.append(
                {
                    "task_state": state,
                    "page": page,
                    "organisation": organisations[page.pk],
                    "requested_by": state.workflow_state.requested_by,
                }
            )
    return items


def pages_due_for_review(*, section=None, now=None):
    """Live pages neither published nor reviewed since the cutoff (settings.EDITORIAL_REVIEW_AFTER_DAYS)."""
    pages = Page.objects.live().filter(depth__gt=1)
    if section is not None:
        pages = pages.descendant_of(section, inclusive=True)
    # PostgreSQL's GREATEST ignores NULLs: a page never reviewed counts from its last publication.
    return (
        pages.annotate(last_reviewed=Greatest("last_published_at", "editorial_review__reviewed_at"))
        .filter(last_reviewed__lt=review_cutoff(now=now))
        .order_by("last_reviewed")
    )


def section_overview(*, organisation, now=None):
    """What an organisation's editors need on their dashboard."""
    section = Page.objects.descendant_of(organisation, inclusive=True)
    page_ids = [str(pk) for pk in section.values_list("pk", flat=True)]
    page_type = ContentType.objects.get_for_model(Page)
    in_moderation = WorkflowState.objects.filter(
        base_content_type=page_type, object_id__in=page_ids, status=WorkflowState.STATUS_IN_PROGRESS
    ).values_list("object_id", flat=True)
    rejected = (
        WorkflowState.objects.filter(
            base_content_type=page_type, object_id__in=page_ids, status=WorkflowState.STATUS_NEEDS_CHANGES
        )
        .select_related("requested_by")
        .order_by("-created_at")
    )
    rejected = list(rejected)
    rejected_pages = Page.objects.in_bulk([int(state.object_id) for state in rejected])
    scheduled = list(
        Revision.page_revisions.filter(object_id__in=page_ids, approved_go_live_at__isnull=False)
        .select_related("user")
        .order_by("approved_go_live_at")
    )
    scheduled_pages = Page.objects.in_bulk([int(revision.object_id) for revision in scheduled])
    return {
        "organisation": organisation,
        "drafts": list(
            section.filter(has_unpublished_changes=True)
            .exclude(pk__in=[int(pk) for pk in in_moderation])
            .order_by("-latest_revision_created_at")
        ),
        "rejections": [
            {"page": rejected_pages[int(state.object_id)], "state": state}
            for state in rejected
            if int(state.object_id) in rejected_pages
        ],
        "scheduled": [
            {"page": scheduled_pages[int(rev.object_id)], "go_live_at": rev.approved_go_live_at}
            for rev in scheduled
            if int(rev.object_id) in scheduled_pages
        ],
        "due_for_review": list(pages_due_for_review(section=organisation, now=now)),
    }
