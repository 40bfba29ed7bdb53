"""A small published network in Polish and English, with the things that must
stay hidden (a draft, a private page, a partner without coordinates).

Shared by the SEO, API, map and browser tests; built with the project's factories.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction

from tests import factories
from tests.conftest import build_network_tree


def translate(page, locale, **changes):
    """Publish a translation of ``page`` (its parents must already be translated)."""
    copy = page.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy.specific


@dataclass
class PublishedNetwork:
    tree: object
    en: dict = field(default_factory=dict)
    area: object = None
    other_area: object = None
    initiative: object = None
    other_initiative: object = None
    news: object = None
    draft_initiative: object = None
    private_news: object = None
    partner_without_coordinates: object = None
    draft_partner: object = None
    french_partner: object = None
    image: object = None

    @property
    def public_pl_pages(self):
        return [
            self.tree.home,
            self.tree.partners,
            self.tree.organisations,
            self.tree.initiatives,
            self.tree.news,
            self.tree.organisation,
            self.tree.partner,
            self.french_partner,
            self.partner_without_coordinates,
            self.initiative,
            self.other_initiative,
            self.news,
        ]


def build_published_network():
    tree = build_network_tree()
    english, _ = Locale.objects.get_or_create(language_code="en")
    for section in (tree.partners, tree.organisations, tree.initiatives, tree.news):
        section.show_in_menus = True
        section.save_revision().publish()
        section.refresh_from_db()
    network = PublishedNetwork(tree=tree)
    network.image = factories.ImageFactory(
        title="Borken market square", description="The market square of Borken", file__width=1600, file__height=1000
    )
    network.area = factories.CooperationAreaFactory(name="Młodzież", slug="youth")
    network.other_area = factories.CooperationAreaFactory(name="Sport", slug="sport")

    partner = tree.partner
    partner.official_name = "Stadt Borken"
    partner.latitude, partner.longitude = Decimal("51.843"), Decimal("6.858")
    partner.region = "Nordrhein-Westfalen"
    partner.summary = "Miasto partnerskie w Westfalii."
    partner.save_revision().publish()
    partner.refresh_from_db()
    network.french_partner = factories.PartnerPageFactory(
        parent=tree.partners,
        title="Méru",
        slug="meru",
        country="FR",
        latitude=Decimal("49.237"),
        longitude=Decimal("2.134"),
    )
    network.partner_without_coordinates = factories.PartnerPageFactory(
        parent=tree.partners, title="Mickūnai", slug="mickunai", country="LT", latitude=None, longitude=None
    )
    network.draft_partner = factories.PartnerPageFactory(
        parent=tree.partners, title="Szkic partnera", slug="szkic", country="CZ", live=False
    )

    initiative = factories.InitiativePageFactory(
        parent=tree.organisation,
        title="Wymiana młodzieży Borken 2026",
        slug="wymiana-mlodziezy",
        summary="Tydzień wymiany młodzieży z Borken.",
        place="Izabelin",
        status="ongoing",
        main_image=network.image,
    )
    initiative.areas.set([network.area])
    initiative.partners.set([partner, network.draft_partner])
    initiative.save_revision().publish()
    factories.InitiativeOccurrenceFactory(
        page=initiative,
        start=timezone.now() + datetime.timedelta(days=20),
        end=timezone.now() + datetime.timedelta(days=20, hours=3),
        venue="Dom Kultury",
    )
    initiative.refresh_from_db()
    network.initiative = initiative
    network.other_initiative = factories.InitiativePageFactory(
        parent=tree.organisation, title="Turniej piłkarski", slug="turniej", summary="Mecze przyjaźni."
    )
    network.other_initiative.areas.set([network.other_area])
    network.other_initiative.save_revision().publish()
    network.draft_initiative = factories.InitiativePageFactory(
        parent=tree.organisation, title="Tajny szkic inicjatywy", slug="szkic-inicjatywy", live=False
    )
    network.news = factories.NewsPageFactory(
        parent=tree.organisation,
        title="Młodzież z Borken przyjechała",
        slug="mlodziez-przyjechala",
        intro="Relacja z pierwszego dnia wymiany.",
        main_image=network.image,
        related_initiative=network.initiative,
    )
    network.private_news = factories.NewsPageFactory(
        parent=tree.organisation, title="Notatka tylko dla członków", slug="notatka"
    )
    PageViewRestriction.objects.create(
        page=network.private_news, restriction_type=PageViewRestriction.PASSWORD, password="members"
    )

    # English: the home page and the partner, initiative and news sections.
    en = network.en
    en["home"] = translate(tree.home, english, title="Partnership network", hero_title="Acting together locally")
    en["partners"] = translate(tree.partners, english, title="Partner towns", slug="partners")
    en["partner"] = translate(tree.partner, english, title="Borken", summary="Partner town in Westphalia.")
    en["organisations"] = translate(tree.organisations, english, title="Members", slug="members")
    en["organisation"] = translate(tree.organisation, english, title="Social welfare centre")
    en["initiatives"] = translate(tree.initiatives, english, title="Initiatives", slug="initiatives")
    en["initiative"] = translate(
        network.initiative, english, title="Youth exchange Borken 2026", slug="youth-exchange", summary="A week."
    )
    en["news"] = translate(tree.news, english, title="News", slug="news")
    en_area = network.area.copy_for_translation(english)
    en_area.name = "Youth"
    en_area.save()
    en_other_area = network.other_area.copy_for_translation(english)
    en_other_area.name = "Sport"
    en_other_area.save()
    en["initiative"].areas.set([en_area])
    en["initiative"].save_revision().publish()
    en["other_initiative"] = translate(
        network.other_initiative, english, title="Football tournament", slug="football", summary="Friendly games."
    )
    en["other_initiative"].areas.set([en_other_area])
    en["other_initiative"].save_revision().publish()
    return network
