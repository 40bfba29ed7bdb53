"""Read-side queries for partners and member organisations."""

from .models import MemberOrganisationPage, OrganisationRole, PartnerPage

ROLE_ORDER = [
    OrganisationRole.HONORARY_PATRON,
    OrganisationRole.LEADER,
    OrganisationRole.SIGNATORY,
    OrganisationRole.MEMBER,
]


def partners_for_listing(*, index):
    return (
        PartnerPage.objects.live()
        .public()
        .child_of(index)
        .select_related("coat_of_arms", "listing_image")
        .prefetch_related("areas")
        .order_by("country", "title")
    )


def organisations_for_listing(*, index):
    """Current members ordered by role (patron, leader, signatories, members), then former members."""
    organisations = list(
        MemberOrganisationPage.objects.live().public().child_of(index).select_related("logo").order_by("title")
    )
    organisations.sort(key=lambda org: ROLE_ORDER.index(org.role))
    return {
        "current": [org for org in organisations if not org.left_on],
        "former": sorted((org for org in organisations if org.left_on), key=lambda org: org.left_on, reverse=True),
    }
