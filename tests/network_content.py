"""A network tree with one published page of every type, filled with the key
fields the public templates must show. Built on tests/conftest.py's tree."""

import datetime
from dataclasses import dataclass

from django.utils import formats, timezone, translation

from home.models import HomeFeaturedInitiative, HomePartnerHighlight
from partners.models import OrganisationRole
from tests import factories


@dataclass
class NetworkContent:
    tree: object
    standard: object
    partner: object
    organisation: object
    co_organiser: object
    initiative: object
    upcoming: object
    past: object
    news: object
    area: object


def polish(value):
    """A lazy label, or a date in Polish DATE_FORMAT, as a Polish reader sees it."""
    with translation.override("pl"):
        if isinstance(value, datetime.date):
            return formats.date_format(value, "DATE_FORMAT")
        return str(value)


def build_network_content(tree):
    area = factories.CooperationAreaFactory(name="Wymiana młodzieży", slug="mlodziez")
    standard = factories.StandardPageFactory(
        parent=tree.home, title="O partnerstwie", slug="o-nas", introduction="Lokalne partnerstwo od 2013 roku."
    )

    partner = tree.partner
    partner.official_name = "Stadt Borken"
    partner.region = "Nadrenia Północna-Westfalia"
    partner.cooperation_since_date = datetime.date(1991, 5, 3)
    partner.cooperation_since_year = 1991
    partner.website = "https://www.borken.de/"
    partner.summary = "Miasto w Westfalii."
    partner.coat_of_arms = factories.ImageFactory(
        title="Herb Borken", description="Herb Borken: wieża na czerwonym polu"
    )
    partner.save()
    partner.areas.set([area])
    partner.save_revision().publish()
    factories.PartnerAgreementFactory(
        page=partner,
        date_signed=datetime.date(1991, 5, 3),
        kind="partnership_agreement",
        place="Borken",
        signatories=[
            ("signatory", {"name": "Anna Nowak", "function": "Burmistrz Bolesławca"}),
            ("signatory", {"name": "Hans Meyer", "function": "Bürgermeister der Stadt Borken"}),
        ],
    )

    organisation = tree.organisation
    organisation.role = OrganisationRole.LEADER
    organisation.website = "https://mops.example.org/"
    organisation.email = "mops@example.org"
    organisation.phone = "+48 75 000 00 00"
    organisation.summary = "Miejski Ośrodek Pomocy Społecznej."
    organisation.save_revision().publish()
    co_organiser = factories.MemberOrganisationPageFactory(
        parent=tree.organisations, title="Parafia św. Mikołaja", slug="parafia", role=OrganisationRole.SIGNATORY
    )

    initiative = factories.InitiativePageFactory(
        parent=organisation,
        title="Wymiana młodzieży Borken 2026",
        slug="wymiana",
        summary="Tydzień warsztatów dla młodzieży z obu miast.",
        status="ongoing",
        start_date=datetime.date(2026, 5, 1),
        end_date=datetime.date(2027, 9, 30),
        place="Bolesławiec, Dom Kultury",
        funding_programme="Europe for Citizens",
        funding_amount=25000,
        funding_currency="EUR",
        main_image=factories.ImageFactory(title="Warsztaty", description="Młodzież przy stole warsztatowym"),
    )
    initiative.partners.set([partner])
    initiative.organisers.set([co_organiser])
    initiative.areas.set([area])
    initiative.tags.add("młodzież")
    initiative.save_revision().publish()
    now = timezone.now()
    upcoming = factories.InitiativeOccurrenceFactory(
        page=initiative, start=now + datetime.timedelta(days=10), venue="Rynek w Bolesławcu", description="Koncert"
    )
    past = factories.InitiativeOccurrenceFactory(
        page=initiative, start=now - datetime.timedelta(days=30), venue="Stadthalle am Markt"
    )

    news = factories.NewsPageFactory(
        parent=organisation,
        title="Podpisaliśmy nowe porozumienie",
        slug="porozumienie",
        intro="Nowy rozdział współpracy z Borken.",
        date=datetime.date(2026, 10, 1),
        related_initiative=initiative,
    )
    news.tags.add("porozumienie")
    news.save_revision().publish()

    HomeFeaturedInitiative.objects.create(page=tree.home, initiative=initiative, sort_order=0)
    HomePartnerHighlight.objects.create(page=tree.home, partner=partner, sort_order=0)

    return NetworkContent(tree, standard, partner, organisation, co_organiser, initiative, upcoming, past, news, area)


def publish_translation(page, language_code, **changes):
    """Copy ``page`` (and any untranslated ancestors) into a locale and publish it."""
    from wagtail.models import Locale

    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    translated = page.copy_for_translation(locale, copy_parents=True)
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated
