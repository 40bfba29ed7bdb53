"""Where home and standard pages may be created, pinned so the tree stays sane."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from directory.models import PartnershipDirectoryPage
from engagement.models import AccessionPage, ContactFormPage
from home.models import HomePage, StandardPage
from initiatives.models import InitiativeIndexPage, NewsIndexPage
from partners.models import MemberOrganisationIndexPage, PartnerIndexPage
from tests.page_types import others

HOME_CHILDREN = [
    StandardPage,
    PartnerIndexPage,
    MemberOrganisationIndexPage,
    InitiativeIndexPage,
    NewsIndexPage,
    PartnershipDirectoryPage,
    AccessionPage,
    ContactFormPage,
]


class HomePageTreeTests(WagtailPageTestCase):
    def test_home_page_sits_only_at_the_root_of_the_tree(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        for parent in others(Page):
            self.assertCanNotCreateAt(parent, HomePage)

    def test_home_page_holds_the_sections_of_a_network_site(self):
        self.assertAllowedSubpageTypes(HomePage, set(HOME_CHILDREN))
        for child in others(*HOME_CHILDREN):
            self.assertCanNotCreateAt(HomePage, child)


class StandardPageTreeTests(WagtailPageTestCase):
    def test_standard_page_goes_under_the_home_page_or_another_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        for parent in others(HomePage, StandardPage):
            self.assertCanNotCreateAt(parent, StandardPage)

    def test_standard_page_nests_only_standard_pages(self):
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        for child in others(StandardPage):
            self.assertCanNotCreateAt(StandardPage, child)
