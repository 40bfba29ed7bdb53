"""The open API (/api/v2/): domain fields, only published public content,
filtering by type and locale, images and documents, CORS for GET only."""

from django.test import TestCase
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from django_countries.fields import Country

from initiatives.models import InitiativeStatus
from tests.seo.network import build_published_network


class PagesAPITests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = build_published_network()

    def get_json(self, url, **headers):
        response = self.client.get(url, **headers)
        self.assertEqual(response.status_code, 200, response.content[:300])
        self.assertEqual(response["Content-Type"], "application/json")
        return response.json()

    def titles(self, url):
        return {item["title"] for item in self.get_json(url)["items"]}

    def test_initiatives_expose_dates_status_areas_partners_organisation_and_occurrences(self):
        initiative = self.network.initiative
        data = self.get_json(f"/api/v2/pages/{initiative.pk}/")
        self.assertEqual(data["meta"]["type"], "initiatives.InitiativePage")
        self.assertEqual(data["meta"]["locale"], "pl")
        self.assertEqual(data["meta"]["html_url"], initiative.get_full_url())
        self.assertEqual(data["start_date"], "2025-05-01")
        self.assertEqual(data["end_date"], "2025-09-30")
        self.assertEqual(data["status"], "ongoing")
        with translation.override("pl"):
            self.assertEqual(data["status_display"], str(InitiativeStatus.ONGOING.label))
        self.assertEqual(data["areas"], [{"slug": "youth", "name": "Młodzież"}])
        self.assertEqual(data["organisation"]["title"], "MOPS")
        self.assertEqual(data["organisation"]["type"], "partners.MemberOrganisationPage")
        self.assertEqual([partner["title"] for partner in data["partners"]], ["Borken"])
        (occurrence,) = data["occurrences"]
        self.assertEqual(occurrence["venue"], "Dom Kultury")
        self.assertEqual(occurrence["start"], initiative.occurrences.get().start.isoformat())
        self.assertEqual(data["main_image"]["title"], "Borken market square")

    def test_a_draft_partner_never_appears_in_an_initiatives_partners(self):
        data = self.get_json(f"/api/v2/pages/{self.network.initiative.pk}/")
        self.assertNotIn("Szkic partnera", str(data))

    def test_partners_expose_country_coordinates_and_relationship(self):
        data = self.get_json(f"/api/v2/pages/{self.network.tree.partner.pk}/")
        self.assertEqual(data["official_name"], "Stadt Borken")
        with translation.override("pl"):
            self.assertEqual(data["country"], {"code": "DE", "name": str(Country("DE").name)})
        self.assertEqual((data["latitude"], data["longitude"]), ("51.843000", "6.858000"))
        self.assertEqual(data["relationship_status"], "official_agreement")

    def test_news_and_organisations_expose_their_fields(self):
        news = self.get_json(f"/api/v2/pages/{self.network.news.pk}/")
        self.assertEqual(news["date"], "2026-10-01")
        self.assertEqual(news["organisation"]["title"], "MOPS")
        self.assertEqual(news["related_initiative"]["id"], self.network.initiative.pk)
        organisation = self.get_json(f"/api/v2/pages/{self.network.tree.organisation.pk}/")
        self.assertEqual(organisation["kind"], "ngo")
        self.assertEqual(organisation["joined_on"], "2013-12-10")
        self.assertNotIn("editors_group", organisation)

    def test_drafts_and_private_pages_are_absent(self):
        titles = self.titles("/api/v2/pages/?limit=100")
        self.assertIn("Wymiana młodzieży Borken 2026", titles)
        self.assertNotIn("Tajny szkic inicjatywy", titles)
        self.assertNotIn("Szkic partnera", titles)
        self.assertNotIn("Notatka tylko dla członków", titles)
        for hidden in (self.network.draft_initiative, self.network.private_news):
            self.assertEqual(self.client.get(f"/api/v2/pages/{hidden.pk}/").status_code, 404)

    def test_filter_by_type_and_locale(self):
        self.assertEqual(
            self.titles("/api/v2/pages/?type=initiatives.InitiativePage&locale=pl"),
            {"Wymiana młodzieży Borken 2026", "Turniej piłkarski"},
        )
        self.assertEqual(
            self.titles("/api/v2/pages/?type=initiatives.InitiativePage&locale=en"),
            {"Youth exchange Borken 2026", "Football tournament"},
        )
        self.assertEqual(self.titles("/api/v2/pages/?type=partners.PartnerPage&locale=en"), {"Borken"})

    def test_filter_by_a_domain_field_and_ask_for_fields_in_the_listing(self):
        data = self.get_json(
            "/api/v2/pages/?type=initiatives.InitiativePage&locale=pl&status=ongoing&fields=start_date,areas"
        )
        (item,) = data["items"]
        self.assertEqual(item["title"], "Wymiana młodzieży Borken 2026")
        self.assertEqual(item["start_date"], "2025-05-01")
        self.assertEqual(item["areas"], [{"slug": "youth", "name": "Młodzież"}])

    def test_unknown_type_or_locale_is_a_client_error_not_a_crash(self):
        self.assertEqual(self.client.get("/api/v2/pages/?type=nope.Nothing").status_code, 400)
        response = self.client.get("/api/v2/pages/?locale=xx")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response["Content-Type"], "application/json")

    def test_images_come_with_their_alternative_text(self):
        data = self.get_json("/api/v2/images/")
        (image,) = data["items"]
        self.assertEqual(image["title"], "Borken market square")
        self.assertEqual(image["description"], "The market square of Borken")

    def test_documents_in_a_restricted_collection_are_absent(self):
        Document = get_document_model()
        private = Collection.get_first_root_node().add_child(name="Zarząd")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="board"
        )
        from django.core.files.base import ContentFile

        Document.objects.create(title="Statut", file=ContentFile(b"statut", name="statut.txt"))
        Document.objects.create(title="Protokół zarządu", file=ContentFile(b"tajne", name="p.txt"), collection=private)
        self.assertEqual(self.titles("/api/v2/documents/"), {"Statut"})


class CORSTests(TestCase):
    def test_any_site_may_read_the_api(self):
        response = self.client.get("/api/v2/pages/", HTTP_ORIGIN="https://borken.example")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")

    def test_the_preflight_allows_get_only(self):
        response = self.client.options(
            "/api/v2/pages/", HTTP_ORIGIN="https://borken.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
        )
        self.assertEqual(response["Access-Control-Allow-Methods"], "GET, OPTIONS")

    def test_writing_through_the_api_is_not_possible(self):
        response = self.client.post("/api/v2/pages/", {"title": "x"}, HTTP_ORIGIN="https://borken.example")
        self.assertEqual(response.status_code, 405)

    def test_public_pages_do_not_get_cors_headers(self):
        response = self.client.get("/robots.txt", HTTP_ORIGIN="https://borken.example")
        self.assertNotIn("Access-Control-Allow-Origin", response)
