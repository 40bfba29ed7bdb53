"""Partner towns abroad, the local partnership's member organisations and areas of cooperation.

``content`` holds the partners, organisations and areas; ``indexes`` the pages
that list them (they import the listing views, which import ``content``).
"""

from .content import (
    AgreementKind,
    CooperationArea,
    CoordinatesMixin,
    MemberOrganisationPage,
    OrganisationKind,
    OrganisationRole,
    OrganisationStatus,
    PartnerAgreement,
    PartnerKind,
    PartnerPage,
    RelationshipStatus,
    SignatoryBlock,
)
from .indexes import MemberOrganisationIndexPage, PartnerIndexPage

__all__ = [
    "CooperationArea",
    "RelationshipStatus",
    "PartnerKind",
    "AgreementKind",
    "PartnerIndexPage",
    "CoordinatesMixin",
    "PartnerPage",
    "SignatoryBlock",
    "PartnerAgreement",
    "OrganisationKind",
    "OrganisationRole",
    "OrganisationStatus",
    "MemberOrganisationIndexPage",
    "MemberOrganisationPage",
]
