"""Onboarding an approved organisation: its page, then the editorial rights.

The page is created here (an accession request knows only a name and a kind);
the editors' group, the media collection and the permissions on its own
section come from ``editorial.services.organisation_onboard``, the one place
that decides what an organisation's editors may do.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from editorial.services import organisation_onboard as editorial_organisation_onboard
from partners.models import MemberOrganisationPage, OrganisationRole


def _unique_slug(*, index, title):
    base = slugify(title, allow_unicode=True)[:70] or "organisation"
    slug, n = base, 1
    siblings = set(index.get_children().values_list("slug", flat=True))
    while slug in siblings:
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def organisation_onboard(*, index, title, kind, user=None):
    """Create a live member organisation under ``index`` and onboard it; returns ``(page, editors_group)``."""
    page = MemberOrganisationPage(
        title=title,
        slug=_unique_slug(index=index, title=title),
        kind=kind,
        role=OrganisationRole.MEMBER,
        joined_on=timezone.localdate(),
    )
    index.add_child(instance=page)
    # The reviewer may be the leader organisation's editor, who cannot publish
    # pages: approving the request is the decision, so publish on its behalf.
    page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    page = editorial_organisation_onboard(organisation=page, user=user)
    return page, page.editors_group
