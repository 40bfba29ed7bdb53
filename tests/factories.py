"""Factories for every page type and snippet, shared by the tests and the
large-network generator. Lazy Faker values keep them readable."""

import datetime

from django.utils import timezone

from wagtail.models import Locale

import factory
import wagtail_factories

from core.models import SiteImage
from home.models import HomePage, StandardPage
from initiatives.models import (
    InitiativeIndexPage,
    InitiativeOccurrence,
    InitiativePage,
    NewsIndexPage,
    NewsPage,
)
from partners.models import (
    CooperationArea,
    MemberOrganisationIndexPage,
    MemberOrganisationPage,
    OrganisationKind,
    PartnerAgreement,
    PartnerIndexPage,
    PartnerPage,
)


class ImageFactory(wagtail_factories.ImageFactory):
    description = factory.Faker("sentence", nb_words=5)

    class Meta:
        model = SiteImage


class CooperationAreaFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = CooperationArea


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Sieć partnerska"
    hero_title = "Razem działamy lokalnie"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3)
    introduction = factory.Faker("paragraph")

    class Meta:
        model = StandardPage


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Miasta partnerskie"

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("city")
    official_name = factory.LazyAttribute(lambda page: f"Stadt {page.title}")
    country = "DE"
    latitude = factory.Faker("pydecimal", left_digits=2, right_digits=4, min_value=45, max_value=55)
    longitude = factory.Faker("pydecimal", left_digits=2, right_digits=4, min_value=2, max_value=25)

    class Meta:
        model = PartnerPage


class PartnerAgreementFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(PartnerPageFactory)
    date_signed = datetime.date(1991, 5, 3)
    kind = "partnership_agreement"

    class Meta:
        model = PartnerAgreement


class MemberOrganisationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Członkowie partnerstwa"

    class Meta:
        model = MemberOrganisationIndexPage


class MemberOrganisationPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("company")
    kind = OrganisationKind.NGO
    joined_on = datetime.date(2013, 12, 10)

    class Meta:
        model = MemberOrganisationPage


class InitiativeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Inicjatywy"

    class Meta:
        model = InitiativeIndexPage


class InitiativePageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4)
    summary = factory.Faker("paragraph")
    start_date = datetime.date(2025, 5, 1)
    end_date = datetime.date(2025, 9, 30)

    class Meta:
        model = InitiativePage


class InitiativeOccurrenceFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(InitiativePageFactory)
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    venue = factory.Faker("street_address")

    class Meta:
        model = InitiativeOccurrence


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktualności"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=5)
    intro = factory.Faker("paragraph")
    date = datetime.date(2026, 10, 1)

    class Meta:
        model = NewsPage
