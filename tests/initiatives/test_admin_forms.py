"""Creating initiative and news pages through the admin, and the bad input it refuses."""

import datetime
from decimal import Decimal

from django.utils.html import escape

from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from initiatives.models import InitiativeIndexPage, InitiativePage, NewsIndexPage, NewsPage
from tests import factories
from tests.admin_pages import AdminTestCase, assert_refused, form_errors, page_form_data, post_new_page

EXCHANGE = {
    "title": "Wymiana młodzieży 2027",
    "slug": "wymiana-2027",
    "summary": "Tydzień warsztatów dla młodzieży z Borken i Bolesławca.",
    "status": "planned",
    "start_date": "2027-07-01",
    "end_date": "2027-07-08",
    "place": "Bolesławiec",
    "funding_programme": "Europe for Citizens",
    "funding_amount": "25000.00",
    "funding_currency": "EUR",
    "tags": "młodzież, warsztaty",
}


def occurrence(start, end="", venue="Dom Kultury", description=""):
    return {"start": start, "end": end, "venue": venue, "description": description}


class IndexPagesAdminTests(AdminTestCase):
    def test_initiative_and_news_indexes_are_created_under_a_new_network_home(self):
        home = factories.HomePageFactory(parent=self.tree.home.get_parent(), slug="izabelin")
        self.assertCanCreate(
            home,
            InitiativeIndexPage,
            page_form_data(
                InitiativeIndexPage,
                {"title": "Inicjatywy", "slug": "inicjatywy", "introduction": rich_text("<p>Co robimy.</p>")},
            ),
        )
        self.assertCanCreate(home, NewsIndexPage, page_form_data(NewsIndexPage, {"title": "Wieści", "slug": "wiesci"}))
        self.assertTrue(InitiativeIndexPage.objects.child_of(home).get().live)
        self.assertTrue(NewsIndexPage.objects.child_of(home).get().live)

    def test_second_index_in_the_same_site_is_refused(self):
        for model in (InitiativeIndexPage, NewsIndexPage):
            with self.subTest(model=model.__name__):
                response = post_new_page(self.client, model, self.tree.home, {"title": "Drugi", "slug": "drugi"})
                assert_refused(response)
                self.assertFalse(model.objects.filter(slug="drugi").exists())


class InitiativePageAdminTests(AdminTestCase):
    def test_initiative_with_details_and_event_dates_is_created_in_an_organisation_section(self):
        co_organiser = factories.MemberOrganisationPageFactory(parent=self.tree.organisations, title="Parafia")
        area = factories.CooperationAreaFactory(name="Młodzież", slug="mlodziez")
        fields = {
            **EXCHANGE,
            "organisers": [str(co_organiser.pk)],
            "partners": [str(self.tree.partner.pk)],
            "areas": [str(area.pk)],
            "body": streamfield([("paragraph", rich_text("<p>Program warsztatów.</p>"))]),
            "occurrences": inline_formset(
                [
                    occurrence("2027-07-01 10:00", "2027-07-01 18:00", description="Otwarcie"),
                    occurrence("2027-07-08 12:00", venue="Rynek"),
                ]
            ),
        }
        self.assertCanCreate(self.tree.organisation, InitiativePage, page_form_data(InitiativePage, fields))

        initiative = InitiativePage.objects.get(slug="wymiana-2027")
        self.assertTrue(initiative.live)
        self.assertEqual(initiative.organisation.pk, self.tree.organisation.pk)
        self.assertEqual(
            (initiative.start_date, initiative.end_date), (datetime.date(2027, 7, 1), datetime.date(2027, 7, 8))
        )
        self.assertEqual(initiative.funding_amount, Decimal("25000.00"))
        self.assertEqual(list(initiative.organisers.values_list("pk", flat=True)), [co_organiser.pk])
        self.assertEqual(list(initiative.partners.values_list("pk", flat=True)), [self.tree.partner.pk])
        self.assertEqual(sorted(initiative.tags.names()), ["młodzież", "warsztaty"])
        self.assertEqual([o.venue for o in initiative.occurrences.all()], ["Dom Kultury", "Rynek"])

    def test_initiative_is_refused_outside_an_organisation_section(self):
        for parent in (self.tree.home, self.tree.initiatives, self.tree.partner):
            with self.subTest(parent=parent.title):
                assert_refused(post_new_page(self.client, InitiativePage, parent, EXCHANGE))
        self.assertFalse(InitiativePage.objects.filter(slug="wymiana-2027").exists())

    def assert_rejected(self, fields, field, message):
        count = InitiativePage.objects.count()
        response = post_new_page(self.client, InitiativePage, self.tree.organisation, fields)
        self.assertEqual(response.status_code, 200)
        errors = form_errors(response)
        self.assertIn(field, errors)
        self.assertIn(message, errors[field])
        self.assertContains(response, escape(message))
        self.assertEqual(InitiativePage.objects.count(), count)

    def test_end_date_before_start_date_is_rejected(self):
        self.assert_rejected(
            {**EXCHANGE, "start_date": "2027-07-08", "end_date": "2027-07-01"},
            "end_date",
            "The end date cannot be before the start date.",
        )

    def test_event_date_ending_before_it_starts_is_rejected(self):
        self.assert_rejected(
            {**EXCHANGE, "occurrences": inline_formset([occurrence("2027-07-01 18:00", "2027-07-01 10:00")])},
            "occurrences-0-end",
            "The event cannot end before it starts.",
        )

    def test_negative_funding_is_rejected(self):
        self.assert_rejected({**EXCHANGE, "funding_amount": "-10"}, "funding_amount", "The amount cannot be negative.")

    def test_initiative_without_a_summary_is_rejected(self):
        self.assert_rejected({**EXCHANGE, "summary": ""}, "summary", "This field is required.")

    def test_duplicate_slug_in_the_same_section_is_rejected(self):
        factories.InitiativePageFactory(parent=self.tree.organisation, slug="wymiana-2027")
        self.assert_rejected(EXCHANGE, "slug", "The slug 'wymiana-2027' is already in use within the parent page.")


class NewsPageAdminTests(AdminTestCase):
    NEWS = {
        "title": "Podpisaliśmy porozumienie",
        "slug": "porozumienie",
        "date": "2026-10-01",
        "intro": "Nowy rozdział współpracy z Borken.",
        "tags": "porozumienie",
    }

    def test_news_with_a_related_initiative_is_created_in_an_organisation_section(self):
        initiative = factories.InitiativePageFactory(parent=self.tree.organisation, title="Dni Europy")
        self.assertCanCreate(
            self.tree.organisation,
            NewsPage,
            page_form_data(NewsPage, {**self.NEWS, "related_initiative": str(initiative.pk)}),
        )
        news = NewsPage.objects.get(slug="porozumienie")
        self.assertTrue(news.live)
        self.assertEqual(news.date, datetime.date(2026, 10, 1))
        self.assertEqual(news.related_initiative_id, initiative.pk)
        self.assertEqual(news.organisation.pk, self.tree.organisation.pk)

    def test_news_is_refused_under_the_news_index(self):
        assert_refused(post_new_page(self.client, NewsPage, self.tree.news, self.NEWS))
        self.assertFalse(NewsPage.objects.filter(slug="porozumienie").exists())

    def test_news_without_an_intro_is_rejected(self):
        response = post_new_page(self.client, NewsPage, self.tree.organisation, {**self.NEWS, "intro": ""})
        self.assertEqual(response.status_code, 200)
        self.assertIn("This field is required.", form_errors(response)["intro"])
        self.assertFalse(NewsPage.objects.filter(slug="porozumienie").exists())
