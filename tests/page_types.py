"""Every page type of PartnerHub, for tests that check a rule against all of them."""

from wagtail.models import Page

from directory.models import PartnershipDirectoryPage
from engagement.models import AccessionPage, ContactFormPage
from home.models import HomePage, StandardPage
from initiatives.models import InitiativeIndexPage, InitiativePage, NewsIndexPage, NewsPage
from partners.models import MemberOrganisationIndexPage, MemberOrganisationPage, PartnerIndexPage, PartnerPage

ALL_PAGE_TYPES = [
    Page,
    HomePage,
    StandardPage,
    PartnerIndexPage,
    PartnerPage,
    MemberOrganisationIndexPage,
    MemberOrganisationPage,
    InitiativeIndexPage,
    InitiativePage,
    NewsIndexPage,
    NewsPage,
    PartnershipDirectoryPage,
    AccessionPage,
    ContactFormPage,
]


def others(*allowed):
    return [model for model in ALL_PAGE_TYPES if model not in allowed]
