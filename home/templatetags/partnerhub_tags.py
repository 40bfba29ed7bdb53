"""Template tags for the site chrome: navigation and the language switcher."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from core.localization import localized
from core.queries import pages_public

register = template.Library()


def _once_per_request(request, key, build):
    """``build()`` computed once for this request: several tags of a page need the same rows."""
    found = getattr(request, "partnerhub_lookups", None)
    if found is None:
        found = request.partnerhub_lookups = {}
    if key not in found:
        found[key] = build()
    return found[key]


def current_home(request):
    """The site's home page in the reader's language."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return _once_per_request(request, ("home", translation.get_language()), lambda: site.root_page.localized)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The site's main navigation."""
    request = context["request"]
    home = current_home(request)
    items = list(pages_public(home.get_children().live().in_menu())) if home else []
    html = render_to_string(
        "components/main_menu.html",
        {"home": home, "menu_items": items, "current_page": context.get("page"), "request": request},
    )
    return mark_safe(html)  # noqa: S308  (rendered by our own template, autoescaped)


def published_translations(request, page):
    """{language code: page} of the page's live, public translations (itself included).

    The language switcher and the hreflang links both need it, for the page and the home page.
    """
    if page is None or not isinstance(page, Page) or not page.pk:
        return {}

    def build():
        translations = pages_public(page.get_translations(inclusive=True).live()).filter(alias_of__isnull=True)
        return {translated.locale.language_code: translated for translated in translations.select_related("locale")}

    return _once_per_request(request, ("translations", page.translation_key), build)


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language it is published in; a note otherwise.

    A language with no published translation of this page links to that
    language's home page instead, marked as such, so the switcher never leads
    to a 404 or to a draft. A language with no published home at all is left
    out.
    """
    return _language_switcher_context(context["request"], context.get("page"), translation.get_language())


def _language_switcher_context(request, page, current_language):
    names = dict(settings.LANGUAGES)
    translations = published_translations(request, page)
    home = current_home(request)
    homes = published_translations(request, home) if home is not None else {}
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if code == current_language:
            links.append({"code": code, "name": name, "is_current": True})
        elif target is not None:
            links.append({"code": code, "name": name, "url": target.get_url(request)})
        elif code in homes:
            links.append({"code": code, "name": name, "url": homes[code].get_url(request), "is_home": True})
    untranslated = any(link.get("is_home") for link in links)
    return {
        "links": links,
        "current_language": current_language,
        "current_name": names.get(current_language),
        "has_untranslated": untranslated,
    }


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """(language code, absolute URL) for each published translation, for hreflang."""
    request = context["request"]
    return [
        (code, translated.get_full_url(request))
        for code, translated in sorted(published_translations(request, context.get("page")).items())
    ]


@register.simple_tag
def default_locale_code():
    """The default locale's code: what ``Locale.get_default()`` looks up, without its query."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


# Pages and snippets in the reader's language: {{ page.partners.all|localized }}.
register.filter("localized", localized)
