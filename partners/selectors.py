"""Read-side queries for partners and member organisations."""

from django.db.models import Case, Exists, F, IntegerField, OuterRef, Prefetch, Value, When

from core.queries import pages_public

from .models import MemberOrganisationPage, OrganisationRole, PartnerPage

ROLE_ORDER = [
    OrganisationRole.HONORARY_PATRON,
    OrganisationRole.LEADER,
    OrganisationRole.SIGNATORY,
    OrganisationRole.MEMBER,
]


def _card_images(*fields):
    from home.models import SiteImage
    from initiatives.listing import CARD_RENDITION

    images = SiteImage.objects.prefetch_renditions(CARD_RENDITION)
    return [Prefetch(field, queryset=images) for field in fields]


def partners_for_listing(*, index, area=None, country=None, status=None, kind=None):
    """Live, public partners under ``index`` (one locale's partner list), filtered."""
    partners = pages_public(PartnerPage.objects.live().child_of(index))
    if area:
        partners = partners.filter(areas__slug=area).distinct()
    if country:
        partners = partners.filter(country=country)
    if status:
        partners = partners.filter(relationship_status=status)
    if kind:
        partners = partners.filter(kind=kind)
    return partners.prefetch_related("areas", *_card_images("listing_image", "coat_of_arms")).order_by(
        "country", "title", "pk"
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
    return (
        organisations.annotate(role_rank=_role_rank())
        .prefetch_related(*_card_images("listing_image", "logo"))
        .order_by(F("left_on").desc(nulls_first=True), "role_rank", "title", "pk")
    )


def organisations_for_listing(*, index):
    """Current members ordered by role (patron, leader, signatories, members), then former members."""
    organisations = list(organisations_for_directory(index=index))
    return {
        "current": [org for org in organisations if not org.left_on],
        "former": [org for org in organisations if org.left_on],
    }


def partner_activity(*, partner):
    """The live initiatives a partner takes part in and the news about them.

    Translated initiatives keep linking to the Polish partner page, so the
    link is matched by the partner's translation key, as an EXISTS subquery:
    the join it replaces needed DISTINCT over every column (23 ms at 5,000
    initiatives).
    """
    from initiatives.models import InitiativePage, NewsPage

    takes_part = Exists(
        InitiativePage.partners.through.objects.filter(
            initiativepage_id=OuterRef("pk"), partnerpage__translation_key=partner.translation_key
        )
    )

    initiatives = (
        pages_public(InitiativePage.objects.live())
        .filter(takes_part, locale_id=partner.locale_id)
        .prefetch_related(*_card_images("listing_image", "main_image"))
        .order_by("-start_date", "title", "pk")
    )
    news = (
        pages_public(NewsPage.objects.live())
        .filter(
            locale_id=partner.locale_id,
            related_initiative_id__in=InitiativePage.objects.filter(takes_part).values("pk"),
        )
        .order_by("-date", "-first_published_at", "pk")[:10]
    )
    return {"partner_initiatives": list(initiatives), "partner_news": list(news)}
