"""Where partner and member organisation pages may be created, pinned."""

from wagtail.test.utils import WagtailPageTestCase

from engagement.models import AccessionPage, ContactFormPage
from home.models import HomePage
from initiatives.models import InitiativePage, NewsPage
from partners.models import MemberOrganisationIndexPage, MemberOrganisationPage, PartnerIndexPage, PartnerPage
from tests.page_types import others


class PartnerIndexPageTreeTests(WagtailPageTestCase):
    def test_partner_index_goes_only_under_a_home_page(self):
        self.assertAllowedParentPageTypes(PartnerIndexPage, {HomePage})
        for parent in others(HomePage):
            self.assertCanNotCreateAt(parent, PartnerIndexPage)

    def test_partner_index_holds_only_partners(self):
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerPage})
        for child in others(PartnerPage):
            self.assertCanNotCreateAt(PartnerIndexPage, child)

    def test_one_partner_index_per_site(self):
        self.assertEqual(PartnerIndexPage.max_count_per_parent, 1)


class PartnerPageTreeTests(WagtailPageTestCase):
    def test_partner_goes_only_under_the_partner_index(self):
        self.assertAllowedParentPageTypes(PartnerPage, {PartnerIndexPage})
        for parent in others(PartnerIndexPage):
            self.assertCanNotCreateAt(parent, PartnerPage)

    def test_partner_has_no_subpages(self):
        self.assertAllowedSubpageTypes(PartnerPage, set())


class MemberOrganisationIndexPageTreeTests(WagtailPageTestCase):
    def test_member_index_goes_only_under_a_home_page(self):
        self.assertAllowedParentPageTypes(MemberOrganisationIndexPage, {HomePage})
        for parent in others(HomePage):
            self.assertCanNotCreateAt(parent, MemberOrganisationIndexPage)

    def test_member_index_holds_only_member_organisations(self):
        self.assertAllowedSubpageTypes(MemberOrganisationIndexPage, {MemberOrganisationPage, AccessionPage})
        for child in others(MemberOrganisationPage, AccessionPage):
            self.assertCanNotCreateAt(MemberOrganisationIndexPage, child)

    def test_one_member_index_per_site(self):
        self.assertEqual(MemberOrganisationIndexPage.max_count_per_parent, 1)


class MemberOrganisationPageTreeTests(WagtailPageTestCase):
    def test_organisation_goes_only_under_the_member_index(self):
        self.assertAllowedParentPageTypes(MemberOrganisationPage, {MemberOrganisationIndexPage})
        for parent in others(MemberOrganisationIndexPage):
            self.assertCanNotCreateAt(parent, MemberOrganisationPage)

    def test_organisation_section_holds_its_initiatives_and_news(self):
        self.assertAllowedSubpageTypes(MemberOrganisationPage, {InitiativePage, NewsPage, ContactFormPage})
        for child in others(InitiativePage, NewsPage, ContactFormPage):
            self.assertCanNotCreateAt(MemberOrganisationPage, child)
