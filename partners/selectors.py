"""Read-side queries for partners and member organisations."""

from django.db.models import Case, F, IntegerField, Value, When

from core.listing import with_card_images
from core.locales import collated
from core.queries import pages_public

from .models.content import MemberOrganisationPage, OrganisationRole, PartnerPage

ROLE_ORDER = [
    OrganisationRole.HONORARY_PATRON,
    OrganisationRole.LEADER,
    OrganisationRole.SIGNATORY,
    OrganisationRole.MEMBER,
]


def partners_for_listing(*, index, language_code, area=None, country=None, status=None, kind=None):
    """Live, public partners under ``index`` (one locale's partner list), filtered.

    In the alphabetical order of their names in ``language_code`` (the
    reader's): a reader looks a town up by its name, not by its country's ISO code.
    """
    partners = pages_public(PartnerPage.objects.live().child_of(index))
    if area:
        partners = partners.filter(areas__slug=area).distinct()
    if country:
        partners = partners.filter(country=country)
    if status:
        partners = partners.filter(relationship_status=status)
    if kind:
        partners = partners.filter(kind=kind)
    return with_card_images(partners.prefetch_related("areas"), "listing_image", "coat_of_arms").order_by(
        collated("title", language_code=language_code), "pk"
    )


def partner_countries(*, index):
    """Countries of the live partners under ``index``, as codes."""
    return list(
        pages_public(PartnerPage.objects.live().child_of(index))
        .order_by("country")
        .values_list("country", flat=True)
        .distinct()
    )


def _role_rank():
    return Case(
        *[When(role=role, then=Value(rank)) for rank, role in enumerate(ROLE_ORDER)],
        default=Value(len(ROLE_ORDER)),
        output_field=IntegerField(),
    )


def organisations_for_directory(*, index, kind=None, role=None, membership=None):
    """Members under ``index``: current ones by role (patron, leader, signatories, members), then former ones.

    ``membership`` is "current" or "former".
    """
    organisations = pages_public(MemberOrganisationPage.objects.live().child_of(index))
    if kind:
        organisations = organisations.filter(kind=kind)
    if role:
        organisations = organisations.filter(role=role)
    if membership == "current":
        organisations = organisations.filter(left_on__isnull=True)
    elif membership == "former":
        organisations = organisations.filter(left_on__isnull=False)
    return with_card_images(organisations.annotate(role_rank=_role_rank()), "listing_image", "logo").order_by(
        F("left_on").desc(nulls_first=True), "role_rank", "title", "pk"
    )


def organisations_for_listing(*, index):
    """Current members ordered by role (patron, leader, signatories, members), then former members."""
    organisations = list(organisations_for_directory(index=index))
    return {
        "current": [org for org in organisations if not org.left_on],
        "former": [org for org in organisations if org.left_on],
    }
