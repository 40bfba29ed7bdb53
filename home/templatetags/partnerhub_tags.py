"""Template tags for the site chrome: navigation and the language switcher."""

from django import template
from django.conf import settings
from django.utils import translation

from wagtail.models import Locale, Page, Site

register = template.Library()


def _current_home(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    home = _current_home(request)
    items = home.get_children().live().in_menu().public() if home else Page.objects.none()
    current = context.get("page")
    return {"home": home, "menu_items": items, "current_page": current, "request": request}


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language it is published in; a note otherwise.

    A language with no published translation of this page links to that
    language's home page instead, so the switcher never leads to a 404.
    """
    request = context["request"]
    page = context.get("page")
    names = dict(settings.LANGUAGES)
    current_language = translation.get_language()
    translations = {}
    if page is not None and getattr(page, "pk", None):
        for translated in page.get_translations(inclusive=True).live().public().select_related("locale"):
            translations[translated.locale.language_code] = translated
    home = _current_home(request)
    homes = {}
    if home is not None:
        for translated_home in home.get_translations(inclusive=True).live().select_related("locale"):
            homes[translated_home.locale.language_code] = translated_home
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": target.get_url(request) if target else None,
                "home_url": homes[code].get_url(request) if code in homes else None,
                "is_current": code == current_language,
            }
        )
    return {"links": links, "current_language": current_language, "current_name": names.get(current_language)}


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """(language code, absolute URL) for each published translation, for hreflang."""
    request = context["request"]
    page = context.get("page")
    if page is None or not getattr(page, "pk", None):
        return []
    return [
        (translated.locale.language_code, translated.get_full_url(request))
        for translated in page.get_translations(inclusive=True).live().public().select_related("locale")
    ]


@register.simple_tag
def default_locale_code():
    return Locale.get_default().language_code
