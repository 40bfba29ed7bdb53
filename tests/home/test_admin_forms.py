"""Creating home and standard pages through the admin, and what it refuses."""

from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from home.models import HomePage, StandardPage
from tests import factories
from tests.admin_pages import (
    AdminTestCase,
    assert_refused,
    child_slugs,
    form_errors,
    page_form_data,
    png_upload,
    post_new_page,
)


class HomePageAdminTests(AdminTestCase):
    def test_a_second_network_home_page_is_created_and_published_at_the_root(self):
        initiative = factories.InitiativePageFactory(parent=self.tree.organisation, title="Dni Europy")
        root = Page.get_first_root_node()
        self.assertCanCreate(
            root,
            HomePage,
            page_form_data(
                HomePage,
                {
                    "title": "Sieć Izabelin",
                    "slug": "izabelin",
                    "hero_title": "Izabelin i partnerzy",
                    "introduction": rich_text("<p>Gmina i jej partnerzy.</p>"),
                    "news_count": "3",
                    "events_count": "4",
                    "featured_initiatives": inline_formset([{"initiative": str(initiative.pk)}]),
                },
            ),
        )
        home = HomePage.objects.get(slug="izabelin")
        self.assertTrue(home.live)
        self.assertEqual(home.hero_title, "Izabelin i partnerzy")
        self.assertEqual([item.initiative_id for item in home.featured_initiatives.all()], [initiative.pk])

    def test_home_page_cannot_be_added_inside_a_network_site(self):
        response = post_new_page(self.client, HomePage, self.tree.home, {"title": "Zagnieżdżona", "hero_title": "x"})
        assert_refused(response)
        self.assertFalse(HomePage.objects.filter(title="Zagnieżdżona").exists())


class StandardPageAdminTests(AdminTestCase):
    def test_statutory_goals_page_is_created_with_a_numbered_list_and_shown_publicly(self):
        self.assertCanCreate(
            self.tree.home,
            StandardPage,
            page_form_data(
                StandardPage,
                {
                    "title": "Cele statutowe",
                    "slug": "cele",
                    "introduction": "Po co działamy razem.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Nasze cele", "level": "h2"}),
                            ("paragraph", rich_text("<ol><li>Wspieranie wymiany młodzieży</li></ol>")),
                            ("quote", {"text": "Razem możemy więcej.", "attribute_name": "Burmistrz"}),
                        ]
                    ),
                },
            ),
        )
        page = StandardPage.objects.get(slug="cele")
        self.assertTrue(page.live)
        response = self.client.get("/pl/cele/")
        self.assertContains(response, "<h2>Nasze cele</h2>", html=True)
        soup = self.get_soup(response.content)
        self.assertEqual(soup.select_one("main ol > li").get_text(), "Wspieranie wymiany młodzieży")
        self.assertContains(response, "Razem możemy więcej.")

    def test_standard_page_is_created_under_another_standard_page(self):
        about = factories.StandardPageFactory(parent=self.tree.home, title="O nas", slug="o-nas")
        self.assertCanCreate(about, StandardPage, page_form_data(StandardPage, {"title": "Kontakt", "slug": "kontakt"}))
        self.assertTrue(StandardPage.objects.get(slug="kontakt").get_parent().pk == about.pk)

    def test_standard_page_is_refused_under_a_partner_index(self):
        response = post_new_page(self.client, StandardPage, self.tree.partners, {"title": "Obca", "slug": "obca"})
        assert_refused(response)
        self.assertFalse(StandardPage.objects.filter(slug="obca").exists())

    def test_duplicate_slug_under_the_same_parent_is_rejected_and_nothing_is_saved(self):
        before = child_slugs(self.tree.home)
        response = post_new_page(self.client, StandardPage, self.tree.home, {"title": "Partnerzy", "slug": "partnerzy"})
        self.assertEqual(response.status_code, 200)
        errors = form_errors(response)
        self.assertIn("slug", errors)
        self.assertIn("The slug 'partnerzy' is already in use within the parent page", errors["slug"][0])
        self.assertEqual(child_slugs(self.tree.home), before)
        self.assertFalse(StandardPage.objects.filter(title="Partnerzy").exists())

    def test_same_slug_under_a_different_parent_is_allowed(self):
        about = factories.StandardPageFactory(parent=self.tree.home, title="O nas", slug="o-nas")
        self.assertCanCreate(
            about, StandardPage, page_form_data(StandardPage, {"title": "Partnerzy", "slug": "partnerzy"})
        )

    def test_page_without_title_is_rejected(self):
        response = post_new_page(self.client, StandardPage, self.tree.home, {"title": "", "slug": "bez-tytulu"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("title", form_errors(response))
        self.assertFalse(StandardPage.objects.filter(slug="bez-tytulu").exists())

    def test_call_to_action_without_a_target_is_rejected(self):
        response = post_new_page(
            self.client,
            StandardPage,
            self.tree.home,
            {
                "title": "Dołącz",
                "slug": "dolacz",
                "body": streamfield(
                    [("call_to_action", {"text": "Zapisz się", "button_label": "Zapisz", "page": "", "url": ""})]
                ),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("body", form_errors(response))
        self.assertContains(response, "Choose a page or enter a URL.")
        self.assertFalse(StandardPage.objects.filter(slug="dolacz").exists())


class ImageUploadTests(AdminTestCase):
    def test_image_without_alt_text_is_rejected_and_not_saved(self):
        response = self.client.post("/admin/images/add/", {"title": "Herb", "file": png_upload()})
        self.assertEqual(response.status_code, 200)
        self.assertIn("description", response.context["form"].errors)
        self.assertContains(response, "This field is required.")
        self.assertFalse(get_image_model().objects.filter(title="Herb").exists())

    def test_image_with_alt_text_is_saved_with_it(self):
        response = self.client.post(
            "/admin/images/add/",
            {"title": "Herb", "file": png_upload(), "description": "Herb Borken: czerwona wieża na srebrnym polu"},
        )
        self.assertEqual(response.status_code, 302)
        image = get_image_model().objects.get(title="Herb")
        self.assertEqual(image.alt_text, "Herb Borken: czerwona wieża na srebrnym polu")

    def test_multiple_upload_does_not_create_an_image_without_alt_text(self):
        response = self.client.post("/admin/images/multiple/add/", {"files[]": png_upload("bez-opisu.png")})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(get_image_model().objects.filter(title__icontains="bez-opisu").exists())
