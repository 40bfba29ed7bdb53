"""Template tags for the site chrome: navigation and the language switcher."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from core.localization import localized
from core.models import NetworkSettings
from core.queries import once_per_request, pages_public, request_memo

register = template.Library()


def current_home(request):
    """The site's home page in the reader's language (the one the request was routed through, if it was)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return once_per_request(request, ("home", translation.get_language()), lambda: site.root_page.localized)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The site's main navigation."""
    request = context["request"]
    home = current_home(request)
    items = list(pages_public(home.get_children().live().in_menu())) if home else []
    network = NetworkSettings.for_request(request) if home else None
    html = render_to_string(
        "components/main_menu.html",
        {
            "home": home,
            "logo": network.logo if network is not None and network.logo_id else None,
            "menu_items": items,
            "current_page": context.get("page"),
            "request": request,
        },
    )
    return mark_safe(html)  # noqa: S308  # nosec B308, B703  # rendered by our own template, autoescaped


def published_translations(request, page):
    """{language code: page} of the page's live, public translations (itself included).

    The language switcher and the hreflang links need them, for the page and
    for the home page: one query for both, once per request.
    """
    if page is None or not isinstance(page, Page) or not page.pk:
        return {}
    memo = request_memo(request)
    if ("translations", page.translation_key) not in memo:
        home = current_home(request)
        keys = {page.translation_key, *([home.translation_key] if home is not None else [])}
        found = {key: {} for key in keys}
        translations = pages_public(Page.objects.filter(translation_key__in=keys).live()).filter(alias_of__isnull=True)
        for translated in translations.select_related("locale"):
            found[translated.translation_key][translated.locale.language_code] = translated
        memo.update({("translations", key): pages for key, pages in found.items()})
    return memo[("translations", page.translation_key)]


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
