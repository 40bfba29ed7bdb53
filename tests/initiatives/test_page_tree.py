"""Where initiative and news pages may be created, pinned.

Initiatives and news live in their organisation's section; the index pages
only list them, so they take no children of their own.
"""

from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from initiatives.models import InitiativeIndexPage, InitiativePage, NewsIndexPage, NewsPage
from partners.models import MemberOrganisationPage
from tests.page_types import ALL_PAGE_TYPES, others


class InitiativeIndexPageTreeTests(WagtailPageTestCase):
    def test_initiative_index_goes_only_under_a_home_page(self):
        self.assertAllowedParentPageTypes(InitiativeIndexPage, {HomePage})
        for parent in others(HomePage):
            self.assertCanNotCreateAt(parent, InitiativeIndexPage)

    def test_initiative_index_takes_no_subpages(self):
        self.assertAllowedSubpageTypes(InitiativeIndexPage, set())
        for child in ALL_PAGE_TYPES:
            self.assertCanNotCreateAt(InitiativeIndexPage, child)

    def test_one_initiative_index_per_site(self):
        self.assertEqual(InitiativeIndexPage.max_count_per_parent, 1)


class InitiativePageTreeTests(WagtailPageTestCase):
    def test_initiative_goes_only_into_an_organisation_section(self):
        self.assertAllowedParentPageTypes(InitiativePage, {MemberOrganisationPage})
        for parent in others(MemberOrganisationPage):
            self.assertCanNotCreateAt(parent, InitiativePage)

    def test_initiative_has_no_subpages(self):
        self.assertAllowedSubpageTypes(InitiativePage, set())


class NewsIndexPageTreeTests(WagtailPageTestCase):
    def test_news_index_goes_only_under_a_home_page(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        for parent in others(HomePage):
            self.assertCanNotCreateAt(parent, NewsIndexPage)

    def test_news_index_takes_no_subpages(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, set())
        for child in ALL_PAGE_TYPES:
            self.assertCanNotCreateAt(NewsIndexPage, child)

    def test_one_news_index_per_site(self):
        self.assertEqual(NewsIndexPage.max_count_per_parent, 1)


class NewsPageTreeTests(WagtailPageTestCase):
    def test_news_goes_only_into_an_organisation_section(self):
        self.assertAllowedParentPageTypes(NewsPage, {MemberOrganisationPage})
        for parent in others(MemberOrganisationPage):
            self.assertCanNotCreateAt(parent, NewsPage)

    def test_news_has_no_subpages(self):
        self.assertAllowedSubpageTypes(NewsPage, set())
