"""A small network whose every filter value is known, for the listing, search,
calendar and feed tests: which page matches which filter is written down here.

  initiative  section  co-organiser  areas           partners  status     runs       tags
  festival    MOPS     -             culture         Borken    ongoing    2025       sport
  exchange    Caritas  MOPS          youth           Méru      completed  2024       -
  workshops   Caritas  -             culture, youth  -         planned    2026-2027  -
  draft       MOPS     -             culture         Borken    (never published)
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from initiatives.models import InitiativeStatus
from partners.models import OrganisationRole, RelationshipStatus
from tests import factories
from tests.conftest import build_network_tree


@dataclass
class Network:
    tree: object
    culture: object
    youth: object
    mops: object
    caritas: object
    borken: object
    meru: object
    festival: object
    exchange: object
    workshops: object
    draft: object


def _initiative(parent, *, areas=(), partners=(), organisers=(), tags=(), **fields):
    page = factories.InitiativePageFactory(parent=parent, **fields)
    page.areas.set(areas)
    page.partners.set(partners)
    page.organisers.set(organisers)
    for tag in tags:
        page.tags.add(tag)
    page.save()
    if page.live:
        page.save_revision().publish()
    return page


def build_network():
    tree = build_network_tree()
    culture = factories.CooperationAreaFactory(name="Kultura", slug="culture")
    youth = factories.CooperationAreaFactory(name="Wymiana młodzieży", slug="youth")
    mops = tree.organisation
    mops.role = OrganisationRole.LEADER
    mops.save()
    caritas = factories.MemberOrganisationPageFactory(
        parent=tree.organisations, title="Caritas", slug="caritas", role=OrganisationRole.SIGNATORY
    )
    borken = tree.partner
    borken.areas.set([culture])
    borken.save()
    meru = factories.PartnerPageFactory(
        parent=tree.partners,
        title="Méru",
        slug="meru",
        country="FR",
        relationship_status=RelationshipStatus.INFORMAL_CONTACTS,
    )
    meru.areas.set([youth])
    meru.save()
    festival = _initiative(
        mops,
        title="Festiwal kultury w Borken",
        slug="festival",
        areas=[culture],
        partners=[borken],
        tags=["sport"],
        status=InitiativeStatus.ONGOING,
        start_date=datetime.date(2025, 5, 1),
        end_date=datetime.date(2025, 9, 30),
    )
    exchange = _initiative(
        caritas,
        title="Wymiana młodzieży z Méru",
        slug="exchange",
        summary="Tydzień wymiany młodzieży we Francji.",
        areas=[youth],
        partners=[meru],
        organisers=[mops],
        status=InitiativeStatus.COMPLETED,
        start_date=datetime.date(2024, 7, 1),
        end_date=datetime.date(2024, 7, 8),
    )
    workshops = _initiative(
        caritas,
        title="Warsztaty dla seniorów",
        slug="workshops",
        areas=[culture, youth],
        status=InitiativeStatus.PLANNED,
        start_date=datetime.date(2026, 3, 1),
        end_date=datetime.date(2027, 2, 1),
    )
    draft = _initiative(
        mops,
        title="Tajny projekt roboczy",
        slug="draft",
        areas=[culture],
        partners=[borken],
        live=False,
        start_date=datetime.date(2025, 1, 1),
        end_date=None,
    )
    return Network(tree, culture, youth, mops, caritas, borken, meru, festival, exchange, workshops, draft)


def in_days(days, hour=18):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)
