"""The network content of tests/network_content.py translated into German
through wagtail-localize's services, for the reading tests of tests/l10n.

The co-organiser (Parafia św. Mikołaja) is left untranslated on purpose: the
German initiative still links to it.
"""

from dataclasses import dataclass

from wagtail.models import Locale, Page

from tests.l10n.conftest import translate
from tests.network_content import build_network_content

INITIATIVE_DE = {
    "Wymiana młodzieży Borken 2026": "Jugendaustausch Borken 2026",
    "wymiana": "austausch",
    "Tydzień warsztatów dla młodzieży z obu miast.": "Eine Woche Workshops für die Jugend beider Städte.",
    "Bolesławiec, Dom Kultury": "Bolesławiec, Kulturhaus",
    "Europe for Citizens": "Europa für Bürgerinnen und Bürger",
    "Rynek w Bolesławcu": "Marktplatz in Bolesławiec",
    "Koncert": "Konzert",
}


@dataclass
class GermanContent:
    pl: object  # tests.network_content.NetworkContent (the Polish pages)
    de: dict  # attribute name -> the German page or area


def german(instance):
    """The German translation of a page (specific) or snippet."""
    locale = Locale.objects.get(language_code="de")
    if isinstance(instance, Page):
        return Page.objects.get(pk=instance.get_translation(locale).pk).specific
    return instance.get_translation(locale)


def build_german_content(german_tree):
    content = build_network_content(german_tree)
    translate(content.area, "de", {"Wymiana młodzieży": "Jugendaustausch"})
    translate(
        content.standard,
        "de",
        {
            "O partnerstwie": "Über die Partnerschaft",
            "o-nas": "ueber-uns",
            "Lokalne partnerstwo od 2013 roku.": "Eine lokale Partnerschaft seit 2013.",
        },
    )
    translate(
        Page.objects.get(pk=content.partner.pk).specific,
        "de",
        {"Miasto w Westfalii.": "Eine Stadt in Westfalen.", "Nadrenia Północna-Westfalia": "Nordrhein-Westfalen"},
    )
    translate(
        Page.objects.get(pk=content.organisation.pk).specific,
        "de",
        {"MOPS": "Sozialzentrum MOPS", "Miejski Ośrodek Pomocy Społecznej.": "Städtisches Sozialhilfezentrum."},
    )
    translate(Page.objects.get(pk=content.initiative.pk).specific, "de", INITIATIVE_DE)
    translate(
        Page.objects.get(pk=content.news.pk).specific,
        "de",
        {
            "Podpisaliśmy nowe porozumienie": "Wir haben eine neue Vereinbarung unterzeichnet",
            "porozumienie": "vereinbarung",
            "Nowy rozdział współpracy z Borken.": "Ein neues Kapitel der Zusammenarbeit mit Borken.",
        },
    )
    # Synced again now that the Polish home features the initiative and the partner (kept translations stay).
    translate(Page.objects.get(pk=german_tree.home.pk).specific, "de", {})
    de = {
        name: german(getattr(content, name))
        for name in ("standard", "partner", "organisation", "initiative", "news", "area")
    }
    de.update(
        {name: german(getattr(german_tree, name)) for name in ("home", "partners", "organisations", "initiatives")}
    )
    de["news_index"] = german(german_tree.news)
    return GermanContent(content, de)
