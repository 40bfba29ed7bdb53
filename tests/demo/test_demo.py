"""The demo network (`manage.py load_demo`) on a real PostgreSQL.

The demo is loaded once for the whole module (twice, in fact, to check that
a second run changes nothing) and committed, because wagtail-localize
publishes translations in on-commit callbacks. Afterwards the database is
put back exactly as the migrations left it, so other modules never see it.
"""

import html as html_module
import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import override

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

import polib
import pytest

from core.models import SiteImage
from demo import partner_languages
from demo.content import PARTNER_OWN_LANGUAGES
from demo.loader import demo_counts
from demo.sites import BY_KEY, NETWORKS
from directory.models import Partnership
from home.models import StandardPage
from initiatives.models import InitiativeIndexPage, InitiativeOccurrence, InitiativePage
from partners.models import CooperationArea, MemberOrganisationPage, PartnerIndexPage, PartnerPage

POLISH_CATALOGUE = settings.BASE_DIR / "locale" / "pl" / "LC_MESSAGES" / "django.po"
# Shorter Polish strings ("Szukaj", "Kontakt") could be part of a name or of Polish content.
POLISH_STRING_MIN_LENGTH = 12


def _remove_media_files():
    for model in (SiteImage, get_document_model()):
        for item in model.objects.all():
            item.file.delete(save=False)
    for image in SiteImage.objects.all():
        for rendition in image.renditions.all():
            rendition.file.delete(save=False)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        pristine = connection.creation.serialize_db_to_string()
        try:
            call_command("load_demo", verbosity=0)
            first = demo_counts()
            call_command("load_demo", verbosity=0, skip_index=True)
            second = demo_counts()
            yield {"first": first, "second": second}
        finally:
            _remove_media_files()
            call_command("flush", interactive=False, verbosity=0, reset_sequences=False, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(pristine)


def live_demo_pages():
    return list(Page.objects.live().filter(depth__gt=1).specific().select_related("locale"))


def polish_interface_strings():
    """The Polish catalogue's translations that differ from their English msgid, long enough not to be a name.

    Placeholders (``%(name)s``, ``%s``) split a translation into the literal
    pieces a page can show.
    """
    strings = set()
    for entry in polib.pofile(str(POLISH_CATALOGUE)):
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        pairs = (
            [(entry.msgid, entry.msgstr)]
            if not entry.msgid_plural
            else [(entry.msgid_plural, text) for text in entry.msgstr_plural.values()]
        )
        for msgid, msgstr in pairs:
            if not msgstr or msgstr == msgid:
                continue
            for piece in re.split(r"%\(\w+\)[sd]|%[sd]|\{\w*\}", msgstr):
                piece = " ".join(piece.split())
                if len(piece) >= POLISH_STRING_MIN_LENGTH:
                    strings.add(piece)
    return strings


def login(client, username):
    return client.post("/admin/login/", {"username": username, "password": settings.DEMO_PASSWORD, "next": "/admin/"})


class TestLoadDemo:
    def test_running_it_twice_leaves_the_same_counts(self, demo):
        assert demo["first"] == demo["second"]

    def test_it_builds_the_network_from_the_seeds(self, demo, db):
        pl = Locale.objects.get(language_code="pl")
        assert PartnerPage.objects.filter(locale=pl).count() == 11
        leidschendam = PartnerPage.objects.get(locale=pl, slug="leidschendam")
        assert leidschendam.country == "NL"
        assert [a.date_signed.isoformat() for a in leidschendam.agreements.all()] == ["1991-05-03"]
        assert PartnerPage.objects.get(locale=pl, slug="mickuny").relationship_status == "informal_contacts"
        mops = MemberOrganisationPage.objects.get(locale=pl, slug="mops-boleslawiec")
        assert mops.role == "leader"
        assert mops.joined_on.isoformat() == "2013-12-10"
        assert CooperationArea.objects.filter(locale=pl).count() == 14

    def test_initiatives_have_past_and_upcoming_dates(self, demo, db):
        now = timezone.now()
        assert InitiativeOccurrence.objects.filter(start__lt=now).exists()
        assert InitiativeOccurrence.objects.filter(start__gt=now).exists()
        statuses = set(InitiativePage.objects.values_list("status", flat=True))
        assert statuses == {"planned", "ongoing", "completed"}

    def test_the_default_site_shows_the_demo_home_page(self, demo, db, client):
        response = client.get("/pl/")
        assert response.status_code == 200
        assert "Aktywni razem" in response.content.decode()


class TestDemoRendering:
    def test_every_live_page_renders_in_every_locale_it_exists_in(self, demo, db, client):
        pages = live_demo_pages()
        assert {page.locale.language_code for page in pages} == {code for code, _name in settings.LANGUAGES}
        problems = []
        for page in pages:
            site = page.get_site()
            response = client.get(page.relative_url(site), HTTP_HOST=f"{site.hostname}:{site.port}")
            html = response.content.decode()
            lang = re.search(r'<html lang="([^"]+)"', html)
            h1_count = len(re.findall(r"<h1[\s>]", html))
            if response.status_code != 200 or h1_count != 1 or not lang or lang.group(1) != page.locale.language_code:
                problems.append((page.get_url(), response.status_code, h1_count, lang and lang.group(1)))
        assert problems == []

    def test_english_and_german_pages_show_translated_text(self, demo, db, client):
        about = {
            "pl": ("/pl/o-partnerstwie/", "O partnerstwie"),
            "en": ("/en/about/", "About the partnership"),
            "de": ("/de/ueber-uns/", "Über die Partnerschaft"),
        }
        for url, heading in about.values():
            response = client.get(url)
            assert response.status_code == 200
            assert f"<h1>{heading}</h1>" in response.content.decode()
        goals = client.get("/en/goals/").content.decode()
        assert "Support local social and civic initiatives." in goals

    def test_english_and_german_pages_hold_no_polish_interface_string(self, demo, db, client):
        polish = polish_interface_strings()
        assert len(polish) > 100  # the catalogue was read
        # Every network's English and German pages, as (host, path) on the network's own host.
        urls = []
        for page in live_demo_pages():
            if page.locale.language_code != "pl":
                site = page.get_site()
                urls.append((f"{site.hostname}:{site.port}", page.relative_url(site)))
        today = timezone.localdate()
        for index in InitiativeIndexPage.objects.live().filter(locale__language_code__in=("en", "de")):
            site = index.get_site()
            path = index.relative_url(site)
            host = f"{site.hostname}:{site.port}"
            urls += [(host, f"{path}calendar/"), (host, f"{path}calendar/{today.year}/{today.month}/")]
        for index in PartnerIndexPage.objects.live().exclude(locale__language_code="pl"):
            site = index.get_site()
            urls.append((f"{site.hostname}:{site.port}", f"{index.relative_url(site)}map/"))
        assert len({host for host, _path in urls}) == 5
        found = []
        for host, url in urls:
            response = client.get(url, HTTP_HOST=host)
            assert response.status_code == 200, (host, url)
            text = " ".join(html_module.unescape(response.content.decode()).split())
            found += [(host, url, string) for string in sorted(polish) if string in text]
        assert found == []

    def test_translated_home_page_features_translated_initiatives(self, demo, db, client):
        html = client.get("/de/", HTTP_HOST="konstancin.localhost:8000").content.decode()
        assert "Jugendaustausch mit Denzlingen" in html
        assert "/pl/" not in re.sub(r'hreflang="[^"]+" href="[^"]+"', "", html.split("<main", 1)[1])


class TestDemoTranslations:
    def test_main_pages_and_areas_are_up_to_date_wagtail_localize_translations(self, demo, db):
        pl = Locale.objects.get(language_code="pl")
        pages = [Site.objects.get(is_default_site=True).root_page.specific, *StandardPage.objects.filter(locale=pl)]
        areas = list(CooperationArea.objects.filter(locale=pl))
        for language in ("en", "de"):
            locale = Locale.objects.get(language_code=language)
            for source_instance in pages + areas:
                source = TranslationSource.objects.get_for_instance(source_instance)
                translation = Translation.objects.get(source=source, target_locale=locale)
                total, translated = translation.get_progress()
                assert total > 0
                assert translated == total, (source_instance, language)
                with override("en"):
                    assert str(translation.get_status_display()) == "Up to date"
            for page in pages:
                assert page.get_translation(locale).live, (page, language)

    def test_translated_area_names_are_in_the_target_language(self, demo, db):
        de = Locale.objects.get(language_code="de")
        assert CooperationArea.objects.get(locale=de, slug="youth-exchange").name == "Jugendaustausch"

    def test_the_translation_editor_opens_for_a_translated_page(self, demo, db, client):
        login(client, "translator")
        en_about = StandardPage.objects.get(locale__language_code="en", slug="about")
        response = client.get(f"/admin/pages/{en_about.pk}/edit/")
        assert response.status_code == 200
        assert "About the partnership" in response.content.decode()


class TestDemoAccounts:
    def test_every_demo_account_can_log_in_to_the_admin(self, demo, db, client):
        usernames = list(get_user_model().objects.order_by("username").values_list("username", flat=True))
        assert {"admin", "moderator", "translator"} <= set(usernames)
        assert (
            sum(name.startswith("editor-") for name in usernames)
            == MemberOrganisationPage.objects.filter(locale__language_code="pl").count()
        )
        for username in usernames:
            client.logout()
            response = login(client, username)
            assert response.status_code == 302, username
            assert client.get("/admin/").status_code == 200, username

    def test_an_organisation_editor_edits_only_their_own_section(self, demo, db, client):
        own = MemberOrganisationPage.objects.get(locale__language_code="pl", slug="pck-boleslawiec")
        other = MemberOrganisationPage.objects.get(locale__language_code="pl", slug="mops-boleslawiec")
        login(client, "editor-pck-boleslawiec")
        assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
        assert client.get(f"/admin/pages/{other.pk}/edit/").status_code in (302, 403)
        assert own.editors_group.name == "Polski Czerwony Krzyż editors"
        assert own.collection.name == own.title


class TestDemoNetworks:
    def test_the_twinning_portal_is_a_network_of_its_own_on_its_host(self, demo, db, client):
        portal = client.get("/pl/", HTTP_HOST="portal.localhost:8000")
        main = client.get("/pl/", HTTP_HOST="127.0.0.1:8000")

        assert portal.status_code == 200
        assert "20 000" in portal.text and "4 000" in portal.text  # the seed's figures
        assert "Baza partnerstw" in portal.text
        assert "Portal współpracy miast partnerskich" not in main.text

    def test_the_portal_s_moderator_works_in_the_portal_only(self, demo, db, client):
        login(client, "moderator-portal")
        portal_home = Site.objects.get(hostname="portal.localhost").root_page
        main_home = Site.objects.get(is_default_site=True).root_page

        own = client.get(f"/admin/pages/{portal_home.pk}/edit/")
        other = client.get(f"/admin/pages/{main_home.pk}/edit/", follow=True)

        assert own.status_code == 200 and "Współpraca miast partnerskich w Europie" in own.text
        assert other.redirect_chain and main_home.specific.hero_title not in other.text

    def test_the_sitemap_and_robots_txt_name_the_address_the_demo_is_served_on(self, demo, db, client):
        robots = client.get("/robots.txt", HTTP_HOST="127.0.0.1:8000").text
        sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8000").text

        assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in robots
        locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
        assert locations and all(location.startswith("http://127.0.0.1:8000/") for location in locations)


SEEDS = settings.BASE_DIR.parent / "shared" / "seeds"
POLISH_MONTHS = {
    1: "stycznia", 2: "lutego", 3: "marca", 4: "kwietnia", 5: "maja", 6: "czerwca",
    7: "lipca", 8: "sierpnia", 9: "września", 10: "października", 11: "listopada", 12: "grudnia",
}  # fmt: skip
# Konstancin-Jeziorna's partners (seed 003): the date of the agreement and who signed it,
# each name as the demo shows it and as the seed's Polish sentence declines it.
KONSTANCIN_AGREEMENTS = [
    ("leidschendam", "1991-05-03", [("Will de Wreeze", "Willa de Wreeze"), ("Józef Hlebowicz", "Józefa Hlebowicza")]),
    ("saint-germain-en-laye", "1992-04-05", [("Michel Péricard", "Michela Péricard")]),
    ("hranice", "2006-04-07", [("Marek Skowroński", "Marek Skowroński")]),
    ("krzemieniec", "2007-04-27", [("Leonid Kiczaty", "Leonida Kiczatego")]),
    ("pisogne", "2008-06-06", [("Oscar Panigada", "Oscar Panigada")]),
    ("cesis", "2009-01-27", [("Gints Šķenders", "Gintsa Šķendersa")]),
    ("nowa-wilejka", "2009-03-20", [("Jurijus Gridiuško", "Jurijus Gridiuško")]),
    (
        "denzlingen",
        "2011-06-19",
        [("Markus Hollemann", "Markus Hollemann"), ("Kazimierz Jańczuk", "Kazimierz Jańczuk")],
    ),
]


def seed_text(number):
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return " ".join(path.read_text(encoding="utf-8").split())


def polish_date(iso):
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {POLISH_MONTHS[month]} {year}"


def network_host(key):
    return BY_KEY[key]["host"]


class TestTheDemoIsFaithfulToTheSeeds:
    """Each seed's dates and names, read from the seed, found in its own network of the demo."""

    @pytest.mark.parametrize(("slug", "signed", "signatories"), KONSTANCIN_AGREEMENTS)
    def test_konstancin_s_agreements_carry_the_seed_s_date_and_signatories(
        self, demo, db, client, slug, signed, signatories
    ):
        seed = seed_text("003")
        assert polish_date(signed) in seed
        page = PartnerPage.objects.get(locale__language_code="pl", slug=slug)
        assert [agreement.date_signed.isoformat() for agreement in page.agreements.all()] == [signed]
        assert page.local_unit == "Konstancin-Jeziorna"
        html = client.get(page.relative_url(page.get_site()), HTTP_HOST=network_host("konstancin")).text
        for name, as_in_the_seed in signatories:
            assert as_in_the_seed in seed
            assert name in html, (slug, name)

    def test_the_directory_row_of_each_partner_is_written_from_its_page(self, demo, db, client):
        for page in PartnerPage.objects.filter(locale__language_code="pl"):
            row = Partnership.objects.get(partner_page=page)
            assert (row.local_unit_name, row.country, row.status) == (
                page.local_unit,
                page.country,
                page.relationship_status,
            )
            assert row.since_date == page.cooperation_since_date
            assert set(row.areas.all()) == set(page.areas.all())
        portal = client.get("/pl/baza-partnerstw/?q=Denzlingen", HTTP_HOST=network_host("portal")).text
        assert 'href="http://konstancin.localhost:8000/pl/miasta-partnerskie/denzlingen/"' in portal

    def test_generated_directory_rows_are_marked_in_the_data_and_on_the_page(self, demo, db, client):
        assert Partnership.objects.filter(source__startswith="generated").count() == 300
        assert not Partnership.objects.filter(partner_page__isnull=True, source="").exists()
        html = client.get("/pl/baza-partnerstw/", HTTP_HOST=network_host("portal")).text
        assert "wygenerowany przykład" in html or "generated example" in html

    def test_izabelin_s_association_has_its_three_partners_and_nine_goals(self, demo, db, client):
        seed = seed_text("000")
        assert "styczniu 2012" in seed and "Borken" in seed and "Méru" in seed
        pages = {
            page.slug: page for page in PartnerPage.objects.filter(locale__language_code="pl", local_unit="Izabelin")
        }
        assert set(pages) == {"borken", "meru", "mickuny"}
        assert pages["borken"].relationship_status == pages["meru"].relationship_status == "official_agreement"
        assert pages["mickuny"].relationship_status == "informal_contacts"
        # The seed dates neither agreement: the demo invents none.
        assert not any(page.agreements.exists() or page.cooperation_since_year for page in pages.values())
        home = client.get("/pl/", HTTP_HOST=network_host("izabelin")).text
        assert "stycznia 2012" in home
        goals = client.get("/pl/cele-statutowe/", HTTP_HOST=network_host("izabelin")).text
        main = goals.split("<main", 1)[1]
        assert len(re.findall(r"<li>", main.split("</ol>", 1)[0])) == 9
        assert "niepełnosprawnościami" in main and "tolerancji" in main

    def test_boleslawiec_s_partnership_has_its_leader_patron_and_eight_signatories(self, demo, db, client):
        seed = seed_text("001")
        assert "10 grudnia 2013" in seed
        members = MemberOrganisationPage.objects.filter(
            locale__language_code="pl", path__startswith=Site.objects.get(is_default_site=True).root_page.path
        )
        roles = sorted(member.role for member in members)
        assert roles == ["honorary_patron", "leader"] + ["signatory"] * 8
        assert {member.joined_on.isoformat() for member in members} == {"2013-12-10"}
        about = client.get("/pl/o-partnerstwie/").text
        assert "10 grudnia 2013" in about and "Pałacu Ślubów" in about
        assert client.get("/pl/dolacz/").status_code == 200
        assert client.get("/pl/napisz-do-nas/").status_code == 200

    def test_no_network_appears_as_a_member_of_another(self, demo, db):
        for site in Site.objects.all():
            members = MemberOrganisationPage.objects.filter(path__startswith=site.root_page.path)
            others = {other.site_name for other in Site.objects.exclude(pk=site.pk)}
            assert not {member.title for member in members} & others
        main = Site.objects.get(is_default_site=True).root_page
        assert not MemberOrganisationPage.objects.filter(
            path__startswith=main.path, slug__in=["gmina-konstancin-jeziorna", "ispmig"]
        ).exists()

    def test_the_association_of_municipalities_shows_its_aims_and_marks_its_examples(self, demo, db, client):
        seed = seed_text("002")
        assert "strategii terytorialnej" in seed
        aims = client.get("/pl/cele-statutowe/", HTTP_HOST=network_host("gminy")).text
        assert "strategię terytorialną" in aims and "Monitorować" in aims
        members = client.get("/pl/gminy-czlonkowskie/", HTTP_HOST=network_host("gminy")).text
        assert members.count("(przykład)") >= 3

    def test_invented_initiatives_are_marked_as_examples(self, demo, db, client):
        html = client.get("/pl/inicjatywy/").text
        assert "Przykład:" in html
        assert "Example:" in client.get("/en/initiatives/").text

    def test_each_network_answers_on_its_own_host(self, demo, db, client):
        for spec in NETWORKS:
            response = client.get("/pl/", HTTP_HOST=spec["host"])
            assert response.status_code == 200, spec["host"]
            assert spec["home"]["hero_title"].pl in response.text


class TestPartnerTownsInTheirOwnLanguages:
    @pytest.mark.parametrize(("slug", "language"), sorted(PARTNER_OWN_LANGUAGES.items()))
    def test_the_partner_s_page_reads_in_its_own_language(self, demo, db, client, slug, language):
        source = PartnerPage.objects.get(locale__language_code="pl", slug=slug)
        page = source.get_translation(Locale.objects.get(language_code=language))
        assert page.live
        total, translated = Translation.objects.get(
            source=TranslationSource.objects.get_for_instance(source), target_locale__language_code=language
        ).get_progress()
        assert translated == total

        site = page.get_site()
        html = client.get(page.relative_url(site), HTTP_HOST=f"{site.hostname}:{site.port}").text
        assert f'<html lang="{language}"' in html
        assert escape(partner_languages.TEXTS[language][source.summary]) in html
        assert source.summary not in html
