"""Creating partner and member organisation pages through the admin, and the bad input it refuses."""

import datetime

from django.utils.html import escape

from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from partners.models import MemberOrganisationIndexPage, MemberOrganisationPage, PartnerIndexPage, PartnerPage
from tests import factories
from tests.admin_pages import AdminTestCase, assert_refused, form_errors, page_form_data, post_new_page

BORKEN = {
    "title": "Borken",
    "slug": "borken-nrw",
    "official_name": "Stadt Borken",
    "kind": "town",
    "country": "DE",
    "region": "Nadrenia Północna-Westfalia",
    "latitude": "51.843",
    "longitude": "6.858",
    "relationship_status": "official_agreement",
}


class PartnerIndexPageAdminTests(AdminTestCase):
    def test_partner_index_is_created_under_a_new_network_home(self):
        home = factories.HomePageFactory(parent=self.tree.home.get_parent(), slug="izabelin")
        self.assertCanCreate(
            home,
            PartnerIndexPage,
            page_form_data(
                PartnerIndexPage,
                {"title": "Partnerzy", "slug": "partnerzy", "introduction": rich_text("<p>Nasi partnerzy.</p>")},
            ),
        )
        self.assertTrue(PartnerIndexPage.objects.child_of(home).get().live)

    def test_second_partner_index_in_the_same_site_is_refused(self):
        response = post_new_page(self.client, PartnerIndexPage, self.tree.home, {"title": "Drugi", "slug": "drugi"})
        assert_refused(response)
        self.assertFalse(PartnerIndexPage.objects.filter(slug="drugi").exists())


class PartnerPageAdminTests(AdminTestCase):
    def test_partner_with_an_agreement_and_its_signatories_is_created_and_published(self):
        area = factories.CooperationAreaFactory(name="Kultura", slug="kultura")
        fields = {
            **BORKEN,
            "summary": "Miasto partnerskie od 1991 roku.",
            "cooperation_since_date": "1991-05-03",
            "areas": [str(area.pk)],
            "agreements": inline_formset(
                [
                    {
                        "date_signed": "1991-05-03",
                        "kind": "partnership_agreement",
                        "place": "Borken",
                        "document": "",
                        "signatories": streamfield(
                            [
                                ("signatory", {"name": "Anna Nowak", "function": "Burmistrz"}),
                                ("signatory", {"name": "Hans Meyer", "function": "Bürgermeister"}),
                            ]
                        ),
                    }
                ]
            ),
        }
        self.assertCanCreate(self.tree.partners, PartnerPage, page_form_data(PartnerPage, fields))

        partner = PartnerPage.objects.get(slug="borken-nrw")
        self.assertTrue(partner.live)
        self.assertEqual(partner.cooperation_since_year, 1991, "the year is filled in from the exact date")
        self.assertEqual([a.slug for a in partner.areas.all()], ["kultura"])
        agreement = partner.agreements.get()
        self.assertEqual(agreement.date_signed, datetime.date(1991, 5, 3))
        self.assertEqual([s.value["name"] for s in agreement.signatories], ["Anna Nowak", "Hans Meyer"])

    def test_partner_is_refused_outside_the_partner_index(self):
        response = post_new_page(self.client, PartnerPage, self.tree.home, BORKEN)
        assert_refused(response)
        self.assertFalse(PartnerPage.objects.filter(slug="borken-nrw").exists())

    def assert_rejected(self, fields, expected):
        """POST the partner form; every expected field carries its message and nothing is saved."""
        count = PartnerPage.objects.count()
        response = post_new_page(self.client, PartnerPage, self.tree.partners, fields)
        self.assertEqual(response.status_code, 200)
        errors = form_errors(response)
        for field, message in expected.items():
            self.assertIn(field, errors)
            self.assertTrue(any(message in error for error in errors[field]), errors[field])
            self.assertContains(response, escape(message))
        self.assertEqual(PartnerPage.objects.count(), count)

    def test_latitude_out_of_range_is_rejected(self):
        self.assert_rejected(
            {**BORKEN, "latitude": "123"}, {"latitude": "Ensure this value is less than or equal to 90."}
        )

    def test_longitude_out_of_range_is_rejected(self):
        self.assert_rejected(
            {**BORKEN, "longitude": "-181"}, {"longitude": "Ensure this value is greater than or equal to -180."}
        )

    def test_latitude_without_longitude_is_rejected(self):
        self.assert_rejected(
            {**BORKEN, "longitude": ""}, {"longitude": "Give both latitude and longitude, or neither."}
        )

    def test_partner_without_coordinates_is_accepted(self):
        self.assertCanCreate(
            self.tree.partners, PartnerPage, page_form_data(PartnerPage, {**BORKEN, "latitude": "", "longitude": ""})
        )
        self.assertFalse(PartnerPage.objects.get(slug="borken-nrw").has_coordinates)

    def test_partner_with_no_name_is_rejected(self):
        self.assert_rejected(
            {**BORKEN, "title": "", "official_name": ""},
            {"title": "This field is required.", "official_name": "This field is required."},
        )

    def test_cooperation_year_not_matching_the_exact_date_is_rejected(self):
        self.assert_rejected(
            {**BORKEN, "cooperation_since_year": "1995", "cooperation_since_date": "1991-05-03"},
            {"cooperation_since_year": "The year does not match the exact date."},
        )

    def test_agreement_without_a_date_is_rejected(self):
        self.assert_rejected(
            {
                **BORKEN,
                "agreements": inline_formset(
                    [{"date_signed": "", "kind": "partnership_agreement", "signatories": streamfield([])}]
                ),
            },
            {"agreements-0-date_signed": "This field is required."},
        )

    def test_duplicate_slug_among_partners_is_rejected(self):
        self.assert_rejected(
            {**BORKEN, "slug": self.tree.partner.slug},
            {"slug": f"The slug '{self.tree.partner.slug}' is already in use within the parent page"},
        )


class MemberOrganisationIndexPageAdminTests(AdminTestCase):
    def test_member_index_is_created_under_a_new_network_home(self):
        home = factories.HomePageFactory(parent=self.tree.home.get_parent(), slug="izabelin")
        self.assertCanCreate(
            home,
            MemberOrganisationIndexPage,
            page_form_data(MemberOrganisationIndexPage, {"title": "Członkowie", "slug": "czlonkowie"}),
        )
        self.assertTrue(MemberOrganisationIndexPage.objects.child_of(home).get().live)

    def test_second_member_index_in_the_same_site_is_refused(self):
        response = post_new_page(
            self.client, MemberOrganisationIndexPage, self.tree.home, {"title": "Drudzy", "slug": "drudzy"}
        )
        assert_refused(response)
        self.assertFalse(MemberOrganisationIndexPage.objects.filter(slug="drudzy").exists())


class MemberOrganisationPageAdminTests(AdminTestCase):
    ORGANISATION = {
        "title": "Parafia św. Mikołaja",
        "slug": "parafia",
        "kind": "parish",
        "role": "signatory",
        "joined_on": "2013-12-10",
        "email": "parafia@example.org",
    }

    def test_member_organisation_is_created_and_published_under_the_member_index(self):
        self.assertCanCreate(
            self.tree.organisations,
            MemberOrganisationPage,
            page_form_data(MemberOrganisationPage, self.ORGANISATION),
        )
        organisation = MemberOrganisationPage.objects.get(slug="parafia")
        self.assertTrue(organisation.live)
        self.assertEqual(organisation.role, "signatory")
        self.assertEqual(organisation.joined_on, datetime.date(2013, 12, 10))

    def test_member_organisation_is_refused_under_the_partner_index(self):
        response = post_new_page(self.client, MemberOrganisationPage, self.tree.partners, self.ORGANISATION)
        assert_refused(response)
        self.assertFalse(MemberOrganisationPage.objects.filter(slug="parafia").exists())

    def test_leaving_before_joining_is_rejected(self):
        response = post_new_page(
            self.client,
            MemberOrganisationPage,
            self.tree.organisations,
            {**self.ORGANISATION, "left_on": "2010-01-01"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("An organisation cannot leave before it joined.", form_errors(response)["left_on"])
        self.assertContains(response, "An organisation cannot leave before it joined.")
        self.assertFalse(MemberOrganisationPage.objects.filter(slug="parafia").exists())

    def test_organisation_without_a_kind_is_rejected(self):
        response = post_new_page(
            self.client, MemberOrganisationPage, self.tree.organisations, {**self.ORGANISATION, "kind": ""}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("kind", form_errors(response))
        self.assertFalse(MemberOrganisationPage.objects.filter(slug="parafia").exists())
