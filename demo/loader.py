"""Build (or bring up to date) the demo network.

Every object is found by a natural key (locale code, slug under its parent,
title, username) and updated in place, so running the loader again leaves
the same number of pages, snippets, images, documents and users.

The loader runs outside one big transaction on purpose: wagtail-localize
publishes translations in ``transaction.on_commit`` callbacks, which would
otherwise all fire at the very end, after the loader has already linked the
translated pages to each other. Each step is idempotent instead, so a run
that is interrupted is completed by the next one.
"""

import contextlib
import datetime
import json
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler

from core.models import NetworkFooter, NetworkSettings, SiteImage
from demo.generator import directory_demo_load
from directory.models import PartnershipDirectoryPage
from editorial.services import MODERATORS, TRANSLATORS, editorial_setup, organisation_onboard
from engagement.models import AccessionPage, ContactFormField, ContactFormPage
from home.models import HomeFeaturedInitiative, HomePage, HomePartnerHighlight, StandardPage
from initiatives.models import (
    InitiativeDocument,
    InitiativeGalleryImage,
    InitiativeIndexPage,
    InitiativeOccurrence,
    InitiativePage,
    NewsIndexPage,
    NewsPage,
)
from networks.services import network_add
from partners.models import (
    CooperationArea,
    MemberOrganisationIndexPage,
    MemberOrganisationPage,
    PartnerAgreement,
    PartnerIndexPage,
    PartnerPage,
)

from . import content, partner_languages, sites
from .media import document_upsert, image_upsert
from .translation import (
    PARTNER_LANGUAGES,
    TARGET_LANGUAGES,
    T,
    TranslationMemory,
    translation_progress,
    translation_save,
)


@contextlib.contextmanager
def indexing_deferred():
    """Skip the per-save search and reference index updates; the command rebuilds both at the end.

    Each save would otherwise run two index tasks inline (Wagtail's default
    immediate task backend), which more than doubles the loading time.
    """
    models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


DEMO_NAMESPACE = uuid.UUID("5d1c7a38-7f0e-4f4e-9a55-1e3b6c2d9a10")


def with_block_ids(key, blocks):
    """Stable block ids: wagtail-localize keys translated segments by them, and
    unchanged content then really is unchanged on the next run."""
    return [{**block, "id": str(uuid.uuid5(DEMO_NAMESPACE, f"{key}:{index}"))} for index, block in enumerate(blocks)]


def _without_ids(value):
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key not in ("id", "pk")}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value


def _fingerprint(page):
    """A page's content, child objects and relations, ignoring generated ids."""
    data = page.serializable_data()
    for volatile in (
        "latest_revision",
        "latest_revision_created_at",
        "last_published_at",
        "live_revision",
        "draft_title",
    ):
        data.pop(volatile, None)
    return json.dumps(_without_ids(data), sort_keys=True, cls=DjangoJSONEncoder)


def example(value):
    """An invented text (no seed describes it), marked as an example where readers see it."""
    mark = sites.EXAMPLE
    if isinstance(value, T):
        return T(*(f"{mark.get(language)}: {value.get(language)}" for language in ("pl", "en", "de")))
    return f"{mark.pl}: {value}"


@dataclass
class DemoSummary:
    counts: dict = field(default_factory=dict)
    accounts: list = field(default_factory=list)
    untranslated: list = field(default_factory=list)
    networks: list = field(default_factory=list)  # (name, URL)


def demo_counts():
    """What "the same demo" means: the numbers a second run must not change."""
    return {
        "locales": Locale.objects.count(),
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "home pages": HomePage.objects.count(),
        "partners": PartnerPage.objects.count(),
        "organisations": MemberOrganisationPage.objects.count(),
        "initiatives": InitiativePage.objects.count(),
        "event dates": InitiativeOccurrence.objects.count(),
        "news": NewsPage.objects.count(),
        "areas of cooperation": CooperationArea.objects.count(),
        "images": SiteImage.objects.count(),
        "documents": get_document_model().objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "sites": Site.objects.count(),
    }


class DemoLoader:
    def __init__(self, *, log=print):
        self.log = log
        self.memory = TranslationMemory()
        self.today = timezone.localdate()
        self.areas = {}
        self.partners = {}
        self.organisations = {}
        self.initiatives = {}
        self.documents = {}
        self.pages = {}
        self.to_translate = []  # Polish objects, parents before children
        self.sites = {}  # network key (demo/sites.py) → its wagtail Site
        self.admin = None
        self._password_hash = None

    # --- small helpers ------------------------------------------------------------
    def pl(self, value):
        """The Polish text of a value, remembering its translations for later."""
        if isinstance(value, T):
            self.memory.add(value)
            return value.pl
        if isinstance(value, str):
            self.memory.keep(value)
        return value

    def child_row_identity(self, key):
        """Translation key and locale of a translatable child row (agreement, event date, gallery picture).

        Stable across runs, so an unchanged page compares equal (and is left
        alone) and its translated rows keep their translations.
        """
        return {"translation_key": uuid.uuid5(DEMO_NAMESPACE, key), "locale": self.locale}

    def slug_of(self, value, fallback):
        if isinstance(value, T):
            self.memory.add_slug(value)
            return value.pl
        return value or fallback

    def day(self, value):
        if value is None or isinstance(value, datetime.date):
            return value
        return self.today + datetime.timedelta(days=value)

    def moment(self, value):
        if isinstance(value, datetime.datetime):
            return timezone.make_aware(value) if timezone.is_naive(value) else value
        day = self.today + datetime.timedelta(days=value)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(17, 0)))

    def upsert_page(self, *, parent, model, slug, fields, relations=None, m2m=None, tags=None, single=False):
        """The page ``slug`` under ``parent``, created or updated, then published as a new revision.

        A page whose content did not change is left alone, so a second run
        adds no revisions and takes a fraction of the time. ``single``: the
        parent has one page of this type (a section ``add_network`` created,
        under whatever slug), found and renamed rather than doubled.
        """
        children = model.objects.child_of(parent)
        page = children.filter(slug=slug).first() or (children.first() if single else None)
        if page is not None and page.slug != slug:
            fields = {**fields, "slug": slug}
        if page is None:
            page = model(slug=slug, owner=self.admin, **fields)
            self._assign(page, relations, m2m, tags)
            parent.add_child(instance=page)
        else:
            before = _fingerprint(page)
            for name, value in fields.items():
                setattr(page, name, value)
            self._assign(page, relations, m2m, tags)
            if _fingerprint(page) == before and not page.has_unpublished_changes:
                return page
        page.save_revision(user=self.admin, log_action=True).publish(user=self.admin)
        return model.objects.get(pk=page.pk)

    @staticmethod
    def _assign(page, relations, m2m, tags):
        for name, items in (relations or {}).items():
            setattr(page, name, items)
        for name, objects in (m2m or {}).items():
            getattr(page, name).set(objects)
        if tags is not None:
            page.tags.set(tags)

    def body(self, key, blocks):
        """StreamField raw data from the compact block tuples in content.py."""
        data = []
        for block in blocks:
            kind = block[0]
            if kind == "heading":
                data.append({"type": "heading", "value": {"text": self.pl(block[1]), "level": "h2"}})
            elif kind == "paragraph":
                data.append({"type": "paragraph", "value": self.pl(block[1])})
            elif kind == "quote":
                data.append(
                    {"type": "quote", "value": {"text": self.pl(block[1]), "attribute_name": self.pl(block[2])}}
                )
            elif kind == "image":
                _kind, key, alt, caption = block
                image = image_upsert(title=f"Demo: {key}", alt_text=self.pl(alt))
                data.append(
                    {
                        "type": "image",
                        "value": {
                            "image": image.pk,
                            "alt_text": self.pl(alt),
                            "caption": self.pl(caption),
                            "attribution": "",
                        },
                    }
                )
            elif kind == "documents":
                data.append(
                    {
                        "type": "documents",
                        "value": {
                            "title": self.pl(block[1]),
                            "documents": [self.documents[key].pk for key in block[2]],
                        },
                    }
                )
            elif kind == "call_to_action":
                _kind, text, label, page_key = block
                data.append(
                    {
                        "type": "call_to_action",
                        "value": {
                            "text": self.pl(text),
                            "button_label": self.pl(label),
                            "page": self.pages[page_key].pk,
                            "url": "",
                        },
                    }
                )
        return with_block_ids(key, data)

    # --- steps -------------------------------------------------------------------------
    def run(self):
        with indexing_deferred():
            return self._run()

    def _run(self):
        self.log("Locales and accounts…")
        self.locales()
        self.staff_accounts()
        self.log("Areas of cooperation…")
        self.cooperation_areas()
        self.log("Documents and images…")
        self.demo_documents()
        for spec in sites.NETWORKS:
            self.log(f"Network “{spec['name']}” on {spec['host']}…")
            self.network_build(spec)
        self.merged_demo_retire()
        self.log("Partnership directory (the networks' partner towns and 300 generated examples)…")
        directory_demo_load(generated=300)
        summary = DemoSummary()
        self.translate_all(summary)
        self.translate_partner_languages(summary)
        self.log("Roles, moderation workflows and organisations' access…")
        self.editorial_roles()
        summary.accounts = self.account_list()
        summary.networks = [(str(spec["name"]), self.sites[spec["key"]].root_url + "/") for spec in sites.NETWORKS]
        summary.counts = demo_counts()
        return summary

    def network_build(self, spec):
        """One network: its site and home, sections, pages, partners, members, initiatives and news."""
        key = spec["key"]
        self.pages = {}  # this network's pages by key, for menus and call-to-action links
        home = self.network_home(spec)
        self.section_pages(home, spec)
        if spec.get("accession"):
            self.accession_page(home, spec["accession"])
        if spec.get("contact_form"):
            self.contact_form_page(home, spec["contact_form"])
        self.standard_pages(home, spec)
        self.menu_order(spec["menu"])
        partners = [item for item in content.PARTNERS if item["network"] == key]
        organisations = [item for item in content.ORGANISATIONS if item["network"] == key]
        slugs = {item["slug"] for item in organisations}
        initiatives = [item for item in content.INITIATIVES if item["org"] in slugs]
        news = [item for item in content.NEWS if item["org"] in slugs]
        self.log(
            f"  {len(partners)} partner towns, {len(organisations)} organisations, "
            f"{len(initiatives)} initiatives, {len(news)} news"
        )
        self.partner_pages(partners)
        self.organisation_pages(organisations)
        self.initiative_pages(initiatives)
        self.news_pages(news)
        self.home_highlights(home, spec)

    def locales(self):
        for code, _name in settings.LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        self.locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        self.target_locales = [Locale.objects.get(language_code=code) for code in TARGET_LANGUAGES]

    def staff_accounts(self):
        for username, first_name, last_name, _role in content.STAFF_ACCOUNTS:
            user = self._user(username, first_name=first_name, last_name=last_name)
            if username == "admin":
                user.is_superuser = user.is_staff = True
                user.save(update_fields=["is_superuser", "is_staff"])
                self.admin = user

    def editorial_roles(self):
        """The real permission model (editorial app): roles, workflows, each organisation's rights.

        Runs after the translations exist, because a translator's rights sit
        on their language's home page.
        """
        editorial_setup()
        User = get_user_model()
        for username, _first, _last, role in content.STAFF_ACCOUNTS:
            user = User.objects.get(username=username)
            if role == "Moderators":
                user.groups.add(Group.objects.get(name=MODERATORS))
            elif isinstance(role, tuple):
                _kind, network_key = role
                user.groups.add(NetworkSettings.objects.get(site=self.sites[network_key]).moderators)
            elif role == "Translators":
                translator_groups = Group.objects.filter(
                    name__in=[TRANSLATORS.format(language=code) for code in TARGET_LANGUAGES]
                )
                user.groups.add(*translator_groups)

    def _user(self, username, *, first_name, last_name, email=None):
        User = get_user_model()
        user, _created = User.objects.get_or_create(username=username)
        user.first_name, user.last_name = first_name, last_name
        user.email = email or f"{username}@partnerhub.example"
        user.is_active = True
        if not self._password_hash:
            # One hash for every demo account: hashing is deliberately slow (PBKDF2).
            self._password_hash = make_password(settings.DEMO_PASSWORD)
        user.password = self._password_hash
        user.save()
        return user

    # --- a network's frame ------------------------------------------------------------
    def network_home(self, spec):
        """The network's site and Polish home page, with its footer and contact details."""
        if spec.get("default"):
            home, site = self.default_home_and_site(spec)
        else:
            # Created the way an operator would (manage.py add_network); translations come later.
            result = network_add(name=str(spec["name"]), kind=spec["kind"], host=spec["host"])
            home, site = result.home, result.site
        home = self.home_content(home, spec)
        network = NetworkSettings.objects.get(site=site)
        footer = network.footer if network.footer_id else NetworkFooter(locale=self.locale)
        footer.network_name = self.pl(spec["name"])
        footer.address = self.pl(spec["address"])
        footer.contact_text = self.pl(spec["contact_text"])
        footer.full_clean()
        footer.save()
        network.footer = footer
        network.kind = spec["kind"]
        network.contact_email = spec["email"]
        network.contact_phone = spec["phone"]
        network.save()
        if site.site_name != str(spec["name"]):
            site.site_name = str(spec["name"])
            site.save(update_fields=["site_name"])
        self.to_translate.append(footer)
        self.sites[spec["key"]] = site
        self.pages["home"] = home
        self.to_translate.append(home)
        return home

    def default_home_and_site(self, spec):
        """A HomePage as the default site's root, replacing Wagtail's "Welcome" page."""
        # Wagtail's migration creates the root; a flushed database (tests) lacks it.
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=self.locale))
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = None
        if site is not None and site.root_page.specific_class is HomePage:
            home = site.root_page.specific
        if home is None:
            page_type = ContentType.objects.get_for_model(Page)
            # The Welcome page may hold the slug we want: free it first.
            if site is not None and site.root_page.content_type_id == page_type.pk:
                site.root_page = root
                site.save(update_fields=["root_page"])
            for page in Page.objects.filter(depth=2, content_type=page_type):
                page.delete()
            home = HomePage(
                title=self.pl(spec["home"]["title"]),
                hero_title=self.pl(spec["home"]["hero_title"]),
                slug=self.slug_of(spec["home"]["slug"], "strona-glowna"),
                locale=self.locale,
                owner=self.admin,
            )
            root.add_child(instance=home)
            home.save_revision(user=self.admin).publish(user=self.admin)
        if site is None:
            site = Site(is_default_site=True)
        # The address `make demo` serves and prints: the sitemap's and feeds' absolute URLs name it too.
        hostname, _colon, port = spec["host"].partition(":")
        site.hostname, site.port, site.root_page, site.site_name = hostname, int(port or 80), home, str(spec["name"])
        site.save()
        Site.objects.exclude(pk=site.pk).filter(root_page__depth__lt=2).delete()
        NetworkSettings.objects.get_or_create(site=site, defaults={"kind": spec["kind"]})
        return HomePage.objects.get(pk=home.pk), site

    def home_content(self, home, spec):
        texts = spec["home"]
        fields = {
            "title": self.pl(texts["title"]),
            "hero_title": self.pl(texts["hero_title"]),
            "hero_text": self.pl(texts["hero_text"]),
            "introduction": self.pl(texts["introduction"]),
            "news_count": 3,
            "events_count": 4,
        }
        home = HomePage.objects.get(pk=home.pk)
        before = _fingerprint(home)
        for name, value in fields.items():
            setattr(home, name, value)
        home.slug = self.slug_of(texts["slug"], home.slug)
        home.hero_image = image_upsert(
            title=f"{spec['key']}: hero",
            alt_text=f"Ilustracja: {self.pl(texts['hero_title'])}",
        )
        if _fingerprint(home) != before or home.has_unpublished_changes:
            home.save_revision(user=self.admin).publish(user=self.admin)
        return HomePage.objects.get(pk=home.pk)

    def section_pages(self, home, spec):
        models = {
            "partners": PartnerIndexPage,
            "organisations": MemberOrganisationIndexPage,
            "initiatives": InitiativeIndexPage,
            "news": NewsIndexPage,
            "directory": PartnershipDirectoryPage,
        }
        for key, section in spec["sections"].items():
            page = self.upsert_page(
                parent=home,
                model=models[key],
                slug=self.slug_of(section["slug"], key),
                fields={
                    "title": self.pl(section["title"]),
                    "introduction": self.pl(section["introduction"]),
                    "show_in_menus": True,
                },
                single=True,
            )
            self.pages[key] = page
            self.to_translate.append(page)

    def standard_pages(self, home, spec):
        for page_spec in spec["pages"]:
            page = self.upsert_page(
                parent=home,
                model=StandardPage,
                slug=self.slug_of(page_spec["slug"], page_spec["key"]),
                fields={
                    "title": self.pl(page_spec["title"]),
                    "introduction": self.pl(page_spec["introduction"]),
                    "body": self.body(f"{spec['key']}:{page_spec['key']}", page_spec["body"]),
                    "show_in_menus": True,
                },
            )
            self.pages[page_spec["key"]] = page
            self.to_translate.append(page)

    def accession_page(self, home, spec):
        self.pages["accession"] = page = self.upsert_page(
            parent=home,
            model=AccessionPage,
            slug=self.slug_of(spec["slug"], "dolacz"),
            fields={
                "title": self.pl(spec["title"]),
                "introduction": self.pl(spec["introduction"]),
                "goals_help": self.pl(spec["goals_help"]),
                "consent_text": self.pl(spec["consent_text"]),
                "thank_you_text": self.pl(spec["thank_you_text"]),
                "show_in_menus": True,
            },
        )
        self.to_translate.append(page)

    def contact_form_page(self, home, spec):
        """Wagtail's form builder page; Polish only, as its field labels are not translatable rows."""
        fields = [
            ContactFormField(label=label, field_type=field_type, required=required, sort_order=number)
            for number, (label, field_type, required) in enumerate(spec["fields"])
        ]
        page = ContactFormPage.objects.child_of(home).first()
        if page is None:
            page = ContactFormPage(
                title=spec["title"],
                slug=spec["slug"],
                introduction=spec["introduction"],
                privacy_notice=spec["privacy_notice"],
                thank_you_text=spec["thank_you_text"],
                to_address=spec["to_address"],
                from_address="noreply@partnerhub.example",
                subject=spec["title"],
                form_fields=fields,
                owner=self.admin,
            )
            home.add_child(instance=page)
            page.save_revision(user=self.admin).publish(user=self.admin)
        self.pages["contact_form"] = page

    def menu_order(self, order):
        """Sections and pages in the order the network's menu lists them."""
        for position, key in enumerate(order[1:], start=1):
            page = Page.objects.get(pk=self.pages[key].pk)
            last = Page.objects.get(pk=self.pages[order[position - 1]].pk)
            if page.path < last.path:
                page.move(last, pos="right")

    def merged_demo_retire(self):
        """Pages of the earlier single-network demo that merged the seeds' bodies: gone, not left behind."""
        main = self.sites[sites.BOLESLAWIEC].root_page
        stale = [
            *PartnerIndexPage.objects.child_of(main),
            *PartnershipDirectoryPage.objects.child_of(main),
            *StandardPage.objects.child_of(main).filter(slug="cele-statutowe"),
        ]
        organisations = MemberOrganisationIndexPage.objects.child_of(main).first()
        if organisations is not None:
            stale += MemberOrganisationPage.objects.child_of(organisations).filter(
                slug__in=["gmina-konstancin-jeziorna", "ispmig"]
            )
        for page in stale:
            self.log(f"  removing {page.title} (the earlier merged demo)")
            for translation in page.get_translations():
                translation.delete()
            Page.objects.get(pk=page.pk).delete()

    def cooperation_areas(self):
        for slug, name, description in content.AREAS:
            area, _created = CooperationArea.objects.get_or_create(
                slug=slug, locale=self.locale, defaults={"name": self.pl(name)}
            )
            area.name, area.description = self.pl(name), self.pl(description)
            self.memory.keep(slug)
            area.full_clean()
            area.save()
            self.areas[slug] = area
        self.to_translate.extend(self.areas.values())

    def demo_documents(self):
        for key, spec in content.DOCUMENTS.items():
            self.documents[key] = document_upsert(title=spec["title"], lines=spec["lines"], kind=spec["kind"])

    def partner_pages(self, specs):
        index = self.pages.get("partners")
        for spec in specs:
            slug = spec["slug"]
            title = self.pl(spec["title"])
            coat = image_upsert(
                title=f"Demo: herb {title}",
                alt_text=f"Herb {title} (grafika demonstracyjna)",
                shape="emblem",
                size=(400, 400),
            )
            agreements = []
            for number, (date_signed, kind, place, signatories, document_key) in enumerate(spec["agreements"]):
                agreements.append(
                    PartnerAgreement(
                        **self.child_row_identity(f"{slug}:agreement:{number}"),
                        date_signed=date_signed,
                        kind=kind,
                        place=self.pl(place),
                        signatories=with_block_ids(
                            f"{slug}:{date_signed}",
                            [
                                {"type": "signatory", "value": {key: self.pl(text) for key, text in value.items()}}
                                for value in signatories
                            ],
                        ),
                        document=self.documents.get(document_key),
                    )
                )
            since = spec.get("since")
            page = self.upsert_page(
                parent=index,
                model=PartnerPage,
                slug=slug,
                fields={
                    "title": title,
                    "official_name": self.pl(spec["official_name"]),
                    "kind": spec.get("kind", "town"),
                    "country": spec["country"],
                    "region": self.pl(spec["region"]),
                    "local_unit": spec["local_unit"],
                    "latitude": Decimal(spec["lat"]),
                    "longitude": Decimal(spec["lng"]),
                    "relationship_status": spec["status"],
                    "cooperation_since_date": since,
                    "cooperation_since_year": since.year if since else spec.get("since_year"),
                    "summary": self.pl(spec["summary"]),
                    "coat_of_arms": coat,
                },
                relations={"agreements": agreements},
                m2m={"areas": [self.areas[area] for area in spec["areas"]]},
            )
            self.partners[slug] = page
            if spec.get("translate"):
                self.to_translate.append(page)

    def organisation_pages(self, specs):
        index = self.pages.get("organisations")
        for spec in specs:
            slug = spec["slug"]
            page = self.upsert_page(
                parent=index,
                model=MemberOrganisationPage,
                slug=slug,
                fields={
                    "title": self.pl(spec["title"]),
                    "kind": spec["kind"],
                    "role": spec["role"],
                    "joined_on": spec.get("joined"),  # only where the seed gives the date
                    "summary": self.pl(spec["summary"]),
                    "email": f"{slug}@partnerhub.example",
                },
            )
            page = organisation_onboard(organisation=page)
            collection = page.collection
            logo = image_upsert(
                title=f"Demo: logo {spec['title']}",
                alt_text=f"Logo: {spec['title']} (grafika demonstracyjna)",
                collection=collection,
                shape="emblem",
                size=(400, 400),
            )
            if page.logo_id != logo.pk:
                page.logo = logo
                page.save_revision(user=self.admin).publish(user=self.admin)
            self.organisations[slug] = MemberOrganisationPage.objects.get(pk=page.pk)
            self._organisation_editor(self.organisations[slug])
            if spec.get("translate"):
                self.to_translate.append(self.organisations[slug])

    def _organisation_editor(self, organisation):
        user = self._user(
            f"editor-{organisation.slug}",
            first_name="Redaktor",
            last_name=organisation.title[:150],
        )
        user.groups.add(organisation.editors_group)

    def initiative_pages(self, specs):
        for spec in specs:
            organisation = self.organisations[spec["org"]]
            title = self.pl(spec["title"])
            image = image_upsert(
                title=f"Demo: {spec['slug']}",
                alt_text=f"Ilustracja do inicjatywy „{title}”",
                collection=organisation.collection,
            )
            occurrences = [
                InitiativeOccurrence(
                    **self.child_row_identity(f"{spec['slug']}:occurrence:{number}"),
                    start=self.moment(start),
                    end=self.moment(start) + datetime.timedelta(hours=hours),
                    venue=self.pl(venue),
                    description=self.pl(description),
                )
                for number, (start, hours, venue, description) in enumerate(spec["occurrences"])
            ]
            gallery = [
                InitiativeGalleryImage(
                    **self.child_row_identity(f"{spec['slug']}:gallery:{number}"),
                    image=image_upsert(
                        title=f"Demo: {spec['slug']} galeria {number}",
                        alt_text=f"Zdjęcie {number} z inicjatywy „{title}”",
                        collection=organisation.collection,
                    ),
                    caption=self.pl(T(f"Zdjęcie {number}", f"Photo {number}", f"Foto {number}")),
                )
                for number in range(1, spec.get("gallery", 0) + 1)
            ]
            documents = [InitiativeDocument(document=self.documents[key]) for key in spec.get("documents", [])]
            for document in documents:
                if document.document.collection_id != organisation.collection_id:
                    document.document.collection = organisation.collection
                    document.document.save(update_fields=["collection"])
            programme, amount, currency = spec.get("funding", ("", None, "PLN"))
            fields = {
                "title": title,
                "summary": self.pl(example(spec["summary"])),
                "body": with_block_ids(spec["slug"], [{"type": "paragraph", "value": self.pl(spec["body"])}])
                if spec.get("body")
                else [],
                "status": spec["status"],
                "start_date": self.day(spec["start"]),
                "end_date": self.day(spec["end"]),
                "place": self.pl(spec["place"]),
                "main_image": image,
                "funding_programme": self.pl(programme),
                "funding_amount": Decimal(amount) if amount else None,
                "funding_currency": currency,
            }
            page = self.upsert_page(
                parent=organisation,
                model=InitiativePage,
                slug=self.slug_of(spec.get("slugs"), spec["slug"]),
                fields=fields,
                relations={"occurrences": occurrences, "gallery_images": gallery, "related_documents": documents},
                m2m={
                    "areas": [self.areas[area] for area in spec["areas"]],
                    "partners": [self.partners[partner] for partner in spec["partners"]],
                },
                tags=spec["tags"],
            )
            self.initiatives[spec["slug"]] = page
            if spec.get("translate"):
                self.to_translate.append(page)

    def news_pages(self, specs):
        for spec in specs:
            organisation = self.organisations[spec["org"]]
            title = self.pl(spec["title"])
            image = image_upsert(
                title=f"Demo: news {spec['slug']}",
                alt_text=f"Ilustracja do wiadomości „{title}”",
                collection=organisation.collection,
            )
            page = self.upsert_page(
                parent=organisation,
                model=NewsPage,
                slug=self.slug_of(spec.get("slugs"), spec["slug"]),
                fields={
                    "title": title,
                    "date": self.day(spec["date"]),
                    "intro": self.pl(example(spec["intro"])),
                    "body": with_block_ids(spec["slug"], [{"type": "paragraph", "value": self.pl(spec["body"])}])
                    if spec.get("body")
                    else [],
                    "main_image": image,
                    "related_initiative": self.initiatives.get(spec.get("initiative")),
                },
                m2m={"areas": [self.areas[area] for area in spec["areas"]]},
                tags=spec["tags"],
            )
            if spec.get("translate"):
                self.to_translate.append(page)

    def home_highlights(self, home, spec):
        home = HomePage.objects.get(pk=home.pk)
        before = _fingerprint(home)
        home.featured_initiatives = [
            HomeFeaturedInitiative(initiative=self.initiatives[slug]) for slug in spec["featured_initiatives"]
        ]
        home.partner_highlights = [
            HomePartnerHighlight(partner=self.partners[slug]) for slug in spec["partner_highlights"]
        ]
        if _fingerprint(home) != before:
            home.save_revision(user=self.admin).publish(user=self.admin)
        return HomePage.objects.get(pk=home.pk)

    # --- translations --------------------------------------------------------------------
    def translate_all(self, summary):
        total = len(self.to_translate) * len(self.target_locales)
        self.log(f"Translating {len(self.to_translate)} pages and snippets into {', '.join(TARGET_LANGUAGES)}…")
        done = 0
        translated = []
        for instance in self.to_translate:
            if isinstance(instance, Page):
                instance = Page.objects.get(pk=instance.pk).specific  # the published state
            for locale in self.target_locales:
                target = translation_save(instance=instance, locale=locale, memory=self.memory, user=self.admin)
                translated.append((instance, locale, target))
                done += 1
                if done % 10 == 0 or done == total:
                    self.log(f"  {done}/{total} translations")
        # Point translated pages at the translations of what they link to (areas,
        # partners, featured initiatives): wagtail-localize copies these as they are.
        for _instance, locale, target in translated:
            if isinstance(target, Page):
                self.localize_relations(page=target, locale=locale)
        for instance, locale, _target in translated:
            total_segments, done_segments = translation_progress(instance=instance, locale=locale)
            if done_segments < total_segments:
                summary.untranslated.append(f"{instance} → {locale.language_code}: {done_segments}/{total_segments}")

    def translate_partner_languages(self, summary):
        """Each partner town's page in its own language, with the frame it is read in there.

        The frame is what the page needs to exist and read whole in that
        language: its network's home page and partner towns' section (a
        wagtail-localize translation needs its parent's), the footer and the
        areas of cooperation. Nothing else of the network is
        translated into these languages, so the home page there features
        the partner towns rather than Polish initiatives.
        """
        for code in PARTNER_LANGUAGES:
            self.memory.add_language(code, partner_languages.TEXTS[code], partner_languages.SLUGS[code])
        done = set()
        homes = {}
        self.log(f"Partner towns in their own languages ({len(content.PARTNER_OWN_LANGUAGES)})…")
        for slug, code in content.PARTNER_OWN_LANGUAGES.items():
            locale = Locale.objects.get(language_code=code)
            partner = PartnerPage.objects.get(pk=self.partners[slug].pk)
            index = partner.get_parent().specific
            home = index.get_parent().specific
            footer = NetworkSettings.objects.get(site=partner.get_site()).footer
            # Every area, not only the page's: the section's filter offers them all.
            frame = [footer, home, index, *self.areas.values(), partner]
            for instance in frame:
                if (instance._meta.label, instance.pk, code) in done:
                    continue
                done.add((instance._meta.label, instance.pk, code))
                target = translation_save(instance=instance, locale=locale, memory=self.memory, user=self.admin)
                if isinstance(target, Page) and not isinstance(target.specific, HomePage):
                    self.localize_relations(page=target, locale=locale)
                total, translated = translation_progress(instance=instance, locale=locale)
                if translated < total:
                    summary.untranslated.append(f"{instance} → {code}: {translated}/{total}")
            homes[(home.pk, code)] = (home, locale)
        for home, locale in homes.values():
            self._partner_language_home(home=home, locale=locale)

    def _partner_language_home(self, *, home, locale):
        target = HomePage.objects.get(pk=home.get_translation(locale).pk)
        partners = [
            translated
            for item in home.partner_highlights.all()
            if (translated := item.partner.get_translation_or_none(locale)) is not None
        ]
        if not partners:
            partners = list(PartnerPage.objects.live().filter(locale=locale).descendant_of(target))
        wanted = [partner.pk for partner in partners]
        if [
            item.partner_id for item in target.partner_highlights.all()
        ] == wanted and not target.featured_initiatives.exists():
            return
        target.featured_initiatives = []
        target.partner_highlights = [HomePartnerHighlight(partner=partner) for partner in partners]
        with transaction.atomic():
            target.save_revision(user=self.admin).publish(user=self.admin)

    def localize_relations(self, *, page, locale):
        page = Page.objects.get(pk=page.pk).specific

        def localized(obj):
            return obj.get_translation_or_none(locale) or obj

        changed = False
        for name in ("areas", "partners", "organisers"):
            if not hasattr(page, name) or not hasattr(getattr(page, name), "all"):
                continue
            current = list(getattr(page, name).all())
            wanted = [localized(obj) for obj in current]
            if [obj.pk for obj in wanted] != [obj.pk for obj in current]:
                getattr(page, name).set(wanted)
                changed = True
        if isinstance(page, HomePage):
            featured = [localized(item.initiative) for item in page.featured_initiatives.all()]
            highlights = [localized(item.partner) for item in page.partner_highlights.all()]
            if [item.initiative_id for item in page.featured_initiatives.all()] != [obj.pk for obj in featured] or [
                item.partner_id for item in page.partner_highlights.all()
            ] != [obj.pk for obj in highlights]:
                page.featured_initiatives = [HomeFeaturedInitiative(initiative=obj) for obj in featured]
                page.partner_highlights = [HomePartnerHighlight(partner=obj) for obj in highlights]
                changed = True
        if isinstance(page, NewsPage) and page.related_initiative_id:
            related = localized(page.related_initiative)
            if related.pk != page.related_initiative_id:
                page.related_initiative = related
                changed = True
        if changed:
            with transaction.atomic():
                page.save_revision(user=self.admin).publish(user=self.admin)

    def account_list(self):
        accounts = [
            ("admin", "superuser"),
            ("moderator", "Moderators (every network)"),
            ("translator", "Translators (en), Translators (de)"),
        ]
        for username, _first, _last, role in content.STAFF_ACCOUNTS:
            if isinstance(role, tuple):
                accounts.append((username, f"{sites.BY_KEY[role[1]]['name']}: moderators (that network only)"))
        for organisation in self.organisations.values():
            accounts.append((f"editor-{organisation.slug}", organisation.editors_group.name))
        return accounts
