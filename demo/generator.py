"""A large, realistic, deterministic network for load tests and demos.

``network_generate(...)`` builds, for a given seed, always the same network:
member organisations (pages), initiatives with event dates, tags, partners and
areas, news, and a partnership directory of tens of thousands of twinnings
with invented but plausible town names over 35 years.

Organisations and partner pages are created with treebeard's ``add_child``;
initiatives and news (tens of thousands) are inserted in bulk with computed
tree paths, since Django's ``bulk_create`` refuses multi-table models: the
``wagtailcore_page`` rows first, then the page type's own rows.
"""

import datetime
import random
import uuid
from decimal import Decimal
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils.text import slugify

from taggit.models import Tag
from wagtail.models import Locale, Page, Site

from directory.from_pages import partnership_from_partner_page
from directory.importing import partnerships_import, read_rows
from directory.models import Partnership, PartnershipDirectoryPage
from home.models import HomePage
from initiatives.models import (
    InitiativeIndexPage,
    InitiativeOccurrence,
    InitiativePage,
    InitiativeTag,
    NewsIndexPage,
    NewsPage,
    NewsTag,
)
from partners.models import (
    CooperationArea,
    MemberOrganisationIndexPage,
    MemberOrganisationPage,
    PartnerIndexPage,
    PartnerPage,
)

# All dates are relative to a fixed day, so that a seed gives the same network whenever it runs.
ANCHOR = datetime.date(2026, 1, 1)
YEARS = 35

AREAS = [
    ("culture", "Kultura", "Culture", "Kultur"),
    ("youth-exchange", "Wymiana młodzieży", "Youth exchange", "Jugendaustausch"),
    ("education", "Edukacja", "Education", "Bildung"),
    ("sport", "Sport", "Sport", "Sport"),
    ("seniors", "Seniorzy", "Seniors", "Senioren"),
    ("environment", "Środowisko", "Environment", "Umwelt"),
    ("business", "Przedsiębiorczość", "Business", "Wirtschaft"),
    ("tourism", "Turystyka", "Tourism", "Tourismus"),
    ("local-government", "Samorząd", "Local government", "Kommunalverwaltung"),
    ("charity", "Pomoc charytatywna", "Charity", "Wohltätigkeit"),
    ("volunteering", "Wolontariat", "Volunteering", "Ehrenamt"),
    ("agriculture", "Rolnictwo", "Agriculture", "Landwirtschaft"),
]
VOIVODESHIP_CENTRES = {
    "dolnoslaskie": (51.1, 16.6),
    "kujawsko-pomorskie": (53.0, 18.4),
    "lubelskie": (51.2, 22.9),
    "lubuskie": (52.2, 15.3),
    "lodzkie": (51.6, 19.4),
    "malopolskie": (49.9, 20.2),
    "mazowieckie": (52.3, 21.0),
    "opolskie": (50.6, 17.9),
    "podkarpackie": (50.0, 22.0),
    "podlaskie": (53.2, 22.9),
    "pomorskie": (54.2, 18.0),
    "slaskie": (50.3, 19.0),
    "swietokrzyskie": (50.8, 20.7),
    "warminsko-mazurskie": (53.8, 20.8),
    "wielkopolskie": (52.3, 17.2),
    "zachodniopomorskie": (53.6, 15.3),
}
POLISH_ROOTS = [
    "Brzez",
    "Dąbr",
    "Gór",
    "Jabłon",
    "Kamien",
    "Lip",
    "Łęk",
    "Mił",
    "Nowogr",
    "Olsz",
    "Piask",
    "Radom",
    "Sosn",
    "Strzel",
    "Szczyt",
    "Trzebi",
    "Wierzb",
    "Wol",
    "Zabł",
    "Żar",
    "Bielsk",
    "Chełm",
    "Głog",
    "Krasn",
]
POLISH_SUFFIXES = ["ów", "owo", "ice", "no", "ki", "ówek", "in", "ica", "owice", "ek"]
POLISH_PREFIXES = ["", "", "", "", "Nowa ", "Stary ", "Wielkie ", "Górny "]
# Per country: weight, centre (lat, lon), spread, name patterns (root + suffix, or prefix + root).
FOREIGN = {
    "DE": (
        30,
        (51.0, 10.0),
        2.5,
        ["Alt", "Bad ", "Neu", "Ober", "Rosen", "Wald", "Linden", "Holz"],
        ["berg", "burg", "dorf", "hausen", "heim", "stadt", "feld"],
    ),
    "FR": (
        9,
        (46.8, 2.5),
        2.5,
        ["Saint-", "Beau", "Mont", "Ville", "Font", "Roche"],
        ["ville", "court", "mont", "-sur-Mer", "ac", "ières"],
    ),
    "UA": (
        9,
        (49.5, 29.0),
        2.5,
        ["Novo", "Staro", "Bila ", "Zelen", "Kamian", "Horo"],
        ["iv", "ka", "ivka", "hrad", "ets", "e"],
    ),
    "CZ": (7, (49.8, 15.5), 1.2, ["Nové ", "Horní ", "Kral", "Ruda", "Brod", "Lib"], ["ice", "ov", "any", "ín", "ec"]),
    "LT": (6, (55.2, 23.9), 1.0, ["Pa", "Kaln", "Ger", "Ukmer", "Žal", "Vil"], ["iai", "ėnai", "ava", "ynė", "ai"]),
    "SK": (5, (48.7, 19.5), 1.0, ["Nová ", "Dolný ", "Banská ", "Kraľ", "Zlat"], ["ovce", "any", "ová", "ín"]),
    "IT": (4, (43.5, 12.0), 2.5, ["San ", "Monte", "Castel", "Villa", "Borgo "], ["ano", "ino", "ello", "ona", "ate"]),
    "FR_": (0, (0, 0), 0, [], []),
    "NL": (3, (52.2, 5.5), 0.8, ["Oost", "West", "Noord", "Zuid", "Ven"], ["dam", "dorp", "veen", "hoven", "wijk"]),
    "HU": (3, (47.2, 19.3), 1.2, ["Bala", "Szent", "Nagy", "Kis", "Tisza"], ["falva", "háza", "vár", "egyháza"]),
    "LV": (2, (56.9, 24.6), 1.0, ["Cē", "Val", "Lim", "Tal", "Ogr"], ["sis", "miera", "baži", "si", "e"]),
    "BY": (2, (53.7, 27.9), 1.5, ["Nava", "Hro", "Svetla", "Mala"], ["hrudak", "dna", "horsk", "rita"]),
    "SE": (2, (59.5, 15.5), 2.0, ["Norr", "Söder", "Väst", "Ös"], ["köping", "by", "holm", "vik"]),
    "DK": (1, (55.9, 10.0), 0.8, ["Ny", "Hol", "Skov", "Vest"], ["borg", "by", "rup", "sted"]),
    "AT": (1, (47.5, 14.5), 1.0, ["Sankt ", "Maria ", "Hohen", "Kirch"], ["dorf", "au", "berg", "kirchen"]),
    "ES": (1, (40.3, -3.7), 2.5, ["San ", "Villa", "Torre", "Puerto "], ["ejo", "al", "illa", "ena"]),
    "PT": (1, (39.6, -8.0), 1.0, ["Vila ", "São ", "Alcob", "Marin"], ["ela", "inho", "aça"]),
    "GB": (1, (52.5, -1.5), 2.0, ["Ash", "Brad", "Chester", "Kings"], ["ford", "ton", "bury", "field"]),
    "GR": (1, (39.0, 22.0), 1.5, ["Nea ", "Agios ", "Kala", "Lefk"], ["poli", "ada", "itsa"]),
    "HR": (1, (45.3, 16.0), 1.0, ["Novi ", "Stari ", "Vel", "Kar"], ["ovac", "ica", "ine"]),
}
FOREIGN.pop("FR_")
STATUS_WEIGHTS = [
    ("official_agreement", 70),
    ("cooperation_agreement", 12),
    ("letter_of_intent", 5),
    ("informal_contacts", 8),
    ("ended", 5),
]
INITIATIVE_WORDS = [
    ("Wymiana młodzieży", "Youth exchange"),
    ("Festiwal partnerski", "Partnership festival"),
    ("Turniej piłkarski", "Football tournament"),
    ("Warsztaty dla seniorów", "Workshops for seniors"),
    ("Wystawa fotografii", "Photo exhibition"),
    ("Dni miasta partnerskiego", "Partner town days"),
    ("Sympozjum", "Symposium"),
    ("Plener malarski", "Painting plein-air"),
    ("Sprzątanie rzeki", "River clean-up"),
    ("Koncert chórów", "Choir concert"),
]
TAGS = ["wymiana", "młodzież", "sport", "kultura", "seniorzy", "ekologia", "dotacje", "wolontariat", "muzyka", "szkoła"]
ORGANISATION_PATTERNS = [
    "Stowarzyszenie Przyjaciół {}",
    "Ośrodek Kultury w {}",
    "Klub Sportowy {}",
    "Parafia św. Jana w {}",
    "Fundacja Rozwoju {}",
    "Szkoła Podstawowa nr {n} w {}",
    "Uniwersytet Trzeciego Wieku {}",
    "Ochotnicza Straż Pożarna {}",
]


def _weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def polish_town(rng):
    return f"{rng.choice(POLISH_PREFIXES)}{rng.choice(POLISH_ROOTS)}{rng.choice(POLISH_SUFFIXES)}".strip()


def foreign_town(rng, country):
    _w, _centre, _spread, starts, ends = FOREIGN[country]
    start, end = rng.choice(starts), rng.choice(ends)
    if start.endswith((" ", "-")):
        # "Saint-" or "San " needs a whole word after it: "Saint-Montville", "San Castelino".
        roots = [root for root in starts if not root.endswith((" ", "-"))] or ["Mar"]
        end = (rng.choice(roots) + end.lstrip("-")).capitalize()
    return f"{start}{end}".strip()


def _since(rng):
    """Signing dates over 35 years, most of them in the 1990s and 2000s as in reality."""
    year = ANCHOR.year - YEARS + min(int(rng.expovariate(1 / 10)), YEARS - 1)
    if rng.random() < 0.3:
        return str(year)
    return datetime.date(year, rng.randint(1, 12), rng.randint(1, 28)).isoformat()


def partnership_rows(*, count, seed):
    """``count`` import rows (see partners/importing.py), the same ones for the same seed."""
    rng = random.Random(f"partnerships-{seed}")  # noqa: S311 (reproducible data, not secrets)
    countries = [(code, spec[0]) for code, spec in FOREIGN.items()]
    # About one local unit per five partnerships, as in the real lists.
    units = []
    seen_units = set()
    while len(units) < max(1, count // 5):
        voivodeship = rng.choice(list(VOIVODESHIP_CENTRES))
        name = polish_town(rng)
        if name in seen_units:
            name = f"{name} {voivodeship.split('-')[0].capitalize()}"
            if name in seen_units:
                continue
        seen_units.add(name)
        kind = _weighted(rng, [("municipality", 85), ("county", 12), ("region", 3)])
        units.append(
            (
                name,
                kind,
                voivodeship,
                f"{rng.randint(2, 32):02d}{rng.randint(1, 99):02d}{rng.randint(1, 99):02d}{rng.randint(1, 5)}",
            )
        )
    rows, keys = [], set()
    while len(rows) < count:
        unit, kind, voivodeship, teryt = rng.choice(units)
        country = _weighted(rng, countries)
        partner = foreign_town(rng, country)
        if (unit, partner, country) in keys:
            partner = f"{partner} {rng.choice(['Nord', 'Süd', 'Ost', 'West', 'I', 'II', 'III'])}"
            if (unit, partner, country) in keys:
                continue
        keys.add((unit, partner, country))
        _w, (lat, lon), spread, _s, _e = FOREIGN[country]
        areas = sorted(rng.sample([slug for slug, *_names in AREAS], rng.randint(0, 3)))
        since = _since(rng)
        status = _weighted(rng, STATUS_WEIGHTS)
        history = f"signed:{since}" if len(since) == 10 else ""
        rows.append(
            {
                "__row__": len(rows) + 2,
                "local_unit_name": unit,
                "local_unit_kind": kind,
                "voivodeship": voivodeship,
                "teryt": teryt if kind == "municipality" else teryt[:4],
                "partner_name": partner,
                "partner_kind": "town" if kind == "municipality" else ("county" if kind == "county" else "region"),
                "country": country,
                "partner_region": "",
                "latitude": f"{lat + rng.uniform(-spread, spread):.4f}",
                "longitude": f"{lon + rng.uniform(-spread * 1.5, spread * 1.5):.4f}",
                "status": status,
                "since": since,
                "resolution_number": f"{rng.choice(['V', 'X', 'XII', 'XXIV', 'XL'])}/{rng.randint(1, 300)}/{since[:4]}",
                "areas": ";".join(areas),
                "recurring_events": rng.choice(
                    ["", "", "Town festival every June", "Christmas fair", "Youth camp in July"]
                ),
                "source": "generated (generate_network)",
                "notes": "",
                "last_activity": "",
                "status_history": history,
            }
        )
    return rows


# --- Pages ----------------------------------------------------------------------


def _home(default_locale):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    home = HomePage(title="Sieć partnerska", slug="siec", hero_title="Razem działamy lokalnie", locale=default_locale)
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "PartnerHub"},
    )
    return home


def _child_of_type(parent, model, **fields):
    existing = model.objects.child_of(parent).first()
    if existing:
        return existing
    page = model(**fields)
    parent.add_child(instance=page)
    return page


def _areas(locales):
    default = locales[0]
    names_by_language = {"pl": 1, "en": 2, "de": 3}
    areas = {}
    for slug, *names in AREAS:
        area, _created = CooperationArea.objects.get_or_create(
            slug=slug, locale=default, defaults={"name": names[names_by_language.get(default.language_code, 2) - 1]}
        )
        areas[slug] = area
        for locale in locales[1:]:
            if not CooperationArea.objects.filter(translation_key=area.translation_key, locale=locale).exists():
                copy = area.copy_for_translation(locale)
                copy.name = names[names_by_language.get(locale.language_code, 2) - 1]
                copy.save()
    return areas


def _tree_path(parent_path, position):
    """The materialised path of the ``position``-th child (treebeard's encoding: base-36 steps of ``steplen``)."""
    digits = ""
    while position:
        position, remainder = divmod(position, len(Page.alphabet))
        digits = Page.alphabet[remainder] + digits
    return parent_path + digits.rjust(Page.steplen, Page.alphabet[0])


def _bulk_pages(model, parent, objects, *, progress=None):
    """Insert many pages of one type under ``parent`` with computed treebeard paths."""
    content_type = ContentType.objects.get_for_model(model)
    start = parent.numchild
    bases = []
    for offset, obj in enumerate(objects, start=start + 1):
        obj.path = _tree_path(parent.path, offset)
        obj.depth = parent.depth + 1
        obj.numchild = 0
        obj.url_path = f"{parent.url_path}{obj.slug}/"
        obj.content_type = content_type
        obj.draft_title = obj.title
        obj.live = True
        obj.has_unpublished_changes = False
        obj.last_published_at = obj.first_published_at
        obj.latest_revision_created_at = obj.first_published_at
        bases.append(
            Page(**{f.attname: getattr(obj, f.attname) for f in Page._meta.concrete_fields if f.attname != "id"})
        )
    Page.objects.bulk_create(bases, batch_size=1000)
    for obj, base in zip(objects, bases, strict=True):
        obj.page_ptr_id = obj.id = base.id
    own_fields = list(model._meta.local_concrete_fields)
    for index in range(0, len(objects), 1000):
        # Django's bulk_create refuses multi-table models; this is the insert it would do for the child
        # table (50,000 pages in seconds instead of minutes). Only the large-network generator does this.
        model._base_manager._insert(  # noqa: SLF001
            objects[index : index + 1000], fields=own_fields, using=connection.alias
        )
        if progress:
            progress(len(objects[index : index + 1000]))
    Page.objects.filter(pk=parent.pk).update(numchild=start + len(objects))
    parent.numchild = start + len(objects)
    return objects


def _published(rng, *, years=YEARS):
    day = ANCHOR - datetime.timedelta(days=rng.randint(0, years * 365))
    return datetime.datetime(day.year, day.month, day.day, 10, 0, tzinfo=datetime.UTC), day


def network_generate(
    *,
    partnerships=20_000,
    organisations=100,
    initiatives=5_000,
    news=20_000,
    locales=("pl", "en", "de"),
    seed=1,
    progress=None,
):
    """Build the network; ``progress(label, total)`` returns a callable advancing a bar."""

    def bar(label, total):
        return progress(label, total) if progress else (lambda n=1: None)

    rng = random.Random(f"network-{seed}")  # noqa: S311 (reproducible data, not secrets)
    locale_objects = [Locale.objects.get_or_create(language_code=code)[0] for code in locales]
    default_locale = locale_objects[0]
    summary = {}
    with transaction.atomic():
        home = _home(default_locale)
        areas = _areas(locale_objects)
        area_list = list(areas.values())
        partner_index = _child_of_type(home, PartnerIndexPage, title="Miasta partnerskie", slug="partnerzy")
        org_index = _child_of_type(home, MemberOrganisationIndexPage, title="Członkowie", slug="czlonkowie")
        _child_of_type(home, InitiativeIndexPage, title="Inicjatywy", slug="inicjatywy")
        _child_of_type(home, NewsIndexPage, title="Aktualności", slug="aktualnosci")
        _child_of_type(home, PartnershipDirectoryPage, title="Katalog partnerstw", slug="katalog")

        # Partnership directory, through the import service (validation and bulk writes included).
        rows = partnership_rows(count=partnerships, seed=seed)
        advance = bar("partnerships", len(rows) * 2)
        report = partnerships_import(rows=rows, progress=advance)
        if report.errors:
            raise ValueError(f"generated rows are invalid: {report.errors[:3]}")
        summary["partnerships"] = report.created + report.updated + report.unchanged

        # Partner pages for the first partners of the directory (a real site has pages for a few).
        partner_count = max(1, min(200, partnerships // 100))
        advance = bar("partner pages", partner_count)
        partner_pages = list(PartnerPage.objects.child_of(partner_index).order_by("path"))
        for index in range(len(partner_pages), partner_count):
            country = _weighted(rng, [(code, spec[0]) for code, spec in FOREIGN.items()])
            name = foreign_town(rng, country)
            _w, (lat, lon), spread, _s, _e = FOREIGN[country]
            page = PartnerPage(
                title=name,
                slug=f"{slugify(name) or 'partner'}-{index}",
                official_name=name,
                country=country,
                latitude=Decimal(f"{lat + rng.uniform(-spread, spread):.4f}"),
                longitude=Decimal(f"{lon + rng.uniform(-spread, spread):.4f}"),
                cooperation_since_year=ANCHOR.year - rng.randint(1, YEARS),
                locale=default_locale,
            )
            partner_index.add_child(instance=page)
            partner_pages.append(page)
            advance(1)
        # Link partnerships to the partner pages, so that dormancy has activity to look at.

        linked = Partnership.objects.order_by("pk").values_list("pk", flat=True)[: len(partner_pages) * 3]
        for index, pk in enumerate(linked):
            Partnership.objects.filter(pk=pk).update(partner_page=partner_pages[index % len(partner_pages)])

        advance = bar("organisations", organisations)
        orgs = list(MemberOrganisationPage.objects.child_of(org_index).order_by("path"))
        for index in range(len(orgs), organisations):
            town = polish_town(rng)
            title = rng.choice(ORGANISATION_PATTERNS).format(town, n=rng.randint(1, 12))
            org = MemberOrganisationPage(
                title=title,
                slug=f"{slugify(title)[:40]}-{index}",
                kind=rng.choice(["ngo", "public_institution", "parish", "school", "local_government"]),
                joined_on=ANCHOR - datetime.timedelta(days=rng.randint(0, YEARS * 365)),
                summary=f"{title}: członek partnerstwa od lat.",
                locale=default_locale,
            )
            org_index.add_child(instance=org)
            orgs.append(org)
            advance(1)
        summary["organisations"] = len(orgs)

        tags = [Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0] for name in TAGS]

        # Initiatives, spread over the organisations' sections.
        advance = bar("initiatives", initiatives)
        per_org = {org.pk: [] for org in orgs}
        plan = []
        for index in range(initiatives):
            org = orgs[index % len(orgs)]
            words_pl, _words_en = rng.choice(INITIATIVE_WORDS)
            town = foreign_town(rng, rng.choice(list(FOREIGN)))
            published, day = _published(rng)
            title = f"{words_pl} {town} {day.year}"
            page = InitiativePage(
                title=title,
                slug=f"{slugify(title)[:50]}-{index}",
                summary=f"{words_pl} z partnerami z {town}.",
                status="completed" if day < ANCHOR - datetime.timedelta(days=180) else "ongoing",
                start_date=day,
                end_date=day + datetime.timedelta(days=rng.randint(0, 30)),
                place=town,
                first_published_at=published,
                locale=default_locale,
                translation_key=uuid.UUID(int=rng.getrandbits(128)),
            )
            per_org[org.pk].append(page)
            plan.append(
                (
                    page,
                    rng.sample(area_list, rng.randint(1, 2)),
                    rng.sample(tags, rng.randint(0, 3)),
                    rng.sample(partner_pages, min(len(partner_pages), rng.randint(0, 2))),
                    rng.randint(0, 3),
                )
            )
        for org in orgs:
            if per_org[org.pk]:
                _bulk_pages(InitiativePage, org, per_org[org.pk], progress=advance)
        InitiativePage.areas.through.objects.bulk_create(
            [
                InitiativePage.areas.through(initiativepage_id=p.pk, cooperationarea_id=a.pk)
                for p, a_s, *_r in plan
                for a in a_s
            ],
            batch_size=2000,
        )
        InitiativeTag.objects.bulk_create(
            [InitiativeTag(content_object_id=p.pk, tag_id=t.pk) for p, _a, t_s, *_r in plan for t in t_s],
            batch_size=2000,
        )
        InitiativePage.partners.through.objects.bulk_create(
            [
                InitiativePage.partners.through(initiativepage_id=p.pk, partnerpage_id=pp.pk)
                for p, _a, _t, pps, _o in plan
                for pp in pps
            ],
            batch_size=2000,
        )
        occurrences = []
        for page, _a, _t, _p, count in plan:
            for number in range(count):
                start = datetime.datetime.combine(page.start_date, datetime.time(17, 0), tzinfo=datetime.UTC)
                occurrences.append(
                    InitiativeOccurrence(
                        page_id=page.pk,
                        start=start + datetime.timedelta(days=7 * number),
                        venue=page.place,
                        sort_order=number,
                        # Event dates are translatable rows: they carry their page's locale.
                        locale_id=page.locale_id,
                    )
                )
        InitiativeOccurrence.objects.bulk_create(occurrences, batch_size=2000)
        summary["initiatives"] = initiatives
        summary["occurrences"] = len(occurrences)

        # News.
        advance = bar("news", news)
        per_org = {org.pk: [] for org in orgs}
        news_plan = []
        for index in range(news):
            org = orgs[(index * 7) % len(orgs)]
            published, day = _published(rng, years=15)
            words_pl, _words_en = rng.choice(INITIATIVE_WORDS)
            related = rng.choice(plan)[0] if plan and rng.random() < 0.4 else None
            title = f"{words_pl}: relacja z {day:%d.%m.%Y}"
            page = NewsPage(
                title=title,
                slug=f"{slugify(title)[:50]}-{index}",
                date=day,
                intro=f"{words_pl} – tak było. {org.title} dziękuje uczestnikom.",
                related_initiative_id=related.pk if related else None,
                first_published_at=published,
                locale=default_locale,
                translation_key=uuid.UUID(int=rng.getrandbits(128)),
            )
            per_org[org.pk].append(page)
            news_plan.append((page, rng.sample(tags, rng.randint(0, 2))))
        for org in orgs:
            if per_org[org.pk]:
                _bulk_pages(NewsPage, org, per_org[org.pk], progress=advance)
        NewsTag.objects.bulk_create(
            [NewsTag(content_object_id=p.pk, tag_id=t.pk) for p, t_s in news_plan for t in t_s], batch_size=2000
        )
        summary["news"] = news

        # Translations of the site's frame (home and index pages) into the other locales.
        for locale in locale_objects[1:]:
            for page in [home, *home.get_children().specific()]:
                if not page.get_translations().filter(locale=locale).exists():
                    page.copy_for_translation(locale, copy_parents=True)
    return summary


def directory_demo_load(*, generated=300, seed=1):
    """The demo's directory: the networks' partner towns, written from their pages
    (directory/from_pages.py), plus ``generated`` invented rows, marked as generated.
    Idempotent: a second run changes nothing.

    The sample file's rows for a local unit that has partner pages give only
    what a page does not hold (TERYT code, voivodeship): the page is the
    source of everything else, so the two can never disagree.
    """
    locale = Locale.get_default()
    _areas([locale, *Locale.objects.exclude(pk=locale.pk)])
    sample = Path(__file__).resolve().parent.parent / "docs" / "sample_partnerships.csv"
    with sample.open("rb") as file:
        rows, _warnings = read_rows(file=file, filename=sample.name)
    pages = list(PartnerPage.objects.live().filter(locale=locale).exclude(local_unit=""))
    units_with_pages = {page.local_unit for page in pages}
    directory_only = {
        row["local_unit_name"]: {"voivodeship": row["voivodeship"], "teryt": row["teryt"]}
        for row in rows
        if row["local_unit_name"] in units_with_pages
    }
    rows = [row for row in rows if row["local_unit_name"] not in units_with_pages]
    rows += partnership_rows(count=generated, seed=seed)
    keys = set()
    unique = []
    for row in rows:  # a generated pair could repeat a sample pair
        key = (row["local_unit_name"], row["partner_name"], row["country"])
        if key not in keys:
            keys.add(key)
            unique.append(row)
    report = partnerships_import(rows=unique)
    if report.errors:
        raise ValueError(f"demo partnerships are invalid: {report.errors[:3]}")
    for page in pages:
        row = partnership_from_partner_page(page)
        extra = directory_only.get(page.local_unit, {})
        missing = {name: value for name, value in extra.items() if value and not getattr(row, name)}
        if missing:
            Partnership.objects.filter(pk=row.pk).update(**missing)
    return report
