"""Text inside child rows (agreements, event dates, gallery captions) is
translated in wagtail-localize's editor, not copied from Polish."""

import datetime

from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, TranslationSource

import pytest

from initiatives.models import InitiativeGalleryImage, InitiativeOccurrence
from partners.models import PartnerAgreement
from tests import factories
from tests.l10n.conftest import translate

pytestmark = pytest.mark.django_db


def german(page):
    return Page.objects.get(pk=page.get_translation(Locale.objects.get(language_code="de")).pk).specific


def segment_paths(instance):
    source = TranslationSource.objects.get_for_instance(instance)
    return {
        segment.context.path: segment.string.data
        for segment in StringSegment.objects.filter(source=source).select_related("context", "string")
    }


@pytest.fixture
def partner_with_agreement(german_tree):
    partner = german_tree.partner
    partner.agreements = [
        PartnerAgreement(
            date_signed=datetime.date(2011, 6, 19),
            kind="partnership_agreement",
            place="Ratusz w Bolesławcu",
            signatories=[("signatory", {"name": "Piotr Roman", "function": "Burmistrz Bolesławca"})],
        )
    ]
    partner.save_revision().publish()
    return Page.objects.get(pk=partner.pk).specific


AGREEMENT_DE = {
    "Borken": "Borken",
    "borken": "borken",
    "Ratusz w Bolesławcu": "Rathaus Bolesławiec",
    "Piotr Roman": "Piotr Roman",
    "Burmistrz Bolesławca": "Bürgermeister von Bolesławiec",
}


class AgreementTranslationTests:
    def test_agreement_place_and_signatories_are_segments_for_translators(self, partner_with_agreement):
        TranslationSource.update_or_create_from_instance(partner_with_agreement)
        texts = set(segment_paths(partner_with_agreement).values())
        assert {"Ratusz w Bolesławcu", "Piotr Roman", "Burmistrz Bolesławca"} <= texts

    def test_translated_agreement_reads_in_german(self, client, partner_with_agreement):
        translate(partner_with_agreement, "de", AGREEMENT_DE)
        german_partner = german(partner_with_agreement)
        html = client.get(german_partner.url).content.decode()
        assert "Rathaus Bolesławiec" in html
        assert "Bürgermeister von Bolesławiec" in html
        assert "19. Juni 2011" in html  # the date is copied and formatted in German
        assert "Ratusz w Bolesławcu" not in html and "Burmistrz Bolesławca" not in html
        # The Polish page is unchanged.
        html = client.get(partner_with_agreement.url).content.decode()
        assert "Ratusz w Bolesławcu" in html and "Rathaus" not in html

    def test_german_rows_are_translations_of_the_polish_rows(self, partner_with_agreement):
        translate(partner_with_agreement, "de", AGREEMENT_DE)
        source_row = partner_with_agreement.agreements.get()
        german_row = german(partner_with_agreement).agreements.get()
        assert german_row.pk != source_row.pk
        assert german_row.translation_key == source_row.translation_key
        assert german_row.locale.language_code == "de" and source_row.locale.language_code == "pl"

    def test_sync_keeps_translated_rows_and_new_rows_fall_back_to_polish(self, client, partner_with_agreement):
        translate(partner_with_agreement, "de", AGREEMENT_DE)
        partner = partner_with_agreement
        partner.agreements.add(
            PartnerAgreement(date_signed=datetime.date(2016, 9, 1), kind="amendment", place="Urząd Miasta Borken")
        )
        partner.save_revision().publish()
        # Sync (wagtail-localize re-extracts the source), nothing new translated yet.
        translate(Page.objects.get(pk=partner.pk).specific, "de", {})
        html = client.get(german(partner).url).content.decode()
        assert "Rathaus Bolesławiec" in html  # kept
        assert "Urząd Miasta Borken" in html  # untranslated: falls back to the source text
        assert german(partner).agreements.count() == 2


class EventDateAndGalleryTranslationTests:
    @pytest.fixture
    def initiative(self, german_tree):
        translate(german_tree.organisation, "de", {"MOPS": "Sozialzentrum", "mops": "sozialzentrum"})
        initiative = factories.InitiativePageFactory(
            parent=german_tree.organisation, title="Festyn", slug="festyn", summary="Festyn rodzinny."
        )
        initiative.occurrences = [
            InitiativeOccurrence(
                # Whole seconds: revisions store datetimes to the millisecond.
                start=(timezone.now() + datetime.timedelta(days=10)).replace(microsecond=0),
                venue="Park miejski",
                description="Koncert finałowy",
            )
        ]
        initiative.gallery_images = [InitiativeGalleryImage(image=factories.ImageFactory(), caption="Scena główna")]
        initiative.save_revision().publish()
        return Page.objects.get(pk=initiative.pk).specific

    def test_venue_description_and_caption_read_in_german(self, client, initiative):
        translate(
            initiative,
            "de",
            {
                "Festyn": "Familienfest",
                "festyn": "familienfest",
                "Festyn rodzinny.": "Ein Familienfest.",
                "Park miejski": "Stadtpark",
                "Koncert finałowy": "Abschlusskonzert",
                "Scena główna": "Hauptbühne",
            },
        )
        german_initiative = german(initiative)
        html = client.get(german_initiative.url).content.decode()
        assert "Stadtpark" in html and "Abschlusskonzert" in html and "Hauptbühne" in html
        assert "Park miejski" not in html and "Koncert finałowy" not in html and "Scena główna" not in html
        # Dates and images are copied from the Polish rows.
        source_occurrence, german_occurrence = initiative.occurrences.get(), german_initiative.occurrences.get()
        assert german_occurrence.start == source_occurrence.start
        assert german_initiative.gallery_images.get().image_id == initiative.gallery_images.get().image_id

    def test_german_calendar_shows_the_german_venue(self, client, german_tree, initiative):
        translate(initiative, "de", {"Park miejski": "Stadtpark"})
        html = client.get("/de/initiativen/calendar/").content.decode()
        assert "Stadtpark" in html
        assert "Park miejski" not in html
