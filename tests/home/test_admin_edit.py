"""Every page type's edit form opens with its tabs, and saving it keeps the inline data.

The Settings tab holds only the publishing and comment panels, which Wagtail
shows in side panels, so it is not drawn as a tab.
"""

from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import querydict_from_html

from initiatives.models import InitiativePage
from tests.admin_pages import make_superuser
from tests.conftest import build_network_tree
from tests.network_content import build_network_content


class AdminEditViewTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.content = build_network_content(build_network_tree())
        cls.admin = make_superuser()

    def setUp(self):
        self.client.force_login(self.admin)

    def pages_with_extra_tabs(self):
        content, tree = self.content, self.content.tree
        return [
            (tree.home, ["Highlights"]),
            (content.standard, []),
            (tree.partners, []),
            (content.partner, ["Partnership"]),
            (tree.organisations, []),
            (content.organisation, ["Contact"]),
            (tree.initiatives, []),
            (content.initiative, ["Details", "Event dates"]),
            (tree.news, []),
            (content.news, ["Details"]),
        ]

    def test_every_page_type_edit_form_opens_with_its_tabs(self):
        for page, extra_tabs in self.pages_with_extra_tabs():
            with self.subTest(page=type(page.specific).__name__):
                response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
                self.assertEqual(response.status_code, 200)
                soup = self.get_soup(response.content)
                # Each tab label is followed by an error-count badge, e.g. "Content()".
                tabs = [tab.get_text(strip=True).removesuffix("()") for tab in soup.select("[role=tab]")]
                self.assertEqual(tabs, ["Content", *extra_tabs, "Promote"])

    def test_republishing_an_initiative_from_its_edit_form_keeps_its_event_dates(self):
        initiative = self.content.initiative
        url = reverse("wagtailadmin_pages:edit", args=[initiative.pk])
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="page-edit-form")
        data["title"] = "Wymiana młodzieży (zmieniona)"
        data["body-count"] = "0"  # the StreamField editor is drawn by JavaScript
        data["action-publish"] = "action-publish"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, (response.status_code, response.content[:3000]))
        initiative = InitiativePage.objects.get(pk=initiative.pk)
        self.assertEqual(initiative.title, "Wymiana młodzieży (zmieniona)")
        self.assertTrue(initiative.live)
        self.assertEqual(initiative.occurrences.count(), 2)
        self.assertEqual(list(initiative.partners.all()), [self.content.partner])
