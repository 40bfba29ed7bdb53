"""Creating a partnership network: a Wagtail site with its home pages, sections, moderators and media.

One hosting body runs many networks on one PartnerHub; each is a
``wagtail.Site`` on its own host name. ``network_add`` is what
``manage.py add_network`` runs. It is idempotent: run again with the same
host, it keeps what exists, creates what is missing and repairs the
moderators' rights, so it is safe on every deploy.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale, Page, Site
from wagtail_localize.operations import TranslationCreator

from core.models import NetworkFooter, NetworkKind, NetworkSettings
from directory.models import PartnershipDirectoryPage
from editorial.services import network_moderation_setup
from home.models import HomePage
from initiatives.models import InitiativeIndexPage, NewsIndexPage
from partners.models import MemberOrganisationIndexPage, PartnerIndexPage

# The sections a new network starts with, by kind: (key, page model, Polish title, slug).
# Titles are content, in the default language; translators translate them.
_ORGANISATIONS = ("organisations", MemberOrganisationIndexPage, "Organizacje członkowskie", "organizacje")
_PARTNERS = ("partners", PartnerIndexPage, "Miasta partnerskie", "miasta-partnerskie")
_INITIATIVES = ("initiatives", InitiativeIndexPage, "Inicjatywy", "inicjatywy")
_NEWS = ("news", NewsIndexPage, "Aktualności", "aktualnosci")
_DIRECTORY = ("directory", PartnershipDirectoryPage, "Baza partnerstw", "baza-partnerstw")

SECTIONS_BY_KIND = {
    NetworkKind.LOCAL_PARTNERSHIP: (_ORGANISATIONS, _INITIATIVES, _NEWS),
    NetworkKind.TWIN_TOWN_ASSOCIATION: (_PARTNERS, _INITIATIVES, _NEWS),
    NetworkKind.MUNICIPALITY: (_PARTNERS, _INITIATIVES, _NEWS),
    NetworkKind.ASSOCIATION_OF_MUNICIPALITIES: (_ORGANISATIONS, _INITIATIVES, _NEWS),
    # The portal aggregates: the partnership directory is the portal's.
    NetworkKind.TWINNING_PORTAL: (_DIRECTORY, _NEWS),
}


@dataclass
class NetworkResult:
    site: Site
    network: NetworkSettings
    home: HomePage
    created: list = field(default_factory=list)  # what this run created, for the command's report

    @property
    def url(self):
        return self.site.root_url + "/"


def parse_host(value):
    """``"boleslawiec.localhost:8000"`` → ("boleslawiec.localhost", 8000); the port defaults to 80."""
    hostname, _colon, port = value.strip().lower().partition(":")
    if not hostname or any(char in hostname for char in "/ @"):
        raise ValidationError({"host": f"{value!r} is not a host name (e.g. boleslawiec.localhost:8000)."})
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        raise ValidationError({"host": f"{port!r} is not a port number."})
    return hostname, int(port or 80)


def _unique_root_slug(wanted):
    """Home pages are siblings under Wagtail's root: each network needs its own slug."""
    slug, number = wanted, 2
    while Page.objects.filter(depth=2, slug=slug).exists():
        slug, number = f"{wanted}-{number}", number + 1
    return slug


def _home_create(*, name, locale, created):
    home = HomePage(title=name, hero_title=name, slug=_unique_root_slug(slugify(name)[:60] or "network"), locale=locale)
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    created.append(f"home page /{home.slug}/")
    return home


def _sections_create(*, home, kind, created):
    for key, model, title, slug in SECTIONS_BY_KIND[kind]:
        if model.objects.child_of(home).exists():
            continue
        page = model(title=title, slug=slug, locale=home.locale, show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
        created.append(f"section {key} ({title})")


def _translations_create(*, home, language_codes, created):
    """The home page and its sections in other languages, through wagtail-localize's own path.

    Each translation starts as a draft copy of the Polish text: it goes live
    when a translator has translated it and a moderator approved it, so a
    reader asking for English never gets Polish text under ``lang="en"``.
    """
    known = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    unknown = sorted(set(language_codes) - known)
    if unknown:
        raise ValidationError({"languages": f"Not a content language of this installation: {', '.join(unknown)}."})
    locales = [Locale.objects.get_or_create(language_code=code)[0] for code in language_codes]
    missing = [locale for locale in locales if locale != home.locale and not home.has_translation(locale)]
    if not missing:
        return
    creator = TranslationCreator(user=None, target_locales=missing)
    for page in [home, *home.get_children().specific()]:
        creator.create_translations(page)
    # Drafts because WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off (settings/base.py).
    created.extend(f"draft translation ({locale.language_code})" for locale in missing)


@transaction.atomic
def network_add(*, name, kind, host, language_codes=()):
    """Create the network on ``host`` or, if that host already has a site, bring it up to date."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": "A network needs a name."})
    if kind not in NetworkKind.values:
        raise ValidationError({"kind": f"{kind!r} is not a kind of network ({', '.join(NetworkKind.values)})."})
    hostname, port = parse_host(host)
    created = []
    locale = Locale.get_default()
    site = Site.objects.filter(hostname=hostname, port=port).select_related("root_page").first()
    if site is None:
        home = _home_create(name=name, locale=locale, created=created)
        site = Site.objects.create(
            hostname=hostname, port=port, root_page=home, site_name=name, is_default_site=not Site.objects.exists()
        )
        created.append(f"site {hostname}:{port}")
    else:
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            raise ValidationError(
                {"host": f"{hostname}:{port} is served by a {type(home).__name__}, not a network home."}
            )

    network, network_created = NetworkSettings.objects.get_or_create(site=site, defaults={"kind": kind})
    if network_created:
        created.append(f"network settings ({kind})")
    elif network.kind != kind:
        NetworkSettings.objects.filter(pk=network.pk).update(kind=kind)
        network.kind = kind
    if network.footer_id is None:
        footer = NetworkFooter.objects.create(network_name=name, locale=locale)
        NetworkSettings.objects.filter(pk=network.pk).update(footer=footer)
        network.footer = footer

    _sections_create(home=home, kind=kind, created=created)
    _translations_create(home=home, language_codes=[code for code in language_codes if code], created=created)
    network = network_moderation_setup(network=network, name=name)
    return NetworkResult(site=site, network=network, home=home, created=created)
